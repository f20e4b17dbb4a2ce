import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chartFiles, environmentFiles, fixtureCommit, removeTree, writeFixtureRepo, type FixtureEnvironment } from "../../../test/gitops/support/fixture-repo.js";
import { readGeneratorInputs } from "./inputs.js";
import { argocdSizing, argocdSizingValues, MAX_CONTROLLER_REPLICAS } from "./manifests/argocd-sizing.js";
import { planGitops } from "./plan.js";
import { formatProblem, type Problem } from "./problems.js";

/** Environments in several clusters (cluster-plan.ts): what is generated per cluster, and the GEN042-GEN046 checks. */

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

const CHARTS = {
  ...chartFiles({ name: "common", type: "library" }),
  ...chartFiles({ name: "cert-manager", layer: "infrastructure", group: "security" }),
  ...chartFiles({ name: "vault-secrets", layer: "infrastructure", group: "security" }),
  ...chartFiles({ name: "gateway", layer: "platform", group: "edge", dependencies: "cert-manager" }),
  ...chartFiles({ name: "portal", layer: "application", group: "ui", dependencies: "gateway" }),
};
const ALL_ON = {
  "cert-manager": { enabled: true, chartRevision: "main", imageTag: "main" },
  // Deployed into Argo CD's namespace, like argocd-secrets: the first cluster only.
  "vault-secrets": { enabled: true, chartRevision: "main", imageTag: "main", namespace: "argocd" },
  gateway: { enabled: true, chartRevision: "main", imageTag: "main" },
  portal: { enabled: true, chartRevision: "main", imageTag: "main" },
} as FixtureEnvironment["components"];

const US = { name: "us", server: "https://us.k8s.example.com:6443", region: "us-east-1", labels: { tier: "gold" }, credentials: { secretStore: "vault-dev", key: "platform/dev/clusters/us" } };
const TWO = [{ name: "eu", region: "eu-west-1" }, US];
const overlayModeline = (component: string) => `# yaml-language-server: $schema=../../../../../charts/${component}/values.schema.json`;

function planWith(clusters: unknown[] | undefined, files: Record<string, string> = {}, components = ALL_ON) {
  const root = writeFixtureRepo({ ...CHARTS, ...environmentFiles({ name: "dev", components, ...(clusters ? { extra: { clusters } } : {}) }), ...files });
  roots.push(root);
  return planGitops(readGeneratorInputs(root));
}

function only(problems: readonly Problem[]): Problem {
  expect(problems, problems.map(formatProblem).join("\n")).toHaveLength(1);
  return problems[0] as Problem;
}

