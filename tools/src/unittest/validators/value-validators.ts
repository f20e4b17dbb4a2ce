import { errorInfo, failFormat, splitInfo, toYaml, uniformContent } from "../fail-info.js";
import { goDeepEqual, goSprintV, hasGoKey, isGoMap, isGoZeroOrEmpty, type GoMap, type GoValue } from "../go-values.js";
import { unifiedDiff } from "../unified-diff.js";
import { boolParam, combine, decodeBase64Strict, intParam, patternParam, stringParam, valuesAt, type ValidateContext, type ValidationOutcome } from "./context.js";

/** The shared shape of validators that check every value at `path` in every selected document. */
function perValue(
  context: ValidateContext,
  path: string,
  options: { emptyIsError: boolean; emptyPassesWhenNegative: boolean; noManifests?: (negative: boolean) => ValidationOutcome },
  check: (value: GoValue, manifestIndex: number, valueIndex: number) => ValidationOutcome,
): ValidationOutcome {
  const manifests = context.selectedDocs;
  let passed = false;
  const failInfo: string[] = [];
  manifests.forEach((manifest, manifestIndex) => {
    const found = valuesAt(manifest, path);
    let manifestPassed: boolean;
    if ("error" in found) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, found.error));
    } else if (found.values.length === 0 && (options.emptyIsError || !context.negative)) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, `unknown path ${path}`));
    } else {
      manifestPassed = found.values.length === 0 && context.negative && options.emptyPassesWhenNegative;
      found.values.forEach((value, valueIndex) => {
        const outcome = check(value, manifestIndex, valueIndex);
        failInfo.push(...outcome.failInfo);
        manifestPassed = combine(valueIndex, manifestPassed, outcome.passed);
      });
    }
    passed = combine(manifestIndex, passed, manifestPassed);
  });
  if (manifests.length === 0 && options.noManifests) return options.noManifests(context.negative);
  return { passed, failInfo };
}

const PASS: ValidationOutcome = { passed: true, failInfo: [] };

export function validateEqual(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const expected = params.value ?? null;
  const failure = (actual: GoValue, manifestIndex: number, valueIndex: number): string[] => {
    const expectedYaml = toYaml(expected);
    if (context.negative) return splitInfo(failFormat({ not: true, path: true, actual: false, diff: false, customize: " to equal" }), manifestIndex, valueIndex, path, expectedYaml);
    const actualYaml = toYaml(actual);
    return splitInfo(
      failFormat({ not: false, path: true, actual: true, diff: true, customize: " to equal" }),
      manifestIndex,
      valueIndex,
      path,
      expectedYaml,
      actualYaml,
      unifiedDiff(expectedYaml, actualYaml),
    );
  };
  return perValue(
    context,
    path,
    { emptyIsError: false, emptyPassesWhenNegative: true, noManifests: (negative) => (negative ? PASS : { passed: false, failInfo: failure("no manifest found", -1, -1) }) },
    (value, manifestIndex, valueIndex) => {
      let actual = value;
      if (typeof actual === "string") {
        if (boolParam(params, "decodeBase64")) {
          const decoded = decodeBase64Strict(actual);
          if (decoded === undefined) return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `unable to decode base64 expected content ${actual}`) };
          actual = decoded;
        }
        actual = uniformContent(actual);
      }
      if (goDeepEqual(expected, actual) === context.negative) return { passed: false, failInfo: failure(actual, manifestIndex, valueIndex) };
      return PASS;
    },
  );
}

export function validateExists(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, index) => {
    const found = valuesAt(manifest, path);
    if ("error" in found) {
      passed = false;
      failInfo.push(...errorInfo(index, -1, found.error));
      return;
    }
    if (found.values.length > 0 === context.negative) {
      passed = false;
      failInfo.push(...splitInfo(`Path:%s expected to ${context.negative ? "NOT " : ""}exists`, index, -1, path));
      return;
    }
    passed = combine(index, passed, true);
  });
  // exists_validator.go:58-63: with no document, notExists passes and exists fails.
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    failInfo.push(...splitInfo("Path:%s expected to exists", -1, -1, path));
  }
  return { passed, failInfo };
}

