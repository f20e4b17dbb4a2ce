import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import type { PlannedFile } from "../files/planned-files.js";
import { writeTree, writeTreesInParallel, type FileTree } from "../files/write-trees.js";
import { compareText } from "../text/compare-text.js";

/** Diffs are only made when `--check` finds drift, so the diff library loads on first use. */
function createTwoFilesPatch(oldName: string, newName: string, oldText: string, newText: string, oldHeader: string, newHeader: string): string {
  return (createRequire(import.meta.url)("diff") as typeof import("diff")).createTwoFilesPatch(oldName, newName, oldText, newText, oldHeader, newHeader);
}

export interface EnvironmentWrite {
  environment: string;
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface DriftEntry {
  path: string;
  kind: "changed" | "missing" | "stale";
  patch: string;
}

/** Files under a directory, as paths relative to the root, sorted. */
export function listFiles(root: string, dir: string): string[] {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split("\\").join("/"));
    }
  };
  walk(absolute);
  return out.sort();
}

/** How apps/<env>/ would change: which planned files differ, which are identical, which would disappear. */
export function compareEnvironment(root: string, environment: string, files: readonly PlannedFile[]): EnvironmentWrite {
  const planned = new Set(files.map((f) => f.path));
  // Only the files that exist are read: a first run does not try every planned path in vain.
  const existing = new Set(listFiles(root, `apps/${environment}`));
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    if (existing.has(file.path) && readIfExists(join(root, file.path)) === file.content) unchanged.push(file.path);
    else written.push(file.path);
  }
  const removed = [...existing].filter((path) => !planned.has(path));
  return { environment, written, unchanged, removed };
}

/**
 * Replaces apps/<env>/ as a whole: the new tree is written to a temporary sibling and renamed into
 * place, so a reader (or a crash) sees the old tree or the new one, never a mix. Nothing is touched
 * when nothing changed.
 */
export function writeEnvironment(root: string, environment: string, files: readonly PlannedFile[]): EnvironmentWrite {
  const result = compareEnvironment(root, environment, files);
  if (!changes(result)) return result;
  const tree = stagingTree(root, environment, files);
  try {
    writeTree(tree);
  } catch (error) {
    rmSync(tree.dir, { recursive: true, force: true });
    throw error;
  }
  swapIn(root, environment, tree.dir);
  return result;
}

/**
 * writeEnvironment for several environments: every changed environment is staged first (on two
 * threads, see writeTreesInParallel) and only then are they swapped in, so a failure while
 * writing leaves all of apps/ as it was.
 */
export async function writeEnvironments(root: string, outputs: readonly { environment: string; files: readonly PlannedFile[] }[]): Promise<EnvironmentWrite[]> {
  const results = outputs.map((output) => compareEnvironment(root, output.environment, output.files));
  const staged = outputs.filter((_, i) => changes(results[i] as EnvironmentWrite)).map((output) => ({ environment: output.environment, tree: stagingTree(root, output.environment, output.files) }));
  if (staged.length === 0) return results;
  try {
    await writeTreesInParallel(staged.map((s) => s.tree));
  } catch (error) {
    for (const { tree } of staged) rmSync(tree.dir, { recursive: true, force: true });
    throw error;
  }
  for (const { environment, tree } of staged) swapIn(root, environment, tree.dir);
  return results;
}

const changes = (result: EnvironmentWrite) => result.written.length > 0 || result.removed.length > 0;

function stagingTree(root: string, environment: string, files: readonly PlannedFile[]): FileTree {
  const dir = join(root, "apps", `.${environment}.tmp-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  return { dir, files: files.map((file) => ({ path: relative(`apps/${environment}`, file.path), content: file.content })) };
}

function swapIn(root: string, environment: string, staging: string): void {
  const target = join(root, "apps", environment);
  const retired = join(root, "apps", `.${environment}.tmp-old-${process.pid}`);
  if (existsSync(target)) renameSync(target, retired);
  renameSync(staging, target);
  rmSync(retired, { recursive: true, force: true });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Removes apps/<env>/ of an environment that no longer exists. */
export function removeEnvironment(root: string, environment: string): EnvironmentWrite {
  const removed = listFiles(root, `apps/${environment}`);
  rmSync(join(root, "apps", environment), { recursive: true, force: true });
  return { environment, written: [], unchanged: [], removed };
}

/** Directories under apps/ (generated environments), ignoring temporary ones. */
export function listGeneratedEnvironments(root: string): string[] {
  const appsDir = join(root, "apps");
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

/** What `--check` reports: each file that differs from the committed tree, as a unified diff. */
export function findEnvironmentDrift(root: string, environment: string, files: readonly PlannedFile[]): DriftEntry[] {
  const comparison = compareEnvironment(root, environment, files);
  const drift: DriftEntry[] = [];
  for (const path of comparison.written) {
    const absolute = join(root, path);
    const current = existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
    const content = files.find((f) => f.path === path)?.content ?? "";
    drift.push({ path, kind: current === undefined ? "missing" : "changed", patch: createTwoFilesPatch(`a/${path}`, `b/${path}`, current ?? "", content, "committed", "generated") });
  }
  for (const path of comparison.removed) {
    drift.push({ path, kind: "stale", patch: createTwoFilesPatch(`a/${path}`, "/dev/null", readFileSync(join(root, path), "utf8"), "", "committed", "not generated") });
  }
  return drift.sort((a, b) => compareText(a.path, b.path));
}
