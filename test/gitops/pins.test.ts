import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readGeneratorInputs } from "../../tools/src/gitops/inputs.js";
import { planGitops } from "../../tools/src/gitops/plan.js";
import { formatProblem, type Problem } from "../../tools/src/gitops/problems.js";
import { chartFiles, environmentFiles, fixtureCommit, fixtureGit, removeTree, writeFixtureRepo, type FixtureEnvironment } from "./support/fixture-repo.js";

/**
 * chartRevision pins against a real Git repository on disk: every pin must name a commit of the
 * repository the generator runs in, and a production pin must be a full SHA in the history of the
 * branch the environment follows (repository.revision). Each problem names the file, line and
 * column of the pin.
 */
const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

const CHARTS = {
  ...chartFiles({ name: "common", type: "library" }),
  ...chartFiles({ name: "alpha", layer: "application", group: "a" }),
  ...chartFiles({ name: "beta", layer: "application", group: "b" }),
  ...chartFiles({ name: "gamma", layer: "application", group: "c" }),
};
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
/** A well-formed SHA no repository has. */
const NO_SUCH_COMMIT = "0123456789abcdef0123456789abcdef01234567";

/**
 * A fixture repository: `main` has two commits (the fixture commit, then `second`), tag v0.1.0 is
 * on the first, and `side` is a commit whose parent is on main but which no branch contains (an
 * unmerged pull request's commit, say).
 */
function repository(files: Record<string, string> = CHARTS) {
  const root = writeFixtureRepo(files, { tags: ["v0.1.0"] });
  roots.push(root);
  const second = fixtureGit(["commit-tree", EMPTY_TREE, "-p", fixtureCommit(), "-m", "second"], root).trim();
  fixtureGit(["update-ref", "refs/heads/main", second], root);
  const side = fixtureGit(["commit-tree", EMPTY_TREE, "-p", fixtureCommit(), "-m", "side"], root).trim();
  return { root, first: fixtureCommit(), second, side };
}

