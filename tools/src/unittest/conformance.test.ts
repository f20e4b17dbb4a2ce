import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSERTION_TYPES } from "./assertion-types.js";
import type { SuiteResult } from "./results.js";
import { runChartSuites } from "./runner.js";
import { SUITE_KEYS, TEST_KEYS } from "./suite-file.js";
import { failureLines, fixtureCopy, removeFixtureCopies, testNamed } from "./test-support.js";

/**
 * Conformance with helm-unittest, the plugin CI runs: .github/workflows/ci.yml builds it from source
 * at tag v1.1.0's commit (./plugin-version.ts; github.com/helm-unittest/helm-unittest, whose main
 * branch up to 2026-05-14 has no change under pkg/ after it), so every citation below is
 * `<path>:<line>` at v1.1.0. Re-check the lists when CI's pin moves.
 */

/** assertTypeMapping, pkg/unittest/assertion.go:365-402. */
const PLUGIN_ASSERTION_TYPES = [
  "matchSnapshot", "matchSnapshotRaw", "equal", "notEqual", "greaterOrEqual", "notGreaterOrEqual", "lessOrEqual", "notLessOrEqual",
  "equalRaw", "notEqualRaw", "exists", "notExists", "matchRegex", "notMatchRegex", "matchRegexRaw", "notMatchRegexRaw", "contains",
  "notContains", "isKind", "isAPIVersion", "hasDocuments", "isSubset", "isNotSubset", "isNullOrEmpty", "isNotNullOrEmpty",
  "failedTemplate", "notFailedTemplate", "containsDocument", "lengthEqual", "notLengthEqual", "isNull", "isNotNull", "isEmpty",
  "isNotEmpty", "isType", "isNotType",
];
/** TestSuite's yaml keys, pkg/unittest/test_suite.go:209-252. */
const PLUGIN_SUITE_KEYS = ["suite", "values", "set", "templates", "excludeTemplates", "includeCrds", "release", "chart", "capabilities", "kubernetesProvider", "postRenderer", "tests", "snapshotId", "skip"];
/** TestJob's yaml keys, pkg/unittest/test_job.go:180-208. */
const PLUGIN_TEST_KEYS = ["it", "values", "set", "template", "templates", "documentIndex", "documentSelector", "release", "chart", "capabilities", "asserts", "skip", "kubernetesProvider", "postRenderer"];

const V = "pkg/unittest/validators/";

interface Row {
  type: string;
  outcome: "pass" | "fail";
  /** The template's text (a plugin test's document), or null for a template that renders nothing. */
  doc: string | null;
  /** The assertion list item, as YAML flow. */
  assert: string;
  source: string;
  /** Lines the plugin's test expects in the failure (a subset, in order of appearance). */
  lines?: string[];
  /** Raw (.txt) template instead of YAML. */
  raw?: boolean;
}

const CONTAINS_DOC = "a:\n  b:\n    - c: hello world\n    - d: foo bar\n    - e: bar\n    - e: bar\n";
const VALUE_ONLY = "a:\n  b:\n    - VALUE1\n    - VALUE2\n";
const SERVICE_FOO = "apiVersion: v1\nkind: Service\nmetadata:\n  name: foo\n  namespace: bar\n";
const SERVICE_BAR = "apiVersion: v1\nkind: Service\nmetadata:\n  name: bar\n  namespace: foo\n";
const TYPE_DOC = "a:\n  b:\n    - c: 123\n  e: |\n    Line1\n    Line2\n";
const EQUAL_DOC = "a:\n  b:\n    - c: 123\n";
const EXISTS_DOC = "a:\n  b:\n    - c: 123\n";
const DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n";
const NULL_DOC = "a:\n  b:\n    - c: null\n    - d: \"\"\n    - e: hello\n";

