/* GENERATED from schemas/charts/istio-config.json by `nx run generate:schemas`. Do not edit. */

/**
 * Values of the `istio-config` chart: the platform's public Istio Gateway and the mesh-wide security and telemetry defaults.
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
