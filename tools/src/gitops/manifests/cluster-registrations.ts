import type { IApplication, IAppProject } from "../../kubernetes/argocd-types.js";
import type { EnvironmentPlan, PlannedCluster } from "../environment-plan.js";
import { CLUSTER_REGISTRATIONS_WAVE } from "./applications.js";
import { ARGOCD_NAMESPACE, IN_CLUSTER, LABELS, names, PART_OF, repoPaths, RESOURCES_FINALIZER, SYNC_WAVE } from "./conventions.js";
import { appProject, projectRoles, syncWindowsOf } from "./projects.js";
import { INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT } from "../sync-identities.js";
import { sortKeys } from "../../text/compare-text.js";

/**
 * How Argo CD learns the clusters of a multi-cluster environment: one declarative cluster Secret per
 * cluster but the first (Argo CD's own, the in-cluster cluster), in Argo CD's namespace, labelled
 * `argocd.argoproj.io/secret-type: cluster`, with the keys `name`, `server` and `config` (argo-cd
 * v3.4.4 docs/operator-manual/declarative-setup.md:509-590, "Clusters"), and `shard`, the
 * application-controller shard that manages it (docs/operator-manual/high_availability.md:156-175;
 * argocd-sizing.ts). The credentials never enter the repository: each Secret is written by an
 * ExternalSecret (external-secrets.io/v1, as charts/argocd-secrets writes Argo CD's other Secrets)
 * from the store and key environment.yaml names, templating `config` from the store's `bearer-token`
 * and `ca-data` properties. The template also gives the Secret its labels, so the operator does not
 * copy the ExternalSecret's own (Argo CD's tracking annotation among them) onto it.
 *
 * The ExternalSecrets live in apps/<env>/cluster-registrations/, synced by the Application
 * `<env>-clusters` of the AppProject `<env>-clusters`, which may create ExternalSecrets in Argo CD's
 * namespace of the home cluster and nothing else.
 */
export const CLUSTER_SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
export const REGION_LABEL = "topology.kubernetes.io/region";
/** The properties of the store key each cluster's credentials are read from. */
export const CREDENTIAL_PROPERTIES = { bearerToken: "bearer-token", caData: "ca-data" } as const;
/** How often the operator re-reads the credentials, so a rotated token reaches Argo CD within the hour. */
const REFRESH_INTERVAL = "1h";

/** The clusters that need a registration: every one but the home cluster. */
export function registeredClusters(plan: EnvironmentPlan): PlannedCluster[] {
  return (plan.clusters ?? []).filter((cluster) => !cluster.home);
}

/**
 * `config` of the cluster Secret (declarative-setup.md:521-556): bearer-token authentication with
 * TLS verified against the cluster's CA. The store's values are inserted by the operator's template
 * engine (v2, Go templates); a ServiceAccount token and base64 PEM data contain no character JSON
 * would need escaped.
 */
export const CLUSTER_CONFIG_TEMPLATE = '{"bearerToken":"{{ .bearerToken }}","tlsClientConfig":{"insecure":false,"caData":"{{ .caData }}"}}';

export function clusterExternalSecret(plan: EnvironmentPlan, cluster: PlannedCluster): Record<string, unknown> {
  const env = plan.environment.name;
  if (!cluster.credentials) throw new Error(`internal: cluster ${cluster.name} of ${env} has no credentials`);
  const name = names.clusterSecret(env, cluster.name);
  const labels = { [LABELS.partOf]: PART_OF, [LABELS.environment]: env, [LABELS.cluster]: cluster.name };
  return {
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name, namespace: ARGOCD_NAMESPACE, labels },
    spec: {
      refreshInterval: REFRESH_INTERVAL,
      secretStoreRef: { name: cluster.credentials.secretStore, kind: "ClusterSecretStore" },
      target: {
        name,
        creationPolicy: "Owner",
        template: {
          engineVersion: "v2",
          type: "Opaque",
          metadata: { labels: sortKeys({ ...cluster.labels, ...labels, [REGION_LABEL]: cluster.region, [CLUSTER_SECRET_TYPE_LABEL]: "cluster" }) },
          data: { name: cluster.argocdName, server: cluster.server, shard: String(cluster.shard), config: CLUSTER_CONFIG_TEMPLATE },
        },
      },
      data: [
        { secretKey: "bearerToken", remoteRef: { key: cluster.credentials.key, property: CREDENTIAL_PROPERTIES.bearerToken } },
        { secretKey: "caData", remoteRef: { key: cluster.credentials.key, property: CREDENTIAL_PROPERTIES.caData } },
      ],
    },
  };
}

/** The project of the registrations: ExternalSecrets in Argo CD's namespace of the home cluster, from this repository, and nothing else. */
export function clusterRegistrationsProject(plan: EnvironmentPlan): IAppProject {
  const { environment } = plan;
  const name = names.clusterRegistrations(environment.name);
  const spec: IAppProject["spec"] = {
    description: `${environment.name}: the registrations of its other clusters in Argo CD (ExternalSecrets writing cluster Secrets).`,
    sourceRepos: [environment.repository.url],
    destinations: [{ server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE }],
    // Sync impersonation (sync-identities.ts): the identity Argo CD's own project syncs the ExternalSecrets of argocd-secrets with.
    destinationServiceAccounts: [{ server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE, defaultServiceAccount: `${ARGOCD_NAMESPACE}:${INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT}` }],
    clusterResourceWhitelist: [],
    namespaceResourceWhitelist: [{ group: "external-secrets.io", kind: "ExternalSecret" }],
    roles: projectRoles(environment, name),
    orphanedResources: { warn: true },
    ...syncWindowsOf(environment),
  };
  return appProject(environment, name, spec, { annotations: { [SYNC_WAVE]: "-1" }, finalizers: [RESOURCES_FINALIZER] });
}

/** The Application of the registrations, in the root after the home cluster's infrastructure (see CLUSTER_REGISTRATIONS_WAVE). */
export function clusterRegistrationsApplication(plan: EnvironmentPlan): IApplication {
  const { environment } = plan;
  const { retry } = environment.syncPolicy;
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: names.clusterRegistrations(environment.name),
      namespace: ARGOCD_NAMESPACE,
      labels: { [LABELS.partOf]: PART_OF, [LABELS.environment]: environment.name },
      annotations: { [SYNC_WAVE]: String(CLUSTER_REGISTRATIONS_WAVE) },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: names.clusterRegistrations(environment.name),
      source: { repoURL: environment.repository.url, targetRevision: environment.repository.revision, path: repoPaths.clusterRegistrationsSource(environment.name) },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      // Automated like the root and layers: a cluster added to environment.yaml is registered without a manual step, a removed one unregistered.
      syncPolicy: { automated: { prune: true, selfHeal: true }, retry: { limit: retry.limit, backoff: { duration: retry.duration, factor: retry.factor, maxDuration: retry.maxDuration } } },
    },
  };
}
