import { spawn } from "node:child_process";

export interface ProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program to completion without a shell and without blocking the test's event loop, so
 * tests marked concurrent overlap their processes, and a program may call back into this process
 * (the GitHub stand-in serves API calls from the test's own event loop), which a synchronous spawn
 * would deadlock. A run that outlives `timeoutMs` is killed and reported as status 124 with a note
 * on stderr.
 */
export function runProgram(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops what it started too (bash or npx, nx, tsx, helm).
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
