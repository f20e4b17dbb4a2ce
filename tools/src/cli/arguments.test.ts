import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";

/** The CLIs read their flags with node:util parseArgs; these run them from source and check flags, messages and exit codes. */
function cli(name: string, args: readonly string[]) {
  return run(process.execPath, ["--import", "tsx", join(repoRoot, "tools/src/cli", `${name}.ts`), ...args], { cwd: repoRoot });
}

describe("generate-gitops command line", () => {
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
  ])("%j exits 2 with %s", (args, message) => {
    const result = cli("generate-gitops", args);
    expect(result.stderr).toContain(`generate-gitops: ${message}`);
    expect(result.status).toBe(2);
  });

  it("--help and -h print the usage and exit 0, whatever follows", () => {
    for (const args of [["--help", "--frobnicate"], ["-h"]]) {
      const result = cli("generate-gitops", args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: nx run generate:gitops/);
    }
  });
});

describe("generate-schemas command line", () => {
  it.each([[["--bogus"]], [["--chart"]], [["--check=yes"]], [["charts/web"]]])("%j exits 2", (args) => {
    const result = cli("generate-schemas", args);
    expect(result.stderr).toContain(`generate-schemas: unknown argument "${args[0]}". Usage: nx run generate:schemas`);
    expect(result.status).toBe(2);
  });

  it("an unknown --chart exits 2 naming it and the known charts, and writes nothing", () => {
    const result = cli("generate-schemas", ["--chart", "gateway", "--chart", "no-such-chart"]);
    expect(result.stderr).toContain('generate-schemas: no application chart "no-such-chart" under charts/');
    expect(result.stderr).toMatch(/Known charts: .*\bgateway\b/);
    expect(result.stderr).not.toContain('"gateway"');
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
  });

  it("--help prints the usage and exits 0", () => {
    const result = cli("generate-schemas", ["--help"]);
    expect(result.stdout).toBe("Usage: nx run generate:schemas [-- [--check] [--chart <name>]...]\n");
    expect(result.status).toBe(0);
  });
});