const ROWS: Row[] = [
  { type: "equal", outcome: "pass", doc: EQUAL_DOC, assert: "{equal: {path: 'a.b[0].c', value: 123}}", source: `${V}equal_validator_test.go:32` },
  { type: "equal", outcome: "fail", doc: EQUAL_DOC, assert: "{equal: {path: 'a.b[0]', value: {d: 321}}}", source: `${V}equal_validator_test.go:105`, lines: ["Path:\ta.b[0]", "Expected to equal:"] },
  { type: "notEqual", outcome: "pass", doc: EQUAL_DOC, assert: "{notEqual: {path: 'a.b[0].c', value: 321}}", source: `${V}equal_validator_test.go:92` },
  { type: "notEqual", outcome: "fail", doc: EQUAL_DOC, assert: "{notEqual: {path: 'a.b[0].c', value: 123}}", source: `${V}equal_validator_test.go:216`, lines: ["Expected NOT to equal:"] },
  { type: "greaterOrEqual", outcome: "pass", doc: "spec: 4\n", assert: "{greaterOrEqual: {path: spec, value: 3}}", source: `${V}equal_or_greater_validator_test.go:21` },
  { type: "greaterOrEqual", outcome: "pass", doc: "cpu: 600m\n", assert: "{greaterOrEqual: {path: cpu, value: 600m}}", source: `${V}equal_or_greater_validator_test.go:35` },
  { type: "greaterOrEqual", outcome: "fail", doc: "cpu: 1.7\n", assert: "{greaterOrEqual: {path: cpu, value: 1.91}}", source: `${V}equal_or_greater_validator_test.go:81`, lines: ["Path:\tcpu", "Expected to be greater then or equal to, got:", "\tthe actual '1.7' is not greater or equal to the expected '1.91'"] },
  { type: "greaterOrEqual", outcome: "fail", doc: "value: 500m\n", assert: "{greaterOrEqual: {path: value, value: 5}}", source: `${V}equal_or_greater_validator_test.go:228`, lines: ["\tactual 'string' and expected 'int' types do not match"] },
  { type: "notGreaterOrEqual", outcome: "pass", doc: "spec: 4\n", assert: "{notGreaterOrEqual: {path: spec, value: 3}}", source: `${V}operator_validator.go:60 (precedence: passes whenever the types match)` },
  { type: "notGreaterOrEqual", outcome: "pass", doc: "a: 1\n", assert: "{notGreaterOrEqual: {path: spec.missing, value: 1.2}}", source: `${V}equal_or_greater_validator_test.go:194` },
  { type: "notGreaterOrEqual", outcome: "fail", doc: "value: 50\n", assert: "{notGreaterOrEqual: {path: value, value: 50m}}", source: `${V}operator_validator.go:100-104 (type mismatch fails either way)` },
  { type: "lessOrEqual", outcome: "pass", doc: "spec: 2\n", assert: "{lessOrEqual: {path: spec, value: 3}}", source: `${V}equal_or_less_validator_test.go:11` },
  { type: "lessOrEqual", outcome: "fail", doc: "value: 55\n", assert: "{lessOrEqual: {path: value, value: 25}}", source: `${V}equal_or_less_validator_test.go:61`, lines: ["Expected to be less then or equal to, got:", "\tthe actual '55' is not less or equal to the expected '25'"] },
  { type: "notLessOrEqual", outcome: "pass", doc: "value: 55\n", assert: "{notLessOrEqual: {path: value, value: 25}}", source: `${V}operator_validator.go:59-78 (not less-or-equal: actual > expected)` },
  { type: "notLessOrEqual", outcome: "fail", doc: "spec: 2\n", assert: "{notLessOrEqual: {path: spec, value: 3}}", source: `${V}operator_validator.go:59-78` },
  { type: "equalRaw", outcome: "pass", doc: "This is a NOTES.txt document.", raw: true, assert: "{equalRaw: {value: This is a NOTES.txt document.}}", source: `${V}equal_raw_validator_test.go:16` },
  { type: "equalRaw", outcome: "fail", doc: "This is a NOTES.txt document.", raw: true, assert: "{equalRaw: {value: Invalid}}", source: `${V}equal_raw_validator_test.go:28`, lines: ["Expected to equal:", "\tInvalid", "Actual:", "\tThis is a NOTES.txt document."] },
  { type: "notEqualRaw", outcome: "pass", doc: "This is a NOTES.txt document.", raw: true, assert: "{notEqualRaw: {value: Invalid}}", source: `${V}equal_raw_validator_test.go:53 (negated)` },
  { type: "notEqualRaw", outcome: "fail", doc: "This is a NOTES.txt document.", raw: true, assert: "{notEqualRaw: {value: This is a NOTES.txt document.}}", source: `${V}equal_raw_validator_test.go:53`, lines: ["Expected NOT to equal:", "\tThis is a NOTES.txt document."] },
  { type: "exists", outcome: "pass", doc: EXISTS_DOC, assert: "{exists: {path: 'a.b[0].c'}}", source: `${V}exists_validator_test.go:12` },
  { type: "exists", outcome: "fail", doc: EXISTS_DOC, assert: "{exists: {path: 'a.b[0].d'}}", source: `${V}exists_validator_test.go:53`, lines: ["Path:\ta.b[0].d expected to exists"] },
  { type: "exists", outcome: "fail", doc: null, assert: "{exists: {path: 'a.b[0].c'}}", source: `${V}exists_validator_test.go:124` },
  { type: "notExists", outcome: "pass", doc: EXISTS_DOC, assert: "{notExists: {path: 'a.b[0].d'}}", source: `${V}exists_validator_test.go:39` },
  { type: "notExists", outcome: "pass", doc: null, assert: "{notExists: {path: 'a.b[0].c'}}", source: `${V}exists_validator_test.go:136 (a template that renders nothing)` },
  { type: "notExists", outcome: "fail", doc: EXISTS_DOC, assert: "{notExists: {path: 'a.b[0].c'}}", source: `${V}exists_validator_test.go:71`, lines: ["Path:\ta.b[0].c expected to NOT exists"] },
  { type: "isNotNull", outcome: "pass", doc: EXISTS_DOC, assert: "{isNotNull: {path: 'a.b[0].c'}}", source: "pkg/unittest/assertion.go:397 (ExistsValidator)" },
  { type: "isNotNull", outcome: "fail", doc: EXISTS_DOC, assert: "{isNotNull: {path: 'a.b[0].d'}}", source: "pkg/unittest/assertion.go:397" },
  { type: "isNull", outcome: "pass", doc: EXISTS_DOC, assert: "{isNull: {path: 'a.b[0].d'}}", source: "pkg/unittest/assertion.go:396 (ExistsValidator, antonym)" },
  { type: "isNull", outcome: "fail", doc: EXISTS_DOC, assert: "{isNull: {path: 'a.b[0].c'}}", source: "pkg/unittest/assertion.go:396" },
  { type: "matchRegex", outcome: "pass", doc: "a:\n  b:\n    - c: hello world\n", assert: "{matchRegex: {path: 'a.b[0].c', pattern: '^hello'}}", source: `${V}match_regex_validator_test.go:26` },
  { type: "matchRegex", outcome: "fail", doc: "a:\n  b:\n    - c: hello world\n", assert: "{matchRegex: {path: 'a.b[0].c', pattern: '^foo'}}", source: `${V}match_regex_validator_test.go:130`, lines: ["Expected to match:", "\t^foo", "Actual:", "\thello world"] },
  { type: "notMatchRegex", outcome: "pass", doc: "a:\n  b:\n    - c: hello world\n", assert: "{notMatchRegex: {path: 'a.b[0].c', pattern: '^foo'}}", source: `${V}match_regex_validator_test.go:86` },
  { type: "notMatchRegex", outcome: "fail", doc: "a:\n  b:\n    - c: hello world\n", assert: "{notMatchRegex: {path: 'a.b[0].c', pattern: '^hello'}}", source: `${V}match_regex_validator_test.go:173`, lines: ["Expected NOT to match:"] },
  { type: "matchRegexRaw", outcome: "pass", doc: "This is a NOTES.txt document.\n", raw: true, assert: "{matchRegexRaw: {pattern: '^This is'}}", source: `${V}match_regex_raw_validator_test.go:17` },
  { type: "matchRegexRaw", outcome: "fail", doc: "This is a NOTES.txt document.\n", raw: true, assert: "{matchRegexRaw: {pattern: '^foo'}}", source: `${V}match_regex_raw_validator_test.go:55`, lines: ["Expected to match:", "\t^foo"] },
  { type: "notMatchRegexRaw", outcome: "pass", doc: "This is a NOTES.txt document.\n", raw: true, assert: "{notMatchRegexRaw: {pattern: '^foo'}}", source: `${V}match_regex_raw_validator_test.go:29` },
  { type: "notMatchRegexRaw", outcome: "fail", doc: "This is a NOTES.txt document.\n", raw: true, assert: "{notMatchRegexRaw: {pattern: '^This is'}}", source: `${V}match_regex_raw_validator_test.go:74`, lines: ["Expected NOT to match:"] },
  { type: "contains", outcome: "pass", doc: CONTAINS_DOC, assert: "{contains: {path: a.b, content: {d: foo bar}}}", source: `${V}contains_validator_test.go:34` },
  { type: "contains", outcome: "pass", doc: VALUE_ONLY, assert: "{contains: {path: a.b, content: VALUE1}}", source: `${V}contains_validator_test.go:128` },
  { type: "contains", outcome: "pass", doc: VALUE_ONLY, assert: "{contains: {path: a.b, content: VALUE1, any: true}}", source: `${V}contains_validator_test.go:151 (any with a plain string)` },
  { type: "contains", outcome: "pass", doc: "a:\n  b:\n    - name: VALUE1\n      value: bla\n    - name: VALUE2\n      value: bla2\n", assert: "{contains: {path: a.b, content: {name: VALUE1}, any: true}}", source: `${V}contains_validator_test.go:174` },
  { type: "contains", outcome: "fail", doc: CONTAINS_DOC, assert: "{contains: {path: a.b, content: {d: hello bar}}}", source: `${V}contains_validator_test.go:349`, lines: ["Path:\ta.b", "Expected to contain:", "\t- d: hello bar"] },
  { type: "contains", outcome: "fail", doc: CONTAINS_DOC, assert: "{contains: {path: a.b, content: {e: bar}, count: 1}}", source: `${V}contains_validator_test.go (count: 'expect count 1 in ... got 2')`, lines: ["\texpect count 1 in 'a.b' to be in array, got 2:"] },
  { type: "notContains", outcome: "pass", doc: CONTAINS_DOC, assert: "{notContains: {path: a.b, content: {d: hello bar}}}", source: `${V}contains_validator_test.go:324` },
  { type: "notContains", outcome: "fail", doc: CONTAINS_DOC, assert: "{notContains: {path: a.b, content: {d: foo bar}}}", source: `${V}contains_validator.go:85-88 (negated)`, lines: ["Expected NOT to contain:"] },
  { type: "isKind", outcome: "pass", doc: "kind: Pod\n", assert: "{isKind: {of: Pod}}", source: `${V}is_kind_validator_test.go:12` },
  { type: "isKind", outcome: "fail", doc: "kind: Pod\n", assert: "{isKind: {of: Service}}", source: `${V}is_kind_validator_test.go:39`, lines: ["Expected to be kind:", "\tService", "Actual:", "\tPod"] },
  { type: "isAPIVersion", outcome: "pass", doc: "apiVersion: v1\n", assert: "{isAPIVersion: {of: v1}}", source: `${V}is_apiversion_validator_test.go:12` },
  { type: "isAPIVersion", outcome: "fail", doc: "apiVersion: v1\n", assert: "{isAPIVersion: {of: v2}}", source: `${V}is_apiversion_validator_test.go:38`, lines: ["Expected to be apiVersion:", "\tv2"] },
  { type: "hasDocuments", outcome: "pass", doc: `${DEPLOYMENT}---\n${DEPLOYMENT}`, assert: "{hasDocuments: {count: 2}}", source: `${V}has_document_validator_test.go:12` },
  { type: "hasDocuments", outcome: "fail", doc: `${DEPLOYMENT}---\n${DEPLOYMENT}`, assert: "{hasDocuments: {count: 1}}", source: `${V}has_document_validator_test.go:50`, lines: ["Expected documents count to be:", "\t1", "Actual:", "\t2"] },
  { type: "isSubset", outcome: "pass", doc: "a:\n  b:\n    c: hello world\n    d: foo bar\n", assert: "{isSubset: {path: a.b, content: {d: foo bar}}}", source: `${V}is_subset_validator_test.go:20` },
  { type: "isSubset", outcome: "fail", doc: "a:\n  b:\n    c: hello world\n    d: foo bar\n", assert: "{isSubset: {path: a.b, content: {e: bar bar}}}", source: `${V}is_subset_validator_test.go:50`, lines: ["Expected to contain:", "\te: bar bar"] },
  { type: "isNotSubset", outcome: "pass", doc: "a:\n  b:\n    c: hello world\n    d: foo bar\n", assert: "{isNotSubset: {path: a.b, content: {e: bar bar}}}", source: `${V}is_subset_validator_test.go:35` },
  { type: "isNotSubset", outcome: "fail", doc: "a:\n  b:\n    c: hello world\n    d: foo bar\n", assert: "{isNotSubset: {path: a.b, content: {d: foo bar}}}", source: `${V}is_subset_validator_test.go:142`, lines: ["Expected NOT to contain:"] },
  { type: "isNullOrEmpty", outcome: "pass", doc: NULL_DOC, assert: "{isNullOrEmpty: {path: 'a.b[0].c'}}", source: `${V}is_nullorempty_validator_test.go:29` },
  { type: "isNullOrEmpty", outcome: "fail", doc: NULL_DOC, assert: "{isNullOrEmpty: {path: 'a.b[2].e'}}", source: `${V}is_nullorempty_validator_test.go:58`, lines: ["Expected to be null or empty, got:", "\thello"] },
  { type: "isEmpty", outcome: "pass", doc: NULL_DOC, assert: "{isEmpty: {path: 'a.b[1].d'}}", source: "pkg/unittest/assertion.go:398 (IsNullOrEmptyValidator)" },
  { type: "isEmpty", outcome: "fail", doc: NULL_DOC, assert: "{isEmpty: {path: 'a.b[2].e'}}", source: "pkg/unittest/assertion.go:398" },
  { type: "isNotNullOrEmpty", outcome: "pass", doc: NULL_DOC, assert: "{isNotNullOrEmpty: {path: 'a.b[2].e'}}", source: `${V}is_nullorempty_validator_test.go:43` },
  { type: "isNotNullOrEmpty", outcome: "fail", doc: NULL_DOC, assert: "{isNotNullOrEmpty: {path: 'a.b[0].c'}}", source: `${V}is_nullorempty_validator_test.go:80`, lines: ["Expected NOT to be null or empty, got:"] },
  { type: "isNotEmpty", outcome: "pass", doc: NULL_DOC, assert: "{isNotEmpty: {path: 'a.b[2].e'}}", source: "pkg/unittest/assertion.go:399 (IsNullOrEmptyValidator, antonym)" },
  { type: "isNotEmpty", outcome: "fail", doc: NULL_DOC, assert: "{isNotEmpty: {path: 'a.b[1].d'}}", source: "pkg/unittest/assertion.go:399" },
  { type: "lengthEqual", outcome: "pass", doc: "spec:\n  tls:\n    - a\n    - b\n", assert: "{lengthEqual: {path: spec.tls, count: 2}}", source: `${V}length_equal_document_validator_test.go:61` },
  { type: "lengthEqual", outcome: "fail", doc: "spec:\n  tls:\n    - a\n    - b\n", assert: "{lengthEqual: {path: spec.tls, count: 1}}", source: `${V}length_equal_document_validator_test.go:168`, lines: ["Expected to match count:", "\t1", "Actual:", "\t2"] },
  { type: "notLengthEqual", outcome: "pass", doc: "spec:\n  tls:\n    - a\n    - b\n", assert: "{notLengthEqual: {path: spec.tls, count: 1}}", source: `${V}length_equal_document_validator_test.go:91` },
  { type: "notLengthEqual", outcome: "fail", doc: "spec:\n  tls:\n    - a\n    - b\n", assert: "{notLengthEqual: {path: spec.tls, count: 2}}", source: `${V}length_equal_document_validator_test.go:184`, lines: ["Expected NOT to match count:"] },
  { type: "containsDocument", outcome: "pass", doc: `${SERVICE_FOO}---\n${SERVICE_BAR}`, assert: "{containsDocument: {kind: Service, apiVersion: v1, name: foo, namespace: bar, any: true}}", source: `${V}contains_document_validator_test.go:136` },
  { type: "containsDocument", outcome: "fail", doc: `${SERVICE_FOO}---\n${SERVICE_BAR}`, assert: "{containsDocument: {kind: Service, apiVersion: v1, name: bar, namespace: foo}}", source: `${V}contains_document_validator_test.go:106`, lines: ["DocumentIndex:\t0", "Expected to contain document:", "\tKind = Service, apiVersion = v1, Name = bar, Namespace = foo"] },
  { type: "containsDocument", outcome: "fail", doc: `${SERVICE_FOO}---\n${SERVICE_BAR}`, assert: "{containsDocument: {kind: Service, apiVersion: v1, name: bar, namespace: foo, any: true}, not: true}", source: `${V}contains_document_validator_test.go:153`, lines: ["DocumentIndex:\t1", "Expected NOT to contain document:"] },
  { type: "isType", outcome: "pass", doc: TYPE_DOC, assert: "{isType: {path: 'a.b[0].c', type: int}}", source: `${V}is_type_validator_test.go:21` },
  { type: "isType", outcome: "pass", doc: TYPE_DOC, assert: "{isType: {path: a.e, type: string}}", source: `${V}is_type_validator_test.go:33` },
  { type: "isType", outcome: "fail", doc: TYPE_DOC, assert: "{isType: {path: 'a.b[0]', type: int}}", source: `${V}is_type_validator_test.go:58`, lines: ["Path:\ta.b[0]", "Expected to be of type:", "\tint", "Actual:", "\tmap[string]interface {}"] },
  { type: "isType", outcome: "fail", doc: "a:\n  nil_key:\n", assert: "{isType: {path: a.nil_key, type: bool}}", source: `${V}is_type_validator_test.go:292` },
  { type: "isNotType", outcome: "pass", doc: TYPE_DOC, assert: "{isNotType: {path: 'a.b[0].c', type: string}}", source: `${V}is_type_validator_test.go:45` },
  { type: "isNotType", outcome: "fail", doc: TYPE_DOC, assert: "{isNotType: {path: 'a.b[0].c', type: int}}", source: `${V}is_type_validator_test.go:156`, lines: ["Expected NOT to be of type:"] },
  { type: "failedTemplate", outcome: "pass", doc: '{{ fail "a failure message" }}', assert: "{failedTemplate: {errorMessage: a failure message}}", source: `${V}failed_template_validator_test.go:17` },
  { type: "failedTemplate", outcome: "fail", doc: "kind: Pod\n", assert: "{failedTemplate: {errorMessage: a failure message}}", source: `${V}failed_template_validator_test.go:151` },
  { type: "notFailedTemplate", outcome: "pass", doc: "kind: Pod\n", assert: "{notFailedTemplate: {}}", source: `${V}failed_template_validator_test.go:50` },
  { type: "notFailedTemplate", outcome: "fail", doc: '{{ fail "a failure message" }}', assert: "{notFailedTemplate: {}}", source: "pkg/unittest/assertion.go:392 (requires a successful render)" },
  { type: "matchSnapshot", outcome: "pass", doc: "a:\n  b: c\n", assert: "{matchSnapshot: {}}", source: `${V}snapshot_validator_test.go:13 (a missing snapshot is created and passes: snapshot/cache.go)` },
  { type: "matchSnapshot", outcome: "fail", doc: "a:\n  b: c\n", assert: "{matchSnapshot: {}}", source: `${V}snapshot_validator_test.go:76`, lines: ["Expected to match snapshot 1:"] },
  { type: "matchSnapshotRaw", outcome: "pass", doc: "a raw text\n", raw: true, assert: "{matchSnapshotRaw: {}}", source: `${V}snapshot_raw_validator_test.go:13` },
  { type: "matchSnapshotRaw", outcome: "fail", doc: "a raw text\n", raw: true, assert: "{matchSnapshotRaw: {}}", source: `${V}snapshot_raw_validator_test.go:56`, lines: ["Expected to match snapshot 1:"] },
];

