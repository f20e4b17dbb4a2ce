import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePromotionConfig, readPromotionConfig } from "./config.js";

describe(".github/promotion.yml is read as strictly as the generator's inputs", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "promotion-config-"));
    mkdirSync(join(dir, "snapshot", ".github"), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a link out of the snapshot without reading it (PRM007)", () => {
    writeFileSync(join(dir, "secret.yml"), "labels: [SECRET_CANARY_4711]\n");
    symlinkSync(join(dir, "secret.yml"), join(dir, "snapshot", ".github", "promotion.yml"));
    expect(() => readPromotionConfig(join(dir, "snapshot"))).toThrowError(/^\.github\/promotion\.yml: is a symbolic link .* that leaves the repository; it was not read\.$/);
  });

  it("refuses bytes that are not UTF-8 with their line (PRM007)", () => {
    writeFileSync(join(dir, "snapshot", ".github", "promotion.yml"), Buffer.concat([Buffer.from("labels: [a]\nreviewers: [caf"), Buffer.from([0xe9]), Buffer.from("]\n")]));
    expect(() => readPromotionConfig(join(dir, "snapshot"))).toThrowError(".github/promotion.yml:2: contains bytes that are not UTF-8; it was not read.");
  });

  it("reports a repeated key with its line, in linear time", () => {
    const labels = Array.from({ length: 40_000 }, (_, i) => `x-${i}: ${i}`).join("\n");
    const started = performance.now();
    expect(() => parsePromotionConfig(`${labels}\nx-3: again\n`)).toThrowError('.github/promotion.yml:40001:1: duplicate key: "x-3" is defined more than once in the same mapping.');
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it("stops an alias bomb at the alias limit", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    expect(() => parsePromotionConfig(`${bomb}\n`)).toThrowError(/^\.github\/promotion\.yml:2:8: aliases expand to more than 100 copies/);
  });
});
