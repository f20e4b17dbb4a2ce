import { closest, distance } from "fastest-levenshtein";
import { isRecord } from "./manifests.js";
import type { PathSegment } from "./problem.js";

/**
 * Which field names an object may have at one place in a manifest, derived from the model declarations.
 * A node with neither properties, additional nor open accepts no object at all (a string, number, ...);
 * the model's own validation reports such type mismatches, so the field walk leaves them alone.
 */
export interface FieldNode {
  /** Declared type name for messages, e.g. `Container`; absent for inline CRD object types. */
  name?: string;
  /** Accepts any fields: `{}`, `object`, `any`/`unknown`, preserve-unknown-fields CRD objects. */
  open?: true;
  /** Known fields and the node describing each one's value. */
  properties?: Record<string, number>;
  /** Node for values of any other key (maps such as labels, annotations, `Record<string, X>`). */
  additional?: number;
  /** Node for the elements of an array. */
  items?: number;
}

/** All nodes, plus the root node of each `apiVersion/kind`; plain data so it can be cached as JSON. */
export interface FieldGraph {
  nodes: FieldNode[];
  roots: Record<string, number>;
}

export interface UnknownField {
  path: PathSegment[];
  field: string;
  /** The declared type the field is not part of, when it has a name. */
  typeName?: string;
  /** The closest valid field name, when one is close enough to be a likely typo. */
  suggestion?: string;
}

export function rootKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** Every field of `value` that its declared type does not have, in document order. */
export function findUnknownFields(graph: FieldGraph, root: number, value: unknown): UnknownField[] {
  const found: UnknownField[] = [];
  const visit = (nodeId: number, current: unknown, path: PathSegment[]): void => {
    const node = graph.nodes[nodeId];
    if (!node || node.open) return;
    if (Array.isArray(current)) {
      if (node.items === undefined) return;
      current.forEach((element, index) => visit(node.items!, element, [...path, index]));
      return;
    }
    if (!isRecord(current)) return;
    if (node.properties === undefined && node.additional === undefined) return;
    for (const [field, fieldValue] of Object.entries(current)) {
      const child =
        node.properties && Object.hasOwn(node.properties, field) ? node.properties[field] : node.additional;
      if (child === undefined) {
        const suggestion = suggestField(field, Object.keys(node.properties ?? {}));
        found.push({
          path: [...path, field],
          field,
          ...(node.name ? { typeName: node.name } : {}),
          ...(suggestion ? { suggestion } : {}),
        });
        continue;
      }
      visit(child, fieldValue, [...path, field]);
    }
  };
  visit(root, value, []);
  return found;
}

/** The valid name a typo most likely meant: same letters ignoring case, or a few edits away (2, or a third of long names). */
export function suggestField(field: string, validNames: readonly string[]): string | undefined {
  if (validNames.length === 0) return undefined;
  const lower = field.toLowerCase();
  const sameIgnoringCase = validNames.find((name) => name.toLowerCase() === lower);
  if (sameIgnoringCase) return sameIgnoringCase;
  const best = closest(field, [...validNames]);
  const allowed = Math.min(Math.max(2, Math.floor(field.length / 3)), field.length - 1);
  return distance(lower, best.toLowerCase()) <= allowed ? best : undefined;
}

export function describeUnknownField(unknown: UnknownField): string {
  const where = unknown.typeName ? ` (not a field of ${unknown.typeName})` : "";
  const hint = unknown.suggestion ? `; did you mean "${unknown.suggestion}"?` : "; remove it or check the field name";
  return `unknown field "${unknown.field}"${where}${hint}`;
}