/** Rows whose stored snapshot differs from the output (their test name -> snapshot 1). */
const STALE_SNAPSHOTS: Record<string, string> = { "matchSnapshot fail 0": "a:\n  b: stale\n", "matchSnapshotRaw fail 0": "another text\n" };

const rowName = (row: Row, index: number) => `${row.type} ${row.outcome} ${ROWS.filter((other, at) => at < index && other.type === row.type && other.outcome === row.outcome).length}`;
const rowFile = (row: Row, index: number) => `row-${index}.${row.raw ? "txt" : "yaml"}`;
const failsToRender = (row: Row) => (row.doc ?? "").includes("{{ fail");

function conformanceChart(): string {
  const files: Record<string, string> = {};
  ROWS.forEach((row, index) => (files[`templates/${rowFile(row, index)}`] = row.doc ?? ""));
  const job = (row: Row, index: number) => `  - it: ${JSON.stringify(rowName(row, index))}\n    template: ${rowFile(row, index)}\n    asserts:\n      - ${row.assert}\n`;
  const renders = ROWS.map((row, index) => ({ row, index })).filter(({ row }) => !failsToRender(row));
  // Rendering fails for the whole chart, so each failing template gets a suite that selects only it.
  const failing = ROWS.map((row, index) => ({ row, index })).filter(({ row }) => failsToRender(row));
  files["tests/conformance_test.yaml"] = [
    `suite: conformance\ntemplates:\n${renders.map(({ row, index }) => `  - ${rowFile(row, index)}\n`).join("")}tests:\n${renders.map(({ row, index }) => job(row, index)).join("")}`,
    ...failing.map(({ row, index }) => `suite: conformance ${index}\ntemplates:\n  - ${rowFile(row, index)}\ntests:\n${job(row, index)}`),
  ].join("---\n");
  const snapshot = Object.entries(STALE_SNAPSHOTS)
    .map(([name, text]) => `${name}:\n  1: |\n${text.trimEnd().replace(/^/gm, "    ")}\n`)
    .join("");
  files["tests/__snapshot__/conformance_test.yaml.snap"] = snapshot;
  return fixtureCopy(files);
}

