import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { escapingSymlinks } from "../git/commit-snapshot.js";
import { PromotionError } from "./errors.js";
import { childEnvironment } from "./redact.js";

/**
 * Read-only access to the local clone: the promotion never changes the checkout, the index or any
 * ref; it only reads commits that are already there.
 */
function gitRaw(root: string, args: readonly string[], input?: Buffer | string): { status: number; stdout: Buffer; stderr: string } {
  const result = spawnSync("git", args, { cwd: root, input, maxBuffer: 1024 * 1024 * 1024, env: childEnvironment(process.env, { GIT_TERMINAL_PROMPT: "0" }) });
  if (result.error) throw new PromotionError("PRM011", `cannot run git in ${root}: ${result.error.message}`, "Install git and make sure it is on PATH.");
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

export function git(root: string, args: readonly string[]): string {
  const result = gitRaw(root, args);
  if (result.status !== 0) throw new PromotionError("PRM011", `git ${args.join(" ")} failed in ${root}: ${result.stderr.trim().split("\n")[0] ?? ""}`);
  return result.stdout.toString("utf8");
}

/** The top-level directory of the clone containing `dir`. */
export function repositoryRoot(dir: string): string {
  return git(dir, ["rev-parse", "--show-toplevel"]).trim();
}

/** Full object names found in a clone, and the commit each names: content-addressed, so they never change. */
const resolvedNames = new Map<string, string>();

/** The commit a revision (tag, branch, remote branch or SHA) names locally, or undefined. */
export function resolveCommit(root: string, revision: string): string | undefined {
  // A promotion resolves the same pinned SHAs many times (plan, gates, diffs, rollback); refs can move, so only SHAs are kept.
  const name = /^[0-9a-f]{40}$/.test(revision) ? `${root}\0${revision}` : undefined;
  const known = name === undefined ? undefined : resolvedNames.get(name);
  if (known !== undefined) return known;
  for (const candidate of [revision, `refs/tags/${revision}`, `refs/remotes/origin/${revision}`]) {
    const result = gitRaw(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${candidate}^{commit}`]);
    if (result.status === 0) {
      const commit = result.stdout.toString("utf8").trim();
      // Only the object name itself is kept: a ref that happens to be called like a SHA could move.
      if (name !== undefined && candidate === revision) resolvedNames.set(name, commit);
      return commit;
    }
  }
  return undefined;
}

export function hasCommit(root: string, sha: string): boolean {
  return gitRaw(root, ["cat-file", "-e", `${sha}^{commit}`]).status === 0;
}

export function treeOf(root: string, commit: string): string {
  return git(root, ["rev-parse", `${commit}^{tree}`]).trim();
}

export function remoteUrl(root: string, remote = "origin"): string | undefined {
  const result = gitRaw(root, ["remote", "get-url", remote]);
  return result.status === 0 ? result.stdout.toString("utf8").trim() : undefined;
}

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  path: string;
}

/** Files of a commit under the given path prefixes (directories end with `/`, files are exact). */
export function listFilesAt(root: string, commit: string, prefixes: readonly string[]): TreeEntry[] {
  const out = gitRaw(root, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  if (out.status !== 0) throw new PromotionError("PRM011", `git ls-tree ${commit} failed in ${root}: ${out.stderr.trim()}`);
  const entries: TreeEntry[] = [];
  for (const record of out.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha] = record.slice(0, tab).split(" ") as [string, string, string];
    const path = record.slice(tab + 1);
    if (type !== "blob") continue;
    if (prefixes.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p))) entries.push({ mode, type, sha, path });
  }
  return entries;
}

/**
 * Writes the files of a commit under the given prefixes into `dir` (symlinks stay symlinks), read
 * with one `git cat-file --batch`: a snapshot of the repository at that commit without touching
 * the checkout. A symlink whose target leaves the snapshot (`files/x -> /proc/self/environ`,
 * `../../..`) is refused and the whole snapshot removed before anything reads it: Helm follows
 * links, so it would render whatever the link points at into the published diff. Links inside the
 * snapshot (`charts/a/charts/common -> ../../common`) keep working. Argo CD refuses such links
 * the same way ("out of bounds symlinks").
 */
export function materializeCommit(root: string, commit: string, prefixes: readonly string[], dir: string): string[] {
  const entries = listFilesAt(root, commit, prefixes);
  if (entries.length === 0) return [];
  const batch = gitRaw(root, ["cat-file", "--batch"], entries.map((e) => e.sha).join("\n") + "\n");
  if (batch.status !== 0) throw new PromotionError("PRM011", `git cat-file --batch failed in ${root}: ${batch.stderr.trim()}`);
  let offset = 0;
  const data = batch.stdout;
  for (const entry of entries) {
    const headerEnd = data.indexOf(0x0a, offset);
    const header = data.subarray(offset, headerEnd).toString("utf8");
    const size = Number(header.split(" ")[2]);
    const content = data.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    const target = join(dir, entry.path);
    mkdirSync(dirname(target), { recursive: true });
    if (entry.mode === "120000") symlinkSync(content.toString("utf8"), target);
    else writeFileSync(target, content, { mode: entry.mode === "100755" ? 0o755 : 0o644 });
  }
  const links = entries.filter((e) => e.mode === "120000").map((e) => e.path);
  const escaping = links.length > 0 ? escapingSymlinks(dir) : [];
  if (escaping.length > 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new PromotionError(
      "PRM011",
      `commit ${commit.slice(0, 12)} has ${escaping.length} symlink(s) pointing outside the repository: ${escaping.join(", ")}. The promotion does not render them: Helm would read the target (for example the process environment) into the published diff.`,
      "Replace each listed symlink with the file it should contain (or a link to a path inside the repository), commit, and promote again; a pin that points at such a commit cannot be promoted.",
    );
  }
  return entries.map((e) => e.path);
}

/** One file of a commit, or undefined when the commit does not have it. */
export function readFileAt(root: string, commit: string, path: string): string | undefined {
  const result = gitRaw(root, ["cat-file", "blob", `${commit}:${path}`]);
  return result.status === 0 ? result.stdout.toString("utf8") : undefined;
}
