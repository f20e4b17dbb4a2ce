import { parseAllDocuments, type DocumentOptions, type ParseOptions, type SchemaOptions } from "yaml";

/** A Kubernetes object as decoded from YAML; fields beyond the type meta are checked by validateObject. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/** A YAML stream that could not be read as Kubernetes objects. */
export class ManifestParseError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = "ManifestParseError";
  }
}

// Kept beside the object rather than on it, so the object stays exactly what the API server would receive.
const sources = new WeakMap<object, string>();

/** The template an object came from (helm's `# Source:` comment, else the stream's source), if known. */
export function sourceOf(obj: object): string | undefined {
  return sources.get(obj);
}

/** Records where an object came from, for objects built without parseManifests. */
export function setSourceOf(obj: object, source: string): void {
  sources.set(obj, source);
}

/** `Kind/name`, the way problems name an object. */
export function objectLabel(obj: unknown): string {
  const record = isRecord(obj) ? obj : {};
  const kind = typeof record.kind === "string" && record.kind !== "" ? record.kind : "<no kind>";
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  const name = typeof metadata.name === "string" && metadata.name !== "" ? metadata.name : "<no name>";
  return `${kind}/${name}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SOURCE_COMMENT = /^\s*Source:\s*(\S.*?)\s*$/;

/**
 * Kubernetes decodes manifests with go-yaml v2, i.e. YAML 1.1 booleans (`on`, `yes`, `y`) and octals, but
 * without sexagesimal numbers or timestamps; parse the same way so a value the API server would see as a
 * boolean is validated as one.
 */
const parseOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  customTags: (tags) =>
    tags.filter((tag) => typeof tag === "string" || (tag.format !== "TIME" && !tag.tag.endsWith(":timestamp"))),
};

/**
 * Splits a multi-document YAML stream (as printed by `helm template`) into objects, skipping empty
 * documents. Each object remembers its `# Source:` template (see sourceOf), falling back to `source`.
 * Throws ManifestParseError naming the template and line for YAML that does not parse or a document that
 * is not an object with apiVersion and kind.
 */
export function parseManifests(yamlText: string, source = "<manifests>"): KubeObject[] {
  const objects: KubeObject[] = [];
  const documents = parseAllDocuments(yamlText, parseOptions);
  const list = Array.isArray(documents) ? documents : [];
  let documentStart = 0;
  for (const [index, document] of list.entries()) {
    // The range may begin after the document's opening comments, so read from where the last one ended.
    const docSource = documentSource(yamlText.slice(documentStart, document.range[2])) ?? source;
    documentStart = document.range[2];
    const where = `${docSource} (document ${index + 1})`;
    if (document.errors.length > 0) {
      const first = document.errors[0]!;
      const line = first.linePos?.[0]?.line;
      throw new ManifestParseError(
        where,
        `invalid YAML${line ? ` at line ${line} of the stream` : ""}: ${first.message}. Fix the template's output.`,
      );
    }
    const value: unknown = document.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) {
      throw new ManifestParseError(where, `expected a Kubernetes object (a YAML mapping), got ${describe(value)}.`);
    }
    if (typeof value.apiVersion !== "string" || typeof value.kind !== "string") {
      throw new ManifestParseError(
        where,
        `${objectLabel(value)} has no string apiVersion and kind; every rendered document must be a Kubernetes object.`,
      );
    }
    const obj = value as KubeObject;
    sources.set(obj, docSource);
    objects.push(obj);
  }
  return objects;
}

/** helm's `# Source: chart/templates/x.yaml` line among the comments that open the document. */
function documentSource(documentText: string): string | undefined {
  for (const line of documentText.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed === "---") continue;
    if (!trimmed.startsWith("#")) return undefined;
    const match = SOURCE_COMMENT.exec(trimmed.slice(1));
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
