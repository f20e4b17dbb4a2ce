import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";

/**
 * The workspace targets nx users expect (test, typecheck, lint), read back through nx itself: they
 * exist with a description and a cache, run what the npm scripts run, and their inputs are the files
 * that can change their result, so `nx affected -t test,lint,typecheck` and the cache skip only what
 * is really unchanged. (ESLint itself runs in CI: .github/workflows/ci.yml, test/workflows.test.ts.)
 */
const TIMEOUT_MS = 120_000;

function nx(args: string[]): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("NX_")) env[key] = value;
  const result = spawnSync("npx", ["--no-install", "nx", ...args], {
    cwd: repoRoot,
    env: { ...env, NX_DAEMON: "false", NX_NO_CLOUD: "true", NX_TUI: "false", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  if (result.error) throw result.error;
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
const inputFiles = (target: string) => new Set((JSON.parse(nx(["show", "target", "inputs", `generate:${target}`, "--json"])) as { files: string[] }).files);

describe("nx workspace targets", () => {
  it.each([
    ["test", "test"],
    ["typecheck", "typecheck"],
    ["lint", "lint"],
  ])("generate:%s exists, is described and cached, and runs `npm run %s`'s command", (name, script) => {
    const project = JSON.parse(nx(["show", "project", "generate", "--json"])) as { targets: Record<string, Target> };
    const target = project.targets[name];
    expect(target, `generate:${name} in tools/project.json`).toBeDefined();
    expect(target?.description ?? "").not.toBe("");
    expect(target?.cache).toBe(true);
    expect(target?.inputs?.length ?? 0).toBeGreaterThan(0);
    expect(target?.options?.command).toBe(scripts[script]);
  }, TIMEOUT_MS);

  it("lint's inputs are the sources ESLint reads and its configuration, not charts or docs", () => {
    const files = inputFiles("lint");
    for (const file of ["eslint.config.js", "tsconfig.json", "package-lock.json", "tools/src/paths.ts", "tools/nx/exec.cjs", "tools/install/extract-binaries.mjs", "test/nx/workspace-targets.test.ts"]) {
      expect(files.has(file), `${file} is an input of generate:lint`).toBe(true);
    }
    for (const file of ["README.md", "charts/common/Chart.yaml", "environments/staging/environment.yaml"]) {
      expect(files.has(file), `${file} is not an input of generate:lint`).toBe(false);
    }
  }, TIMEOUT_MS);

  it("typecheck's inputs are the TypeScript sources and compiler settings", () => {
    const files = inputFiles("typecheck");
    for (const file of ["tsconfig.json", "tsconfig.base.json", "vitest.config.ts", "package-lock.json", "tools/src/paths.ts", "tools/src/generated/chart-values.ts", "test/nx/workspace-targets.test.ts"]) {
      expect(files.has(file), `${file} is an input of generate:typecheck`).toBe(true);
    }
    for (const file of ["README.md", "eslint.config.js", "charts/common/Chart.yaml"]) {
      expect(files.has(file), `${file} is not an input of generate:typecheck`).toBe(false);
    }
  }, TIMEOUT_MS);

  it("test's inputs are the whole checkout: the suite reads charts, environments, apps, docs and workflows", () => {
    const files = inputFiles("test");
    for (const file of ["README.md", "docs/deploy.md", "charts/common/Chart.yaml", "environments/staging/environment.yaml", ".github/workflows/ci.yml", "tools/src/paths.ts", "package-lock.json"]) {
      expect(files.has(file), `${file} is an input of generate:test`).toBe(true);
    }
  }, TIMEOUT_MS);

  it("nx affected picks the project for a changed doc page or source file", () => {
    for (const file of ["docs/deploy.md", "tools/src/paths.ts", "charts/common/Chart.yaml"]) {
      expect(JSON.parse(nx(["show", "projects", "--affected", `--files=${file}`, "--json"])), file).toEqual(["generate"]);
    }
  }, TIMEOUT_MS);
});
