import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import { effectiveSchema, typesOf, type JsonSchema } from "../schemas/json-schema.js";

export type MistakeKind = "misspelled-key" | "wrong-type" | "out-of-range";

/** A mistake planted in a values file, where an editor must underline it. */
export interface PlantedMistake {
  kind: MistakeKind;
  /** Keys from the document root to the misspelled key or the bad value. */
  path: string[];
  /** 0-based line of the misspelled key or the bad value in `text`. */
  line: number;
  /** What the edit was, for failure messages. */
  description: string;
}

export interface MistakePlan {
  text: string;
  mistakes: PlantedMistake[];
}

/** A declared property reached through plain nested objects (no arrays, no conditional keywords). */
interface DeclaredProperty {
  path: string[];
  schema: JsonSchema;
}

const COMPOSITION = ["oneOf", "anyOf", "if", "not", "dependencies", "patternProperties"] as const;

function isPlainObjectSchema(schema: JsonSchema): boolean {
  return typesOf(schema).includes("object") && schema.properties !== undefined && COMPOSITION.every((k) => schema[k] === undefined);
}

/** Every declared property of plain nested objects, depth first in schema order; `global` is skipped (it is open). */
export function declaredProperties(root: JsonSchema, node: JsonSchema = root, prefix: string[] = []): DeclaredProperty[] {
  const schema = effectiveSchema(root, node);
  if (!isPlainObjectSchema(schema)) return [];
  const out: DeclaredProperty[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (prefix.length === 0 && name === "global") continue;
    const path = [...prefix, name];
    const effective = effectiveSchema(root, property);
    out.push({ path, schema: effective });
    out.push(...declaredProperties(root, property, path));
  }
  return out;
}

/** A near-miss of `key` (last letter dropped, else an `s` appended) that `declared` does not contain. */
export function misspell(key: string, declared: ReadonlySet<string>): string {
  const dropped = key.slice(0, -1);
  if (dropped.length > 0 && !declared.has(dropped)) return dropped;
  let candidate = `${key}s`;
  while (declared.has(candidate)) candidate += "s";
  return candidate;
}

function hasPath(values: unknown, path: readonly string[]): boolean {
  let node = values;
  for (const key of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node) || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** Whether every object on the way to `path` is absent or a map in `values`, so a key can be set there. */
function canSetAt(values: unknown, path: readonly string[]): boolean {
  let node = values;
  for (const key of path.slice(0, -1)) {
    if (node === undefined || node === null) return true;
    if (typeof node !== "object" || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node === undefined || node === null || (typeof node === "object" && !Array.isArray(node));
}

/** Prefers what the file already sets (the mistake then sits among real values), else schema order. */
function pick<T extends DeclaredProperty>(candidates: readonly T[], values: unknown): T | undefined {
  return candidates.find((c) => hasPath(values, c.path)) ?? candidates[0];
}

function isNumericLeaf(schema: JsonSchema): boolean {
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => t === "integer" || t === "number") && schema.enum === undefined;
}

/**
 * Plants up to one mistake of each kind in a values file, chosen from its schema so the same code
 * covers every chart: a misspelled key inside a closed nested object, a string where the schema
 * wants a number or boolean, and a number outside its `minimum`/`maximum`. Comments and layout of
 * the file are kept. Returns the new text and, for each mistake, the line an editor must flag.
 */
export function plantMistakes(root: JsonSchema, valuesText: string, kinds: readonly MistakeKind[] = ["misspelled-key", "wrong-type", "out-of-range"]): MistakePlan {
  const doc = parseDocument(valuesText);
  if (doc.errors.length > 0) throw new Error(`Cannot plant mistakes: the values file does not parse: ${doc.errors[0]?.message}`);
  const values: unknown = doc.toJS() ?? {};
  const properties = declaredProperties(root).filter((p) => canSetAt(values, p.path));
  const planned: Array<Omit<PlantedMistake, "line"> & { keyAt?: string[] }> = [];
  const used = new Set<string>();

  if (kinds.includes("misspelled-key")) {
    const closed = properties.filter((p) => isPlainObjectSchema(p.schema) && p.schema.additionalProperties === false && Object.keys(p.schema.properties ?? {}).length > 0);
    const target = pick(closed, values);
    if (target) {
      const declared = new Set(Object.keys(target.schema.properties ?? {}));
      const original = [...declared][0] as string;
      const typo = misspell(original, declared);
      doc.setIn([...target.path, typo], true);
      planned.push({ kind: "misspelled-key", path: [...target.path, typo], description: `${[...target.path, typo].join(".")} (misspelling of ${original})` });
    }
  }
  if (kinds.includes("wrong-type")) {
    const leaves = properties.filter((p) => {
      const types = typesOf(p.schema);
      return types.length > 0 && types.every((t) => ["integer", "number", "boolean"].includes(t)) && p.schema.enum === undefined;
    });
    const target = pick(leaves, values);
    if (target) {
      used.add(target.path.join("."));
      doc.setIn(target.path, "wrong-type");
      planned.push({ kind: "wrong-type", path: target.path, description: `${target.path.join(".")}: "wrong-type" where ${typesOf(target.schema).join("|")} is expected` });
    }
  }
  if (kinds.includes("out-of-range")) {
    const bounded = properties.filter((p) => isNumericLeaf(p.schema) && (typeof p.schema.maximum === "number" || typeof p.schema.minimum === "number") && !used.has(p.path.join(".")));
    const target = pick(bounded, values);
    if (target) {
      const value = typeof target.schema.maximum === "number" ? target.schema.maximum + 1 : (target.schema.minimum as number) - 1;
      doc.setIn(target.path, value);
      planned.push({ kind: "out-of-range", path: target.path, description: `${target.path.join(".")}: ${value} is outside [${target.schema.minimum ?? "-∞"}, ${target.schema.maximum ?? "∞"}]` });
    }
  }

  const text = doc.toString({ lineWidth: 0 });
  return { text, mistakes: planned.map((m) => ({ ...m, line: lineOfMistake(text, m.kind, m.path) })) };
}

/** The 0-based line of the key (misspelled key) or the value (other mistakes) at `path`. */
function lineOfMistake(text: string, kind: MistakeKind, path: readonly string[]): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let node: Node | undefined;
  if (kind === "misspelled-key") {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === path[path.length - 1]);
      node = pair?.key as Node | undefined;
    }
  } else {
    node = doc.getIn(path, true) as Node | undefined;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) throw new Error(`Planted mistake at ${path.join(".")} cannot be found in the rewritten values file.`);
  return lineCounter.linePos(offset).line - 1;
}
