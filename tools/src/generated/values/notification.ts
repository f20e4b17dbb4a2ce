/* GENERATED from schemas/charts/notification.json by `nx run generate:schemas`. Do not edit. */

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
 * Values of the `notification` chart: the platform's notification service, consuming notification events from a Redis stream and delivering them to Slack, e-mail (SMTP) and webhooks.
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
