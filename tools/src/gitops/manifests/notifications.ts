import type { NotificationService, NotificationTrigger, SubscriptionSpec } from "../environment-model.js";

interface TriggerDefinition {
  description: string;
  template: string;
  /** Argo CD Notifications condition: an expr-lang (github.com/expr-lang/expr) expression over `app`. */
  when: string;
  /** expr-lang expression; the trigger fires once per value it takes, formatted with Go's `%v` (notifications-engine pkg/triggers/service.go:96-103). */
  oncePer?: string;
  /** Go text/template (with sprig) over `.app`, the Application as Argo CD stores it. */
  summary: string;
  severity: "critical" | "error" | "warning" | "info";
}

/*
 * What Argo CD 3.x sets, and what it leaves empty (pkg/apis/application/v1alpha1/types.go at v3.4.4):
 * - `status.sync.revisions` (one per source) for a multi-source Application; `status.sync.revision`
 *   only for a single source (controller/state.go:571-581). Every component Application here is
 *   multi-source, so `status.sync.revision` is absent: a oncePer over it is the constant `<nil>`
 *   (an expr member access on a missing key yields nil, expr vm/runtime/runtime.go:58-70, printed
 *   with `%v`), and a template prints `<no value>`.
 * - `status.operationState.syncResult.revisions` for a multi-source sync, with `revision` the empty
 *   string (controller/sync.go:170-171); `revision` for a single source.
 * - `status.health.message` is deprecated and never set (types.go:1922-1925).
 * - A ComparisonError or InvalidSpecError condition means Argo CD cannot render or accept the
 *   Application, so no sync can start and no operation fails (controller/state.go:627,
 *   controller/appcontroller.go:1784-1799): on-sync-failed watches for them too.
 * Every condition reads `app.status` through `?.`, so that an Application Argo CD has not compared
 * yet (no status) is no error in the notifications controller's log (pkg/triggers/service.go:88-94).
 * The templates use only Go's builtins and sprig's `join`, so they render the same in
 * notifications-engine (sprig.TxtFuncMap without env/expandenv, pkg/templates/service.go:19-22) and
 * in the tests (Helm's tpl), and guard every optional field with `with`, so that no state prints
 * `<no value>`.
 */

/** The revisions Argo CD last compared the Application at, one per source. */
const SYNC_REVISIONS = '{{ with .app.status.sync.revisions }}{{ join ", " . }}{{ else }}{{ .app.status.sync.revision }}{{ end }}';

/** The revisions of the last sync operation, one per source (the single `revision` of a one-source sync). */
const OPERATION_REVISIONS = '{{ with .syncResult }}{{ with .revisions }}{{ join ", " . }}{{ else }}{{ .revision }}{{ end }}{{ end }}';

/** The conditions that keep an Application from being synced at all. */
const BLOCKING_CONDITIONS = ["ComparisonError", "InvalidSpecError"] as const;

/** The triggers environment.yaml may subscribe to, with the template each sends. */
export const TRIGGERS: Record<NotificationTrigger, TriggerDefinition> = {
  "on-deployed": {
    description: "The Application is synced and healthy at new revisions: once per set of revisions.",
    template: "app-deployed",
    // The last sync succeeded at the revisions the Application is now Synced at, and Argo CD has
    // compared it since (the health read is not from before the sync; cmd/argocd/commands/app.go:2745-2757
    // waits the same way).
    when: [
      "app.status?.operationState?.phase in ['Succeeded']",
      "app.status.health.status == 'Healthy'",
      "app.status.sync.status == 'Synced'",
      "(app.status.operationState.syncResult?.revisions ?? app.status.operationState.syncResult?.revision) == (app.status.sync.revisions ?? app.status.sync.revision)",
      "app.status.reconciledAt != nil",
      "app.status.operationState.finishedAt != nil",
      "app.status.reconciledAt >= app.status.operationState.finishedAt",
    ].join(" and "),
    oncePer: "app.status.sync.revisions ?? app.status.sync.revision",
    summary: `{{ .app.metadata.name }} is running revisions ${SYNC_REVISIONS}.`,
    severity: "info",
  },
  "on-health-degraded": {
    description: "The Application has degraded.",
    template: "app-health-degraded",
    when: "app.status?.health?.status == 'Degraded'",
    summary: `{{ .app.metadata.name }} is Degraded at revisions ${SYNC_REVISIONS} (sync status {{ .app.status.sync.status }}).`,
    severity: "critical",
  },
  "on-sync-failed": {
    description: "Syncing the Application failed, or Argo CD cannot render or accept it.",
    template: "app-sync-failed",
    when: `app.status?.operationState?.phase in ['Error', 'Failed'] or any(app.status?.conditions ?? [], {.type in [${BLOCKING_CONDITIONS.map((type) => `'${type}'`).join(", ")}]})`,
    // Each cause after a ":" the first time, a ";" after that.
    summary: [
      '{{ .app.metadata.name }} cannot sync{{ $sep := ":" }}',
      `{{ with .app.status.operationState }}{{ if or (eq .phase "Error") (eq .phase "Failed") }}{{ $sep }} sync {{ .phase }} at revisions ${OPERATION_REVISIONS}{{ with .message }}: {{ . }}{{ end }}{{ $sep = ";" }}{{ end }}{{ end }}`,
      `{{ range .app.status.conditions }}{{ if or ${BLOCKING_CONDITIONS.map((type) => `(eq .type "${type}")`).join(" ")} }}{{ $sep }} {{ .type }}: {{ .message }}{{ $sep = ";" }}{{ end }}{{ end }}`,
    ].join(""),
    severity: "error",
  },
  "on-sync-succeeded": {
    description: "Syncing the Application succeeded.",
    template: "app-sync-succeeded",
    when: "app.status?.operationState?.phase in ['Succeeded']",
    summary: `{{ .app.metadata.name }} synced revisions {{ with .app.status.operationState }}${OPERATION_REVISIONS}{{ end }}.`,
    severity: "info",
  },
  "on-sync-status-unknown": {
    description: "Argo CD cannot tell whether the Application is in sync.",
    template: "app-sync-status-unknown",
    when: "app.status?.sync?.status == 'Unknown'",
    summary: "Sync status of {{ .app.metadata.name }} is Unknown{{ range $index, $condition := .app.status.conditions }}{{ if $index }};{{ else }}:{{ end }} {{ $condition.type }}: {{ $condition.message }}{{ end }}",
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
