import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { BUNDLED_CLIS, bundleCli } from "../../tools/src/build/bundle-cli.js";
import { prepareRenders } from "./prepare-renders.js";
import { memoryScratchDir } from "./scratch-dir.js";

/**
 * vitest globalSetup, run once before any test file:
 * - the tests run the generator as `nx run generate:gitops` does, bundled, so it is bundled from the
 *   current source first;
 * - the test workers (forked after this) get TMPDIR on a memory file system when there is one
 *   (scratch-dir.ts), removed when the run ends;
 * - a whole run (no file filter) renders every component Application up front (prepare-renders.ts);
 *   a run of chosen files renders what they read on demand.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const scratch = memoryScratchDir();
  if (scratch.dir) process.env.TMPDIR = scratch.dir;
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const wholeRun = filters === undefined || filters.length === 0;
  const [, renders] = await Promise.all([Promise.all(BUNDLED_CLIS.map((cli) => bundleCli(cli))), wholeRun || process.env.PREPARE_RENDERS === "1" ? prepareRenders() : undefined]);
  console.log(`scratch files: ${scratch.dir ?? "the system's temporary directory"} (${scratch.reason})`);
  if (renders) console.log(`prepare-renders: ${renders.jobs} component renders (${renders.rendered} rendered, ${renders.cached} cached) in ${(renders.milliseconds / 1000).toFixed(1)} s`);
  return () => {
    if (scratch.dir) rmSync(scratch.dir, { recursive: true, force: true });
  };
}
