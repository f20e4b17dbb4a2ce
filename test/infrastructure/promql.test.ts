import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { alertRuleProblems, dashboardExpressions, expressionProblems, loadKnownMetrics, prometheusRuleExpressions } from "../../tools/src/promql/index.js";
import { ENVIRONMENTS, environmentValuesFile, renderChart } from "./support.js";

/**
 * Every alert rule and dashboard query monitoring-config renders, in every CI scenario and every
 * environment, parses with the Prometheus PromQL parser and reads only metrics that the platform or
 * the upstream components expose (test/infrastructure/known-metrics.yaml, with the source of each).
 */
const known = loadKnownMetrics(join(repoRoot, "test", "infrastructure", "known-metrics.yaml"));
const ciDir = join(repoRoot, "charts", "monitoring-config", "ci");
const scenarios = [
  { name: "chart defaults", files: [] as string[] },
  ...readdirSync(ciDir).filter((f) => f.endsWith("-values.yaml")).sort().map((f) => ({ name: `ci/${f}`, files: [join(ciDir, f)] })),
  ...ENVIRONMENTS.map((environment) => ({ name: `environments/${environment}`, files: [environmentValuesFile(environment, "monitoring-config")] })),
];

describe.each(scenarios.map((s) => [s.name, s] as const))("monitoring-config with %s", (_name, scenario) => {
  const objects = renderChart("monitoring-config", "monitoring", scenario.files);
  const rules = prometheusRuleExpressions(objects);
  const panels = dashboardExpressions(objects);

  it("every alert expression parses and reads only known metrics", () => {
    expect(expressionProblems(rules, known)).toEqual([]);
  });

  it("every alert has a severity, a runbook_url, a summary and a description", () => {
    expect(alertRuleProblems(rules)).toEqual([]);
  });

  it("every dashboard query parses and reads only known metrics", () => {
    expect(expressionProblems(panels, known)).toEqual([]);
  });
});

describe("the seed's alerts are all there", () => {
  const objects = renderChart("monitoring-config", "monitoring", [environmentValuesFile("production", "monitoring-config")]);
  const rules = prometheusRuleExpressions(objects);
  const alerts = new Map(rules.map((r) => [r.rule?.alert, r]));

  it.each([
    ["Argo CD sync failures", "ArgoCDSyncFailed", "argocd_app_sync_total"],
    ["Argo CD out of sync", "ArgoCDApplicationOutOfSync", "argocd_app_info"],
    ["application health degradation", "ArgoCDApplicationDegraded", "argocd_app_info"],
    ["CPU throttling", "ContainerCPUThrottling", "container_cpu_cfs_throttled_periods_total"],
    ["memory near limit", "ContainerMemoryNearLimit", "kube_pod_container_resource_limits"],
    ["PVC almost full", "PersistentVolumeAlmostFull", "kubelet_volume_stats_available_bytes"],
    ["Istio authorization denials", "IstioAuthorizationDenials", "envoy_http_rbac_denied"],
    ["failed authentications", "PlatformAuthenticationFailures", "authentication_failures_total"],
  ])("%s: %s reads %s", (_what, alert, metric) => {
    expect(alerts.get(alert)?.expr).toContain(metric);
  });

  it("the dashboards cover the platform overview, Argo CD and the golden signals", () => {
    const files = objects.filter((o) => o.kind === "ConfigMap").flatMap((o) => Object.keys((o.data as Record<string, string>) ?? {}));
    expect(files).toEqual(["platform-overview.json", "argocd.json", "golden-signals.json"]);
  });

  it("the checks fail on a rule that reads an unknown metric", () => {
    const broken = rules.map((r) => (r.rule?.alert === "ContainerMemoryNearLimit" ? { ...r, expr: r.expr.replace("kube_pod_container_resource_limits", "kube_pod_container_resource_limit") } : r));
    expect(expressionProblems(broken, known)).toEqual([
      'PrometheusRule/monitoring-config-alerts resources/ContainerMemoryNearLimit: metric "kube_pod_container_resource_limit" is not in the known-metrics list; add it with the component that exposes it, or fix the name.',
    ]);
  });
});
