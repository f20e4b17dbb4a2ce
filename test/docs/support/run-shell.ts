import { runProgram, type ProcessResult } from "../../support/run-program.js";

export interface ShellResult extends ProcessResult {
  milliseconds: number;
}

/**
 * Runs one documented command line with bash, as a reader would paste it (runProgram: asynchronous,
 * its own process group killed on timeout, status 124).
 */
export async function runShell(command: string, options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ShellResult> {
  const started = performance.now();
  const result = await runProgram("bash", ["-c", command], options);
  return { ...result, milliseconds: Math.round(performance.now() - started) };
}
