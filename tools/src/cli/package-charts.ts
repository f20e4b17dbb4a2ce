import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { applicationCharts } from "../charts/discover.js";
import { packageCharts } from "../package/package-charts.js";
import { repoRoot } from "../paths.js";

const USAGE = "Usage: nx run generate:package [-- --out <dir>] [--repo-url <url>] | package-charts.ts --list";

/**
 * nx run generate:package [-- --out dist/charts] [--repo-url URL]
 * Packs every application chart with Helm 4 into --out (default dist/charts, relative to the
 * current directory) and writes index.yaml. --list only prints the application chart folders
 * (repository-relative), one per line, for shell loops in CI.
 */
function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { out: { type: "string" }, "repo-url": { type: "string" }, list: { type: "boolean" } },
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`package-charts: ${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.list) {
    for (const chart of applicationCharts(repoRoot)) console.log(relative(repoRoot, chart.dir));
    return 0;
  }
  const outDir = resolve(values.out ?? resolve(repoRoot, "dist", "charts"));
  try {
    const result = packageCharts({ root: repoRoot, outDir, repoUrl: values["repo-url"] });
    for (const chart of result.charts) console.log(`  packaged ${relative(process.cwd(), chart.file)}`);
    console.log(`package-charts: ${result.charts.length} chart(s) and index.yaml written to ${relative(process.cwd(), outDir) || "."}.`);
    return 0;
  } catch (error) {
    console.error(`package-charts: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
