import { errorInfo, failFormat, splitInfo, toYaml, uniformContent } from "../fail-info.js";
import { compileGoRegex, type GoRegex } from "../go-regex.js";
import { goSprintV, isGoMap, type GoMap, type GoValue } from "../go-values.js";
import { unifiedDiff } from "../unified-diff.js";
import { boolParam, combine, intParam, patternParam, stringParam, valuesAt, type ValidateContext, type ValidationOutcome } from "./context.js";

const PASS: ValidationOutcome = { passed: true, failInfo: [] };

function validateTopLevelField(field: "kind" | "apiVersion", label: string, params: GoMap, context: ValidateContext): ValidationOutcome {
  const expected = stringParam(params, "of");
  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    const actual = manifest[field];
    if ((typeof actual === "string" && actual === expected) === context.negative) {
      passed = false;
      const format = failFormat({ not: context.negative, path: false, actual: !context.negative, diff: false, customize: label });
      failInfo.push(...(context.negative ? splitInfo(format, index, -1, expected) : splitInfo(format, index, -1, expected, toYaml(actual ?? null))));
      return;
    }
    passed = combine(index, passed, true);
  });
  return { passed, failInfo };
}

export function validateIsKind(params: GoMap, context: ValidateContext): ValidationOutcome {
  return validateTopLevelField("kind", " to be kind", params, context);
}

export function validateIsAPIVersion(params: GoMap, context: ValidateContext): ValidationOutcome {
  return validateTopLevelField("apiVersion", " to be apiVersion", params, context);
}

export function validateHasDocuments(params: GoMap, context: ValidateContext): ValidationOutcome {
  const expected = intParam(params, "count") ?? 0;
  const actual = (boolParam(params, "filterAware") ? context.selectedDocs : context.docs).length;
  if ((actual === expected) !== context.negative) return PASS;
  const format = failFormat({ not: context.negative, path: false, actual: !context.negative, diff: false, customize: " documents count to be" });
  return { passed: false, failInfo: context.negative ? splitInfo(format, -1, -1, String(expected)) : splitInfo(format, -1, -1, String(expected), String(actual)) };
}

