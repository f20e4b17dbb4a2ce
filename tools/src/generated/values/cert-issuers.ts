/* GENERATED from schemas/charts/cert-issuers.json by `nx run generate:schemas`. Do not edit. */

/**
 * Values of the `cert-issuers` chart: the cert-manager `ClusterIssuer` every platform certificate is requested from (self-signed CA, ACME or a corporate CA, per environment) and the Certificates infrastructure services need.
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
