import type { CatalogComponent } from "../catalog/chart-metadata.js";
import { LAYERS } from "../catalog/layers.js";
import type { ClusterPin, ComponentPin, EnvironmentSpec } from "./environment-model.js";
import type { PlannedCluster } from "./environment-plan.js";
import type { EnvironmentInput } from "./inputs.js";
import { argocdSizing } from "./manifests/argocd-sizing.js";
import { ARGOCD_NAMESPACE, IN_CLUSTER, names, repoPaths } from "./manifests/conventions.js";
import { problem, type Problem, type SourceLocation } from "./problems.js";
import { isReleaseImageTag } from "./revisions.js";

/**
 * Environments in several clusters. An environment without `clusters:` runs in
 * `destination.server` exactly as before (no cluster in any name, label or path). With
 * `clusters:`, the first cluster is the home cluster: Argo CD runs there (Application and
 * AppProject objects live in its `argocd` namespace), its server is `destination.server`, its
 * Applications keep the names `<env>-<component>` (listing clusters, or adding one, renames and so
 * deletes nothing that runs: a component Application's deletion cascades to its resources through
 * the resources finalizer, argo-cd v3.4.4 docs/user-guide/app_deletion.md "About The Deletion
 * Finalizer"), and it alone runs the components deployed into Argo CD's namespace (Argo CD and its
 * credentials). Every other cluster runs every other enabled component as
 * `<env>-<cluster>-<component>` under its own layer Applications `<env>-<cluster>-<layer>`.
 */

type Locate = (path: (string | number)[], target?: "key" | "value") => SourceLocation;

/** Whether a component deployed into `namespace` runs in the cluster. */
export function runsIn(cluster: PlannedCluster | undefined, namespace: string): boolean {
  return cluster === undefined || cluster.home || namespace !== ARGOCD_NAMESPACE;
}

/** The planned clusters of an environment, home first; empty for one cluster. `applications` sizes the controller (argocd-sizing.ts). */
export function planClusters(environment: EnvironmentSpec, applications: number): PlannedCluster[] {
  const clusters = environment.clusters ?? [];
  const { shards } = argocdSizing(clusters.length, applications);
  return clusters.map((cluster, index) => ({
    name: cluster.name,
    argocdName: names.argocdCluster(environment.name, cluster.name),
    server: index === 0 ? environment.destination.server : (cluster.server ?? ""),
    region: cluster.region,
    labels: { ...cluster.labels },
    home: index === 0,
    shard: shards[index] ?? 0,
    ...(index > 0 && cluster.credentials ? { credentials: { ...cluster.credentials } } : {}),
  }));
}

/**
 * The pins a component runs with in a cluster: the cluster's `pins` entry over the component's.
 * `imageTag` and `imageDigest` name one image, so a cluster that sets either takes both from its
 * entry (a tag with the component's digest would run the other image under the tag's name).
 */
export function effectivePin(pin: ComponentPin, override: ClusterPin | undefined): ComponentPin {
  if (!override) return pin;
  const image = override.imageTag !== undefined || override.imageDigest !== undefined;
  return { ...pin, chartRevision: override.chartRevision ?? pin.chartRevision, ...(image ? { imageTag: override.imageTag ?? "", imageDigest: override.imageDigest ?? "" } : {}) };
}

/** The number of component Applications of the environment, over all its clusters. */
export function applicationCount(environment: EnvironmentSpec, enabled: readonly { namespace: string }[]): number {
  const remote = Math.max((environment.clusters ?? []).length - 1, 0);
  return enabled.length + remote * enabled.filter((c) => c.namespace !== ARGOCD_NAMESPACE).length;
}

/**
 * The checks of `clusters:` and of the overlays: unique names (GEN042), an overlay directory names a
 * cluster (GEN043) and a component that runs there (GEN011, GEN044), the first cluster is
 * `destination.server` and every other one has its own server (GEN045) and credentials (GEN046).
 */
