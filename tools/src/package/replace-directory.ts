import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Moves a fully written directory over `target` so readers see either the old or the new
 * content, never a half-written mix. The old directory is moved aside first (rename cannot
 * replace a non-empty directory) and deleted only once the new one is in place.
 */
export function replaceDirectory(staged: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(staged, target);
    return;
  }
  const aside = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Date.now()}`);
  renameSync(target, aside);
  try {
    renameSync(staged, target);
  } catch (error) {
    renameSync(aside, target);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Files in `dir` that a chart repository directory (only *.tgz and index.yaml) would not hold. */
export function foreignFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry !== "index.yaml" && !entry.endsWith(".tgz"))
    .sort();
}
