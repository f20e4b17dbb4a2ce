import { effectiveSchema, isPlainObject, typesOf, type JsonSchema } from "./json-schema.js";

/**
 * The values a schema implies when the user sets nothing: a property's `default` when it has one,
 * otherwise (for an object with properties) the object of its properties' defaults. This is what a
 * chart's generated values.yaml holds.
 */
export function defaultsOf(root: JsonSchema, node: JsonSchema = root): unknown {
  const schema = effectiveSchema(root, node);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (!schema.properties) return undefined;
  if (typesOf(schema).length > 0 && !typesOf(schema).includes("object")) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const value = defaultsOf(root, property);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The schema of a child key, when the parent declares it (properties, then additionalProperties). */
export function childSchema(root: JsonSchema, parent: JsonSchema, key: string): JsonSchema | undefined {
  const schema = effectiveSchema(root, parent);
  const declared = schema.properties?.[key];
  if (declared) return declared;
  return isPlainObject(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : undefined;
}

export function itemSchema(root: JsonSchema, parent: JsonSchema): JsonSchema | undefined {
  const items = effectiveSchema(root, parent).items;
  return isPlainObject(items) ? (items as JsonSchema) : undefined;
}
