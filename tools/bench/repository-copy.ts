import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };

function git(args: readonly string[], cwd: string): string {
  const result = run("git", args, { cwd, env: GIT_ENV });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * This repository's generator inputs and committed output, copied into `dir` for the benchmark to
 * change and regenerate: charts, environments, schemas and apps, in a Git repository that borrows
 * this checkout's objects (objects/info/alternates) with `main` at this checkout's HEAD, so every
 * pin resolves, and is on `main`, as it does here.
 */
export function copyRepository(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const sub of ["charts", "environments", "apps", "schemas"]) cpSync(join(repoRoot, sub), join(dir, sub), { recursive: true });
  const objects = git(["rev-parse", "--path-format=absolute", "--git-common-dir"], repoRoot);
  const head = git(["rev-parse", "HEAD"], repoRoot);
  git(["init", "--quiet", "--initial-branch=main"], dir);
  writeFileSync(join(dir, ".git", "objects", "info", "alternates"), `${join(objects, "objects")}\n`);
  git(["update-ref", "refs/heads/main", head], dir);
  return dir;
}
