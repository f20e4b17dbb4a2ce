import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { SuiteResult, TestResult } from "./results.js";
import { SnapshotCache } from "./snapshot-cache.js";
import { prepareSuiteChart } from "./suite-chart.js";
import { parseSuiteFile, SuiteDefinitionError, type SuiteDefinition } from "./suite-file.js";
import { runTestJob, type ParsedFiles } from "./test-job.js";

export interface RunOptions {
  helm: "helm" | "helm3";
  /** Rewrite stored snapshots with the current output (helm-unittest's `-u`). */
  updateSnapshots?: boolean;
  /**
   * Stricter than helm-unittest, for the repository's own test harness: a missing snapshot fails
   * instead of being created, and no snapshot file is written. The plugin has no such mode (it
   * writes a missing snapshot and passes, whatever CI says), so the CLI never sets it.
   */
  ci?: boolean;
  /** Where the content-keyed render cache keeps its entries (default: the project's, tools/src/render/render-cache.ts). */
  renderCacheDir?: string;
}

/** `tests/*_test.yaml` of a chart, sorted, as helm-unittest discovers them by default. */
export function discoverSuiteFiles(chartDirectory: string): string[] {
  const testsDirectory = join(chartDirectory, "tests");
  if (!existsSync(testsDirectory)) return [];
  return readdirSync(testsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith("_test.yaml"))
    .map((entry) => join(testsDirectory, entry.name))
    .sort();
}

/**
 * Runs every helm-unittest suite of a chart with the project's pinned Helm: one private chart copy
 * per suite, one `helm template` per test job, snapshots in `tests/__snapshot__/<suite>.snap`.
 */
export function runChartSuites(chartDir: string, options: RunOptions): SuiteResult[] {
  const chartDirectory = resolve(chartDir);
  const workRoot = mkdtempSync(join(tmpdir(), "helm-unittest-"));
  const parsedFiles: ParsedFiles = new Map();
  try {
    return discoverSuiteFiles(chartDirectory).map((file, index) => runSuiteFile(chartDirectory, file, join(workRoot, String(index)), options, parsedFiles));
  } finally {
    rmSync(workRoot, { recursive: true, force: true });
  }
}

function runSuiteFile(chartDirectory: string, file: string, workDirectory: string, options: RunOptions, parsedFiles: ParsedFiles): SuiteResult {
  const started = performance.now();
  const displayFile = relative(dirname(chartDirectory), file).split("\\").join("/");
  const snapshotFile = join(dirname(file), "__snapshot__", `${basename(file)}.snap`);
  const snapshotDisplay = relative(dirname(chartDirectory), snapshotFile).split("\\").join("/");
  const emptyCounts = { total: 0, created: 0, failed: 0, vanished: 0, file: snapshotDisplay, written: false };
  const failedSuite = (name: string, error: string): SuiteResult => ({
    file: displayFile,
    name,
    passed: false,
    durationMs: Math.round(performance.now() - started),
    error,
    tests: [],
    snapshots: emptyCounts,
  });

  const text = readFileSync(file, "utf8");
  let suites: SuiteDefinition[];
  let snapshots: SnapshotCache;
  try {
    suites = parseSuiteFile(text, file, displayFile);
    snapshots = new SnapshotCache(snapshotFile, snapshotDisplay, { updating: options.updateSnapshots ?? false, ci: options.ci ?? false });
  } catch (error) {
    if (!(error instanceof SuiteDefinitionError || error instanceof Error)) throw error;
    // The file did not load, so name it by its `suite:` line when there is one.
    return failedSuite(/^suite:[ \t]*["']?([^"'\n]+?)["']?[ \t]*$/m.exec(text)?.[1] ?? displayFile, error.message);
  }

  const tests: TestResult[] = [];
  const suiteErrors: string[] = [];
  suites.forEach((suite, suiteIndex) => {
    const directory = join(workDirectory, `suite-${suiteIndex}`);
    mkdirSync(directory, { recursive: true });
    let chart;
    try {
      chart = prepareSuiteChart(chartDirectory, join(directory, "chart"), suite.templates, suite.excludeTemplates);
    } catch (error) {
      suiteErrors.push((error as Error).message);
      return;
    }
    const originalChartYaml = readFileSync(join(chart.directory, "Chart.yaml"), "utf8");
    suite.tests.forEach((job, jobIndex) => {
      tests.push(
        runTestJob(job, jobIndex, {
          helm: options.helm,
          suite,
          chart,
          originalChartYaml,
          snapshots,
          displayFile,
          workDirectory: directory,
          renderCacheDir: options.renderCacheDir,
          parsedFiles,
          runCommandHint: `npx tsx tools/src/cli/unittest.ts ${relative(process.cwd(), chartDirectory) || "."}`,
        }),
      );
    });
  });
  const written = snapshots.store();
  const name =
    suites
      .map((suite) => suite.name)
      .filter(Boolean)
      .join(", ") || displayFile;
  return {
    file: displayFile,
    name,
    passed: suiteErrors.length === 0 && tests.every((test) => test.passed),
    durationMs: Math.round(performance.now() - started),
    error: suiteErrors.length > 0 ? suiteErrors.join("\n") : undefined,
    tests,
    snapshots: { ...snapshots.counts(), file: snapshotDisplay, written },
  };
}
