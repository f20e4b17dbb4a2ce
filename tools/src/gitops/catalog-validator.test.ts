import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../paths.js";
import { compileCatalogValidator } from "./catalog-validator.js";
import { mergeHelmValues } from "./helm-values.js";
import { createValidator } from "./schema-validation.js";
import { diskValidatorCache, type ValidatorCache } from "./validator-cache.js";

/** Two charts whose bundled schemas both define a block named "image", with different content. */
const chartA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  properties: { image: { allOf: [{ $ref: "#/definitions/image" }] }, port: { $ref: "#/definitions/port" } },
  definitions: {
    image: { type: "object", additionalProperties: false, properties: { tag: { type: "string" }, port: { $ref: "#/definitions/port" } } },
    port: { type: "integer", minimum: 1 },
  },
};
const chartB = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  properties: { image: { $ref: "#/definitions/image" }, self: { $ref: "#/properties/image" }, default: { $ref: "#/definitions/port" } },
  definitions: {
    image: { type: "object", additionalProperties: false, properties: { digest: { type: "string", pattern: "^sha256:" } } },
    port: { type: "string" },
  },
};

function verdicts(schema: object, samples: unknown[]): boolean[] {
  const validate = createValidator(schema);
  return samples.map((sample) => validate(sample) as boolean);
}

