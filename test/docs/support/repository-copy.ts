import { spawnSync } from "node:child_process";
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface RepositoryCopy {
  /** The copy: a Git repository whose `main` is the source's history plus one commit of the working tree. */
  dir: string;
  /** A bare clone of it, what the GitHub stand-in serves as the remote. */
  remote: string;
  /** A scratch directory next to them for HOME-like state (Helm's cache and config). */
  scratch: string;
  cleanup(): void;
}

/** A fixed identity and clock, so the copy's commit does not depend on who runs the tests or when. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: "doc-test",
  GIT_AUTHOR_EMAIL: "doc-test@example.com",
  GIT_COMMITTER_NAME: "doc-test",
  GIT_COMMITTER_EMAIL: "doc-test@example.com",
  GIT_AUTHOR_DATE: "2025-01-06T09:00:00Z",
  GIT_COMMITTER_DATE: "2025-01-06T09:00:00Z",
};

function git(args: readonly string[], cwd: string): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} in ${cwd} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Copies the working tree of `source` as a new user's clone would see it once these changes are
 * committed: tracked files and new files that are not ignored (symlinks kept as symlinks), plus a
 * symlink to its node_modules so `npx` finds the installed tools. The copy continues the source's
 * history: its `main` is one new commit on top of the source's HEAD (the source's objects are shared
 * through `objects/info/alternates`, nothing is copied), so every commit the environments pin is in
 * the copy as it is in a real clone. A bare clone serves as its remote, so commands that read Git work
 * and nothing they do can touch the source repository.
 */
export function copyRepository(source: string): RepositoryCopy {
  const base = mkdtempSync(join(tmpdir(), "doc-test-"));
  const dir = join(base, "repository");
  const remote = join(base, "remote.git");
  const scratch = join(base, "scratch");
  mkdirSync(dir);
  mkdirSync(scratch);
  const files = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], source).split("\0").filter((f) => f !== "");
  for (const file of new Set(files)) {
    // A worktree whose node_modules is a symlink lists it (`node_modules/` ignores directories only); the copy links its own.
    if (file === "node_modules") continue;
    const from = join(source, file);
    let stat;
    try {
      stat = lstatSync(from);
    } catch {
      continue; // deleted in the working tree, not committed yet
    }
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (stat.isFile()) copyFileSync(from, to);
  }
  symlinkSync(join(source, "node_modules"), join(dir, "node_modules"));
  git(["init", "--quiet", "--initial-branch=main"], dir);
  const sourceObjects = git(["rev-parse", "--path-format=absolute", "--git-common-dir"], source).trim() + "/objects";
  writeFileSync(join(dir, ".git", "objects", "info", "alternates"), `${sourceObjects}\n`);
  git(["update-ref", "refs/heads/main", git(["rev-parse", "HEAD"], source).trim()], dir);
  git(["add", "--all"], dir);
  git(["commit", "--quiet", "--no-gpg-sign", "--allow-empty", "--message", "The repository as the docs describe it"], dir);
  git(["clone", "--quiet", "--bare", dir, remote], base);
  return { dir, remote, scratch, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
