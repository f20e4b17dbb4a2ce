import { existsSync, readdirSync, readFileSync } from "node:fs";
import { listCharts, type ChartDir } from "../charts/discover.js";
import { join } from "node:path";
import type { PlannedFile } from "../files/planned-files.js";
import { planVscodeSettings } from "../ide/vscode-settings.js";
import { bundleSchema, SchemaBundleError } from "./bundle.js";
import { defaultsOf } from "./defaults.js";
import type { JsonSchema } from "./json-schema.js";
import { lintSchema } from "./lint.js";
import { readJsonFile } from "./read-json.js";
import { combineChartSchemas, type BundledChartSchema } from "./combined-schema.js";
import { schemaToTypeScript } from "./typescript.js";
import { renderValuesTable, spliceValuesTable, valuesRows } from "./values-table.js";
import { renderValuesYaml } from "./values-yaml.js";
import { compareText } from "../text/compare-text.js";

export interface SchemaProblem {
  file: string;
  pointer: string;
  message: string;
}

export interface SchemaPlan {
  files: PlannedFile[];
  problems: SchemaProblem[];
}

const GENERATED_BY = "nx run generate:schemas";

/** Everything `nx run generate:schemas` writes, computed without touching the disk's outputs. */
export interface SchemaPlanOptions {
  /** Plan only these charts' outputs (for working on a few charts while others are mid-edit). */
  charts?: readonly string[];
}

export async function planSchemaOutputs(root: string, options: SchemaPlanOptions = {}): Promise<SchemaPlan> {
  const files: PlannedFile[] = [];
  const problems: SchemaProblem[] = [];
  const charts = listCharts(root);
  const schemaDir = join(root, "schemas", "charts");
  const allSchemaNames = existsSync(schemaDir) ? readdirSync(schemaDir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort() : [];
  const selected = (name: string): boolean => options.charts === undefined || options.charts.includes(name);
  const schemaNames = allSchemaNames.filter(selected);

  for (const chart of charts.filter((c) => c.type !== "library" && selected(c.name))) {
    if (!schemaNames.includes(chart.name)) {
      problems.push({ file: `charts/${chart.name}/Chart.yaml`, pointer: "", message: `chart has no schema. Create schemas/charts/${chart.name}.json (see schemas/README.md).` });
    }
  }
  const bundledCharts: BundledChartSchema[] = [];
  for (const name of schemaNames) {
    const source = `schemas/charts/${name}.json`;
    const chart = charts.find((c) => c.name === name);
    if (!chart) {
      problems.push({ file: source, pointer: "", message: `no chart at charts/${name}/Chart.yaml for this schema. Rename the schema to match a chart, or delete it.` });
      continue;
    }
    const bundled = bundleOrReport(join(root, source), source, problems);
    if (!bundled) continue;
    const lint = lintSchema(bundled);
    problems.push(...lint.map((p) => ({ file: source, pointer: p.pointer, message: p.message })));
    if (lint.length > 0) continue;
    files.push(...chartOutputs(root, chart, source, bundled));
    bundledCharts.push({ name, schema: bundled });
  }

  // The shared types file spans every chart, so a --chart run leaves it to the next full run.
  if (options.charts !== undefined) return { files: files.sort((a, b) => compareText(a.path, b.path)), problems };
  if (problems.length === 0) {
    const blocks = new Set(existsSync(join(root, "schemas", "definitions")) ? readdirSync(join(root, "schemas", "definitions")).map((f) => f.replace(/\.json$/, "")) : []);
    files.push({ path: "tools/src/generated/chart-values.ts", content: await schemaToTypeScript(combineChartSchemas(bundledCharts, blocks), "ChartValues", "schemas/charts/*.json") });
  }
  const environmentSource = "schemas/environment.json";
  if (existsSync(join(root, environmentSource))) {
    const bundled = bundleOrReport(join(root, environmentSource), environmentSource, problems);
    if (bundled) {
      const lint = lintSchema(bundled);
      problems.push(...lint.map((p) => ({ file: environmentSource, pointer: p.pointer, message: p.message })));
      if (lint.length === 0) {
        const catalog = [...charts.filter((c) => c.type === "application").map((c) => c.name), ...upstreamNames(root)].sort();
        files.push({ path: "environments/environment.schema.json", content: schemaJson(withComponentNames(bundled, catalog)) });
        files.push({ path: "tools/src/generated/environment.ts", content: await schemaToTypeScript(bundled, "EnvironmentFile", environmentSource) });
      }
    }
  }
  files.push(planVscodeSettings(root));
  return { files: files.sort((a, b) => compareText(a.path, b.path)), problems };
}

function chartOutputs(root: string, chart: ChartDir, source: string, bundled: JsonSchema): PlannedFile[] {
  const defaults = (defaultsOf(bundled) ?? {}) as Record<string, unknown>;
  const values = renderValuesYaml(bundled, defaults, {
    header: [
      "yaml-language-server: $schema=values.schema.json",
      `GENERATED from ${source} by \`${GENERATED_BY}\`: edit the schema, not this file.`,
      "Every key is described in README.md (Values) and validated by values.schema.json.",
    ],
  });
  const readmePath = join(root, "charts", chart.name, "README.md");
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : `# ${chart.name}\n\n${chart.description}\n`;
  const table = renderValuesTable(valuesRows(bundled));
  const note = `<!-- GENERATED from ${source} by \`${GENERATED_BY}\`; edit the schema, not this table. -->`;
  return [
    { path: `charts/${chart.name}/values.schema.json`, content: schemaJson(bundled) },
    { path: `charts/${chart.name}/values.yaml`, content: values },
    { path: `charts/${chart.name}/README.md`, content: spliceValuesTable(readme, table, note) },
  ];
}

function bundleOrReport(absolute: string, source: string, problems: SchemaProblem[]): JsonSchema | undefined {
  try {
    return bundleSchema(absolute, readJsonFile);
  } catch (error) {
    if (error instanceof SchemaBundleError) problems.push({ file: error.file, pointer: error.pointer, message: error.message });
    else problems.push({ file: source, pointer: "", message: (error as Error).message });
    return undefined;
  }
}

/** Upstream components are declared by their values schema, `schemas/upstream/<name>.json`. */
function upstreamNames(root: string): string[] {
  const dir = join(root, "schemas", "upstream");
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)) : [];
}

/**
 * The editor-facing environment schema knows the catalog, so a misspelled component name is
 * flagged as you type (the generator reports the same mistake as GEN011).
 */
export function withComponentNames(schema: JsonSchema, names: readonly string[]): JsonSchema {
  const components = schema.properties?.components;
  if (!components) return schema;
  const propertyNames: JsonSchema = { enum: [...names], description: "A component of the catalog: a chart under charts/ or an upstream chart under schemas/upstream/." };
  return { ...schema, properties: { ...schema.properties, components: { ...components, propertyNames } } };
}

function schemaJson(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function formatSchemaProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `${p.file}${p.pointer ? ` (${p.pointer})` : ""}: ${p.message}`).join("\n");
}
