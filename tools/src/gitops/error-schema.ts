/**
 * What ajv's `verbose` option would have put in an error (`parentSchema`, `data`), found from the
 * error's `schemaPath` and `instancePath` against the schema and the data the caller already has,
 * so that compiled validators need not embed their schema and error objects (`verbose` made each
 * chart's compiled module 330-430 KB, most of the generator's heap after planning).
 *
 * ajv 8.20 writes `parentSchema` as the schema object holding the failing keyword
 * (node_modules/ajv/lib/compile/errors.ts:176-181: `${topSchemaRef}${schemaPath}`), where
 * `topSchemaRef` is the schema of the compiled FUNCTION that failed. With `inlineRefs: false` every
 * `$ref` target is a function of its own whose error paths start again at "#"
 * (lib/compile/index.ts:154 `errSchemaPath: sch.schemaPath || "#"`, and a reference's SchemaEnv is
 * made without a schemaPath, lib/compile/index.ts:283 and :321), and a caller copies the callee's
 * errors unchanged (lib/vocabularies/core/ref.ts, addErrorsFrom). So `schemaPath` is relative to
 * either the root or a `$ref` target; which one is decided by where that function applies to the
 * data: the function's root must apply at `instancePath` minus the data steps the path itself
 * takes (`properties/x`, `items`, ...).
 */

import { decodePointerSegment } from "../schemas/json-schema.js";

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords whose subschemas apply to the same data. */
const IN_PLACE_LISTS = ["allOf", "anyOf", "oneOf"] as const;
const IN_PLACE_SINGLE = ["if", "then", "else", "not"] as const;
/** Keywords whose values are data, not schemas, and keywords whose values map names to schemas. */
const DATA_KEYWORDS = new Set(["default", "examples", "enum", "const"]);
const MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions", "dependencies"]);

/** A token of a pointer in URI fragment form (ajv's `$ref` and schemaPath): percent-decoded, then RFC 6901. */
function unescape(segment: string): string {
  return decodePointerSegment(decodeURIComponent(segment));
}

/** The value at a local JSON pointer (`#/definitions/x`) of `root`. */
function resolveLocal(root: Schema, ref: string): Schema | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const segment = unescape(raw);
    node = Array.isArray(node) ? node[Number(segment)] : isSchema(node) ? node[segment] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

/** `schemas` and every subschema applying to the same data through `$ref`, allOf/anyOf/oneOf, if/then/else, not. */
function inPlace(root: Schema, schemas: Iterable<Schema>): Set<Schema> {
  const out = new Set<Schema>();
  const pending = [...schemas];
  while (pending.length > 0) {
    const schema = pending.pop() as Schema;
    if (out.has(schema)) continue;
    out.add(schema);
    if (typeof schema.$ref === "string") {
      const target = resolveLocal(root, schema.$ref);
      if (target) pending.push(target);
    }
    for (const keyword of IN_PLACE_LISTS) if (Array.isArray(schema[keyword])) pending.push(...(schema[keyword] as unknown[]).filter(isSchema));
    for (const keyword of IN_PLACE_SINGLE) if (isSchema(schema[keyword])) pending.push(schema[keyword]);
    if (isSchema(schema.dependencies)) pending.push(...Object.values(schema.dependencies).filter(isSchema));
  }
  return out;
}

/** The subschemas of `schema` that apply to the child `segment` of its data (a key, or an array index). */
function childSchemas(schema: Schema, segment: string): Schema[] {
  const out: Schema[] = [];
  let named = false;
  if (isSchema(schema.properties) && isSchema(schema.properties[segment])) {
    out.push(schema.properties[segment]);
    named = true;
  }
  if (isSchema(schema.patternProperties)) {
    for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
      if (isSchema(sub) && new RegExp(pattern, "u").test(segment)) {
        out.push(sub);
        named = true;
      }
    }
  }
  if (!named && isSchema(schema.additionalProperties)) out.push(schema.additionalProperties);
  if (/^\d+$/.test(segment)) {
    if (isSchema(schema.items)) out.push(schema.items);
    else if (Array.isArray(schema.items)) {
      const item: unknown = schema.items[Number(segment)];
      if (isSchema(item)) out.push(item);
      else if (isSchema(schema.additionalItems)) out.push(schema.additionalItems);
    }
    if (isSchema(schema.contains)) out.push(schema.contains);
  }
  return out;
}

