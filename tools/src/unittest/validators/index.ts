import type { ValidatorKind } from "../assertion-types.js";
import type { Validator } from "./context.js";
import { validateEqualRaw, validateFailedTemplate, validateHasDocuments, validateIsAPIVersion, validateIsKind, validateMatchRegexRaw, validateMatchSnapshot } from "./document-validators.js";
import { validateContains, validateEqual, validateExists, validateIsNullOrEmpty, validateIsSubset, validateLengthEqual, validateMatchRegex } from "./value-validators.js";

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
};