function writeEnvironment(root: string, environment: FixtureEnvironment): void {
  for (const [path, text] of Object.entries(environmentFiles(environment))) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** 1-based line of the first line of environments/<env>/environment.yaml containing `text`. */
function lineOf(root: string, env: string, text: string): number {
  const lines = readFileSync(join(root, "environments", env, "environment.yaml"), "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `${text} in environments/${env}/environment.yaml`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Production pins images by digest (GEN037); these tests are about chartRevision. */
const DIGEST = `sha256:${"0".repeat(64)}`;

const summary = (problems: readonly Problem[]) => problems.map((p) => `${p.file}:${p.location?.line}:${p.location?.column} ${p.code} ${p.path}`);

describe("pins resolve in the repository", () => {
  it("accepts a tag, a branch and a commit of main outside production, and commits of main (local or origin's) in production", () => {
    const { root, first, second } = repository();
    writeEnvironment(root, { name: "staging", tier: "staging", components: { alpha: { enabled: true, chartRevision: "v0.1.0", imageTag: "v1" }, beta: { enabled: true, chartRevision: "main", imageTag: "v1" }, gamma: { enabled: true, chartRevision: first, imageTag: "v1" } } });
    writeEnvironment(root, { name: "production", tier: "production", components: { alpha: { enabled: true, chartRevision: first, imageTag: "v1.0.0", imageDigest: DIGEST }, beta: { enabled: true, chartRevision: second, imageTag: "v1.0.0", imageDigest: DIGEST }, gamma: { enabled: false } } });
    const result = planGitops(readGeneratorInputs(root));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.environments.map((e) => e.name)).toEqual(["production", "staging"]);

    // A CI checkout has no local main, only origin's: the pins are still found, and still on main.
    fixtureGit(["update-ref", "refs/remotes/origin/main", second], root);
    fixtureGit(["checkout", "--quiet", "--detach", second], root);
    fixtureGit(["update-ref", "-d", "refs/heads/main"], root);
    expect(planGitops(readGeneratorInputs(root)).problems.map(formatProblem)).toEqual([]);
  });

  it("GEN034: a tag and a commit that do not exist, at the pin's file, line and column", () => {
    const { root } = repository();
    writeEnvironment(root, { name: "staging", tier: "staging", components: { alpha: { enabled: true, chartRevision: "v9.9.9", imageTag: "v1" }, beta: { enabled: true, chartRevision: NO_SUCH_COMMIT, imageTag: "v1" }, gamma: { enabled: true, chartRevision: "v0.1.0", imageTag: "v1" } } });
    const problems = planGitops(readGeneratorInputs(root)).problems;
    const file = "environments/staging/environment.yaml";
    expect(summary(problems)).toEqual([`${file}:${lineOf(root, "staging", "v9.9.9")}:20 GEN034 components.alpha.chartRevision`, `${file}:${lineOf(root, "staging", NO_SUCH_COMMIT)}:20 GEN034 components.beta.chartRevision`]);
    expect(problems.map((p) => p.message)).toEqual([
      'chartRevision "v9.9.9" of alpha names no commit in this repository (no such commit, tag, branch or origin/v9.9.9).',
      `chartRevision "${NO_SUCH_COMMIT}" of beta names no commit in this repository (no such commit, tag, branch or origin/${NO_SUCH_COMMIT}).`,
    ]);
    expect(problems[0]?.fix).toContain("git rev-parse main");
    expect(problems[0]?.fix).toContain("fetch-depth: 0");
  });

  it("GEN035: a production commit that exists but is in no history of main", () => {
    const { root, second, side } = repository();
    writeEnvironment(root, { name: "production", tier: "production", components: { alpha: { enabled: true, chartRevision: side, imageTag: "v1.0.0", imageDigest: DIGEST }, beta: { enabled: true, chartRevision: second, imageTag: "v1.0.0", imageDigest: DIGEST }, gamma: { enabled: false } } });
    const problems = planGitops(readGeneratorInputs(root)).problems;
    expect(summary(problems)).toEqual([`environments/production/environment.yaml:${lineOf(root, "production", side)}:20 GEN035 components.alpha.chartRevision`]);
    expect(problems[0]?.message).toBe(`chartRevision ${side} of alpha is not in the history of main (neither the local main nor origin/main contains it); production runs only commits merged into main.`);

    // Outside production the same commit is fine: staging may test a commit before it is merged.
    writeEnvironment(root, { name: "staging", tier: "staging", components: { alpha: { enabled: true, chartRevision: side, imageTag: "v1" }, beta: { enabled: false }, gamma: { enabled: false } } });
    expect(summary(planGitops(readGeneratorInputs(root, "staging")).problems)).toEqual([]);
  });

  it("GEN034 at repository.revision when the branch the environment follows does not exist", () => {
    const { root, first } = repository();
    writeEnvironment(root, { name: "production", tier: "production", components: { alpha: { enabled: true, chartRevision: first, imageTag: "v1.0.0", imageDigest: DIGEST }, beta: { enabled: false }, gamma: { enabled: false } }, extra: { repository: { url: "https://example.com/platform.git", revision: "trunk" } } });
    const problems = planGitops(readGeneratorInputs(root)).problems;
    expect(summary(problems)).toEqual([`environments/production/environment.yaml:${lineOf(root, "production", "revision: trunk")}:13 GEN034 repository.revision`]);
    expect(problems[0]?.message).toBe('repository.revision "trunk" names no branch in this repository (neither refs/heads/trunk nor refs/remotes/origin/trunk); the root and layer Applications track it.');
  });

  it("GEN036 outside a Git repository: the pins cannot be verified", () => {
    const root = writeFixtureRepo({ ...CHARTS, ...environmentFiles({ name: "dev", components: { alpha: { enabled: true, chartRevision: "main", imageTag: "v1" }, beta: { enabled: false }, gamma: { enabled: false } } }) }, { git: false });
    roots.push(root);
    const problems = planGitops(readGeneratorInputs(root)).problems;
    expect(summary(problems)).toEqual([`environments/dev/environment.yaml:${lineOf(root, "dev", "chartRevision: main")}:20 GEN036 components.alpha.chartRevision`]);
    expect(problems[0]?.message).toMatch(/^1 chartRevision pin\(s\) and 1 branch\(es\) of 1 environment\(s\) cannot be verified: git cat-file failed in .*: fatal: not a git repository/);
    expect(problems[0]?.fix).toContain("inside a Git clone of this repository");
  });
});

describe("the cost of verifying pins", () => {
  /** Runs `body` with a `git` first on PATH that logs its subcommand and runs the real git. */
  function countingGit<T>(body: () => T): { result: T; calls: string[] } {
    const dir = writeFixtureRepo({}, { git: false });
    roots.push(dir);
    const log = join(dir, "calls.log");
    writeFileSync(log, "");
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    expect(realGit).toMatch(/\/git$/);
    writeFileSync(join(dir, "git"), `#!/bin/sh\necho "$1" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(join(dir, "git"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${dir}${delimiter}${path ?? ""}`;
    try {
      const result = body();
      return { result, calls: readFileSync(log, "utf8").split("\n").filter(Boolean) };
    } finally {
      process.env.PATH = path;
      rmSync(join(dir, "git"));
    }
  }

  it("asks git once for every pin of every environment, and once more for the ancestry of production's", () => {
    const { root, first, second } = repository();
    const many = (revision: string) => Object.fromEntries(["alpha", "beta", "gamma"].map((c) => [c, { enabled: true, chartRevision: revision, imageTag: "v1.0.0", imageDigest: DIGEST }]));
    writeEnvironment(root, { name: "dev", components: many("main") });
    writeEnvironment(root, { name: "staging", tier: "staging", components: { ...many(second), alpha: { enabled: true, chartRevision: "v0.1.0", imageTag: "v1.0.0" } } });
    writeEnvironment(root, { name: "production", tier: "production", components: { ...many(second), beta: { enabled: true, chartRevision: first, imageTag: "v1.0.0", imageDigest: DIGEST } } });
    const inputs = readGeneratorInputs(root);
    const all = countingGit(() => planGitops(inputs));
    expect(all.result.problems.map(formatProblem)).toEqual([]);
    expect(all.calls).toEqual(["cat-file", "rev-list"]);

    const withoutProduction = countingGit(() => planGitops(readGeneratorInputs(root, "staging")));
    expect(withoutProduction.result.problems).toEqual([]);
    expect(withoutProduction.calls).toEqual(["cat-file"]);
  });
});