export function validateMatchRegex(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const compiled = patternParam(params);
  if ("failure" in compiled) return compiled.failure;
  const { pattern, regex } = compiled;
  return perValue(context, path, { emptyIsError: true, emptyPassesWhenNegative: false }, (value, manifestIndex, valueIndex) => {
    if (typeof value !== "string") return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `expect '${path}' to be a string, got:\n${toYaml(value)}`) };
    let text = value;
    if (boolParam(params, "decodeBase64")) {
      const decoded = decodeBase64Strict(text);
      if (decoded === undefined) return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `unable to decode base64 expected content ${value}`) };
      text = decoded;
    }
    if (regex.test(text) === context.negative) {
      return {
        passed: false,
        failInfo: splitInfo(failFormat({ not: context.negative, path: true, actual: true, diff: false, customize: " to match" }), manifestIndex, valueIndex, path, pattern, text),
      };
    }
    return PASS;
  });
}

/** validateSubset: every key of `content` must be reflect.DeepEqual to the same key of `actual` (not a deep subset). */
function isShallowSubset(actual: GoMap, content: GoMap): boolean {
  return Object.keys(content).every((key) => goDeepEqual(hasGoKey(actual, key) ? (actual[key] as GoValue) : null, content[key] as GoValue));
}

export function validateContains(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const content = params.content ?? null;
  const count = intParam(params, "count");
  const any = boolParam(params, "any");
  const failure = (actual: GoValue, manifestIndex: number, valueIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: true, diff: false, customize: " to contain" }), manifestIndex, valueIndex, path, toYaml([content]), toYaml(actual));
  return perValue(context, path, { emptyIsError: true, emptyPassesWhenNegative: false }, (value, manifestIndex, valueIndex) => {
    if (!Array.isArray(value)) return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `expect '${path}' to be an array, got:\n${toYaml(value)}`) };
    // validateContent (contains_validator.go:39-75): with `any`, two maps match as a subset and
    // anything else (a string, a list) still has to be equal.
    const foundCount = value.filter((element) => (any && isGoMap(element) && isGoMap(content) ? isShallowSubset(element, content) : goDeepEqual(element, content))).length;
    const found = foundCount > 0;
    if (count === undefined) return found === context.negative ? { passed: false, failInfo: failure(value, manifestIndex, valueIndex) } : PASS;
    if ((found && count === foundCount) === context.negative) {
      if (!found) return { passed: false, failInfo: failure(value, manifestIndex, valueIndex) };
      return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `expect count ${count} in '${path}' to be in array, got ${foundCount}:\n${toYaml(value)}`) };
    }
    return PASS;
  });
}

export function validateIsSubset(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const content = params.content ?? null;
  const failure = (actual: GoValue, manifestIndex: number, valueIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: true, diff: false, customize: " to contain" }), manifestIndex, valueIndex, path, toYaml(content), toYaml(actual));
  return perValue(
    context,
    path,
    { emptyIsError: false, emptyPassesWhenNegative: true, noManifests: (negative) => (negative ? PASS : { passed: false, failInfo: failure("no manifest found", -1, -1) }) },
    (value, manifestIndex, valueIndex) => {
      if (!isGoMap(value) || !isGoMap(content)) return { passed: false, failInfo: errorInfo(manifestIndex, valueIndex, `expect '${path}' to be an object, got:\n${toYaml(value)}`) };
      const found = isShallowSubset(value, content);
      return found === context.negative ? { passed: false, failInfo: failure(value, manifestIndex, valueIndex) } : PASS;
    },
  );
}

