import type { KubeObject } from "../kubernetes/manifests.js";
import { analyzePromql, expandGrafanaVariables } from "./promql.js";
import { seriesNames, type KnownMetric } from "./known-metrics.js";

/** One PromQL expression found in rendered objects, with where it came from. */
export interface FoundExpression {
  /** `PrometheusRule/<name> group/alert` or `ConfigMap/<name> <file> panel "<title>"`. */
  where: string;
  expr: string;
  /** Alerting rules only. */
  rule?: { alert: string; labels: Record<string, string>; annotations: Record<string, string> };
}

interface RuleGroup {
  name?: string;
  rules?: { alert?: string; record?: string; expr?: string; labels?: Record<string, string>; annotations?: Record<string, string> }[];
}

/** Every rule expression of every `monitoring.coreos.com/v1` PrometheusRule. */
export function prometheusRuleExpressions(objects: readonly KubeObject[]): FoundExpression[] {
  const found: FoundExpression[] = [];
  for (const obj of objects) {
    if (obj.kind !== "PrometheusRule" || obj.apiVersion !== "monitoring.coreos.com/v1") continue;
    const groups = ((obj.spec as { groups?: RuleGroup[] } | undefined)?.groups ?? []) as RuleGroup[];
    for (const group of groups) {
      for (const rule of group.rules ?? []) {
        const name = rule.alert ?? rule.record ?? "<unnamed>";
        found.push({
          where: `PrometheusRule/${obj.metadata?.name} ${group.name}/${name}`,
          expr: String(rule.expr ?? ""),
          ...(rule.alert ? { rule: { alert: rule.alert, labels: rule.labels ?? {}, annotations: rule.annotations ?? {} } } : {}),
        });
      }
    }
  }
  return found;
}

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

/** Every panel query (and query variable) of the Grafana dashboards in ConfigMaps, variables expanded. */
export function dashboardExpressions(objects: readonly KubeObject[]): FoundExpression[] {
  const found: FoundExpression[] = [];
  for (const obj of objects) {
    if (obj.kind !== "ConfigMap") continue;
    for (const [file, content] of Object.entries((obj.data as Record<string, string> | undefined) ?? {})) {
      if (!file.endsWith(".json")) continue;
      const dashboard = JSON.parse(content) as { panels?: Panel[]; templating?: { list?: { name?: string; type?: string; query?: unknown }[] } };
      const visit = (panels: Panel[]) => {
        for (const panel of panels) {
          for (const target of panel.targets ?? []) {
            if (target.expr) found.push({ where: `ConfigMap/${obj.metadata?.name} ${file} panel "${panel.title}"`, expr: expandGrafanaVariables(target.expr) });
          }
          visit(panel.panels ?? []);
        }
      };
      visit(dashboard.panels ?? []);
      for (const variable of dashboard.templating?.list ?? []) {
        if (variable.type !== "query") continue;
        const query = typeof variable.query === "string" ? variable.query : (variable.query as { query?: string } | undefined)?.query;
        const selector = /^label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\)$/.exec(query ?? "")?.[1];
        if (selector) found.push({ where: `ConfigMap/${obj.metadata?.name} ${file} variable "${variable.name}"`, expr: expandGrafanaVariables(selector) });
      }
    }
  }
  return found;
}

/** Problems of the expressions: parse/type errors and metrics missing from the allow-list. */
export function expressionProblems(expressions: readonly FoundExpression[], known: ReadonlyMap<string, KnownMetric>): string[] {
  const allowed = new Set([...known.values()].flatMap(seriesNames));
  const problems: string[] = [];
  for (const { where, expr } of expressions) {
    const analysis = analyzePromql(expr);
    for (const problem of analysis.problems) problems.push(`${where}: ${problem} in: ${expr}`);
    for (const metric of analysis.metrics) {
      if (!allowed.has(metric)) problems.push(`${where}: metric "${metric}" is not in the known-metrics list; add it with the component that exposes it, or fix the name.`);
    }
  }
  return problems;
}

const SEVERITIES = new Set(["critical", "warning", "info"]);

/** Alerting rules must say how bad they are and how to fix them. */
export function alertRuleProblems(expressions: readonly FoundExpression[]): string[] {
  const problems: string[] = [];
  for (const { where, rule } of expressions) {
    if (!rule) continue;
    if (!SEVERITIES.has(rule.labels.severity ?? "")) problems.push(`${where}: label "severity" is "${rule.labels.severity ?? ""}"; use one of ${[...SEVERITIES].join(", ")}.`);
    if (!/^https:\/\/\S+$/.test(rule.annotations.runbook_url ?? "")) problems.push(`${where}: annotation "runbook_url" must be an https URL of the alert's runbook.`);
    for (const key of ["summary", "description"]) {
      if (!rule.annotations[key]) problems.push(`${where}: annotation "${key}" is missing.`);
    }
  }
  return problems;
}
