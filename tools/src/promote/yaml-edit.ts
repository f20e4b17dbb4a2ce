import { isDeepStrictEqual } from "node:util";
import { Composer, CST, isAlias, isMap, isPair, isScalar, Parser, parse, parseDocument, stringify, type Document, type Node, type YAMLMap } from "yaml";
import { PromotionError } from "./errors.js";
import type { PinValue } from "./plan.js";

export interface ScalarEdit {
  path: readonly string[];
  value: PinValue;
  /**
   * For a key that must be added: the sibling key to add it after when the mapping has it (an
   * image's `imageDigest` goes right after its `imageTag`); otherwise it goes at the end.
   */
  after?: string;
}

/**
 * Sets values in a YAML file without reformatting it: each existing scalar is rewritten in place
 * through the CST (keeping its quoting style, the comment after it and everything else byte for
 * byte), and a missing key is added as one line with the mapping's own indentation, after the
 * sibling `after` names or at the end of its mapping. The result is re-parsed and must equal the original data with exactly these values
 * set; anything else is an error rather than a silently different file.
 */
export function applyScalarEdits(file: string, text: string, edits: readonly ScalarEdit[]): string {
  const original = parseStrict(file, text);
  let out = text;
  for (const edit of edits) {
    if (!hasPath(parseStrict(file, out), edit.path)) out = insertKey(file, out, edit);
  }
  out = replaceScalars(file, out, edits);
  const expected = structuredClone(original.toJS()) as unknown;
  for (const edit of edits) setIn(expected, edit.path, edit.value);
  const actual = parseStrict(file, out).toJS() as unknown;
  if (!isDeepStrictEqual(actual, expected)) {
    throw new PromotionError("PRM012", `${file}: editing ${edits.map((e) => e.path.join(".")).join(", ")} in place would change other values of the file; nothing was written.`);
  }
  return out;
}

function replaceScalars(file: string, text: string, edits: readonly ScalarEdit[]): string {
  const tokens = [...new Parser().parse(text)];
  const documents = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const document = documents[0];
  if (!document || documents.length !== 1) throw new PromotionError("PRM004", `${file}: expected exactly one YAML document.`);
  for (const edit of edits) {
    const node = document.getIn(edit.path, true) as Node | undefined;
    const where = `${file}: ${edit.path.join(".")}`;
    if (isAlias(node)) throw new PromotionError("PRM012", `${where} is an alias (*${node.source}); promotion edits only literal values.`);
    if (!isScalar(node) || !node.srcToken) throw new PromotionError("PRM012", `${where} is not a scalar value.`);
    const token = node.srcToken;
    if (token.type === "block-scalar") throw new PromotionError("PRM012", `${where} is a block scalar (| or >); write the pin on one line.`);
    if (node.value === edit.value) continue;
    if (typeof edit.value === "string" && token.type === "scalar" && !plainKeepsString(edit.value)) {
      CST.setScalarValue(token, edit.value, { type: "QUOTE_DOUBLE" });
    } else {
      CST.setScalarValue(token, String(edit.value));
    }
  }
  return tokens.map((token) => CST.stringify(token)).join("");
}

