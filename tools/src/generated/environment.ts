/* GENERATED from schemas/environment.json by `nx run generate:schemas`. Do not edit. */

/**
 * One deployment environment of the MCP Security Platform (`environments/<env>/environment.yaml`). `nx run generate:gitops` turns it, the charts under `charts/` and the values files under `environments/<env>/values/` into the Argo CD app-of-apps under `apps/<env>/`.
 */
export interface Environment {
  /**
   * Name of the environment; must equal the directory name under `environments/`. Prefixes every generated Application and AppProject name, so keep it short.
   */
  name: string;
  /**
   * What this environment is for; shown at the top of the generated `apps/<env>/README.md`.
   */
  description?: string;
  /**
   * Kind of environment. `production` makes the generator reject moving references: every enabled component's `chartRevision` must be a full 40-character commit SHA in the history of `repository.revision` (main), its `imageTag` a release tag and, for a chart of this repository that takes an image, its `imageDigest` set. `development` may track a branch.
   */
  tier: "development" | "staging" | "production";
  /**
   * The Git repository holding this monorepo (charts, environments and the generated `apps/`).
   */
  repository: {
    /**
     * Clone URL Argo CD reads this repository from (HTTPS or SSH). Used as `repoURL` of every generated source and allowed in every AppProject's `sourceRepos`.
     */
    url: string;
    /**
     * Branch the root and layer Applications track: the desired state of this environment is `apps/<env>/` on this branch, where promotion pull requests are merged. Workloads never follow it: each component's chart and values come from its own pinned `chartRevision`. The generator checks that the branch exists in the clone it runs in (locally or as `origin/<branch>`) and that production pins are in its history.
     */
    revision?: string;
    /**
     * Additional Helm repositories (HTTPS, or OCI registry paths) added to the layer AppProjects' `sourceRepos` (least privilege: nothing else is allowed).
     *
     * Items: A Helm repository URL (`https://charts.jetstack.io`) or, for charts in an OCI registry, the registry path without a scheme as Argo CD 3.x expects it with `chart:` (`quay.io/jetstack/charts`; an `oci://` repoURL is fetched as a plain OCI artifact, not a Helm chart). No trailing slash.
     */
    upstreamChartRepositories?: string[];
  };
  /**
   * The Kubernetes cluster the environment's workloads are deployed to.
   */
  destination: {
    /**
     * API server URL of the destination cluster as registered in Argo CD; `https://kubernetes.default.svc` is the cluster Argo CD runs in.
     */
    server: string;
    /**
     * Namespace each layer's components are deployed to, unless a component sets its own `namespace`. Each layer AppProject may deploy only to the namespaces its components use.
     */
    namespaces?: {
      /**
       * Namespace of infrastructure components (operators, CRDs, mesh, certificates).
       */
      infrastructure?: string;
      /**
       * Namespace of platform components (the MCP server, gateways, identity, observability).
       */
      platform?: string;
      /**
       * Namespace of application components (tenant-facing workloads built on the platform).
       */
      application?: string;
    };
    /**
     * Labels Argo CD sets on the namespaces of the platform and application layers (`managedNamespaceMetadata`), e.g. the Istio injection label. Infrastructure namespaces get none (they hold the mesh itself, operators and node agents). Pod Security labels are not set here: the generator gives every namespace enforce/audit/warn `restricted`, or the weaker level a component deployed there declares with its reason (GEN018).
     */
    namespaceLabels?: {
      /**
       * Label value: at most 63 characters, alphanumeric at both ends, `-`, `_` and `.` inside (Kubernetes rejects any other).
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * DNS domain of the environment. The Argo CD UI is served at `https://argocd.<domain>` (the `url` in `argocd-cm`, required for SSO).
   */
  domain: string;
  /**
   * The Argo CD of the environment: installed by `apps/<env>/bootstrap/install-argo-cd.sh` and then managed by its own `argo-cd` component (the upstream argo-helm chart, same release and values).
   */
  argocd?: {
    /**
     * The Argo CD release the environment runs: the image tag given to the argo-cd chart, which must equal the appVersion of the argo-cd chart version the `argo-cd` component pins (schemas/upstream/argo-cd.json; a test checks it). Argo CD 3.0-3.4 bundle Helm 3 (v3.4.4: Helm 3.19.4); 3.5 bundles Helm 4: the charts render identically under both.
     */
    version?: string;
    /**
     * Whether this environment runs Argo CD highly available; the argo-cd values must then replicate the application controller, API server and repo server and use Redis HA (a test checks the render). Use it wherever an Argo CD outage matters.
     */
    highAvailability?: boolean;
    /**
     * OIDC single sign-on for the Argo CD UI and CLI (`oidc.config` in `argocd-cm`). The local admin user is always disabled, so SSO is the way in.
     */
    oidc?: {
      /**
       * Label of the login button.
       */
      name?: string;
      /**
       * OIDC issuer URL.
       */
      issuer?: string;
      /**
       * OIDC client ID registered for Argo CD.
       */
      clientID?: string;
      /**
       * Key in the `argocd-secret` Secret holding the client secret; referenced as `$<key>` so the secret never appears in Git.
       */
      clientSecretKey?: string;
      /**
       * Scopes requested from the issuer; `groups` is needed for the RBAC group mappings.
       *
       * Items: An OIDC scope.
       */
      requestedScopes?: string[];
    };
    /**
     * Who may do what in Argo CD (`argocd-rbac-cm`) and in the layer AppProjects' roles. Groups are OIDC group claims.
     */
    rbac?: {
      /**
       * Role of an authenticated user who matches no group (`policy.default`). Empty denies everything.
       */
      defaultRole?: "" | "role:readonly";
      /**
       * Groups bound to the built-in `role:admin`.
       *
       * Items: OIDC group: not empty, no comma, double quote, tab or line break, no leading space (Argo CD refuses such a project role group, and it would break the CSV of argocd-rbac-cm).
       */
      adminGroups?: string[];
      /**
       * Groups bound to the built-in `role:readonly`, and to each layer project's `read-only` role.
       *
       * Items: OIDC group: not empty, no comma, double quote, tab or line break, no leading space (Argo CD refuses such a project role group, and it would break the CSV of argocd-rbac-cm).
       */
      readOnlyGroups?: string[];
      /**
       * Groups bound to each layer project's `deployer` role: may view and sync (not create, edit or delete) the project's Applications.
       *
       * Items: OIDC group: not empty, no comma, double quote, tab or line break, no leading space (Argo CD refuses such a project role group, and it would break the CSV of argocd-rbac-cm).
       */
      deployerGroups?: string[];
    };
  };
  /**
   * How Argo CD syncs every generated Application of this environment.
   */
  syncPolicy?: {
    /**
     * Sync automatically when Git changes. When false, every sync is manual (`argocd app sync`).
     */
    automated?: boolean;
    /**
     * Delete resources that are no longer in Git during automated syncs.
     */
    prune?: boolean;
    /**
     * Revert changes made directly in the cluster during automated syncs.
     */
    selfHeal?: boolean;
    /**
     * Retries of a failed sync with exponential backoff.
     */
    retry?: {
      /**
       * Maximum number of retries.
       */
      limit?: number;
      /**
       * Delay before the first retry (Go duration).
       */
      duration?: string;
      /**
       * Factor the delay is multiplied by after each failed retry.
       */
      factor?: number;
      /**
       * Upper bound of the delay between retries (Go duration).
       */
      maxDuration?: string;
    };
  };
  /**
   * Time windows that allow or deny syncs, set on every AppProject of the environment (the gitops project of the root and layer Applications too, so a freeze also stops their automated pruning). Empty means syncs may happen at any time.
   *
   * Items: One sync window (Argo CD `syncWindows` entry applied to all Applications of the project).
   */
  syncWindows?: {
    /**
     * `allow` opens a window (syncs outside all allow windows are blocked); `deny` blocks syncs during the window.
     */
    kind: "allow" | "deny";
    /**
     * Start of the window as a cron expression, e.g. `0 8 * * 1-5`.
     */
    schedule: string;
    /**
     * Length of the window (Go duration), e.g. `10h`.
     */
    duration: string;
    /**
     * IANA time zone of the schedule.
     */
    timeZone?: string;
    /**
     * Allow manual syncs while a deny window (or no allow window) blocks automated ones.
     */
    manualSync?: boolean;
    /**
     * Why the window exists (at most 255 characters: Argo CD refuses a project whose window description is longer).
     */
    description?: string;
  }[];
  /**
   * Argo CD Notifications: which events of the workload Applications are sent where. The generator annotates the Applications (`notifications.argoproj.io/subscribe.<trigger>.<service>`) and configures the triggers, templates and services in `argocd-notifications-cm`; credentials live in the `argocd-notifications-secret` Secret (`slack-token`, `pagerduty-key-<recipient>`).
   */
  notifications?: {
    /**
     * Event subscriptions.
     *
     * Items: Send one trigger's notifications to recipients of one service.
     */
    subscriptions?: {
      /**
       * The event.
       */
      trigger: "on-deployed" | "on-health-degraded" | "on-sync-failed" | "on-sync-succeeded" | "on-sync-status-unknown";
      /**
       * Notification service: `slack` (recipients are channels) or `pagerdutyv2` (recipients are PagerDuty service names).
       */
      service: "slack" | "pagerdutyv2";
      /**
       * Channels or services to notify.
       *
       * @minItems 1
       *
       * Items: A recipient.
       */
      recipients: [string, ...string[]];
    }[];
  };
  /**
   * The clusters the environment runs in, when more than one (regions, or a blast-radius split). Leave it out for one cluster: the environment then runs in `destination.server` under today's names. The first cluster is the one Argo CD runs in (its server is `destination.server`); its Applications keep the names `<env>-<component>`, and only it runs the components deployed into Argo CD's namespace. Every other cluster gets every other enabled component as `<env>-<cluster>-<component>`, under per-cluster layer Applications `<env>-<cluster>-<layer>`, and is registered in Argo CD by a cluster Secret the external secret store fills (docs/clusters.md). Per-cluster values: `environments/<env>/clusters/<cluster>/values/<component>.yaml`, merged after the environment's values file.
   *
   * @minItems 1
   *
   * Items: One cluster of the environment.
   */
  clusters?: [
    {
      /**
       * Short name, unique in the environment (e.g. `eu`, `us`): the directory of its values overlays, the `<cluster>` of its Application names `<env>-<cluster>-<component>` (at most 63 characters, GEN040) and of its Argo CD cluster name `<env>-<cluster>`.
       */
      name: string;
      /**
       * API server URL Argo CD reaches the cluster at. The first cluster's is `destination.server` (leave it out, or repeat it); every other cluster needs its own, which may be neither `https://kubernetes.default.svc` nor another cluster's (GEN045).
       */
      server?: string;
      /**
       * The cloud region the cluster runs in (e.g. `eu-west-1`): the `topology.kubernetes.io/region` label of its Argo CD cluster Secret.
       */
      region: string;
      /**
       * Further labels of the cluster's Argo CD cluster Secret (Argo CD copies a cluster Secret's labels to the cluster, where ApplicationSet cluster generators select on them).
       */
      labels?: {
        /**
         * Label value: at most 63 characters, alphanumeric at both ends, `-`, `_` and `.` inside (Kubernetes rejects any other).
         */
        [k: string]: string | undefined;
      };
      /**
       * Where the external secret store holds the credentials Argo CD connects with (every cluster but the first; never written in this repository): properties `bearer-token` (a ServiceAccount token of the cluster) and `ca-data` (the base64 PEM CA of its API server) under `key`.
       */
      credentials?: {
        /**
         * Name of the ClusterSecretStore to read from (a store of the secret-stores chart that admits the `argocd` namespace, e.g. `vault-<env>`).
         */
        secretStore: string;
        /**
         * The key (path) in the store, e.g. `platform/production/clusters/us`.
         */
        key: string;
      };
      /**
       * Pins this cluster runs instead of the environment's `components.<component>` pins, while a progressive promotion (`nx run generate:promote -- --clusters <cluster>`) moves the environment cluster by cluster (docs/train.md). Written and removed by the promotion: a cluster that reached the new pins ahead of the others gets them here, and when every cluster runs the same pins they move back into `components:` and this block is removed. A field left out is the component's; `imageTag` and `imageDigest` name one image, so a cluster that sets either takes both from here (production needs the digest, GEN037). Only enabled components that run in the cluster (GEN048).
       */
      pins?: {
        /**
         * The pins of one component in this cluster.
         */
        [k: string]:
          | {
              /**
               * The component's `chartRevision` in this cluster (the same rules as `components.<component>.chartRevision`).
               */
              chartRevision?: string;
              /**
               * The component's `imageTag` in this cluster, with `imageDigest` beside it.
               */
              imageTag?: string;
              /**
               * The digest of the image `imageTag` names, in this cluster.
               */
              imageDigest?: string;
            }
          | undefined;
      };
    },
    ...{
      /**
       * Short name, unique in the environment (e.g. `eu`, `us`): the directory of its values overlays, the `<cluster>` of its Application names `<env>-<cluster>-<component>` (at most 63 characters, GEN040) and of its Argo CD cluster name `<env>-<cluster>`.
       */
      name: string;
      /**
       * API server URL Argo CD reaches the cluster at. The first cluster's is `destination.server` (leave it out, or repeat it); every other cluster needs its own, which may be neither `https://kubernetes.default.svc` nor another cluster's (GEN045).
       */
      server?: string;
      /**
       * The cloud region the cluster runs in (e.g. `eu-west-1`): the `topology.kubernetes.io/region` label of its Argo CD cluster Secret.
       */
      region: string;
      /**
       * Further labels of the cluster's Argo CD cluster Secret (Argo CD copies a cluster Secret's labels to the cluster, where ApplicationSet cluster generators select on them).
       */
      labels?: {
        /**
         * Label value: at most 63 characters, alphanumeric at both ends, `-`, `_` and `.` inside (Kubernetes rejects any other).
         */
        [k: string]: string | undefined;
      };
      /**
       * Where the external secret store holds the credentials Argo CD connects with (every cluster but the first; never written in this repository): properties `bearer-token` (a ServiceAccount token of the cluster) and `ca-data` (the base64 PEM CA of its API server) under `key`.
       */
      credentials?: {
        /**
         * Name of the ClusterSecretStore to read from (a store of the secret-stores chart that admits the `argocd` namespace, e.g. `vault-<env>`).
         */
        secretStore: string;
        /**
         * The key (path) in the store, e.g. `platform/production/clusters/us`.
         */
        key: string;
      };
      /**
       * Pins this cluster runs instead of the environment's `components.<component>` pins, while a progressive promotion (`nx run generate:promote -- --clusters <cluster>`) moves the environment cluster by cluster (docs/train.md). Written and removed by the promotion: a cluster that reached the new pins ahead of the others gets them here, and when every cluster runs the same pins they move back into `components:` and this block is removed. A field left out is the component's; `imageTag` and `imageDigest` name one image, so a cluster that sets either takes both from here (production needs the digest, GEN037). Only enabled components that run in the cluster (GEN048).
       */
      pins?: {
        /**
         * The pins of one component in this cluster.
         */
        [k: string]:
          | {
              /**
               * The component's `chartRevision` in this cluster (the same rules as `components.<component>.chartRevision`).
               */
              chartRevision?: string;
              /**
               * The component's `imageTag` in this cluster, with `imageDigest` beside it.
               */
              imageTag?: string;
              /**
               * The digest of the image `imageTag` names, in this cluster.
               */
              imageDigest?: string;
            }
          | undefined;
      };
    }[]
  ];
  /**
   * Every component of the catalog (each application chart under `charts/` and each upstream chart under `schemas/upstream/`), keyed by name: whether it runs here and at which revision. A component an environment does not list is not deployed there (the generator warns, GEN012), so list each one, `enabled: false` to record that it stays out.
   */
  components: {
    /**
     * One component in this environment.
     */
    [k: string]:
      | {
          /**
           * Deploy the component in this environment. An enabled component needs `chartRevision`, `environments/<env>/values/<component>.yaml` and, for a chart of this repository, `imageTag`.
           */
          enabled: boolean;
          /**
           * Git revision of this repository the values file (and a chart of this repository) is read at: `targetRevision` of the `ref: values` source and of the chart source. It must name a commit of the clone the generator runs in. Development follows the branch `main`; staging and production pin full 40-character commit SHAs of main's history (production accepts nothing else, and checks the commit is on `repository.revision`). Promoted from environment to environment.
           */
          chartRevision?: string;
          /**
           * Container image tag of a chart of this repository, passed as the Helm parameter `image.tag`; required when such a component is enabled. Production requires a release tag (`v1.2.3`) and pins the image by `imageDigest` as well (a tag can be moved). Upstream components (schemas/upstream/) take none: their chart version is pinned by `x-upstream.version`. Promoted from environment to environment.
           */
          imageTag?: string;
          /**
           * Content digest (`sha256:` and 64 lowercase hex digits) of the image `imageTag` names, passed as the Helm parameter `image.digest` beside `image.tag`: the chart then renders `repository:tag@digest` and the kubelet pulls exactly that image, whatever the tag is moved to later. Take it from the image build's pushed digest (the release pipeline records it; `crane digest <image>:<tag>` or `docker buildx imagetools inspect <image>:<tag>` prints it), never from a local `docker images`. Production requires it for every enabled chart of this repository that takes an image; upstream components take none. Promoted together with `imageTag`.
           */
          imageDigest?: string;
          /**
           * Namespace to deploy to; empty uses the component's own (an upstream component's `x-upstream.namespace`), else the layer's namespace from `destination.namespaces`.
           */
          namespace?: string;
          /**
           * Sync with server-side apply (`ServerSideApply=true`), needed for objects too large for the last-applied annotation such as big CRDs. Always on for the infrastructure layer.
           */
          serverSideApply?: boolean;
        }
      | undefined;
  };
}
