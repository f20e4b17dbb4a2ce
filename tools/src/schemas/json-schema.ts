/** The subset of draft-07 JSON Schema the pipeline reads, plus the editor-facing annotations it keeps. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  default?: unknown;
  examples?: unknown[];
  [keyword: string]: unknown;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** One reference token of a JSON pointer, unescaped (RFC 6901 section 4: `~1` first, then `~0`). */
export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Resolves a `#/a/b` pointer inside one document (RFC 6901 escaping). */
export function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith("#")) return undefined;
  const parts = ref.slice(1).split("/").filter((p) => p !== "").map(decodePointerSegment);
  let node: unknown = root;
  for (const part of parts) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return isPlainObject(node) ? (node as JsonSchema) : undefined;
}

/**
 * The schema a node stands for once its `$ref` and `allOf` members are folded in (the node's own
 * keywords win). Enough for reading annotations and structure; not a validator.
 */
export function effectiveSchema(root: JsonSchema, node: JsonSchema, seen: Set<JsonSchema> = new Set()): JsonSchema {
  if (seen.has(node)) return node;
  seen.add(node);
  let merged: JsonSchema = {};
  const parts: JsonSchema[] = [];
  if (node.$ref) {
    const target = resolvePointer(root, node.$ref);
    if (target) parts.push(target);
  }
  for (const member of node.allOf ?? []) parts.push(member);
  for (const part of parts) merged = { ...merged, ...effectiveSchema(root, part, seen) };
  const own: JsonSchema = { ...node };
  delete own.$ref;
  delete own.allOf;
  return { ...merged, ...own };
}
