import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { displayPath, formatProblem, problem, PROBLEM_CATALOG, sortProblems, WARNING_CODES } from "./problems.js";

describe("the error catalogue", () => {
  it("has stable GENnnn codes, each with a title and what to do", () => {
    for (const [code, entry] of Object.entries(PROBLEM_CATALOG)) {
      expect(code).toMatch(/^GEN\d{3}$/);
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.fix).toMatch(/\.$/);
    }
  });

  it("has a test provoking every code", () => {
    const dirs = ["tools/src/gitops", "tools/src/catalog", "test/gitops"].map((dir) => join(repoRoot, dir));
    const tests = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".test.ts") && f !== "problems.test.ts").map((f) => readFileSync(join(dir, f), "utf8"))).join("\n");
    const untested = Object.keys(PROBLEM_CATALOG).filter((code) => !tests.includes(code));
    expect(untested).toEqual([]);
  });
});

describe("formatProblem", () => {
  it("names the file, line and column, the code, the path and what to do", () => {
    const p = problem("GEN004", "values.yaml", 'unknown key "x".', { location: { line: 3, column: 5 }, path: "a.x", fix: "Remove it." });
    expect(formatProblem(p)).toBe('values.yaml:3:5: GEN004 unknown key "x".\n    at a.x\n    fix: Remove it.');
  });

  it("marks warnings and falls back to the catalogue's advice", () => {
    expect(WARNING_CODES.has("GEN012")).toBe(true);
    expect(formatProblem(problem("GEN012", "e.yaml", "not listed."))).toBe(`e.yaml: warning: GEN012 not listed.\n    fix: ${PROBLEM_CATALOG.GEN012.fix}`);
  });

  it("sorts by file, position and code", () => {
    const sorted = sortProblems([problem("GEN003", "b", "x"), problem("GEN004", "a", "y", { location: { line: 2, column: 1 } }), problem("GEN001", "a", "z", { location: { line: 1, column: 9 } })]);
    expect(sorted.map((p) => p.code)).toEqual(["GEN001", "GEN004", "GEN003"]);
  });

  it("quotes path segments that are not identifiers", () => {
    expect(displayPath(["annotations", "platform.mcp-security.io/layer", 0, "mcp-server"])).toBe('annotations["platform.mcp-security.io/layer"][0].mcp-server');
  });
});
