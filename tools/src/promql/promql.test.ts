import { describe, expect, it } from "vitest";
import { analyzePromql, expandGrafanaVariables } from "./promql.js";
import { parseKnownMetrics, seriesNames } from "./known-metrics.js";
import { alertRuleProblems, dashboardExpressions, expressionProblems, prometheusRuleExpressions } from "./rules.js";
import type { KubeObject } from "../kubernetes/manifests.js";

describe("analyzePromql", () => {
  it("accepts valid expressions and lists the metrics they select", () => {
    expect(analyzePromql('sum by (namespace) (rate(istio_requests_total{reporter="destination"}[5m])) / on() group_left sum(up) > 1')).toEqual({
      metrics: ["istio_requests_total", "up"],
      problems: [],
    });
    expect(analyzePromql('histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))').metrics).toEqual(["x_bucket"]);
    expect(analyzePromql('count({__name__="by_name", job=~"a|b"})').metrics).toEqual(["by_name"]);
    expect(analyzePromql("max_over_time(sum(y)[1h:5m]) > bool 2").problems).toEqual([]);
  });

  it("reports syntax errors with their offset", () => {
    const { problems } = analyzePromql('sum(rate(x{job="a"[5m]))');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^syntax error at offset \d+/);
    expect(analyzePromql("").problems).toEqual(["the expression is empty"]);
    expect(analyzePromql("x >").problems[0]).toMatch(/syntax error/);
  });

  it("reports a range function without a range vector and a range vector where none is allowed", () => {
    expect(analyzePromql("rate(x)").problems).toEqual(['rate() at offset 0 needs a range vector as argument 1 (e.g. metric[5m]), got "x"']);
    expect(analyzePromql("quantile_over_time(0.9, y)").problems[0]).toMatch(/quantile_over_time\(\) .* argument 2/);
    expect(analyzePromql("sum(x[5m])").problems).toEqual(['"x[5m]" at offset 4 is a range vector where an instant vector is expected; only functions such as rate() or *_over_time() take one']);
  });

  it("turns Grafana variables into something Prometheus parses", () => {
    const expanded = expandGrafanaVariables('rate(x{ns="$namespace", pod=~"${workload}-.*"}[$__rate_interval])');
    expect(expanded).toBe('rate(x{ns="placeholder", pod=~"placeholder-.*"}[5m])');
    expect(analyzePromql(expanded).problems).toEqual([]);
  });
});

describe("known metrics", () => {
  const yaml = "metrics:\n  - {name: a_total, type: counter, source: svc, reference: docs}\n  - {name: h, type: histogram, source: svc, reference: docs}\n";

  it("reads the list and expands histograms to their series", () => {
    const known = parseKnownMetrics(yaml, "known.yaml");
    expect([...known.keys()]).toEqual(["a_total", "h"]);
    expect(seriesNames(known.get("h")!)).toEqual(["h_bucket", "h_sum", "h_count"]);
  });

  it("refuses entries without a source, a bad type or a duplicate", () => {
    expect(() => parseKnownMetrics("metrics:\n  - {name: a, type: counter, reference: x}\n", "k.yaml")).toThrow('k.yaml: metrics[0] (a): "source" must say where the metric comes from.');
    expect(() => parseKnownMetrics("metrics:\n  - {name: a, type: number, source: s, reference: x}\n", "k.yaml")).toThrow(/"type" must be one of/);
    expect(() => parseKnownMetrics(yaml + "  - {name: h, type: gauge, source: s, reference: x}\n", "k.yaml")).toThrow("k.yaml: metrics[2] (h): listed twice.");
    expect(() => parseKnownMetrics("rules: []\n", "k.yaml")).toThrow('k.yaml: expected a top-level "metrics:" list.');
  });
});

describe("rules and dashboards", () => {
  const known = parseKnownMetrics("metrics:\n  - {name: up, type: gauge, source: prometheus, reference: docs}\n  - {name: h, type: histogram, source: svc, reference: docs}\n", "k.yaml");
  const rule = (alert: string, expr: string, labels: Record<string, string>, annotations: Record<string, string>): KubeObject => ({
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "r" },
    spec: { groups: [{ name: "g", rules: [{ alert, expr, labels, annotations }] }] },
  });
  const good = { summary: "s", description: "d", runbook_url: "https://runbooks.example.com/a" };

  it("passes known metrics and complete alerts", () => {
    const found = prometheusRuleExpressions([rule("A", "up == 0", { severity: "critical" }, good)]);
    expect(found.map((f) => f.where)).toEqual(["PrometheusRule/r g/A"]);
    expect(expressionProblems(found, known)).toEqual([]);
    expect(alertRuleProblems(found)).toEqual([]);
  });

  it("reports unknown metrics, parse errors, and alerts without severity or runbook", () => {
    const found = prometheusRuleExpressions([rule("B", "rate(not_scraped_total[5m]) > 0 and (", {}, { summary: "s" })]);
    expect(expressionProblems(found, known)).toEqual([
      expect.stringMatching(/^PrometheusRule\/r g\/B: syntax error at offset/),
      'PrometheusRule/r g/B: metric "not_scraped_total" is not in the known-metrics list; add it with the component that exposes it, or fix the name.',
    ]);
    expect(alertRuleProblems(found)).toEqual([
      'PrometheusRule/r g/B: label "severity" is ""; use one of critical, warning, info.',
      'PrometheusRule/r g/B: annotation "runbook_url" must be an https URL of the alert\'s runbook.',
      'PrometheusRule/r g/B: annotation "description" is missing.',
    ]);
  });

  it("finds panel queries and query variables of dashboards in ConfigMaps", () => {
    const dashboard = {
      panels: [{ title: "Latency", targets: [{ expr: "histogram_quantile(0.9, sum by (le) (rate(h_bucket[$__rate_interval])))" }] }, { title: "Row", panels: [{ title: "Typo", targets: [{ expr: "sum(upp)" }] }] }],
      templating: { list: [{ name: "ns", type: "query", query: { query: 'label_values(up{job="x"}, namespace)' } }] },
    };
    const found = dashboardExpressions([{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "d" }, data: { "d.json": JSON.stringify(dashboard) } }]);
    expect(found.map((f) => f.where)).toEqual(['ConfigMap/d d.json panel "Latency"', 'ConfigMap/d d.json panel "Typo"', 'ConfigMap/d d.json variable "ns"']);
    expect(found[2]?.expr).toBe('up{job="x"}');
    expect(expressionProblems(found, known)).toEqual(['ConfigMap/d d.json panel "Typo": metric "upp" is not in the known-metrics list; add it with the component that exposes it, or fix the name.']);
  });
});
