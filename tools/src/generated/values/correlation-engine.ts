/* GENERATED from schemas/charts/correlation-engine.json by `nx run generate:schemas`. Do not edit. */

/**
 * Extra environment variables of the main container, appended after the chart's own (order is kept, so later entries may use `$(EARLIER)`).
 */
export type ExtraEnv = EnvVar[];
/**
 * Extra pod volumes, added after the chart's own (`tmp` and the chart's config volumes).
 */
export type ExtraVolumes = Volume[];
/**
 * Extra volume mounts of the main container.
 */
export type ExtraVolumeMounts = VolumeMount[];
/**
 * Taints the pods tolerate.
 *
 * Items: A Kubernetes `Toleration`.
 */
export type Tolerations = {
  /**
   * Taint key; empty with `Exists` matches every taint.
   */
  key?: string;
  /**
   * `Equal` or `Exists`.
   */
  operator?: "Equal" | "Exists";
  /**
   * Taint value for `Equal`.
   */
  value?: string;
  /**
   * Taint effect; empty matches all.
   */
  effect?: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  /**
   * How long a `NoExecute` taint is tolerated.
   */
  tolerationSeconds?: number;
}[];
/**
 * TCP port numbers.
 *
 * Items: A TCP port.
 */
export type Ports = number[];
/**
 * Prometheus `RelabelConfig` entries, passed through as-is.
 *
 * Items: A RelabelConfig.
 */
export type Relabelings = {
  [k: string]: unknown | undefined;
}[];

/**
 * Values of the `correlation-engine` chart: stateful stream processing that correlates normalized security events from Redis streams with rule sets from ConfigMaps, running as a StatefulSet whose replicas own stream partitions by ordinal and keep their windows in persistent state.
 */
