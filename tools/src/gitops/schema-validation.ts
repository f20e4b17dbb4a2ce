import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { decodePointerSegment } from "../schemas/json-schema.js";
import { displayPath, problem, type Problem, type SourceLocation } from "./problems.js";
import type { DocumentPath } from "./yaml-source.js";
import { errorData, parentSchemaOf } from "./error-schema.js";

const require = createRequire(import.meta.url);
/** ajv's compiler is needed only when no compiled validator is cached, so it loads on first use. */
let compiler: { ajv: typeof import("ajv"); addFormats: typeof import("ajv-formats").default } | undefined;
const ajvCompiler = () => (compiler ??= { ajv: require("ajv") as typeof import("ajv"), addFormats: require("ajv-formats") as typeof import("ajv-formats").default });

/**
 * A draft-07 validator the way Helm applies values.schema.json: all errors at once, formats
 * checked, and editor-only annotations (markdownDescription, x-promotable) accepted. References
 * stay function calls (`inlineRefs: false`) so a building block used many times compiles once.
 */
export function createValidator(schema: object): ValidateFunction {
  return newAjv(false).compile(schema);
}

/**
 * The ajv options every validator is compiled with; part of the key of cached standalone code.
 * Not `verbose`: it embeds each schema and error object in the compiled code, and what messages
 * need of it (the keyword's schema, the failing data) comes from error-schema.ts instead.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, inlineRefs: false } as const;

/** Named validators compiled from one schema document, and their standalone CommonJS source when asked for. */
export interface CompiledEntries {
  validators: Record<string, ValidateFunction>;
  code?: string;
  /** With `standalone: "each"`: the standalone code of each entry alone (with what it references). */
  codes?: Record<string, string>;
}

/**
 * Compiles several entry points of ONE schema document, each a JSON pointer into it (`""` for the
 * root, `"/definitions/x"`), into a validator of its own, sharing whatever the entries reference.
 * Throws ajv's error when an entry cannot be compiled.
 */
export function compileEntriesWithAjv(schema: object, entries: Readonly<Record<string, string>>, standalone: boolean | "each"): CompiledEntries {
  const ajv = newAjv(standalone !== false);
  const id = "https://generate-gitops.invalid/entries.json";
  ajv.addSchema({ ...schema, $id: id });
  const refs = Object.fromEntries(Object.entries(entries).map(([name, pointer]) => [name, pointer === "" ? id : `${id}#${pointer}`]));
  const validators: Record<string, ValidateFunction> = {};
  for (const [name, ref] of Object.entries(refs)) {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`schema entry ${name} (${ref}) resolves to nothing`);
    validators[name] = validate;
  }
  if (!standalone) return { validators };
  // Standalone code (ajv's CommonJS, formats required from ajv-formats) can be cached and loaded later.
  const standaloneCode = require("ajv/dist/standalone") as { default: (ajv: Ajv, refs: Record<string, string>) => string };
  if (standalone === "each") {
    // Each entry's code on its own, written from the functions compiled above (so what the entries share is compiled once).
    return { validators, codes: Object.fromEntries(Object.entries(refs).map(([name, ref]) => [name, standaloneCode.default(ajv, { [name]: ref })])) };
  }
  return { validators, code: standaloneCode.default(ajv, refs) };
}

function newAjv(standalone: boolean): Ajv {
  const { ajv: { _, Ajv }, addFormats } = ajvCompiler();
  const code = standalone ? { optimize: false, source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } : { optimize: false };
  const ajv = new Ajv({ ...AJV_OPTIONS, code });
  addFormats(ajv);
  return ajv;
}

/** Where a path of the validated data is written, so a problem can name the right file, line and column. */
export type Locator = (path: DocumentPath, target: "key" | "value") => { file: string; location: SourceLocation };

/** Turns ajv errors of validating `data` against `schema` into GEN003/GEN004 problems located in the YAML the data came from. */
export function schemaErrorsToProblems(errors: readonly ErrorObject[], data: unknown, schema: object, locate: Locator, subject: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` failures only say "must match then"; the `then` branch reports the real cause.
    if (error.keyword === "if") continue;
    const path = pointerToPath(error.instancePath, data);
    const converted = convert(error, path, locate, subject, schema, data);
    const key = `${converted.file}|${converted.location?.line}|${converted.location?.column}|${converted.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(converted);
  }
  return problems;
}

function convert(error: ErrorObject, path: (string | number)[], locate: Locator, subject: string, schema: object, data: unknown): Problem {
  const where = path.length === 0 ? `the top level of ${subject}` : displayPath(path);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parentSchemaOf(error, schema) as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).sort();
      const suggestion = suggestKey(key, allowed);
      const { file, location } = locate([...path, key], "key");
      const message = `unknown key "${key}" in ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ""}`;
      const fix = suggestion
        ? `Rename "${key}" to "${suggestion}".`
        : allowed.length > 0
          ? `Remove "${key}"; the keys allowed here are: ${allowed.join(", ")}.`
          : `Remove "${key}"; no keys are allowed here.`;
      return problem("GEN004", file, message, { location, path: displayPath([...path, key]), fix });
    }
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      const { file, location } = locate(path, "value");
      return problem("GEN003", file, `missing required key "${missing}" in ${where}.`, { location, path: displayPath(path), fix: `Add \`${missing}:\` to ${where}.` });
    }
    case "propertyNames": {
      const name = String((error.params as { propertyName: string }).propertyName);
      const { file, location } = locate([...path, name], "key");
      return problem("GEN003", file, `key "${name}" in ${where} is not a valid name (lowercase letters, digits and dashes).`, { location, path: displayPath([...path, name]) });
    }
    default: {
      const { file, location } = locate(path, "value");
      return problem("GEN003", file, `${where} ${describe(error, errorData(error, data))}`, { location, path: displayPath(path) });
    }
  }
}

function describe(error: ErrorObject, data: unknown): string {
  const got = data === undefined ? "" : ` (got ${shortJson(data)})`;
  switch (error.keyword) {
    case "enum":
      return `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(shortJson).join(", ")}${got}.`;
    case "const":
      return `must be ${shortJson((error.params as { allowedValue: unknown }).allowedValue)}${got}.`;
    case "pattern":
      return `must match the pattern ${(error.params as { pattern: string }).pattern}${got}.`;
    case "type":
      return `must be of type ${(error.params as { type: string | string[] }).type}${got}.`;
    default:
      return `${error.message ?? "is invalid"}${got}.`;
  }
}

/** The closest allowed key when it is plausibly a misspelling (case or a few letters off). */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const caseMatch = allowed.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (caseMatch) return caseMatch;
  const { closest, distance } = require("fastest-levenshtein") as typeof import("fastest-levenshtein");
  const best = closest(key, [...allowed]);
  return distance(key, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** JSON pointer to path segments; a segment indexing an array becomes a number. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === "") return [];
  const out: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = decodePointerSegment(raw);
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      out.push(Number(segment));
      current = current[Number(segment)];
    } else {
      out.push(segment);
      current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