export function validateFailedTemplate(params: GoMap, context: ValidateContext): ValidationOutcome {
  const errorMessage = stringParam(params, "errorMessage");
  const errorPattern = stringParam(params, "errorPattern");
  if (errorMessage !== "" && errorPattern !== "") return { passed: false, failInfo: errorInfo(-1, -1, "single attribute 'errorMessage' or 'errorPattern' supported at the same time") };
  const expected = errorMessage || errorPattern;
  const failure = (actual: string, manifestIndex: number): string[] => {
    const format = failFormat({ not: context.negative, path: false, actual: !context.negative, diff: false, customize: errorPattern ? " to match" : " to equal" });
    return context.negative ? splitInfo(format, manifestIndex, -1, expected) : splitInfo(format, manifestIndex, -1, expected, actual);
  };
  const check = (actual: GoValue | undefined, manifestIndex: number): ValidationOutcome => {
    if (typeof actual !== "string") {
      // The plugin skips pattern checks on documents without an error text but fails a message check.
      if (errorMessage !== "" && !context.negative) return { passed: false, failInfo: failure(goSprintV(actual ?? null), manifestIndex) };
      return PASS;
    }
    if (errorPattern !== "") {
      let regex: GoRegex | RegExp;
      try {
        regex = compileGoRegex(errorPattern);
      } catch {
        regex = new RegExp(escapeRegex(errorPattern));
      }
      if (regex.test(actual) !== context.negative) return PASS;
      // A pattern full of metacharacters that did not match as a regex is retried as literal text.
      if (/[\\.+*?()|[\]{}^$]/.test(errorPattern) && new RegExp(escapeRegex(errorPattern)).test(actual) !== context.negative) return PASS;
      return { passed: false, failInfo: failure(actual, manifestIndex) };
    }
    if (errorMessage !== "") return (actual === errorMessage) === context.negative ? { passed: false, failInfo: failure(actual, manifestIndex) } : PASS;
    return PASS;
  };
  if (context.renderError !== undefined) {
    if (expected === "") return PASS;
    return check(context.renderError, -1);
  }
  let passed = true;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    if (expected === "" && !context.negative) return;
    const outcome = check(manifest.raw, index);
    failInfo.push(...outcome.failInfo);
    passed = combine(index, passed, outcome.passed);
  });
  if (context.selectedDocs.length === 0 && !context.negative) return { passed: false, failInfo: [...failInfo, ...failure("No failed document", -1)] };
  return { passed, failInfo };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function validateMatchSnapshot(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const mustMatch = isGoMap(params.matchRegex) ? stringParam(params.matchRegex, "pattern") : "";
  const mustNotMatch = isGoMap(params.notMatchRegex) ? stringParam(params.notMatchRegex, "pattern") : "";
  let passed = context.selectedDocs.length === 0 && !context.negative;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, manifestIndex) => {
    const found = valuesAt(manifest, path);
    let manifestPassed: boolean;
    if ("error" in found) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, found.error));
    } else if (found.values.length === 0 && !context.negative) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, `unknown path ${path}`));
    } else {
      manifestPassed = found.values.length === 0 && context.negative;
      found.values.forEach((value, valueIndex) => {
        const comparison = context.compareToSnapshot(value);
        if (comparison.missing && !comparison.passed) {
          failInfo.push(...errorInfo(manifestIndex, valueIndex, context.describeMissingSnapshot(comparison.index)));
          manifestPassed = combine(valueIndex, manifestPassed, false);
          return;
        }
        let matched = comparison.passed;
        let message = "";
        if (mustMatch && matched && !compileGoRegex(mustMatch).test(comparison.fresh)) {
          matched = false;
          message = ` pattern '${mustMatch}' not found in snapshot`;
        }
        if (mustNotMatch && matched && compileGoRegex(mustNotMatch).test(comparison.fresh)) {
          matched = false;
          message = ` pattern '${mustNotMatch}' should not be in snapshot`;
        }
        const valuePassed = matched !== context.negative;
        if (!valuePassed) {
          if (message) failInfo.push(...splitInfo(failFormat({ not: context.negative, path: false, actual: false, diff: false, customize: message }), manifestIndex, valueIndex, comparison.cached));
          else {
            const shown = context.negative ? comparison.cached : unifiedDiff(comparison.cached, comparison.fresh);
            failInfo.push(
              ...splitInfo(failFormat({ not: context.negative, path: true, actual: false, diff: false, customize: ` to match snapshot ${comparison.index}` }), manifestIndex, valueIndex, path, shown),
            );
          }
        }
        manifestPassed = combine(valueIndex, manifestPassed, valuePassed);
      });
    }
    passed = combine(manifestIndex, passed, manifestPassed);
  });
  return { passed, failInfo };
}

function rawFailure(format: string, negative: boolean, expected: string, actual: string, withDiff: boolean): string[] {
  if (negative) return splitInfo(format, -1, -1, expected);
  return withDiff ? splitInfo(format, -1, -1, expected, actual, unifiedDiff(expected, actual)) : splitInfo(format, -1, -1, expected, actual);
}

export function validateEqualRaw(params: GoMap, context: ValidateContext): ValidationOutcome {
  const expected = stringParam(params, "value");
  const format = failFormat({ not: context.negative, path: false, actual: !context.negative, diff: !context.negative, customize: " to equal" });
  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    const actual = uniformContent(goSprintV(manifest.raw));
    if ((expected === actual) === context.negative) {
      passed = false;
      failInfo.push(...rawFailure(format, context.negative, toYaml(expected), toYaml(actual), true));
      return;
    }
    passed = combine(index, passed, true);
  });
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    failInfo.push(...rawFailure(format, false, toYaml(expected), toYaml("no manifest found"), true));
  }
  return { passed, failInfo };
}

