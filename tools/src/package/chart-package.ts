import type { ChartDir } from "../charts/discover.js";

/** What `helm package` will produce for one chart: its Chart.yaml name and version decide the file name. */
export interface PlannedPackage {
  /** The chart's folder name under charts/. */
  folder: string;
  chartDir: string;
  name: string;
  version: string;
  /** `<name>-<version>.tgz`, the file name helm package writes. */
  fileName: string;
}

/** Reads name and version from a discovered chart, with an error that names the Chart.yaml to fix. */
export function plannedPackage(chart: ChartDir): PlannedPackage {
  const chartYaml = `charts/${chart.name}/Chart.yaml`;
  const { name, version } = chart.chart;
  if (typeof name !== "string" || name === "") throw new Error(`${chartYaml}: \`name\` is missing or not a string. Set it to the chart's name.`);
  if (typeof version !== "string" || version === "") {
    throw new Error(`${chartYaml}: \`version\` is missing or not a string (quote it, e.g. version: "0.1.0"). helm package needs a SemVer 2 version.`);
  }
  return { folder: chart.name, chartDir: chart.dir, name, version, fileName: `${name}-${version}.tgz` };
}
