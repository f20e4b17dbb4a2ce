import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions, SECTIONS } from "./options.js";

describe("npm run bench's command line", () => {
  it("defaults: 7 rounds, 200 x 10, every section, the temporary directory", () => {
    expect(parseBenchOptions([])).toEqual({ repeat: 7, size: { components: 200, environments: 10 }, sections: new Set(SECTIONS), dir: tmpdir() });
  });

  it("takes each option", () => {
    const parsed = parseBenchOptions(["--repeat", "3", "--components=40", "--environments", "2", "--sections", "repository,nx", "--dir", tmpdir()]);
    expect(parsed).toEqual({ repeat: 3, size: { components: 40, environments: 2 }, sections: new Set(["repository", "nx"]), dir: tmpdir() });
  });

  it("--help and -h ask for the usage", () => {
    expect(parseBenchOptions(["--help"])).toBe("help");
    expect(parseBenchOptions(["-h"])).toBe("help");
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--repeat"], "Option '--repeat <value>' argument missing"],
    [["--repeat", "0"], '--repeat takes a positive whole number, not "0"'],
    [["--repeat", "2.5"], '--repeat takes a positive whole number, not "2.5"'],
    [["--components", "x"], '--components takes a positive whole number, not "x"'],
    [["--sections", "repository,cluster"], '--sections: unknown section "cluster" (known: repository, synthetic, clusters, nx)'],
    [["--dir", "/no/such/directory"], '--dir: "/no/such/directory" is not an existing directory'],
    [["stray"], "Unexpected argument 'stray'"],
  ])("%j is a usage error: %s", (argv, message) => {
    let thrown: unknown;
    try {
      parseBenchOptions(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchUsageError);
    expect((thrown as Error).message).toContain(message);
  });
});
