import type { ValidatorKind } from "../assertion-types.js";
import type { Validator } from "./context.js";
import { validateContainsDocument, validateEqualRaw, validateFailedTemplate, validateHasDocuments, validateIsAPIVersion, validateIsKind, validateMatchRegexRaw, validateMatchSnapshot, validateMatchSnapshotRaw } from "./document-validators.js";
import { validateContains, validateEqual, validateExists, validateGreaterOrEqual, validateIsNullOrEmpty, validateIsSubset, validateIsType, validateLengthEqual, validateLessOrEqual, validateMatchRegex } from "./value-validators.js";

export type { ValidateContext, ValidationOutcome, Validator } from "./context.js";

export const VALIDATORS: Readonly<Record<ValidatorKind, Validator>> = {
  equal: validateEqual,
  exists: validateExists,
  matchRegex: validateMatchRegex,
  contains: validateContains,
  isKind: validateIsKind,
  isAPIVersion: validateIsAPIVersion,
  hasDocuments: validateHasDocuments,
  isSubset: validateIsSubset,
  isNullOrEmpty: validateIsNullOrEmpty,
  lengthEqual: validateLengthEqual,
  failedTemplate: validateFailedTemplate,
  matchSnapshot: validateMatchSnapshot,
  equalRaw: validateEqualRaw,
  matchRegexRaw: validateMatchRegexRaw,
  containsDocument: validateContainsDocument,
  greaterOrEqual: validateGreaterOrEqual,
  lessOrEqual: validateLessOrEqual,
  isType: validateIsType,
  matchSnapshotRaw: validateMatchSnapshotRaw,
};
