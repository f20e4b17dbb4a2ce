import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import { isPartialTemplate, isTemplateSelected } from "./template-selection.js";
import { wrapTemplate } from "./template-wrap.js";

/**
 * The chart as one suite sees it: a private copy (symlinked subcharts such as `charts/common` are
 * copied for real) holding only the suite's selected templates plus every partial, each selected
 * template wrapped so its raw output can be read back (see template-wrap.ts).
 */
export interface SuiteChart {
  directory: string;
  chartName: string;
  /** Every non-partial template left in the copy, by helm-unittest key (`chart/templates/x.yaml`). */
  templateKeys: string[];
  /** `# Source:` path Helm prints -> helm-unittest key (they differ only for renamed NOTES.txt wrappers). */
  sourceToKey: Map<string, string>;
  /** Templates that could not be wrapped, with the reason (any test of the suite reports it). */
  wrapErrors: string[];
}

export function readChartName(chartDirectory: string): string {
  const chartFile = join(chartDirectory, "Chart.yaml");
  if (!existsSync(chartFile)) throw new Error(`${chartFile} does not exist; point the runner at a Helm chart directory.`);
  const name = parseDocument(readFileSync(chartFile, "utf8")).get("name");
  if (typeof name !== "string" || name === "") throw new Error(`${chartFile} has no "name"; every Helm chart needs one.`);
  return name;
}

export function prepareSuiteChart(chartDirectory: string, destination: string, templates: readonly string[], excludeTemplates: readonly string[]): SuiteChart {
  rmSync(destination, { recursive: true, force: true });
  copyTree(chartDirectory, destination);
  const chartName = readChartName(destination);
  const chart: SuiteChart = { directory: destination, chartName, templateKeys: [], sourceToKey: new Map(), wrapErrors: [] };
  visitChart(destination, chartName, (directory, route) => {
    const templatesDirectory = join(directory, "templates");
    if (!existsSync(templatesDirectory)) return;
    for (const file of listFiles(templatesDirectory)) {
      const relativePath = relative(directory, file).split("\\").join("/");
      const key = `${route}/${relativePath}`;
      if (isPartialTemplate(relativePath)) continue;
      if (!isTemplateSelected(key, chartName, templates, excludeTemplates)) {
        rmSync(file);
        continue;
      }
      wrapInPlace(chart, file, key);
    }
  });
  chart.templateKeys.sort();
  return chart;
}

function wrapInPlace(chart: SuiteChart, file: string, key: string): void {
  // Helm keeps any file ending in NOTES.txt out of the manifest, so its wrapper needs another name.
  const renamed = key.endsWith("NOTES.txt");
  const wrapperFile = renamed ? `${file}.unittest.yaml` : file;
  const source = renamed ? `${key}.unittest.yaml` : key;
  try {
    const wrapped = wrapTemplate(readFileSync(file, "utf8"), key);
    if (renamed) rmSync(file);
    writeFileSync(wrapperFile, wrapped);
    chart.templateKeys.push(key);
    chart.sourceToKey.set(source, key);
  } catch (error) {
    chart.wrapErrors.push((error as Error).message);
  }
}

/** Calls `visit` for the chart and each unpacked subchart, with the key prefix helm-unittest uses for it. */
function visitChart(directory: string, route: string, visit: (directory: string, route: string) => void): void {
  visit(directory, route);
  const charts = join(directory, "charts");
  if (!existsSync(charts)) return;
  for (const entry of readdirSync(charts, { withFileTypes: true })) {
    const subchart = join(charts, entry.name);
    if (entry.isDirectory() && existsSync(join(subchart, "Chart.yaml"))) visitChart(subchart, `${route}/charts/${readChartName(subchart)}`, visit);
  }
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? listFiles(path) : [path];
    })
    .sort();
}

/** Copies a directory, following symlinks (a chart's `charts/common -> ../../common` must survive the move). */
function copyTree(source: string, destination: string): void {
  mkdirSync(destination, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.name === ".git") continue;
    const from = join(source, entry.name);
    const to = join(destination, entry.name);
    const stats = entry.isSymbolicLink() ? statSync(from) : entry;
    if (stats.isDirectory()) copyTree(from, to);
    else if (stats.isFile()) copyFileSync(from, to);
  }
}

/** Overrides Chart.yaml's version / appVersion for one test (helm-unittest's `chart:` setting). */
export function setChartMetadata(chart: SuiteChart, original: string, version: string | undefined, appVersion: string | undefined): void {
  const document = parseDocument(original);
  if (version !== undefined) document.set("version", version);
  if (appVersion !== undefined) document.set("appVersion", appVersion);
  const text = version === undefined && appVersion === undefined ? original : document.toString();
  const chartFile = join(chart.directory, "Chart.yaml");
  if (readFileSync(chartFile, "utf8") !== text) writeFileSync(chartFile, text);
}