/** Every schema that applies to the data at `path` (JSON pointer segments), starting from `root`. */
function schemasAt(root: Schema, path: readonly string[]): Set<Schema> {
  let current = inPlace(root, [root]);
  for (const segment of path) current = inPlace(root, [...current].flatMap((schema) => childSchemas(schema, segment)));
  return current;
}

/** Follows an error's schema path (without its keyword) from a function's root; the schema reached and how many data steps the path took. */
function followSchemaPath(start: Schema, segments: readonly string[]): { schema: Schema; dataSteps: number } | undefined {
  let node: unknown = start;
  let dataSteps = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (!isSchema(node)) return undefined;
    if (segment === "properties" || segment === "patternProperties") {
      const sub = node[segment];
      node = isSchema(sub) ? sub[segments[++i] as string] : undefined;
      dataSteps++;
    } else if (segment === "items" && Array.isArray(node.items)) {
      node = node.items[Number(segments[++i])];
      dataSteps++;
    } else if (segment === "items" || segment === "additionalItems" || segment === "additionalProperties" || segment === "contains") {
      node = node[segment];
      dataSteps++;
    } else if ((IN_PLACE_LISTS as readonly string[]).includes(segment)) {
      const list = node[segment];
      node = Array.isArray(list) ? list[Number(segments[++i])] : undefined;
    } else if (segment === "dependencies" || segment === "definitions") {
      const map = node[segment];
      node = isSchema(map) ? map[segments[++i] as string] : undefined;
    } else {
      // if, then, else, not, propertyNames: the same data (propertyNames' errors keep the object's path).
      node = node[segment];
    }
  }
  return isSchema(node) ? { schema: node, dataSteps } : undefined;
}

/**
 * The schema object that holds the failing keyword of an ajv error (what `verbose` reports as
 * `parentSchema`), found in `root`, the schema the validator was compiled from; undefined when the
 * path leads nowhere in it.
 */
export function parentSchemaOf(error: { schemaPath: string; instancePath: string; keyword: string }, root: object): Schema | undefined {
  if (!isSchema(root) || !error.schemaPath.startsWith("#")) return undefined;
  const segments = error.schemaPath === "#" ? [] : error.schemaPath.slice(2).split("/").map(unescape);
  if (segments.pop() !== error.keyword) return undefined;
  const dataPath = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/").map(decodePointerSegment);
  // A function's root is the validated schema itself or a `$ref` target; try each where it applies.
  const starts = [root, ...refTargets(root)];
  for (const start of starts) {
    const found = followSchemaPath(start, segments);
    if (!found || !(error.keyword in found.schema) || found.dataSteps > dataPath.length) continue;
    if (schemasAt(root, dataPath.slice(0, dataPath.length - found.dataSteps)).has(start)) return found.schema;
  }
  return undefined;
}

/** Every distinct local `$ref` target in `root`. */
function refTargets(root: Schema): Schema[] {
  const targets = new Set<Schema>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (isSchema(node)) {
      if (typeof node.$ref === "string") {
        const target = resolveLocal(root, node.$ref);
        if (target) targets.add(target);
      }
      for (const [key, value] of Object.entries(node)) {
        if (DATA_KEYWORDS.has(key)) continue;
        // The values of a map keyword are schemas whatever their names ("enum" may name a property).
        if (MAP_KEYWORDS.has(key) && isSchema(value)) for (const sub of Object.values(value)) visit(sub);
        else visit(value);
      }
    }
  };
  visit(root);
  return [...targets];
}

/**
 * The data an ajv error is about (what `verbose` reports as `data`): the value at its
 * `instancePath`, or, inside `propertyNames`, the key itself (ajv validates the name as the data of
 * the subschema and keeps the object's path, lib/vocabularies/applicator/propertyNames.ts, and
 * sets `propertyName`, lib/compile/errors.ts:182).
 */
export function errorData(error: { instancePath: string; propertyName?: string }, data: unknown): unknown {
  return error.propertyName ?? dataAt(data, error.instancePath);
}

/** The value at a JSON pointer into `data`. */
export function dataAt(data: unknown, instancePath: string): unknown {
  if (instancePath === "") return data;
  let node = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const segment = decodePointerSegment(raw);
    node = Array.isArray(node) ? node[Number(segment)] : typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}
