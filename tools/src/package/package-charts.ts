import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { resolveBinary } from "../binaries/binaries.js";
import { applicationCharts } from "../charts/discover.js";
import { run } from "../process/run.js";
import { plannedPackage, type PlannedPackage } from "./chart-package.js";
import { foreignFiles, replaceDirectory } from "./replace-directory.js";
import { packageTimestamp, stageChart } from "./stage-chart.js";

export interface PackageChartsOptions {
  /** Repository root; charts are discovered under `<root>/charts`. */
  root: string;
  /** Directory that ends up holding the .tgz files and index.yaml; replaced as a whole. */
  outDir: string;
  /** Base URL written into index.yaml entries (`helm repo index --url`); relative URLs when absent. */
  repoUrl?: string;
  /** Modification time given to every packaged file; defaults to SOURCE_DATE_EPOCH or a fixed instant. */
  mtime?: Date;
  /** Helm binary; defaults to the pinned Helm 4 (`resolveBinary("helm")`). */
  helmBinary?: string;
}

export interface PackagedChart {
  folder: string;
  name: string;
  version: string;
  /** Absolute path of the .tgz inside outDir. */
  file: string;
}

export interface PackageChartsResult {
  outDir: string;
  indexFile: string;
  charts: PackagedChart[];
}

/** A packaging step failed; the message names the chart (or step) and carries helm's stderr. */
export class ChartPackagingError extends Error {
  override name = "ChartPackagingError";
}

/**
 * Packs every application chart under `<root>/charts` (library charts are only ever embedded
 * through each chart's charts/common symlink) with Helm 4 and writes index.yaml. Everything is
 * built in a staging directory beside outDir and renamed into place at the end, so outDir is never
 * half-written: on any error it keeps its previous content.
 */
export function packageCharts(options: PackageChartsOptions): PackageChartsResult {
  const helm = options.helmBinary ?? resolveBinary("helm");
  const mtime = options.mtime ?? packageTimestamp();
  const planned = planPackages(options.root);
  refuseForeignOutDir(options.outDir);

  mkdirSync(dirname(options.outDir), { recursive: true });
  const staging = mkdtempSync(join(dirname(options.outDir), `.${basename(options.outDir)}.staging-`));
  chmodSync(staging, 0o755); // mkdtemp creates 0700; the published directory should be world-readable like its siblings
  const work = mkdtempSync(join(tmpdir(), "package-charts-"));
  try {
    for (const chart of planned) packOne(helm, chart, { root: options.root, work, staging, mtime });
    writeIndex(helm, staging, options.repoUrl);
    replaceDirectory(staging, options.outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    outDir: options.outDir,
    indexFile: join(options.outDir, "index.yaml"),
    charts: planned.map((p) => ({ folder: p.folder, name: p.name, version: p.version, file: join(options.outDir, p.fileName) })),
  };
}

function planPackages(root: string): PlannedPackage[] {
  const planned = applicationCharts(root).map(plannedPackage);
  if (planned.length === 0) {
    throw new ChartPackagingError(`No application chart found under ${join(root, "charts")} (a chart is a folder with a Chart.yaml whose type is not library). Nothing to package.`);
  }
  const byFile = new Map<string, string>();
  for (const p of planned) {
    const other = byFile.get(p.fileName);
    if (other !== undefined) {
      throw new ChartPackagingError(`charts/${other} and charts/${p.folder} both package to ${p.fileName}. Give each chart a unique \`name\` in its Chart.yaml.`);
    }
    byFile.set(p.fileName, p.folder);
  }
  return planned;
}

/** outDir is replaced wholesale, so refuse a directory holding anything a chart repository would not. */
function refuseForeignOutDir(outDir: string): void {
  const foreign = foreignFiles(outDir);
  if (foreign.length > 0) {
    throw new ChartPackagingError(
      `Refusing to replace ${outDir}: it holds ${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", ..." : ""}, which chart packaging did not write. Pass an empty or dedicated --out directory.`,
    );
  }
}

function packOne(helm: string, chart: PlannedPackage, dirs: { root: string; work: string; staging: string; mtime: Date }): void {
  const chartPath = relative(dirs.root, chart.chartDir);
  const stagedDir = join(dirs.work, chart.folder);
  stageChart(chart.chartDir, stagedDir, dirs.mtime);
  const result = run(helm, ["package", stagedDir, "--destination", dirs.staging]);
  if (result.status !== 0) {
    const stderr = result.stderr.replaceAll(stagedDir, chartPath).trim();
    throw new ChartPackagingError(`${chartPath}: helm package failed (exit ${result.status}). Fix the chart and rerun.\n${stderr}`);
  }
  if (!existsSync(join(dirs.staging, chart.fileName))) {
    throw new ChartPackagingError(`${chartPath}: helm package succeeded but did not write ${chart.fileName}. Check \`name\` and \`version\` in ${chartPath}/Chart.yaml.`);
  }
}

function writeIndex(helm: string, staging: string, repoUrl: string | undefined): void {
  const args = ["repo", "index", staging, ...(repoUrl ? ["--url", repoUrl] : [])];
  const result = run(helm, args);
  if (result.status !== 0) {
    throw new ChartPackagingError(`helm repo index failed (exit ${result.status}) while writing index.yaml.\n${result.stderr.trim()}`);
  }
}
