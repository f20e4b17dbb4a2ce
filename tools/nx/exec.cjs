// @ts-check
"use strict";
/**
 * nx executor `./tools/nx:exec`: runs a repository CLI with the arguments after `--` passed to it
 * verbatim, as an argument vector.
 *
 * Why not nx:run-commands (node_modules/nx/dist/src/executors/run-commands, nx 22.7.12):
 * - Arguments after `--` become overrides that nx merges into the executor's options and validates
 *   against its schema (utils/params.js:444-456, combineOptionsForExecutor). run-commands' schema has
 *   an `env` option of type object (run-commands/schema.json:159-165), so `-- --env staging` fails
 *   with "Property 'env' does not match the schema" before anything runs; the same goes for its
 *   other option names (`cwd`, `args`, `color`, `parallel`, `verbose`, ...).
 * - Even when validation passes, run-commands drops every flag named like one of its options from
 *   the forwarded arguments (run-commands.impl.js:16-34 propKeys, 245-277) and hands the rest to a
 *   shell as one string (128-167), so `$` or backquotes in a value are expanded.
 * This executor's schema has no option a CLI flag could collide with (`__unparsed__` is nx's own
 * `$source: unparsed` list, utils/params.js:493-494), takes the program from the target's
 * configuration (never from the command line), and spawns it without a shell.
 *
 * The exit code: nx reports every failed task as exit status 1 (tasks-runner/run-command.js:308-313,
 * then command-line/run/run-one.js:53-54 `process.exit(status)`), so a CLI's 2 ("usage error") cannot
 * leave `nx run` as 2. When NX_EXEC_EXIT_CODE_DIR is set (tools/nx/run-target.mjs sets it), the CLI's
 * own exit code is written there as `<project>:<target>` for that wrapper to exit with.
 */
const { spawn } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const { delimiter, join } = require("node:path");
const { constants } = require("node:os");

/**
 * @param {{ __unparsed__?: string[] }} options
 * @param {{ root: string, projectName?: string, targetName?: string, target?: { options?: { command?: unknown } } }} context
 * @returns {Promise<{ success: boolean }>}
 */
module.exports = async function exec(options, context) {
  const command = context.target?.options?.command;
  if (typeof command !== "string" || command.trim() === "") {
    console.error(`nx exec: ${context.projectName}:${context.targetName} has no "command" option in its project.json target; set it to the program and its fixed arguments.`);
    return { success: false };
  }
  const [program = "", ...fixed] = command.trim().split(/\s+/);
  const args = [...fixed, ...(options.__unparsed__ ?? [])];
  const env = { ...process.env, PATH: [join(context.root, "node_modules", ".bin"), process.env.PATH ?? ""].join(delimiter) };
  const code = await new Promise((resolve) => {
    const child = spawn(program === "node" ? process.execPath : program, args, { cwd: context.root, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`nx exec: cannot start "${program}": ${error.message}`);
      resolve(1);
    });
    child.on("close", (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  const dir = process.env.NX_EXEC_EXIT_CODE_DIR;
  if (dir) writeFileSync(join(dir, `${context.projectName}:${context.targetName}`), `${code}\n`);
  return { success: code === 0 };
};
