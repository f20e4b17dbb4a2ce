import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from "yaml";
import { goSprintV, hasGoKey, isGoMap, setGoKey, type GoMap, type GoValue } from "./go-values.js";
import { decodePlainScalar } from "./goyaml-resolve.js";

/** A YAML syntax error, located as `source:line:column`. */
export class GoYamlSyntaxError extends Error {}

/**
 * Decodes every document of a YAML stream into the values gopkg.in/yaml.v3 would produce for
 * `interface{}` targets. The `yaml` package parses with the failsafe schema so that plain scalars
 * are resolved here with yaml.v3's rules (legacy `0755` octals, `1_000`, timestamps kept as strings).
 * Empty documents decode to `undefined` so callers can skip them like yaml.v3's Decoder does.
 */
export function decodeGoYamlStream(text: string, source: string): Array<GoValue | undefined> {
  const parsed = parseAllDocuments(text, { schema: "failsafe", uniqueKeys: true, prettyErrors: true, strict: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  return documents.map((document) => {
    const error = document.errors[0];
    if (error) throw new GoYamlSyntaxError(`${source}: ${error.message}`);
    return isEmptyDocument(document) ? undefined : toGoValue(document.contents as YamlNode, document, source);
  });
}

/** One document; an empty stream decodes to null. */
export function decodeGoYaml(text: string, source: string): GoValue {
  const documents = decodeGoYamlStream(text, source);
  if (documents.length > 1) throw new GoYamlSyntaxError(`${source}: expected a single YAML document, found ${documents.length}`);
  return documents[0] ?? null;
}

function isEmptyDocument(document: Document): boolean {
  const contents = document.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.type === "PLAIN" && (contents.value === null || contents.value === "") && contents.source === "" && !contents.tag;
}

const CORE_TAG = "tag:yaml.org,2002:";

function toGoValue(node: YamlNode | null, document: Document, source: string): GoValue {
  if (node === null) return null;
  if (isAlias(node)) {
    const target = node.resolve(document);
    if (!target) throw new GoYamlSyntaxError(`${source}: unknown anchor "${node.source}"`);
    return toGoValue(target as YamlNode, document, source);
  }
  if (isScalar(node)) return scalarToGoValue(node.value === null ? "" : String(node.value), node.type, node.tag, source);
  if (isSeq(node)) return node.items.map((item) => toGoValue(item as YamlNode | null, document, source));
  if (isMap(node)) {
    const map: GoMap = {};
    const merged: GoMap[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (keyNode && isScalar(keyNode) && keyNode.type === "PLAIN" && keyNode.value === "<<" && !keyNode.tag) {
        merged.push(...mergeSources(toGoValue(pair.value as YamlNode | null, document, source), source));
        continue;
      }
      const key = mapKeyText(toGoValue(keyNode, document, source), source);
      setGoKey(map, key, toGoValue(pair.value as YamlNode | null, document, source));
    }
    // yaml.v3 merge keys: explicit keys win, earlier merge sources win over later ones.
    for (const mergedMap of merged) {
      for (const [key, value] of Object.entries(mergedMap)) if (!hasGoKey(map, key)) setGoKey(map, key, value);
    }
    return map;
  }
  throw new GoYamlSyntaxError(`${source}: unsupported YAML node`);
}

function mergeSources(value: GoValue, source: string): GoMap[] {
  if (isGoMap(value)) return [value];
  if (Array.isArray(value) && value.every(isGoMap)) return value as GoMap[];
  throw new GoYamlSyntaxError(`${source}: map merge requires map or sequence of maps as the value`);
}

function mapKeyText(key: GoValue, source: string): string {
  if (key === null) return "";
  if (typeof key === "object") throw new GoYamlSyntaxError(`${source}: mapping keys must be scalars`);
  return goSprintV(key);
}

function scalarToGoValue(text: string, type: string | undefined, tag: string | undefined, source: string): GoValue {
  const shortTag = tag?.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag;
  if (shortTag === "!!str" || shortTag === "!" || shortTag === "!!binary") return text;
  if (shortTag === "!!null") return null;
  if (shortTag === "!!int" || shortTag === "!!float" || shortTag === "!!bool") {
    const decoded = decodePlainScalar(text);
    const ok =
      (shortTag === "!!int" && typeof decoded === "bigint") ||
      (shortTag === "!!float" && (typeof decoded === "number" || typeof decoded === "bigint")) ||
      (shortTag === "!!bool" && typeof decoded === "boolean");
    if (!ok) throw new GoYamlSyntaxError(`${source}: cannot decode ${JSON.stringify(text)} as ${shortTag}`);
    return shortTag === "!!float" && typeof decoded === "bigint" ? Number(decoded) : decoded;
  }
  return type === "PLAIN" ? decodePlainScalar(text) : text;
}
