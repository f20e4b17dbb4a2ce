import { parseArgs } from "node:util";
import { findDrift, writePlannedFiles } from "../files/planned-files.js";
import { repoRoot } from "../paths.js";
import { planUpstreamCrdFiles } from "./upstream-crds-plan.js";
import { renderPinnedCrds } from "./upstream-crds-render.js";

const USAGE = "Usage: npx tsx tools/src/kubernetes/generate-upstream-crds.ts [--check]";

/**
 * Writes tools/src/kubernetes/upstream-crds/*.json (see upstream-crds.ts) and the Argo CD declarations from the
 * pinned chart packages; --check writes nothing and fails when a committed file differs. Needs the packages: set
 * UPSTREAM_CHARTS to a directory of them, or have network access for `helm pull`.
 */
async function main(argv: string[]): Promise<number> {
  let check: boolean;
  try {
    check = parseArgs({ args: argv, options: { check: { type: "boolean" } }, strict: true }).values.check === true;
  } catch (error) {
    console.error(`generate-upstream-crds: ${(error as Error).message}. ${USAGE}`);
    return 2;
  }
  let files;
  try {
    files = await planUpstreamCrdFiles(renderPinnedCrds());
  } catch (error) {
    console.error(`generate-upstream-crds: ${(error as Error).message}; nothing was written.`);
    return 1;
  }
  if (check) {
    const drift = findDrift(repoRoot, files);
    if (drift.length === 0) {
      console.log(`generate-upstream-crds: ${files.length} generated files are up to date.`);
      return 0;
    }
    console.error(`generate-upstream-crds: ${drift.length} file(s) out of date: ${drift.map((d) => `${d.path} (${d.kind})`).join(", ")}. Run \`npx tsx tools/src/kubernetes/generate-upstream-crds.ts\` and commit the result.`);
    return 1;
  }
  const { written, unchanged } = writePlannedFiles(repoRoot, files);
  for (const path of written) console.log(`  wrote ${path}`);
  console.log(`generate-upstream-crds: ${written.length} written, ${unchanged.length} unchanged.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
