import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { applicationCharts, valuesScenarios, type ChartDir } from "../../../tools/src/charts/discover.js";
import { helmLint, helmTemplate } from "../../../tools/src/helm/helm.js";
import { formatProblems, validateRendered } from "../../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../../tools/src/paths.js";
import type { JsonSchema } from "../../../tools/src/schemas/json-schema.js";
import { formatResults, runChartSuites } from "../../../tools/src/unittest/index.js";
import { valuesMistakes } from "../../support/schema-mistakes.js";
import { compareText } from "../../../tools/src/text/compare-text.js";

/**
 * The harness every chart under charts/ goes through, with no per-chart code: render and lint under
 * Helm 3.17 and Helm 4.1 (identical output required), strict Kubernetes validation with Pod
 * Security "restricted" checks, schema strictness, and the chart's helm-unittest suites.
 */
const SCHEMA_ERROR = "values don't meet the specifications of the schema(s)";

/** The number of test files the harness is split into, so that vitest's workers share it. */
export const HARNESS_SHARDS = 6;

/**
 * About how many Helm processes a chart's harness tests run: two per helm-unittest test (Helm 4 and
 * Helm 3), four per values scenario (render and lint under both), and six for the schema mistakes.
 * Helm's start-up is most of each, so this is most of a chart's time.
 */
export function harnessWeight(chart: ChartDir): number {
  const tests = join(chart.dir, "tests");
  const jobs = existsSync(tests)
    ? readdirSync(tests)
        .filter((file) => file.endsWith("_test.yaml"))
        .reduce((count, file) => count + (readFileSync(join(tests, file), "utf8").match(/^\s*-\s+it:/gm)?.length ?? 0), 0)
    : 0;
  return 2 * jobs + 4 * valuesScenarios(chart).length + 6;
}

/**
 * The charts of one shard (1-based): every chart under charts/, heaviest first, each to the shard
 * with the least weight so far (ties to the lower shard), so the shards take about as long as each
 * other. CHARTS=a,b limits a local run to some charts; CI always runs every chart.
 */
export function harnessCharts(shard: number, root = repoRoot): ChartDir[] {
  const only = process.env.CHARTS?.split(",").map((c) => c.trim()).filter(Boolean);
  const load = Array.from({ length: HARNESS_SHARDS }, () => 0);
  const assigned = applicationCharts(root)
    .map((chart) => ({ chart, weight: harnessWeight(chart) }))
    .sort((a, b) => b.weight - a.weight || compareText(a.chart.name, b.chart.name))
    .map(({ chart, weight }) => {
      const target = load.indexOf(Math.min(...load));
      load[target] = (load[target] ?? 0) + weight;
      return { chart, shard: target + 1 };
    });
  return assigned
    .filter((a) => a.shard === shard)
    .map((a) => a.chart)
    .sort((a, b) => compareText(a.name, b.name))
    .filter((c) => !only || only.includes(c.name));
}

/** Defines the harness's tests for the charts of one shard. */
export function chartHarness(shard: number): void {
  const charts = harnessCharts(shard);
  describe.each(charts.map((c) => [c.name, c] as const))("chart %s", (_name, chart) => {
    const scenarios = valuesScenarios(chart);

    it.each(scenarios.map((s) => [s.name, s] as const))("renders %s identically under Helm 3.17 and Helm 4.1, with valid, restricted objects", (_s, scenario) => {
      const helm4 = helmTemplate("helm", chart.dir, { releaseName: chart.name, namespace: "mcp-platform", valuesFiles: scenario.files });
      expect(helm4.stderr.replace(/^.*(dependency|Dependency).*\n/gm, ""), "Helm 4 stderr").not.toMatch(/Error/);
      expect(helm4.status, helm4.stderr).toBe(0);
      const helm3 = helmTemplate("helm3", chart.dir, { releaseName: chart.name, namespace: "mcp-platform", valuesFiles: scenario.files });
      expect(helm3.status, helm3.stderr).toBe(0);
      expect(helm3.stdout, "Helm 3.17 and Helm 4.1 render differently").toBe(helm4.stdout);
      const problems = validateRendered(helm4.stdout, `${chart.name} (${scenario.name})`);
      expect(formatProblems(problems), "rendered objects").toBe("");
    });

    it.each(scenarios.map((s) => [s.name, s] as const))("lints %s under both Helm versions", (_s, scenario) => {
      for (const binary of ["helm", "helm3"] as const) {
        const lint = helmLint(binary, chart.dir, scenario.files);
        expect(lint.status, `${binary} lint: ${lint.stdout}${lint.stderr}`).toBe(0);
      }
    });

    const schema = JSON.parse(readFileSync(join(chart.dir, "values.schema.json"), "utf8")) as JsonSchema;
    const mistakes = valuesMistakes(schema);
    it("has mistakes to try: a misspelled top-level key, a misspelled nested key and a wrong type", () => {
      expect(mistakes.map((m) => m.name.split(" ")[0])).toEqual(["misspelled", "misspelled", "wrong"]);
    });

    it.each(mistakes.map((m) => [m.name, m] as const))("rejects %s under both Helm versions", (_m, mistake) => {
      const dir = mkdtempSync(join(tmpdir(), "values-mistake-"));
      const file = join(dir, "values.yaml");
      writeFileSync(file, stringify(mistake.values));
      for (const binary of ["helm", "helm3"] as const) {
        const result = helmTemplate(binary, chart.dir, { releaseName: chart.name, valuesFiles: [file] });
        expect(result.status, `${binary} accepted ${JSON.stringify(mistake.values)}`).not.toBe(0);
        expect(result.stderr).toContain(SCHEMA_ERROR);
      }
    });

    it.each(["helm", "helm3"] as const)("passes its helm-unittest suites under %s", (binary) => {
      const results = runChartSuites(chart.dir, { helm: binary, ci: true });
      expect(results.length, `${chart.name} has no tests/*_test.yaml`).toBeGreaterThan(0);
      const failed = results.some((suite) => !suite.passed);
      expect(failed ? formatResults(results) : "", "helm-unittest suites").toBe("");
    });
  });
}