describe("helm-unittest conformance: assertion types", () => {
  let results: SuiteResult[] = [];
  beforeAll(() => {
    results = runChartSuites(conformanceChart(), { helm: "helm" });
  });
  afterAll(removeFixtureCopies);

  it("implements exactly the plugin's assertion types", () => {
    expect(Object.keys(ASSERTION_TYPES).sort()).toEqual([...PLUGIN_ASSERTION_TYPES].sort());
  });

  it("has a passing and a failing row for every assertion type", () => {
    for (const type of PLUGIN_ASSERTION_TYPES) {
      expect(ROWS.filter((row) => row.type === type).map((row) => row.outcome), type).toEqual(expect.arrayContaining(["pass", "fail"]));
    }
  });

  it("loads every suite", () => {
    expect(results.map((suite) => suite.error).filter(Boolean)).toEqual([]);
  });

  it.each(ROWS.map((row, index) => [`${rowName(row, index)} (${row.source})`, row, index] as const))("%s", (_label, row, index) => {
    const test = testNamed(results, rowName(row, index));
    const lines = failureLines(test);
    expect(test.passed, lines.join("\n")).toBe(row.outcome === "pass");
    if (row.lines) {
      const text = lines.join("\n");
      for (const line of row.lines) expect(text).toContain(line);
    }
  });
});

