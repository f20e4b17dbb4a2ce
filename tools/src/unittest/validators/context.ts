import { errorInfo } from "../fail-info.js";
import { compileGoRegex, type GoRegex } from "../go-regex.js";
import type { GoMap, GoValue } from "../go-values.js";
import { findAtPath } from "../jsonpath.js";
import type { SnapshotComparison } from "../snapshot-cache.js";

export interface ValidateContext {
  /** Every document the template rendered (hasDocuments counts these). */
  docs: GoMap[];
  /** The documents left after documentIndex / documentSelector. */
  selectedDocs: GoMap[];
  /** `not: true` flipped again for antonym types such as notEqual. */
  negative: boolean;
  /** Set when the render failed with an error helm-unittest could not attribute to a template. */
  renderError?: string;
  compareToSnapshot: (content: GoValue) => SnapshotComparison;
  /** Explains a snapshot that CI refused to create. */
  describeMissingSnapshot: (index: number) => string;
}

export interface ValidationOutcome {
  passed: boolean;
  failInfo: string[];
}

export type Validator = (params: GoMap, context: ValidateContext) => ValidationOutcome;

/** determineSuccess: the first result sets the outcome, later ones can only turn it into a failure. */
export function combine(index: number, soFar: boolean, next: boolean): boolean {
  return index === 0 ? next : soFar && next;
}

/** Values at `path`; a malformed path is reported like the plugin reports yaml-jsonpath errors. */
export function valuesAt(manifest: GoMap, path: string): { values: GoValue[] } | { error: string } {
  try {
    return { values: findAtPath(manifest, path) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function stringParam(params: GoMap, key: string): string {
  const value = params[key];
  return typeof value === "string" ? value : "";
}

/** The `pattern` parameter and its compiled regex, or the failure the plugin reports for an empty or invalid one. */
export function patternParam(params: GoMap): { pattern: string; regex: GoRegex } | { failure: ValidationOutcome } {
  const pattern = stringParam(params, "pattern");
  if (pattern === "") return { failure: { passed: false, failInfo: errorInfo(-1, -1, "expected field 'pattern' to be filled") } };
  try {
    return { pattern, regex: compileGoRegex(pattern) };
  } catch (error) {
    return { failure: { passed: false, failInfo: errorInfo(-1, -1, (error as Error).message) } };
  }
}

export function boolParam(params: GoMap, key: string): boolean {
  return params[key] === true;
}

export function intParam(params: GoMap, key: string): number | undefined {
  const value = params[key];
  return typeof value === "bigint" ? Number(value) : undefined;
}

/** Go's base64.StdEncoding.DecodeString: padding required, line breaks ignored, anything else invalid. */
export function decodeBase64Strict(text: string): string | undefined {
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, "base64").toString("utf8");
}