export function validateIsNullOrEmpty(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const failure = (actual: GoValue, manifestIndex: number, valueIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: false, diff: false, customize: " to be null or empty, got" }), manifestIndex, valueIndex, path, toYaml(actual));
  return perValue(
    context,
    path,
    { emptyIsError: false, emptyPassesWhenNegative: true, noManifests: (negative) => (negative ? PASS : { passed: false, failInfo: failure("no manifest found", -1, -1) }) },
    (value, manifestIndex, valueIndex) => (isGoZeroOrEmpty(value) === context.negative ? { passed: false, failInfo: failure(value, manifestIndex, valueIndex) } : PASS),
  );
}

export function validateLengthEqual(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const paths = Array.isArray(params.paths) ? params.paths.filter((p): p is string => typeof p === "string") : [];
  const count = intParam(params, "count");
  if (path !== "" && (count === undefined || count < 0)) return { passed: false, failInfo: errorInfo(-1, -1, "'count' field must be set if 'path' is used") };
  if (path !== "" && paths.length > 0) return { passed: false, failInfo: errorInfo(-1, -1, "'paths' couldn't be used with 'path'") };
  const failure = (at: string, expected: string, actual: string, manifestIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: true, diff: false, customize: " to match count" }), manifestIndex, -1, at, expected, actual);

  const countAt = (manifest: GoMap, at: string, manifestIndex: number): { passed: boolean; failInfo: string[]; length: number } => {
    const found = valuesAt(manifest, at);
    if ("error" in found) return { passed: false, failInfo: errorInfo(manifestIndex, -1, found.error), length: 0 };
    let passed = found.values.length === 0 && context.negative;
    const failInfo: string[] = [];
    let length = 0;
    found.values.forEach((value, valueIndex) => {
      if (!Array.isArray(value) && count === undefined) {
        failInfo.push(...errorInfo(manifestIndex, valueIndex, `${at} is not array`));
        return;
      }
      length = Array.isArray(value) ? value.length : 0;
      let valuePassed = true;
      if (count !== undefined && (length === count) === context.negative) {
        failInfo.push(...failure(at, String(count), String(length), manifestIndex));
        valuePassed = false;
      }
      passed = combine(valueIndex, passed, valuePassed);
    });
    return { passed, failInfo, length };
  };

  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, manifestIndex) => {
    let manifestPassed: boolean;
    if (path !== "") {
      const outcome = countAt(manifest, path, manifestIndex);
      manifestPassed = outcome.passed;
      failInfo.push(...outcome.failInfo);
    } else {
      const lengths = new Map<string, number>();
      let allCounted = true;
      for (const at of paths) {
        const outcome = countAt(manifest, at, manifestIndex);
        lengths.set(at, outcome.length);
        if (!outcome.passed) {
          failInfo.push(...outcome.failInfo);
          allCounted = false;
        }
      }
      // With neither `path` nor `paths` there is nothing to count, which the plugin reports as a failure.
      manifestPassed = allCounted && paths.length > 0;
      if (manifestPassed) {
        let first: number | undefined;
        for (const at of [...lengths.keys()].sort()) {
          const length = lengths.get(at) as number;
          if (first === undefined) first = length;
          else if ((first === length) === context.negative) {
            failInfo.push(...failure(at, "-1", String(length), manifestIndex));
            manifestPassed = false;
            break;
          }
        }
      }
    }
    passed = combine(manifestIndex, passed, manifestPassed);
  });
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    return { passed: false, failInfo: failure("", "", "no manifest found", -1) };
  }
  return { passed, failInfo };
}

/** Go's reflect type name of a decoded YAML value (go.yaml.in/yaml/v3 into `any`); "" for nil (is_type_validator.go:54-61). */
export function goTypeName(value: GoValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return "float64";
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return "[]interface {}";
  return "map[string]interface {}";
}

