import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { createTwoFilesPatch } from "diff";

/** A file a generator wants on disk, by path relative to the repository root. */
export interface PlannedFile {
  path: string;
  content: string;
}

export interface Drift {
  path: string;
  kind: "changed" | "missing";
  patch: string;
}

/** Compares planned files with the working tree; the basis of every `--check` and drift test. */
export function findDrift(root: string, files: readonly PlannedFile[]): Drift[] {
  const drift: Drift[] = [];
  for (const file of files) {
    const absolute = join(root, file.path);
    const current = existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
    if (current === file.content) continue;
    drift.push({
      path: file.path,
      kind: current === undefined ? "missing" : "changed",
      patch: createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, current ?? "", file.content, "committed", "generated"),
    });
  }
  return drift;
}

/**
 * Writes only the files whose content changed. Each file goes to a temp name beside its target and
 * is renamed over it, so a crash never leaves a half-written file; a write error removes the temps.
 */
export function writePlannedFiles(root: string, files: readonly PlannedFile[]): { written: string[]; unchanged: string[] } {
  const written: string[] = [];
  const unchanged: string[] = [];
  const staged: Array<{ tmp: string; target: string; path: string }> = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      if (existsSync(target) && readFileSync(target, "utf8") === file.content) {
        unchanged.push(file.path);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, file.content);
      staged.push({ tmp, target, path: file.path });
    }
  } catch (error) {
    for (const { tmp } of staged) rmSync(tmp, { force: true });
    throw error;
  }
  for (const { tmp, target, path } of staged) {
    renameSync(tmp, target);
    written.push(path);
  }
  return { written, unchanged };
}

export function relativeToRoot(root: string, absolute: string): string {
  return relative(root, absolute);
}