/** Whether writing the string unquoted reads back as the same string (not a number, a bool, a map...). */
function plainKeepsString(value: string): boolean {
  if (value === "" || /[\n#]|:\s|^\s|\s$/.test(value)) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

function insertKey(file: string, text: string, edit: ScalarEdit): string {
  const document = parseStrict(file, text);
  const parentPath = edit.path.slice(0, -1);
  const key = edit.path[edit.path.length - 1] as string;
  const parent = (parentPath.length === 0 ? document.contents : document.getIn(parentPath, true)) as Node | null | undefined;
  if (!isMap(parent) || !parent.range) {
    throw new PromotionError("PRM012", `${file}: cannot add ${edit.path.join(".")} because ${parentPath.join(".") || "the document"} is not a mapping in the file; add the key by hand.`);
  }
  const keyText = stringify(key, { lineWidth: 0 }).trimEnd();
  const valueText = stringify(edit.value, { lineWidth: 0 }).trimEnd();
  const sibling = edit.after === undefined ? undefined : parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === edit.after);
  const lastItem = sibling ?? parent.items[parent.items.length - 1];
  const lastEnd = lastItem ? endOfPair(lastItem) : undefined;
  if (parent.flow) {
    const at = lastEnd ?? text.indexOf("{", parent.range[0]) + 1;
    return `${text.slice(0, at)}${lastItem ? ", " : ""}${keyText}: ${valueText}${text.slice(at)}`;
  }
  if (lastEnd === undefined) throw new PromotionError("PRM012", `${file}: cannot add ${edit.path.join(".")} to an empty mapping; add the key by hand.`);
  const indent = columnOf(text, firstKeyOffset(parent));
  const lineEnd = text.indexOf("\n", lastEnd);
  const line = `${" ".repeat(indent)}${keyText}: ${valueText}\n`;
  return lineEnd === -1 ? `${text}\n${line}` : `${text.slice(0, lineEnd + 1)}${line}${text.slice(lineEnd + 1)}`;
}

function endOfPair(item: YAMLMap["items"][number]): number | undefined {
  if (!isPair(item)) return undefined;
  const value = item.value as Node | null;
  const key = item.key as Node | null;
  return value?.range?.[1] ?? key?.range?.[1];
}

function firstKeyOffset(map: YAMLMap): number {
  const first = map.items[0];
  const key = first && isPair(first) ? (first.key as Node | null) : null;
  return key?.range?.[0] ?? map.range?.[0] ?? 0;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function hasPath(document: Document, path: readonly string[]): boolean {
  return document.hasIn(path);
}

function parseStrict(file: string, text: string): Document {
  const document = parseDocument(text, { uniqueKeys: true, strict: true });
  if (document.errors.length > 0) {
    throw new PromotionError("PRM004", `${file}: malformed YAML: ${document.errors[0]?.message.split("\n")[0]}`);
  }
  return document;
}

function setIn(target: unknown, path: readonly string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) {
    if (typeof node[segment] !== "object" || node[segment] === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/**
 * Sets the `pins` mapping of the cluster at `index` of `clusters:` (undefined removes it), leaving
 * every other byte of the file as it was. The block is machine-owned (progressive promotions write
 * and remove it): it is rewritten whole, as the last key of the cluster's mapping, with the
 * mapping's indentation. The result is re-parsed and must equal the original data with exactly that
 * block changed.
 */
export function setClusterPins(file: string, text: string, index: number, pins: Record<string, Record<string, PinValue>> | undefined): string {
  const original = parseStrict(file, text);
  const where = `${file}: clusters[${index}]`;
  const clusterAt = (document: Document): YAMLMap => {
    const node = document.getIn(["clusters", index], true) as Node | undefined;
    if (!isMap(node) || !node.range || node.flow) throw new PromotionError("PRM012", `${where} is not a block mapping; write the cluster as \`- name: ...\` with one key per line so its pins can be edited.`);
    return node;
  };
  let out = text;
  const existing = clusterAt(original).items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === "pins");
  if (existing && isPair(existing)) {
    const key = existing.key as Node;
    const start = (key.range?.[0] ?? 0) - columnOf(text, key.range?.[0] ?? 0);
    out = `${text.slice(0, start)}${text.slice(lineAfter(text, endOfPair(existing) ?? start))}`;
  }
  if (pins !== undefined) {
    const cluster = clusterAt(parseStrict(file, out));
    const last = cluster.items[cluster.items.length - 1];
    const lastEnd = last ? endOfPair(last) : undefined;
    if (lastEnd === undefined) throw new PromotionError("PRM012", `${where} is empty; it needs at least its name.`);
    const indent = " ".repeat(columnOf(out, firstKeyOffset(cluster)));
    const block = stringify({ pins }, { lineWidth: 0 })
      .trimEnd()
      .split("\n")
      .map((line) => `${indent}${line}\n`)
      .join("");
    const at = lineAfter(out, lastEnd);
    out = `${out.slice(0, at)}${at > 0 && out[at - 1] !== "\n" ? "\n" : ""}${block}${out.slice(at)}`;
  }
  const expected = structuredClone(original.toJS()) as { clusters: Array<Record<string, unknown>> };
  const target = expected.clusters[index] as Record<string, unknown>;
  if (pins === undefined) delete target.pins;
  else target.pins = pins;
  if (!isDeepStrictEqual(parseStrict(file, out).toJS(), expected)) {
    throw new PromotionError("PRM012", `${where}: rewriting its pins would change other values of the file; nothing was written.`);
  }
  return out;
}

/** The offset just after the line holding `offset - 1` (an offset right after a newline is already a line start). */
function lineAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}