export function validateIsType(params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const expected = stringParam(params, "type");
  const failure = (actual: string, manifestIndex: number, valueIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: true, diff: false, customize: " to be of type" }), manifestIndex, valueIndex, path, expected, actual);
  return perValue(
    context,
    path,
    { emptyIsError: false, emptyPassesWhenNegative: true, noManifests: (negative) => (negative ? PASS : { passed: false, failInfo: failure("no manifest found", -1, -1) }) },
    (value, manifestIndex, valueIndex) => {
      const actual = goTypeName(value);
      return (actual === expected) === context.negative ? { passed: false, failInfo: failure(actual, manifestIndex, valueIndex) } : PASS;
    },
  );
}

/** Go's `>=`/`<=` on strings compares bytes (UTF-8), not UTF-16 code units. */
function compareGo(actual: GoValue, expected: GoValue): number {
  if (typeof actual === "string" && typeof expected === "string") return Buffer.compare(Buffer.from(actual, "utf8"), Buffer.from(expected, "utf8"));
  if (typeof actual === "bigint" && typeof expected === "bigint") return actual < expected ? -1 : actual > expected ? 1 : 0;
  const a = actual as number;
  const b = expected as number;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * operatorValidator (operator_validator.go at v1.1.0), including its operator precedence: the
 * comparison is `(greater && actual >= expected) || (less && actual <= expected) == !negative`
 * (lines 59-78, called with !Negative at line 106), so `notLessOrEqual` asserts actual > expected
 * while `notGreaterOrEqual` passes whenever the types match.
 */
function validateOperator(comparison: "greater" | "less", params: GoMap, context: ValidateContext): ValidationOutcome {
  const path = stringParam(params, "path");
  const expected = params.value ?? null;
  const failure = (message: string, manifestIndex: number, valueIndex: number) =>
    splitInfo(failFormat({ not: context.negative, path: true, actual: false, diff: false, customize: ` to be ${comparison} then or equal to, got` }), manifestIndex, valueIndex, path, message);
  let passed = false;
  const failInfo: string[] = [];
  context.selectedDocs.forEach((manifest, manifestIndex) => {
    const found = valuesAt(manifest, path);
    let manifestPassed: boolean;
    if ("error" in found) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, found.error));
    } else if (found.values.length === 0 && !context.negative) {
      manifestPassed = false;
      failInfo.push(...errorInfo(manifestIndex, -1, `unknown path '${path}'`));
    } else {
      manifestPassed = found.values.length === 0 && context.negative;
      found.values.forEach((actual, valueIndex) => {
        const actualType = goTypeName(actual);
        const expectedType = goTypeName(expected);
        if (actualType !== expectedType) {
          // The plugin reports the mismatch and leaves the manifest's outcome as it was (line 100-104).
          failInfo.push(...errorInfo(manifestIndex, valueIndex, `actual '${actualType || "%!s(<nil>)"}' and expected '${expectedType || "%!s(<nil>)"}' types do not match`));
          return;
        }
        let valuePassed: boolean;
        if (!["string", "int", "float64"].includes(expectedType)) {
          valuePassed = false;
          failInfo.push(...failure(`unsupported type '${expectedType}'`, manifestIndex, valueIndex));
        } else {
          const order = compareGo(actual, expected);
          const negativeArgument = !context.negative;
          valuePassed = (comparison === "greater" && order >= 0) || (comparison === "less" && order <= 0) === negativeArgument;
          if (!valuePassed) failInfo.push(...failure(`the actual '${goSprintV(actual)}' is not ${comparison} or equal to the expected '${goSprintV(expected)}'`, manifestIndex, valueIndex));
        }
        manifestPassed = combine(valueIndex, manifestPassed, valuePassed);
      });
    }
    passed = combine(manifestIndex, passed, manifestPassed);
  });
  if (context.selectedDocs.length === 0) {
    if (context.negative) return PASS;
    failInfo.push(...failure("no manifests found", -1, -1));
  }
  return { passed, failInfo };
}

export function validateGreaterOrEqual(params: GoMap, context: ValidateContext): ValidationOutcome {
  return validateOperator("greater", params, context);
}

export function validateLessOrEqual(params: GoMap, context: ValidateContext): ValidationOutcome {
  return validateOperator("less", params, context);
}
