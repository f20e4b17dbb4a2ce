/* GENERATED from schemas/charts/*.json by `nx run generate:schemas`. Do not edit. */

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
 * The values of every chart under charts/, keyed by chart name.
 */
export interface ChartValues {
  "analysis-service"?: AnalysisServiceValues;
  "argocd-network-policies"?: ArgocdNetworkPoliciesValues;
  "argocd-secrets"?: ArgocdSecretsValues;
  authentication?: AuthenticationValues;
  "cert-issuers"?: CertIssuersValues;
  "correlation-engine"?: CorrelationEngineValues;
  enrichment?: EnrichmentValues;
  "external-integrations"?: ExternalIntegrationsValues;
  gateway?: GatewayValues;
  ingestion?: IngestionValues;
  "istio-config"?: IstioConfigValues;
  "mcp-server"?: McpServerValues;
  "monitoring-config"?: MonitoringConfigValues;
  "network-policies"?: NetworkPoliciesValues;
  notification?: NotificationValues;
  "plugin-marketplace"?: PluginMarketplaceValues;
  postgresql?: PostgresqlValues;
  redis?: RedisValues;
  "report-generator"?: ReportGeneratorValues;
  "risk-assessment"?: RiskAssessmentValues;
  "scan-sandbox"?: ScanSandboxValues;
  "scanner-manager"?: ScannerManagerValues;
  "secret-stores"?: SecretStoresValues;
  "sync-identities"?: SyncIdentitiesValues;
  "vulnerability-analyzer"?: VulnerabilityAnalyzerValues;
  "web-ui"?: WebUiValues;
}
/**
 * Values of charts/analysis-service.
 */
