/* GENERATED from schemas/charts/gateway.json by `nx run generate:schemas`. Do not edit. */

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
 * Values of the `gateway` chart: the platform's public entry, an API gateway behind the Istio ingress gateway that authenticates requests, applies CORS and rate limits and routes them to the backend services.
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
