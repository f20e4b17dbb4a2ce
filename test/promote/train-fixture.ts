import { derivedTemplate } from "./harness.js";
import { imageDigest, pinned, PRODUCTION_ENVIRONMENT, type FixtureRepository } from "./fixture-repo.js";

/**
 * The release train's fixture: the promotion fixture (staging and production at v0.1.0/v0.2.0)
 * plus a development environment that follows `main` (chartRevision main, images by tag and the
 * digest their build recorded), and production in two clusters, eu (where Argo CD runs) and us.
 * Built once per test file from the file's template, by one more commit.
 */
export const DEVELOPMENT_ENVIRONMENT = `# yaml-language-server: $schema=../../schemas/environment.json
# Development follows main; nothing is promoted into it.
name: development
description: Development of the fixture.
tier: development
repository:
  url: https://github.com/example/gitops.git
  revision: main
destination:
  server: https://dev.k8s.example.com
domain: dev.example.com
components:
  alpha:
    enabled: true
    chartRevision: main
    imageTag: v1.2.0
    imageDigest: ${imageDigest("alpha", "v1.2.0")}
    namespace: alpha-dev
  beta:
    enabled: true
    chartRevision: main
    imageTag: v1.0.0
    imageDigest: ${imageDigest("beta", "v1.0.0")}
  gamma:
    enabled: true
    chartRevision: main
    imageTag: v2.0.0
    imageDigest: ${imageDigest("gamma", "v2.0.0")}
`;

export const CLUSTERS = `clusters:
  - name: eu
    region: eu-west-1
  - name: us   # registered in Argo CD as production-us
    server: https://us.prod.k8s.example.com
    region: us-east-1
    credentials:
      secretStore: vault-production
      key: platform/production/clusters/us
`;

/** Production's environment.yaml in two clusters (the fixture's production with `clusters:` before `components:`). */
export function productionInClusters(fixture: Pick<FixtureRepository, "release">): string {
  return pinned(PRODUCTION_ENVIRONMENT.replace("components:\n", `${CLUSTERS}components:\n`), fixture);
}

const values = (component: string, replicas: number) => `# yaml-language-server: $schema=../../../charts/${component}/values.schema.json\nreplicas: ${replicas}\nhostname: ${component}.dev.example.com\n`;

export const trainTemplate = derivedTemplate("train", (fixture) => {
  fixture.commitAndPush(
    "development follows main; production runs in eu and us",
    {
      "environments/development/environment.yaml": DEVELOPMENT_ENVIRONMENT,
      "environments/development/values/alpha.yaml": values("alpha", 1),
      "environments/development/values/beta.yaml": values("beta", 1),
      "environments/development/values/gamma.yaml": values("gamma", 1),
      "environments/production/environment.yaml": productionInClusters(fixture),
    },
    ["development", "production"],
  );
});
