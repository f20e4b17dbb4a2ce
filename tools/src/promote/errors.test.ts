import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { formatPromotionError, PROMOTION_ERRORS, PromotionError } from "./errors.js";

const sources = [
  ...readdirSync(join(repoRoot, "tools/src/promote"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "errors.ts")
    .map((f) => readFileSync(join(repoRoot, "tools/src/promote", f), "utf8")),
  readFileSync(join(repoRoot, "tools/src/cli/promote.ts"), "utf8"),
].join("\n");

describe("PROMOTION_ERRORS", () => {
  it("gives every code a title, a cause and a fix", () => {
    for (const [code, entry] of Object.entries(PROMOTION_ERRORS)) {
      expect(code).toMatch(/^PRM\d{3}$/);
      expect(entry.title.length).toBeGreaterThan(3);
      expect(entry.cause.length).toBeGreaterThan(20);
      expect(entry.fix.length).toBeGreaterThan(10);
    }
  });

  it("lists every code the promotion raises, and every listed code is raised somewhere", () => {
    const used = new Set(sources.match(/PRM\d{3}/g) ?? []);
    const listed = new Set(Object.keys(PROMOTION_ERRORS));
    expect([...used].filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((c) => !used.has(c))).toEqual([]);
  });

  it("formats an error with its code and fix", () => {
    expect(formatPromotionError(new PromotionError("PRM020", "production is frozen."))).toBe(`PRM020 production is frozen.\n    fix: ${PROMOTION_ERRORS.PRM020.fix}`);
  });
});
