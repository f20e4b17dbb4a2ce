import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { copyRepository, type RepositoryCopy } from "../docs/support/repository-copy.js";
import { runProgram, type ProcessResult } from "../support/run-program.js";
import { nxEnvironment } from "./support/nx-process.js";

/**
 * The documented invocations (README, docs/*.md: `npx nx run generate:<target> -- <flags>`) run
 * through nx itself, in a copy of this checkout (as the doc tests do), with only read-only flag
 * combinations (--check, --help, usage errors). Before tools/nx/exec.cjs, nx:run-commands refused `-- --env staging` with a schema
 * error (its own `env` option) and passed the rest through a shell.
 *
 * Exit codes: `nx run` exits 1 for any failed task (node_modules/nx/dist/src/tasks-runner/run-command.js:308-313),
 * so the CLI's own code comes out of tools/nx/run-target.mjs (npm run generate|promote|schemas|package-charts),
 * which runs the same nx task.
 *
 * The runs are one after another, never concurrent: without the daemon a cache hit restores every
 * output of the task (node_modules/nx/dist/src/tasks-runner/task-orchestrator.js:1063-1078, "No
 * daemon → can't verify on-disk outputs, always copy"), and the restore unlinks each file and
 * writes it again (seen with strace on nx 22.7.12), so one run's restore of charts/*, tools/dist or
 * apps/ can hand another run's generator a missing or half-written file. For the same reason the
 * runs are not made in this checkout: the other test worker reads those files meanwhile (the chart
 * harness, the committed-apps drift check, the bundled CLIs).
 */
const TIMEOUT_MS = 120_000;

let copy: RepositoryCopy;
beforeAll(() => {
  copy = copyRepository(repoRoot);
});
afterAll(() => copy?.cleanup());

const run = (command: string, args: string[]): Promise<ProcessResult> => runProgram(command, args, { cwd: copy.dir, env: nxEnvironment(), timeoutMs: TIMEOUT_MS });

/** `npx nx run <target> -- <args>`, as the docs write it. */
const nx = (target: string, args: string[]) => run("npx", ["--no-install", "nx", "run", target, "--", ...args]);
/** The same nx run, exiting with the CLI's own code. */
const wrapped = (target: string, args: string[]) => run(process.execPath, ["tools/nx/run-target.mjs", target, ...args]);

const output = (r: ProcessResult) => `${r.stdout}${r.stderr}`;
const explain = (r: ProcessResult) => `exit ${r.status}\n${output(r).slice(-4000)}`;

/** A value no shell would leave alone: `$HOME`, backquotes, double quotes and spaces. */
const AWKWARD = 'no such $HOME `id` "env"';

describe("documented flags reach the CLI through `npx nx run` unchanged", () => {
  it("generate:gitops -- --env staging --check (the flag nx:run-commands refused) checks staging only", async () => {
    const r = await nx("generate:gitops", ["--env", "staging", "--check"]);
    expect(r.status, explain(r)).toBe(0);
    expect(output(r)).toMatch(/generate-gitops --check: staging: \d+ component\(s\) enabled/);
    expect(output(r)).toContain("apps/ is up to date (1 environment(s))");
    expect(output(r)).not.toContain("Property 'env' does not match the schema");
  }, TIMEOUT_MS);

  it("generate:gitops -- --check --environment development --root <checkout> --prune-environments", async () => {
    const r = await nx("generate:gitops", ["--check", "--environment", "development", "--root", copy.dir, "--prune-environments"]);
    expect(r.status, explain(r)).toBe(0);
    expect(output(r)).toMatch(/generate-gitops --check: development: \d+ component\(s\) enabled/);
    expect(output(r)).toContain("apps/ is up to date (1 environment(s))");
  }, TIMEOUT_MS);

  it("generate:gitops -- --env <value> passes the value as one argument, with nothing expanded", async () => {
    const r = await nx("generate:gitops", ["--env", AWKWARD]);
    expect(output(r)).toContain(`GEN091 no environment "${AWKWARD}" under environments/`);
  }, TIMEOUT_MS);

  it("generate:gitops -- --help and -- --codes reach the generator", async () => {
    const help = await nx("generate:gitops", ["--help"]);
    expect(help.status, explain(help)).toBe(0);
    expect(output(help)).toContain("Usage: nx run generate:gitops");
    expect(output(help)).toContain("--prune-environments");
    const codes = await nx("generate:gitops", ["--codes"]);
    expect(codes.status, explain(codes)).toBe(0);
    expect(output(codes)).toContain("| GEN090 |");
  }, TIMEOUT_MS);

  it("generate:promote -- --help, and --from with an awkward value reaches the promotion verbatim", async () => {
    const help = await nx("generate:promote", ["--help"]);
    expect(help.status, explain(help)).toBe(0);
    expect(output(help)).toContain("Usage: nx run generate:promote -- --from <env> --to <env>");
    const bad = await nx("generate:promote", ["--from", AWKWARD, "--to", "production", "--dry-run"]);
    expect(output(bad)).toContain(`PRM001 --from "${AWKWARD}" is not an environment name`);
  }, TIMEOUT_MS);

  it("generate:schemas -- --check --chart redis, and generate:package's own option errors", async () => {
    // redis's values.schema.json, values.yaml and README values table: three files checked, none rewritten.
    const check = await nx("generate:schemas", ["--check", "--chart", "redis"]);
    expect(check.status, explain(check)).toBe(0);
    expect(output(check)).toContain("generate-schemas: 3 generated files are up to date.");
    const pkg = await nx("generate:package", ["--out"]);
    expect(output(pkg)).toContain("package-charts: Option '--out <value>' argument missing.");
  }, TIMEOUT_MS);
});

describe("exit codes", () => {
  it("nx itself reports a failed task as 1: a usage error (GEN090) through `npx nx run` exits 1", async () => {
    const r = await nx("generate:gitops", ["--bogus"]);
    expect(output(r)).toContain('GEN090 unknown argument "--bogus"');
    expect(r.status, explain(r)).toBe(1);
  }, TIMEOUT_MS);

  it.each([
    ["generate:gitops", ["--bogus"], 2, 'GEN090 unknown argument "--bogus"'],
    ["generate:gitops", ["--env", AWKWARD, "--check"], 2, "GEN091"],
    ["generate:promote", ["--from", "staging", "--to", "staging"], 2, 'PRM001 --from and --to are both "staging"'],
    ["generate:package", ["--out"], 2, "argument missing"],
    ["generate:gitops", ["--env", "staging", "--check"], 0, "apps/ is up to date (1 environment(s))"],
  ] as const)("run-target.mjs %s %j exits %i, the CLI's own code", async (target, args, code, message) => {
    const r = await wrapped(target, [...args]);
    expect(output(r)).toContain(message);
    expect(r.status, explain(r)).toBe(code);
  }, TIMEOUT_MS);

  it("npm run generate -- --bogus (the README's form) exits 2", async () => {
    const r = await run("npm", ["run", "--silent", "generate", "--", "--bogus"]);
    expect(output(r)).toContain("GEN090");
    expect(r.status, explain(r)).toBe(2);
  }, TIMEOUT_MS);
});
