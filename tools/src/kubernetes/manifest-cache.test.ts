import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureParsedManifests, parseManifestsCached, survivesJson } from "./manifest-cache.js";
import { ManifestParseError, parseManifests, sourceOf } from "./manifests.js";

const scratch = mkdtempSync(join(tmpdir(), "manifest-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const entries = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith(".json")).map((name) => join(dir, String(name)));

const stream = (value: string) => ["---", "# Source: app/templates/cm.yaml", "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: cm", "data:", `  value: ${value}`, "  on: yes", ""].join("\n");

describe("parseManifestsCached", () => {
  it("gives what parseManifests gives, sources included, from the cache the second time", () => {
    const cacheDir = join(scratch, "same");
    const text = stream("one");
    const first = parseManifestsCached(text, "release", { cacheDir });
    expect(first).toEqual(parseManifests(text, "release"));
    expect(entries(cacheDir)).toHaveLength(1);
    const again = parseManifestsCached(text, "release", { cacheDir });
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(again.map((o) => sourceOf(o))).toEqual(["app/templates/cm.yaml"]);
    // YAML 1.1, as Kubernetes reads it: `on` and `yes` stay what the parser made of them.
    expect((again[0]?.data as Record<string, unknown>)["true"]).toBe(true);
  });

  it("reads the entry of exactly these bytes and this source: a changed byte or another source is parsed anew", () => {
    const cacheDir = join(scratch, "keys");
    const text = stream("one");
    parseManifestsCached(text, "release", { cacheDir });
    const [file] = entries(cacheDir);
    // Doctor the entry: what comes back for the same input proves it was read, and what comes back for another input proves it was not.
    const doctored = JSON.parse(readFileSync(file as string, "utf8")) as { objects: { metadata: { name: string } }[] };
    doctored.objects[0]!.metadata.name = "from-the-cache";
    writeFileSync(file as string, JSON.stringify(doctored));
    expect(parseManifestsCached(text, "release", { cacheDir })[0]?.metadata?.name).toBe("from-the-cache");
    expect(parseManifestsCached(stream("two"), "release", { cacheDir })[0]?.metadata?.name).toBe("cm");
    expect(parseManifestsCached(text, "another release", { cacheDir })[0]?.metadata?.name).toBe("cm");
    expect(entries(cacheDir)).toHaveLength(3);
  });

  it("keeps nothing that JSON would change, and nothing that does not parse", () => {
    const cacheDir = join(scratch, "unkept");
    const infinite = stream(".inf");
    expect(parseManifestsCached(infinite, "release", { cacheDir })[0]?.data).toEqual({ value: Infinity, true: true });
    expect(parseManifestsCached(infinite, "release", { cacheDir })[0]?.data).toEqual({ value: Infinity, true: true });
    const broken = "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n";
    expect(() => parseManifestsCached(broken, "release", { cacheDir })).toThrow(ManifestParseError);
    expect(() => parseManifestsCached(broken, "release", { cacheDir })).toThrow(ManifestParseError);
    expect(existsSync(cacheDir) ? entries(cacheDir) : []).toEqual([]);
  });

  it("ensureParsedManifests fills the cache once and leaves an entry that is there alone", () => {
    const cacheDir = join(scratch, "ensure");
    const text = stream("three");
    ensureParsedManifests(text, "release", { cacheDir });
    const [file] = entries(cacheDir);
    writeFileSync(file as string, "kept");
    ensureParsedManifests(text, "release", { cacheDir });
    expect(readFileSync(file as string, "utf8")).toBe("kept");
  });

  it("survivesJson tells the values JSON carries unchanged", () => {
    expect(survivesJson({ a: [1, "x", null, true, { b: 2.5 }] })).toBe(true);
    // eslint-disable-next-line no-sparse-arrays -- `[, 1]` has a hole, which JSON turns into null
    for (const value of [Infinity, NaN, -0, undefined, new Date(0), new Set([1]), new Map(), new Uint8Array(1), [, 1], { a: undefined }, 1n]) expect(survivesJson(value), String(value)).toBe(false);
  });
});
