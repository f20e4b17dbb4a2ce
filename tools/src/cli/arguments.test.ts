import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundlePath } from "../build/bundle-cli.js";
import { repoRoot } from "../paths.js";

/**
 * The CLIs read their flags with node:util parseArgs; these run them and check flags, messages and
 * exit codes. generate-gitops runs as `nx run generate:gitops` runs it: the bundle of the current
 * source (tools/dist/generate-gitops.mjs, rebuilt by test/support/global-setup.ts before any test
 * file), which skips tsx's loader on each of its twelve runs. generate-schemas is not bundled and
 * runs from source through tsx. Every run only reads, so the tests run concurrently.
 */
interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

function runNode(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: repoRoot, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

const gitops = (args: readonly string[]) => runNode([bundlePath("generate-gitops"), ...args]);
const schemas = (args: readonly string[]) => runNode(["--import", "tsx", join(repoRoot, "tools/src/cli/generate-schemas.ts"), ...args]);

describe.concurrent("generate-gitops command line", () => {
  it.each([
    [["--frobnicate"], 'GEN090 unknown argument "--frobnicate".'],
    [["--frobnicate=1"], 'GEN090 unknown argument "--frobnicate=1".'],
    [["--", "--check"], 'GEN090 unknown argument "--".'],
    [["staging"], 'GEN090 unknown argument "staging".'],
    [["--check=yes"], "GEN090 --check takes no value."],
    [["--env"], "GEN090 --env needs an environment name."],
    [["--root="], "GEN090 --root needs a directory."],
    [["--frobnicate", "--help"], 'GEN090 unknown argument "--frobnicate".'],
    [["-e", "qa"], 'GEN091 no environment "qa" under environments/'],
    [["--environment=qa"], 'GEN091 no environment "qa" under environments/'],
  ])("%j exits 2 with %s", async (args, message) => {
    const result = await gitops(args);
    expect(result.stderr).toContain(`generate-gitops: ${message}`);
    expect(result.status).toBe(2);
  });

  it.each([[["--help", "--frobnicate"]], [["-h"]]])("%j prints the usage and exits 0, whatever follows", async (args) => {
    const result = await gitops(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: nx run generate:gitops/);
  });
});

describe.concurrent("generate-schemas command line", () => {
  it.each([[["--bogus"]], [["--chart"]], [["--check=yes"]], [["charts/web"]]])("%j exits 2", async (args) => {
    const result = await schemas(args);
    expect(result.stderr).toContain(`generate-schemas: unknown argument "${args[0]}". Usage: nx run generate:schemas`);
    expect(result.status).toBe(2);
  });

  it("an unknown --chart exits 2 naming it and the known charts, and writes nothing", async () => {
    const result = await schemas(["--chart", "gateway", "--chart", "no-such-chart"]);
    expect(result.stderr).toContain('generate-schemas: no application chart "no-such-chart" under charts/');
    expect(result.stderr).toMatch(/Known charts: .*\bgateway\b/);
    expect(result.stderr).not.toContain('"gateway"');
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await schemas(["--help"]);
    expect(result.stdout).toBe("Usage: nx run generate:schemas [-- [--check] [--chart <name>]...]\n");
    expect(result.status).toBe(0);
  });
});
