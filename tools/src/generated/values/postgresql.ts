/* GENERATED from schemas/charts/postgresql.json by `nx run generate:schemas`. Do not edit. */

/**
 * Values of the `postgresql` chart: the platform's CloudNativePG PostgreSQL cluster and the per-service databases, roles and credentials.
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
     * Database name (the service's name by convention).
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
