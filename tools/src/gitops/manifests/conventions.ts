import type { Layer } from "../../catalog/layers.js";

/** Argo CD runs here in every environment's cluster; the upstream install manifests assume it. */
export const ARGOCD_NAMESPACE = "argocd";
/** The cluster Argo CD itself runs in: where Application and AppProject objects live. */
export const IN_CLUSTER = "https://kubernetes.default.svc";
/** Deleting an Application deletes what it deployed (foreground cascade). */
export const RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
export const SYNC_WAVE = "argocd.argoproj.io/sync-wave";
export const SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
export const PART_OF = "mcp-security-platform";
/**
 * `spec.description` of an AppProject: `maxLength: 255` in Argo CD's CRD
 * (manifests/crds/appproject-crd.yaml:93-96 at v3.4.4); the API server rejects a longer one.
 */
export const APPPROJECT_DESCRIPTION_MAX_LENGTH = 255;

export const LABELS = {
  partOf: "app.kubernetes.io/part-of",
  environment: "platform.mcp-security.io/environment",
  layer: "platform.mcp-security.io/layer",
  group: "platform.mcp-security.io/group",
  component: "platform.mcp-security.io/component",
  /** The cluster an Application deploys to (multi-cluster environments only). */
  cluster: "platform.mcp-security.io/cluster",
} as const;

export const GENERATED_BY = "nx run generate:gitops";

/** Generated object names; every one is `<env>-<something>` so environments sharing an Argo CD cannot collide. */
export const names = {
  root: (env: string) => `${env}-root`,
  gitopsProject: (env: string) => `${env}-gitops`,
  layerApplication: (env: string, layer: Layer) => `${env}-${layer}`,
  layerProject: (env: string, layer: Layer) => `${env}-${layer}`,
  /** The project of the components deployed into Argo CD's own namespace (Argo CD and its secrets). */
  argocdProject: (env: string) => `${env}-argocd`,
  componentApplication: (env: string, component: string) => `${env}-${component}`,
  /** A component in a cluster other than the first (the one Argo CD runs in, which keeps `componentApplication`). */
  clusterComponentApplication: (env: string, cluster: string, component: string) => `${env}-${cluster}-${component}`,
  clusterLayerApplication: (env: string, cluster: string, layer: Layer) => `${env}-${cluster}-${layer}`,
  /** The cluster's name in Argo CD (the `name` key of its cluster Secret); Argo CD's cluster names are global, so the environment prefixes it. */
  argocdCluster: (env: string, cluster: string) => `${env}-${cluster}`,
  /** The cluster Secret and the ExternalSecret that writes it. */
  clusterSecret: (env: string, cluster: string) => `cluster-${env}-${cluster}`,
  /** The Application and AppProject of the cluster registrations. */
  clusterRegistrations: (env: string) => `${env}-clusters`,
};

/** Paths inside the repository, relative to its root (what Argo CD sources point at). */
export const repoPaths = {
  appsDir: (env: string) => `apps/${env}`,
  rootSource: (env: string) => `apps/${env}/root`,
  layerSource: (env: string, layer: Layer) => `apps/${env}/layers/${layer}`,
  valuesFile: (env: string, component: string) => `environments/${env}/values/${component}.yaml`,
  clusterValuesFile: (env: string, cluster: string, component: string) => `environments/${env}/clusters/${cluster}/values/${component}.yaml`,
  clusterLayerSource: (env: string, cluster: string, layer: Layer) => `apps/${env}/clusters/${cluster}/layers/${layer}`,
  clusterRegistrationsSource: (env: string) => `apps/${env}/cluster-registrations`,
};

export function argocdUrl(domain: string): string {
  return `https://argocd.${domain}`;
}