export function checkClusters(environment: EnvironmentSpec, input: EnvironmentInput, enabled: readonly CatalogComponent[], known: ReadonlySet<string>, namespaceOf: (component: CatalogComponent) => string, file: string, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const clusters = environment.clusters ?? [];
  const seen = new Map<string, number>();
  const servers = new Map<string, string>();
  clusters.forEach((cluster, index) => {
    const at = (key: string, target: "key" | "value" = "value") => ({ location: locate(["clusters", index, key], target), path: `clusters[${index}].${key}` });
    const first = seen.get(cluster.name);
    if (first !== undefined) problems.push(problem("GEN042", file, `cluster "${cluster.name}" is listed twice (clusters[${first}] and clusters[${index}]).`, at("name")));
    else seen.set(cluster.name, index);
    if (index === 0) {
      if (cluster.server !== undefined && cluster.server !== environment.destination.server) {
        problems.push(
          problem("GEN045", file, `the first cluster "${cluster.name}" is where Argo CD runs, whose server is destination.server (${environment.destination.server}), but it names ${cluster.server}.`, {
            ...at("server"),
            fix: `Remove clusters[0].server (it is destination.server), or list the cluster Argo CD runs in first.`,
          }),
        );
      }
      if (cluster.credentials) problems.push(problem("GEN046", file, `the first cluster "${cluster.name}" is Argo CD's own (the in-cluster cluster): it needs no credentials, and none would be used.`, at("credentials", "key")));
      servers.set(environment.destination.server, cluster.name);
      return;
    }
    if (cluster.server === undefined) {
      problems.push(problem("GEN045", file, `cluster "${cluster.name}" has no server; every cluster but the first needs the API server URL Argo CD reaches it at.`, { location: locate(["clusters", index], "key"), path: `clusters[${index}]` }));
    } else if (cluster.server === IN_CLUSTER || servers.has(cluster.server)) {
      const other = cluster.server === IN_CLUSTER && !servers.has(cluster.server) ? "the cluster Argo CD runs in" : `cluster "${servers.get(cluster.server)}"`;
      problems.push(problem("GEN045", file, `cluster "${cluster.name}" names the server ${cluster.server}, which is already ${other}.`, at("server")));
    } else {
      servers.set(cluster.server, cluster.name);
    }
    if (!cluster.credentials) {
      problems.push(
        problem("GEN046", file, `cluster "${cluster.name}" has no credentials: Argo CD could not connect to ${cluster.server ?? "it"}.`, {
          location: locate(["clusters", index], "key"),
          path: `clusters[${index}]`,
          fix: `Add \`credentials: {secretStore: <ClusterSecretStore admitting argocd>, key: <store key>}\` to the cluster; the store key holds the properties bearer-token and ca-data (docs/clusters.md).`,
        }),
      );
    }
  });

  const byName = new Map(clusters.map((cluster, index) => [cluster.name, index]));
  const enabledByName = new Map(enabled.map((component) => [component.name, component]));
  // A cluster's pins (written by a progressive promotion) name a component that runs there; production's tags are release tags there too.
  clusters.forEach((cluster, index) => {
    for (const [name, pin] of Object.entries(cluster.pins ?? {})) {
      const at = (key?: string) => ({ location: locate(["clusters", index, "pins", name, ...(key ? [key] : [])], key ? "value" : "key"), path: `clusters[${index}].pins.${name}${key ? `.${key}` : ""}` });
      const component = enabledByName.get(name);
      const why = !known.has(name)
        ? "which is neither a chart under charts/ nor an upstream component under schemas/upstream/"
        : !component
          ? `which is not enabled in ${environment.name}`
          : index > 0 && namespaceOf(component) === ARGOCD_NAMESPACE
            ? `which is deployed into Argo CD's namespace and runs only in the first cluster (${clusters[0]?.name})`
            : undefined;
      if (why) {
        problems.push(problem("GEN048", file, `cluster "${cluster.name}" pins ${name}, ${why}, so no Application of the cluster reads these pins.`, { ...at(), fix: `Remove clusters[${index}].pins.${name}, or enable ${name} in components: (the promotion writes a cluster's pins only for components that run there).` }));
        continue;
      }
      if (environment.tier === "production" && pin.imageTag !== undefined && !isReleaseImageTag(pin.imageTag)) {
        problems.push(problem("GEN031", file, `imageTag "${pin.imageTag}" of ${name} in cluster ${cluster.name} is a floating tag; production runs release tags only.`, at("imageTag")));
      }
    }
  });
  for (const overlay of input.clusterValuesFiles ?? []) {
    const at = { location: { line: 1, column: 1 } };
    const index = byName.get(overlay.cluster);
    if (index === undefined) {
      const listed = clusters.length > 0 ? `lists ${clusters.map((c) => c.name).join(", ")}` : "lists no clusters (the environment runs in destination.server alone)";
      problems.push(problem("GEN043", overlay.file, `environments/${environment.name}/clusters/${overlay.cluster}/ names no cluster of environment.yaml, which ${listed}.`, at));
      continue;
    }
    if (!known.has(overlay.component)) {
      problems.push(problem("GEN011", overlay.file, `values overlay for "${overlay.component}", which is neither a chart under charts/ nor an upstream component under schemas/upstream/.`, { ...at, fix: "Rename the file after an enabled component, or delete it." }));
      continue;
    }
    const component = enabledByName.get(overlay.component);
    if (!component) {
      problems.push(problem("GEN044", overlay.file, `${overlay.component} is not enabled in ${environment.name}, so no Application reads this overlay.`, at));
    } else if (index > 0 && namespaceOf(component) === ARGOCD_NAMESPACE) {
      problems.push(problem("GEN044", overlay.file, `${overlay.component} is deployed into Argo CD's namespace and runs only in the first cluster (${clusters[0]?.name}), not in ${overlay.cluster}.`, at));
    }
  }
  return problems;
}

