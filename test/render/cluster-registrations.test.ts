import { describe, expect, it } from "vitest";
import { resourcePermissionProblem, type ProjectSpec } from "../../tools/src/argocd/project-permissions.js";
import { CLUSTER_SECRET_TYPE_LABEL, CREDENTIAL_PROPERTIES } from "../../tools/src/gitops/manifests/cluster-registrations.js";
import { IN_CLUSTER } from "../../tools/src/gitops/manifests/conventions.js";
import { validateAgainstCrds } from "../../tools/src/kubernetes/crd-schema.js";
import { formatProblems, type KubeObject } from "../../tools/src/kubernetes/index.js";
import { environmentNames, generatedObjects, type GeneratedObject } from "../gitops/support/generated.js";
import { environmentSpec } from "../support/component-renders.js";
import { crdRegistryOf } from "./support.js";

/**
 * The clusters every environment deploys to are the ones Argo CD knows: the in-cluster cluster, and
 * one cluster Secret per other cluster (Argo CD v3.4.4 docs/operator-manual/declarative-setup.md,
 * "Clusters"), written by an ExternalSecret that validates against the external-secrets CRDs the
 * environment installs, permitted by its project, and holding no credential of its own.
 */
interface Registration {
  file: string;
  object: KubeObject & { spec: { target: { name: string; template: { metadata: { labels: Record<string, string> }; data: Record<string, string> } }; data: { secretKey: string; remoteRef: { key: string; property: string } }[] } };
}

const registrationsOf = (env: string): Registration[] => generatedObjects(env).filter((o) => o.file.startsWith(`apps/${env}/cluster-registrations/`)) as unknown as Registration[];
const applicationsOf = (env: string): GeneratedObject[] => generatedObjects(env).filter((o) => o.object.kind === "Application");
const serverOf = (o: GeneratedObject) => (o.object.spec as { destination: { server: string } }).destination.server;

describe.each(environmentNames())("%s: the clusters Argo CD deploys to", (env) => {
  const registrations = registrationsOf(env);
  const clusters = ((environmentSpec(env) as { clusters?: { name: string }[] }).clusters ?? []).length;

  it("are the in-cluster cluster and exactly one registration per other cluster listed in environment.yaml", () => {
    expect(registrations).toHaveLength(Math.max(clusters - 1, 0));
    const registered = new Set(registrations.map((r) => r.object.spec.target.template.data.server));
    const used = [...new Set(applicationsOf(env).map(serverOf))].filter((server) => server !== IN_CLUSTER).sort();
    expect(used).toEqual([...registered].sort());
  });

  it("each registration is a cluster Secret template with name, server, shard and config, credentials from the store only", () => {
    for (const { file, object } of registrations) {
      const { template } = object.spec.target;
      expect(template.metadata.labels[CLUSTER_SECRET_TYPE_LABEL], file).toBe("cluster");
      expect(Object.keys(template.data).sort(), file).toEqual(["config", "name", "server", "shard"]);
      expect(template.data.name, file).toMatch(new RegExp(`^${env}-[a-z0-9-]+$`));
      // The config holds templates of the store's values, never a literal token or certificate.
      expect(JSON.parse((template.data.config ?? "").replace(/{{ \.(\w+) }}/g, "<$1>")), file).toEqual({ bearerToken: "<bearerToken>", tlsClientConfig: { insecure: false, caData: "<caData>" } });
      expect(object.spec.data.map((d) => d.remoteRef.property).sort(), file).toEqual(Object.values(CREDENTIAL_PROPERTIES).sort());
    }
  });

  it("each registration validates against the external-secrets CRDs the environment installs and is permitted by its project", () => {
    // An environment in one cluster registers nothing (the first test holds that), and has no project to check.
    if (registrations.length === 0) return expect(applicationsOf(env).map((o) => o.object.metadata.name)).not.toContain(`${env}-clusters`);
    const registry = crdRegistryOf(env);
    const objects = registrations.map((r) => r.object);
    expect(objects.every((o) => registry.lookup(o.apiVersion, o.kind) !== undefined), "the environment installs the ExternalSecret CRD").toBe(true);
    const problems = validateAgainstCrds(objects, registry);
    expect(problems, formatProblems(problems)).toEqual([]);
    const application = applicationsOf(env).find((o) => o.object.metadata.name === `${env}-clusters`);
    const project = generatedObjects(env).find((o) => o.object.kind === "AppProject" && o.object.metadata.name === (application?.object.spec as { project: string }).project)?.object.spec as unknown as ProjectSpec;
    for (const object of objects) {
      expect(resourcePermissionProblem(project, { group: "external-secrets.io", kind: "ExternalSecret", name: object.metadata?.name ?? "", namespace: object.metadata?.namespace ?? "" }, serverOf(application as GeneratedObject))).toBeUndefined();
    }
    // And nothing else: a Secret written directly would put the credentials in the repository.
    expect(resourcePermissionProblem(project, { group: "", kind: "Secret", name: "x", namespace: "argocd" }, IN_CLUSTER)).toBeDefined();
  });
});
