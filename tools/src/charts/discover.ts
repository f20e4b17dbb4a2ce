import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { compareText } from "../text/compare-text.js";

export interface ChartDir {
  name: string;
  dir: string;
  type: "application" | "library";
  description: string;
  /** The parsed Chart.yaml, for callers that read annotations or dependencies. */
  chart: Record<string, unknown>;
}

/** Every chart under `<root>/charts`, sorted by name; a folder without Chart.yaml is not a chart. */
export function listCharts(root: string): ChartDir[] {
  const chartsDir = join(root, "charts");
  if (!existsSync(chartsDir)) return [];
  return readdirSync(chartsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(chartsDir, entry.name, "Chart.yaml")))
    .map((entry) => {
      const dir = join(chartsDir, entry.name);
      const chart = (parseYaml(readFileSync(join(dir, "Chart.yaml"), "utf8")) ?? {}) as Record<string, unknown>;
      return {
        name: entry.name,
        dir,
        type: chart.type === "library" ? ("library" as const) : ("application" as const),
        description: typeof chart.description === "string" ? chart.description : "",
        chart,
      };
    })
    .sort((a, b) => compareText(a.name, b.name));
}

export function applicationCharts(root: string): ChartDir[] {
  return listCharts(root).filter((c) => c.type === "application");
}

/** The values scenarios a chart is tested with: its defaults plus each `ci/*-values.yaml`. */
export function valuesScenarios(chart: ChartDir): Array<{ name: string; files: string[] }> {
  const ciDir = join(chart.dir, "ci");
  const ci = existsSync(ciDir) ? readdirSync(ciDir).filter((f) => f.endsWith("-values.yaml")).sort() : [];
  return [{ name: "defaults", files: [] }, ...ci.map((f) => ({ name: f.replace(/-values\.yaml$/, ""), files: [join(ciDir, f)] }))];
}