export interface CorrelationEngineValues {
  /**
   * Values shared with every chart of an environment. The `common` library reads `global.imageRegistry` (registry mirror), `global.imagePullSecrets` (Secret names) and `global.clusterDomain` (default `cluster.local`).
   */
  global?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Values Helm reserves for the `common` library dependency; leave empty.
   */
  common?: DependencyValues;
  nameOverride?: string;
  fullnameOverride?: string;
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * The correlation-engine container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of StatefulSet replicas. Replica `<n>` owns the stream partitions `p` with `p mod replicas == n`, so changing it rebalances partitions; it must not exceed `streams.partitions`.
   */
  replicaCount?: number;
  /**
   * Old ControllerRevisions kept for rollbacks.
   */
  revisionHistoryLimit?: number;
  /**
   * Engine configuration, rendered into `config.yaml` of the ConfigMap `<fullname>-config`; a change rolls the pods.
   */
  config?: {
    /**
     * Log verbosity.
     */
    logLevel?: "debug" | "info" | "warn" | "error";
    /**
     * Log encoding.
     */
    logFormat?: "json" | "text";
  };
  /**
   * StatefulSet behaviour.
   */
  statefulSet?: {
    /**
     * `OrderedReady` starts and stops replicas one after another, so partitions move one replica at a time; `Parallel` starts them all at once (faster recovery, more rebalancing).
     */
    podManagementPolicy?: "OrderedReady" | "Parallel";
    /**
     * Only replicas with an ordinal at or above this are updated on a change (staged rollouts); 0 updates all.
     */
    updatePartition?: number;
    /**
     * Seconds a new replica must be ready before the rollout moves on.
     */
    minReadySeconds?: number;
  };
  /**
   * The Redis streams the engine reads and writes.
   */
  streams?: {
    /**
     * Streams of normalized events to correlate (written by `ingestion` and `enrichment`).
     *
     * @minItems 1
     *
     * Items: A stream name.
     */
    inputs?: [string, ...string[]];
    /**
     * Stream the engine writes correlation alerts to.
     */
    output?: string;
    /**
     * Partitions of each input stream (`<stream>:<p>`); the upper bound for `replicaCount`.
     */
    partitions?: number;
    /**
     * Consumer group of the engine on every partition.
     */
    consumerGroup?: string;
    /**
     * Entries fetched per `XREADGROUP`.
     */
    readCount?: number;
    /**
     * How long `XREADGROUP` blocks waiting for entries.
     */
    blockMilliseconds?: number;
  };
  /**
   * Window state kept by each replica for its partitions.
   */
  state?: {
    /**
     * Where the state directory is mounted.
     */
    mountPath?: string;
    /**
     * Longest rule window the state keeps events for; rules with a longer window are refused.
     */
    maxWindow?: string;
    /**
     * Seconds between two checkpoints of the window state to disk (and of the stream offsets to Redis).
     */
    checkpointIntervalSeconds?: number;
  };
  /**
   * The state volume of each replica: a PersistentVolumeClaim from `volumeClaimTemplates` (stable across restarts and rescheduling), or an emptyDir when disabled.
   */
  persistence?: {
    /**
     * Keep state in a PersistentVolumeClaim `state-<fullname>-<ordinal>`; when disabled the state is rebuilt from the streams after every restart.
     */
    enabled?: boolean;
    /**
     * StorageClass of the claims; empty uses the cluster default.
     */
    storageClass?: string;
    /**
     * Access modes of the claims (one replica per claim).
     *
     * @minItems 1
     *
     * Items: An access mode.
     */
    accessModes?: ["ReadWriteOnce" | "ReadWriteOncePod", ...("ReadWriteOnce" | "ReadWriteOncePod")[]];
    /**
     * Requested capacity per replica.
     */
    size?: string;
    /**
     * Annotations of the claims.
     */
    annotations?: {
      [k: string]: string | undefined;
    };
    /**
     * What happens to the claims when the StatefulSet is deleted or scaled down (`persistentVolumeClaimRetentionPolicy`).
     */
    retentionPolicy?: {
      /**
       * Claims of a deleted StatefulSet.
       */
      whenDeleted?: "Retain" | "Delete";
      /**
       * Claims of replicas removed by a scale-down.
       */
      whenScaled?: "Retain" | "Delete";
    };
    /**
     * Size limit of the emptyDir used while persistence is disabled.
     */
    emptyDirSizeLimit?: string;
  };
  /**
   * Correlation rule sets. The chart renders `ruleSets` into the ConfigMap `<fullname>-rules`; `extraConfigMaps` adds rule sets managed elsewhere (e.g. by the detection team's own pipeline).
   */
  rules?: {
    /**
     * Rule sets by name (the file name in the ConfigMap). An environment can switch one set off or add one without repeating the others.
     */
    ruleSets?: {
      [k: string]: RuleSet | undefined;
    };
    /**
     * Existing ConfigMaps in the release namespace whose `*.yaml` entries are rule sets; each is mounted read-only at `<rules directory>/<name>`.
     *
     * Items: A ConfigMap name.
     */
    extraConfigMaps?: string[];
    /**
     * How often the engine re-reads the rule directories (ConfigMap updates arrive without a restart).
     */
    reloadIntervalSeconds?: number;
  };
  /**
   * Redis holding the event streams and the engine's offsets. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name.
     */
    host?: string;
    /**
     * Redis port.
     */
    port?: number;
    /**
     * Redis database index.
     */
    database?: number;
    /**
     * Prefix of every key and stream the service writes.
     */
    keyPrefix?: string;
    /**
     * TLS towards Redis.
     */
    tls?: {
      /**
       * Connect with TLS.
       */
      enabled?: boolean;
      /**
       * Server name checked against the certificate; empty uses `host`.
       */
      serverName?: string;
    };
    /**
     * Redis authentication.
     */
    auth?: {
      /**
       * Authenticate to Redis (exposes the password as `REDIS_PASSWORD`).
       */
      enabled?: boolean;
      /**
       * ACL user name; empty for the default user.
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * Platform services the engine calls (its `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The ingestion service, asked to replay events after a state loss.
     */
    ingestion?: {
      /**
       * Base URL of the service.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
    /**
     * The enrichment service (context for alert entities).
     */
    enrichment?: {
      /**
       * Base URL of the service.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
    /**
     * The notification service, told about `high` and `critical` alerts.
     */
    notification?: {
      /**
       * Base URL of the service.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
  };
  /**
   * Ports of the engine container: `http` serves the rules and alerts API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The engine's Service (a headless Service `<fullname>-headless` gives every replica its stable DNS name).
   */
  service?: Service;
  /**
   * The correlation-engine ServiceAccount (its identity for the AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the correlation-engine container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the engine container (window state of the owned partitions lives in memory and is checkpointed to the state volume).
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the replica out of the Service while `/readyz` fails (state not yet restored, Redis unreachable).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives a replica up to five minutes to restore its state before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name.
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Lets at most one replica be evicted at a time, so only one replica's partitions pause.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the correlation-engine pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating replica gets to write a final checkpoint; keep it above `state.checkpointIntervalSeconds`.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the engine pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the engine. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the correlation-engine metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Reserved for the `common` library chart: Helm adds a key for every chart dependency to the values (holding a copy of `global`), and the library reads no values of its own. Leave it empty; only the `global` copy Helm adds is accepted.
 */
export interface DependencyValues {
  [k: string]: unknown | undefined;
}
/**
 * Labels added to every object (the chart's own labels win on conflict).
 */
export interface CommonLabels {
  [k: string]: string | undefined;
}
/**
 * Annotations added to every object.
 */
export interface CommonAnnotations {
  [k: string]: string | undefined;
}
/**
 * Where the container image comes from, rendered as `<registry>/<repository>:<tag>[@<digest>]`. `global.imageRegistry` overrides `registry`; an empty `tag` falls back to the chart's `appVersion`; a `digest` pins the exact image.
 */
export interface ContainerImage {
  /**
   * Registry host (optionally with port), without scheme. `global.imageRegistry` takes precedence when set, so an environment can switch every chart to a mirror.
   */
  registry?: string;
  /**
   * Repository path inside the registry, e.g. `mcp-security-platform/mcp-server`.
   */
  repository?: string;
  /**
   * Image tag. Empty uses the chart's `appVersion`. The mutable `latest` tag is refused unless a `digest` pins the image.
   */
  tag?: string;
  /**
   * Content digest `sha256:<64 hex>`. When set the image is pulled by digest and the tag is informational only.
   */
  digest?: string;
  /**
   * Kubernetes `imagePullPolicy`.
   */
  pullPolicy?: "Always" | "IfNotPresent" | "Never";
  /**
   * Names of `kubernetes.io/dockerconfigjson` Secrets used to pull the image; merged with `global.imagePullSecrets`.
   *
   * Items: Name of a Secret in the release namespace.
   */
  pullSecrets?: string[];
}
/**
 * A named set of correlation rules, rendered as `<set>.yaml` into the ConfigMap `<fullname>-rules`.
 */
export interface RuleSet {
  /**
   * Load this rule set (default true).
   */
  enabled?: boolean;
  /**
   * What the rule set covers.
   */
  description?: string;
  /**
   * The rules of the set.
   */
  rules?: Rule[];
}
/**
 * A correlation rule: fires when `threshold` events of `eventTypes`, grouped by `groupBy` and passing `condition`, arrive within `window`.
 */
export interface Rule {
  /**
   * Unique rule id across all rule sets (used in alerts and metrics).
   */
  id: string;
  /**
   * What the rule detects, shown in alerts.
   */
  description?: string;
  /**
   * Evaluate the rule (default true).
   */
  enabled?: boolean;
  /**
   * Severity of the alert the rule raises.
   */
  severity: "low" | "medium" | "high" | "critical";
  /**
   * Event types the rule counts (`<source>.<event>`).
   *
   * @minItems 1
   *
   * Items: An event type.
   */
  eventTypes: [string, ...string[]];
  /**
   * Event fields the count is kept per (e.g. `source.ip`); empty counts all events together.
   *
   * Items: A dotted event field.
   */
  groupBy?: string[];
  /**
   * Optional CEL expression an event must satisfy to count (e.g. `event.outcome == "failure"`).
   */
  condition?: string;
  /**
   * Sliding time window (`<n>s`, `<n>m` or `<n>h`); at most `state.maxWindow`.
   */
  window: string;
  /**
   * Events within the window that fire the rule.
   */
  threshold: number;
}
/**
 * Where a secret value comes from; plaintext is never accepted. Set exactly one of `existingSecret` (a Secret managed outside the chart) or `externalSecret` (the chart renders an external-secrets.io `ExternalSecret` that creates the Secret).
 */
export interface SecretReference {
  /**
   * A Secret that already exists in the release namespace.
   */
  existingSecret?: {
    /**
     * Secret name; empty when `externalSecret` is used.
     */
    name?: string;
    /**
     * Key inside the Secret; required whenever `name` is set.
     */
    key?: string;
  };
  /**
   * Fetch the value from a secret store with external-secrets.io: the chart renders an `ExternalSecret` (`external-secrets.io/v1`) whose target Secret holds the value under the key `value`.
   */
  externalSecret?: {
    /**
     * The SecretStore or ClusterSecretStore to read from.
     */
    secretStoreRef?: {
      /**
       * Store name.
       */
      name?: string;
      /**
       * Store kind.
       */
      kind?: "ClusterSecretStore" | "SecretStore";
    };
    /**
     * The value's location in the store; an empty `key` means `externalSecret` is not used.
     */
    remoteRef?: {
      /**
       * Key (path) of the secret in the store.
       */
      key?: string;
      /**
       * Property inside a structured (JSON) secret; empty for the whole value.
       */
      property?: string;
      /**
       * Secret version; empty for the latest.
       */
      version?: string;
    };
    /**
     * How often external-secrets re-reads the store (Go duration).
     */
    refreshInterval?: string;
  };
}
/**
 * Ports the main container listens on, by name. The names are referenced by `service.ports`, probes, `networkPolicy` and `serviceMonitor`.
 */
export interface ContainerPorts {
  /**
   * Port number.
   */
  [k: string]: number | undefined;
}
/**
 * The workload's Service. Each entry of `ports` targets the container port of the same name in `containerPorts`, so port names are the single link between Service, probes, NetworkPolicy and ServiceMonitor.
 */
export interface Service {
  /**
   * Service type. Platform services stay `ClusterIP` and are exposed through `exposure` instead.
   */
  type?: "ClusterIP" | "NodePort" | "LoadBalancer";
  /**
   * Service ports by name (an IANA service name, at most 15 characters). Each name must also be a key of `containerPorts`.
   */
  ports?: {
    [k: string]: Port | undefined;
  };
  /**
   * Extra annotations on the Service.
   */
  annotations?: {
    [k: string]: string | undefined;
  };
  /**
   * Extra labels on the Service.
   */
  labels?: {
    [k: string]: string | undefined;
  };
}
/**
 * One Service port; it forwards to the container port with the same name.
 */
export interface Port {
  /**
   * Port number the Service listens on.
   */
  port: number;
  /**
   * Application protocol (`http`, `http2`, `grpc`, `tcp`, ...); Istio uses it to choose the protocol instead of sniffing. Empty leaves it unset.
   */
  appProtocol?: string;
  /**
   * Fixed node port for `NodePort`/`LoadBalancer` services; 0 lets Kubernetes choose.
   */
  nodePort?: number;
}
/**
 * The workload's identity. Every service gets its own ServiceAccount because Istio AuthorizationPolicies authorise callers by it; the API token is not mounted unless asked for.
 */
export interface ServiceAccount {
  /**
   * Create the ServiceAccount (otherwise `name` must already exist).
   */
  create?: boolean;
  /**
   * ServiceAccount name; empty means the release's full name (or `default` when `create` is false).
   */
  name?: string;
  /**
   * Annotations on the ServiceAccount (e.g. cloud workload identity bindings).
   */
  annotations?: {
    [k: string]: string | undefined;
  };
  /**
   * Mount a Kubernetes API token into the pod. Only services that call the Kubernetes API need it.
   */
  automountServiceAccountToken?: boolean;
}
/**
 * Extra annotations on the pods.
 */
export interface PodAnnotations {
  [k: string]: string | undefined;
}
/**
 * Extra labels on the pods (the chart's own labels win on conflict).
 */
export interface PodLabels {
  [k: string]: string | undefined;
}
/**
 * Pod-level `securityContext`. Defaults satisfy Pod Security Standard "restricted"; the settings it requires are fixed by the schema so no environment can weaken them.
 */
export interface PodSecurityContext {
  /**
   * Refuse to start containers whose user is root. Required by the platform.
   */
  runAsNonRoot?: true;
  /**
   * UID of every container process (non-zero).
   */
  runAsUser?: number;
  /**
   * Primary GID of every container process (non-zero).
   */
  runAsGroup?: number;
  /**
   * GID that owns mounted volumes.
   */
  fsGroup?: number;
  /**
   * When the kubelet re-owns volumes to `fsGroup`.
   */
  fsGroupChangePolicy?: "OnRootMismatch" | "Always";
  /**
   * Extra GIDs for every container process.
   *
   * Items: A non-zero GID.
   */
  supplementalGroups?: number[];
  /**
   * Pod-wide seccomp profile.
   */
  seccompProfile?: SeccompProfile;
}
/**
 * The seccomp profile of a pod or container. Pod Security Standard "restricted" allows only `RuntimeDefault` and `Localhost`.
 */
export interface SeccompProfile {
  /**
   * Profile kind.
   */
  type?: "RuntimeDefault" | "Localhost";
  /**
   * Path of the profile on the node, relative to the kubelet's seccomp directory; required for `Localhost`, ignored otherwise.
   */
  localhostProfile?: string;
}
/**
 * Container-level `securityContext`. Defaults satisfy Pod Security Standard "restricted" and add a read-only root filesystem (the workload mounts an `emptyDir` at `/tmp`).
 */
export interface ContainerSecurityContext {
  /**
   * Refuse to start the container as root. Required by the platform.
   */
  runAsNonRoot?: true;
  /**
   * Whether a process may gain more privileges than its parent. Must be false.
   */
  allowPrivilegeEscalation?: false;
  /**
   * Privileged containers are forbidden.
   */
  privileged?: false;
  /**
   * Mount the root filesystem read-only; write to `/tmp` or an extra volume instead.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Linux capabilities: everything is dropped; only `NET_BIND_SERVICE` may be added back.
   */
  capabilities?: {
    /**
     * Capabilities to drop; must contain `ALL`.
     *
     * Items: A capability name.
     */
    drop?: string[];
    /**
     * Capabilities to add back (only `NET_BIND_SERVICE` is allowed by PSS restricted).
     *
     * Items: A capability name.
     */
    add?: "NET_BIND_SERVICE"[];
  };
  /**
   * Container seccomp profile (repeats the pod's so the container is compliant on its own).
   */
  seccompProfile?: SeccompProfile;
}
/**
 * CPU and memory requests and limits of a container. The platform requires all four on every container (the Kubernetes validator of the repository enforces it too).
 */
export interface ContainerResources {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    /**
     * CPU request.
     */
    cpu?: (string | number) & string;
    /**
     * Memory request.
     */
    memory?: (string | number) & string;
  };
  /**
   * Upper bounds: CPU is throttled above `cpu`, the container is OOM-killed above `memory`.
   */
  limits?: {
    /**
     * CPU limit.
     */
    cpu?: (string | number) & string;
    /**
     * Memory limit.
     */
    memory?: (string | number) & string;
  };
}
/**
 * One health probe (used for `livenessProbe`, `readinessProbe` and `startupProbe`). `httpGet` calls `path` on `port`; `tcpSocket` opens a connection; `grpc` uses the gRPC health protocol.
 */
export interface ContainerProbe {
  /**
   * Render this probe.
   */
  enabled?: boolean;
  /**
   * Probe mechanism.
   */
  type?: "httpGet" | "tcpSocket" | "grpc";
  /**
   * HTTP path called by an `httpGet` probe.
   */
  path?: string;
  /**
   * Container port: a name from `containerPorts` (preferred) or a number.
   */
  port?: string | number;
  /**
   * Scheme of an `httpGet` probe.
   */
  scheme?: "HTTP" | "HTTPS";
  /**
   * Seconds after container start before the first probe. Prefer a `startupProbe` over long delays.
   */
  initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   */
  periodSeconds?: number;
  /**
   * Seconds before a probe attempt times out.
   */
  timeoutSeconds?: number;
  /**
   * Consecutive failures before the probe counts as failed.
   */
  failureThreshold?: number;
  /**
   * Consecutive successes before the probe counts as passed. Kubernetes requires 1 for liveness and startup probes.
   */
  successThreshold?: number;
}
/**
 * A Kubernetes `EnvVar`: a plain `value` or a `valueFrom` (fieldRef, resourceFieldRef, configMapKeyRef). Secrets go to `secretEnv`, never into `value`.
 */
export interface EnvVar {
  /**
   * Variable name.
   */
  name: string;
  /**
   * Literal value (quote numbers and booleans).
   */
  value?: string;
  /**
   * Kubernetes `EnvVarSource`.
   */
  valueFrom?: {
    /**
     * `ObjectFieldSelector`, e.g. `{fieldPath: metadata.name}`.
     */
    fieldRef?: {
      [k: string]: unknown | undefined;
    };
    /**
     * `ResourceFieldSelector`, e.g. `{resource: limits.memory}`.
     */
    resourceFieldRef?: {
      [k: string]: unknown | undefined;
    };
    /**
     * `ConfigMapKeySelector`.
     */
    configMapKeyRef?: {
      [k: string]: unknown | undefined;
    };
  };
}
/**
 * Environment variables whose values come from Secrets, keyed by variable name. A map rather than a list so an environment's values file can add or repoint one variable without repeating the others.
 */
export interface SecretEnvironmentVariables {
  [k: string]: SecretReference | undefined;
}
/**
 * A pod volume. Only the volume types Pod Security Standard "restricted" allows are accepted (no `hostPath`).
 */
export interface Volume {
  /**
   * Volume name, referenced by `extraVolumeMounts`.
   */
  name: string;
  /**
   * `ConfigMapVolumeSource`.
   */
  configMap?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `SecretVolumeSource`.
   */
  secret?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `EmptyDirVolumeSource`.
   */
  emptyDir?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `ProjectedVolumeSource`.
   */
  projected?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `DownwardAPIVolumeSource`.
   */
  downwardAPI?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `PersistentVolumeClaimVolumeSource`.
   */
  persistentVolumeClaim?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `EphemeralVolumeSource`.
   */
  ephemeral?: {
    [k: string]: unknown | undefined;
  };
  /**
   * `CSIVolumeSource`.
   */
  csi?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * A Kubernetes `VolumeMount` of the main container.
 */
export interface VolumeMount {
  /**
   * Name of a volume of the pod.
   */
  name: string;
  /**
   * Absolute path inside the container.
   */
  mountPath: string;
  /**
   * Sub-path of the volume to mount.
   */
  subPath?: string;
  /**
   * Mount read-only.
   */
  readOnly?: boolean;
}
/**
 * A `policy/v1` PodDisruptionBudget limiting voluntary evictions (node drains, cluster upgrades). Set exactly one of `minAvailable` and `maxUnavailable`; a budget that can never be met (e.g. `minAvailable: 1` with a single replica and no HPA) is refused because it blocks every drain.
 */
export interface PodDisruptionBudget {
  /**
   * Create the PodDisruptionBudget.
   */
  enabled?: boolean;
  /**
   * Pods that must stay available during a voluntary disruption; empty to use `maxUnavailable`.
   */
  minAvailable?: (number | string) & string;
  /**
   * Pods that may be unavailable during a voluntary disruption; empty to use `minAvailable`.
   */
  maxUnavailable?: (number | string) & number;
  /**
   * Whether pods that are not Ready may be evicted even when the budget is exhausted (`AlwaysAllow` keeps drains from hanging on crash-looping pods).
   */
  unhealthyPodEvictionPolicy?: "IfHealthyBudget" | "AlwaysAllow";
}
/**
 * Spreads the workload's pods across zones and/or nodes. The `zone` and `hostname` toggles cover the usual cases; `custom` adds raw constraints. Every constraint selects the workload's own pods unless it brings a `labelSelector`.
 */
export interface TopologySpreadConstraints {
  /**
   * Spread across availability zones (`topology.kubernetes.io/zone`).
   */
  zone?: Toggle;
  /**
   * Spread across nodes (`kubernetes.io/hostname`).
   */
  hostname?: Toggle;
  /**
   * Additional raw `TopologySpreadConstraint` entries.
   *
   * Items: A Kubernetes `TopologySpreadConstraint`; `labelSelector` defaults to the workload's selector.
   */
  custom?: {
    /**
     * Largest allowed skew.
     */
    maxSkew: number;
    /**
     * Node label that defines the domains.
     */
    topologyKey: string;
    /**
     * `DoNotSchedule` or `ScheduleAnyway`.
     */
    whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway";
    /**
     * Minimum number of eligible domains (only with `DoNotSchedule`).
     */
    minDomains?: number;
    /**
     * Pods counted for the skew; defaults to the workload's own.
     */
    labelSelector?: {
      [k: string]: unknown | undefined;
    };
    /**
     * Pod label keys whose values narrow the selection (e.g. `pod-template-hash`).
     *
     * Items: A label key.
     */
    matchLabelKeys?: string[];
    /**
     * `Honor` or `Ignore` node affinity when counting.
     */
    nodeAffinityPolicy?: "Honor" | "Ignore";
    /**
     * `Honor` or `Ignore` node taints when counting.
     */
    nodeTaintsPolicy?: "Honor" | "Ignore";
  }[];
}
/**
 * A ready-made spread constraint.
 */
export interface Toggle {
  /**
   * Render this constraint.
   */
  enabled?: boolean;
  /**
   * Largest allowed difference in pod count between two domains.
   */
  maxSkew?: number;
  /**
   * `DoNotSchedule` (hard) or `ScheduleAnyway` (soft).
   */
  whenUnsatisfiable?: "DoNotSchedule" | "ScheduleAnyway";
}
/**
 * Node labels the pods must be scheduled on.
 */
export interface NodeSelector {
  [k: string]: string | undefined;
}
/**
 * Kubernetes `Affinity`: `nodeAffinity`, `podAffinity` and/or `podAntiAffinity`, passed through as-is.
 */
export interface Affinity {
  /**
   * An affinity section, passed through as-is.
   */
  [k: string]: {} | undefined;
}
/**
 * A `networking.k8s.io/v1` NetworkPolicy for the workload's pods: ingress is denied except from `allowedCallers` (on `callerPorts`) and from the monitoring namespace (on the metrics port); egress can optionally be restricted to an allow-list plus DNS.
 */
export interface NetworkPolicy {
  /**
   * Create the NetworkPolicy.
   */
  enabled?: boolean;
  /**
   * Deny ingress that no rule allows. False allows all ingress (the policy then only restricts egress).
   */
  defaultDenyIngress?: boolean;
  /**
   * Workloads allowed to reach `callerPorts`. Filled by the platform generator from the other charts' `platform.mcp-security.io/dependencies` annotations.
   */
  allowedCallers?: Caller[];
  /**
   * Container port names (keys of `containerPorts`) the callers may reach.
   *
   * Items: A `containerPorts` name.
   */
  callerPorts?: string[];
  /**
   * Lets Prometheus scrape the metrics port.
   */
  metrics?: {
    /**
     * Allow the monitoring namespace to reach `port`.
     */
    enabled?: boolean;
    /**
     * Container port name of the metrics endpoint.
     */
    port?: string;
    /**
     * Namespace Prometheus runs in.
     */
    namespace?: string;
    /**
     * Optional labels narrowing the allowed pods inside that namespace (e.g. `app.kubernetes.io/name: prometheus`); empty allows the whole namespace.
     */
    podLabels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Egress restriction. Off by default; when on, only DNS, the Istio control plane and the allow-lists are reachable.
   */
  egress?: {
    /**
     * Restrict egress to the allow-lists below.
     */
    enabled?: boolean;
    /**
     * Cluster DNS (UDP and TCP 53).
     */
    dns?: {
      /**
       * Allow DNS lookups.
       */
      enabled?: boolean;
      /**
       * Namespace of the DNS pods.
       */
      namespace?: string;
      /**
       * Labels of the DNS pods.
       */
      podLabels?: {
        [k: string]: string | undefined;
      };
    };
    /**
     * istiod (xDS and certificates on TCP 15012); the sidecar cannot start without it.
     */
    istioControlPlane?: {
      /**
       * Allow the sidecar to reach istiod (only rendered while `istio.enabled`).
       */
      enabled?: boolean;
      /**
       * Namespace of istiod.
       */
      namespace?: string;
    };
    /**
     * In-cluster workloads this service calls.
     *
     * Items: A destination workload.
     */
    allowedApps?: {
      /**
       * Its `app.kubernetes.io/name` label.
       */
      app: string;
      /**
       * Its namespace; empty means the release namespace.
       */
      namespace?: string;
      /**
       * TCP ports it listens on.
       */
      ports: Ports;
    }[];
    /**
     * Destinations outside the cluster network (managed databases, SaaS APIs).
     *
     * Items: A destination IP block.
     */
    allowedCidrs?: {
      /**
       * IPv4 or IPv6 CIDR.
       */
      cidr: string;
      /**
       * CIDRs inside `cidr` that stay blocked.
       *
       * Items: A CIDR.
       */
      except?: string[];
      /**
       * TCP ports allowed.
       */
      ports: Ports;
    }[];
  };
}
/**
 * A workload allowed to call this service. NetworkPolicies select it by the `app.kubernetes.io/name` label and namespace; Istio AuthorizationPolicies by its mTLS identity `cluster.local/ns/<namespace>/sa/<serviceAccount>`.
 */
export interface Caller {
  /**
   * The caller's `app.kubernetes.io/name` label (its component/chart name, e.g. `gateway`).
   */
  app: string;
  /**
   * The caller's namespace; empty means the release namespace.
   */
  namespace?: string;
  /**
   * The caller's ServiceAccount; empty means the same as `app` (platform charts name their ServiceAccount after the component).
   */
  serviceAccount?: string;
}
/**
 * Mesh membership and mTLS-identity based authorisation. The pod carries an explicit `sidecar.istio.io/inject` label; the AuthorizationPolicy (`security.istio.io/v1`) allows only the callers' ServiceAccounts, so a workload without any allowed caller is unreachable through the mesh.
 */
export interface Istio {
  /**
   * Inject the Istio sidecar (`sidecar.istio.io/inject: "true"`); false labels the pod `"false"` and renders no Istio objects.
   */
  enabled?: boolean;
  /**
   * Sidecar tuning.
   */
  sidecar?: {
    /**
     * Container port names (or numbers) the sidecar does not intercept, so e.g. a Prometheus outside the mesh can scrape the metrics port (the NetworkPolicy still guards it).
     *
     * Items: A `containerPorts` name or a port number.
     */
    excludeInboundPorts?: (string | number)[];
  };
  /**
   * An ALLOW AuthorizationPolicy for the workload.
   */
  authorizationPolicy?: {
    /**
     * Create the AuthorizationPolicy (only while `istio.enabled`).
     */
    enabled?: boolean;
    /**
     * Workloads whose identity (`<trustDomain>/ns/<namespace>/sa/<serviceAccount>`) may call `ports`. Filled by the platform generator from the other charts' dependency annotations.
     */
    allowedCallers?: Caller[];
    /**
     * Container port names (or numbers) the callers may reach; empty allows every port.
     *
     * Items: A `containerPorts` name or a port number.
     */
    ports?: (string | number)[];
    /**
     * Istio trust domain of the principals.
     */
    trustDomain?: string;
  };
}
/**
 * A Prometheus operator `ServiceMonitor` (`monitoring.coreos.com/v1`) scraping the Service's metrics port.
 */
export interface ServiceMonitor {
  /**
   * Create the ServiceMonitor.
   */
  enabled?: boolean;
  /**
   * Name of the `service.ports` entry serving metrics.
   */
  port?: string;
  /**
   * HTTP path of the metrics endpoint.
   */
  path?: string;
  /**
   * Scrape scheme.
   */
  scheme?: "http" | "https";
  /**
   * Scrape interval.
   */
  interval?: string;
  /**
   * Scrape timeout; must not exceed `interval`.
   */
  scrapeTimeout?: string;
  /**
   * Keep the target's labels when they clash with Prometheus' own.
   */
  honorLabels?: boolean;
  /**
   * Extra labels on the ServiceMonitor, e.g. the label your Prometheus selects ServiceMonitors by (`release: kube-prometheus-stack`).
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Relabelings applied before scraping.
   */
  relabelings?: Relabelings;
  /**
   * Relabelings applied to scraped samples (e.g. to drop expensive series).
   */
  metricRelabelings?: Relabelings;
}