export function validateMatchRegexRaw(params: GoMap, context: ValidateContext): ValidationOutcome {
  const compiled = patternParam(params);
  if ("failure" in compiled) return compiled.failure;
  const { pattern, regex } = compiled;
  const format = failFormat({ not: context.negative, path: false, actual: true, diff: false, customize: " to match" });
  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    const actual = uniformContent(goSprintV(manifest.raw));
    if (regex.test(actual) === context.negative) {
      passed = false;
      failInfo.push(...splitInfo(format, -1, -1, pattern, actual));
      return;
    }
    passed = combine(index, passed, true);
  });
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    failInfo.push(...splitInfo(format, -1, -1, pattern, "no manifest found"));
  }
  return { passed, failInfo };
}

/** ContainsDocumentValidator (contains_document_validator.go at v1.1.0). */
export function validateContainsDocument(params: GoMap, context: ValidateContext): ValidationOutcome {
  const kind = stringParam(params, "kind");
  const apiVersion = stringParam(params, "apiVersion");
  const name = stringParam(params, "name");
  const namespace = stringParam(params, "namespace");
  const any = boolParam(params, "any");
  const described = [`Kind = ${kind}, apiVersion = ${apiVersion}`, ...(name ? [`Name = ${name}`] : []), ...(namespace ? [`Namespace = ${namespace}`] : [])].join(", ");
  const failure = (manifestIndex: number) => splitInfo(failFormat({ not: context.negative, path: false, actual: false, diff: false, customize: " to contain document" }), manifestIndex, -1, described);
  // A field the manifest lacks (or holds as a non-string) does not rule it out (lines 71-85).
  const matchesField = (manifest: GoMap, field: string, expected: string) => typeof manifest[field] !== "string" || manifest[field] === expected;
  const matchesPath = (manifest: GoMap, path: string, expected: string) => {
    if (expected === "") return true;
    const found = valuesAt(manifest, path);
    return !("error" in found) && found.values.length > 0 && found.values[0] === expected;
  };
  let passed = false;
  let failInfo: string[] = [];
  for (const [index, manifest] of context.selectedDocs.entries()) {
    let manifestPassed = matchesField(manifest, "kind", kind) && matchesField(manifest, "apiVersion", apiVersion) && matchesPath(manifest, "metadata.name", name) && matchesPath(manifest, "metadata.namespace", namespace);
    if (manifestPassed === context.negative) {
      manifestPassed = false;
      failInfo.push(...failure(index));
    } else {
      manifestPassed = true;
      if (any !== context.negative) {
        passed = true;
        failInfo = [];
        break;
      }
    }
    passed = combine(index, passed, manifestPassed);
  }
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    failInfo.push(...failure(0));
  }
  return { passed, failInfo };
}

/** MatchSnapshotRawValidator (snapshot_raw_validator.go at v1.1.0): the raw text of each document. */
export function validateMatchSnapshotRaw(_params: GoMap, context: ValidateContext): ValidationOutcome {
  let passed = context.selectedDocs.length === 0 && !context.negative;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    const comparison = context.compareToSnapshot(uniformContent(goSprintV(manifest.raw)));
    if (comparison.missing && !comparison.passed) {
      failInfo.push(...errorInfo(-1, -1, context.describeMissingSnapshot(comparison.index)));
      passed = combine(index, passed, false);
      return;
    }
    const valuePassed = comparison.passed !== context.negative;
    if (!valuePassed) {
      const shown = context.negative ? comparison.cached : unifiedDiff(comparison.cached, comparison.fresh);
      failInfo.push(...splitInfo(failFormat({ not: context.negative, path: false, actual: false, diff: false, customize: ` to match snapshot ${comparison.index}` }), -1, -1, shown));
    }
    passed = combine(index, passed, valuePassed);
  });
  return { passed, failInfo };
}
