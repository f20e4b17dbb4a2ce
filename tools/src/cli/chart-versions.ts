import { parseArgs } from "node:util";
import { bumpVersions, changedCharts, mergeBase, versionProblems } from "../charts/version-bump.js";
import { repoRoot } from "../paths.js";

const USAGE = "Usage: chart-versions.ts [--bump] [--base <commit>] [--branch <default branch, main>]";

/**
 * chart-versions.ts [--bump] [--base <commit>] [--branch main]
 * Lists the charts whose packaged files changed since the merge base of HEAD with the default branch
 * (origin/main, else main) and fails (exit 1) for each whose Chart.yaml version is not above the
 * merge base's (CHV001), as chart-testing's check-version-increment does. --bump raises the patch
 * version of those charts instead (renovate-regenerate.yml runs it on the bot's pull requests).
 */
function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { bump: { type: "boolean" }, base: { type: "string" }, branch: { type: "string" } }, allowPositionals: false }));
  } catch (error) {
    console.error(`chart-versions: ${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  try {
    const base = values.base ?? mergeBase(repoRoot, values.branch ?? "main");
    const charts = changedCharts(repoRoot, base);
    if (values.bump) {
      for (const { name, from, to } of bumpVersions(repoRoot, charts, base)) console.log(`chart-versions: ${name} ${from} -> ${to}`);
      return 0;
    }
    const problems = versionProblems(repoRoot, charts);
    for (const p of problems) console.error(`${p.code} ${p.file}:${p.line}: ${p.message}\n  fix: ${p.fix}`);
    console.log(`chart-versions: ${charts.length} chart(s) changed since ${base.slice(0, 12)}, ${problems.length} without a higher version.`);
    return problems.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`chart-versions: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
