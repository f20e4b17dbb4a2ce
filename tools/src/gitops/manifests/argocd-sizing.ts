/**
 * How many application-controller replicas (shards) an environment's Argo CD runs, and which shard
 * manages which cluster. Argo CD shards by cluster: every replica manages the Applications of the
 * clusters assigned to its shard, the replica count is repeated in `ARGOCD_CONTROLLER_REPLICAS`
 * (argo-cd v3.4.4 docs/operator-manual/high_availability.md:106-130, "argocd-application-controller"),
 * which the argo-helm chart 10.1.1 sets from `controller.replicas`
 * (templates/argocd-application-controller/statefulset.yaml:83-84). A cluster Secret may name its
 * shard (`shard`, high_availability.md:156-175); the controller honours it whatever the sharding
 * algorithm when it is below the replica count (controller/sharding/sharding.go:66-80), and the
 * in-cluster cluster without a Secret is shard 0 (sharding.go:106-127).
 *
 * The rule:
 * - replicas = the number of clusters, at most MAX_CONTROLLER_REPLICAS: a replica beyond the number
 *   of clusters would have no cluster to manage; one environment in one cluster keeps the chart's
 *   single controller and gets no generated sizing at all (its output is unchanged);
 * - cluster i of `clusters:` (the home cluster is 0) is shard i mod replicas, written into its
 *   Secret: an even, stable assignment that needs neither the experimental `round-robin` or
 *   `consistent-hashing` algorithms (high_availability.md:145-154) nor the alpha dynamic cluster
 *   distribution (docs/operator-manual/dynamic-cluster-distribution.md:3-7), which the generator
 *   therefore turns off (`controller.dynamicClusterDistribution: false`: a StatefulSet whose
 *   replica count is ARGOCD_CONTROLLER_REPLICAS);
 * - the queue processors follow the Applications per shard: Argo CD's defaults are 20 status and 10
 *   operation processors, and "for 1000 applications, we use 50 for --status-processors and 25 for
 *   --operation-processors" (high_availability.md:82-86), i.e. one status processor per 20 and one
 *   operation processor per 40 Applications; below the defaults nothing is set
 *   (argocd-cmd-params-cm keys controller.status.processors and controller.operation.processors,
 *   docs/operator-manual/argocd-cmd-params-cm.yaml:53-56).
 */
export const MAX_CONTROLLER_REPLICAS = 10;
const DEFAULT_STATUS_PROCESSORS = 20;
const DEFAULT_OPERATION_PROCESSORS = 10;
const APPLICATIONS_PER_STATUS_PROCESSOR = 20;
const APPLICATIONS_PER_OPERATION_PROCESSOR = 40;

export interface ArgoCdSizing {
  replicas: number;
  /** The shard of the cluster at each position of `clusters:`. */
  shards: number[];
  statusProcessors: number;
  operationProcessors: number;
}

export function argocdSizing(clusters: number, applications: number): ArgoCdSizing {
  const replicas = Math.max(1, Math.min(clusters, MAX_CONTROLLER_REPLICAS));
  const perShard = Math.ceil(applications / replicas);
  return {
    replicas,
    shards: Array.from({ length: Math.max(clusters, 1) }, (_, index) => index % replicas),
    statusProcessors: Math.max(DEFAULT_STATUS_PROCESSORS, Math.ceil(perShard / APPLICATIONS_PER_STATUS_PROCESSOR)),
    operationProcessors: Math.max(DEFAULT_OPERATION_PROCESSORS, Math.ceil(perShard / APPLICATIONS_PER_OPERATION_PROCESSOR)),
  };
}

/**
 * The argo-cd chart values of the sizing (merged into the Argo CD Application's `helm.valuesObject`
 * and the bootstrap's values). Empty for an environment in one cluster.
 */
export function argocdSizingValues(clusters: number, applications: number): Record<string, unknown> {
  if (clusters <= 1) return {};
  const sizing = argocdSizing(clusters, applications);
  const params: Record<string, string> = {};
  if (sizing.statusProcessors > DEFAULT_STATUS_PROCESSORS) params["controller.status.processors"] = String(sizing.statusProcessors);
  if (sizing.operationProcessors > DEFAULT_OPERATION_PROCESSORS) params["controller.operation.processors"] = String(sizing.operationProcessors);
  return {
    controller: { replicas: sizing.replicas, dynamicClusterDistribution: false },
    ...(Object.keys(params).length > 0 ? { configs: { params } } : {}),
  };
}
