import { describe, expect, it } from "vitest";
import { runProgram } from "./run-program.js";

describe("runProgram", () => {
  it("passes each argument verbatim (no shell) and reports the exit code and both outputs", async () => {
    const script = 'process.stdout.write(JSON.stringify(process.argv.slice(1))); process.stderr.write("err"); process.exit(3)';
    const result = await runProgram(process.execPath, ["-e", script, "$HOME `id`", '"q"'], { cwd: process.cwd(), env: process.env, timeoutMs: 60_000 });
    expect(result).toEqual({ status: 3, stdout: JSON.stringify(["$HOME `id`", '"q"']), stderr: "err" });
  });

  it("kills the program and what it started when it outlives the timeout, and says so", async () => {
    // A child that starts a grandchild in its process group; both would sleep for ten minutes.
    const script = 'require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "inherit" }); setTimeout(() => {}, 600000)';
    const result = await runProgram(process.execPath, ["-e", script], { cwd: process.cwd(), env: process.env, timeoutMs: 500 });
    expect(result.status).toBe(124);
    expect(result.stderr).toContain("killed after 500 ms");
  });

  it("rejects a program that cannot start", async () => {
    await expect(runProgram("/nonexistent/program", [], { cwd: process.cwd(), env: process.env, timeoutMs: 60_000 })).rejects.toThrow("cannot start /nonexistent/program");
  });
});
