import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentDigest } from "./content-digest.js";
import { diskWorkCache, NOT_CACHED } from "./work-cache.js";
import { parseYamlSource, withParsedData } from "./yaml-source.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "work-cache-"));
  dirs.push(dir);
  return dir;
};

describe("diskWorkCache", () => {
  it("keeps what a run used for the next run with the same identity and root, and drops the rest", () => {
    const dir = newDir();
    const first = diskWorkCache(dir, "code", "/repo");
    first.rememberParsed("a: 1\n", { a: 1 });
    first.rememberParsed("b: 2\n", { b: 2 });
    first.rememberValid("v1");
    first.rememberRendered("plan", { files: [{ path: "apps/x/a.yaml", content: "a\n" }], summary: "1 component(s) enabled" });
    first.save();
    const second = diskWorkCache(dir, "code", "/repo");
    expect(second.parsed("a: 1\n")).toEqual({ a: 1 });
    expect(second.isValid("v1")).toBe(true);
    expect(second.isValid("v2")).toBe(false);
    expect(second.rendered("plan")).toEqual({ files: [{ path: "apps/x/a.yaml", content: "a\n" }], summary: "1 component(s) enabled" });
    second.save();
    const third = diskWorkCache(dir, "code", "/repo");
    expect(third.parsed("b: 2\n")).toBe(NOT_CACHED);
    expect(third.parsed("a: 1\n")).toEqual({ a: 1 });
    // Another generator, another repository: nothing.
    expect(diskWorkCache(dir, "other code", "/repo").parsed("a: 1\n")).toBe(NOT_CACHED);
    expect(diskWorkCache(dir, "code", "/other").isValid("v1")).toBe(false);
  });

  it("hands out copies, never the stored data itself", () => {
    const cache = diskWorkCache(newDir(), "code", "/repo");
    cache.rememberParsed("a: [1]\n", { a: [1] });
    cache.save();
    const reloaded = diskWorkCache(dirs[dirs.length - 1] as string, "code", "/repo");
    (reloaded.parsed("a: [1]\n") as { a: number[] }).a.push(2);
    expect(reloaded.parsed("a: [1]\n")).toEqual({ a: [1] });
  });

  it("never changes parsed data: NaN, infinities and -0, which JSON cannot hold, are not kept", () => {
    const dir = newDir();
    const cache = diskWorkCache(dir, "code", "/repo");
    const texts = ["x: .nan\n", "x: -.inf\n", "x: -0.0\n", "x: [-0x0]\n", "x: -0\n", "x: -.0\n", "x: 1e999\n", "x: null\ny: -1\n"];
    for (const text of texts) cache.rememberParsed(text, parseYamlSource("f.yaml", text).data);
    cache.save();
    const reloaded = diskWorkCache(dir, "code", "/repo");
    for (const text of texts) {
      const kept = reloaded.parsed(text);
      if (kept !== NOT_CACHED) expect(kept, text).toEqual(parseYamlSource("f.yaml", text).data);
    }
    expect(["x: .nan\n", "x: -.inf\n", "x: -0.0\n", "x: [-0x0]\n"].map((text) => reloaded.parsed(text))).toEqual(Array(4).fill(NOT_CACHED));
    expect(reloaded.parsed("x: null\ny: -1\n")).toEqual({ x: null, y: -1 });
  });

  it("starts empty from a damaged file", () => {
    const dir = newDir();
    const cache = diskWorkCache(dir, "code", "/repo");
    cache.rememberValid("v1");
    cache.save();
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), "{damaged");
    expect(diskWorkCache(dir, "code", "/repo").isValid("v1")).toBe(false);
  });
});

describe("parseYamlSource with parsed data kept", () => {
  it("takes the data of a text it parsed before, keeps no text with a problem, and still locates paths", () => {
    const cache = diskWorkCache(newDir(), "code", "/repo");
    const text = "image:\n  tag: v1\n";
    const first = withParsedData(cache, () => parseYamlSource("f.yaml", text));
    expect(cache.parsed(text)).toEqual({ image: { tag: "v1" } });
    const second = withParsedData(cache, () => parseYamlSource("f.yaml", text));
    expect(second.data).toEqual(first.data);
    expect(second.locate(["image", "tag"])).toEqual({ location: { line: 2, column: 8 }, exact: true });
    const broken = withParsedData(cache, () => parseYamlSource("bad.yaml", "a: 1\na: 2\n"));
    expect(broken.problems.map((p) => p.code)).toEqual(["GEN002"]);
    expect(cache.parsed("a: 1\na: 2\n")).toBe(NOT_CACHED);
  });
});

describe("contentDigest", () => {
  it("tells apart what JSON would merge", () => {
    const digests = [{ a: null }, { a: Number.NaN }, { a: undefined }, {}, { a: 0 }, { a: -0 }, { a: "1" }, { a: 1 }, { a: [] }, { a: {} }, new Map([["a", 1]]), ["a", 1]].map((v) => contentDigest(v));
    expect(new Set(digests).size).toBe(digests.length);
    const value = { b: [1, "x", { c: null }], a: 2 };
    expect(contentDigest(structuredClone(value))).toBe(contentDigest(value));
    // Not JSON-exact (undefined, a Map): the canonical form, which still tells them apart.
    expect(contentDigest({ a: undefined, m: new Map([["k", 1]]) })).toBe(contentDigest({ a: undefined, m: new Map([["k", 1]]) }));
    expect(contentDigest({ a: undefined, m: new Map([["k", 1]]) })).not.toBe(contentDigest({ a: undefined, m: new Map([["k", 2]]) }));
  });

  it("refuses what is not plain data, and functions unless told to skip them", () => {
    expect(() => contentDigest({ when: new Date(0) })).toThrow(/cannot digest/);
    expect(() => contentDigest({ f: () => 1 })).toThrow(/cannot digest a function/);
    expect(contentDigest({ f: () => 1 }, { skipFunctions: true })).toBe(contentDigest({ f: () => 2 }, { skipFunctions: true }));
  });
});
