import type { ComponentSource } from "../../catalog/chart-metadata.js";
import type { EnvironmentSpec } from "../environment-model.js";
import { toYaml } from "../serialize.js";
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from "./application-health.js";
import { ARGOCD_NAMESPACE, argocdUrl, LABELS, PART_OF } from "./conventions.js";
import { notificationsConfig } from "./notifications.js";
import { GITOPS_SYNC_SERVICE_ACCOUNT, INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT, SYNC_VERBS } from "../sync-identities.js";

/**
 * argocd-cm key switching sync impersonation on (argo-cd v3.4.4
 * docs/operator-manual/app-sync-using-impersonation.md:56-63; read by settings.IsImpersonationEnabled,
 * controller/sync.go:285-305). Always on: every AppProject names the identity of each of its
 * destinations, and with the flag off every sync would run as the application controller again,
 * whose ClusterRole in the argo-cd chart is `*` on `*` (templates/argocd-application-controller/clusterrole.yaml).
 */
export const SYNC_IMPERSONATION_KEY = "application.sync.impersonation.enabled";

/** Kept for the importers of this module; the check itself lives in application-health.ts. */
export { APPLICATION_HEALTH_KEY };

/** The `argocd-cm` entries the environment decides: its URL, OIDC SSO, no admin or anonymous user, no web terminal, sync impersonation, and the Application health check. */
export function argocdCmData(environment: EnvironmentSpec): Record<string, string> {
  const { oidc } = environment.argocd;
  return {
    url: argocdUrl(environment.domain),
    "admin.enabled": "false",
    "users.anonymous.enabled": "false",
    "exec.enabled": "false",
    "application.resourceTrackingMethod": "annotation",
    [SYNC_IMPERSONATION_KEY]: "true",
    "oidc.config": toYaml({ name: oidc.name, issuer: oidc.issuer, clientID: oidc.clientID, clientSecret: `$${oidc.clientSecretKey}`, requestedScopes: oidc.requestedScopes }),
    [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA,
  };
}

/** The `argocd-rbac-cm` entries: OIDC groups mapped to the built-in roles, and the default for everyone else. */
export function argocdRbacData(environment: EnvironmentSpec): Record<string, string> {
  const { rbac } = environment.argocd;
  const policyLines = [...[...rbac.adminGroups].sort().map((group) => `g, ${group}, role:admin`), ...[...rbac.readOnlyGroups].sort().map((group) => `g, ${group}, role:readonly`)];
  return {
    "policy.default": rbac.defaultRole,
    "policy.csv": policyLines.length > 0 ? `${policyLines.join("\n")}\n` : "",
    "policy.matchMode": "glob",
    scopes: "[groups]",
  };
}

/** The `argocd-notifications-cm` entries (services, triggers, templates) behind the environment's subscriptions. */
export function argocdNotificationsData(environment: EnvironmentSpec): Record<string, string> {
  return notificationsConfig(environment.notifications.subscriptions, { argocdUrl: argocdUrl(environment.domain), environment: environment.name }, toYaml);
}

/**
 * Argo CD is installed and then manages itself through the upstream `argo-cd` chart (a component
 * of the catalog; see argocd-bootstrap.ts). The generator hands that chart the configuration
 * environment.yaml decides: the pinned version, argocd-cm, argocd-rbac-cm and the notification
 * services, triggers and templates, as values of its Application (`helm.valuesObject`) and of the
 * bootstrap (apps/<env>/bootstrap/argo-cd-values.yaml).
 */
export function argocdChartValues(environment: EnvironmentSpec): Record<string, unknown> {
  const notifications = argocdNotificationsData(environment);
  const withPrefix = (prefix: string) => Object.fromEntries(Object.entries(notifications).filter(([key]) => key.startsWith(prefix)));
  return {
    global: { image: { tag: environment.argocd.version } },
    configs: { cm: argocdCmData(environment), rbac: argocdRbacData(environment) },
    notifications: { notifiers: withPrefix("service."), templates: withPrefix("template."), triggers: withPrefix("trigger.") },
    extraObjects: argocdSyncIdentities(),
  };
}

/**
 * The sync identities in Argo CD's namespace, created with Argo CD (the chart's `extraObjects`,
 * templates/extra-manifests.yaml of argo-cd 10.1.1) so that they exist before the root Application's
 * first sync: `argocd-gitops-sync` (the root and layer Applications: Applications and AppProjects in
 * this namespace only) and `argocd-infrastructure-sync` (the infrastructure layer and Argo CD
 * itself: cluster-admin, because they create CRDs, webhooks and the operators' ClusterRoles, and
 * Kubernetes lets only a holder of every permission a ClusterRole grants, or of `escalate` and
 * `bind`, create and bind it; see docs/security.md). Neither mounts a token: Argo CD impersonates them.
 */
export function argocdSyncIdentities(): Record<string, unknown>[] {
  const metadata = (name: string, namespaced = true) => ({ name, ...(namespaced ? { namespace: ARGOCD_NAMESPACE } : {}), labels: { [LABELS.partOf]: PART_OF } });
  const subject = (name: string) => [{ kind: "ServiceAccount", name, namespace: ARGOCD_NAMESPACE }];
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: metadata(GITOPS_SYNC_SERVICE_ACCOUNT), automountServiceAccountToken: false },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: metadata(GITOPS_SYNC_SERVICE_ACCOUNT), rules: [{ apiGroups: ["argoproj.io"], resources: ["applications", "appprojects"], verbs: [...SYNC_VERBS] }] },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: metadata(GITOPS_SYNC_SERVICE_ACCOUNT), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: GITOPS_SYNC_SERVICE_ACCOUNT }, subjects: subject(GITOPS_SYNC_SERVICE_ACCOUNT) },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: metadata(INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT), automountServiceAccountToken: false },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: metadata(INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT, false), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: subject(INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT) },
  ];
}

/** The upstream chart through which Argo CD manages itself. */
export function isArgoCdChart(source: ComponentSource): boolean {
  return source.kind === "upstream" && source.chart === "argo-cd";
}
