import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import type { ValidateFunction } from "ajv";
import { repoRoot } from "../paths.js";
import { AJV_OPTIONS, compileEntriesWithAjv } from "./schema-validation.js";
import { writeFileAtomically } from "../files/atomic-write.js";

const require = createRequire(import.meta.url);
let versions: string | undefined;
const VERSIONS = () => (versions ??= ["ajv", "ajv-formats"].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(","));

/** Where the generator keeps compiled validators (see diskValidatorCache); deleting it only costs time. */
export const VALIDATOR_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "generate-gitops", "validators");

/** Compiled validators kept between runs: compiling the catalog's schemas costs far more than loading their compiled code. */
export interface ValidatorCache {
  /** The exports of the compiled module stored under `key`, if there is one. */
  load(key: string): Record<string, unknown> | undefined;
  store(key: string, code: string): void;
  /** Whether a module is stored under `key` (it then counts as used, for eviction). */
  has(key: string): boolean;
  /** Called once the loaded validators have run (see diskValidatorCache). */
  saveCompiledCode?(): void;
}

/** What a compiled validator depends on: the schema, ajv's options and the ajv and ajv-formats versions. */
export function validatorCacheKey(schema: object): string {
  return createHash("sha256").update(VERSIONS()).update(JSON.stringify(AJV_OPTIONS)).update(JSON.stringify(schema)).digest("hex");
}

/**
 * ajv standalone code in `dir` (under node_modules/.cache, so `require` finds ajv's runtime), one
 * CommonJS file per key (a chart's validator, or the environment schema's), written atomically;
 * only the `keep` most recently used are kept.
 *
 * Beside each file, V8's code cache for it (`<key>.code`): loading the catalog's validators costs
 * more in compiling their code than in running it, as V8 compiles each chart's function when it is
 * first called. The code cache is made by `saveCompiledCode` after the validators have run, so it
 * holds those functions too (v8-compile-cache takes it at load time, before any function has
 * run, and Node 20 has no compile cache of its own). V8 rejects a cache that does not match the
 * source or the V8 build.
 */
export function diskValidatorCache(dir: string, keep = 512): ValidatorCache {
  const fileOf = (key: string) => join(dir, `${key}.cjs`);
  const codeFileOf = (key: string) => join(dir, `${key}.code`);
  const unsaved = new Map<string, Script>();
  return {
    load(key) {
      const file = fileOf(key);
      if (!existsSync(file)) return undefined;
      try {
        const cachedData = existsSync(codeFileOf(key)) ? readFileSync(codeFileOf(key)) : undefined;
        const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`, { filename: file, cachedData });
        const module = { exports: {} as Record<string, unknown> };
        (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dir);
        if (cachedData === undefined || script.cachedDataRejected) unsaved.set(key, script);
        touch(file);
        return module.exports;
      } catch {
        rmSync(file, { force: true });
        rmSync(codeFileOf(key), { force: true });
        return undefined;
      }
    },
    store(key, code) {
      try {
        writeFileAtomically(fileOf(key), code);
        rmSync(codeFileOf(key), { force: true });
        const files = readdirSync(dir).filter((f) => f.endsWith(".cjs")).map((f) => ({ f, time: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.time - a.time);
        for (const { f } of files.slice(keep)) {
          rmSync(join(dir, f), { force: true });
          rmSync(codeFileOf(f.slice(0, -".cjs".length)), { force: true });
        }
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    },
    has(key) {
      return touch(fileOf(key));
    },
    saveCompiledCode() {
      for (const [key, script] of unsaved) {
        try {
          writeFileAtomically(codeFileOf(key), script.createCachedData());
        } catch {
          // As above: only time is lost.
        }
      }
      unsaved.clear();
    },
  };
}

/** Marks a file as just used, so that eviction (oldest first) keeps it; false when it does not exist. */
function touch(file: string): boolean {
  try {
    const now = new Date();
    utimesSync(file, now, now);
    return true;
  } catch {
    return false;
  }
}

/** Compiles a schema, or loads its compiled code from the cache when it was compiled before. */
export function compileCached(schema: object, cache: ValidatorCache | undefined): ValidateFunction {
  const { validate } = compileEntriesCached(cache ? validatorCacheKey(schema) : "", ["validate"], () => ({ schema, entries: { validate: "" } }), cache);
  return validate as ValidateFunction;
}

/**
 * The validators `names` for entry points of one schema document (see compileEntriesWithAjv),
 * under a key the caller derives from everything the document is built from; `build` runs only
 * when the cache lacks the key or one of the names, so a hit skips building the schema too.
 */
export function compileEntriesCached(
  key: string,
  names: readonly string[],
  build: () => { schema: object; entries: Readonly<Record<string, string>> },
  cache: ValidatorCache | undefined,
): Record<string, ValidateFunction> {
  const cached = cache?.load(key);
  if (cached && names.every((name) => typeof cached[name] === "function")) return cached as Record<string, ValidateFunction>;
  const { schema, entries } = build();
  if (!cache) return compileEntriesWithAjv(schema, entries, false).validators;
  const { validators, code } = compileEntriesWithAjv(schema, entries, true);
  cache.store(key, code as string);
  return validators;
}
