import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair } from "yaml";
import { childSchema, itemSchema } from "./defaults.js";
import { effectiveSchema, type JsonSchema } from "./json-schema.js";

export interface ValuesYamlOptions {
  /** Header lines (without "#") put above the document. */
  header: string[];
}

/**
 * Renders a chart's default values as YAML, each key preceded by its schema description, so that
 * values.yaml reads like hand-written Helm docs while the schema stays the only source.
 */
export function renderValuesYaml(root: JsonSchema, defaults: Record<string, unknown>, options: ValuesYamlOptions): string {
  const doc = new Document(defaults);
  annotate(root, root, doc.contents as Node);
  doc.commentBefore = options.header.map((line) => (line === "" ? "" : ` ${line}`)).join("\n");
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

// In a list, only the first item's keys carry descriptions: repeating them on every item is noise.
function annotate(root: JsonSchema, schema: JsonSchema, node: Node | null, describe = true): void {
  if (isMap(node)) {
    node.items.forEach((pair, index) => annotatePair(root, schema, pair as Pair, index, describe));
  } else if (isSeq(node)) {
    const items = itemSchema(root, schema);
    if (items) node.items.forEach((item, index) => annotate(root, items, item as Node, describe && index === 0));
  }
}

function annotatePair(root: JsonSchema, parent: JsonSchema, pair: Pair, index: number, describe: boolean): void {
  if (!isPair(pair) || !isScalar(pair.key)) return;
  const key = String(pair.key.value);
  const schema = childSchema(root, parent, key);
  if (!schema) return;
  const description = effectiveSchema(root, schema).description;
  if (description && describe) {
    const lines = description.trim().split("\n").map((line) => ` ${line}`.trimEnd());
    // A blank line before each documented top-level block keeps the file scannable.
    pair.key.commentBefore = lines.join("\n");
    if (index > 0 && parent === root) pair.key.spaceBefore = true;
  }
  annotate(root, schema, pair.value as Node, describe);
}
