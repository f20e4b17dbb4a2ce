import { effectiveSchema, isPlainObject, typesOf, type JsonSchema } from "./json-schema.js";

export interface SchemaLintProblem {
  pointer: string;
  message: string;
}

/**
 * House rules every bundled schema must follow so editors, docs and Helm all get what they need:
 * each property is described, each leaf has a default, each object decides on additionalProperties.
 */
export function lintSchema(root: JsonSchema): SchemaLintProblem[] {
  const problems: SchemaLintProblem[] = [];
  // Inside list items and map values a key is written by the user, so only descriptions are required there.
  const visitObject = (node: JsonSchema, pointer: string, requireDefaults = true): void => {
    const schema = effectiveSchema(root, node);
    if (schema.properties && schema.additionalProperties === undefined) {
      problems.push({ pointer, message: 'object has properties but no "additionalProperties" decision; add "additionalProperties": false (or true for a free-form map).' });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const at = `${pointer}/properties/${name}`;
      const effective = effectiveSchema(root, property);
      if (!effective.description && !effective.markdownDescription) problems.push({ pointer: at, message: `property "${name}" has no description.` });
      const isStructured = effective.properties !== undefined;
      if (requireDefaults && !isStructured && effective.default === undefined) problems.push({ pointer: at, message: `property "${name}" has no default; every leaf needs one so values.yaml can be generated.` });
      visitObject(property, at, requireDefaults && effective.default === undefined);
    }
    if (isPlainObject(schema.additionalProperties)) visitObject(schema.additionalProperties as JsonSchema, `${pointer}/additionalProperties`, false);
    if (isPlainObject(schema.items)) visitObject(schema.items as JsonSchema, `${pointer}/items`, false);
    for (const key of ["anyOf", "oneOf"] as const) {
      (schema[key] ?? []).forEach((member, i) => visitObject(member, `${pointer}/${key}/${i}`, false));
    }
  };
  if (!typesOf(root).includes("object")) problems.push({ pointer: "", message: 'the root schema must be "type": "object".' });
  visitObject(root, "");
  return problems;
}
