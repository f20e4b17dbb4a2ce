/* GENERATED from schemas/charts/monitoring-config.json by `nx run generate:schemas`. Do not edit. */

/**
 * Values of the `monitoring-config` chart: the platform's alert rules, dashboards, Argo CD ServiceMonitors and Alertmanager routes on kube-prometheus-stack.
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