const fileOf = (result: ReturnType<typeof planWith>, path: string) => {
  const file = result.environments[0]?.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not planned; planned: ${result.environments[0]?.files.map((f) => f.path).join(", ")}`);
  return parse(file.content) as Record<string, any>;
};

describe("an environment in one cluster", () => {
  it("without clusters: no cluster in names, labels, paths or projects", () => {
    const result = planWith(undefined);
    expect(result.problems).toEqual([]);
    const paths = result.environments[0]?.files.map((f) => f.path) ?? [];
    expect(paths.filter((p) => /clusters|cluster-registrations/.test(p))).toEqual([]);
    const portal = fileOf(result, "apps/dev/layers/application/dev-portal.yaml");
    expect(portal.metadata.labels["platform.mcp-security.io/cluster"]).toBeUndefined();
    expect(portal.spec.destination.server).toBe("https://kubernetes.default.svc");
    expect(portal.spec.info.map((i: { name: string }) => i.name)).not.toContain("Cluster");
  });

  it("listing only the cluster Argo CD runs in keeps every name and registers nothing", () => {
    const result = planWith([{ name: "eu", region: "eu-west-1" }]);
    expect(result.problems).toEqual([]);
    const paths = result.environments[0]?.files.map((f) => f.path) ?? [];
    expect(paths).toContain("apps/dev/layers/application/dev-portal.yaml");
    expect(paths.filter((p) => /apps\/dev\/(clusters|cluster-registrations)\//.test(p) || p.endsWith("dev-clusters.yaml"))).toEqual([]);
  });
});

describe("an environment in two clusters", () => {
  const result = planWith(TWO, { "environments/dev/clusters/us/values/portal.yaml": `${overlayModeline("portal")}\nautoscaling:\n  enabled: true\n` });

  it("plans without problems", () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it("keeps the first cluster's Application names and gives every other cluster's `<env>-<cluster>-<component>` under clusters/<cluster>/layers/", () => {
    const paths = result.environments[0]?.files.map((f) => f.path) ?? [];
    expect(paths).toContain("apps/dev/layers/application/dev-portal.yaml");
    expect(paths).toContain("apps/dev/clusters/us/layers/application/dev-us-portal.yaml");
    expect(paths).toContain("apps/dev/clusters/us/layers/application/kustomization.yaml");
    expect(paths).toContain("apps/dev/root/dev-us-infrastructure.yaml");
    const us = fileOf(result, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml");
    expect(us.metadata.name).toBe("dev-us-portal");
    expect(us.metadata.labels["platform.mcp-security.io/cluster"]).toBe("us");
    expect(us.spec.destination).toEqual({ server: US.server, namespace: "applications" });
    expect(fileOf(result, "apps/dev/layers/application/dev-portal.yaml").spec.destination.server).toBe("https://kubernetes.default.svc");
  });

  it("runs the components of Argo CD's namespace in the first cluster only", () => {
    const paths = result.environments[0]?.files.map((f) => f.path) ?? [];
    expect(paths).toContain("apps/dev/layers/infrastructure/dev-vault-secrets.yaml");
    expect(paths.filter((p) => p.includes("vault-secrets") && p.includes("/clusters/"))).toEqual([]);
  });

  it("reads the cluster's overlay after the environment's values file, and plans with the merged values", () => {
    const us = fileOf(result, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml");
    const chart = us.spec.sources.find((s: { ref?: string }) => s.ref === undefined);
    expect(chart.helm.valueFiles).toEqual(["$values/environments/dev/values/portal.yaml", "$values/environments/dev/clusters/us/values/portal.yaml"]);
    // autoscaling.enabled comes from the overlay only: the us Application leaves the replicas to the autoscaler, the eu one does not.
    expect(us.spec.ignoreDifferences).toContainEqual({ group: "apps", kind: "Deployment", jsonPointers: ["/spec/replicas"] });
    expect(fileOf(result, "apps/dev/layers/application/dev-portal.yaml").spec.ignoreDifferences).toBeUndefined();
  });

  it("keeps waves and dependency order within each cluster, each cluster under its own layer Applications after its registration", () => {
    const wave = (path: string) => Number(fileOf(result, path).metadata.annotations["argocd.argoproj.io/sync-wave"]);
    expect([wave("apps/dev/clusters/us/layers/infrastructure/dev-us-cert-manager.yaml"), wave("apps/dev/clusters/us/layers/platform/dev-us-gateway.yaml"), wave("apps/dev/clusters/us/layers/application/dev-us-portal.yaml")]).toEqual([
      wave("apps/dev/layers/infrastructure/dev-cert-manager.yaml"),
      wave("apps/dev/layers/platform/dev-gateway.yaml"),
      wave("apps/dev/layers/application/dev-portal.yaml"),
    ]);
    const layer = fileOf(result, "apps/dev/root/dev-us-platform.yaml");
    expect(layer.spec.source.path).toBe("apps/dev/clusters/us/layers/platform");
    expect(wave("apps/dev/root/dev-us-infrastructure.yaml")).toBeGreaterThan(wave("apps/dev/root/dev-clusters.yaml"));
    expect(wave("apps/dev/root/dev-clusters.yaml")).toBeGreaterThan(wave("apps/dev/root/dev-infrastructure.yaml"));
    expect(wave("apps/dev/root/dev-us-application.yaml")).toBeGreaterThan(wave("apps/dev/root/dev-us-platform.yaml"));
  });

  it("lets each project deploy to exactly the (server, namespace) pairs its components use", () => {
    const destinations = (name: string) => fileOf(result, `apps/dev/root/projects/${name}.yaml`).spec.destinations;
    expect(destinations("dev-infrastructure")).toEqual([
      { namespace: "infrastructure", server: "https://kubernetes.default.svc" },
      { namespace: "infrastructure", server: US.server },
    ]);
    expect(destinations("dev-argocd")).toEqual([{ namespace: "argocd", server: "https://kubernetes.default.svc" }]);
    expect(destinations("dev-clusters")).toEqual([{ namespace: "argocd", server: "https://kubernetes.default.svc" }]);
    expect(fileOf(result, "apps/dev/root/projects/dev-clusters.yaml").spec.namespaceResourceWhitelist).toEqual([{ group: "external-secrets.io", kind: "ExternalSecret" }]);
  });

  it("registers the other cluster with a cluster Secret the store fills: no credential in the repository", () => {
    const secret = fileOf(result, "apps/dev/cluster-registrations/cluster-dev-us.yaml");
    expect(secret).toMatchObject({ apiVersion: "external-secrets.io/v1", kind: "ExternalSecret", metadata: { name: "cluster-dev-us", namespace: "argocd" } });
    expect(secret.spec.secretStoreRef).toEqual({ name: "vault-dev", kind: "ClusterSecretStore" });
    expect(secret.spec.target.template.metadata.labels).toMatchObject({ "argocd.argoproj.io/secret-type": "cluster", "topology.kubernetes.io/region": "us-east-1", tier: "gold" });
    expect(secret.spec.target.template.data).toMatchObject({ name: "dev-us", server: US.server, shard: "1" });
    expect(JSON.parse(secret.spec.target.template.data.config.replace(/{{ \.(\w+) }}/g, "x"))).toEqual({ bearerToken: "x", tlsClientConfig: { insecure: false, caData: "x" } });
    expect(secret.spec.data.map((d: { remoteRef: { key: string; property: string } }) => d.remoteRef)).toEqual([
      { key: "platform/dev/clusters/us", property: "bearer-token" },
      { key: "platform/dev/clusters/us", property: "ca-data" },
    ]);
    const application = fileOf(result, "apps/dev/root/dev-clusters.yaml");
    expect(application.spec).toMatchObject({ project: "dev-clusters", source: { path: "apps/dev/cluster-registrations" }, destination: { server: "https://kubernetes.default.svc", namespace: "argocd" } });
  });
});

describe("the clusters and their overlays, refused with one precise problem each", () => {
  it("GEN042 a cluster listed twice", () => {
    const problem = only(planWith([...TWO, { ...US, server: "https://other.example.com" }]).problems);
    expect(problem).toMatchObject({ code: "GEN042", path: "clusters[2].name", message: 'cluster "us" is listed twice (clusters[1] and clusters[2]).' });
    expect(problem.location?.line).toBeGreaterThan(1);
  });

  it("GEN043 an overlay directory that names no cluster, and any overlay in an environment without clusters", () => {
    const files = { "environments/dev/clusters/ap/values/portal.yaml": `${overlayModeline("portal")}\n` };
    expect(only(planWith(TWO, files).problems)).toMatchObject({ code: "GEN043", file: "environments/dev/clusters/ap/values/portal.yaml", message: "environments/dev/clusters/ap/ names no cluster of environment.yaml, which lists eu, us." });
    expect(only(planWith(undefined, files).problems)).toMatchObject({ code: "GEN043" });
  });

  it("GEN044 an overlay of a disabled component, and of a component of Argo CD's namespace in another cluster", () => {
    const disabled = planWith(TWO, { "environments/dev/clusters/us/values/portal.yaml": `${overlayModeline("portal")}\n` }, { ...ALL_ON, portal: { enabled: false } });
    expect(only(disabled.problems)).toMatchObject({ code: "GEN044", file: "environments/dev/clusters/us/values/portal.yaml", message: "portal is not enabled in dev, so no Application reads this overlay." });
    const argocd = planWith(TWO, { "environments/dev/clusters/us/values/vault-secrets.yaml": `${overlayModeline("vault-secrets")}\n` });
    expect(only(argocd.problems)).toMatchObject({ code: "GEN044", message: "vault-secrets is deployed into Argo CD's namespace and runs only in the first cluster (eu), not in us." });
    // The same overlay for the first cluster is read.
    expect(planWith(TWO, { "environments/dev/clusters/eu/values/vault-secrets.yaml": `${overlayModeline("vault-secrets")}\n` }).problems).toEqual([]);
  });

  it("GEN047 (a warning) an overlay the component's pinned commit does not contain yet: validated, but left out of the Application until a promotion pins a commit that has it", () => {
    const pinned = { ...ALL_ON, portal: { enabled: true, chartRevision: fixtureCommit(), imageTag: "main" } };
    const overlay = { "environments/dev/clusters/us/values/portal.yaml": `${overlayModeline("portal")}\nautoscaling:\n  enabled: true\n` };
    const result = planWith(TWO, overlay, pinned);
    expect(result.problems).toEqual([]);
    expect(only(result.warnings)).toMatchObject({ code: "GEN047", file: "environments/dev/clusters/us/values/portal.yaml" });
    const us = fileOf(result, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml");
    expect(us.spec.sources.find((s: { ref?: string }) => s.ref === undefined).helm.valueFiles).toEqual(["$values/environments/dev/values/portal.yaml"]);
    expect(us.spec.ignoreDifferences).toBeUndefined();
    // Still validated: a broken overlay is an error even while it waits for its pin.
    expect(planWith(TWO, { "environments/dev/clusters/us/values/portal.yaml": `${overlayModeline("portal")}\nreplicaCount: 0\n` }, pinned).problems.map((p) => p.code)).toEqual(["GEN003"]);
  });

  it("GEN011 an overlay named after no component", () => {
    expect(only(planWith(TWO, { "environments/dev/clusters/us/values/portl.yaml": `${overlayModeline("portal")}\n` }).problems)).toMatchObject({ code: "GEN011" });
  });

  it("GEN004 and GEN003 in an overlay: located in the overlay (file:line), on the values merged after the environment's file", () => {
    const problems = planWith(TWO, { "environments/dev/clusters/us/values/gateway.yaml": `${overlayModeline("gateway")}\nreplicaCont: 2\nautoscaling:\n  maxReplicas: 0\n` }).problems;
    expect(problems.map(formatProblem).map((p) => p.split("\n")[0])).toEqual([
      'environments/dev/clusters/us/values/gateway.yaml:2:1: GEN004 unknown key "replicaCont" in the top level of environments/dev/clusters/us/values/gateway.yaml. Did you mean "replicaCount"?',
      "environments/dev/clusters/us/values/gateway.yaml:4:16: GEN003 autoscaling.maxReplicas must be >= 1 (got 0).",
    ]);
  });

  it("GEN014 an overlay whose modeline does not reach the chart's schema from five directories down", () => {
    const problem = only(planWith(TWO, { "environments/dev/clusters/us/values/gateway.yaml": "# yaml-language-server: $schema=../../../charts/gateway/values.schema.json\n" }).problems);
    expect(problem).toMatchObject({ code: "GEN014", file: "environments/dev/clusters/us/values/gateway.yaml" });
    expect(problem.message).toContain(`expected "${overlayModeline("gateway")}"`);
  });

  it("GEN016 a generated value set in an overlay", () => {
    const problem = only(planWith(TWO, { "environments/dev/clusters/us/values/gateway.yaml": `${overlayModeline("gateway")}\nnetworkPolicy:\n  allowedCallers: []\n` }).problems);
    expect(problem).toMatchObject({ code: "GEN016", file: "environments/dev/clusters/us/values/gateway.yaml", location: { line: 3, column: 3 } });
  });

  it("GEN045 a second cluster without a server, on the in-cluster address or another's, and a first cluster elsewhere than destination.server", () => {
    const { server: _server, ...withoutServer } = US;
    expect(only(planWith([TWO[0], withoutServer]).problems)).toMatchObject({ code: "GEN045", path: "clusters[1]", message: 'cluster "us" has no server; every cluster but the first needs the API server URL Argo CD reaches it at.' });
    expect(only(planWith([TWO[0], { ...US, server: "https://kubernetes.default.svc" }]).problems)).toMatchObject({ code: "GEN045", message: 'cluster "us" names the server https://kubernetes.default.svc, which is already cluster "eu".' });
    expect(only(planWith([...TWO, { ...US, name: "ap" }]).problems)).toMatchObject({ code: "GEN045", path: "clusters[2].server", message: `cluster "ap" names the server ${US.server}, which is already cluster "us".` });
    expect(only(planWith([{ ...TWO[0], server: US.server.replace("us", "eu") }, US]).problems)).toMatchObject({ code: "GEN045", path: "clusters[0].server" });
  });

  it("GEN046 a second cluster without credentials, and credentials on the first", () => {
    const { credentials: _credentials, ...withoutCredentials } = US;
    expect(only(planWith([TWO[0], withoutCredentials]).problems)).toMatchObject({ code: "GEN046", path: "clusters[1]" });
    expect(only(planWith([{ ...TWO[0], credentials: US.credentials }, US]).problems)).toMatchObject({ code: "GEN046", path: "clusters[0].credentials" });
  });

  it("GEN040 a cluster name that makes `<env>-<cluster>-<component>` longer than 63 characters", () => {
    // The longest cluster name the schema admits (40) with a component of 20 characters: 4 + 40 + 1 + 20 = 65.
    const name = "c".repeat(40);
    const component = "notification-service";
    const root = writeFixtureRepo({ ...CHARTS, ...chartFiles({ name: component, layer: "platform", group: "edge" }), ...environmentFiles({ name: "dev", components: { ...ALL_ON, [component]: { enabled: true, chartRevision: "main", imageTag: "main" } }, extra: { clusters: [TWO[0], { ...US, name }] } }) });
    roots.push(root);
    const problem = only(planGitops(readGeneratorInputs(root)).problems);
    expect(problem).toMatchObject({ code: "GEN040", path: `components.${component}`, message: `Application name "dev-${name}-${component}" (component ${component} in cluster ${name}) is 65 characters; names must be DNS labels of at most 63.` });
    // In the first cluster the same component fits (dev-notification-service).
    expect(planWith(TWO, { ...chartFiles({ name: component, layer: "platform", group: "edge" }) }, { ...ALL_ON, [component]: { enabled: true, chartRevision: "main", imageTag: "main" } }).problems).toEqual([]);
  });

  it("GEN041 a cluster whose Applications take the name of another's", () => {
    // Cluster "gateway"'s infrastructure layer Application would be dev-gateway-infrastructure; a component gateway-infrastructure in the first cluster is the same name.
    const charts = chartFiles({ name: "gateway-infrastructure", layer: "infrastructure", group: "edge" });
    const root = writeFixtureRepo({ ...CHARTS, ...charts, ...environmentFiles({ name: "dev", components: { ...ALL_ON, "gateway-infrastructure": { enabled: true, chartRevision: "main", imageTag: "main" } }, extra: { clusters: [TWO[0], { ...US, name: "gateway" }] } }) });
    roots.push(root);
    const problems = planGitops(readGeneratorInputs(root)).problems;
    expect(problems.map((p) => [p.code, p.message])).toContainEqual(["GEN041", 'the infrastructure layer Application of cluster gateway would be the Application "dev-gateway-infrastructure", which is already the name of component gateway-infrastructure.']);
  });
});

describe("a cluster's own pins (clusters[].pins, written by a progressive promotion)", () => {
  const digest = (n: string) => `sha256:${n.repeat(64)}`;
  const chartSource = (app: Record<string, any>) => app.spec.sources.find((s: { ref?: string }) => s.ref === undefined);
  const withPins = (pins: Record<string, unknown>) => [TWO[0], { ...US, pins }];

  it("give the cluster's Applications its pins; the other cluster keeps the component's", () => {
    const result = planWith(withPins({ portal: { chartRevision: fixtureCommit(), imageTag: "v2", imageDigest: digest("b") } }));
    expect(result.problems.map(formatProblem)).toEqual([]);
    const us = chartSource(fileOf(result, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml"));
    expect(us.targetRevision).toBe(fixtureCommit());
    expect(us.helm.parameters).toEqual([
      { name: "image.tag", value: "v2", forceString: true },
      { name: "image.digest", value: digest("b"), forceString: true },
    ]);
    const eu = chartSource(fileOf(result, "apps/dev/layers/application/dev-portal.yaml"));
    expect(eu.targetRevision).toBe("main");
    expect(eu.helm.parameters).toEqual([{ name: "image.tag", value: "main", forceString: true }]);
  });

  it("a field left out is the component's, but the image is one: a tag without a digest does not borrow the component's digest", () => {
    const components = { ...ALL_ON, portal: { enabled: true, chartRevision: "main", imageTag: "v1", imageDigest: digest("a") } };
    const chartOnly = planWith(withPins({ portal: { chartRevision: fixtureCommit() } }), {}, components);
    expect(chartOnly.problems.map(formatProblem)).toEqual([]);
    const chartOnlyUs = chartSource(fileOf(chartOnly, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml"));
    expect([chartOnlyUs.targetRevision, chartOnlyUs.helm.parameters.map((p: { value: string }) => p.value)]).toEqual([fixtureCommit(), ["v1", digest("a")]]);
    const tagOnly = planWith(withPins({ portal: { imageTag: "v2" } }), {}, components);
    const tagOnlyUs = chartSource(fileOf(tagOnly, "apps/dev/clusters/us/layers/application/dev-us-portal.yaml"));
    expect([tagOnlyUs.targetRevision, tagOnlyUs.helm.parameters]).toEqual(["main", [{ name: "image.tag", value: "v2", forceString: true }]]);
  });

  it("GEN048 pins of a disabled or unknown component, or of one that runs only in the first cluster", () => {
    const disabled = only(planWith(withPins({ portal: { imageTag: "v2" } }), {}, { ...ALL_ON, portal: { enabled: false } }).problems);
    expect(disabled).toMatchObject({ code: "GEN048", path: "clusters[1].pins.portal", message: 'cluster "us" pins portal, which is not enabled in dev, so no Application of the cluster reads these pins.' });
    expect(only(planWith(withPins({ portl: { imageTag: "v2" } })).problems)).toMatchObject({ code: "GEN048", path: "clusters[1].pins.portl" });
    expect(only(planWith(withPins({ "vault-secrets": { imageTag: "v2" } })).problems)).toMatchObject({ code: "GEN048", message: expect.stringContaining("runs only in the first cluster (eu)") });
  });

  it("are verified like the component's: a chartRevision that names no commit is GEN034 at its place, a digest without a tag a schema error", () => {
    const missing = "0".repeat(40);
    const problem = only(planWith(withPins({ portal: { chartRevision: missing } })).problems);
    expect(problem).toMatchObject({ code: "GEN034", path: "clusters[1].pins.portal.chartRevision", message: `chartRevision "${missing}" of portal in cluster us names no commit in this repository (no such commit, tag, branch or origin/${missing}).` });
    expect(planWith(withPins({ portal: { imageDigest: digest("c") } })).problems.map((p) => p.code)).toEqual(["GEN003"]);
  });
});

describe("Argo CD's sizing from the clusters and Applications", () => {
  it("one controller shard per cluster, at most MAX_CONTROLLER_REPLICAS, every cluster's shard below the replica count", () => {
    expect(argocdSizing(1, 40).replicas).toBe(1);
    expect(argocdSizing(2, 70)).toMatchObject({ replicas: 2, shards: [0, 1] });
    const fifty = argocdSizing(50, 2000);
    expect(fifty.replicas).toBe(MAX_CONTROLLER_REPLICAS);
    expect(fifty.shards).toHaveLength(50);
    expect(Math.max(...fifty.shards)).toBe(MAX_CONTROLLER_REPLICAS - 1);
    // Even: every shard manages five of the fifty clusters.
    expect(new Set(Array.from({ length: MAX_CONTROLLER_REPLICAS }, (_, shard) => fifty.shards.filter((s) => s === shard).length))).toEqual(new Set([5]));
  });

  it("processors follow the Applications per shard (Argo CD's 50 status and 25 operation processors for 1000 Applications), never below the defaults", () => {
    expect(argocdSizing(2, 70)).toMatchObject({ statusProcessors: 20, operationProcessors: 10 });
    expect(argocdSizing(1, 1000)).toMatchObject({ statusProcessors: 50, operationProcessors: 25 });
    expect(argocdSizing(2, 4000)).toMatchObject({ replicas: 2, statusProcessors: 100, operationProcessors: 50 });
  });

  it("gives a one-cluster environment no values at all, and a multi-cluster one its replicas without dynamic distribution", () => {
    expect(argocdSizingValues(1, 5000)).toEqual({});
    expect(argocdSizingValues(0, 10)).toEqual({});
    expect(argocdSizingValues(2, 70)).toEqual({ controller: { replicas: 2, dynamicClusterDistribution: false } });
    expect(argocdSizingValues(3, 3000)).toEqual({ controller: { replicas: 3, dynamicClusterDistribution: false }, configs: { params: { "controller.status.processors": "50", "controller.operation.processors": "25" } } });
  });
});
