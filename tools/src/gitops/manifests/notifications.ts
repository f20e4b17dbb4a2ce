import type { NotificationService, NotificationTrigger, SubscriptionSpec } from "../environment-model.js";

interface TriggerDefinition {
  description: string;
  template: string;
  /** Argo CD Notifications (expr) condition. */
  when: string;
  oncePer?: string;
  summary: string;
  severity: "critical" | "error" | "warning" | "info";
}

/** The triggers environment.yaml may subscribe to, with the template each sends. */
export const TRIGGERS: Record<NotificationTrigger, TriggerDefinition> = {
  "on-deployed": {
    description: "The Application is synced and healthy at a new revision.",
    template: "app-deployed",
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy'",
    oncePer: "app.status.sync.revision",
    summary: "{{.app.metadata.name}} is running revision {{.app.status.sync.revision}}.",
    severity: "info",
  },
  "on-health-degraded": {
    description: "The Application has degraded.",
    template: "app-health-degraded",
    when: "app.status.health.status == 'Degraded'",
    summary: "{{.app.metadata.name}} is degraded: {{.app.status.health.message}}",
    severity: "critical",
  },
  "on-sync-failed": {
    description: "Syncing the Application failed.",
    template: "app-sync-failed",
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']",
    summary: "Sync of {{.app.metadata.name}} failed: {{.app.status.operationState.message}}",
    severity: "error",
  },
  "on-sync-succeeded": {
    description: "Syncing the Application succeeded.",
    template: "app-sync-succeeded",
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']",
    summary: "{{.app.metadata.name}} synced revision {{.app.status.sync.revision}}.",
    severity: "info",
  },
  "on-sync-status-unknown": {
    description: "Argo CD cannot tell whether the Application is in sync.",
    template: "app-sync-status-unknown",
    when: "app.status.sync.status == 'Unknown'",
    summary: "Sync status of {{.app.metadata.name}} is unknown.",
    severity: "warning",
  },
};

/**
 * The `argocd-notifications-cm` entries behind the environment's subscriptions: one service entry
 * per service used (credentials by `$key` reference into argocd-notifications-secret), and the
 * trigger and template of every subscribed trigger. Values are YAML documents, as Argo CD expects.
 * The environment's name and Argo CD URL are written into the templates, so they need no
 * `context` entry (which the Argo CD Helm chart does not carry through).
 */
export function notificationsConfig(subscriptions: readonly SubscriptionSpec[], context: { argocdUrl: string; environment: string }, toYaml: (value: unknown) => string): Record<string, string> {
  const data: Record<string, string> = {};
  const link = `${context.argocdUrl}/applications/{{.app.metadata.name}}`;
  const services = new Set<NotificationService>(subscriptions.map((s) => s.service));
  if (services.has("slack")) data["service.slack"] = toYaml({ token: "$slack-token" });
  if (services.has("pagerdutyv2")) {
    const pagerDutyRecipients = [...new Set(subscriptions.filter((s) => s.service === "pagerdutyv2").flatMap((s) => s.recipients))].sort();
    data["service.pagerdutyv2"] = toYaml({ serviceKeys: Object.fromEntries(pagerDutyRecipients.map((r) => [r, `$pagerduty-key-${r}`])) });
  }
  const triggers = [...new Set(subscriptions.map((s) => s.trigger))].sort();
  for (const trigger of triggers) {
    const definition = TRIGGERS[trigger];
    data[`trigger.${trigger}`] = toYaml([{ description: definition.description, send: [definition.template], when: definition.when, ...(definition.oncePer ? { oncePer: definition.oncePer } : {}) }]);
    data[`template.${definition.template}`] = toYaml({
      message: `[${context.environment}] ${definition.summary} ${link}`,
      pagerdutyv2: { summary: `[${context.environment}] ${definition.summary}`, severity: definition.severity, source: link },
    });
  }
  return data;
}
