import { effectiveSchema, typesOf, type JsonSchema } from "../../tools/src/schemas/json-schema.js";

export interface ValuesMistake {
  name: string;
  values: Record<string, unknown>;
}

/**
 * Values a chart's schema must reject, derived from the schema itself so every new chart is
 * covered: a misspelled top-level key, a misspelled key inside a closed nested object, and a
 * string where the schema wants a number or boolean.
 */
export function valuesMistakes(schema: JsonSchema): ValuesMistake[] {
  const mistakes: ValuesMistake[] = [];
  const top = Object.entries(schema.properties ?? {}).filter(([name]) => name !== "global");
  const [firstName] = top[0] ?? [];
  if (firstName) mistakes.push({ name: `misspelled top-level key "${misspell(firstName, schema)}"`, values: { [misspell(firstName, schema)]: true } });

  const nested = closedObject(schema, top) ?? closedObjectOneLevelDown(schema, top);
  const listed = nested ? undefined : closedListItem(schema, top);
  if (nested) {
    const typo = misspell(nested.children[0] as string, nested.schema);
    mistakes.push({ name: `misspelled nested key "${[...nested.path, typo].join(".")}"`, values: nestValue([...nested.path, typo], true) });
  } else if (listed) {
    const typo = misspell(listed.children[0] as string, listed.schema);
    mistakes.push({ name: `misspelled nested key "${listed.path[0]}[].${typo}"`, values: { [listed.path[0] as string]: [{ [typo]: true }] } });
  }

  for (const [name, property] of top) {
    const types = typesOf(effectiveSchema(schema, property));
    if (types.length === 0 || types.includes("string") || !types.some((t) => ["integer", "number", "boolean"].includes(t))) continue;
    mistakes.push({ name: `wrong type for "${name}" (${types.join("|")} expected, string given)`, values: { [name]: "not-a-number" } });
    break;
  }
  return mistakes;
}

type Entries = [string, JsonSchema][];

/** The first top-level property that is a closed object with declared keys. */
function closedObject(root: JsonSchema, top: Entries, prefix: string[] = []): { path: string[]; schema: JsonSchema; children: string[] } | undefined {
  for (const [name, property] of top) {
    const effective = effectiveSchema(root, property);
    const children = Object.keys(effective.properties ?? {});
    if (effective.additionalProperties === false && children.length > 0) return { path: [...prefix, name], schema: effective, children };
  }
  return undefined;
}

/**
 * A chart whose top-level objects are all open (a wrapper whose only object is a subchart's values,
 * which Helm merges with the subchart's defaults before validating) is tried one level down.
 */
function closedObjectOneLevelDown(root: JsonSchema, top: Entries): { path: string[]; schema: JsonSchema; children: string[] } | undefined {
  for (const [name, property] of top) {
    const effective = effectiveSchema(root, property);
    const found = closedObject(root, Object.entries(effective.properties ?? {}) as Entries, [name]);
    if (found) return found;
  }
  return undefined;
}

/** A chart whose only closed objects are the items of a top-level list (sync-identities' namespaces). */
function closedListItem(root: JsonSchema, top: Entries): { path: string[]; schema: JsonSchema; children: string[] } | undefined {
  for (const [name, property] of top) {
    const effective = effectiveSchema(root, property);
    if (!effective.items || Array.isArray(effective.items)) continue;
    const item = effectiveSchema(root, effective.items as JsonSchema);
    const children = Object.keys(item.properties ?? {});
    if (item.additionalProperties === false && children.length > 0) return { path: [name], schema: item, children };
  }
  return undefined;
}

function nestValue(path: string[], leaf: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((value, key) => ({ [key]: value }), leaf) as Record<string, unknown>;
}

/** A near-miss of a key (drops its last letter, or appends one) that the schema does not declare. */
function misspell(key: string, parent: JsonSchema): string {
  const declared = new Set(Object.keys(parent.properties ?? {}));
  const dropped = key.slice(0, -1);
  return dropped.length > 0 && !declared.has(dropped) ? dropped : `${key}s`;
}
