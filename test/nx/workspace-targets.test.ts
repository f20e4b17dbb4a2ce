import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { runProgram, type ProcessResult } from "../support/run-program.js";
import { nxEnvironment } from "./support/nx-process.js";

/**
 * The workspace targets nx users expect (test, typecheck, lint), read back through nx itself: they
 * exist with a description and a cache, run what the npm scripts run, and their inputs are the files
 * that can change their result, so `nx affected -t test,lint,typecheck` and the cache skip only what
 * is really unchanged. (ESLint itself runs in CI: .github/workflows/ci.yml, test/workflows.test.ts.)
 *
 * Every nx command here only reads, so the tests run concurrently; `nx show project generate` is
 * the same query for the three target tests and runs once. nx runs from its own bin, as
 * tools/nx/run-target.mjs runs it, without npx in front (npm's start-up, 0.45 s of CPU a run; the
 * documented `npx nx` form is what test/nx/pass-through.test.ts and test/docs run).
 */
const TIMEOUT_MS = 120_000;
const NX_BIN = createRequire(join(repoRoot, "package.json")).resolve("nx/bin/nx.js");

async function nxResult(args: string[]): Promise<ProcessResult> {
  return runProgram(process.execPath, [NX_BIN, ...args], { cwd: repoRoot, env: nxEnvironment(), timeoutMs: TIMEOUT_MS });
}

async function nx(args: string[]): Promise<string> {
  const result = await nxResult(args);
  if (result.status !== 0) throw new Error(`nx ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

interface Target {
  description?: string;
  executor?: string;
  cache?: boolean;
  inputs?: unknown[];
  options?: { command?: string };
}

const scripts = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const inputFiles = async (target: string) => new Set((JSON.parse(await nx(["show", "target", "inputs", `generate:${target}`, "--json"])) as { files: string[] }).files);
let project: Promise<{ targets: Record<string, Target> }> | undefined;
const generateProject = () => (project ??= nx(["show", "project", "generate", "--json"]).then((text) => JSON.parse(text) as { targets: Record<string, Target> }));

describe.concurrent("nx workspace targets", () => {
  it.each([
    ["test", "test"],
    ["typecheck", "typecheck"],
    ["lint", "lint"],
  ])("generate:%s exists, is described and cached, and runs `npm run %s`'s command", async (name, script) => {
    const target = (await generateProject()).targets[name];
    expect(target, `generate:${name} in tools/project.json`).toBeDefined();
    expect(target?.description ?? "").not.toBe("");
    expect(target?.cache).toBe(true);
    expect(target?.inputs?.length ?? 0).toBeGreaterThan(0);
    expect(target?.options?.command).toBe(scripts[script]);
  }, TIMEOUT_MS);

  it("lint's inputs are the sources ESLint reads and its configuration, not charts or docs", async () => {
    const files = await inputFiles("lint");
    for (const file of ["eslint.config.js", "tsconfig.json", "package-lock.json", "tools/src/paths.ts", "tools/nx/exec.cjs", "tools/install/extract-binaries.mjs", "test/nx/workspace-targets.test.ts"]) {
      expect(files.has(file), `${file} is an input of generate:lint`).toBe(true);
    }
    for (const file of ["README.md", "charts/common/Chart.yaml", "environments/staging/environment.yaml"]) {
      expect(files.has(file), `${file} is not an input of generate:lint`).toBe(false);
    }
  }, TIMEOUT_MS);

  it("typecheck's inputs are the TypeScript sources and compiler settings", async () => {
    const files = await inputFiles("typecheck");
    for (const file of ["tsconfig.json", "tsconfig.base.json", "vitest.config.ts", "package-lock.json", "tools/src/paths.ts", "tools/src/generated/chart-values.ts", "test/nx/workspace-targets.test.ts"]) {
      expect(files.has(file), `${file} is an input of generate:typecheck`).toBe(true);
    }
    for (const file of ["README.md", "eslint.config.js", "charts/common/Chart.yaml"]) {
      expect(files.has(file), `${file} is not an input of generate:typecheck`).toBe(false);
    }
  }, TIMEOUT_MS);

  it("test's inputs are the whole checkout: the suite reads charts, environments, apps, docs and workflows", async () => {
    const files = await inputFiles("test");
    for (const file of ["README.md", "docs/deploy.md", "charts/common/Chart.yaml", "environments/staging/environment.yaml", ".github/workflows/ci.yml", "tools/src/paths.ts", "package-lock.json"]) {
      expect(files.has(file), `${file} is an input of generate:test`).toBe(true);
    }
  }, TIMEOUT_MS);

  it("nx affected picks the project for a changed doc page or source file", async () => {
    for (const file of ["docs/deploy.md", "tools/src/paths.ts", "charts/common/Chart.yaml"]) {
      expect(JSON.parse(await nx(["show", "projects", "--affected", `--files=${file}`, "--json"])), file).toEqual(["generate"]);
    }
  }, TIMEOUT_MS);

  it("nx loads its plugins in its own process: .env turns plugin isolation off, so no worker process starts per plugin", async () => {
    // With isolation on, nx logs `[isolated-plugin] spawned worker for "<plugin>"` for each plugin
    // it starts (node_modules/nx/dist/src/project-graph/plugins/isolation/isolated-plugin.js:400).
    const result = await nxResult(["show", "projects", "--verbose"]);
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout.trim().split("\n")).toContain("generate");
    expect(`${result.stdout}${result.stderr}`).not.toContain("[isolated-plugin] spawned worker");
  }, TIMEOUT_MS);
});
