import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import { problem, type Problem, type SourceLocation } from "./problems.js";
import { NOT_CACHED, type WorkCache } from "./work-cache.js";

/** The position-keeping parser is needed only for broken files and for locating problems, so it loads on first use. */
let positionParser: typeof import("yaml") | undefined;
const yamlLibrary = (): typeof import("yaml") => (positionParser ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));
/**
 * The data of texts parsed before (see work-cache.ts), used while a run has set it: only texts that
 * parsed without a problem are kept, and the position-keeping document is still built on demand.
 */
let parsedData: Pick<WorkCache, "parsed" | "rememberParsed"> | undefined;

/** Runs `work` with parsed data kept in and taken from `cache`. */
export function withParsedData<T>(cache: Pick<WorkCache, "parsed" | "rememberParsed"> | undefined, work: () => T): T {
  const previous = parsedData;
  parsedData = cache;
  try {
    return work();
  } finally {
    parsedData = previous;
  }
}

/** The fast parser loads on first use too: a run whose outcome is cached (result-cache.ts) parses nothing. */
let fastParser: typeof import("js-yaml") | undefined;
const jsYaml = (): typeof import("js-yaml") => (fastParser ??= createRequire(import.meta.url)("js-yaml") as typeof import("js-yaml"));

export type DocumentPath = readonly (string | number)[];

/** A parsed YAML file that can point back at the line and column of any path inside it. */
export interface YamlSource {
  file: string;
  text: string;
  /** The plain data, or undefined when the file does not parse. */
  data: unknown;
  problems: Problem[];
  /** Where a path is written: the key (`target: "key"`) or the value; `exact` is false when only an ancestor exists. */
  locate(path: DocumentPath, target?: "key" | "value"): { location: SourceLocation; exact: boolean };
}

const START: SourceLocation = { line: 1, column: 1 };

/**
 * Parses one YAML document (YAML 1.2 core schema), turning syntax errors and repeated keys into
 * GEN001/GEN002 problems. Thousands of files are read per run and almost all are valid, so the
 * data comes from a fast parser (js-yaml); the position-keeping document (comment-preserving `yaml`) is only built when a file is broken or a
 * problem needs a line and column.
 *
 * js-yaml stays on its 4.x line: on the benchmark's 2,200 small values files it parses 3-4x faster
 * than 5.x (which builds an event stream first). Its core schema is asked for explicitly, as 4.x
 * would otherwise turn `2024-01-01` into a Date where Helm keeps a string.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  let parsed: ParsedDocument | undefined;
  const full = (): ParsedDocument => (parsed ??= parseWithPositions(file, text));
  let data: unknown = parsedData ? parsedData.parsed(text) : NOT_CACHED;
  let problems: Problem[] = [];
  if (data === NOT_CACHED) {
    // js-yaml 4 has no alias limit: a file that may hold an alias takes the `yaml` path, whose
    // toJS counts every alias expansion against maxAliasCount.
    if (mayHoldAlias(text)) ({ data, problems } = full());
    else {
      try {
        const { load, CORE_SCHEMA } = jsYaml();
        data = load(text, { schema: CORE_SCHEMA });
      } catch {
        ({ data, problems } = full());
      }
    }
    if (problems.length === 0) parsedData?.rememberParsed(text, data);
  }
  return {
    file,
    text,
    data,
    problems,
    locate(path, target = "value") {
      const { document, toLocation } = full();
      const found = findNode(document, path);
      const node = target === "key" && found.key ? found.key : found.node;
      const offset = node?.range?.[0];
      return { location: offset === undefined ? START : toLocation(offset), exact: found.exact };
    },
  };
}

/**
 * Where a YAML node may start: the start of a line (or after a byte order mark), after white space,
 * after a flow indicator (`[`, `{`, `,`), or right after a `:` (a JSON-like key's "adjacent
 * value", `{"a":*x}`). An alias (`*name`) and an anchor (`&name`) can only be written there. YAML
 * 1.2.2 (github.com/yaml/yaml-spec, spec/1.2.2/spec.md): productions [101] c-ns-anchor-property
 * (line 3598), [104] c-ns-alias-node (line 3668), [149] c-ns-flow-map-adjacent-value (line 4556).
 */
