import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Ajv, ValidateFunction } from "ajv";
import { AJV_OPTIONS, compileWithAjv } from "./schema-validation.js";

const require = createRequire(import.meta.url);
const standaloneCode = (ajv: Ajv, validate: ValidateFunction): string => (require("ajv/dist/standalone") as { default: (ajv: Ajv, validate: ValidateFunction) => string }).default(ajv, validate);
const VERSIONS = ["ajv", "ajv-formats"].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(",");

/** Compiled validators kept between runs: compiling the catalog's schemas costs far more than loading their compiled code. */
export interface ValidatorCache {
  load(key: string): ValidateFunction | undefined;
  store(key: string, ajv: Ajv, validate: ValidateFunction): void;
}

/** What a compiled validator depends on: the schema, ajv's options and the ajv and ajv-formats versions. */
export function validatorCacheKey(schema: object): string {
  return createHash("sha256").update(VERSIONS).update(JSON.stringify(AJV_OPTIONS)).update(JSON.stringify(schema)).digest("hex");
}

/**
 * ajv standalone code in `dir` (under node_modules/.cache, so `require` finds ajv's runtime), one
 * CommonJS file per key, written atomically; only the most recent `keep` files are kept.
 */
export function diskValidatorCache(dir: string, keep = 16): ValidatorCache {
  const fileOf = (key: string) => join(dir, `${key}.cjs`);
  return {
    load(key) {
      const file = fileOf(key);
      if (!existsSync(file)) return undefined;
      try {
        delete require.cache[file];
        const loaded = require(file) as ValidateFunction | { default: ValidateFunction };
        return typeof loaded === "function" ? loaded : loaded.default;
      } catch {
        rmSync(file, { force: true });
        return undefined;
      }
    },
    store(key, ajv, validate) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${fileOf(key)}.tmp-${process.pid}`;
        writeFileSync(temporary, standaloneCode(ajv, validate));
        renameSync(temporary, fileOf(key));
        const files = readdirSync(dir).filter((f) => f.endsWith(".cjs")).map((f) => ({ f, time: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.time - a.time);
        for (const { f } of files.slice(keep)) rmSync(join(dir, f), { force: true });
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    },
  };
}

/** Compiles a schema, or loads its compiled code from the cache when it was compiled before. */
export function compileCached(schema: object, cache: ValidatorCache | undefined): ValidateFunction {
  return compileCachedAs(cache ? validatorCacheKey(schema) : "", () => schema, cache);
}

/**
 * Like compileCached, under a key the caller derives from everything the schema is built from;
 * `build` runs only when the cache does not have the key, so a hit skips building the schema too.
 */
export function compileCachedAs(key: string, build: () => object, cache: ValidatorCache | undefined): ValidateFunction {
  const cached = cache?.load(key);
  if (cached) return cached;
  if (!cache) return compileWithAjv(build(), false).validate;
  const { validate, ajv } = compileWithAjv(build(), true);
  cache.store(key, ajv, validate);
  return validate;
}