const KEYS_TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
  namespace: {{ .Release.Namespace }}
data:
  value: {{ .Values.value | default "none" | quote }}
  chart: {{ .Chart.Version | quote }}
  appVersion: {{ .Chart.AppVersion | quote }}
  minor: {{ .Capabilities.KubeVersion.Minor | quote }}
  api: {{ .Capabilities.APIVersions.Has "example.com/v1" | quote }}
  upgrade: {{ .Release.IsUpgrade | quote }}
`;
const CRD = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n";
const D = "DOCUMENT.md";

/** One suite per key: its settings, a test that passes because of them and one that fails. Sources: DOCUMENT.md at v1.1.0. */
const KEY_ROWS: Array<{ key: string; level: "suite" | "test"; source: string; suite: string }> = [
  { key: "suite", level: "suite", source: `${D}:67`, suite: "suite: named\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{isKind: {of: ConfigMap}}]\n  - it: fail\n    asserts: [{isKind: {of: Secret}}]\n" },
  { key: "values", level: "suite", source: `${D}:69`, suite: "values: [v.yaml]\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{equal: {path: data.value, value: from-file}}]\n  - it: fail\n    asserts: [{equal: {path: data.value, value: none}}]\n" },
  { key: "set", level: "suite", source: `${D}:71`, suite: "set: {value: from-set}\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{equal: {path: data.value, value: from-set}}]\n  - it: fail\n    set: {value: overridden}\n    asserts: [{equal: {path: data.value, value: from-set}}]\n" },
  { key: "templates", level: "suite", source: `${D}:73`, suite: "templates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{hasDocuments: {count: 1}}]\n  - it: fail\n    asserts: [{hasDocuments: {count: 2}}]\n" },
  { key: "excludeTemplates", level: "suite", source: `${D}:75`, suite: "templates: ['keys*']\nexcludeTemplates: [keys2.yaml]\ntests:\n  - it: pass\n    asserts: [{hasDocuments: {count: 1}}]\n  - it: fail\n    template: keys2.yaml\n    asserts: [{hasDocuments: {count: 1}}]\n" },
  { key: "includeCrds", level: "suite", source: `${D}:77`, suite: "includeCrds: true\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    template: crds/widget.yaml\n    asserts: [{isKind: {of: CustomResourceDefinition}}]\n  - it: fail\n    template: crds/widget.yaml\n    asserts: [{isKind: {of: ConfigMap}}]\n" },
  { key: "release", level: "suite", source: `${D}:79-83`, suite: "release: {name: rel, namespace: ns, upgrade: true}\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{equal: {path: metadata.name, value: rel}}, {equal: {path: metadata.namespace, value: ns}}, {equal: {path: data.upgrade, value: 'true'}}]\n  - it: fail\n    asserts: [{equal: {path: metadata.name, value: RELEASE-NAME}}]\n" },
  { key: "chart", level: "suite", source: `${D}:90-92`, suite: "chart: {version: 9.9.9, appVersion: v2}\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{equal: {path: data.chart, value: 9.9.9}}, {equal: {path: data.appVersion, value: v2}}]\n  - it: fail\n    asserts: [{equal: {path: data.chart, value: 0.1.0}}]\n" },
  { key: "capabilities", level: "suite", source: `${D}:85-88`, suite: "capabilities: {majorVersion: 1, minorVersion: 29, apiVersions: [example.com/v1]}\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{equal: {path: data.minor, value: '29'}}, {equal: {path: data.api, value: 'true'}}]\n  - it: fail\n    asserts: [{equal: {path: data.api, value: 'false'}}]\n" },
  { key: "postRenderer", level: "suite", source: `${D}:102-104 and pkg/unittest/test_job.go:417-511`, suite: "postRenderer: {cmd: sed, args: ['s/kind: ConfigMap/kind: Secret/']}\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{isKind: {of: Secret}}]\n  - it: fail\n    asserts: [{isKind: {of: ConfigMap}}]\n" },
  { key: "tests", level: "suite", source: `${D}:106`, suite: "templates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{exists: {path: data}}]\n  - it: fail\n    asserts: [{notExists: {path: data}}]\n" },
  { key: "snapshotId", level: "suite", source: "pkg/unittest/test_suite.go:245", suite: "snapshotId: one\ntemplates: [keys.yaml]\ntests:\n  - it: pass\n    asserts: [{matchSnapshot: {path: kind}}]\n  - it: fail\n    asserts: [{matchSnapshot: {path: kind}, not: true}]\n" },
  { key: "skip", level: "suite", source: `${D}:190-191`, suite: "templates: [keys.yaml]\ntests:\n  - it: pass\n    skip: {reason: parked}\n    asserts: [{isKind: {of: Secret}}]\n  - it: fail\n    asserts: [{isKind: {of: Secret}}]\n" },
  { key: "documentIndex", level: "test", source: `${D}:163`, suite: "templates: [multi.yaml]\ntests:\n  - it: pass\n    documentIndex: 1\n    asserts: [{isKind: {of: Secret}}]\n  - it: fail\n    documentIndex: 0\n    asserts: [{isKind: {of: Secret}}]\n" },
  { key: "documentSelector", level: "test", source: `${D}:165-169`, suite: "templates: [multi.yaml]\ntests:\n  - it: pass\n    documentSelector: {path: kind, value: Secret}\n    asserts: [{hasDocuments: {count: 1, filterAware: true}}]\n  - it: fail\n    documentSelector: {path: kind, value: Service}\n    asserts: [{isKind: {of: Secret}}]\n" },
  { key: "template", level: "test", source: `${D}:161`, suite: "templates: ['keys*']\ntests:\n  - it: pass\n    template: keys2.yaml\n    asserts: [{isKind: {of: Secret}}]\n  - it: fail\n    template: keys.yaml\n    asserts: [{isKind: {of: Secret}}]\n" },
];

describe("helm-unittest conformance: suite and test keys", () => {
  let results: SuiteResult[] = [];
  beforeAll(() => {
    const files: Record<string, string> = {
      "templates/keys.yaml": KEYS_TEMPLATE,
      "templates/keys2.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: second\n",
      "templates/multi.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n",
      "crds/widget.yaml": CRD,
      "tests/v.yaml": "value: from-file\n",
    };
    for (const row of KEY_ROWS) files[`tests/key-${row.key}_test.yaml`] = row.suite;
    results = runChartSuites(fixtureCopy(files), { helm: "helm" });
  });
  afterAll(removeFixtureCopies);

  it("knows exactly the plugin's suite and test keys", () => {
    expect([...SUITE_KEYS].sort()).toEqual([...PLUGIN_SUITE_KEYS].sort());
    expect([...TEST_KEYS].sort()).toEqual([...PLUGIN_TEST_KEYS].sort());
  });

  it("has a row for every suite key (kubernetesProvider aside: see below)", () => {
    const covered = new Set(KEY_ROWS.filter((row) => row.level === "suite").map((row) => row.key));
    expect(PLUGIN_SUITE_KEYS.filter((key) => !covered.has(key))).toEqual(["kubernetesProvider"]);
  });

  it.each(KEY_ROWS.map((row) => [`${row.key} (${row.source})`, row] as const))("%s", (_label, row) => {
    const suite = results.find((candidate) => candidate.file.endsWith(`key-${row.key}_test.yaml`));
    expect(suite?.error).toBeUndefined();
    const pass = suite?.tests.find((test) => test.name === "pass");
    const fail = suite?.tests.find((test) => test.name === "fail");
    expect(pass?.passed, failureLines(pass!).join("\n")).toBe(true);
    expect(fail?.passed).toBe(false);
  });
});

describe("kubernetesProvider (the one documented gap)", () => {
  afterAll(removeFixtureCopies);
  it("is accepted by the parser, and a test using it fails with the reason and the command that runs it for real", () => {
    const chart = fixtureCopy({
      "tests/lookup_test.yaml":
        "templates: [deployment.yaml]\nkubernetesProvider:\n  scheme:\n    v1/Pod: {gvr: {version: v1, resource: pods}, namespaced: true}\n  objects:\n    - {kind: Pod, apiVersion: v1, metadata: {name: unittest, namespace: default}}\ntests:\n  - it: looks up a pod\n    asserts: [{isKind: {of: Deployment}}]\n",
    });
    const [suite] = runChartSuites(chart, { helm: "helm" });
    expect(suite?.error).toBeUndefined();
    expect(testNamed([suite!], "looks up a pod").error).toMatch(/kubernetesProvider is valid helm-unittest .* lookup always returns an empty map\. Run this suite with the real plugin \(`helm unittest /);
  });
});
