import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { repoRoot } from "../paths.js";
import { childEnvironment } from "../process/child-env.js";

/**
 * The files of one commit of a repository, written once into a directory of their own, the way
 * Argo CD's repo-server checks out a pinned revision. A commit's content never changes, so the
 * snapshot is kept (node_modules/.cache/repo-snapshots/<sha>/) and reused by later renders and
 * runs. A symlink whose target leaves the snapshot is refused: Helm would follow it and render
 * whatever it points at (argo-cd refuses such links too: util/io/files/util.go, repository.go
 * "out of bounds symlinks").
 */
export const SNAPSHOT_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "repo-snapshots");

export class SnapshotError extends Error {}

function git(root: string, args: readonly string[], input?: string) {
  return spawnSync("git", ["-C", root, ...args], { encoding: "buffer", input, maxBuffer: 1024 * 1024 * 1024, env: childEnvironment(process.env, { LANG: "C", GIT_TERMINAL_PROMPT: "0" }) });
}

/** The commit a revision (SHA, tag or branch) names in the repository, or undefined. */
export function resolveRevision(root: string, revision: string): string | undefined {
  const result = git(root, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  return result.status === 0 ? result.stdout.toString("utf8").trim() : undefined;
}

/**
 * Every symlink under a directory whose target leaves it: by the link's text, and as the kernel
 * follows it (realpath), which catches a chain through another link (`l -> y/up/../..` with
 * `y/up -> ../..`); a link that resolves to nothing counts too.
 */
export function escapingSymlinks(dir: string): string[] {
  const out: string[] = [];
  const root = realpathSync.native(dir);
  const outside = (path: string, base: string) => {
    const rel = relative(base, path);
    return rel.startsWith("..") || isAbsolute(rel);
  };
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        const target = readlinkSync(full);
        const resolved = isAbsolute(target) ? target : resolve(dirname(full), target);
        let real: string | undefined;
        try {
          // The native realpath(3): Node's JS realpathSync normalizes `..` in a link target before following it.
          real = realpathSync.native(full);
        } catch {
          real = undefined;
        }
        if (real === undefined) out.push(`${relative(dir, full)} -> ${target} (dangling)`);
        else if (outside(resolved, dir) || outside(real, root)) out.push(`${relative(dir, full)} -> ${target}`);
      } else if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** The directory holding `prefixes` of `commit` (a full SHA), created on first use. */
export function commitSnapshot(root: string, commit: string, prefixes: readonly string[], cacheDir = SNAPSHOT_CACHE_DIR): string {
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new SnapshotError(`${commit} is not a full commit SHA; resolve it first.`);
  const dir = join(cacheDir, `${commit}-${[...prefixes].sort().join("+").replace(/[^A-Za-z0-9+_-]/g, "_")}`);
  if (existsSync(dir)) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, ".staging-"));
  try {
    const archive = git(root, ["archive", "--format=tar", commit, "--", ...prefixes]);
    if (archive.status !== 0) throw new SnapshotError(`git archive ${commit} failed in ${root}: ${archive.stderr.toString("utf8").trim()}`);
    const untar = spawnSync("tar", ["-x", "-C", staging], { input: archive.stdout, maxBuffer: 16 * 1024 * 1024, env: childEnvironment() });
    if (untar.status !== 0) throw new SnapshotError(`extracting ${commit} failed: ${untar.stderr.toString("utf8").trim()}`);
    const escaping = escapingSymlinks(staging);
    if (escaping.length > 0) throw new SnapshotError(`commit ${commit} has symlinks that leave the repository (${escaping.join(", ")}); Argo CD refuses to render them. Replace them with files.`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(dir)) throw error;
    }
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
