import type { ComponentSource, PodSecurityException } from "../catalog/chart-metadata.js";
import type { ComponentKinds } from "../catalog/component-kinds.js";
import type { Layer } from "../catalog/layers.js";
import type { EnvironmentSpec } from "./environment-model.js";

/** One enabled component of one environment, with everything its Application needs. */
export interface PlannedComponent {
  name: string;
  description: string;
  layer: Layer;
  group: string;
  dependencies: string[];
  /** Sync wave inside its layer Application (topological depth in the dependency graph). */
  wave: number;
  namespace: string;
  source: ComponentSource;
  /** The chart's directory in this repository (`charts/<name>`); empty for an upstream chart. */
  chartPath: string;
  /** Revision of this repository the values file (and a chart of this repository) is read at. */
  chartRevision: string;
  /** Image tag passed as `image.tag` to a chart of this repository; empty for upstream charts. */
  imageTag: string;
  /** Image digest passed as `image.digest` beside the tag; empty when the environment pins none. */
  imageDigest: string;
  serverSideApply: boolean;
  /** The chart's HorizontalPodAutoscaler owns the replica count, so Argo CD must not fight over it. */
  replicasManagedByAutoscaler: boolean;
  /** An Argo Rollouts canary shifts the weights of the chart's Istio routes, so Argo CD must not revert them. */
  trafficManagedByRollout: boolean;
  /** Enabled components that declare this one as a dependency (they call it). */
  calledBy: string[];
  /** Values the generator owns (callers), passed as Argo CD `helm.valuesObject`; empty when the chart has none. */
  generatedValues: Record<string, unknown>;
  /** The kinds it renders (schemas/component-kinds.json): what its AppProject permits. */
  kinds: ComponentKinds;
  /** The weaker Pod Security level its pods need, with the reason; absent when they run at "restricted". */
  podSecurity?: PodSecurityException;
  /** The cluster it deploys to in a multi-cluster environment; absent in a one-cluster environment (`destination.server`). */
  cluster?: PlannedCluster;
  /** `environments/<env>/clusters/<cluster>/values/<component>.yaml`, read after the environment's values file; absent when the cluster has none. */
  overlayValuesFile?: string;
}

/** One cluster of a multi-cluster environment. */
export interface PlannedCluster {
  /** Its short name in environment.yaml (`eu`). */
  name: string;
  /** Its name in Argo CD, `<env>-<cluster>` (the cluster Secret's `name`). */
  argocdName: string;
  server: string;
  region: string;
  labels: Record<string, string>;
  /** The first cluster: Argo CD runs there, its Applications keep the names `<env>-<component>`, and no Secret registers it (Argo CD's in-cluster). */
  home: boolean;
  /** The application-controller shard that manages it (the `shard` key of its cluster Secret; the home cluster is shard 0). */
  shard: number;
  /** Where the secret store holds the credentials; absent for the home cluster. */
  credentials?: { secretStore: string; key: string };
}

export type PodSecurityLevel = "restricted" | "baseline" | "privileged";

/** A namespace the environment deploys into, and the labels every Application deploying there gives it. */
export interface PlannedNamespace {
  name: string;
  /** The Pod Security level it enforces, audits and warns at. */
  level: PodSecurityLevel;
  /** The components that need a level weaker than "restricted", and why. */
  exceptions: ({ component: string } & PodSecurityException)[];
  labels: Record<string, string>;
  components: string[];
}

/** A validated environment, ready to be turned into manifests. */
export interface EnvironmentPlan {
  environment: EnvironmentSpec;
  /** Enabled components ordered by layer, wave and name. */
  components: PlannedComponent[];
  /** Every namespace a component deploys into, by name. */
  namespaces: PlannedNamespace[];
  /** The clusters of a multi-cluster environment, the home cluster first; empty (or absent) for one cluster. */
  clusters?: PlannedCluster[];
}
