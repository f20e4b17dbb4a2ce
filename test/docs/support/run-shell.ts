import { spawn } from "node:child_process";

export interface ShellResult {
  status: number;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

/**
 * Runs one documented command line with bash, as a reader would paste it. Asynchronous on purpose:
 * a command may call back into this process (the GitHub stand-in serves the promotion's API calls
 * from the test's own event loop), which a synchronous spawn would deadlock.
 */
export function runShell(command: string, options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ShellResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The command's own process group: bash and whatever it started (npx, nx, tsx, helm).
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString("utf8");
      resolve({
        status: timedOut ? 124 : (code ?? 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: timedOut ? `${err}\n(killed after ${options.timeoutMs} ms)` : err,
        milliseconds: Math.round(performance.now() - started),
      });
    });
  });
}
