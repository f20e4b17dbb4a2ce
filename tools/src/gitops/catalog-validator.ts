import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { runsBundled, sourceTreeDigest } from "./code-identity.js";
import { decodePointerSegment } from "../schemas/json-schema.js";
import { isPlainObject } from "./helm-values.js";
import { compileEntriesWithAjv, type CompiledEntries } from "./schema-validation.js";
import { validatorCacheKey, type ValidatorCache } from "./validator-cache.js";

/**
 * Set by tools/src/build/bundle-cli.ts in a bundle: a digest of the project modules that shape a
 * compiled validator (this one and what it imports), so that changing anything else in the
 * generator keeps the cached validators.
 */
declare const GENERATE_GITOPS_VALIDATOR_CODE: string | undefined;

let combinerDigest: string | undefined;
/** A change to how schemas are combined and compiled must not reuse validators made the old way. */
const COMBINER_DIGEST = (): string =>
  (combinerDigest ??=
    typeof GENERATE_GITOPS_VALIDATOR_CODE === "string" ? GENERATE_GITOPS_VALIDATOR_CODE : runsBundled() ? createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex") : sourceTreeDigest());

/** Validates values against the schema of a named chart; `null` when valid, ajv errors otherwise. */
export interface CatalogValidator {
  validate(chart: string, values: unknown): ErrorObject[] | null;
}

export interface CatalogValidatorResult {
  validator: CatalogValidator;
  /** Charts whose schema ajv rejects, with its message; they are left out of the validator. */
  broken: Map<string, string>;
  /** With a cache: each chart's validator key (its name, schema, ajv's version and options, this code). */
  keys: ReadonlyMap<string, string>;
}

/**
 * Compiles chart schemas into ONE ajv document. Compiling a schema costs ajv tens of
 * milliseconds however small the change, and bundled chart schemas repeat the same building
 * blocks; so the blocks are deduplicated by content, each chart's root becomes a definition of a
 * single document, compiled once, and each chart gets a validator function of its own (an entry
 * point of that document), called directly: one dispatching root function would be too large
 * for V8 to optimize and would cost more than the validation itself.
 *
 * With a cache, each chart's validator is found by a key of its own (the chart's name and schema,
 * ajv's version and options, this code) and stored as a module of its own: the charts without one
 * are compiled together (what they share compiled once), then each written out alone, so a schema
 * change recompiles that chart alone and a run loads only the validators it calls, when it first
 * calls them.
 */
export function compileCatalogValidator(schemas: ReadonlyMap<string, object>, cache?: ValidatorCache): CatalogValidatorResult {
  const broken = new Map<string, string>();
  const compiled = new Map<string, ValidateFunction>();
  const keys = new Map<string, string>();
  const stored = new Set<string>();
  if (cache) {
    for (const [chart, schema] of schemas) {
      const key = validatorCacheKey({ combinedBy: COMBINER_DIGEST(), chart, schema });
      keys.set(chart, key);
      if (cache.has(key)) stored.add(chart);
    }
  }
  /** Compiles charts together (setting aside those ajv rejects) and, with a cache, stores each as a module of its own. */
  const compile = (charts: ReadonlyMap<string, object>) => {
    // With a cache, the entry points are named by the charts' keys: a module exports its validator under the key it is stored by.
    const entryOf = (chart: string) => keys.get(chart) ?? chart;
    const standalone = cache ? "each" : false;
    let usable = new Map(charts);
    let validators = tryCompile(usable, entryOf, standalone);
    if (validators instanceof Error) {
      // Find the culprits one by one (only on this rare path), then compile the rest together.
      for (const [chart, schema] of charts) {
        const single = tryCompile(new Map([[chart, schema]]), entryOf, false);
        if (single instanceof Error) broken.set(chart, single.message);
      }
      usable = new Map([...charts].filter(([chart]) => !broken.has(chart)));
      validators = tryCompile(usable, entryOf, standalone);
      if (validators instanceof Error) throw validators;
    }
    for (const chart of usable.keys()) {
      compiled.set(chart, validators.validators[entryOf(chart)] as ValidateFunction);
      const code = validators.codes?.[entryOf(chart)];
      if (cache && code !== undefined) cache.store(entryOf(chart), code);
    }
  };
  const missing = new Map([...schemas].filter(([chart]) => !stored.has(chart)));
  if (missing.size > 0) compile(missing);

  const validatorOf = (chart: string): ValidateFunction | undefined => {
    const found = compiled.get(chart);
    if (found || broken.has(chart) || !schemas.has(chart)) return found;
    const key = keys.get(chart) as string;
    const loaded = cache?.load(key)?.[key];
    if (typeof loaded === "function") {
      compiled.set(chart, loaded as ValidateFunction);
      return loaded as ValidateFunction;
    }
    // The module was evicted or damaged since it was found: compile the chart now.
    compile(new Map([[chart, schemas.get(chart) as object]]));
    return compiled.get(chart);
  };
  return {
    broken,
    keys,
    validator: {
      validate(chart, values) {
        const validate = validatorOf(chart);
        if (!validate) throw new Error(`no compiled schema for chart ${chart}`);
        return validate(values) ? null : (validate.errors ?? []);
      },
    },
  };
}

/** The charts' combined document compiled, each chart's validator under `entryOf(chart)`; the error when ajv rejects it. */
function tryCompile(schemas: ReadonlyMap<string, object>, entryOf: (chart: string) => string, standalone: boolean | "each"): CompiledEntries | Error {
  try {
    const { schema, entries } = combine(schemas);
    return compileEntriesWithAjv(schema, Object.fromEntries(Object.entries(entries).map(([chart, pointer]) => [entryOf(chart), pointer])), standalone);
  } catch (error) {
    return error as Error;
  }
}

/** `{definitions: shared blocks + chart roots}`, with an entry point per chart at its root. */
function combine(schemas: ReadonlyMap<string, object>): { schema: object; entries: Record<string, string> } {
  const definitions: Record<string, unknown> = {};
  const entries: Record<string, string> = {};
  for (const [chart, schema] of schemas) {
    const { root, blocks } = splitDefinitions(chart, schema as Record<string, unknown>);
    for (const [key, block] of blocks) definitions[key] ??= block;
    definitions[`chart:${chart}`] = root;
    entries[chart] = `/definitions/${encodePointer(`chart:${chart}`)}`;
  }
  return { schema: { definitions }, entries };
}

/**
 * A chart schema's definitions keyed by content (a block and every block it references), and its
 * root with every internal `$ref` rewritten to point into the combined document.
 */
function splitDefinitions(chart: string, schema: Record<string, unknown>): { root: Record<string, unknown>; blocks: Map<string, unknown> } {
  const definitions = isPlainObject(schema.definitions) ? schema.definitions : {};
  const texts = new Map(Object.entries(definitions).map(([name, block]) => [name, JSON.stringify(block)]));
  const keys = new Map<string, string>();
  for (const name of texts.keys()) {
    const closure = new Set<string>();
    const pending = [name];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if (closure.has(next)) continue;
      closure.add(next);
      for (const match of (texts.get(next) ?? "").matchAll(/"\$ref":"#\/definitions\/([^/"]+)/g)) pending.push(decodePointerSegment(match[1] as string));
    }
    const hash = createHash("sha1");
    for (const member of [...closure].sort()) hash.update(`${member}\u0000${texts.get(member) ?? ""}\u0000`);
    keys.set(name, `block:${hash.digest("hex")}`);
  }
  const rewriteRef = (ref: string): string => {
    if (!ref.startsWith("#")) return ref;
    const pointer = ref.slice(1);
    const match = /^\/definitions\/([^/]+)(.*)$/.exec(pointer);
    const key = match ? keys.get(decodePointerSegment(match[1] as string)) : undefined;
    if (match && key) return `#/definitions/${encodePointer(key)}${match[2]}`;
    return `#/definitions/${encodePointer(`chart:${chart}`)}${pointer}`;
  };
  const blocks = new Map<string, unknown>();
  for (const [name, block] of Object.entries(definitions)) blocks.set(keys.get(name) as string, rewriteRefs(block, rewriteRef));
  const root = rewriteRefs({ ...schema }, rewriteRef) as Record<string, unknown>;
  delete root.definitions;
  delete root.$schema;
  delete root.$id;
  return { root, blocks };
}

/** Keywords whose values are data, not schemas: a `$ref` inside them is not a reference. */
const DATA_KEYWORDS = new Set(["default", "examples", "enum", "const"]);
/** Keywords whose values map names (which may be anything, even "default") to schemas. */
const MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions", "dependencies"]);

function rewriteRefs(node: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rewrite));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") out[key] = rewrite(value);
    else if (DATA_KEYWORDS.has(key)) out[key] = value;
    else if (MAP_KEYWORDS.has(key) && isPlainObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, rewriteRefs(sub, rewrite)]));
    else out[key] = rewriteRefs(value, rewrite);
  }
  return out;
}

function encodePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