/** The names a multi-cluster environment adds (checked with the others for GEN040/GEN041): per remote cluster, its layer and component Applications; the registrations Application. */
export function clusterApplicationNames(environment: EnvironmentSpec, enabled: readonly CatalogComponent[], namespaceOf: (component: CatalogComponent) => string): { name: string; owner: string; component?: string; cluster: number }[] {
  const clusters = environment.clusters ?? [];
  if (clusters.length === 0) return [];
  const env = environment.name;
  const result: { name: string; owner: string; component?: string; cluster: number }[] = [];
  const seen = new Set<string>([clusters[0]?.name ?? ""]);
  clusters.forEach((cluster, index) => {
    // A name listed twice is GEN042 already; its Applications would only repeat it as GEN041.
    if (index === 0 || seen.has(cluster.name)) return;
    seen.add(cluster.name);
    for (const layer of LAYERS) result.push({ name: names.clusterLayerApplication(env, cluster.name, layer), owner: `the ${layer} layer Application of cluster ${cluster.name}`, cluster: index });
    for (const component of enabled) {
      if (namespaceOf(component) === ARGOCD_NAMESPACE) continue;
      result.push({ name: names.clusterComponentApplication(env, cluster.name, component.name), owner: `component ${component.name} in cluster ${cluster.name}`, component: component.name, cluster: index });
    }
  });
  if (clusters.length > 1) result.push({ name: names.clusterRegistrations(env), owner: "the cluster registrations Application", cluster: 0 });
  return result;
}

/** Where Argo CD reads a component's overlay in a cluster (relative to the repository), when there is one. */
export function overlayOf(input: EnvironmentInput, cluster: PlannedCluster | undefined, component: string): { file: string; text: string } | undefined {
  if (!cluster) return undefined;
  const overlay = (input.clusterValuesFiles ?? []).find((o) => o.cluster === cluster.name && o.component === component);
  return overlay ? { file: repoPaths.clusterValuesFile(input.name, cluster.name, component), text: overlay.text } : undefined;
}
