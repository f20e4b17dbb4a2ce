/**
 * The assertion types this runner implements, with helm-unittest's antonym flag (`notEqual` is
 * `equal` with `not` flipped), whether the render must succeed, and the parameters each accepts.
 * The set is helm-unittest's assertTypeMapping (pkg/unittest/assertion.go:365-402 at v1.1.0);
 * conformance.test.ts fails when the two differ.
 */
export type ValidatorKind =
  | "equal"
  | "exists"
  | "matchRegex"
  | "contains"
  | "isKind"
  | "isAPIVersion"
  | "hasDocuments"
  | "isSubset"
  | "isNullOrEmpty"
  | "lengthEqual"
  | "failedTemplate"
  | "matchSnapshot"
  | "equalRaw"
  | "matchRegexRaw"
  | "containsDocument"
  | "greaterOrEqual"
  | "lessOrEqual"
  | "isType"
  | "matchSnapshotRaw";

export interface AssertionTypeSpec {
  validator: ValidatorKind;
  antonym: boolean;
  requireRenderSuccess: boolean;
  parameters: readonly string[];
}

const PATH_VALUE = ["path", "value", "decodeBase64"] as const;
const PATH_ONLY = ["path"] as const;
const REGEX = ["path", "pattern", "decodeBase64"] as const;
const CONTAINS = ["path", "content", "count", "any"] as const;
const SUBSET = ["path", "content"] as const;
const LENGTH = ["path", "paths", "count"] as const;
const FAILED = ["errorMessage", "errorPattern"] as const;

function spec(validator: ValidatorKind, antonym: boolean, parameters: readonly string[], requireRenderSuccess = true): AssertionTypeSpec {
  return { validator, antonym, requireRenderSuccess, parameters };
}

export const ASSERTION_TYPES: Readonly<Record<string, AssertionTypeSpec>> = {
  equal: spec("equal", false, PATH_VALUE),
  notEqual: spec("equal", true, PATH_VALUE),
  exists: spec("exists", false, PATH_ONLY),
  notExists: spec("exists", true, PATH_ONLY),
  isNotNull: spec("exists", false, PATH_ONLY),
  isNull: spec("exists", true, PATH_ONLY),
  matchRegex: spec("matchRegex", false, REGEX),
  notMatchRegex: spec("matchRegex", true, REGEX),
  contains: spec("contains", false, CONTAINS),
  notContains: spec("contains", true, CONTAINS),
  isKind: spec("isKind", false, ["of"]),
  isAPIVersion: spec("isAPIVersion", false, ["of"]),
  hasDocuments: spec("hasDocuments", false, ["count", "filterAware"]),
  isSubset: spec("isSubset", false, SUBSET),
  isNotSubset: spec("isSubset", true, SUBSET),
  isNullOrEmpty: spec("isNullOrEmpty", false, PATH_ONLY),
  isEmpty: spec("isNullOrEmpty", false, PATH_ONLY),
  isNotNullOrEmpty: spec("isNullOrEmpty", true, PATH_ONLY),
  isNotEmpty: spec("isNullOrEmpty", true, PATH_ONLY),
  lengthEqual: spec("lengthEqual", false, LENGTH),
  notLengthEqual: spec("lengthEqual", true, LENGTH),
  failedTemplate: spec("failedTemplate", false, FAILED, false),
  notFailedTemplate: spec("failedTemplate", true, FAILED),
  matchSnapshot: spec("matchSnapshot", false, ["path", "matchRegex", "notMatchRegex"]),
  equalRaw: spec("equalRaw", false, ["value"]),
  notEqualRaw: spec("equalRaw", true, ["value"]),
  matchRegexRaw: spec("matchRegexRaw", false, ["pattern"]),
  notMatchRegexRaw: spec("matchRegexRaw", true, ["pattern"]),
  containsDocument: spec("containsDocument", false, ["kind", "apiVersion", "name", "namespace", "any"]),
  greaterOrEqual: spec("greaterOrEqual", false, ["path", "value"]),
  notGreaterOrEqual: spec("greaterOrEqual", true, ["path", "value"]),
  lessOrEqual: spec("lessOrEqual", false, ["path", "value"]),
  notLessOrEqual: spec("lessOrEqual", true, ["path", "value"]),
  isType: spec("isType", false, ["path", "type"]),
  isNotType: spec("isType", true, ["path", "type"]),
  matchSnapshotRaw: spec("matchSnapshotRaw", false, []),
};

/** Names people reach for that helm-unittest does not accept, with the spelling it does. */
export const MISSPELLED_TYPES: Readonly<Record<string, string>> = {
  notSubset: "isNotSubset",
  isNotKind: "isKind with `not: true`",
  notHasDocuments: "hasDocuments with `not: true`",
  notMatchSnapshot: "matchSnapshot with `not: true`",
  isApiVersion: "isAPIVersion",
};