export interface AnalysisServiceValues {
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
  /**
   * `app.kubernetes.io/component` of the API Deployment (part of its selector, so it cannot change after the first install). Workers use `worker-<type>`.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * The analysis-service container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of API pods while `autoscaling` is disabled (workers have their own `workers.<type>.replicaCount`).
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Settings shared by the API and the workers, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/analysis-service`); a change rolls every pod.
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
    /**
     * Largest analysis request body (source archives are referenced by URL, not uploaded).
     */
    maxRequestBytes?: number;
  };
  /**
   * How analyses travel from the API to the workers: one Redis stream per analysis type, read by a consumer group.
   */
  queue?: {
    /**
     * Prefix of the per-type streams (`<prefix><type>`).
     */
    streamPrefix?: string;
    /**
     * Consumer group the workers read with (each pod is a consumer named after itself).
     */
    consumerGroup?: string;
    /**
     * Entries a worker fetches per `XREADGROUP`.
     */
    readCount?: number;
    /**
     * How long `XREADGROUP` blocks waiting for entries.
     */
    blockMilliseconds?: number;
    /**
     * Entries pending longer than this (their worker died) are claimed by another worker with `XAUTOCLAIM`.
     */
    claimIdleSeconds?: number;
    /**
     * Deliveries of an entry before it is moved to the dead-letter stream.
     */
    maxDeliveries?: number;
    /**
     * Stream receiving entries that failed `maxDeliveries` times.
     */
    deadLetterStream?: string;
    /**
     * Approximate length each stream is trimmed to (`MAXLEN ~`).
     */
    maxLength?: number;
  };
  /**
   * Redis holding the analysis streams. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * The worker Deployments, one per analysis type, each scaled and sized on its own.
   */
  workers?: {
    /**
     * Workers for static application security testing of source code (Deployment `<fullname>-worker-sast`).
     */
    sast?: AnalysisServiceWorker;
    /**
     * Workers for dynamic testing of running applications (Deployment `<fullname>-worker-dast`).
     */
    dast?: AnalysisServiceWorker;
    /**
     * Workers for dependency (software composition) analysis against known vulnerabilities (Deployment `<fullname>-worker-dependency`).
     */
    dependency?: AnalysisServiceWorker;
    /**
     * Workers for detection of committed secrets and credentials (Deployment `<fullname>-worker-secrets`).
     */
    secrets?: AnalysisServiceWorker;
  };
  /**
   * Platform services the API and workers call (their `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The enrichment service (context for findings).
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
     * The scanner-manager, which runs the scanner Jobs behind some analyses.
     */
    scannerManager?: {
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
   * Ports of the API and worker containers: `http` serves the analysis API (workers only `/healthz` and `/readyz`); `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The API Service (each worker Deployment gets a metrics-only Service `<fullname>-worker-<type>`).
   */
  service?: Service;
  /**
   * The analysis-service ServiceAccount, shared by the API and every worker (their identity for the AuthorizationPolicies of the services they call).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the analysis-service container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the API container (workers have their own `workers.<type>.resources`).
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (Redis unreachable). Workers report ready once they joined the consumer group.
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives a pod up to two minutes to start before the liveness probe takes over.
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
   * Horizontal autoscaling of the API pods (workers have their own `workers.<type>.autoscaling`).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one API pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the analysis-service pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating API pod gets to finish open requests.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the API pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`. Each worker Deployment gets a policy admitting only the monitoring namespace; the egress settings apply to all of them.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the API (workers get a policy that admits nobody). The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the API and worker metrics (one ServiceMonitor per Deployment).
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
 * One worker Deployment, consuming the Redis stream of its analysis type.
 */
export interface AnalysisServiceWorker {
  /**
   * Run workers of this analysis type; requests of a disabled type are refused by the API.
   */
  enabled?: boolean;
  /**
   * Worker pods while this type's `autoscaling` is disabled.
   */
  replicaCount?: number;
  /**
   * Analyses one worker pod runs in parallel (stream entries it holds at once).
   */
  concurrency?: number;
  /**
   * Upper bound for one analysis; a longer one is abandoned and its entry retried.
   */
  timeoutSeconds?: number;
  /**
   * Stream this type consumes; empty uses `<queue.streamPrefix><type>`.
   */
  stream?: string;
  /**
   * Resources of one worker container.
   */
  resources?: ContainerResources;
  /**
   * HPA of this worker Deployment (e.g. an External metric on the stream's pending entries).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * PodDisruptionBudget of this worker Deployment.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Seconds a terminating worker gets to finish its analyses before they are handed back to the stream; keep it above `timeoutSeconds` to never cut one short.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * Node labels for this type's pods; empty uses the top-level `nodeSelector`.
   */
  nodeSelector?: NodeSelector;
  /**
   * Tolerations of this type's pods; empty uses the top-level `tolerations`.
   */
  tolerations?: Tolerations;
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
 * An `autoscaling/v2` HorizontalPodAutoscaler for the workload (Deployment or Argo Rollout). While enabled the workload omits `replicas`, so the HPA and Argo CD never fight over it.
 */
export interface HorizontalPodAutoscaling {
  /**
   * Create the HorizontalPodAutoscaler.
   */
  enabled?: boolean;
  /**
   * Lower replica bound; must not exceed `maxReplicas`.
   */
  minReplicas?: number;
  /**
   * Upper replica bound.
   */
  maxReplicas?: number;
  /**
   * Average CPU utilisation (percent of the CPU request) to aim for; 0 disables the CPU metric.
   */
  targetCPUUtilizationPercentage?: number;
  /**
   * Average memory utilisation (percent of the memory request) to aim for; 0 disables the memory metric.
   */
  targetMemoryUtilizationPercentage?: number;
  /**
   * Extra `autoscaling/v2` MetricSpec entries (Pods, Object, External, ContainerResource), appended as-is.
   *
   * Items: An `autoscaling/v2` MetricSpec.
   */
  customMetrics?: {
    /**
     * Metric source type.
     */
    type: "ContainerResource" | "External" | "Object" | "Pods" | "Resource";
    /**
     * ContainerResourceMetricSource.
     */
    containerResource?: {
      [k: string]: unknown | undefined;
    };
    /**
     * ExternalMetricSource.
     */
    external?: {
      [k: string]: unknown | undefined;
    };
    /**
     * ObjectMetricSource.
     */
    object?: {
      [k: string]: unknown | undefined;
    };
    /**
     * PodsMetricSource.
     */
    pods?: {
      [k: string]: unknown | undefined;
    };
    /**
     * ResourceMetricSource.
     */
    resource?: {
      [k: string]: unknown | undefined;
    };
  }[];
  /**
   * HPA scaling behaviour (`spec.behavior`); empty policies use the Kubernetes defaults.
   */
  behavior?: {
    /**
     * `HPAScalingRules` for scaling up (stabilizationWindowSeconds, selectPolicy, policies).
     */
    scaleUp?: {
      [k: string]: unknown | undefined;
    };
    /**
     * `HPAScalingRules` for scaling down.
     */
    scaleDown?: {
      [k: string]: unknown | undefined;
    };
  };
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
 * Node labels the pods must be scheduled on.
 */
export interface NodeSelector {
  [k: string]: string | undefined;
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
 * Kubernetes `Affinity`: `nodeAffinity`, `podAffinity` and/or `podAntiAffinity`, passed through as-is.
 */
export interface Affinity {
  /**
   * An affinity section, passed through as-is.
   */
  [k: string]: {} | undefined;
}
/**
 * A `networking.k8s.io/v1` NetworkPolicy for the workload's pods, plus the namespace's default deny (`<fullname>-default-deny`: every pod of the namespace, Ingress and Egress, nothing allowed): ingress is denied except from `allowedCallers` (on `callerPorts`) and from the scraper's pods (on the metrics port); egress is restricted to DNS, istiod and the allow-lists.
 */
export interface NetworkPolicy {
  /**
   * Create the NetworkPolicy and the namespace's default-deny NetworkPolicy.
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
     * Labels of the scraper's pods inside that namespace (kube-prometheus-stack's Prometheus pods carry `app.kubernetes.io/name: prometheus`). Required: an empty selector would admit every pod of the namespace, so the chart refuses it.
     */
    podLabels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Egress restriction: only DNS, the Istio control plane and the allow-lists are reachable. CIDR entries never reach link-local 169.254.0.0/16 (cloud metadata) or 100.64.0.0/10, nor the private and loopback ranges through a wider CIDR: the chart adds them to `except`.
   */
  egress?: {
    /**
     * Restrict egress to the allow-lists below. False leaves the pods without any egress once the namespace's default deny applies; keep it true and list what the pods call.
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
     * Destinations outside the cluster network (managed databases, SaaS APIs). 169.254.0.0/16 and 100.64.0.0/10 are added to `except` of every CIDR that contains them (a CIDR inside them is refused), 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 127.0.0.0/8 to that of every wider CIDR such as 0.0.0.0/0.
     *
     * Items: A destination IP block.
     */
    allowedCidrs?: {
      /**
       * IPv4 or IPv6 CIDR.
       */
      cidr: string;
      /**
       * CIDRs inside `cidr` that stay blocked, besides the ranges the chart always excepts.
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
/**
 * Values of charts/argocd-network-policies.
 */
export interface ArgocdNetworkPoliciesValues {
  /**
   * Values shared with every chart of an environment.
   */
  global?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Render the policies (the Chart.yaml condition of the network-policies dependency). False takes every policy of Argo CD's namespace out, which then admits all traffic again; the render tests fail on every environment that sets it.
   */
  enabled?: boolean;
  /**
   * Values of the network-policies subchart: Helm merges the subchart's defaults in here before validating, and validates them with the subchart's own schema (charts/network-policies/values.schema.json). This chart fixes its `namespaces`: Argo CD's, every other one empty.
   */
  "network-policies"?: {
    /**
     * The subchart's namespaces: Argo CD's, and every other one empty.
     */
    namespaces?: {
      /**
       * Argo CD's namespace (the release namespace).
       */
      argocd?: string;
      /**
       * Empty: argoRollouts is covered by the network-policies component of the infrastructure project.
       */
      argoRollouts?: "";
      /**
       * Empty: certManager is covered by the network-policies component of the infrastructure project.
       */
      certManager?: "";
      /**
       * Empty: cloudnativePg is covered by the network-policies component of the infrastructure project.
       */
      cloudnativePg?: "";
      /**
       * Empty: externalSecrets is covered by the network-policies component of the infrastructure project.
       */
      externalSecrets?: "";
      /**
       * Empty: istio is covered by the network-policies component of the infrastructure project.
       */
      istio?: "";
      /**
       * Empty: monitoring is covered by the network-policies component of the infrastructure project.
       */
      monitoring?: "";
      /**
       * Empty: infrastructure is covered by the network-policies component of the infrastructure project.
       */
      infrastructure?: "";
    };
    [k: string]: unknown | undefined;
  };
}
/**
 * Values of charts/argocd-secrets.
 */
export interface ArgocdSecretsValues {
  /**
   * Values shared with every chart of an environment.
   */
  global?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Values Helm reserves for the `common` library dependency; leave empty.
   */
  common?: DependencyValues;
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  /**
   * Labels added to every ExternalSecret (the chart's own labels win on conflict). Never copied to Argo CD's Secrets.
   */
  commonLabels?: CommonLabels;
  /**
   * Annotations added to every ExternalSecret. Never copied to Argo CD's Secrets.
   */
  commonAnnotations?: CommonAnnotations;
  /**
   * The store both ExternalSecrets read from (the secret-stores chart's `ClusterSecretStore`, `vault-<environment>` by platform convention). Its `namespaces` condition, if any, must include Argo CD's namespace.
   */
  secretStoreRef?: {
    /**
     * Store name; required as soon as an ExternalSecret is rendered.
     */
    name?: string;
    /**
     * Store kind: `ClusterSecretStore` (what secret-stores creates), or a `SecretStore` in Argo CD's namespace.
     */
    kind?: "ClusterSecretStore" | "SecretStore";
  };
  /**
   * Seconds between the operator's re-reads of the store for both ExternalSecrets (rendered as a Go duration: 3600 is `1h`); 0 reads once and never refreshes.
   */
  refreshInterval?: number;
  /**
   * Argo CD's OIDC client secret, merged into the key `secretKey` of `argocd-secret` (ExternalSecret `argocd-oidc-client-secret`, creationPolicy `Merge`: the argo-cd chart owns that Secret, so it must exist first). Argo CD resolves `clientSecret: $<secretKey>` of `oidc.config` from it.
   */
  oidcClientSecret?: {
    /**
     * Render the ExternalSecret. Off: `argocd-secret` gets no client secret from this chart.
     */
    enabled?: boolean;
    /**
     * Key written in `argocd-secret`; must equal `argocd.oidc.clientSecretKey` of environment.yaml (default `oidc.clientSecret`).
     */
    secretKey?: string;
    /**
     * Where the client secret is in the store.
     */
    remoteRef?: {
      /**
       * Key (path) of the secret in the store, e.g. `platform/<environment>/argocd`; required when enabled.
       */
      key?: string;
      /**
       * Property inside a structured (JSON) secret, e.g. `oidc-client-secret`; empty for the whole value.
       */
      property?: string;
    };
  };
  /**
   * The keys of `argocd-notifications-secret` (what the notification services reference as `$<key>`: `slack-token`, `pagerduty-key-<service>`), each read from the store. Non-empty renders the ExternalSecret `argocd-notifications-secret` (creationPolicy `Owner`), so the argo-cd chart must not create the Secret (`notifications.secret.create: false`). Empty renders nothing.
   */
  notificationCredentials?: {
    /**
     * Where the value of this key is in the store.
     */
    [k: string]:
      | {
          /**
           * Key (path) of the secret in the store.
           */
          key: string;
          /**
           * Property inside a structured (JSON) secret; empty or absent for the whole value.
           */
          property?: string;
        }
      | undefined;
  };
}
/**
 * Values of charts/authentication.
 */
export interface AuthenticationValues {
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
   * The authentication container image (also runs the database migrations); the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of authentication pods while `autoscaling` is disabled. Sessions live in Redis and signing keys in a Secret, so replicas are interchangeable.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/authentication`); a change rolls the pods.
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
    /**
     * Hashing of local user passwords (Argon2id).
     */
    passwordHashing?: {
      /**
       * Argon2id memory cost in KiB.
       */
      memoryKiB?: number;
      /**
       * Argon2id time cost.
       */
      iterations?: number;
      /**
       * Argon2id lanes.
       */
      parallelism?: number;
    };
  };
  /**
   * The OpenID Connect provider: issuer and registered clients.
   */
  oidc?: {
    /**
     * Issuer URL (`iss` of every token); clients fetch `<issuer>/.well-known/openid-configuration`. Must be the public URL the gateway serves the provider at.
     */
    issuer?: string;
    /**
     * Refuse authorization-code requests without PKCE (S256), for every client, not only public ones.
     */
    requirePkce?: boolean;
    /**
     * Ask users to confirm the scopes a client requests; off for first-party platform clients.
     */
    consentScreen?: boolean;
    /**
     * Registered clients. A confidential client needs `clientSecret` (a secret reference); public clients must not have one.
     *
     * Items: An OAuth 2.0 client registered with the provider.
     */
    clients?: {
      /**
       * The `client_id`; also names the client secret's variable `OIDC_CLIENT_SECRET_<CLIENT_ID>` and ExternalSecret `<fullname>-client-<clientId>`.
       */
      clientId: string;
      /**
       * Display name on the consent screen; empty uses `clientId`.
       */
      name?: string;
      /**
       * `public` (browser or native app, no secret, PKCE required) or `confidential` (authenticates with `clientSecret`).
       */
      type: "public" | "confidential";
      /**
       * Grant types the client may use.
       *
       * @minItems 1
       *
       * Items: A grant type.
       */
      grantTypes: [
        "authorization_code" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code",
        ...(
          "authorization_code" | "refresh_token" | "client_credentials" | "urn:ietf:params:oauth:grant-type:device_code"
        )[]
      ];
      /**
       * Exact redirect URIs allowed after login (required for `authorization_code`).
       *
       * Items: An absolute URI.
       */
      redirectUris?: string[];
      /**
       * Redirect URIs allowed after logout.
       *
       * Items: An absolute URI.
       */
      postLogoutRedirectUris?: string[];
      /**
       * Scopes the client may request.
       *
       * Items: A scope.
       */
      scopes?: string[];
      /**
       * Audiences (`aud`) the client may request tokens for, e.g. `mcp-server`.
       *
       * Items: An audience.
       */
      audiences?: string[];
      /**
       * Where the client secret comes from (confidential clients only; the provider stores only its hash).
       */
      clientSecret?: SecretReference;
    }[];
  };
  /**
   * Token signing. The key set is a Secret holding one PEM private key per key id (Secret key `<kid>.pem`), mounted as files so a rotation needs no restart: every key in it is published in the JWKS, `activeKeyId` signs.
   */
  jwt?: {
    /**
     * Signature algorithm; every key of the set must match it.
     */
    algorithm?: "RS256" | "RS384" | "RS512" | "ES256" | "ES384" | "EdDSA";
    /**
     * Key id (`kid`) that signs new tokens; `<activeKeyId>.pem` must exist in the key set. Rotate by adding a key, waiting `jwksMaxAge`, switching this value, and removing the old key after `refreshTokenTtl`.
     */
    activeKeyId?: string;
    /**
     * Where the signing key set comes from: exactly one of `existingSecret` or `externalSecret.remoteRef.key`.
     */
    keySet?: {
      /**
       * Name of an existing Secret in the release namespace holding `<kid>.pem` entries.
       */
      existingSecret?: string;
      /**
       * Fetch the whole key set from a secret store: the chart renders an ExternalSecret (`dataFrom.extract`) creating `<fullname>-jwt-keys`, one entry per property of the remote secret.
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
         * Key (path) of the structured secret holding the key set; empty means `externalSecret` is not used.
         */
        remoteKey?: string;
        /**
         * How often external-secrets re-reads the store; new keys reach the pods without a restart.
         */
        refreshInterval?: string;
      };
    };
    /**
     * Lifetime of access tokens.
     */
    accessTokenTtl?: string;
    /**
     * Lifetime of ID tokens.
     */
    idTokenTtl?: string;
    /**
     * Lifetime of refresh tokens (rotated on every use). A retired signing key must stay in the set at least this long.
     */
    refreshTokenTtl?: string;
    /**
     * `Cache-Control: max-age` of the JWKS endpoint: how long verifiers may cache the key set. Publish a new key at least this long before it signs.
     */
    jwksMaxAge?: string;
  };
  /**
   * PostgreSQL holding users, clients, grants and refresh-token families. The password is only accepted as a Secret reference.
   */
  postgresql?: {
    /**
     * PostgreSQL host name (the CloudNativePG read-write Service `<cluster>-rw`).
     */
    host?: string;
    /**
     * PostgreSQL port.
     */
    port?: number;
    /**
     * Database name.
     */
    database?: string;
    /**
     * Database user.
     */
    username?: string;
    sslMode?: "verify-full" & string;
    caCertificate?: SecretReference;
    /**
     * Where the database password comes from (default: the credentials Secret the `postgresql` chart writes for the `authentication` database).
     */
    password?: SecretReference;
    /**
     * Connection pool per replica.
     */
    pool?: {
      /**
       * Open connections per replica (replicas x this must stay below the server's `max_connections`).
       */
      maxOpenConnections?: number;
      /**
       * Idle connections kept per replica.
       */
      maxIdleConnections?: number;
      /**
       * Connections older than this are recycled.
       */
      connectionMaxLifetime?: string;
    };
  };
  /**
   * Redis holding login sessions, authorization codes and rate-limit counters. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the service writes.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * Browser login sessions (stored in Redis).
   */
  sessions?: {
    /**
     * Absolute lifetime of a login session.
     */
    ttl?: string;
    /**
     * Sessions idle for longer are ended.
     */
    idleTimeout?: string;
    /**
     * Name of the session cookie (`Secure`, `HttpOnly`, `SameSite=Lax`).
     */
    cookieName?: string;
  };
  /**
   * Brute-force protection of the login and token endpoints (counters shared through Redis).
   */
  loginRateLimit?: {
    /**
     * Enforce the limits below.
     */
    enabled?: boolean;
    /**
     * Login and token requests per client IP (from `X-Forwarded-For` behind the gateway).
     */
    perIp?: {
      /**
       * Sustained requests per minute.
       */
      requestsPerMinute?: number;
      /**
       * Requests allowed at once above the sustained rate.
       */
      burst?: number;
    };
    /**
     * Failed logins per account.
     */
    perAccount?: {
      /**
       * Failed logins within `window` that lock the account.
       */
      maxFailures?: number;
      /**
       * Window in which failures are counted.
       */
      window?: string;
      /**
       * How long a locked account refuses logins.
       */
      lockoutDuration?: string;
    };
  };
  /**
   * Prometheus metrics on the `metrics` port. Failed authentications are counted in `authentication_failures_total{reason,client}`.
   */
  metrics?: {
    /**
     * The failed-authentication counter.
     */
    failedAuthentications?: {
      /**
       * Add the `client` label (bounded by the registered clients); off keeps only `reason`.
       */
      labelByClient?: boolean;
    };
    /**
     * A PrometheusRule alerting on bursts of failed authentications and lockouts (needs the Prometheus Operator).
     */
    alerts?: {
      /**
       * Render the PrometheusRule.
       */
      enabled?: boolean;
      /**
       * Failed authentications per second (5-minute rate, all replicas) that fire `AuthenticationFailuresHigh`.
       */
      failuresPerSecond?: number;
      /**
       * How long the rate must stay above the threshold.
       */
      for?: string;
      /**
       * `severity` label of the alerts.
       */
      severity?: "info" | "warning" | "critical";
      /**
       * Labels on the PrometheusRule so the Prometheus instance selects it (e.g. `release: kube-prometheus-stack`).
       */
      labels?: {
        [k: string]: string | undefined;
      };
    };
  };
  /**
   * Database schema migrations, run by a Job (the chart's image with `args`) before the new version starts: a Helm `pre-install`/`pre-upgrade` hook and an Argo CD `PreSync` hook. The Job has its own ServiceAccount and, for an external database password, its own ExternalSecret, both created as hooks so they exist before it runs. In the mesh its Istio proxy runs as a native sidecar, so the Job still completes.
   */
  migrations?: {
    /**
     * Run the migration Job.
     */
    enabled?: boolean;
    /**
     * Arguments of the migration command.
     *
     * @minItems 1
     *
     * Items: An argument.
     */
    args?: [string, ...string[]];
    /**
     * Retries before the Job (and so the install or sync) fails.
     */
    backoffLimit?: number;
    /**
     * Upper bound for the whole migration.
     */
    activeDeadlineSeconds?: number;
    /**
     * Resources of the migration container.
     */
    resources?: ContainerResources;
  };
  /**
   * Ports of the authentication container: `http` serves the OIDC endpoints (discovery, JWKS, authorize, token, userinfo), `/healthz` and `/readyz`; `metrics` serves Prometheus metrics, including the failed-authentication counters.
   */
  containerPorts?: ContainerPorts;
  /**
   * The authentication Service.
   */
  service?: Service;
  /**
   * The authentication ServiceAccount (its identity for the Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the authentication container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the authentication container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (PostgreSQL or Redis unreachable, signing keys unreadable).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name (e.g. the client secret of an upstream identity provider).
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Horizontal autoscaling of the authentication pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one authentication pod serving during node drains: every other service depends on it.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the authentication pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish in-flight token requests.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the authentication pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the authentication. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the authentication metrics.
   */
  serviceMonitor?: ServiceMonitor;
  /**
   * Progressive delivery of the authentication with an Argo Rollouts canary.
   */
  rollout?: ArgoRolloutsCanary;
}
/**
 * Replaces the Deployment by an Argo Rollouts `Rollout` (`argoproj.io/v1alpha1`) with a canary strategy. With Istio traffic routing the chart also renders a mesh VirtualService (route `primary`) and a DestinationRule with `stable`/`canary` subsets, whose weights Argo Rollouts shifts step by step.
 */
export interface ArgoRolloutsCanary {
  /**
   * Render a Rollout instead of a Deployment.
   */
  enabled?: boolean;
  /**
   * Canary strategy.
   */
  canary?: {
    /**
     * Canary steps, in order.
     *
     * @minItems 1
     *
     * Items: One step: exactly one of `setWeight`, `pause`, `setCanaryScale` or `analysis`.
     */
    steps?: [
      {
        /**
         * Percentage of traffic sent to the canary.
         */
        setWeight?: number;
        /**
         * Wait for `duration`, or until promoted when empty.
         */
        pause?: {
          /**
           * How long to pause (`30s`, `5m`, `1h`).
           */
          duration?: string;
        };
        /**
         * Canary scale override (`weight`, `replicas` or `matchTrafficWeight`).
         */
        setCanaryScale?: {
          [k: string]: unknown | undefined;
        };
        /**
         * An inline analysis step (`templates`, `args`).
         */
        analysis?: {
          [k: string]: unknown | undefined;
        };
      },
      ...{
        /**
         * Percentage of traffic sent to the canary.
         */
        setWeight?: number;
        /**
         * Wait for `duration`, or until promoted when empty.
         */
        pause?: {
          /**
           * How long to pause (`30s`, `5m`, `1h`).
           */
          duration?: string;
        };
        /**
         * Canary scale override (`weight`, `replicas` or `matchTrafficWeight`).
         */
        setCanaryScale?: {
          [k: string]: unknown | undefined;
        };
        /**
         * An inline analysis step (`templates`, `args`).
         */
        analysis?: {
          [k: string]: unknown | undefined;
        };
      }[]
    ];
    /**
     * Extra pods allowed during the update (count or percentage).
     */
    maxSurge?: number | string;
    /**
     * Pods that may be unavailable during the update (count or percentage).
     */
    maxUnavailable?: number | string;
    /**
     * Background analysis run during the whole canary.
     */
    analysis?: {
      /**
       * Names of AnalysisTemplates (or ClusterAnalysisTemplates) to run; empty disables background analysis.
       *
       * Items: A template name.
       */
      templates?: string[];
      /**
       * The templates are ClusterAnalysisTemplates.
       */
      clusterScope?: boolean;
      /**
       * Index of the step at which the analysis starts.
       */
      startingStep?: number;
      /**
       * Arguments passed to the templates.
       *
       * Items: An analysis argument.
       */
      args?: {
        /**
         * Argument name.
         */
        name: string;
        /**
         * Argument value.
         */
        value: string;
      }[];
    };
  };
  /**
   * How canary traffic is split.
   */
  trafficRouting?: {
    /**
     * Istio subset-level routing. Off means replica-count based weights.
     */
    istio?: {
      /**
       * Route canary traffic with Istio (needs `istio.enabled`).
       */
      enabled?: boolean;
      /**
       * Name of the mesh VirtualService; empty means the release's full name.
       */
      virtualServiceName?: string;
      /**
       * Name of the DestinationRule; empty means the release's full name.
       */
      destinationRuleName?: string;
      /**
       * Name of the `service.ports` entry whose traffic is split.
       */
      servicePort?: string;
    };
  };
}
/**
 * Values of charts/cert-issuers.
 */
export interface CertIssuersValues {
  /**
   * Values shared with every chart of an environment (`global.clusterDomain`, ...).
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * cert-manager's *cluster resource namespace* (the namespace cert-manager runs in unless `--cluster-resource-namespace` says otherwise): a `ClusterIssuer` reads its Secrets there, so the chart puts the self-signed CA, the ACME account key and the ExternalSecrets of issuer credentials there.
   */
  clusterResourceNamespace?: string;
  /**
   * Name of the `ClusterIssuer` the platform requests certificates from (the `istio-config` Gateway certificate and the service charts reference it).
   */
  issuerName?: string;
  /**
   * `revisionHistoryLimit` of every Certificate the chart renders: how many old CertificateRequests cert-manager keeps for debugging.
   */
  certificateRevisionHistoryLimit?: number;
  /**
   * How `issuerName` signs: `selfSigned` bootstraps a private CA inside the cluster (development: no credentials, browsers warn), `acme` asks an ACME CA such as Let's Encrypt (public names), `ca` signs with a corporate intermediate CA whose key pair is referenced from a Secret.
   */
  type?: "selfSigned" | "acme" | "ca";
  /**
   * The in-cluster CA used when `type: selfSigned`: a self-signed root `ClusterIssuer` issues a CA `Certificate`, and `issuerName` signs with that CA.
   */
  selfSigned?: {
    /**
     * Common name of the generated CA certificate.
     */
    caCommonName?: string;
    /**
     * Lifetime of the CA certificate (Go duration in hours).
     */
    caDuration?: string;
    /**
     * Key algorithm of the CA.
     */
    privateKeyAlgorithm?: "ECDSA" | "RSA" | "Ed25519";
    /**
     * Key size: 256 or 384 for ECDSA, 2048-8192 for RSA (ignored for Ed25519).
     */
    privateKeySize?: 256 | 384 | 2048 | 3072 | 4096 | 8192;
  };
  /**
   * The ACME account and challenge solvers used when `type: acme`.
   */
  acme?: {
    /**
     * ACME directory URL. Let's Encrypt production is `https://acme-v02.api.letsencrypt.org/directory`; its staging directory (`https://acme-staging-v02.api.letsencrypt.org/directory`) has generous rate limits but untrusted certificates.
     */
    server?: string;
    /**
     * Contact address registered with the ACME account (expiry and policy notices).
     */
    email?: string;
    /**
     * Secret (in `clusterResourceNamespace`) cert-manager creates to keep the ACME account's private key; not a credential anyone provides.
     */
    accountKeySecretName?: string;
    /**
     * External account binding, required by commercial ACME CAs (ZeroSSL, Sectigo, Google Trust Services); Let's Encrypt does not use it.
     */
    externalAccountBinding?: {
      /**
       * Bind the ACME account to an existing CA account.
       */
      enabled?: boolean;
      /**
       * Key identifier the CA issued for the binding.
       */
      keyID?: string;
      /**
       * The base64url-encoded HMAC key of the binding, by reference (an existing Secret in `clusterResourceNamespace`, or an ExternalSecret the chart renders there).
       */
      keySecret?: SecretReference;
    };
    /**
     * HTTP-01 challenges answered through the Istio ingress gateway: cert-manager creates a temporary `Ingress` of class `ingressClassName`, which Istio serves on port 80.
     */
    http01?: {
      /**
       * Offer the HTTP-01 solver (for names without a `dns01` zone).
       */
      enabled?: boolean;
      /**
       * Ingress class of the challenge Ingress; `istio` is served by the Istio ingress gateway.
       */
      ingressClassName?: string;
    };
    /**
     * DNS-01 challenges (needed for wildcard names) for the zones in `dnsZones`.
     */
    dns01?: {
      /**
       * Offer the DNS-01 solver for `dnsZones`.
       */
      enabled?: boolean;
      /**
       * DNS zones (and their subdomains) solved with DNS-01; other names fall back to HTTP-01.
       *
       * Items: A DNS zone, e.g. `mcp.example.com`.
       */
      dnsZones?: string[];
      /**
       * DNS provider whose API answers the challenge.
       */
      provider?: "route53" | "cloudflare" | "cloudDNS";
      /**
       * AWS Route 53 with ambient credentials (IAM role for the cert-manager ServiceAccount); no Secret is involved.
       */
      route53?: {
        /**
         * AWS region of the Route 53 API calls.
         */
        region?: string;
        /**
         * Hosted zone to edit; empty lets cert-manager find it from the name.
         */
        hostedZoneID?: string;
        /**
         * IAM role ARN to assume for the changes; empty uses the ambient role.
         */
        role?: string;
      };
      /**
       * Cloudflare, authenticated with an API token (Zone:DNS:Edit) by reference.
       */
      cloudflare?: {
        /**
         * The Cloudflare API token: an existing Secret in `clusterResourceNamespace`, or an ExternalSecret the chart renders there.
         */
        apiToken?: SecretReference;
      };
      /**
       * Google Cloud DNS with Workload Identity of the cert-manager ServiceAccount; no Secret is involved.
       */
      cloudDNS?: {
        /**
         * Google Cloud project of the managed zone.
         */
        project?: string;
      };
    };
  };
  /**
   * The corporate intermediate CA used when `type: ca`.
   */
  ca?: {
    /**
     * `kubernetes.io/tls` Secret in `clusterResourceNamespace` holding the CA's `tls.crt` and `tls.key`. Created by the chart's ExternalSecret when `externalSecret.enabled`, else it must exist.
     */
    secretName?: string;
    /**
     * Fetch the CA key pair from a secret store: the chart renders an `ExternalSecret` that writes `tls.crt` and `tls.key` from the properties of one store entry into `secretName`.
     */
    externalSecret?: {
      /**
       * Render the ExternalSecret.
       */
      enabled?: boolean;
      /**
       * The store to read from.
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
       * Key of the store entry holding the certificate and key.
       */
      remoteKey?: string;
      /**
       * Property of the entry with the PEM certificate (chain).
       */
      certificateProperty?: string;
      /**
       * Property of the entry with the PEM private key.
       */
      privateKeyProperty?: string;
      /**
       * How often external-secrets re-reads the store (Go duration).
       */
      refreshInterval?: string;
    };
    /**
     * CRL distribution point URLs written into issued certificates.
     *
     * Items: A CRL URL.
     */
    crlDistributionPoints?: string[];
  };
  /**
   * A second, private CA for names only the cluster knows (`*.svc.cluster.local`), which no public ACME CA signs: the self-signed bootstrap issuer issues its CA certificate, and the ClusterIssuer `internalIssuer.name` signs with it. Clients trust it through the CA certificate in the Secret of the same name (`ca.crt`).
   */
  internalIssuer?: {
    /**
     * Create the internal CA and its ClusterIssuer (staging and production; development's self-signed `issuerName` serves internal names too).
     */
    enabled?: boolean;
    /**
     * Name of the internal ClusterIssuer, its CA Certificate and Secret.
     */
    name?: string;
    /**
     * Common name of the internal CA certificate.
     */
    commonName?: string;
    /**
     * Lifetime of the internal CA certificate (Go duration in hours).
     */
    duration?: string;
  };
  /**
   * Certificates for infrastructure services, issued by `issuerName` (e.g. the TLS key pair of Redis in the `data` namespace).
   *
   * Items: One cert-manager `Certificate`.
   */
  certificates?: {
    /**
     * Certificate name; also the Secret name unless `secretName` is set.
     */
    name: string;
    /**
     * Namespace of the Certificate and its Secret (where the service runs).
     */
    namespace: string;
    /**
     * Secret the key pair is written to; empty means `name`.
     */
    secretName?: string;
    /**
     * Subject alternative names.
     *
     * @minItems 1
     *
     * Items: A DNS name (wildcards allowed).
     */
    dnsNames: [string, ...string[]];
    /**
     * Certificate lifetime (Go duration in hours); empty uses cert-manager's default (90 days).
     */
    duration?: string;
    /**
     * Renew this long before expiry (Go duration in hours); empty uses a third of the lifetime.
     */
    renewBefore?: string;
    /**
     * Key usages; empty means `digital signature`, `key encipherment`, `server auth`.
     *
     * Items: A key usage.
     */
    usages?: ("digital signature" | "key encipherment" | "server auth" | "client auth")[];
    /**
     * `internal` (the `internalIssuer`, for cluster-internal names) or `public` (`issuerName`); empty means `internal` when `internalIssuer.enabled`, else `public`.
     */
    issuer?: "" | "internal" | "public";
  }[];
}
/**
 * Values of charts/correlation-engine.
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
      [k: string]: CorrelationEngineRuleSet | undefined;
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
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
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
 * A named set of correlation rules, rendered as `<set>.yaml` into the ConfigMap `<fullname>-rules`.
 */
export interface CorrelationEngineRuleSet {
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
  rules?: CorrelationEngineRule[];
}
/**
 * A correlation rule: fires when `threshold` events of `eventTypes`, grouped by `groupBy` and passing `condition`, arrive within `window`.
 */
export interface CorrelationEngineRule {
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
 * Values of charts/enrichment.
 */
export interface EnrichmentValues {
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
   * The enrichment container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of enrichment pods while `autoscaling` is disabled. The cache is shared through Redis, so replicas are interchangeable.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/enrichment`); a change rolls the pods.
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
    /**
     * Concurrent provider lookups per replica.
     */
    workers?: number;
    /**
     * Upper bound for enriching one indicator across all providers; slower providers are skipped for that request.
     */
    lookupTimeout?: string;
  };
  /**
   * Threat-intelligence reputation lookups. Each provider is off until enabled; API keys are only accepted as Secret references.
   */
  threatIntel?: {
    /**
     * The supported providers.
     */
    providers?: {
      /**
       * VirusTotal (file hashes, domains, IPs, URLs).
       */
      virusTotal?: {
        /**
         * Query VirusTotal.
         */
        enabled?: boolean;
        /**
         * API base URL (HTTPS); its host joins the egress allow-list.
         */
        baseUrl?: string;
        /**
         * The VirusTotal API key.
         */
        apiKey?: SecretReference;
        /**
         * Timeout of one request.
         */
        timeout?: string;
        /**
         * Client-side quota shared by all replicas through Redis; match the API plan.
         */
        requestsPerMinute?: number;
      };
      /**
       * AbuseIPDB (IP reputation).
       */
      abuseIpDb?: {
        /**
         * Query AbuseIPDB.
         */
        enabled?: boolean;
        /**
         * API base URL (HTTPS); its host joins the egress allow-list.
         */
        baseUrl?: string;
        /**
         * The AbuseIPDB API key.
         */
        apiKey?: SecretReference;
        /**
         * Timeout of one request.
         */
        timeout?: string;
        /**
         * Client-side quota shared by all replicas through Redis; match the API plan.
         */
        requestsPerMinute?: number;
      };
      /**
       * GreyNoise (internet scanner and benign-service classification of IPs).
       */
      greyNoise?: {
        /**
         * Query GreyNoise.
         */
        enabled?: boolean;
        /**
         * API base URL (HTTPS); its host joins the egress allow-list.
         */
        baseUrl?: string;
        /**
         * The GreyNoise API key.
         */
        apiKey?: SecretReference;
        /**
         * Timeout of one request.
         */
        timeout?: string;
        /**
         * Client-side quota shared by all replicas through Redis; match the API plan.
         */
        requestsPerMinute?: number;
      };
    };
  };
  /**
   * GeoIP and ASN lookups from MaxMind databases, read from `/var/lib/enrichment/geoip`.
   */
  geoip?: {
    /**
     * Add location and ASN data.
     */
    enabled?: boolean;
    /**
     * Database editions to load.
     *
     * @minItems 1
     *
     * Items: A MaxMind edition id.
     */
    editions?: [
      "GeoLite2-City" | "GeoLite2-Country" | "GeoLite2-ASN" | "GeoIP2-City" | "GeoIP2-Country" | "GeoIP2-ISP",
      ...("GeoLite2-City" | "GeoLite2-Country" | "GeoLite2-ASN" | "GeoIP2-City" | "GeoIP2-Country" | "GeoIP2-ISP")[]
    ];
    /**
     * `download`: the service downloads and refreshes the databases into an `emptyDir`; `volume`: they are read from an existing PersistentVolumeClaim kept current by another job.
     */
    source?: "download" | "volume";
    /**
     * Downloads from MaxMind (`source: download`).
     */
    download?: {
      /**
       * MaxMind account id; required for downloads.
       */
      accountId?: string;
      /**
       * The MaxMind license key.
       */
      licenseKey?: SecretReference;
      /**
       * How often the databases are refreshed.
       */
      updateInterval?: string;
      /**
       * Hosts the download talks to (MaxMind redirects database downloads to its storage host); they join the egress allow-list.
       *
       * @minItems 1
       *
       * Items: A host name.
       */
      hosts?: [string, ...string[]];
      /**
       * Size limit of the `emptyDir` holding the databases.
       */
      sizeLimit?: string;
    };
    /**
     * Databases from a PersistentVolumeClaim (`source: volume`), mounted read-only.
     */
    volume?: {
      /**
       * Name of the claim; required with `source: volume`.
       */
      existingClaim?: string;
    };
  };
  /**
   * Caching of lookup results in Redis, so repeated indicators cost no provider quota.
   */
  cache?: {
    /**
     * Prefix of every cache key.
     */
    keyPrefix?: string;
    /**
     * Results larger than this are not cached.
     */
    maxEntryBytes?: number;
    /**
     * How long each kind of result is cached.
     */
    ttl?: {
      /**
       * IP reputation results.
       */
      ipReputation?: string;
      /**
       * Domain reputation results.
       */
      domainReputation?: string;
      /**
       * File-hash verdicts (stable, so cached longest).
       */
      fileHash?: string;
      /**
       * GeoIP and ASN results.
       */
      geoip?: string;
      /**
       * "Not found" answers and provider errors, so a failing provider is retried soon.
       */
      negative?: string;
    };
  };
  /**
   * Redis holding the lookup cache and the shared provider quotas. The password is only accepted as a Secret reference. Cache keys use `cache.keyPrefix`.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the service reads or writes (its redis ACL user is limited to it); `cache.keyPrefix` must start with it.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * The outbound allow-list in the mesh: an Istio `ServiceEntry` declares the external hosts of the enabled providers and GeoIP downloads (plus `extraHosts`), and a `Sidecar` with `REGISTRY_ONLY` makes them (and `meshHosts`) the only destinations the pods can reach. Needs `istio.enabled`; pair it with `networkPolicy.egress` for enforcement below the mesh.
   */
  egressAllowList?: {
    /**
     * Render the ServiceEntry for the external hosts.
     */
    enabled?: boolean;
    /**
     * Render the Sidecar that blocks every destination outside the allow-list.
     */
    restrictSidecar?: boolean;
    /**
     * In-mesh destinations the Sidecar allows, as `<namespace>/<host>` (`./*` = the release namespace, `istio-system/*` = the control plane). Add the namespace of Redis when it runs elsewhere.
     *
     * @minItems 1
     *
     * Items: A Sidecar egress host.
     */
    meshHosts?: [string, ...string[]];
    /**
     * Further external HTTPS hosts (port 443) the service may call, e.g. a proxy or a private mirror.
     *
     * Items: A host name.
     */
    extraHosts?: string[];
  };
  /**
   * Ports of the enrichment container: `http` serves the lookup API (`POST /v1/enrich`), `/healthz` and `/readyz`; `metrics` serves Prometheus metrics (lookups per provider, cache hit ratio, provider errors and quota).
   */
  containerPorts?: ContainerPorts;
  /**
   * The enrichment Service.
   */
  service?: Service;
  /**
   * The enrichment ServiceAccount (its identity for the Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the enrichment container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the enrichment container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (Redis unreachable, GeoIP databases not loaded yet).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start (and to fetch the GeoIP databases) before the liveness probe takes over.
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
   * Horizontal autoscaling of the enrichment pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one enrichment pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the enrichment pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish in-flight lookups.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the enrichment pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the enrichment. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the enrichment metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/external-integrations.
 */
export interface ExternalIntegrationsValues {
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
   * The external-integrations container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of pods. Pollers must not run twice, so more than one replica needs `leaderElection.enabled` (the standby takes over within `leaseDurationSeconds`).
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * `live` talks to the real endpoints with the credentials below; `mock` (development) runs every enabled connector against built-in mocks, reads no Secret and needs no egress.
   */
  mode?: "live" | "mock";
  /**
   * Behaviour of the mocked connectors (`mode: mock`).
   */
  mock?: {
    /**
     * Synthetic findings or indicators a mocked import connector produces per poll.
     */
    findingsPerPoll?: number;
    /**
     * Simulated response time of a mocked endpoint.
     */
    latencyMilliseconds?: number;
    /**
     * Share of mocked calls that fail, to exercise retries and alerts.
     */
    failureRatePercent?: number;
  };
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/external-integrations`); a change rolls the pods.
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
    /**
     * Outbound HTTP behaviour of every connector.
     */
    http?: {
      /**
       * Timeout of one call to an external endpoint.
       */
      timeoutSeconds?: number;
      /**
       * Retries of a failed call (exponential backoff).
       */
      maxRetries?: number;
      /**
       * Upper bound of the backoff between retries.
       */
      maxBackoffSeconds?: number;
    };
  };
  /**
   * Platform services the connectors feed (the chart's `platform.mcp-security.io/dependencies`).
   */
  platform?: {
    /**
     * The ingestion service: imported cloud findings and threat indicators are submitted here, and SIEM exports read from it.
     */
    ingestion?: {
      /**
       * Base URL.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
    /**
     * The notification service: connector failures and credential problems are reported here.
     */
    notification?: {
      /**
       * Base URL.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
      /**
       * Notification channel the alerts go to.
       */
      channel?: string;
    };
  };
  /**
   * The connectors, each off by default. SIEM connectors export platform findings; cloud and threat-feed connectors import findings and indicators into `ingestion`. Credentials are only accepted as Secret references (default: keys of the Secret `external-integrations-credentials`).
   */
  connectors?: {
    /**
     * Exports to SIEMs.
     */
    siem?: {
      /**
       * Splunk HTTP Event Collector.
       */
      splunk?: {
        /**
         * Run the Splunk connector.
         */
        enabled?: boolean;
        /**
         * HEC base URL (`https://`), e.g. `https://splunk.example.com:8088`.
         */
        url?: string;
        /**
         * Target index.
         */
        index?: string;
        /**
         * Event sourcetype.
         */
        sourceType?: string;
        /**
         * Verify the HEC certificate.
         */
        verifyTls?: boolean;
        /**
         * Lowest finding severity forwarded.
         */
        minSeverity?: "info" | "low" | "medium" | "high" | "critical";
        /**
         * Findings sent per request.
         */
        batchSize?: number;
        /**
         * A partial batch is sent after this many seconds.
         */
        flushIntervalSeconds?: number;
        /**
         * The HEC token (`SPLUNK_HEC_TOKEN`). Only read in `mode: live` while the connector is enabled.
         */
        token?: SecretReference;
      };
      /**
       * Elasticsearch / Elastic Security.
       */
      elastic?: {
        /**
         * Run the Elastic connector.
         */
        enabled?: boolean;
        /**
         * Elasticsearch URL (`https://`), e.g. `https://elastic.example.com:9243`.
         */
        url?: string;
        /**
         * Target data stream or index.
         */
        index?: string;
        /**
         * Verify the cluster certificate.
         */
        verifyTls?: boolean;
        /**
         * Lowest finding severity forwarded.
         */
        minSeverity?: "info" | "low" | "medium" | "high" | "critical";
        /**
         * Findings sent per request.
         */
        batchSize?: number;
        /**
         * A partial batch is sent after this many seconds.
         */
        flushIntervalSeconds?: number;
        /**
         * The Elasticsearch API key (`ELASTIC_API_KEY`). Only read in `mode: live` while the connector is enabled.
         */
        apiKey?: SecretReference;
      };
      /**
       * Microsoft Sentinel through the Azure Monitor Logs Ingestion API.
       */
      sentinel?: {
        /**
         * Run the Sentinel connector.
         */
        enabled?: boolean;
        /**
         * Microsoft Entra tenant ID.
         */
        tenantId?: string;
        /**
         * Application (client) ID of the app registration allowed to write to the data collection rule.
         */
        clientId?: string;
        /**
         * Logs ingestion URL of the data collection endpoint, e.g. `https://mcp-dce-abcd.westeurope-1.ingest.monitor.azure.com`.
         */
        dataCollectionEndpoint?: string;
        /**
         * Immutable ID of the data collection rule (`dcr-<32 hex>`).
         */
        dataCollectionRuleId?: string;
        /**
         * Stream declared in the data collection rule.
         */
        streamName?: string;
        /**
         * Lowest finding severity forwarded.
         */
        minSeverity?: "info" | "low" | "medium" | "high" | "critical";
        /**
         * Findings sent per request.
         */
        batchSize?: number;
        /**
         * A partial batch is sent after this many seconds.
         */
        flushIntervalSeconds?: number;
        /**
         * The app registration's client secret (`SENTINEL_CLIENT_SECRET`). Only read in `mode: live` while the connector is enabled.
         */
        clientSecret?: SecretReference;
      };
    };
    /**
     * Imports of cloud security findings.
     */
    cloud?: {
      /**
       * AWS Security Hub, GuardDuty and Inspector findings.
       */
      aws?: {
        /**
         * Run the AWS connector.
         */
        enabled?: boolean;
        /**
         * Regions to read.
         *
         * @minItems 1
         *
         * Items: An AWS region.
         */
        regions?: [string, ...string[]];
        /**
         * Services to read findings from.
         */
        sources?: {
          /**
           * AWS Security Hub.
           */
          securityHub?: boolean;
          /**
           * Amazon GuardDuty.
           */
          guardDuty?: boolean;
          /**
           * Amazon Inspector.
           */
          inspector?: boolean;
        };
        /**
         * Minutes between two polls.
         */
        pollIntervalMinutes?: number;
        /**
         * How the connector authenticates to AWS.
         */
        auth?: {
          /**
           * `workloadIdentity`: the ServiceAccount's IAM role (IRSA / EKS Pod Identity), no Secret; `accessKey`: a key pair from Secrets.
           */
          mode?: "workloadIdentity" | "accessKey";
          /**
           * Role assumed for reading (e.g. a cross-account audit role); empty uses the base identity.
           */
          roleArn?: string;
          /**
           * The access key ID (`AWS_ACCESS_KEY_ID`, `auth.mode: accessKey`). Only read in `mode: live` while the connector is enabled.
           */
          accessKeyId?: SecretReference;
          /**
           * The secret access key (`AWS_SECRET_ACCESS_KEY`, `auth.mode: accessKey`). Only read in `mode: live` while the connector is enabled.
           */
          secretAccessKey?: SecretReference;
        };
      };
      /**
       * Microsoft Defender for Cloud alerts and recommendations.
       */
      azure?: {
        /**
         * Run the Azure connector.
         */
        enabled?: boolean;
        /**
         * Microsoft Entra tenant ID.
         */
        tenantId?: string;
        /**
         * Client ID of the app registration or user-assigned managed identity.
         */
        clientId?: string;
        /**
         * Subscriptions to read.
         *
         * Items: A subscription ID.
         */
        subscriptionIds?: string[];
        /**
         * Services to read findings from.
         */
        sources?: {
          /**
           * Microsoft Defender for Cloud.
           */
          defenderForCloud?: boolean;
        };
        /**
         * Minutes between two polls.
         */
        pollIntervalMinutes?: number;
        /**
         * How the connector authenticates to Azure.
         */
        auth?: {
          /**
           * `workloadIdentity`: Microsoft Entra Workload ID (the chart labels the pod `azure.workload.identity/use`), no Secret; `clientSecret`: the app registration's secret from a Secret.
           */
          mode?: "workloadIdentity" | "clientSecret";
          /**
           * The client secret (`AZURE_CLIENT_SECRET`, `auth.mode: clientSecret`). Only read in `mode: live` while the connector is enabled.
           */
          clientSecret?: SecretReference;
        };
      };
      /**
       * Google Cloud Security Command Center findings.
       */
      gcp?: {
        /**
         * Run the GCP connector.
         */
        enabled?: boolean;
        /**
         * Organization whose findings are read; empty reads `projectIds` only.
         */
        organizationId?: string;
        /**
         * Projects to read when no organization is set.
         *
         * Items: A project ID.
         */
        projectIds?: string[];
        /**
         * Services to read findings from.
         */
        sources?: {
          /**
           * Security Command Center.
           */
          securityCommandCenter?: boolean;
        };
        /**
         * Minutes between two polls.
         */
        pollIntervalMinutes?: number;
        /**
         * How the connector authenticates to Google Cloud.
         */
        auth?: {
          /**
           * `workloadIdentity`: GKE Workload Identity (annotate the ServiceAccount with `iam.gke.io/gcp-service-account`), no Secret; `serviceAccountKey`: a JSON key from a Secret, mounted as a file (`GOOGLE_APPLICATION_CREDENTIALS`).
           */
          mode?: "workloadIdentity" | "serviceAccountKey";
          /**
           * The service account JSON key (`auth.mode: serviceAccountKey`). Only read in `mode: live` while the connector is enabled.
           */
          serviceAccountKey?: SecretReference;
        };
      };
    };
    /**
     * Imports of threat intelligence.
     */
    threatFeeds?: {
      /**
       * A MISP instance (events and attributes as indicators).
       */
      misp?: {
        /**
         * Run the MISP connector.
         */
        enabled?: boolean;
        /**
         * MISP base URL (`https://`).
         */
        url?: string;
        /**
         * Verify the MISP certificate.
         */
        verifyTls?: boolean;
        /**
         * Minutes between two polls.
         */
        pollIntervalMinutes?: number;
        /**
         * Age of the oldest event read on the first poll.
         */
        lookbackDays?: number;
        /**
         * Read published events only.
         */
        publishedOnly?: boolean;
        /**
         * Only events carrying one of these tags (e.g. `tlp:white`); empty reads all.
         *
         * Items: A MISP tag.
         */
        tags?: string[];
        /**
         * The MISP automation key (`MISP_API_KEY`). Only read in `mode: live` while the connector is enabled.
         */
        apiKey?: SecretReference;
      };
      /**
       * AlienVault OTX pulses.
       */
      otx?: {
        /**
         * Run the OTX connector.
         */
        enabled?: boolean;
        /**
         * OTX API base URL.
         */
        url?: string;
        /**
         * Minutes between two polls.
         */
        pollIntervalMinutes?: number;
        /**
         * Read only the pulses the account subscribes to.
         */
        subscribedOnly?: boolean;
        /**
         * The OTX API key (`OTX_API_KEY`). Only read in `mode: live` while the connector is enabled.
         */
        apiKey?: SecretReference;
      };
    };
  };
  /**
   * Mesh-level allow-list of the external endpoints (only while `istio.enabled`). Complements `networkPolicy.egress`, which works on IP blocks only.
   */
  egressAllowList?: {
    /**
     * Istio ServiceEntries (`MESH_EXTERNAL`, exported to the release namespace only) for the endpoints of the enabled connectors in `mode: live`, one per port.
     */
    serviceEntries?: {
      /**
       * Render the ServiceEntries.
       */
      enabled?: boolean;
      /**
       * More external hosts the service must reach (e.g. a proxy or an on-premises mirror).
       *
       * Items: An external TLS endpoint.
       */
      extraHosts?: {
        /**
         * DNS name.
         */
        host: string;
        /**
         * TCP port (TLS).
         */
        port: number;
      }[];
    };
    /**
     * An Istio `Sidecar` for the pods with `outboundTrafficPolicy: REGISTRY_ONLY`: the proxy only forwards to the ServiceEntries above, the release namespace, the Istio control plane and the namespaces of `platform.*` URLs, so a compromised connector cannot reach anything else.
     */
    sidecar?: {
      /**
       * Render the Sidecar.
       */
      enabled?: boolean;
      /**
       * Namespace of istiod.
       */
      controlPlaneNamespace?: string;
      /**
       * More namespaces whose services the pods may call.
       *
       * Items: A namespace.
       */
      extraNamespaces?: string[];
    };
  };
  /**
   * Kubernetes Lease based leader election, so that with several replicas exactly one polls and exports (the others stand by). Renders a Role limited to the Lease `<fullname>-leader` and mounts a short-lived API token into the pods.
   */
  leaderElection?: {
    /**
     * Elect a leader; required for more than one replica.
     */
    enabled?: boolean;
    /**
     * How long a leader's lease is valid without renewal.
     */
    leaseDurationSeconds?: number;
    /**
     * How long the leader keeps trying to renew before it steps down; below `leaseDurationSeconds`.
     */
    renewDeadlineSeconds?: number;
    /**
     * Interval between acquire/renew attempts; below `renewDeadlineSeconds`.
     */
    retryPeriodSeconds?: number;
  };
  /**
   * Ports of the container: `http` serves `/healthz`, `/readyz` and the connector status API (`/api/v1/connectors`); `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The external-integrations Service.
   */
  service?: Service;
  /**
   * The external-integrations ServiceAccount: its identity for the AuthorizationPolicies of ingestion and notification, and the cloud identity of `workloadIdentity` connectors (annotate it, e.g. `eks.amazonaws.com/role-arn`, `azure.workload.identity/client-id`, `iam.gke.io/gcp-service-account`).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the external-integrations container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the external-integrations container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (ingestion unreachable). A failing external endpoint does not make the pod unready; it is reported through metrics and `notification`.
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name. Refused in `mode: mock`, which runs without credentials.
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Keeps a standby pod during node drains (only useful with several replicas and `leaderElection`).
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the external-integrations pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to flush its export batches and release the leader lease.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the pods: no service calls external-integrations, so only the monitoring namespace (metrics) gets in unless callers are declared. Egress to the external endpoints needs `egress.allowedCidrs` when `egress` is on.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the pods (without callers it allows nothing). The metrics port bypasses the sidecar.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the connector metrics (events exported and imported, failures, lag per connector).
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/gateway.
 */
export interface GatewayValues {
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
   * The gateway container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of gateway pods while `autoscaling` is disabled (it is enabled by default).
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Gateway configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/gateway`); a change rolls the pods.
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
    /**
     * Write one access-log line per request (method, route, status, latency, client id; never tokens or bodies).
     */
    accessLog?: boolean;
    /**
     * Proxies in front of the gateway whose `X-Forwarded-For` entries are trusted to find the client IP (1: the Istio ingress gateway).
     */
    trustedProxyHops?: number;
  };
  /**
   * How the gateway validates bearer tokens (JWTs issued by the `authentication` service) before forwarding requests of routes that require it.
   */
  authentication?: {
    /**
     * Base URL of the authentication service inside the cluster (JWKS at `<url>/.well-known/jwks.json`).
     */
    url?: string;
    /**
     * Expected `iss` claim: the authentication service's `oidc.issuer`.
     */
    issuer?: string;
    /**
     * Expected `aud` claim.
     */
    audience?: string;
    /**
     * How long fetched signing keys are cached; keep it at most the authentication service's `jwt.jwksMaxAge`.
     */
    jwksCacheTtl?: string;
    /**
     * Timeout of a key-set fetch.
     */
    timeoutSeconds?: number;
  };
  /**
   * Routes to the backend services, tried in order: the first matching prefix wins, so a route may not be shadowed by an earlier, shorter prefix (the chart refuses that).
   *
   * Items: A route: requests whose path starts with `pathPrefix` (on a path-segment boundary) go to `backend`.
   */
  routes?: {
    /**
     * Route name (metrics label, access log).
     */
    name: string;
    /**
     * Path prefix, e.g. `/api/v1/scans`; `/` matches everything.
     */
    pathPrefix: string;
    /**
     * The service that receives the requests.
     */
    backend: {
      /**
       * The backend's Service name (its `app.kubernetes.io/name`, e.g. `mcp-server`).
       */
      app: string;
      /**
       * Its namespace; empty means the release namespace.
       */
      namespace?: string;
      /**
       * Its Service port.
       */
      port: number;
    };
    /**
     * Replaces the matched prefix before forwarding (e.g. `/`); empty forwards the path unchanged.
     */
    rewritePrefix?: string;
    /**
     * Upstream timeout of the route; empty uses `limits.requestTimeout`.
     */
    timeout?: string;
    /**
     * `required`: only requests with a valid bearer token are forwarded; `optional`: a token is validated when present; `none`: forwarded as is (login pages, static assets).
     */
    authentication?: "required" | "optional" | "none";
  }[];
  /**
   * Cross-origin resource sharing for browser clients, answered by the gateway for every route.
   */
  cors?: {
    /**
     * Answer CORS preflights and add CORS headers.
     */
    enabled?: boolean;
    /**
     * Exact origins allowed to call the API (`https://host[:port]`). `*` is refused while `allowCredentials` is on.
     *
     * Items: An origin, or `*`.
     */
    allowOrigins?: string[];
    /**
     * Methods allowed cross-origin.
     *
     * Items: An HTTP method.
     */
    allowMethods?: ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS")[];
    /**
     * Request headers allowed cross-origin.
     *
     * Items: A header name.
     */
    allowHeaders?: string[];
    /**
     * Response headers readable by the browser.
     *
     * Items: A header name.
     */
    exposeHeaders?: string[];
    /**
     * Allow cookies and `Authorization` on cross-origin requests.
     */
    allowCredentials?: boolean;
    /**
     * How long browsers cache a preflight answer.
     */
    maxAgeSeconds?: number;
  };
  /**
   * Request rate limits (token buckets) applied before routing. With `store: local` each replica counts on its own (the effective limit grows with the replica count); `store: redis` shares the buckets through `redis`.
   */
  rateLimit?: {
    /**
     * Enforce the limits (429 with `Retry-After` when exceeded).
     */
    enabled?: boolean;
    /**
     * Where the buckets live.
     */
    store?: "local" | "redis";
    /**
     * Authenticated requests, per token subject (`sub`/`client_id`).
     */
    perClient?: {
      /**
       * Sustained requests per minute.
       */
      requestsPerMinute?: number;
      /**
       * Requests allowed at once above the sustained rate.
       */
      burst?: number;
    };
    /**
     * Requests without a token, per client IP.
     */
    anonymous?: {
      /**
       * Sustained requests per minute.
       */
      requestsPerMinute?: number;
      /**
       * Requests allowed at once above the sustained rate.
       */
      burst?: number;
    };
  };
  /**
   * Redis holding the shared rate-limit buckets; only used with `rateLimit.store: redis`. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the service writes.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * Protective limits per request.
   */
  limits?: {
    /**
     * Largest accepted request body in bytes (413 above).
     */
    maxRequestBodyBytes?: number;
    /**
     * Largest accepted request header block in bytes (431 above).
     */
    maxHeaderBytes?: number;
    /**
     * Default upstream timeout of a route.
     */
    requestTimeout?: string;
  };
  /**
   * An optional dedicated Istio `Gateway` for the public entry, rendered in the release namespace for an ingress gateway deployment that runs there (Istio reads the `credentialName` Secret from the namespace of the gateway pods, so Gateway, TLS Secret and pods live together). Off by default: the chart then binds to the shared platform Gateway that `istio-config` owns (`exposure.virtualService.gateways`, default `istio-system/platform-gateway`).
   */
  istioGateway?: {
    /**
     * Render the dedicated Gateway (and the Certificate with `tls.mode: certManager`); the exposure VirtualService then binds to it instead of `exposure.virtualService.gateways`.
     */
    enabled?: boolean;
    /**
     * Gateway name; empty uses the chart's full name.
     */
    name?: string;
    /**
     * Labels of the ingress gateway pods in the release namespace that serve this Gateway (e.g. `istio: platform-ingressgateway`); required while enabled.
     */
    selector?: {
      [k: string]: string | undefined;
    };
    /**
     * Host names the Gateway accepts; empty means `exposure.hosts`.
     *
     * Items: A DNS name (wildcards allowed as the first label).
     */
    hosts?: string[];
    /**
     * Also listen on port 80 and redirect every request to HTTPS.
     */
    httpsRedirect?: boolean;
    /**
     * TLS of the HTTPS server (port 443).
     */
    tls?: {
      /**
       * `secret`: an existing TLS Secret `secretName`; `certManager`: the chart renders a cert-manager `Certificate` that issues and renews it.
       */
      mode?: "secret" | "certManager";
      /**
       * TLS Secret (`tls.crt`, `tls.key`) in the release namespace; empty means `<Gateway name>-tls`.
       */
      secretName?: string;
      /**
       * Oldest TLS version accepted.
       */
      minProtocolVersion?: "TLSV1_2" | "TLSV1_3";
      /**
       * The cert-manager `Certificate` (`tls.mode: certManager`) for all Gateway hosts.
       */
      certManager?: {
        /**
         * The issuer that signs the certificate.
         */
        issuerRef?: {
          /**
           * Issuer or ClusterIssuer name; required with `tls.mode: certManager`.
           */
          name?: string;
          /**
           * Issuer kind.
           */
          kind?: "ClusterIssuer" | "Issuer";
          /**
           * API group of the issuer.
           */
          group?: string;
        };
        /**
         * Certificate lifetime requested.
         */
        duration?: string;
        /**
         * Renew this long before expiry.
         */
        renewBefore?: string;
        /**
         * The certificate's private key, regenerated on every renewal.
         */
        privateKey?: {
          /**
           * Key algorithm.
           */
          algorithm?: "RSA" | "ECDSA" | "Ed25519";
          /**
           * Key size (RSA: 2048-8192; ECDSA: 256, 384 or 521; ignored for Ed25519).
           */
          size?: number;
        };
      };
    };
  };
  /**
   * Ports of the gateway container: `http` receives the public traffic from the Istio ingress gateway and serves `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The gateway Service.
   */
  service?: Service;
  /**
   * Binding of the public hosts to the gateway: an Istio VirtualService `<fullname>-edge` on the shared platform Gateway (owned by `istio-config`) or on the dedicated `istioGateway`, or an Ingress. The gateway is the public entry, so exposure is on by default.
   */
  exposure?: Exposure;
  /**
   * The gateway ServiceAccount (its identity for the Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the gateway container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the gateway container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (route table not loaded, authentication keys not fetched yet).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start before the liveness probe takes over.
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
   * Horizontal autoscaling of the gateway pods (on by default: the public entry follows the traffic).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one gateway pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the gateway pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to drain open requests; keep it at least `limits.requestTimeout`.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the gateway pods: only the ingress gateway (`exposure.gatewayCaller`) and declared callers reach `http`, only the monitoring namespace reaches `metrics`. With `egress.enabled`, every route backend must be in `egress.allowedApps` (the chart checks it).
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the gateway: only the ingress gateway's identity (added while `exposure.enabled`) and declared callers. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the gateway metrics.
   */
  serviceMonitor?: ServiceMonitor;
  /**
   * Progressive delivery of the gateway with an Argo Rollouts canary.
   */
  rollout?: ArgoRolloutsCanary;
}
/**
 * Makes the service reachable from outside the mesh, either through an Istio `VirtualService` bound to a shared Gateway (the platform default; TLS terminates at that Gateway) or through a Kubernetes `Ingress`. While enabled, `gatewayCaller` is added to the NetworkPolicy and AuthorizationPolicy callers.
 */
export interface Exposure {
  /**
   * Expose the service outside the cluster.
   */
  enabled?: boolean;
  /**
   * `virtualService` (Istio Gateway) or `ingress` (Kubernetes Ingress).
   */
  mode?: "virtualService" | "ingress";
  /**
   * Public host names; at least one while enabled.
   *
   * Items: A DNS name (wildcards allowed as the first label).
   */
  hosts?: string[];
  /**
   * Path matches routed to the service.
   *
   * @minItems 1
   *
   * Items: One path match.
   */
  paths?: [
    {
      /**
       * URL path.
       */
      path: string;
      /**
       * `Prefix` or `Exact` match.
       */
      pathType?: "Prefix" | "Exact";
    },
    ...{
      /**
       * URL path.
       */
      path: string;
      /**
       * `Prefix` or `Exact` match.
       */
      pathType?: "Prefix" | "Exact";
    }[]
  ];
  /**
   * Name of the `service.ports` entry that receives the traffic.
   */
  servicePort?: string;
  /**
   * Extra annotations on the Ingress or VirtualService (e.g. cert-manager or ingress-controller settings).
   */
  annotations?: {
    [k: string]: string | undefined;
  };
  /**
   * Settings of the `virtualService` mode.
   */
  virtualService?: {
    /**
     * Istio Gateways (`<namespace>/<name>`) that serve the hosts and terminate TLS.
     *
     * @minItems 1
     *
     * Items: A Gateway reference `<namespace>/<name>`.
     */
    gateways?: [string, ...string[]];
    /**
     * Route timeout (e.g. `30s`); empty keeps Istio's default.
     */
    timeout?: string;
  };
  /**
   * Settings of the `ingress` mode.
   */
  ingress?: {
    /**
     * `ingressClassName`; empty uses the cluster's default class.
     */
    className?: string;
    /**
     * TLS on the Ingress.
     */
    tls?: {
      /**
       * Terminate TLS for `hosts` at the Ingress.
       */
      enabled?: boolean;
      /**
       * TLS Secret name; empty means `<fullname>-tls` (e.g. issued by cert-manager through `annotations`).
       */
      secretName?: string;
    };
  };
  /**
   * The edge proxy (Istio ingress gateway or Ingress controller) that forwards outside traffic; it becomes an allowed caller while exposure is enabled.
   */
  gatewayCaller?: Caller;
}
/**
 * Values of charts/ingestion.
 */
export interface IngestionValues {
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
   * The ingestion container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of ingestion pods while `autoscaling` is disabled (it is enabled by default).
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/ingestion`); a change rolls the pods.
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
   * Validation of the producers' bearer tokens with the platform authentication service.
   */
  authentication?: {
    /**
     * Base URL of the authentication service (JWKS at `<url>/.well-known/jwks.json`).
     */
    url?: string;
    /**
     * Expected `iss` claim.
     */
    issuer?: string;
    /**
     * Expected `aud` claim.
     */
    audience?: string;
    /**
     * Scope a token needs to submit events.
     */
    requiredScope?: string;
    /**
     * How long fetched signing keys are cached.
     */
    jwksCacheTtl?: string;
  };
  /**
   * Request size and concurrency limits per replica; requests beyond them are refused before any parsing.
   */
  limits?: {
    /**
     * Largest accepted request body in bytes (413 above).
     */
    maxRequestBodyBytes?: number;
    /**
     * Largest single event in bytes (the event is rejected, the rest of the batch accepted). At most `maxRequestBodyBytes`.
     */
    maxEventBytes?: number;
    /**
     * Events accepted in one batch request.
     */
    maxEventsPerRequest?: number;
    /**
     * Requests processed at once per replica (503 above, so the HPA scales out).
     */
    maxConcurrentRequests?: number;
    /**
     * Upper bound for one request, queue publish included.
     */
    requestTimeout?: string;
    /**
     * Accepted `Content-Type`s (415 for others).
     *
     * @minItems 1
     *
     * Items: A media type.
     */
    allowedContentTypes?: [
      (
        | "application/json"
        | "application/x-ndjson"
        | "application/cloudevents+json"
        | "application/cloudevents-batch+json"
      ),
      ...(
        | "application/json"
        | "application/x-ndjson"
        | "application/cloudevents+json"
        | "application/cloudevents-batch+json"
      )[]
    ];
  };
  /**
   * Per-producer rate limit (token bucket per token subject, local to each replica).
   */
  rateLimit?: {
    /**
     * Enforce the limit (429 with `Retry-After`).
     */
    enabled?: boolean;
    /**
     * Sustained events per second per producer.
     */
    eventsPerSecond?: number;
    /**
     * Events a producer may send at once above the sustained rate.
     */
    burst?: number;
  };
  /**
   * Publishing of accepted events to the Redis stream (`XADD` in pipelined batches).
   */
  queue?: {
    /**
     * Stream the events are appended to (read by the correlation engine and enrichment).
     */
    stream?: string;
    /**
     * Approximate stream length kept (`MAXLEN ~`); older entries are trimmed. 0 keeps everything (memory grows unbounded).
     */
    maxLength?: number;
    /**
     * Events per pipelined publish.
     */
    batchSize?: number;
    /**
     * Longest time an event waits in a partial batch.
     */
    flushInterval?: string;
    /**
     * Batches published concurrently per replica.
     */
    maxInFlightBatches?: number;
    /**
     * Timeout of one batch publish.
     */
    publishTimeout?: string;
    /**
     * When the stream is at `maxLength` and consumers lag: `reject` (503, the producer retries) or `trim` (append and drop the oldest entries).
     */
    onFull?: "reject" | "trim";
  };
  /**
   * Redis holding the event stream. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the service writes.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
    /**
     * Connections per replica.
     */
    poolSize?: number;
  };
  /**
   * Ports of the ingestion container: `http` accepts events (`POST /v1/events`, JSON or NDJSON batches) and serves `/healthz` and `/readyz`; `metrics` serves Prometheus metrics (accepted and rejected events, queue publish latency, in-flight requests).
   */
  containerPorts?: ContainerPorts;
  /**
   * The ingestion Service.
   */
  service?: Service;
  /**
   * The ingestion ServiceAccount (its identity for the Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the ingestion container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the ingestion container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (Redis unreachable or the stream full with `queue.onFull: reject`).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start before the liveness probe takes over.
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
   * Horizontal autoscaling of the ingestion pods: on by default on CPU; add a request-rate or in-flight metric under `customMetrics` (e.g. the Pods metric `ingestion_inflight_requests` from the Prometheus Adapter).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps the intake available during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the ingestion pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to flush its producer batches; keep it above `limits.requestTimeout`.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the ingestion pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the ingestion. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the ingestion metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/istio-config.
 */
export interface IstioConfigValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * Istio's root namespace (`meshConfig.rootNamespace`, the namespace istiod runs in): policies placed there without a selector apply to the whole mesh.
   */
  meshRootNamespace?: string;
  /**
   * The mesh-wide `PeerAuthentication` named `default` in `meshRootNamespace`: how sidecars accept traffic from other workloads.
   */
  peerAuthentication?: {
    /**
     * `STRICT` accepts mutual TLS only (staging and production); `PERMISSIVE` also accepts plaintext, for development clusters where some workloads run without a sidecar. Disabling mTLS mesh-wide is not offered.
     */
    mode?: "STRICT" | "PERMISSIVE";
  };
  /**
   * Render the mesh-wide default-deny: an `AuthorizationPolicy` with an empty spec in `meshRootNamespace` denies every request to every sidecar unless an ALLOW policy (each service chart's own, or the ingress gateway's below) matches it.
   */
  defaultDeny?: boolean;
  /**
   * The platform's public `Gateway` (`networking.istio.io/v1`), bound to the upstream ingress gateway pods; service charts attach their VirtualServices to `<namespace>/<name>` (`exposure.virtualService.gateways`).
   */
  gateway?: {
    /**
     * Render the Gateway (and its certificate and ALLOW policy).
     */
    enabled?: boolean;
    /**
     * Gateway name.
     */
    name?: string;
    /**
     * Namespace of the Gateway, its TLS Secret and the ingress gateway pods (the Secret must live next to the pods).
     */
    namespace?: string;
    /**
     * Labels of the ingress gateway pods that serve this Gateway (the upstream `gateway` chart labels its pods `istio: <name without istio->`).
     */
    selector?: {
      [k: string]: string | undefined;
    };
    /**
     * Public host names (wildcards allowed) served on ports 80 and 443.
     *
     * Items: A host name.
     */
    hosts?: string[];
    /**
     * Answer plain HTTP on port 80 with a redirect to HTTPS.
     */
    httpsRedirect?: boolean;
    /**
     * TLS of the HTTPS server.
     */
    tls?: {
      /**
       * `SIMPLE` terminates TLS; `MUTUAL` also requires client certificates signed by the CA in the credential Secret (`ca.crt`); `OPTIONAL_MUTUAL` asks for but does not require them.
       */
      mode?: "SIMPLE" | "MUTUAL" | "OPTIONAL_MUTUAL";
      /**
       * Secret (in the Gateway's namespace) with `tls.crt`/`tls.key` the gateway serves; written by the Certificate below when `certificate.enabled`.
       */
      credentialName?: string;
      /**
       * Oldest TLS version accepted.
       */
      minProtocolVersion?: "TLSV1_2" | "TLSV1_3";
    };
    /**
     * A cert-manager `Certificate` for `hosts`, written into `tls.credentialName`.
     */
    certificate?: {
      /**
       * Request the certificate; off means `tls.credentialName` is provided another way.
       */
      enabled?: boolean;
      /**
       * The issuer that signs it (the `cert-issuers` chart's ClusterIssuer).
       */
      issuerRef?: {
        /**
         * Issuer name.
         */
        name?: string;
        /**
         * Issuer kind.
         */
        kind?: "ClusterIssuer" | "Issuer";
      };
      /**
       * Requested lifetime (Go duration in hours); ACME CAs may shorten it.
       */
      duration?: string;
      /**
       * Renew this long before expiry (Go duration in hours).
       */
      renewBefore?: string;
    };
    /**
     * Render an ALLOW `AuthorizationPolicy` for the ingress gateway pods, so that the mesh-wide default-deny does not lock out the public entry point; backends are still protected by their own policies.
     */
    allowIngressTraffic?: boolean;
  };
  /**
   * Mesh-wide `Telemetry` (`telemetry.istio.io/v1`) named `mesh-default` in `meshRootNamespace`.
   */
  telemetry?: {
    /**
     * Render the Telemetry resource.
     */
    enabled?: boolean;
    /**
     * Distributed tracing: which share of requests the sidecars start traces for.
     */
    tracing?: {
      /**
       * Report spans.
       */
      enabled?: boolean;
      /**
       * An `extensionProviders` entry of istiod's `meshConfig` (the upstream values define `otel-tracing`, Jaeger's OTLP endpoint).
       */
      provider?: string;
      /**
       * Percentage of requests traced (0-100) when the caller did not decide already.
       */
      randomSamplingPercentage?: number;
    };
    /**
     * Envoy access logs of every sidecar and gateway.
     */
    accessLogging?: {
      /**
       * Write access logs.
       */
      enabled?: boolean;
      /**
       * Access log provider; `envoy` is istiod's built-in stdout logger.
       */
      provider?: string;
      /**
       * CEL expression selecting the requests to log (e.g. `response.code >= 400`); empty logs every request.
       */
      filter?: string;
    };
  };
}
/**
 * Values of charts/mcp-server.
 */
export interface McpServerValues {
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
   * The mcp-server container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of mcp-server pods while `autoscaling` is disabled. Sessions live in Redis, so any replica can serve any session.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Server configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/mcp-server`); a change rolls the pods.
   */
  config?: {
    /**
     * HTTP path of the MCP streamable-HTTP endpoint on the `http` port.
     */
    mcpPath?: string;
    /**
     * Log verbosity.
     */
    logLevel?: "debug" | "info" | "warn" | "error";
    /**
     * Log encoding.
     */
    logFormat?: "json" | "text";
    /**
     * Which platform tools the server offers to MCP clients.
     */
    tools?: {
      /**
       * Tool names offered to clients (`<domain>.<action>`); every other tool is hidden and refused. Empty offers no tools.
       *
       * Items: A tool name.
       */
      allowList?: string[];
    };
    /**
     * Protective limits per replica.
     */
    limits?: {
      /**
       * Open MCP sessions a replica accepts before answering 503.
       */
      maxConcurrentSessions?: number;
      /**
       * Upper bound for one MCP request, tool call included.
       */
      requestTimeoutSeconds?: number;
      /**
       * Largest accepted request body in bytes.
       */
      maxPayloadBytes?: number;
      /**
       * Sessions idle for longer are closed and removed from Redis.
       */
      sessionIdleTimeoutSeconds?: number;
    };
    /**
     * Per-client token-bucket rate limit (shared across replicas through Redis).
     */
    rateLimit?: {
      /**
       * Enforce the rate limit.
       */
      enabled?: boolean;
      /**
       * Sustained requests per minute per authenticated client.
       */
      requestsPerMinute?: number;
      /**
       * Requests a client may send at once above the sustained rate.
       */
      burst?: number;
    };
  };
  /**
   * The platform authentication service, which validates the bearer tokens of MCP clients.
   */
  authentication?: {
    /**
     * Base URL of the authentication service.
     */
    url?: string;
    /**
     * Token audience the server accepts.
     */
    audience?: string;
    /**
     * Timeout of a token validation call.
     */
    timeoutSeconds?: number;
  };
  /**
   * Redis holding MCP sessions and rate-limit buckets. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the server writes.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * Ports of the mcp-server container: `http` serves MCP (`config.mcpPath`), `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The mcp-server Service.
   */
  service?: Service;
  /**
   * Public exposure of the MCP endpoint (off by default; agents inside the cluster use the Service).
   */
  exposure?: Exposure;
  /**
   * The mcp-server ServiceAccount (its identity for Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the mcp-server container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the mcp-server container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (Redis or the authentication service unreachable, session limit reached).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the server up to two minutes to start before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name (e.g. an API key of a tool backend).
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Horizontal autoscaling of the mcp-server pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one mcp-server pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the mcp-server pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to drain open MCP streams; keep it above `config.limits.requestTimeoutSeconds`.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the mcp-server pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the mcp-server. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the mcp-server metrics.
   */
  serviceMonitor?: ServiceMonitor;
  /**
   * Progressive delivery of the mcp-server with an Argo Rollouts canary.
   */
  rollout?: ArgoRolloutsCanary;
}
/**
 * Values of charts/monitoring-config.
 */
export interface MonitoringConfigValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * How often Prometheus evaluates the platform's rule groups, in seconds (`groups[].interval`); 0 uses Prometheus' global evaluation interval.
   */
  ruleEvaluationInterval?: number;
  /**
   * The `PrometheusRule` `<fullname>-alerts` with the seed's alerts. Every alert carries a `severity` label (`critical` pages, `warning` notifies) and a `runbook_url` annotation.
   */
  rules?: {
    /**
     * Render the PrometheusRule.
     */
    enabled?: boolean;
    /**
     * Labels on the PrometheusRule so the Prometheus instance selects it (kube-prometheus-stack selects every rule when `ruleSelectorNilUsesHelmValues: false`).
     */
    labels?: {
      [k: string]: string | undefined;
    };
    /**
     * Base URL of the runbooks; each alert links to `<runbookBaseUrl>/<alert name in lower case>`.
     */
    runbookBaseUrl?: string;
    /**
     * Extra labels on every alert (e.g. `environment`), used by Alertmanager routes and silences.
     */
    alertLabels?: {
      [k: string]: string | undefined;
    };
    /**
     * Delivery alerts from Argo CD's application controller metrics (`argocd_app_info`, `argocd_app_sync_total`).
     */
    argocd?: {
      /**
       * Render the `argocd` rule group.
       */
      enabled?: boolean;
      /**
       * How long an Application may stay OutOfSync before `ArgoCDApplicationOutOfSync` (warning) fires.
       */
      outOfSyncFor?: string;
      /**
       * Window in which any failed or errored sync fires `ArgoCDSyncFailed` (critical).
       */
      syncFailureWindow?: string;
      /**
       * How long an Application may stay Degraded before `ArgoCDApplicationDegraded` (critical) fires.
       */
      degradedFor?: string;
    };
    /**
     * Resource exhaustion alerts from cAdvisor, kube-state-metrics and kubelet metrics.
     */
    resources?: {
      /**
       * Render the `resources` rule group.
       */
      enabled?: boolean;
      /**
       * Namespaces watched; empty watches every namespace.
       *
       * Items: A namespace.
       */
      namespaces?: string[];
      /**
       * Share of CFS periods a container may be throttled in before `ContainerCPUThrottling` (warning) fires.
       */
      cpuThrottlingRatio?: number;
      /**
       * How long throttling must last.
       */
      cpuThrottlingFor?: string;
      /**
       * Working set as a share of the memory limit that fires `ContainerMemoryNearLimit` (warning); the kernel OOM-kills at 1.
       */
      memoryLimitRatio?: number;
      /**
       * How long the working set must stay above the ratio.
       */
      memoryLimitFor?: string;
      /**
       * Free share of a PersistentVolumeClaim below which `PersistentVolumeFillingUp` (warning) fires; a tenth of it fires `PersistentVolumeAlmostFull` (critical).
       */
      volumeFreeRatio?: number;
      /**
       * How long the free space must stay below the ratio.
       */
      volumeFreeFor?: string;
    };
    /**
     * Security policy violations: Istio authorization denials and failed authentications at the `authentication` service.
     */
    security?: {
      /**
       * Render the `security` rule group.
       */
      enabled?: boolean;
      /**
       * Requests per second a workload's sidecar denies by AuthorizationPolicy (Envoy RBAC filter) before `IstioAuthorizationDenials` (warning) fires.
       */
      authorizationDenialsPerSecond?: number;
      /**
       * HTTP 403 responses per second of a destination workload before `IstioForbiddenResponses` (warning) fires.
       */
      forbiddenResponsesPerSecond?: number;
      /**
       * How long the denial rates must last.
       */
      authorizationDenialsFor?: string;
      /**
       * Failed authentications per second (`authentication_failures_total`, all replicas) before `PlatformAuthenticationFailures` (critical) fires: a credential-stuffing or brute-force signal.
       */
      authenticationFailuresPerSecond?: number;
      /**
       * How long the failure rate must last.
       */
      authenticationFailuresFor?: string;
    };
  };
  /**
   * Grafana dashboards as ConfigMaps that the Grafana dashboard sidecar of kube-prometheus-stack loads (label `grafana_dashboard: "1"`): platform overview, Argo CD, and golden signals per service.
   */
  dashboards?: {
    /**
     * Render the dashboard ConfigMaps.
     */
    enabled?: boolean;
    /**
     * Label key the Grafana sidecar watches (`grafana.sidecar.dashboards.label`).
     */
    label?: string;
    /**
     * Value of that label (`grafana.sidecar.dashboards.labelValue`).
     */
    labelValue?: string;
    /**
     * Grafana folder, set through the `grafana_folder` annotation (`grafana.sidecar.dashboards.folderAnnotation`).
     */
    folder?: string;
  };
  /**
   * ServiceMonitors for Argo CD's metrics Services (the names and ports of the upstream install manifests; override the selectors for other installs).
   */
  argocdMonitoring?: {
    /**
     * Render the ServiceMonitors.
     */
    enabled?: boolean;
    /**
     * Namespace Argo CD runs in.
     */
    namespace?: string;
    /**
     * Scrape interval.
     */
    interval?: string;
    /**
     * Labels on the ServiceMonitors so the Prometheus instance selects them.
     */
    labels?: {
      [k: string]: string | undefined;
    };
    /**
     * The application controller (`argocd_app_*` metrics).
     */
    applicationController?: {
      /**
       * Scrape it.
       */
      enabled?: boolean;
      /**
       * Labels of its metrics Service.
       */
      selector?: {
        [k: string]: string | undefined;
      };
      /**
       * Name of the Service port serving metrics.
       */
      port?: string;
    };
    /**
     * The API server (`argocd_redis_*`, gRPC and HTTP request metrics).
     */
    server?: {
      /**
       * Scrape it.
       */
      enabled?: boolean;
      /**
       * Labels of its metrics Service.
       */
      selector?: {
        [k: string]: string | undefined;
      };
      /**
       * Name of the Service port serving metrics.
       */
      port?: string;
    };
    /**
     * The repository server (`argocd_git_*` metrics).
     */
    repoServer?: {
      /**
       * Scrape it.
       */
      enabled?: boolean;
      /**
       * Labels of its metrics Service.
       */
      selector?: {
        [k: string]: string | undefined;
      };
      /**
       * Name of the Service port serving metrics.
       */
      port?: string;
    };
  };
  /**
   * Scraping the mesh the way Istio documents it for the Prometheus operator: a `PodMonitor` for every sidecar's Envoy statistics (`istio_requests_total`, `istio_request_duration_milliseconds_*`, `envoy_*`) and a `ServiceMonitor` for istiod. The security and golden-signal rules and dashboards read these metrics.
   */
  istioMonitoring?: {
    /**
     * Render the PodMonitor and ServiceMonitor.
     */
    enabled?: boolean;
    /**
     * Namespace istiod runs in.
     */
    controlPlaneNamespace?: string;
    /**
     * Scrape interval.
     */
    interval?: string;
    /**
     * Labels on the monitors so the Prometheus instance selects them.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * Scraping CoreDNS from the `monitoring` namespace: a `PodMonitor` selecting the CoreDNS pods in their namespace. It replaces kube-prometheus-stack's own CoreDNS Service and ServiceMonitor, which the platform turns off because that Service would have to live in `kube-system` (a Service only selects pods of its own namespace); the job is named `coredns` as the stack's CoreDNS rules and dashboard expect.
   */
  coreDnsMonitoring?: {
    /**
     * Render the PodMonitor.
     */
    enabled?: boolean;
    /**
     * Namespace the CoreDNS pods run in.
     */
    namespace?: string;
    /**
     * Labels of the CoreDNS pods (`k8s-app: kube-dns` in upstream CoreDNS deployments, EKS's add-on and kind).
     */
    podLabels?: {
      [k: string]: string | undefined;
    };
    /**
     * Name of the CoreDNS container port serving metrics (9153).
     */
    port?: string;
    /**
     * Scrape interval.
     */
    interval?: string;
    /**
     * Labels on the PodMonitor so the Prometheus instance selects it.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * An `AlertmanagerConfig` (`monitoring.coreos.com/v1alpha1`) routing the platform's alerts to the environment's notification channels. kube-prometheus-stack must not restrict it to its own namespace (`alertmanagerConfigMatcherStrategy.type: None` in the upstream values).
   */
  alertmanager?: {
    /**
     * Render the AlertmanagerConfig.
     */
    enabled?: boolean;
    /**
     * The top-level route: every alert goes to `receiver` unless a child route in `routes` matches first.
     */
    route?: {
      /**
       * Default receiver.
       */
      receiver?: string;
      /**
       * Labels alerts are grouped by into one notification.
       *
       * Items: A label name.
       */
      groupBy?: string[];
      /**
       * Wait before the first notification of a new group.
       */
      groupWait?: string;
      /**
       * Wait before notifying about new alerts of a group.
       */
      groupInterval?: string;
      /**
       * Wait before repeating a notification that is still firing.
       */
      repeatInterval?: string;
    };
    /**
     * Child routes, tried in order.
     *
     * Items: A child route.
     */
    routes?: {
      /**
       * Receiver of the matching alerts.
       */
      receiver: string;
      /**
       * All must match.
       *
       * @minItems 1
       *
       * Items: A label matcher.
       */
      matchers: [
        {
          /**
           * Label name.
           */
          name: string;
          /**
           * Label value (or regular expression).
           */
          value: string;
          /**
           * How `value` matches (default `=`).
           */
          matchType?: "=" | "!=" | "=~" | "!~";
        },
        ...{
          /**
           * Label name.
           */
          name: string;
          /**
           * Label value (or regular expression).
           */
          value: string;
          /**
           * How `value` matches (default `=`).
           */
          matchType?: "=" | "!=" | "=~" | "!~";
        }[]
      ];
      /**
       * Keep matching later routes (so an alert can also reach the default receiver).
       */
      continue?: boolean;
    }[];
    /**
     * The receivers.
     *
     * Items: A receiver: one or more notification integrations. Credentials are secret references; with `externalSecret` the chart renders the ExternalSecret next to the AlertmanagerConfig.
     */
    receivers?: {
      /**
       * Receiver name, referenced by `route.receiver` and `routes[].receiver`.
       */
      name: string;
      /**
       * Slack incoming webhook.
       */
      slack?: {
        /**
         * Channel to post to (`#name`).
         */
        channel: string;
        /**
         * The incoming webhook URL (it embeds a token), by reference.
         */
        apiURL: SecretReference;
        /**
         * Also notify when alerts resolve (default true).
         */
        sendResolved?: boolean;
      };
      /**
       * PagerDuty Events API v2.
       */
      pagerduty?: {
        /**
         * The integration (routing) key, by reference.
         */
        routingKey: SecretReference;
        /**
         * Resolve incidents when alerts resolve (default true).
         */
        sendResolved?: boolean;
      };
      /**
       * E-mail through an SMTP relay.
       */
      email?: {
        /**
         * Recipient address.
         */
        to: string;
        /**
         * Sender address.
         */
        from: string;
        /**
         * SMTP relay `host:port`.
         */
        smarthost: string;
        /**
         * SMTP user; empty sends without authentication.
         */
        authUsername?: string;
        /**
         * SMTP password, by reference (needed with `authUsername`).
         */
        authPassword?: SecretReference;
        /**
         * Also send resolution mails (default false).
         */
        sendResolved?: boolean;
      };
    }[];
  };
  /**
   * Grafana's admin credentials from the secret store: an `ExternalSecret` writing the Secret kube-prometheus-stack's `grafana.admin.existingSecret` names (this chart must then run in Grafana's namespace). Off: Grafana generates its own admin password.
   */
  grafanaAdmin?: {
    /**
     * Render the ExternalSecret.
     */
    enabled?: boolean;
    /**
     * Secret written (`grafana.admin.existingSecret`).
     */
    secretName?: string;
    /**
     * The store to read from.
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
     * Store key of the entry with the credentials.
     */
    remoteKey?: string;
    /**
     * Property with the user name (written to key `admin-user`).
     */
    userProperty?: string;
    /**
     * Property with the password (written to key `admin-password`).
     */
    passwordProperty?: string;
    /**
     * How often external-secrets re-reads the store (Go duration).
     */
    refreshInterval?: string;
  };
  /**
   * Kiali's login-token signing key from the secret store: an `ExternalSecret` in Kiali's namespace writing the Secret that kiali-server's `login_token.signing_key: secret:<secretName>:<secretKey>` names, so the key is the same on every render and every replica. Off: Kiali's chart would render a new random key into its ConfigMap each time.
   */
  kialiSigningKey?: {
    /**
     * Render the ExternalSecret.
     */
    enabled?: boolean;
    /**
     * Kiali's namespace (kiali-server's `x-upstream.namespace`).
     */
    namespace?: string;
    /**
     * Secret written (the `<Secret>` of `login_token.signing_key`).
     */
    secretName?: string;
    /**
     * Key of the Secret holding the signing key (the `<key>` of `login_token.signing_key`).
     */
    secretKey?: string;
    /**
     * The store to read from.
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
     * Store key of the entry with the signing key; its value must be 16, 24 or 32 characters long unless Kiali runs the `anonymous` strategy (kiali config/config.go `validateSigningKey`).
     */
    remoteKey?: string;
    /**
     * Property of that entry with the signing key.
     */
    property?: string;
    /**
     * How often external-secrets re-reads the store (Go duration).
     */
    refreshInterval?: string;
  };
}
/**
 * Values of charts/network-policies.
 */
export interface NetworkPoliciesValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * Render the policies. False takes every policy of this chart out (the namespaces then admit all traffic again), e.g. while diagnosing a blocked connection; the render tests fail on every environment that sets it.
   */
  enabled?: boolean;
  /**
   * Namespace of each upstream component (the destination namespace of its Application). Every namespace named here gets a default-deny NetworkPolicy and the allow policies of its components; an empty name renders nothing for that component.
   */
  namespaces?: {
    /**
     * Argo CD (argo-cd): server, repo-server, application and ApplicationSet controllers, notifications, Redis (or Redis HA with HAProxy), Dex.
     */
    argocd?: string;
    /**
     * Argo Rollouts controller.
     */
    argoRollouts?: string;
    /**
     * cert-manager: controller, cainjector, webhook, startupapicheck Job.
     */
    certManager?: string;
    /**
     * CloudNativePG operator.
     */
    cloudnativePg?: string;
    /**
     * external-secrets: controller, webhook, cert-controller.
     */
    externalSecrets?: string;
    /**
     * Istio: istiod, the ingress gateway and Kiali.
     */
    istio?: string;
    /**
     * kube-prometheus-stack (Prometheus, Alertmanager, Grafana, kube-state-metrics, the operator and its admission Jobs) and Jaeger.
     */
    monitoring?: string;
    /**
     * The infrastructure layer's own namespace (this chart, cert-issuers, secret-stores, istio-config): no pods, default deny only.
     */
    infrastructure?: string;
  };
  /**
   * Cluster DNS every pod may query (UDP and TCP 53).
   */
  dns?: {
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
   * The scraper: only its pods (`podLabels` in `namespace`) reach the components' metrics ports.
   */
  prometheus?: {
    /**
     * Namespace of the Prometheus pods (kube-prometheus-stack's). Separate from `namespaces.monitoring` so that a release rendering only some namespaces (argocd-network-policies) still admits the scraper.
     */
    namespace?: string;
    /**
     * Labels of the Prometheus pods the operator creates (kube-prometheus-stack's carry `app.kubernetes.io/name: prometheus`). Required: an empty selector would admit every pod of the namespace.
     */
    podLabels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * The Kubernetes API server, which controllers call and which calls the admission webhooks. It is not a pod (or runs on the host network), so pod and namespace selectors cannot name it: egress to it is an ipBlock, and webhook ports admit any source.
   */
  apiServer?: {
    /**
     * Addresses of the API server's endpoints (the `kubernetes` Service's Endpoints, usually private node addresses). 169.254.0.0/16, 100.64.0.0/10 and 127.0.0.0/8 are always excepted. Narrow it to the control plane's addresses where they are known.
     *
     * @minItems 1
     *
     * Items: An IPv4 CIDR.
     */
    cidrs?: [string, ...string[]];
    /**
     * Ports of the API server (443 through the Service, 6443 on the endpoints).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    ports?: [number, ...number[]];
  };
  /**
   * Node addresses Prometheus scrapes on the host network (kubelet/cAdvisor, node-exporter), which pod selectors cannot name.
   */
  nodes?: {
    /**
     * Node address ranges. 169.254.0.0/16, 100.64.0.0/10 and 127.0.0.0/8 are always excepted.
     *
     * @minItems 1
     *
     * Items: An IPv4 CIDR.
     */
    cidrs?: [string, ...string[]];
    /**
     * Host-network ports Prometheus scrapes (node-exporter 9100, kubelet 10250).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    ports?: [number, ...number[]];
  };
  /**
   * Public addresses: 0.0.0.0/0 except the private (RFC 1918), shared (100.64.0.0/10), link-local (169.254.0.0/16, cloud metadata) and loopback ranges.
   */
  internet?: {
    /**
     * Ports Argo CD's repo-server, server (OIDC), ApplicationSet and notifications controllers reach (Git and Helm repositories, the identity provider, SCM APIs, Slack).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    argocd?: [number, ...number[]];
    /**
     * Ports the cert-manager controller reaches (ACME directories, DNS-01 provider APIs, HTTP-01 self checks).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    certManager?: [number, ...number[]];
    /**
     * Ports the external-secrets controller reaches (secret store APIs such as Vault).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    externalSecrets?: [number, ...number[]];
    /**
     * Ports Alertmanager reaches (Slack, PagerDuty, SMTP relays).
     *
     * @minItems 1
     *
     * Items: A TCP port.
     */
    alertmanager?: [number, ...number[]];
  };
}
/**
 * Values of charts/notification.
 */
export interface NotificationValues {
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
   * The notification container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of notification pods while `autoscaling` is disabled. Every pod is a consumer of the same consumer group, so events are spread over the replicas.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/notification`); a change rolls the pods.
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
    /**
     * Public URL of the platform, used for links in messages.
     */
    platformUrl?: string;
  };
  /**
   * Delivery channels; each is off until enabled. Credentials are only accepted as Secret references.
   */
  channels?: {
    /**
     * Slack through an incoming webhook.
     */
    slack?: {
      /**
       * Deliver to Slack.
       */
      enabled?: boolean;
      /**
       * The incoming-webhook URL (it embeds the credential, so it is a secret).
       */
      webhookUrl?: SecretReference;
      /**
       * Host the webhook URL points at; it joins the egress allow-list.
       */
      apiHost?: string;
      /**
       * Channel override (`#name`); empty posts to the webhook's own channel.
       */
      channel?: string;
      /**
       * Lowest severity posted.
       */
      minimumSeverity?: "info" | "low" | "medium" | "high" | "critical";
      /**
       * Mention added to critical notifications (e.g. `@here` or `<!subteam^ID>`); empty for none.
       */
      mentionOnCritical?: string;
    };
    /**
     * E-mail through an SMTP relay.
     */
    email?: {
      /**
       * Deliver by e-mail.
       */
      enabled?: boolean;
      /**
       * The SMTP relay.
       */
      smtp?: {
        /**
         * Relay host name; required while e-mail is enabled.
         */
        host?: string;
        /**
         * Relay port (587 for STARTTLS, 465 for implicit TLS).
         */
        port?: number;
        /**
         * `starttls` (upgrade on 587), `tls` (implicit TLS on 465) or `none` (only for an in-cluster relay without authentication).
         */
        security?: "starttls" | "tls" | "none";
        /**
         * SMTP user; empty relays without authentication.
         */
        username?: string;
        /**
         * The SMTP password (used while `username` is set).
         */
        password?: SecretReference;
      };
      /**
       * Sender address; required while e-mail is enabled.
       */
      from?: string;
      /**
       * Default recipients.
       *
       * Items: An e-mail address.
       */
      recipients?: string[];
      /**
       * Lowest severity e-mailed.
       */
      minimumSeverity?: "info" | "low" | "medium" | "high" | "critical";
    };
    /**
     * Generic JSON webhooks (ticketing systems, chat-ops bots, SOAR).
     */
    webhook?: {
      /**
       * Deliver to the endpoints.
       */
      enabled?: boolean;
      /**
       * The endpoints; at least one while webhooks are enabled.
       *
       * Items: A webhook endpoint receiving notifications as JSON `POST`s.
       */
      endpoints?: {
        /**
         * Endpoint name; also names the signing secret's variable `WEBHOOK_<NAME>_SIGNING_SECRET` and ExternalSecret `<fullname>-webhook-<name>`.
         */
        name: string;
        /**
         * Endpoint URL. Must be HTTPS unless it is an in-cluster `.svc` address.
         */
        url: string;
        /**
         * Lowest severity sent to this endpoint; empty uses `channels.webhook.minimumSeverity`.
         */
        minimumSeverity?: "" | "info" | "low" | "medium" | "high" | "critical";
        /**
         * HMAC-SHA256 key signing each request (`X-Signature-256` header). Leave out for an unsigned endpoint.
         */
        signingSecret?: SecretReference;
      }[];
      /**
       * Default lowest severity sent to an endpoint.
       */
      minimumSeverity?: "info" | "low" | "medium" | "high" | "critical";
      /**
       * Timeout of one webhook request.
       */
      timeout?: string;
    };
  };
  /**
   * Retries of failed deliveries (exponential backoff with jitter).
   */
  delivery?: {
    /**
     * Attempts per notification and channel before it goes to the dead-letter stream.
     */
    maxAttempts?: number;
    /**
     * Wait before the first retry.
     */
    initialBackoff?: string;
    /**
     * Longest wait between retries.
     */
    maxBackoff?: string;
    /**
     * Concurrent deliveries per replica.
     */
    workers?: number;
  };
  /**
   * Redis holding the notification stream the service consumes. The password is only accepted as a Secret reference.
   */
  redis?: {
    /**
     * Redis host name (redis chart mode `standalone`: `redis-master.<namespace>.svc.cluster.local`); with `sentinel.enabled` only the default TLS server name, the Sentinels name the primary.
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
     * Prefix of every key the service writes.
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
     * Sentinel discovery (redis chart mode `sentinel`): the service asks these Sentinels for the current primary of `masterName`, logging in with the same user and password as to the server, and follows failovers; `host` and `port` are then not dialled.
     */
    sentinel?: {
      /**
       * Find the primary through the Sentinels.
       */
      enabled?: boolean;
      /**
       * The name the Sentinels monitor the primary under (the redis chart's `sentinel.masterName`).
       */
      masterName?: string;
      /**
       * The Sentinels as `host:port`, one per redis pod: `redis-<n>.redis-headless.<namespace>.svc.cluster.local:26379`.
       *
       * Items: A Sentinel `host:port`.
       */
      addresses?: string[];
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
       * ACL user name: the service's user in the redis chart's `auth.users` (the default user is disabled there).
       */
      username?: string;
      /**
       * Where the Redis password comes from.
       */
      password?: SecretReference;
    };
  };
  /**
   * Consumption of the Redis stream: every replica joins `consumerGroup` as consumer `<pod name>`.
   */
  stream?: {
    /**
     * Stream the platform's services append notification events to.
     */
    name?: string;
    /**
     * Consumer group shared by all replicas (created at start when missing).
     */
    consumerGroup?: string;
    /**
     * Entries read per `XREADGROUP` call.
     */
    batchSize?: number;
    /**
     * How long a read blocks waiting for new entries.
     */
    blockTimeout?: string;
    /**
     * Pending entries idle this long (their consumer died) are claimed by another replica with `XAUTOCLAIM`.
     */
    claimMinIdleTime?: string;
    /**
     * Stream receiving entries that exhausted `delivery.maxAttempts`.
     */
    deadLetterStream?: string;
  };
  /**
   * Declares the external destinations of the enabled channels to the mesh with Istio `ServiceEntry`s, one per destination and port: Slack's `apiHost`, the SMTP relay and each HTTPS webhook endpoint outside the cluster. Needed where the mesh only lets pods reach registered hosts (`outboundTrafficPolicy: REGISTRY_ONLY`); in-cluster addresses (`*.svc`, short names) need none. Only rendered while `istio.enabled`.
   */
  egressAllowList?: {
    /**
     * Render the ServiceEntries.
     */
    enabled?: boolean;
  };
  /**
   * Ports of the notification container: `http` serves the notification API (`POST /v1/notifications`, used by callers that do not write to the stream), `/healthz` and `/readyz`; `metrics` serves Prometheus metrics (deliveries, failures, stream lag).
   */
  containerPorts?: ContainerPorts;
  /**
   * The notification Service.
   */
  service?: Service;
  /**
   * The notification ServiceAccount (its identity for the Istio AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the notification container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the notification container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (Redis unreachable, consumer group not joined).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start before the liveness probe takes over.
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
   * Horizontal autoscaling of the notification pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one notification consumer running during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the notification pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish the deliveries of its current batch before its pending entries are claimed by another consumer.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the notification pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the notification. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the notification metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/plugin-marketplace.
 */
export interface PluginMarketplaceValues {
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
   * The plugin-marketplace container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of pods while `autoscaling` is disabled. More than one needs `storage.type: s3` or a `ReadWriteMany` volume.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/plugin-marketplace/config`); a change rolls the pods.
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
    /**
     * Plugin uploads by publishers.
     */
    uploads?: {
      /**
       * Largest plugin archive accepted.
       */
      maxPluginSizeMB?: number;
      /**
       * Archive formats accepted.
       *
       * @minItems 1
       *
       * Items: An archive format.
       */
      allowedArchiveTypes?: ["tar.gz" | "zip" | "oci", ...("tar.gz" | "zip" | "oci")[]];
    };
    /**
     * The public plugin catalog.
     */
    catalog?: {
      /**
       * Largest page of a catalog listing.
       */
      pageSizeLimit?: number;
      /**
       * How long catalog listings are cached per replica.
       */
      cacheTtlSeconds?: number;
    };
    /**
     * Publishing workflow.
     */
    publishing?: {
      /**
       * A new plugin version is only listed after a platform administrator approved it.
       */
      requireReview?: boolean;
    };
  };
  /**
   * The platform authentication service, which validates the bearer tokens of users and publishers.
   */
  authentication?: {
    /**
     * Base URL of the authentication service.
     */
    url?: string;
    /**
     * Token audience the marketplace accepts.
     */
    audience?: string;
    /**
     * Timeout of a token validation call.
     */
    timeoutSeconds?: number;
  };
  /**
   * PostgreSQL holding the catalog, publishers, versions and reviews. The password is only accepted as a Secret reference.
   */
  postgresql?: {
    /**
     * PostgreSQL host name.
     */
    host?: string;
    /**
     * PostgreSQL port.
     */
    port?: number;
    /**
     * Database name.
     */
    database?: string;
    /**
     * Database user.
     */
    username?: string;
    sslMode?: "verify-full" & string;
    caCertificate?: SecretReference;
    /**
     * Where the database password comes from (`POSTGRES_PASSWORD`).
     */
    password?: SecretReference;
    /**
     * Connection pool per replica.
     */
    pool?: {
      /**
       * Open connections at most.
       */
      maxOpenConnections?: number;
      /**
       * Idle connections kept.
       */
      maxIdleConnections?: number;
      /**
       * Connections are recycled after this many seconds.
       */
      connMaxLifetimeSeconds?: number;
    };
    /**
     * Apply pending schema migrations at start (serialised across replicas by a PostgreSQL advisory lock).
     */
    migrateOnStart?: boolean;
  };
  /**
   * Where plugin archives are stored: a PersistentVolumeClaim (`pvc`) or S3-compatible object storage (`s3`, required for more than one replica unless the volume is `ReadWriteMany`).
   */
  storage?: {
    /**
     * `pvc` or `s3`.
     */
    type?: "pvc" | "s3";
    /**
     * The volume of `type: pvc`, mounted at `/var/lib/plugin-marketplace/plugins`.
     */
    persistence?: {
      /**
       * Use this PersistentVolumeClaim instead of creating `<fullname>-plugins`.
       */
      existingClaim?: string;
      /**
       * Requested size.
       */
      size?: string;
      /**
       * StorageClass; empty uses the cluster default.
       */
      storageClassName?: string;
      /**
       * Access mode of the claim (also of an `existingClaim`, where it only decides replicas and update strategy): `ReadWriteOnce` (one node: a single replica, updated with the `Recreate` strategy), `ReadWriteOncePod`, or `ReadWriteMany` (several replicas, rolling updates).
       */
      accessMode?: "ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany";
      /**
       * Extra annotations on the claim.
       */
      annotations?: {
        [k: string]: string | undefined;
      };
      /**
       * Keep the claim (and the plugins) when the release or Argo CD Application is deleted.
       */
      keepOnUninstall?: boolean;
    };
    /**
     * The bucket of `type: s3`.
     */
    s3?: PluginMarketplaceObjectStorage;
  };
  /**
   * Verification of plugin signatures against trusted public keys. Public keys are not secret, so they are accepted inline; private keys are refused by the schema.
   */
  signatureVerification?: {
    /**
     * `enforce`: unsigned or wrongly signed plugins are rejected at upload and never served; `warn`: they are accepted and flagged.
     */
    mode?: "enforce" | "warn";
    /**
     * Trusted publisher keys, rendered into the ConfigMap `<fullname>-trusted-keys` as `<id>.pem`.
     *
     * Items: A trusted public key.
     */
    trustedKeys?: {
      /**
       * Key ID (file name, referenced by signatures).
       */
      id: string;
      /**
       * Signature algorithm of the key.
       */
      algorithm: "ed25519" | "ecdsa-p256" | "rsa-pss-sha256";
      /**
       * PEM-encoded public key (`-----BEGIN PUBLIC KEY-----`).
       */
      publicKey: string;
    }[];
    /**
     * A ConfigMap managed outside the chart with more `<id>.pem` keys (e.g. synced from a key management system); projected next to `trustedKeys`.
     */
    existingConfigMap?: string;
  };
  /**
   * Ports of the container: `http` serves the marketplace API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The plugin-marketplace Service.
   */
  service?: Service;
  /**
   * The plugin-marketplace ServiceAccount (its identity for the authentication service's AuthorizationPolicy, and for `storage.s3.auth.mode: workloadIdentity`).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the plugin-marketplace container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the plugin-marketplace container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (PostgreSQL, plugin storage or the authentication service unreachable).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to three minutes to start (schema migrations) before the liveness probe takes over.
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
   * Horizontal autoscaling (needs `storage.type: s3` or a `ReadWriteMany` volume).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps plugin-marketplace pods serving during node drains (enable it with several replicas).
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the plugin-marketplace pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish uploads and downloads in flight.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the plugin-marketplace. The metrics port bypasses the sidecar.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the plugin-marketplace metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * S3-compatible object storage for plugin archives. Credentials are only accepted as Secret references; with `auth.mode: workloadIdentity` the pod uses its ServiceAccount's cloud identity (e.g. an IRSA role in `serviceAccount.annotations`) and reads no Secret.
 */
export interface PluginMarketplaceObjectStorage {
  /**
   * Endpoint URL of an S3-compatible service (MinIO, Ceph RGW, ...); empty uses AWS S3 in `region`.
   */
  endpoint?: string;
  /**
   * Region of the bucket.
   */
  region?: string;
  /**
   * Bucket name.
   */
  bucket?: string;
  /**
   * Key prefix of every object the service writes (ends with `/`, or empty).
   */
  prefix?: string;
  /**
   * Address the bucket as `<endpoint>/<bucket>` instead of `<bucket>.<endpoint>` (MinIO and most self-hosted stores need it).
   */
  forcePathStyle?: boolean;
  /**
   * Server-side encryption of written objects.
   */
  serverSideEncryption?: {
    /**
     * `""` (the bucket's default), `AES256` (S3-managed keys) or `aws:kms`.
     */
    mode?: "" | "AES256" | "aws:kms";
    /**
     * KMS key ID or ARN for `aws:kms`; empty uses the account's default S3 key.
     */
    kmsKeyId?: string;
  };
  /**
   * How the service authenticates to the store.
   */
  auth?: {
    /**
     * `accessKey`: an access key pair from Secrets (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`); `workloadIdentity`: the pod's ServiceAccount identity, no Secret.
     */
    mode?: "accessKey" | "workloadIdentity";
    /**
     * Where the access key ID comes from (`auth.mode: accessKey`).
     */
    accessKeyId?: SecretReference;
    /**
     * Where the secret access key comes from (`auth.mode: accessKey`).
     */
    secretAccessKey?: SecretReference;
  };
}
/**
 * Values of charts/postgresql.
 */
export interface PostgresqlValues {
  /**
   * Values shared with every chart of an environment.
   */
  global?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Values Helm reserves for the `common` library dependency; leave empty.
   */
  common?: DependencyValues;
  nameOverride?: string;
  /**
   * Replaces the full name, which is also the CloudNativePG cluster name (services connect to `<name>-rw`).
   */
  fullnameOverride?: string;
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * PostgreSQL instances: one primary plus streaming replicas. Production runs at least 3, spread over zones (`cluster.affinity`).
   */
  instances?: number;
  /**
   * The CloudNativePG `Cluster` (`postgresql.cnpg.io/v1`).
   */
  cluster?: {
    /**
     * PostgreSQL operand image (CloudNativePG's `ghcr.io/cloudnative-pg/postgresql` images; pin a minor version).
     */
    imageName?: string;
    /**
     * `unsupervised` lets the operator switch over to an updated replica on its own; `supervised` waits for a manual switchover.
     */
    primaryUpdateStrategy?: "unsupervised" | "supervised";
    /**
     * Create the `<name>-superuser` Secret and allow remote superuser logins. Off: administration happens through `kubectl cnpg psql`.
     */
    enableSuperuserAccess?: boolean;
    /**
     * `postgresql.conf` parameters (all values are strings, as PostgreSQL reads them).
     */
    parameters?: {
      [k: string]: string | undefined;
    };
    /**
     * CPU and memory of each PostgreSQL instance.
     */
    resources?: ContainerResources;
    /**
     * Data volume of each instance.
     */
    storage?: {
      /**
       * Volume size (can grow later, never shrink).
       */
      size?: string;
      /**
       * StorageClass; empty uses the cluster default.
       */
      storageClass?: string;
    };
    /**
     * A separate volume for the write-ahead log (better I/O isolation, WAL cannot fill the data volume).
     */
    walStorage?: {
      /**
       * Give each instance a WAL volume.
       */
      enabled?: boolean;
      /**
       * WAL volume size.
       */
      size?: string;
      /**
       * StorageClass; empty uses the cluster default.
       */
      storageClass?: string;
    };
    /**
     * Where instances run relative to each other.
     */
    affinity?: {
      /**
       * `required` never places two instances in the same `topologyKey` domain (instances stay Pending instead); `preferred` tries to.
       */
      podAntiAffinityType?: "preferred" | "required";
      /**
       * Node label whose values separate instances: `kubernetes.io/hostname` (nodes) or `topology.kubernetes.io/zone` (zones).
       */
      topologyKey?: "kubernetes.io/hostname" | "topology.kubernetes.io/zone";
    };
    /**
     * PriorityClass of the instances; empty for none.
     */
    priorityClassName?: string;
  };
  /**
   * `initdb` bootstrap of a new cluster: the database and owner CloudNativePG creates first, with its credentials in the Secret `<name>-app`.
   */
  bootstrap?: {
    /**
     * Name of the initial database.
     */
    database?: string;
    /**
     * Owner role of the initial database.
     */
    owner?: string;
  };
  /**
   * One database and owner role per service that needs PostgreSQL. For each entry the chart renders a managed role (`spec.managed.roles`) whose password lives in the Secret `<name>-<database>-credentials` (`kubernetes.io/basic-auth`: `username`, `password`), and a `Database` object owned by it.
   *
   * Items: One service database.
   */
  databases?: {
    /**
     * Entry name (the service's name by convention): it names the Kubernetes objects, the owner role (unless `owner` is set) and the Secret `<cluster>-<name>-credentials`. The PostgreSQL database itself is this name with `-` replaced by `_` (e.g. `scanner-manager` creates database `scanner_manager`).
     */
    name: string;
    /**
     * Owner role; empty means `name`.
     */
    owner?: string;
    /**
     * Connections the role may open; -1 (default) for no limit.
     */
    connectionLimit?: number;
    /**
     * Extensions created in the database (e.g. `pgcrypto`).
     *
     * Items: An extension name.
     */
    extensions?: string[];
  }[];
  /**
   * Where the service roles' passwords come from. The Secrets always end up in the release namespace as `<name>-<database>-credentials`; the services read them from their own namespaces through the `kubernetes` ClusterSecretStore of the `secret-stores` chart.
   */
  passwords?: {
    /**
     * `generate`: external-secrets' `Password` generator creates each password once inside the cluster (nothing to provide). `externalSecret`: each password is read from a secret store at `<keyPrefix><database>`.
     */
    source?: "generate" | "externalSecret";
    /**
     * Length of generated passwords (letters and digits, no symbols, so they are safe in connection URIs).
     */
    length?: number;
    /**
     * The store entries read when `source: externalSecret`.
     */
    externalSecret?: {
      /**
       * The store to read from.
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
       * Store key of a database's entry, before the database name (e.g. `platform/production/postgresql/`).
       */
      keyPrefix?: string;
      /**
       * Property of the entry holding the password.
       */
      property?: string;
      /**
       * How often external-secrets re-reads the store (Go duration); CloudNativePG applies a changed password to the role.
       */
      refreshInterval?: string;
    };
  };
  /**
   * Publishes the public half of the operator's server CA for the clients. CloudNativePG keeps the CA in the Secret `<name>-ca` with both `ca.crt` and `ca.key` (the key that signs the server and the `streaming_replica` client certificates), so that Secret must never be readable from the service namespaces. An ExternalSecret copies only `ca.crt` into `<name>-ca-public` in the release namespace, which the clients' own ExternalSecrets read (through the `postgresql-credentials` store) to verify the server (`sslmode=verify-full`).
   */
  caPublication?: {
    /**
     * Render the ExternalSecret writing `<name>-ca-public`.
     */
    enabled?: boolean;
    /**
     * A store that may read `<name>-ca` in the release namespace and is usable from the release namespace only (the `secret-stores` chart's `kubernetes` store `postgresql-ca`).
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
     * How often the copy is refreshed (Go duration). The operator renews the CA certificate with the same key (cloudnative-pg internal/controller/cluster_pki.go renewCASecret), so a copy that lags still verifies the server.
     */
    refreshInterval?: string;
  };
  /**
   * Continuous backup (WAL archiving plus scheduled base backups) to S3-compatible object storage with barman-cloud.
   */
  backup?: {
    /**
     * Archive WAL and take scheduled base backups.
     */
    enabled?: boolean;
    /**
     * Bucket and prefix, e.g. `s3://mcp-backups/postgresql`.
     */
    destinationPath?: string;
    /**
     * S3 endpoint for non-AWS object storage (MinIO, Ceph); empty for AWS.
     */
    endpointURL?: string;
    /**
     * How long backups and WAL are kept (`<n>d`, `<n>w` or `<n>m`).
     */
    retentionPolicy?: string;
    /**
     * Base backup schedule: a six-field cron expression (seconds first), in UTC.
     */
    schedule?: string;
    /**
     * Compression of WAL files and base backups.
     */
    compression?: "gzip" | "bzip2" | "snappy";
    /**
     * How barman-cloud authenticates to the bucket.
     */
    s3Credentials?: {
      /**
       * Use the instances' IAM role (IRSA on the Cluster's ServiceAccount) instead of access keys.
       */
      inheritFromIAMRole?: boolean;
      /**
       * Access key ID, by reference.
       */
      accessKeyId?: SecretReference;
      /**
       * Secret access key, by reference.
       */
      secretAccessKey?: SecretReference;
    };
  };
  /**
   * A `PodMonitor` scraping the instances' metrics exporter (port `metrics`, 9187).
   */
  podMonitor?: {
    /**
     * Render the PodMonitor.
     */
    enabled?: boolean;
    /**
     * Scrape interval.
     */
    interval?: string;
    /**
     * Labels the Prometheus instance selects PodMonitors by.
     */
    labels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * The NetworkPolicy of every pod of the cluster (instances and the operator's bootstrap and join Jobs, all labelled `cnpg.io/cluster: <name>`). Ingress: the named `clients` on 5432, the CloudNativePG operator on 8000 (instance status) and 5432, the cluster's own pods on 5432 (streaming replication) and 8000, Prometheus on 9187 while `podMonitor.enabled`. Egress: DNS, the Kubernetes API server, the cluster's own pods, and object storage while `backup.enabled`. Always rendered: no other pod reaches the databases.
   */
  networkPolicy?: {
    /**
     * The workloads that connect to PostgreSQL (port 5432): each the pods with `podLabels` in `namespace`. Both are required, so no entry admits a whole namespace.
     *
     * Items: One client workload.
     */
    clients?: {
      /**
       * The client's namespace.
       */
      namespace: string;
      /**
       * Labels of the client's pods, e.g. `app.kubernetes.io/name: authentication` (which its migration Job carries too).
       */
      podLabels: {
        [k: string]: string | undefined;
      };
    }[];
    /**
     * The CloudNativePG operator, which connects to every instance on 8000 (the instance manager's status endpoint) and 5432 (cloudnative-pg docs, networking.md).
     */
    operator?: {
      /**
       * Namespace of the operator.
       */
      namespace?: string;
      /**
       * Labels of the operator's pods (the cloudnative-pg chart's selector labels: `app.kubernetes.io/name: cloudnative-pg`).
       */
      podLabels?: {
        [k: string]: string | undefined;
      };
    };
    /**
     * The scraper admitted to the metrics port (9187) while `podMonitor.enabled`.
     */
    metrics?: {
      /**
       * Namespace Prometheus runs in.
       */
      namespace?: string;
      /**
       * Labels of the scraper's pods (kube-prometheus-stack's Prometheus pods carry `app.kubernetes.io/name: prometheus`). Required: an empty selector would admit every pod of the namespace.
       */
      podLabels?: {
        [k: string]: string | undefined;
      };
    };
    /**
     * Where the cluster's pods may connect besides each other.
     */
    egress?: {
      /**
       * Cluster DNS (UDP and TCP 53).
       */
      dns?: {
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
       * The Kubernetes API server, which every instance manager calls (status, Secrets, ConfigMaps, leader lease). It is no pod a selector could name and its address differs per cluster, so the default is every address on 443 and 6443 except the link-local (cloud metadata) and shared (100.64.0.0/10) ranges; narrow `cidr` to the control plane's range where it is known.
       */
      apiServer?: {
        /**
         * Destination range (CIDR).
         */
        cidr?: string;
        /**
         * Ranges left out; keep `169.254.0.0/16` and `100.64.0.0/10` (metadata services) whenever `cidr` contains them.
         *
         * Items: A range left out.
         */
        except?: string[];
        /**
         * TCP ports.
         *
         * @minItems 1
         *
         * Items: A TCP port.
         */
        ports?: [number, ...number[]];
      };
      /**
       * The backup bucket (barman-cloud), while `backup.enabled`: by default public addresses on 443 (S3), never the private, link-local or shared ranges.
       */
      objectStorage?: {
        /**
         * Destination range (CIDR).
         */
        cidr?: string;
        /**
         * Ranges left out; keep `169.254.0.0/16` and `100.64.0.0/10` (metadata services) whenever `cidr` contains them.
         *
         * Items: A range left out.
         */
        except?: string[];
        /**
         * TCP ports.
         *
         * @minItems 1
         *
         * Items: A TCP port.
         */
        ports?: [number, ...number[]];
      };
    };
  };
}
/**
 * Values of charts/redis.
 */
export interface RedisValues {
  /**
   * Values shared with every chart of an environment. The `common` library reads `global.imageRegistry` (registry mirror), `global.imagePullSecrets` (Secret names) and `global.clusterDomain` (default `cluster.local`, part of the pod host names that Sentinel announces and the TLS certificate names).
   */
  global?: {
    [k: string]: unknown | undefined;
  };
  /**
   * Values Helm reserves for the `common` library dependency; leave empty.
   */
  common?: DependencyValues;
  nameOverride?: string;
  /**
   * Replaces the full name, which prefixes every object: the StatefulSet and its pods `<name>-<n>`, the Services `<name>-headless` and `<name>-master`, the Secret `<name>-passwords`. The `redis-tls` certificate names `redis-master` and `*.redis-headless`, so keep `redis` unless the certificate changes too.
   */
  fullnameOverride?: string;
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * `standalone`: one server, clients connect to the Service `<name>-master` (development). `sentinel`: `replicaCount` servers, one primary and its replicas, each pod with a Sentinel beside it; the Sentinels elect a new primary when the primary fails, and clients ask them for its address (`redis.sentinel` in the service charts).
   */
  mode?: "standalone" | "sentinel";
  /**
   * Server pods. `standalone` needs exactly 1; `sentinel` at least 3, so that a majority of Sentinels (`sentinel.quorum`) survives the loss of one pod.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Container images. Third-party images pinned by the chart (not the environment's `imageTag`): change them here and in the chart's `appVersion`.
   */
  images?: {
    /**
     * The Valkey image (BSD-3-Clause, `valkey/valkey`), which runs both the server and the Sentinel. An empty tag uses the chart's `appVersion`.
     */
    valkey?: ContainerImage;
    /**
     * The Prometheus exporter sidecar (`oliver006/redis_exporter`, MIT), run while `metrics.enabled`.
     */
    exporter?: ContainerImage;
  };
  /**
   * Ports of the pods: `redis` (the server, TLS-only while `tls.enabled`), `sentinel` (mode `sentinel`), `metrics` (the exporter, while `metrics.enabled`).
   */
  containerPorts?: ContainerPorts;
  /**
   * Ports of the Services: `<name>-headless` (every pod, all ports; the pods' stable host names `<name>-<n>.<name>-headless`) and, in mode `standalone`, `<name>-master` (the `redis` port). `appProtocol` stays `tcp`: the traffic is TLS or RESP, which the mesh must not parse.
   */
  service?: Service;
  /**
   * The pods' ServiceAccount; they never call the Kubernetes API (no token is mounted).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (Pod Security "restricted"); `fsGroup` makes the data volume writable for the non-root user.
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of every container (Pod Security "restricted", read-only root filesystem: the server writes only to `/data` and to the in-memory `/run/redis`).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the server container. Keep the memory limit above `config.maxmemory` plus the copy-on-write headroom of a background save.
   */
  resources?: ContainerResources;
  /**
   * Timings of the server's probes. They run `valkey-cli PING` as the `monitor` user: liveness accepts `PONG`, `LOADING` and `MASTERDOWN` (alive but busy), readiness only `PONG`; the startup probe gives a large append-only file time to load.
   */
  probes?: {
    /**
     * Liveness probe: restarts a server that stops answering.
     */
    liveness?: {
      /**
       * Seconds before the first probe.
       */
      initialDelaySeconds?: number;
      /**
       * Seconds between probes.
       */
      periodSeconds?: number;
      /**
       * Seconds a probe may take.
       */
      timeoutSeconds?: number;
      /**
       * Failed probes in a row before the probe's action.
       */
      failureThreshold?: number;
    };
    /**
     * Readiness probe: marks a pod ready when its server answers `PONG`.
     */
    readiness?: {
      /**
       * Seconds before the first probe.
       */
      initialDelaySeconds?: number;
      /**
       * Seconds between probes.
       */
      periodSeconds?: number;
      /**
       * Seconds a probe may take.
       */
      timeoutSeconds?: number;
      /**
       * Failed probes in a row before the probe's action.
       */
      failureThreshold?: number;
    };
    /**
     * Startup probe: holds the other probes back until the server answers once.
     */
    startup?: {
      /**
       * Seconds before the first probe.
       */
      initialDelaySeconds?: number;
      /**
       * Seconds between probes.
       */
      periodSeconds?: number;
      /**
       * Seconds a probe may take.
       */
      timeoutSeconds?: number;
      /**
       * Failed probes in a row before the probe's action.
       */
      failureThreshold?: number;
    };
  };
  /**
   * Where `/data` (append-only file and snapshots) lives.
   */
  persistence?: {
    /**
     * Give each pod a PersistentVolumeClaim (`data-<name>-<n>`, kept when the StatefulSet is deleted or scaled down). Off: an `emptyDir`, the data is gone with the pod (development). Mode `sentinel` requires it: a primary restarted empty would be replicated, emptying its replicas.
     */
    enabled?: boolean;
    /**
     * Volume size (can grow later, never shrink).
     */
    size?: string;
    /**
     * StorageClass; empty uses the cluster default.
     */
    storageClass?: string;
    /**
     * Size limit of the `emptyDir` used while `enabled` is false.
     */
    emptyDirSizeLimit?: string;
  };
  /**
   * Server settings rendered into `valkey.conf` (no secrets there: passwords are read at start from the mounted Secret).
   */
  config?: {
    /**
     * Memory limit of the dataset (`0` = unlimited, or e.g. `768mb`); keep it below the container's memory limit.
     */
    maxmemory?: string;
    /**
     * What happens at `maxmemory`. `noeviction` answers writes with an error instead of silently dropping sessions and stream entries.
     */
    maxmemoryPolicy?:
      | "noeviction"
      | "allkeys-lru"
      | "allkeys-lfu"
      | "allkeys-random"
      | "volatile-lru"
      | "volatile-lfu"
      | "volatile-random"
      | "volatile-ttl";
    /**
     * When the append-only file is flushed to disk while `persistence.enabled` (`everysec`: at most one second of writes lost on a crash).
     */
    appendfsync?: "always" | "everysec" | "no";
    /**
     * Snapshot rules (`<seconds> <changes>` pairs) while `persistence.enabled`; ignored without persistence (no snapshots).
     */
    save?: string;
  };
  /**
   * The Sentinel beside each server in mode `sentinel`.
   */
  sentinel?: {
    /**
     * Name under which the Sentinels monitor the primary; the clients' `redis.sentinel.masterName`.
     */
    masterName?: string;
    /**
     * Sentinels that must agree that the primary is down before a failover starts (a failover also needs a majority of all Sentinels).
     */
    quorum?: number;
    /**
     * Milliseconds without a valid answer before a Sentinel considers a server down.
     */
    downAfterMilliseconds?: number;
    /**
     * Milliseconds a failover may take before another Sentinel may retry it.
     */
    failoverTimeout?: number;
    /**
     * Replicas resynchronised with a new primary at the same time.
     */
    parallelSyncs?: number;
    /**
     * Resources of the Sentinel container.
     */
    resources?: ContainerResources;
    /**
     * Timings of the Sentinel's probes (`valkey-cli PING` on the Sentinel port as the `monitor` user).
     */
    probes?: {
      /**
       * Liveness probe of the Sentinel.
       */
      liveness?: {
        /**
         * Seconds before the first probe.
         */
        initialDelaySeconds?: number;
        /**
         * Seconds between probes.
         */
        periodSeconds?: number;
        /**
         * Seconds a probe may take.
         */
        timeoutSeconds?: number;
        /**
         * Failed probes in a row before the probe's action.
         */
        failureThreshold?: number;
      };
      /**
       * Readiness probe of the Sentinel.
       */
      readiness?: {
        /**
         * Seconds before the first probe.
         */
        initialDelaySeconds?: number;
        /**
         * Seconds between probes.
         */
        periodSeconds?: number;
        /**
         * Seconds a probe may take.
         */
        timeoutSeconds?: number;
        /**
         * Failed probes in a row before the probe's action.
         */
        failureThreshold?: number;
      };
    };
  };
  /**
   * TLS on the server and Sentinel ports (plain ports closed). Clients need no certificate of their own (`tls-auth-clients no`); replicas and Sentinels connect with TLS too.
   */
  tls?: {
    /**
     * Serve TLS only.
     */
    enabled?: boolean;
    /**
     * The `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`, `ca.crt`) of the cert-issuers Certificate `redis-tls`, whose names cover `<name>-master` and `*.<name>-headless` in the release namespace.
     */
    existingSecret?: string;
  };
  /**
   * Who may log in. The `default` user is disabled: every connection authenticates as a named ACL user. Passwords are never rendered: the chart mounts the passwords Secret (one key per user) and the container builds the ACL file at start, storing only SHA-256 hashes.
   */
  auth?: {
    /**
     * Where the passwords come from: one Secret key per user (the service users, `monitor`, and in mode `sentinel` `replication` and `sentinel`).
     */
    passwords?: {
      /**
       * `externalSecret`: the chart's ExternalSecret writes the Secret `<name>-passwords` from the secret store (every environment). `existingSecret`: a Secret made by other means (a manual install).
       */
      source?: "existingSecret" | "externalSecret";
      /**
       * The Secret holding one key per user name, with `source: existingSecret`.
       */
      existingSecret?: string;
      /**
       * With `source: externalSecret`: the ExternalSecret that writes the Secret `<name>-passwords` from the secret store.
       */
      externalSecret?: {
        /**
         * The store to read from.
         */
        secretStoreRef?: {
          /**
           * Store name, e.g. `vault-production`.
           */
          name?: string;
          /**
           * Store kind.
           */
          kind?: "ClusterSecretStore" | "SecretStore";
        };
        /**
         * Store key holding every password as a property, e.g. `platform/production/redis`.
         */
        remoteKey?: string;
        /**
         * A user's property is `<user><propertySuffix>` unless `users[].passwordProperty` names it.
         */
        propertySuffix?: string;
        /**
         * Development only: every user reads this one property (the fake store's single development password). Empty in real environments, where each user has its own password.
         */
        sharedProperty?: string;
        /**
         * How often external-secrets re-reads the store. A changed password takes effect when the pods restart (`kubectl rollout restart statefulset/<name>`), see the README.
         */
        refreshInterval?: string;
      };
    };
    /**
     * ACL command rules of every service user without its own `commands`: everything except the `@dangerous` category (administration, `KEYS`, `FLUSHALL`, `CONFIG`, `MONITOR`, `CLIENT KILL`, `DEBUG`, ...) and the commands that reach beyond the user's keys: `ROLE` (in `@dangerous`) is given back because Sentinel-aware clients check with it that they reached the primary; `SCAN` and `RANDOMKEY` return other users' key names (such as session ids), `FUNCTION` and `SCRIPT FLUSH|KILL` change or stop other users' code, `PUBSUB CHANNELS|SHARDCHANNELS` list other users' channels.
     */
    clientCommands?: string;
    /**
     * The service users, one per service that uses Redis, each limited to its key prefixes.
     *
     * Items: One service's ACL user.
     */
    users?: {
      /**
       * User name, also the service's `redis.auth.username` and the key of its password in the passwords Secret. Not `default`, `monitor`, `replication` or `sentinel` (the chart's own users).
       */
      name?: string;
      /**
       * Key patterns (glob) the user may read and write, e.g. `mcp:*` for the service's `redis.keyPrefix`. Every other key is out of reach, and the commands that list key names regardless of patterns (`SCAN`, `RANDOMKEY`, `KEYS`) are refused by `auth.clientCommands`.
       *
       * Items: A key pattern, without the `~`. It starts with a literal prefix that ends in `:` before any glob character (e.g. `mcp:*`), or is a literal key name (`events:normalized`): `*`, `*:*`, `a*` or `[a-z]*` would reach other services' keys.
       */
      keys?: string[];
      /**
       * Key patterns the user may only read (`%R~`), e.g. another service's stream it consumes without a consumer group.
       *
       * Items: A key pattern, without `%R~`. It starts with a literal prefix that ends in `:` before any glob character (e.g. `mcp:*`), or is a literal key name (`events:normalized`): `*`, `*:*`, `a*` or `[a-z]*` would reach other services' keys.
       */
      readOnlyKeys?: string[];
      /**
       * Pub/Sub channel patterns the user may publish and subscribe to; empty allows none.
       *
       * Items: A channel pattern, without the `&`. It starts with a literal prefix that ends in `:` before any glob character (e.g. `mcp:*`), or is a literal channel name (`events:normalized`): `*`, `*:*`, `a*` or `[a-z]*` would reach other services' channels.
       */
      channels?: string[];
      /**
       * ACL command rules of this user; empty uses `auth.clientCommands`.
       */
      commands?: string;
      /**
       * Property of `auth.passwords.externalSecret.remoteKey` holding the password; empty = `<name><propertySuffix>`.
       */
      passwordProperty?: string;
      /**
       * The workload that logs in as this user: the NetworkPolicy admits its pods (label `app.kubernetes.io/name`) from its namespace on the `redis` and `sentinel` ports.
       */
      client?: {
        /**
         * The client's `app.kubernetes.io/name` label; empty = the user name (the platform names users after their services).
         */
        app?: string;
        /**
         * The client's namespace; empty = the release namespace.
         */
        namespace?: string;
      };
    }[];
  };
  /**
   * The Prometheus exporter sidecar (logs in as `monitor`, which may run `PING`, `INFO` and a few statistics commands, and reads no key).
   */
  metrics?: {
    /**
     * Run the exporter on the `metrics` port.
     */
    enabled?: boolean;
    /**
     * Resources of the exporter container.
     */
    resources?: ContainerResources;
  };
  /**
   * Prometheus scraping of the exporter (needs `metrics.enabled`).
   */
  serviceMonitor?: ServiceMonitor;
  /**
   * NetworkPolicy of the pods: the `client` of every `auth.users` entry (plus `allowedCallers`) on the `redis` and `sentinel` ports, the pods themselves (replication, Sentinel gossip) in mode `sentinel`, and the monitoring namespace on `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Keeps all but one server running during node drains (mode `sentinel`); `IfHealthyBudget` so that a drain never takes a healthy pod while another is already down.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the pods; production spreads them over zones and nodes so that one failure takes at most one server.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets: a primary first hands over to a replica (Sentinel failover), then the server saves and exits.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * The Istio sidecar. Off: replication, Sentinel gossip and client traffic are end-to-end TLS and the Sentinels announce pod host names, which a sidecar would only proxy.
   */
  istio?: {
    /**
     * Inject the Istio sidecar into the pods.
     */
    enabled?: boolean;
  };
}
/**
 * Values of charts/report-generator.
 */
export interface ReportGeneratorValues {
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
   * The report-generator container image (API and scheduled runs); the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of API pods while `autoscaling` is disabled. With `objectStorage.backend: s3` reports live in the bucket, so replicas are interchangeable; `backend: filesystem` allows one replica only.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Service configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/report-generator`); a change rolls the pods.
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
    /**
     * Output formats the service offers.
     *
     * @minItems 1
     *
     * Items: A format.
     */
    formats?: ["pdf" | "html" | "csv" | "json", ...("pdf" | "html" | "csv" | "json")[]];
    /**
     * Format used when a request names none; must be one of `formats`.
     */
    defaultFormat?: "pdf" | "html" | "csv" | "json";
    /**
     * Limits of the report renderer, per replica (and per scheduled run).
     */
    render?: {
      /**
       * Reports rendered at the same time; further requests queue.
       */
      maxConcurrent?: number;
      /**
       * Upper bound for rendering one report.
       */
      timeoutSeconds?: number;
      /**
       * Largest report (pages of PDF output) the renderer produces before giving up.
       */
      maxPages?: number;
    };
    /**
     * Stored reports older than this are deleted from the store (the bucket, or the filesystem volume); 0 keeps them forever.
     */
    retentionDays?: number;
    /**
     * Lifetime of the pre-signed download URLs the API hands out (`objectStorage.backend: s3`; with `filesystem` the API serves downloads itself).
     */
    downloadUrlTtlSeconds?: number;
  };
  /**
   * Services the report generator reads from (its `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The risk-assessment service (risk scores and trends).
     */
    riskAssessment?: {
      /**
       * Base URL.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
    /**
     * The vulnerability-analyzer service (findings and CVE details).
     */
    vulnerabilityAnalyzer?: {
      /**
       * Base URL.
       */
      url?: string;
      /**
       * Timeout of one call.
       */
      timeoutSeconds?: number;
    };
  };
  /**
   * Where generated reports are stored: `backend: s3` (default), an S3-compatible bucket with credentials only by Secret reference; or `backend: filesystem`, an ephemeral volume of the one API pod (development only: reports are lost when the pod is replaced).
   */
  objectStorage?: ReportGeneratorObjectStorage;
  /**
   * Writable scratch space for rendering (the root filesystem stays read-only): mounted at `/var/lib/report-generator/scratch` in the API pods and the scheduled-report pods, and exported as `TMPDIR`.
   */
  scratch?: {
    /**
     * `emptyDir` (node-local, lost with the pod) or `ephemeral` (a generic ephemeral volume: a PVC created and deleted with the pod, for large reports).
     */
    type?: "emptyDir" | "ephemeral";
    /**
     * Size limit of the `emptyDir` (the pod is evicted above it).
     */
    sizeLimit?: string;
    /**
     * `emptyDir` medium: `""` (node disk) or `Memory` (tmpfs, counts against the memory limit).
     */
    medium?: "" | "Memory";
    /**
     * Settings of the `ephemeral` type.
     */
    ephemeral?: {
      /**
       * StorageClass of the per-pod volume; empty uses the cluster default.
       */
      storageClassName?: string;
      /**
       * Requested size.
       */
      size?: string;
    };
  };
  /**
   * Reports generated on a schedule, by name (lowercase, used in the CronJob name `<fullname>-<name>`). Each enabled entry renders one CronJob. A map so an environment can switch one report off (`enabled: false`) or add one without repeating the others.
   */
  scheduledReports?: {
    /**
     * One scheduled report: a CronJob that generates it and stores it in object storage. A new entry needs `schedule` and `template`; an existing one can be changed key by key (e.g. `enabled: false`).
     */
    [k: string]:
      | {
          /**
           * Render the CronJob (a disabled entry keeps its settings but schedules nothing).
           */
          enabled?: boolean;
          /**
           * Cron expression (five fields) or a macro such as `@daily`.
           */
          schedule?: string;
          /**
           * IANA time zone the schedule is evaluated in; empty uses the controller's (UTC on most clusters).
           */
          timeZone?: string;
          /**
           * Report template.
           */
          template?:
            "executive-summary" | "vulnerability-digest" | "compliance-posture" | "risk-trend" | "scan-results";
          /**
           * Output format; must be one of `config.formats`.
           */
          format?: "pdf" | "html" | "csv" | "json";
          /**
           * Template parameters (e.g. `minSeverity: high`, `lookbackDays: "7"`).
           */
          parameters?: {
            [k: string]: string | undefined;
          };
          /**
           * Keep the CronJob but skip its runs (e.g. during an audit freeze).
           */
          suspend?: boolean;
        }
      | undefined;
  };
  /**
   * Settings shared by every scheduled-report CronJob and its pods (component `scheduled-report`, ServiceAccount, image, configuration and scratch space of the API).
   */
  scheduledReportJob?: {
    /**
     * Resources of a scheduled-report container.
     */
    resources?: ContainerResources;
    /**
     * What happens when a run is due while the previous one still runs.
     */
    concurrencyPolicy?: "Allow" | "Forbid" | "Replace";
    /**
     * A run that could not start within this many seconds of its schedule is skipped.
     */
    startingDeadlineSeconds?: number;
    /**
     * Retries of a failed run.
     */
    backoffLimit?: number;
    /**
     * A run taking longer is stopped and counted as failed.
     */
    activeDeadlineSeconds?: number;
    /**
     * Finished Jobs are deleted after this many seconds.
     */
    ttlSecondsAfterFinished?: number;
    /**
     * Successful Jobs kept per CronJob.
     */
    successfulJobsHistoryLimit?: number;
    /**
     * Failed Jobs kept per CronJob.
     */
    failedJobsHistoryLimit?: number;
  };
  /**
   * Ports of the API container: `http` serves the report API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The report-generator API Service.
   */
  service?: Service;
  /**
   * The ServiceAccount of the API and scheduled-report pods (their identity for the AuthorizationPolicies of risk-assessment and vulnerability-analyzer, and for `objectStorage.auth.mode: workloadIdentity`).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the report-generator container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the API container (rendering is memory-heavy).
   */
  resources?: ContainerResources;
  /**
   * Restarts the API container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (object storage or an upstream unreachable).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the API up to two minutes to start before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name; set in the API and the scheduled-report pods.
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Horizontal autoscaling of the API pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one API pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the report-generator pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating API pod gets to finish the reports it renders; keep it above `config.render.timeoutSeconds` when long reports must not be cut.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the API pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`. The scheduled-report pods get their own policy admitting no ingress at all; both share `egress`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the API. Scheduled-report pods join the mesh with a native sidecar (so their Jobs complete) and get an AuthorizationPolicy that allows nothing. The metrics port bypasses the sidecar.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the API metrics (scheduled runs report through the API's metrics of stored reports).
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Report store. `backend: s3` (default): S3-compatible object storage; credentials are only accepted as Secret references, and with `auth.mode: workloadIdentity` the pod uses its ServiceAccount's cloud identity (e.g. an IRSA role in `serviceAccount.annotations`) and reads no Secret. `backend: filesystem`: the keys of S3 (`endpoint` to `auth`) are ignored, no Secret is read, and reports are written to an `emptyDir` of the API pod.
 */
export interface ReportGeneratorObjectStorage {
  /**
   * Storage backend. `s3`: the bucket below (staging, production). `filesystem`: an `emptyDir` volume of the API pod mounted at `/var/lib/report-generator/reports`, EPHEMERAL: every report is lost when the pod is deleted, evicted or replaced (a rollout, a config change, a node drain); only a container restart inside the same pod keeps them. The chart then requires one replica, no autoscaling and no enabled scheduled report (a scheduled run's pod would write into its own volume, lost with it). For development only; the service must support `storage.type: filesystem` in its configuration.
   */
  backend?: "s3" | "filesystem";
  /**
   * `s3`: endpoint URL of an S3-compatible service (MinIO, Ceph RGW, ...); empty uses AWS S3 in `region`.
   */
  endpoint?: string;
  /**
   * `s3`: region of the bucket.
   */
  region?: string;
  /**
   * `s3`: bucket name.
   */
  bucket?: string;
  /**
   * `s3`: key prefix of every object the service writes (ends with `/`, or empty).
   */
  prefix?: string;
  /**
   * `s3`: address the bucket as `<endpoint>/<bucket>` instead of `<bucket>.<endpoint>` (MinIO and most self-hosted stores need it).
   */
  forcePathStyle?: boolean;
  /**
   * `s3`: server-side encryption of written objects.
   */
  serverSideEncryption?: {
    /**
     * `""` (the bucket's default), `AES256` (S3-managed keys) or `aws:kms`.
     */
    mode?: "" | "AES256" | "aws:kms";
    /**
     * KMS key ID or ARN for `aws:kms`; empty uses the account's default S3 key.
     */
    kmsKeyId?: string;
  };
  /**
   * `s3`: how the service authenticates to the store.
   */
  auth?: {
    /**
     * `accessKey`: an access key pair from Secrets (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`); `workloadIdentity`: the pod's ServiceAccount identity, no Secret.
     */
    mode?: "accessKey" | "workloadIdentity";
    /**
     * Where the access key ID comes from (`auth.mode: accessKey`).
     */
    accessKeyId?: SecretReference;
    /**
     * Where the secret access key comes from (`auth.mode: accessKey`).
     */
    secretAccessKey?: SecretReference;
  };
  /**
   * `filesystem`: the `emptyDir` volume reports are written to, on the node's disk: the only writable place for them (the root filesystem stays read-only).
   */
  filesystem?: {
    /**
     * Size limit of the `emptyDir`; the kubelet evicts the pod (and with it every stored report) above it.
     */
    sizeLimit?: string;
  };
}
/**
 * Values of charts/risk-assessment.
 */
export interface RiskAssessmentValues {
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
   * The risk-assessment container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of risk-assessment pods while `autoscaling` is disabled. Recalculation batches are claimed in PostgreSQL, so replicas share the work.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Server configuration, rendered into `config.yaml` of the ConfigMap `<fullname>-config`; a change rolls the pods.
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
   * The risk model, rendered into `scoring.yaml` of the ConfigMap `<fullname>-scoring` and checked at render time: weights add up to 1, thresholds strictly descend from `critical` to `low`, remediation deadlines never shrink from `critical` to `low`. A change rolls the pods.
   */
  scoring?: {
    /**
     * Weight of each factor in the 0-10 risk score.
     */
    weights?: {
      /**
       * CVSS base score of the vulnerability. Weights are fractions of 1 and must add up to 1.
       */
      cvss?: number;
      /**
       * Exploit availability and EPSS probability. Weights are fractions of 1 and must add up to 1.
       */
      exploitability?: number;
      /**
       * Business criticality of the affected asset. Weights are fractions of 1 and must add up to 1.
       */
      assetCriticality?: number;
      /**
       * Network exposure of the affected asset (internet-facing, internal, isolated). Weights are fractions of 1 and must add up to 1.
       */
      exposure?: number;
      /**
       * Active exploitation reported by threat intelligence (CISA KEV, feeds). Weights are fractions of 1 and must add up to 1.
       */
      threatIntelligence?: number;
    };
    /**
     * Score boundaries of the severity ratings; a score below `low` is rated `info`.
     */
    thresholds?: {
      /**
       * Lowest risk score (0-10) rated `critical`.
       */
      critical?: number;
      /**
       * Lowest risk score (0-10) rated `high`.
       */
      high?: number;
      /**
       * Lowest risk score (0-10) rated `medium`.
       */
      medium?: number;
      /**
       * Lowest risk score (0-10) rated `low`.
       */
      low?: number;
    };
    /**
     * Remediation deadlines by rating.
     */
    remediationSlaDays?: {
      /**
       * Days to remediate a `critical` risk before it is reported as overdue.
       */
      critical?: number;
      /**
       * Days to remediate a `high` risk before it is reported as overdue.
       */
      high?: number;
      /**
       * Days to remediate a `medium` risk before it is reported as overdue.
       */
      medium?: number;
      /**
       * Days to remediate a `low` risk before it is reported as overdue.
       */
      low?: number;
    };
    /**
     * Factor applied to the score of a vulnerability in the CISA KEV catalog (capped at 10).
     */
    knownExploitedMultiplier?: number;
    /**
     * Accepted risks are re-opened for review after this many days.
     */
    acceptedRiskReviewDays?: number;
  };
  /**
   * Periodic recalculation of every open risk (new CVE data, changed assets).
   */
  recalculation?: {
    /**
     * Minutes between two recalculations.
     */
    intervalMinutes?: number;
    /**
     * Risks recalculated per database transaction.
     */
    batchSize?: number;
  };
  /**
   * PostgreSQL database of the risk-assessment. Connection settings are plain values; the password is only accepted as a Secret reference (exposed to the container as `DATABASE_PASSWORD`).
   */
  postgresql?: {
    /**
     * PostgreSQL host name.
     */
    host?: string;
    /**
     * PostgreSQL port.
     */
    port?: number;
    /**
     * Database name.
     */
    database?: string;
    /**
     * Database user.
     */
    username?: string;
    sslMode?: "verify-full" & string;
    caCertificate?: SecretReference;
    /**
     * Where the database password comes from.
     */
    password?: SecretReference;
    /**
     * Connection pool of each replica.
     */
    pool?: {
      /**
       * Upper bound of open connections per replica.
       */
      maxOpenConnections?: number;
      /**
       * Idle connections kept per replica (at most `maxOpenConnections`).
       */
      maxIdleConnections?: number;
      /**
       * Connections older than this are recycled.
       */
      connMaxLifetimeSeconds?: number;
    };
  };
  /**
   * Platform services the risk assessment calls (its `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The vulnerability-analyzer, source of vulnerability findings.
     */
    vulnerabilityAnalyzer?: {
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
     * The analysis-service, source of SAST, DAST, dependency and secrets findings.
     */
    analysisService?: {
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
   * Ports of the risk-assessment container: `http` serves the risk API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The risk-assessment Service.
   */
  service?: Service;
  /**
   * The risk-assessment ServiceAccount (its identity for the AuthorizationPolicies of the services it calls).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the risk-assessment container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the risk-assessment container.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (PostgreSQL unreachable or the scoring model invalid).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the service up to two minutes to start (database migrations) before the liveness probe takes over.
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
   * Horizontal autoscaling of the risk-assessment pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one risk-assessment pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the risk-assessment pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish its recalculation batch.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the risk-assessment pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the risk-assessment. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the risk-assessment metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/scan-sandbox.
 */
export interface ScanSandboxValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * The scanner-manager that runs scans here: its ServiceAccount gets a Role in this namespace (create/get/list/watch/delete Jobs, read pods and their logs) and nothing else. It must live in another namespace: the chart refuses its own.
   */
  manager?: {
    /**
     * Namespace of the scanner-manager Deployment (the application layer's namespace).
     */
    namespace?: string;
    /**
     * Name of scanner-manager's ServiceAccount in `namespace` (the scanner-manager chart names it after its release).
     */
    serviceAccount?: string;
  };
  /**
   * The ServiceAccount scan pods run as (scanner-manager's `scans.jobs.serviceAccountName`). It mounts no API token and is bound to nothing.
   */
  runner?: {
    /**
     * Its name.
     */
    serviceAccountName?: string;
  };
  /**
   * Also render the namespace's `default` ServiceAccount with `automountServiceAccountToken: false`, so a pod created here without a ServiceAccount gets no API token either.
   */
  disableDefaultServiceAccountToken?: boolean;
  /**
   * How the scan pods are recognised: the allow policy selects pods carrying all of `podLabels` (scanner-manager puts them on every scan pod). Every other pod of the namespace stays under the default deny.
   */
  scanPods?: {
    /**
     * Labels every scan pod carries (at least one).
     */
    podLabels?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * What scan pods may reach: cluster DNS, and public addresses on `internet.ports` (registries, git hosts, scanners' vulnerability databases, scanned URLs). Private, shared (carrier-grade NAT), link-local (cloud metadata) and loopback ranges are always excepted; nothing in the cluster but DNS is reachable, and IPv6 not at all. Results go back through the Kubernetes API (the manager reads the Job's pod and its log), never over the network.
   */
  egress?: {
    /**
     * The cluster DNS pods (UDP and TCP 53).
     */
    dns?: {
      /**
       * Namespace of the DNS pods.
       */
      namespace?: string;
      /**
       * Labels of the DNS pods (at least one: never every pod of that namespace).
       */
      podLabels?: {
        [k: string]: string | undefined;
      };
    };
    /**
     * Public destinations: `0.0.0.0/0` on `ports`, except 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), 100.64.0.0/10 (RFC 6598), 169.254.0.0/16 (link-local, cloud metadata), 127.0.0.0/8 (loopback) and `extraExcept`.
     */
    internet?: {
      /**
       * TCP ports scan pods may open to public addresses.
       *
       * @minItems 1
       */
      ports?: [number, ...number[]];
      /**
       * More IPv4 CIDRs scan pods must not reach, e.g. a public Kubernetes API endpoint or the cluster's own load balancers.
       */
      extraExcept?: string[];
    };
  };
  /**
   * The namespace's ResourceQuota: what all scan pods together may hold at once. Size it to scanner-manager's worst case (`scans.maxConcurrent` scans of the largest enabled scanners); a scan beyond it is refused by the API server.
   */
  resourceQuota?: {
    /**
     * Pods not yet finished (Kubernetes counts pods that are neither Succeeded nor Failed).
     */
    pods?: number;
    /**
     * Sum of the pods' CPU and memory requests.
     */
    requests?: ScanSandboxComputeResources;
    /**
     * Sum of the pods' CPU and memory limits.
     */
    limits?: ScanSandboxComputeResources;
  };
  /**
   * The namespace's LimitRange for containers: defaults for a container that sets no resources (the quota makes resources mandatory), and the most one container may ask for.
   */
  limitRange?: {
    /**
     * Limits given to a container that sets none.
     */
    default?: ScanSandboxComputeResources;
    /**
     * Requests given to a container that sets none.
     */
    defaultRequest?: ScanSandboxComputeResources;
    /**
     * Largest limits one container may set (at least the largest scanner's).
     */
    max?: ScanSandboxComputeResources;
  };
}
/**
 * A CPU and a memory quantity.
 */
export interface ScanSandboxComputeResources {
  /**
   * CPU quantity (`250m`, `0.5`, `2`).
   */
  cpu: string | number;
  /**
   * Memory quantity (`512Mi`, `4Gi`).
   */
  memory: string | number;
}
/**
 * Values of charts/scanner-manager.
 */
export interface ScannerManagerValues {
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
   * The scanner-manager container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of scanner-manager pods while `autoscaling` is disabled. Replicas coordinate through PostgreSQL (scan queue rows are claimed with `SKIP LOCKED`), so any replica may start any scan.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Server configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/scanner-manager`); a change rolls the pods.
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
   * How scans run: global concurrency, queueing, the sandbox namespace and the shape of the scan Jobs.
   */
  scans?: {
    /**
     * Scan Jobs running at once across all scanners and replicas; requests beyond it wait in the queue.
     */
    maxConcurrent?: number;
    /**
     * Pending scan requests kept in the queue; beyond it the API answers 429.
     */
    queueSize?: number;
    /**
     * `activeDeadlineSeconds` of a scan Job whose scanner sets no `timeoutSeconds`.
     */
    defaultTimeoutSeconds?: number;
    /**
     * Namespace the manager creates scan Jobs in: the scan sandbox (the `scan-sandbox` chart), whose Role is the manager's only right to run Jobs. It must differ from the release namespace (the chart refuses it), so that a scan pod can neither mount the manager's Secrets nor run as its ServiceAccounts.
     */
    namespace?: string;
    /**
     * Settings of every scan Job the manager creates in `scans.namespace`.
     */
    jobs?: {
      /**
       * Finished Jobs (and their pods) are deleted after this many seconds.
       */
      ttlSecondsAfterFinished?: number;
      /**
       * Retries of a failed scan pod before the Job fails.
       */
      backoffLimit?: number;
      /**
       * ServiceAccount of the scan pods in `scans.namespace` (the sandbox's `runner.serviceAccountName`: no API token, no RBAC). The Job template also sets `automountServiceAccountToken: false`.
       */
      serviceAccountName?: string;
      /**
       * Size limit of the `emptyDir` each scan pod gets at `/tmp` (its root filesystem is read-only).
       */
      scratchSizeLimit?: string;
      /**
       * PriorityClass of the scan pods; empty for the cluster default.
       */
      priorityClassName?: string;
      /**
       * Node labels the scan pods must run on (e.g. a dedicated scanning node pool).
       */
      nodeSelector?: NodeSelector;
      /**
       * Tolerations of the scan pods.
       */
      tolerations?: Tolerations;
    };
  };
  /**
   * The scanner catalog, by scanner name (the name scan requests use). An environment can add a scanner or change one scanner's tag without repeating the others.
   */
  scanners?: {
    [k: string]: ScannerManagerScanner | undefined;
  };
  /**
   * PostgreSQL database of the scanner-manager. Connection settings are plain values; the password is only accepted as a Secret reference (exposed to the container as `DATABASE_PASSWORD`).
   */
  postgresql?: {
    /**
     * PostgreSQL host name.
     */
    host?: string;
    /**
     * PostgreSQL port.
     */
    port?: number;
    /**
     * Database name.
     */
    database?: string;
    /**
     * Database user.
     */
    username?: string;
    sslMode?: "verify-full" & string;
    caCertificate?: SecretReference;
    /**
     * Where the database password comes from.
     */
    password?: SecretReference;
    /**
     * Connection pool of each replica.
     */
    pool?: {
      /**
       * Upper bound of open connections per replica.
       */
      maxOpenConnections?: number;
      /**
       * Idle connections kept per replica (at most `maxOpenConnections`).
       */
      maxIdleConnections?: number;
      /**
       * Connections older than this are recycled.
       */
      connMaxLifetimeSeconds?: number;
    };
  };
  /**
   * Platform services the manager calls (its `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The authentication service, which validates callers' tokens.
     */
    authentication?: {
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
     * The notification service, told about finished and failed scans.
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
   * Ports of the scanner-manager container: `http` serves the scan API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The scanner-manager Service.
   */
  service?: Service;
  /**
   * The scanner-manager ServiceAccount. Its API token is mounted (`automountServiceAccountToken: true`) because the manager creates scan Jobs through the Kubernetes API; the scan sandbox's Role (Jobs, pods and pod logs of `scans.namespace`) is all the token may do.
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the scanner-manager container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the scanner-manager container (the scans themselves run in Jobs with the scanners' own resources).
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (PostgreSQL or the Kubernetes API unreachable).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the manager up to two minutes to start (database migrations) before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables from Secrets, by variable name (e.g. registry credentials of a private scanner).
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Horizontal autoscaling of the scanner-manager pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one scanner-manager pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the scanner-manager pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to hand its claimed queue entries back.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the scanner-manager pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`. The scan pods' policies belong to the sandbox namespace (the `scan-sandbox` chart). With `egress.enabled`, allow the Kubernetes API server in `egress.allowedCidrs`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the scanner-manager. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS. Scan pods are always labelled `sidecar.istio.io/inject: "false"`: they stay outside the mesh whatever the sandbox namespace's labels say.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the scanner-manager metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * One scanner of the catalog: the image a scan Job runs and what a single Job may use. A scanner added by an environment needs at least `image` (with a tag or digest) and `resources`; the chart refuses it otherwise.
 */
export interface ScannerManagerScanner {
  /**
   * Offer this scanner; a disabled scanner is left out of the catalog and scans asking for it are refused.
   */
  enabled?: boolean;
  /**
   * Human-readable purpose, shown in the scanner list of the API.
   */
  description?: string;
  /**
   * Image of the scan Job's container (`global.imageRegistry` applies here too). It must be pullable without a Secret (`pullSecrets` is refused, and so is `global.imagePullSecrets`): the sandbox namespace holds no Secret.
   */
  image?: ContainerImage;
  /**
   * Arguments placed before the scan-specific arguments the manager adds (target, output format).
   *
   * Items: One argument.
   */
  args?: string[];
  /**
   * Requests and limits of one scan Job of this scanner (all four required).
   */
  resources?: ContainerResources;
  /**
   * Scan Jobs of this scanner running at once; at most `scans.maxConcurrent`.
   */
  maxConcurrent?: number;
  /**
   * `activeDeadlineSeconds` of this scanner's Jobs; 0 uses `scans.defaultTimeoutSeconds`.
   */
  timeoutSeconds?: number;
}
/**
 * Values of charts/secret-stores.
 */
export interface SecretStoresValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * Seconds between the operator's re-validations of every store (a store's own `refreshInterval` wins); 0 keeps the operator default.
   */
  refreshInterval?: number;
  /**
   * How often the operator retries a failing store call before it reports the store unhealthy, for every store.
   */
  retrySettings?: {
    /**
     * Retries of a failed provider call; 0 keeps the operator default.
     */
    maxRetries?: number;
    /**
     * Pause between retries (Go duration); empty keeps the operator default.
     */
    retryInterval?: string;
  };
  /**
   * The ClusterSecretStores of the environment. Store credentials are never values: cloud stores use workload identity, Vault uses its Kubernetes auth method (or a token in an existing Secret), the `kubernetes` store a ServiceAccount the chart creates, and `fake` needs none.
   *
   * Items: One `ClusterSecretStore`. Exactly the section named by `provider` is read.
   */
  stores?: {
    /**
     * Store name, as the charts' `externalSecret.secretStoreRef.name` write it (the platform convention is `vault-<environment>`).
     */
    name: string;
    /**
     * Backend of the store.
     */
    provider: "vault" | "aws" | "gcp" | "azure" | "kubernetes" | "fake";
    /**
     * Namespaces whose ExternalSecrets may use the store; empty allows every namespace.
     *
     * Items: A namespace.
     */
    namespaces?: string[];
    /**
     * Seconds between the operator's re-validations of the store; 0 keeps the operator default.
     */
    refreshInterval?: number;
    /**
     * HashiCorp Vault (KV engine).
     */
    vault?: {
      /**
       * Vault address.
       */
      server: string;
      /**
       * Mount path of the KV engine (default `secret`).
       */
      path?: string;
      /**
       * KV engine version (default `v2`).
       */
      version?: "v1" | "v2";
      /**
       * Vault Enterprise namespace; empty for none.
       */
      namespace?: string;
      /**
       * ConfigMap holding the CA that signed Vault's certificate; omit for a publicly trusted certificate.
       */
      caConfigMap?: {
        /**
         * ConfigMap name.
         */
        name: string;
        /**
         * ConfigMap namespace.
         */
        namespace: string;
        /**
         * Key with the PEM bundle (default `ca.crt`).
         */
        key?: string;
      };
      /**
       * How the operator logs in to Vault.
       */
      auth?: {
        /**
         * `kubernetes` (a ServiceAccount token, no stored credential) or `token` (a Vault token in an existing Secret).
         */
        method: "kubernetes" | "token";
        /**
         * Kubernetes auth method of Vault.
         */
        kubernetes?: {
          /**
           * Mount path of the auth method (default `kubernetes`).
           */
          mountPath?: string;
          /**
           * Vault role bound to the ServiceAccount.
           */
          role: string;
          /**
           * ServiceAccount whose token logs in; omit to use the operator's own ServiceAccount.
           */
          serviceAccountRef?: {
            /**
             * ServiceAccount name.
             */
            name: string;
            /**
             * ServiceAccount namespace.
             */
            namespace: string;
          };
        };
        /**
         * The Vault token, by reference to an existing Secret (never inline).
         */
        tokenSecretRef?: {
          /**
           * Secret name.
           */
          name: string;
          /**
           * Secret namespace.
           */
          namespace: string;
          /**
           * Key holding the token.
           */
          key: string;
        };
      };
    };
    /**
     * AWS Secrets Manager or Parameter Store, authenticated with IRSA (a ServiceAccount's web identity), no stored credential.
     */
    aws?: {
      /**
       * AWS service (default `SecretsManager`).
       */
      service?: "SecretsManager" | "ParameterStore";
      /**
       * AWS region.
       */
      region: string;
      /**
       * IAM role ARN to assume; empty uses the ServiceAccount's role.
       */
      role?: string;
      /**
       * ServiceAccount annotated with the IAM role (IRSA).
       */
      serviceAccountRef: {
        /**
         * ServiceAccount name.
         */
        name: string;
        /**
         * ServiceAccount namespace.
         */
        namespace: string;
      };
    };
    /**
     * Google Secret Manager with Workload Identity, no stored credential.
     */
    gcp?: {
      /**
       * Project holding the secrets.
       */
      projectID: string;
      /**
       * Region of regional secrets; empty for global secrets.
       */
      location?: string;
      /**
       * Location of the GKE cluster.
       */
      clusterLocation: string;
      /**
       * Name of the GKE cluster.
       */
      clusterName: string;
      /**
       * Project of the cluster, when it differs from `projectID`.
       */
      clusterProjectID?: string;
      /**
       * Kubernetes ServiceAccount bound to the Google service account.
       */
      serviceAccountRef: {
        /**
         * ServiceAccount name.
         */
        name: string;
        /**
         * ServiceAccount namespace.
         */
        namespace: string;
      };
    };
    /**
     * Azure Key Vault with Workload Identity, no stored credential.
     */
    azure?: {
      /**
       * Key Vault URL.
       */
      vaultUrl: string;
      /**
       * Entra ID tenant.
       */
      tenantId: string;
      /**
       * ServiceAccount federated with the managed identity.
       */
      serviceAccountRef: {
        /**
         * ServiceAccount name.
         */
        name: string;
        /**
         * ServiceAccount namespace.
         */
        namespace: string;
      };
    };
    /**
     * Secrets of another namespace of this cluster (e.g. the database credentials CloudNativePG and the `postgresql` chart generate in `data`), read with a dedicated ServiceAccount the chart creates there with read access to Secrets.
     */
    kubernetes?: {
      /**
       * Namespace the Secrets are read from.
       */
      remoteNamespace: string;
      /**
       * Reader ServiceAccount the chart creates in `remoteNamespace`; empty means `<store name>-reader`.
       */
      serviceAccountName?: string;
      /**
       * Secrets the reader may get; empty allows every Secret of the namespace.
       *
       * Items: A Secret name.
       */
      secretNames?: string[];
    };
    /**
     * The external-secrets `fake` provider for development: it serves deterministic placeholders derived from each key and property name (`dev-` + a hash). There is deliberately no field for a value, so no secret can be written into values.
     */
    fake?: {
      /**
       * Keys the store answers.
       *
       * Items: One key.
       */
      entries: {
        /**
         * Key (path) as the ExternalSecrets' `remoteRef.key` write it.
         */
        key: string;
        /**
         * JSON properties of the entry (`remoteRef.property`); empty serves one plain placeholder.
         *
         * Items: A property name.
         */
        properties?: string[];
      }[];
    };
  }[];
}
/**
 * Values of charts/sync-identities.
 */
export interface SyncIdentitiesValues {
  /**
   * Values shared with every chart of an environment.
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
  /**
   * `app.kubernetes.io/component` of every object of the chart.
   */
  component?: string;
  partOf?: string;
  commonLabels?: CommonLabels;
  commonAnnotations?: CommonAnnotations;
  /**
   * Render the sync identities. False takes every platform and application namespace's sync account out: Argo CD then refuses those syncs (no service account to impersonate), and the render tests fail on every environment that sets it. Only for taking the chart apart.
   */
  enabled?: boolean;
  /**
   * GENERATED by the generator from the environment's plan (`helm.valuesObject`), never written by hand: every namespace the platform and application layers deploy into, its labels (managedNamespaceMetadata of the Applications deploying there) and the rules of its sync identity's Role (the kinds those components render, tools/src/gitops/sync-identities.ts).
   *
   * Items: One namespace and its sync identity.
   */
  namespaces?: {
    /**
     * The namespace.
     */
    name: string;
    /**
     * Labels of the Namespace (Pod Security and the environment's namespace labels).
     */
    labels: {
      /**
       * A label value.
       */
      [k: string]: string | undefined;
    };
    /**
     * Rules of the sync identity's Role.
     */
    rules: SyncIdentitiesPolicyRule[];
  }[];
  /**
   * Rules the sync identity of a namespace must hold besides `namespaces[].rules`, by namespace: the permissions of every Role a component renders there. Kubernetes refuses to let anyone create a Role granting permissions it does not hold, or bind it (escalation prevention, kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping); test/render/sync-impersonation.test.ts checks that they are held.
   */
  heldRules?: {
    /**
     * Rules of one namespace.
     */
    [k: string]: SyncIdentitiesPolicyRule[] | undefined;
  };
}
/**
 * A Kubernetes RBAC PolicyRule (rbac.authorization.k8s.io/v1).
 */
export interface SyncIdentitiesPolicyRule {
  /**
   * API groups; "" is the core group.
   *
   * @minItems 1
   *
   * Items: An API group.
   */
  apiGroups: [string, ...string[]];
  /**
   * Resource names (plurals, `resource/subresource`); no wildcard.
   *
   * @minItems 1
   *
   * Items: A resource.
   */
  resources: [string, ...string[]];
  /**
   * Verbs; no wildcard.
   *
   * @minItems 1
   *
   * Items: A verb.
   */
  verbs: [
    "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection",
    ...("get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection")[]
  ];
  /**
   * Names the rule is limited to; absent means every name.
   *
   * Items: An object name.
   */
  resourceNames?: string[];
}
/**
 * Values of charts/vulnerability-analyzer.
 */
export interface VulnerabilityAnalyzerValues {
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
   * The vulnerability-analyzer container image; the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of analyzer pods while `autoscaling` is disabled. Every pod reads the same CVE database volume.
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * Server configuration, rendered into `config.yaml` of the chart's ConfigMap (mounted at `/etc/vulnerability-analyzer`); a change rolls the pods.
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
   * Analysis workers inside each pod.
   */
  workers?: {
    /**
     * Analyses a pod runs in parallel; each holds its findings and candidate CVEs in memory, so size `resources.limits.memory` with it.
     */
    concurrency?: number;
    /**
     * Analyses waiting per pod before the API answers 429.
     */
    queueSize?: number;
    /**
     * Upper bound for one analysis.
     */
    analysisTimeoutSeconds?: number;
    /**
     * Packages matched against the database per batch.
     */
    matchBatchSize?: number;
  };
  /**
   * The CVE database cache the analyzer matches against.
   */
  cveDatabase?: {
    /**
     * Where the database is mounted in the analyzer and refresh containers.
     */
    mountPath?: string;
    /**
     * `pvc`: a PersistentVolumeClaim shared by all analyzer pods (read-only) and refreshed by the `feedRefresh` CronJob. `emptyDir`: each pod downloads and refreshes its own copy in-process (development).
     */
    storage?: "pvc" | "emptyDir";
    /**
     * The PersistentVolumeClaim `<fullname>-cve-db` (storage `pvc`).
     */
    persistence?: {
      /**
       * Use this existing claim instead of creating one.
       */
      existingClaim?: string;
      /**
       * StorageClass of the claim; empty uses the cluster default. It must support the access mode below.
       */
      storageClass?: string;
      /**
       * Access modes of the claim. `ReadWriteMany` lets analyzer pods on every node read the database while the refresh Job writes it.
       *
       * @minItems 1
       *
       * Items: An access mode.
       */
      accessModes?: [
        "ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany" | "ReadOnlyMany",
        ...("ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany" | "ReadOnlyMany")[]
      ];
      /**
       * Requested capacity.
       */
      size?: string;
      /**
       * Annotate the claim with `helm.sh/resource-policy: keep`, so uninstalling the chart does not throw away a database that takes hours to download.
       */
      keepOnUninstall?: boolean;
      /**
       * Annotations of the claim.
       */
      annotations?: {
        [k: string]: string | undefined;
      };
    };
    /**
     * The per-pod `emptyDir` (storage `emptyDir`).
     */
    emptyDir?: {
      /**
       * Size limit of the emptyDir; the pod is evicted beyond it.
       */
      sizeLimit?: string;
    };
  };
  /**
   * Vulnerability feeds the database is built from.
   */
  feeds?: {
    /**
     * The analyzer reports itself not ready when the newest successful refresh is older than this (0 never).
     */
    maxAgeHours?: number;
    /**
     * Refresh interval of the analyzer's own refresh loop, used when no CronJob refreshes the database (storage `emptyDir` or `feedRefresh.enabled: false`).
     */
    inProcessIntervalMinutes?: number;
    /**
     * The NIST National Vulnerability Database (CVE API 2.0).
     */
    nvd?: {
      /**
       * Download this feed.
       */
      enabled?: boolean;
      /**
       * Feed endpoint.
       */
      url?: string;
      /**
       * NVD API key; without one NVD throttles the download to a few requests per minute.
       */
      apiKey?: {
        /**
         * Send an API key (exposed as `NVD_API_KEY`).
         */
        enabled?: boolean;
        /**
         * Where the NVD API key comes from.
         */
        secret?: SecretReference;
      };
    };
    /**
     * OSV.dev ecosystem advisories (bulk export).
     */
    osv?: {
      /**
       * Download this feed.
       */
      enabled?: boolean;
      /**
       * Feed endpoint.
       */
      url?: string;
    };
    /**
     * GitHub Security Advisories (GraphQL API); needs a token.
     */
    ghsa?: {
      /**
       * Download this feed.
       */
      enabled?: boolean;
      /**
       * Feed endpoint.
       */
      url?: string;
      /**
       * Where the GitHub token comes from (exposed as `GITHUB_TOKEN`; no scopes needed).
       */
      token?: SecretReference;
    };
    /**
     * CISA Known Exploited Vulnerabilities catalog.
     */
    cisaKev?: {
      /**
       * Download this feed.
       */
      enabled?: boolean;
      /**
       * Feed endpoint.
       */
      url?: string;
    };
    /**
     * FIRST EPSS exploit prediction scores.
     */
    epss?: {
      /**
       * Download this feed.
       */
      enabled?: boolean;
      /**
       * Feed endpoint.
       */
      url?: string;
    };
  };
  /**
   * The CronJob `<fullname>-feed-refresh` that downloads the feeds into the shared database volume (storage `pvc` only).
   */
  feedRefresh?: {
    /**
     * Create the CronJob. Needs `cveDatabase.storage: pvc`; without it the analyzer refreshes in-process.
     */
    enabled?: boolean;
    /**
     * Cron schedule.
     */
    schedule?: string;
    /**
     * IANA time zone of the schedule.
     */
    timeZone?: string;
    /**
     * Pause the schedule without deleting the CronJob.
     */
    suspend?: boolean;
    /**
     * What happens when a refresh is still running at the next schedule (two writers would corrupt the database, so `Allow` is not offered).
     */
    concurrencyPolicy?: "Forbid" | "Replace";
    /**
     * A run that could not start within this many seconds of its schedule is skipped.
     */
    startingDeadlineSeconds?: number;
    /**
     * Finished Jobs kept.
     */
    successfulJobsHistoryLimit?: number;
    /**
     * Failed Jobs kept for inspection.
     */
    failedJobsHistoryLimit?: number;
    /**
     * Retries of a failed refresh pod.
     */
    backoffLimit?: number;
    /**
     * A refresh running longer is stopped.
     */
    activeDeadlineSeconds?: number;
    /**
     * Finished Jobs are deleted after this many seconds.
     */
    ttlSecondsAfterFinished?: number;
    /**
     * Resources of the refresh container (decompressing and indexing the feeds needs memory).
     */
    resources?: ContainerResources;
    /**
     * Inject the Istio sidecar into refresh pods. Off by default: a sidecar that never exits keeps the Job from completing, and the feeds are outside the mesh.
     */
    istioSidecar?: boolean;
  };
  /**
   * Platform services the analyzer calls (its `platform.mcp-security.io/dependencies`).
   */
  upstreams?: {
    /**
     * The enrichment service (threat intelligence for matched CVEs).
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
     * The scanner-manager, from which the analyzer fetches scan results.
     */
    scannerManager?: {
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
   * Ports of the analyzer container: `http` serves the analysis API, `/healthz` and `/readyz`; `metrics` serves Prometheus metrics.
   */
  containerPorts?: ContainerPorts;
  /**
   * The vulnerability-analyzer Service.
   */
  service?: Service;
  /**
   * The vulnerability-analyzer ServiceAccount (its identity for the AuthorizationPolicies of the services it calls); also used by the refresh Jobs.
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the vulnerability-analyzer container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the analyzer container. Memory-heavy: the CVE index is memory-mapped and every worker holds its candidate set; the container gets `GOMEMLIMIT` from the memory limit.
   */
  resources?: ContainerResources;
  /**
   * Restarts the container when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while `/readyz` fails (database missing or older than `feeds.maxAgeHours`).
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives the analyzer up to five minutes to open and index the CVE database before the liveness probe takes over.
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
   * Horizontal autoscaling of the analyzer pods (memory is usually the better signal).
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one analyzer pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the vulnerability-analyzer pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish running analyses; keep it above `workers.analysisTimeoutSeconds` to never cut one short.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the analyzer pods: only declared callers reach `http`, only the monitoring namespace reaches `metrics`. The refresh pods get a deny-all-ingress policy while it is enabled.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the analyzer. The metrics port bypasses the sidecar so Prometheus can scrape it without mTLS.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the vulnerability-analyzer metrics.
   */
  serviceMonitor?: ServiceMonitor;
}
/**
 * Values of charts/web-ui.
 */
export interface WebUiValues {
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
   * The web-ui image: the React build on `nginx-unprivileged` (static files in `/usr/share/nginx/html`); the tag defaults to the chart's `appVersion`.
   */
  image?: ContainerImage;
  /**
   * Number of web-ui pods while `autoscaling` is disabled (stateless).
   */
  replicaCount?: number;
  revisionHistoryLimit?: number;
  /**
   * The unprivileged nginx serving the static React build (`/usr/share/nginx/html`); rendered into `default.conf` of the chart's ConfigMap.
   */
  server?: {
    /**
     * Compress text responses (HTML, CSS, JavaScript, JSON, SVG).
     */
    gzip?: boolean;
    /**
     * Log every request to stdout as JSON.
     */
    accessLog?: boolean;
    /**
     * `Cache-Control: max-age` of the fingerprinted files under `/assets/` (served `immutable`); `index.html` and the runtime configuration are never cached.
     */
    assetCacheMaxAgeSeconds?: number;
    /**
     * Largest request body nginx accepts (the UI only serves files).
     */
    clientMaxBodySize?: string;
    /**
     * Addresses of the proxies in front of the UI (the gateway, the mesh) whose `X-Forwarded-For` is trusted for the client address in the access log; empty logs the proxy's address.
     *
     * Items: A CIDR.
     */
    trustedProxyCidrs?: string[];
  };
  /**
   * Configuration the browser app reads at start from `/runtime/config.json` (never cached), so one image serves every environment. Rendered into the chart's ConfigMap; a change rolls the pods.
   */
  runtimeConfig?: {
    /**
     * Base URL of the platform API as the browser sees it (a path behind the same gateway, or an absolute `https://` URL whose origin is then allowed in the CSP `connect-src`).
     */
    apiBaseUrl?: string;
    /**
     * URL of the MCP endpoint the UI's agent console talks to (a path, or an absolute `https://` URL whose origin is then allowed in the CSP `connect-src`).
     */
    mcpEndpoint?: string;
    /**
     * OpenID Connect login of the single-page app (authorization code flow with PKCE; no client secret exists).
     */
    auth?: {
      /**
       * OIDC issuer URL; its origin is allowed in the CSP `connect-src`. Empty uses the platform's authentication service behind the gateway (`/auth`).
       */
      issuerUrl?: string;
      /**
       * Public OIDC client ID of the UI.
       */
      clientId?: string;
      /**
       * Requested scopes.
       *
       * @minItems 1
       *
       * Items: A scope.
       */
      scopes?: [string, ...string[]];
      /**
       * Path of the login callback route.
       */
      redirectPath?: string;
    };
    /**
     * Environment indication shown in the UI.
     */
    environment?: {
      /**
       * Environment name shown in a banner; empty shows no banner (production).
       */
      name?: string;
      /**
       * Banner colour (CSS hex).
       */
      bannerColor?: string;
    };
    /**
     * Feature flags by name.
     */
    features?: {
      [k: string]: boolean | undefined;
    };
  };
  /**
   * Security headers nginx adds to every response (`always`, also on errors).
   */
  securityHeaders?: {
    /**
     * `Content-Security-Policy`.
     */
    contentSecurityPolicy?: {
      /**
       * Send the header.
       */
      enabled?: boolean;
      /**
       * Send `Content-Security-Policy-Report-Only` instead (violations are reported, not blocked) while tightening a policy.
       */
      reportOnly?: boolean;
      /**
       * Directives by name, each a list of sources (written in sorted order). `script-src` (or `default-src` without it) may not contain `'unsafe-inline'` or `'unsafe-eval'`. The origins of `runtimeConfig.auth.issuerUrl` and of an absolute `runtimeConfig.apiBaseUrl` or `runtimeConfig.mcpEndpoint` are added to `connect-src`.
       */
      directives?: {
        /**
         * Sources (`'self'`, `'none'`, `https://cdn.example.com`, `data:`, ...).
         *
         * Items: A source.
         */
        [k: string]: string[] | undefined;
      };
      /**
       * Add `upgrade-insecure-requests`.
       */
      upgradeInsecureRequests?: boolean;
      /**
       * Where browsers report violations (`report-uri`); empty reports nowhere.
       */
      reportUri?: string;
    };
    /**
     * `Strict-Transport-Security` (the UI is only served over HTTPS by the gateway).
     */
    strictTransportSecurity?: {
      /**
       * Send the header.
       */
      enabled?: boolean;
      /**
       * `max-age`.
       */
      maxAgeSeconds?: number;
      /**
       * Add `includeSubDomains`.
       */
      includeSubDomains?: boolean;
      /**
       * Add `preload` (needs `includeSubDomains` and at least a year).
       */
      preload?: boolean;
    };
    /**
     * `X-Frame-Options` (for browsers without CSP `frame-ancestors`).
     */
    frameOptions?: "DENY" | "SAMEORIGIN";
    /**
     * `Referrer-Policy`.
     */
    referrerPolicy?: "no-referrer" | "same-origin" | "strict-origin" | "strict-origin-when-cross-origin";
    /**
     * `Permissions-Policy` by feature, each an allowlist such as `()` (nobody) or `(self)`.
     */
    permissionsPolicy?: {
      /**
       * Allowlist.
       */
      [k: string]: string | undefined;
    };
    /**
     * `Cross-Origin-Opener-Policy`.
     */
    crossOriginOpenerPolicy?: "same-origin" | "same-origin-allow-popups" | "unsafe-none";
    /**
     * `Cross-Origin-Resource-Policy`.
     */
    crossOriginResourcePolicy?: "same-origin" | "same-site" | "cross-origin";
    /**
     * More response headers by name.
     */
    extra?: {
      [k: string]: string | undefined;
    };
  };
  /**
   * The `nginx-prometheus-exporter` sidecar: it reads nginx's `stub_status` on `127.0.0.1:8081` (never exposed) and serves Prometheus metrics on `containerPorts.metrics`.
   */
  metricsExporter?: {
    /**
     * Run the exporter (needed for `serviceMonitor`).
     */
    enabled?: boolean;
    /**
     * The exporter image.
     */
    image?: ContainerImage;
    /**
     * Resources of the exporter container.
     */
    resources?: ContainerResources;
  };
  /**
   * Ports of the pod: `http` (nginx) serves the UI and `/healthz`; `metrics` is served by the exporter sidecar.
   */
  containerPorts?: ContainerPorts;
  /**
   * The web-ui Service.
   */
  service?: Service;
  /**
   * Direct exposure through the platform's Istio Gateway. Off by default: the UI is normally reached through the `gateway` service, which lists `web-ui` as a dependency and routes `/` to it.
   */
  exposure?: Exposure;
  /**
   * The web-ui ServiceAccount (the UI calls no service itself).
   */
  serviceAccount?: ServiceAccount;
  podAnnotations?: PodAnnotations;
  podLabels?: PodLabels;
  /**
   * Pod security context (PSS restricted).
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the web-ui container (PSS restricted, read-only root filesystem).
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Resources of the nginx container.
   */
  resources?: ContainerResources;
  /**
   * Restarts nginx when `/healthz` stops answering.
   */
  livenessProbe?: ContainerProbe;
  /**
   * Takes the pod out of the Service while nginx does not answer.
   */
  readinessProbe?: ContainerProbe;
  /**
   * Gives nginx up to thirty seconds to start before the liveness probe takes over.
   */
  startupProbe?: ContainerProbe;
  extraEnv?: ExtraEnv;
  /**
   * Extra environment variables of the nginx container from Secrets, by variable name (the static UI normally needs none).
   */
  secretEnv?: SecretEnvironmentVariables;
  extraVolumes?: ExtraVolumes;
  extraVolumeMounts?: ExtraVolumeMounts;
  /**
   * Horizontal autoscaling of the web-ui pods.
   */
  autoscaling?: HorizontalPodAutoscaling;
  /**
   * Keeps at least one web-ui pod serving during node drains.
   */
  pdb?: PodDisruptionBudget;
  /**
   * Spreading of the web-ui pods.
   */
  topologySpreadConstraints?: TopologySpreadConstraints;
  nodeSelector?: NodeSelector;
  tolerations?: Tolerations;
  affinity?: Affinity;
  priorityClassName?: string;
  /**
   * Seconds a terminating pod gets to finish responses in flight.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * NetworkPolicy of the web-ui pods: only declared callers (the gateway) reach `http`, only the monitoring namespace reaches `metrics`.
   */
  networkPolicy?: NetworkPolicy;
  /**
   * Mesh membership and the AuthorizationPolicy of the web-ui. The metrics port bypasses the sidecar.
   */
  istio?: Istio;
  /**
   * Prometheus scraping of the exporter (requests, connections).
   */
  serviceMonitor?: ServiceMonitor;
}
