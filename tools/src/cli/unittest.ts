import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { discoverSuiteFiles, formatResults, runChartSuites } from "../unittest/index.js";

const USAGE = "Usage: npx tsx tools/src/cli/unittest.ts charts/<name> [--helm helm|helm3] [--update-snapshots]";

/**
 * Runs a chart's helm-unittest suites (tests/*_test.yaml) with the project's pinned Helm, prints a
 * per-test report and exits non-zero when anything fails. Like helm-unittest, a missing snapshot is
 * written and passes (also with CI=true); review and commit the new tests/__snapshot__ files.
 */
function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { helm: { type: "string", default: "helm" }, "update-snapshots": { type: "boolean", default: false } }, allowPositionals: true });
  } catch (error) {
    console.error(`unittest: ${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [chart, ...extra] = positionals;
  if (!chart || extra.length > 0) {
    console.error(`unittest: expected exactly one chart directory. ${USAGE}`);
    return 2;
  }
  if (values.helm !== "helm" && values.helm !== "helm3") {
    console.error(`unittest: --helm must be "helm" (Helm 4) or "helm3", got "${values.helm}". ${USAGE}`);
    return 2;
  }
  const chartDirectory = resolve(chart);
  if (!existsSync(join(chartDirectory, "Chart.yaml"))) {
    console.error(`unittest: ${chart} is not a Helm chart (no Chart.yaml). ${USAGE}`);
    return 2;
  }
  if (discoverSuiteFiles(chartDirectory).length === 0) {
    console.error(`unittest: ${chart} has no test suites; add tests/<name>_test.yaml files (helm-unittest format).`);
    return 1;
  }
  try {
    const results = runChartSuites(chartDirectory, { helm: values.helm, updateSnapshots: values["update-snapshots"] });
    process.stdout.write(formatResults(results));
    for (const suite of results) if (suite.snapshots.written) console.log(`unittest: wrote ${suite.snapshots.file}`);
    return results.every((suite) => suite.passed) ? 0 : 1;
  } catch (error) {
    console.error(`unittest: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
