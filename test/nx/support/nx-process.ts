import { spawn } from "node:child_process";

export interface ProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment the nx tests run nx in: the caller's, without any NX_ variable it may have set
 * (a developer's NX_ISOLATE_PLUGINS or NX_DAEMON would change what is measured), with the daemon,
 * Nx Cloud, the terminal UI and colours off.
 */
export function nxEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("NX_")) env[key] = value;
  return { ...env, NX_DAEMON: "false", NX_NO_CLOUD: "true", NX_TUI: "false", NO_COLOR: "1", FORCE_COLOR: "0" };
}

/**
 * Runs a program to completion without a shell and without blocking the test's event loop, so
 * tests marked concurrent overlap their nx processes. A run that outlives `timeoutMs` is killed and
 * reported as status 124 with a note on stderr.
 */
export function runProgram(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops what it started too (npx starts nx, nx its task).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${command}: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString("utf8");
      resolve({
        status: timedOut ? 124 : (code ?? 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: timedOut ? `${err}\n(${command} killed after ${options.timeoutMs} ms)` : err,
      });
    });
  });
}
