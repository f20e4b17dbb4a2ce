import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { problem, type Problem } from "../gitops/problems.js";
import { parseChartMetadata, type CatalogComponent } from "./chart-metadata.js";
import { parseUpstreamComponent } from "./upstream-component.js";
import { compareText } from "../text/compare-text.js";

export interface Catalog {
  /** Sorted by name. */
  components: CatalogComponent[];
  problems: Problem[];
}

/** One chart directory's Chart.yaml, read from disk. */
export interface ChartManifestText {
  directoryName: string;
  chartFile: string;
  text: string;
}

/** One schemas/upstream/<name>.json, read from disk. */
export interface UpstreamSchemaText {
  name: string;
  file: string;
  text: string;
}

/** The component catalog from already-read Chart.yaml files and upstream schemas (pure). */
export function buildCatalog(charts: readonly ChartManifestText[], upstream: readonly UpstreamSchemaText[] = []): Catalog {
  const components: CatalogComponent[] = [];
  const problems: Problem[] = [];
  for (const chart of charts) {
    const result = parseChartMetadata(chart.directoryName, chart.chartFile, chart.text);
    if (result.kind === "component") components.push(result.component);
    if (result.kind === "invalid") problems.push(...result.problems);
  }
  for (const schema of upstream) {
    const result = parseUpstreamComponent(schema.name, schema.file, schema.text);
    problems.push(...result.problems);
    if (!result.component) continue;
    const chart = components.find((c) => c.name === schema.name);
    if (chart) {
      problems.push(problem("GEN010", schema.file, `component "${schema.name}" is defined twice: by ${chart.definedIn} and by ${schema.file}.`, { fix: "Rename or delete one of them: a component name must be unique across charts/ and schemas/upstream/." }));
      continue;
    }
    components.push(result.component);
  }
  return { components: components.sort((a, b) => compareText(a.name, b.name)), problems };
}

/** Every `charts/<dir>/Chart.yaml` under a root, sorted by directory name. */
export function readChartManifests(root: string): ChartManifestText[] {
  const dir = join(root, "charts");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "Chart.yaml")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ directoryName: name, chartFile: `charts/${name}/Chart.yaml`, text: readFileSync(join(dir, name, "Chart.yaml"), "utf8") }));
}

/** Every `schemas/upstream/<name>.json` under a root, sorted by name. */
export function readUpstreamSchemas(root: string): UpstreamSchemaText[] {
  const dir = join(root, "schemas", "upstream");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ name: file.slice(0, -".json".length), file: `schemas/upstream/${file}`, text: readFileSync(join(dir, file), "utf8") }));
}

/** The component catalog of a repository checkout. */
export function loadCatalog(root: string): Catalog {
  return buildCatalog(readChartManifests(root), readUpstreamSchemas(root));
}
