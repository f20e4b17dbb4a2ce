/* GENERATED from schemas/charts/secret-stores.json by `nx run generate:schemas`. Do not edit. */

/**
 * Values of the `secret-stores` chart: the environment's external-secrets `ClusterSecretStore`s.
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
