import type { ComponentSource } from "../../catalog/chart-metadata.js";
import type { EnvironmentSpec } from "../environment-model.js";
import { toYaml } from "../serialize.js";
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from "./application-health.js";
import { ARGOCD_NAMESPACE, argocdUrl, LABELS, PART_OF } from "./conventions.js";
import { notificationsConfig } from "./notifications.js";

/** Kept for the importers of this module; the check itself lives in application-health.ts. */
export { APPLICATION_HEALTH_KEY };

/** The `argocd-cm` entries the environment decides: its URL, OIDC SSO, no admin or anonymous user, no web terminal, and the Application health check. */
export function argocdCmData(environment: EnvironmentSpec): Record<string, string> {
  const { oidc } = environment.argocd;
  return {
    url: argocdUrl(environment.domain),
    "admin.enabled": "false",
    "users.anonymous.enabled": "false",
    "exec.enabled": "false",
    "application.resourceTrackingMethod": "annotation",
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
  };
}

/** The upstream chart through which Argo CD manages itself. */
export function isArgoCdChart(source: ComponentSource): boolean {
  return source.kind === "upstream" && source.chart === "argo-cd";
}
