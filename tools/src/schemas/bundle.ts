import { basename, dirname, resolve } from "node:path";
import { isPlainObject, type JsonSchema } from "./json-schema.js";
import { sortKeys } from "../text/compare-text.js";

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** Reads a schema file by absolute path; the caller decides where files come from (disk, memory). */
export type SchemaReader = (absolutePath: string) => JsonSchema;

export class SchemaBundleError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    message: string,
  ) {
    super(`${file} at ${pointer || "/"}: ${message}`);
  }
}

/**
 * Bundles a schema and every file it references into ONE self-contained draft-07 document: each
 * referenced file is inlined under `definitions/<file basename>` and every `$ref` is rewritten to
 * an internal pointer. Helm resolves relative file refs against the filesystem root, so a chart's
 * values.schema.json must not reference other files.
 *
 * Annotations written next to a `$ref` (description, default) are ignored by draft-07 validators
 * and editors, so such a node becomes `{...annotations, allOf: [{$ref}]}`.
 */
export function bundleSchema(entryPath: string, read: SchemaReader): JsonSchema {
  const entry = resolve(entryPath);
  const keyByFile = new Map<string, string>([[entry, ""]]);
  const fileByKey = new Map<string, string>();
  const queue: string[] = [];

  const keyFor = (file: string, from: string, pointer: string): string => {
    const known = keyByFile.get(file);
    if (known !== undefined) return known;
    const key = basename(file).replace(/\.json$/, "");
    const clash = fileByKey.get(key);
    if (clash && clash !== file) {
      throw new SchemaBundleError(from, pointer, `two referenced files share the definition name "${key}": ${clash} and ${file}. Rename one of them.`);
    }
    keyByFile.set(file, key);
    fileByKey.set(key, file);
    queue.push(file);
    return key;
  };

  const rewrite = (node: unknown, file: string, pointer: string): unknown => {
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref") continue;
      const at = `${pointer}/${key}`;
      if (SCHEMA_MAP_KEYWORDS.has(key) && isPlainObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, rewrite(sub, file, `${at}/${name}`)]));
      } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
        out[key] = value.map((sub, i) => rewrite(sub, file, `${at}/${i}`));
      } else if (SCHEMA_KEYWORDS.has(key)) {
        out[key] = Array.isArray(value) ? value.map((sub, i) => rewrite(sub, file, `${at}/${i}`)) : rewrite(value, file, at);
      } else {
        out[key] = value;
      }
    }
    if (typeof node.$ref !== "string") return out;
    const ref = internalRef(node.$ref, file, pointer);
    if (Object.keys(out).length === 0) return { $ref: ref };
    return { ...out, allOf: [{ $ref: ref }, ...((out.allOf as unknown[] | undefined) ?? [])] };
  };

  const internalRef = (ref: string, file: string, pointer: string): string => {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    if (/^[a-z]+:\/\//i.test(filePart)) {
      throw new SchemaBundleError(file, pointer, `remote $ref "${ref}" cannot be bundled. Reference a file under schemas/ instead.`);
    }
    const target = filePart === "" ? file : resolve(dirname(file), filePart);
    const key = target === entry ? "" : keyFor(target, file, pointer);
    const base = key === "" ? "" : `/definitions/${key}`;
    return `#${base}${fragment}`;
  };

  const readChecked = (file: string): JsonSchema => {
    try {
      return read(file);
    } catch (error) {
      throw new SchemaBundleError(file, "", `cannot read schema: ${(error as Error).message}`);
    }
  };

  const root = rewrite(readChecked(entry), entry, "") as JsonSchema;
  const definitions: Record<string, JsonSchema> = { ...(root.definitions ?? {}) };
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const key = keyByFile.get(file) as string;
    if (definitions[key]) throw new SchemaBundleError(entry, `/definitions/${key}`, `the entry schema already defines "${key}", which clashes with ${file}.`);
    const inlined = rewrite(readChecked(file), file, "") as JsonSchema;
    delete inlined.$schema;
    delete inlined.$id;
    definitions[key] = inlined;
  }
  const bundled: JsonSchema = { $schema: DRAFT_07, ...root };
  delete bundled.definitions;
  if (Object.keys(definitions).length > 0) bundled.definitions = sortKeys(definitions);
  return bundled;
}

/** Keywords whose value is a map of name -> subschema. */
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "definitions", "patternProperties", "dependencies"]);
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
/** Keywords whose value is one subschema (or, for items, possibly a list). */
const SCHEMA_KEYWORDS = new Set(["items", "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else"]);