describe("compileCatalogValidator", () => {
  const { validator, broken } = compileCatalogValidator(new Map<string, object>([["a", chartA], ["b", chartB]]));

  it("keeps same-named blocks of different charts apart", () => {
    expect(broken.size).toBe(0);
    expect(validator.validate("a", { image: { tag: "v1", port: 80 } })).toBeNull();
    expect(validator.validate("b", { image: { digest: "sha256:1" } })).toBeNull();
    expect(validator.validate("a", { image: { digest: "sha256:1" } })?.[0]).toMatchObject({ instancePath: "/image", keyword: "additionalProperties" });
    expect(validator.validate("b", { image: { tag: "v1" } })?.[0]).toMatchObject({ instancePath: "/image", keyword: "additionalProperties" });
    expect(validator.validate("a", { port: "80" })?.[0]).toMatchObject({ instancePath: "/port", keyword: "type" });
    expect(validator.validate("b", { default: "80" })).toBeNull();
  });

  it("rewrites references to the chart's own root (#/properties/...)", () => {
    expect(validator.validate("b", { self: { digest: "md5:1" } })?.[0]).toMatchObject({ instancePath: "/self/digest", keyword: "pattern" });
  });

  it("agrees with a validator compiled from each schema alone", () => {
    const samples = [{}, { image: {} }, { image: { tag: 1 } }, { image: { port: 0 } }, { port: -1 }, { self: {} }, { extra: true }, { default: 3 }];
    for (const [name, schema] of [["a", chartA], ["b", chartB]] as const) {
      expect(samples.map((s) => validator.validate(name, s) === null)).toEqual(verdicts(schema, samples));
    }
  });

  it("sets aside a schema ajv cannot compile and keeps the others", () => {
    const result = compileCatalogValidator(new Map<string, object>([["a", chartA], ["bad", { type: "object", properties: { x: { $ref: "#/definitions/missing" } } }]]));
    expect([...result.broken.keys()]).toEqual(["bad"]);
    expect(result.validator.validate("a", { port: 1 })).toBeNull();
  });

  const charts = readdirSync(join(repoRoot, "charts")).filter((chart) => existsSync(join(repoRoot, "charts", chart, "values.schema.json")));
  it("agrees with per-chart ajv on every real chart, for its defaults and for broken variants of them", () => {
    const schemas = new Map(charts.map((chart) => [chart, JSON.parse(readFileSync(join(repoRoot, "charts", chart, "values.schema.json"), "utf8")) as object]));
    const combined = compileCatalogValidator(schemas).validator;
    for (const chart of charts) {
      const defaults = parse(readFileSync(join(repoRoot, "charts", chart, "values.yaml"), "utf8")) as Record<string, unknown>;
      const variants: unknown[] = [defaults];
      for (const key of Object.keys(defaults)) {
        variants.push(mergeHelmValues(defaults, { [key]: 12345 }), mergeHelmValues(defaults, { [key]: { unexpectedKey: true } }), mergeHelmValues(defaults, { [`${key}X`]: 1 }));
      }
      const alone = verdicts(schemas.get(chart) as object, variants);
      expect(variants.map((v) => combined.validate(chart, v) === null)).toEqual(alone);
      expect(alone[0]).toBe(true);
      expect(alone.filter((ok) => !ok).length).toBeGreaterThan(Object.keys(defaults).length);
    }
  });

  /** A disk cache that counts what the catalog validator asks of it. */
  function countingCache(dir: string) {
    const disk = diskValidatorCache(dir);
    const calls = { load: 0, loaded: 0, store: 0, stored: [] as string[] };
    const cache: ValidatorCache = {
      load: (key) => {
        calls.load++;
        const found = disk.load(key);
        if (found) calls.loaded++;
        return found;
      },
      store: (key, code) => {
        calls.store++;
        // A module exports its chart's validator under the key it is stored by (ajv writes `exports["<entry>"] = validateN;`, or `exports.<entry>`).
        expect([...code.matchAll(/exports(?:\["([0-9a-f]{64})"\]|\.([0-9a-f]{64})) = /g)].map((m) => m[1] ?? m[2])).toEqual([key]);
        calls.stored.push(key);
        disk.store(key, code);
      },
      has: (key) => disk.has(key),
    };
    return { cache, calls };
  }

  it("caches each chart's validator on disk and loads it instead of compiling again, when it is first called", () => {
    const dir = mkdtempSync(join(tmpdir(), "validator-cache-"));
    try {
      const { cache, calls } = countingCache(dir);
      const schemas = new Map<string, object>([["a", chartA], ["b", chartB]]);
      const first = compileCatalogValidator(schemas, cache).validator;
      expect(calls).toMatchObject({ load: 0, store: 2 });
      expect(readdirSync(dir).filter((f) => f.endsWith(".cjs"))).toHaveLength(2);
      const second = compileCatalogValidator(schemas, cache).validator;
      expect(calls).toMatchObject({ load: 0, store: 2 });
      const samples = [{}, { image: { tag: 1 } }, { port: "80" }, { self: { digest: "md5:1" } }];
      expect(samples.map((sample) => second.validate("a", sample))).toEqual(samples.map((sample) => first.validate("a", sample)));
      // Only a's module was loaded.
      expect(calls).toMatchObject({ load: 1, loaded: 1, store: 2 });
      expect(samples.map((sample) => second.validate("b", sample))).toEqual(samples.map((sample) => first.validate("b", sample)));
      expect(calls).toMatchObject({ load: 2, loaded: 2, store: 2 });

      // A damaged cache file is discarded and the chart compiled again.
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".cjs"))) writeFileSync(join(dir, file), "this is not javascript");
      const third = compileCatalogValidator(new Map<string, object>([["a", chartA], ["b", chartB]]), diskValidatorCache(dir)).validator;
      expect(third.validate("a", { port: "80" })?.[0]).toMatchObject({ keyword: "type" });
      expect(third.validate("b", { default: 3 })?.[0]).toMatchObject({ keyword: "type" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("recompiles only the chart whose schema changed, and validates it against the new schema", () => {
    const dir = mkdtempSync(join(tmpdir(), "validator-cache-"));
    try {
      const { cache, calls } = countingCache(dir);
      compileCatalogValidator(new Map<string, object>([["a", chartA], ["b", chartB]]), cache);
      const [keyA, keyB] = calls.stored;
      const stricter = { ...chartB, properties: { ...chartB.properties, default: { type: "string", maxLength: 2 } } };
      const changed = compileCatalogValidator(new Map<string, object>([["a", chartA], ["b", stricter]]), cache).validator;
      expect(calls.store).toBe(3);
      expect([keyA, keyB]).not.toContain(calls.stored[2]);
      expect(changed.validate("b", { default: "80" })).toBeNull();
      expect(changed.validate("b", { default: "8080" })?.[0]).toMatchObject({ instancePath: "/default", keyword: "maxLength" });
      // a comes from its module; b is the one just compiled.
      expect(changed.validate("a", { port: "80" })?.[0]).toMatchObject({ keyword: "type" });
      expect(calls).toMatchObject({ load: 1, loaded: 1 });
      // Back to the old schema: every module is still there, nothing is compiled.
      const back = compileCatalogValidator(new Map<string, object>([["a", chartA], ["b", chartB]]), cache).validator;
      expect(back.validate("b", { default: "8080" })).toBeNull();
      expect(calls.store).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
