#!/usr/bin/env node
// @ts-check
/**
 * `node tools/nx/run-target.mjs <project>:<target> [arguments...]` (the npm scripts `gitops`,
 * `promote`, `schemas`, `package-charts`): `nx run <project>:<target> -- <arguments...>` that exits
 * with the CLI's own exit code.
 *
 * nx itself cannot: its task runner turns every failed task into exit status 1
 * (node_modules/nx/dist/src/tasks-runner/run-command.js:308-313, `some(status === 'failure') ? 1 : 0`,
 * then command-line/run/run-one.js:53-54 `process.exit(status)`; nx 22.7.12), and custom task
 * runners, which could have changed that, were removed in nx 21
 * (migrations/update-21-0-0/remove-custom-tasks-runner.js). So the task's executor
 * (tools/nx/exec.cjs) records the CLI's code in NX_EXEC_EXIT_CODE_DIR and this wrapper exits with it
 * when nx reports the failure. Everything else (dependencies, cache, output) is nx's own run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [target, ...args] = process.argv.slice(2);
if (!target || !/^[\w-]+:[\w-]+$/.test(target)) {
  console.error(`run-target: the first argument must be an nx target such as generate:gitops (got ${JSON.stringify(target ?? "")}).\nUsage: node tools/nx/run-target.mjs <project>:<target> [arguments for the CLI...]`);
  process.exit(2);
}

const nxBin = createRequire(join(root, "package.json")).resolve("nx/bin/nx.js");
const codes = mkdtempSync(join(tmpdir(), "nx-exit-codes-"));
const child = spawn(process.execPath, [nxBin, "run", target, "--", ...args], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NX_EXEC_EXIT_CODE_DIR: codes },
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  rmSync(codes, { recursive: true, force: true });
  console.error(`run-target: cannot start nx (${nxBin}): ${error.message}`);
  process.exit(1);
});
child.on("close", (code, signal) => {
  let recorded;
  try {
    recorded = Number(readFileSync(join(codes, target), "utf8").trim());
  } catch {
    recorded = undefined; // the task never ran (a dependency failed, or nx stopped before it)
  } finally {
    rmSync(codes, { recursive: true, force: true });
  }
  if (signal) process.kill(process.pid, signal);
  const nxCode = code ?? 1;
  process.exit(nxCode !== 0 && recorded !== undefined && Number.isInteger(recorded) && recorded !== 0 ? recorded : nxCode);
});
