import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { isPlainObject } from "./helm-values.js";
import { compileEntriesCached, validatorCacheKey, type ValidatorCache } from "./validator-cache.js";

/** A change to how schemas are combined (this file) must not reuse validators combined the old way. */
let combinerDigest: string | undefined;
const COMBINER_DIGEST = () => (combinerDigest ??= createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex"));

/** Validates values against the schema of a named chart; `null` when valid, ajv errors otherwise. */
export interface CatalogValidator {
  validate(chart: string, values: unknown): ErrorObject[] | null;
}

export interface CatalogValidatorResult {
  validator: CatalogValidator;
  /** Charts whose schema ajv rejects, with its message; they are left out of the validator. */
  broken: Map<string, string>;
}

/**
 * Compiles every chart schema into ONE ajv document. Compiling a schema costs ajv tens of
 * milliseconds however small the change, and bundled chart schemas repeat the same building
 * blocks; so the blocks are deduplicated by content, each chart's root becomes a definition of a
 * single document, compiled once, and each chart gets a validator function of its own (an entry
 * point of that document), called directly: one dispatching root function would be too large
 * for V8 to optimize and would cost more than the validation itself.
 */
export function compileCatalogValidator(schemas: ReadonlyMap<string, object>, cache?: ValidatorCache): CatalogValidatorResult {
  const broken = new Map<string, string>();
  let usable = new Map(schemas);
  // Keyed by the chart schemas and this module's code rather than by the combined schema, so that
  // a cached validator is found without combining the schemas first.
  const key = cache ? validatorCacheKey({ combinedBy: COMBINER_DIGEST(), charts: [...schemas] }) : "";
  let compiled = tryCompile(usable, key, cache);
  if (compiled instanceof Error) {
    // Find the culprits one by one (only on this rare path), then compile the rest together.
    for (const [chart, schema] of schemas) {
      const single = tryCompile(new Map([[chart, schema]]));
      if (single instanceof Error) broken.set(chart, single.message);
    }
    usable = new Map([...schemas].filter(([chart]) => !broken.has(chart)));
    compiled = tryCompile(usable);
    if (compiled instanceof Error) throw compiled;
  }
  const validators = compiled;
  return {
    broken,
    validator: {
      validate(chart, values) {
        const validate = usable.has(chart) ? validators[chart] : undefined;
        if (!validate) throw new Error(`no compiled schema for chart ${chart}`);
        return validate(values) ? null : (validate.errors ?? []);
      },
    },
  };
}

function tryCompile(schemas: ReadonlyMap<string, object>, key = "", cache?: ValidatorCache): Record<string, ValidateFunction> | Error {
  try {
    return compileEntriesCached(key, [...schemas.keys()], () => combine(schemas), cache);
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
      for (const match of (texts.get(next) ?? "").matchAll(/"\$ref":"#\/definitions\/([^/"]+)/g)) pending.push(decodePointer(match[1] as string));
    }
    const hash = createHash("sha1");
    for (const member of [...closure].sort()) hash.update(`${member}\u0000${texts.get(member) ?? ""}\u0000`);
    keys.set(name, `block:${hash.digest("hex")}`);
  }
  const rewriteRef = (ref: string): string => {
    if (!ref.startsWith("#")) return ref;
    const pointer = ref.slice(1);
    const match = /^\/definitions\/([^/]+)(.*)$/.exec(pointer);
    const key = match ? keys.get(decodePointer(match[1] as string)) : undefined;
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

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
