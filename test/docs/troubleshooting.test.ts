import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEM_CATALOG } from "../../tools/src/gitops/problems.js";
import { repoRoot } from "../../tools/src/paths.js";
import { PROMOTION_ERRORS } from "../../tools/src/promote/errors.js";
import { checkErrorTable, errorRows } from "./support/error-table.js";

const FILE = "docs/troubleshooting.md";
const markdown = readFileSync(join(repoRoot, FILE), "utf8");
const codes = [...Object.keys(PROBLEM_CATALOG), ...Object.keys(PROMOTION_ERRORS)];

describe("the troubleshooting table", () => {
  it("has exactly one row, with a cause and a fix, for every GEN and PRM code of the error catalogues", () => {
    expect(checkErrorTable(FILE, markdown, codes)).toEqual([]);
  });

  it("fails as soon as a catalogue gains a code without a row", () => {
    expect(checkErrorTable(FILE, markdown, [...codes, "GEN099"])).toEqual([expect.stringContaining("GEN099 has no row")]);
  });

  it("names each code's problem as the catalogue does", () => {
    const titles: Record<string, string> = { ...Object.fromEntries(Object.entries(PROBLEM_CATALOG).map(([code, e]) => [code, e.title])), ...Object.fromEntries(Object.entries(PROMOTION_ERRORS).map(([code, e]) => [code, e.title])) };
    const mismatched = errorRows(markdown)
      .filter((row) => row.cells[1] !== titles[row.code])
      .map((row) => `${FILE}:${row.line}: ${row.code} is "${row.cells[1]}" here but "${titles[row.code]}" in the catalogue`);
    expect(mismatched).toEqual([]);
  });
});