const ALIAS_AT_NODE_START = /(?:^|[\s[{,:\uFEFF])\*/m;
const ANCHOR_AT_NODE_START = /(?:^|[\s[{,:\uFEFF])&/m;

/**
 * Whether a text may hold an alias, so that it must take the `yaml` path. Conservative: a `*` or
 * `&` at a node start inside a comment or a quoted string (`"0 0 * * 6"`) counts too, which only
 * costs time. No alias without both: an alias refers to an anchor written before it (js-yaml
 * refuses an unknown alias, and a refusal takes the `yaml` path anyway). A text that is JSON holds
 * none (its `*` and `&` are inside strings): the upstream schemas are JSON, and parsing them with
 * the position-keeping parser cost more than everything else the generator does.
 */
export function mayHoldAlias(text: string): boolean {
  if (!text.includes("*") || !ALIAS_AT_NODE_START.test(text) || !ANCHOR_AT_NODE_START.test(text)) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

interface ParsedDocument {
  document: Document;
  data: unknown;
  problems: Problem[];
  toLocation: (offset: number) => SourceLocation;
}

function parseWithPositions(file: string, text: string): ParsedDocument {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  // Repeated keys are found by duplicateKeyOffsets in one pass: the library's uniqueKeys compares each key with every earlier one (quadratic in a mapping's size).
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const toLocation = (offset: number): SourceLocation => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  const problems = document.errors.map((error) => {
    const message = error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "").trim();
    return problem("GEN001", file, `malformed YAML: ${message}.`, { location: toLocation(error.pos[0]) });
  });
  for (const offset of duplicateKeyOffsets(document)) {
    problems.push(problem("GEN002", file, `duplicate key: ${keyTextAt(text, offset)} is defined more than once in the same mapping.`, { location: toLocation(offset) }));
  }
  if (problems.length > 0) return { document, problems, toLocation, data: undefined };
  try {
    return { document, problems, toLocation, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const offset = firstAliasOffset(document);
    const location = offset === undefined ? START : toLocation(offset);
    const message = /Excessive alias count/.test(error.message)
      ? `aliases expand to more than ${MAX_ALIAS_COUNT} copies of an anchor (an alias bomb); the file was not expanded.`
      : `${error.message.split("\n")[0]}.`;
    return { document, problems: [problem(/Excessive alias count/.test(error.message) ? "GEN017" : "GEN001", file, message, { location })], toLocation, data: undefined };
  }
}

/** The `yaml` library's own bound on alias expansion (its default): each anchor's use count times the aliases inside it. */
export const MAX_ALIAS_COUNT = 100;

/** Offsets of every scalar key that repeats an earlier key of the same mapping, found with one set per mapping. */
function duplicateKeyOffsets(document: Document): number[] {
  const { isMap, isScalar, visit } = yamlLibrary();
  const offsets: number[] = [];
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) offsets.push(pair.key.range?.[0] ?? 0);
        else seen.add(name);
      }
    },
  });
  return offsets;
}

function firstAliasOffset(document: Document): number | undefined {
  const { visit } = yamlLibrary();
  let offset: number | undefined;
  visit(document, {
    Alias(_key, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The deepest node along a path, with the key node of the last step when the path was found. */
function findNode(document: Document, path: DocumentPath): { node: Node | undefined; key: Node | undefined; exact: boolean } {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let current: unknown = document.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { node: current as Node, key, exact: false };
      key = pair.key as Node;
      current = pair.value ?? pair.key;
    } else if (isSeq(current) && typeof segment === "number" && segment < current.items.length) {
      key = undefined;
      current = current.items[segment];
    } else {
      return { node: (current as Node | null) ?? undefined, key, exact: false };
    }
  }
  return { node: (current as Node | null) ?? undefined, key, exact: true };
}

function keyTextAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  const key = (match?.[0] ?? "").trim();
  return key === "" ? "a key" : `"${key.replace(/^["']|["']$/g, "")}"`;
}
