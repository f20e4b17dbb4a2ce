import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELM_VERSIONS } from "../binaries/binaries.js";
import type { SuiteResult } from "./results.js";
import { runChartSuites } from "./runner.js";
import { failureLines, fixtureCopy, removeFixtureCopies, testNamed } from "./test-support.js";

const DEPLOYMENT = "unittest-fixture/templates/deployment.yaml";

/** One passing and one failing test per assertion type, rendered against the fixture chart. */
const CATALOGUE = `suite: assertion catalogue
templates:
  - deployment.yaml
  - secret.yaml
  - fail.yaml
  - extra.yaml
  - NOTES.txt
tests:
  - it: equal passes
    template: deployment.yaml
    asserts: [{equal: {path: metadata.name, value: RELEASE-NAME-unittest-fixture}}]
  - it: equal fails
    template: deployment.yaml
    asserts: [{equal: {path: metadata.name, value: wrong}}]
  - it: equal with decodeBase64 passes
    template: secret.yaml
    asserts: [{equal: {path: data.token, value: s3cr3t, decodeBase64: true}}]
  - it: equal with decodeBase64 fails
    template: secret.yaml
    asserts: [{equal: {path: data.token, value: other, decodeBase64: true}}]
  - it: notEqual passes
    template: deployment.yaml
    asserts: [{notEqual: {path: metadata.name, value: other}}]
  - it: notEqual fails
    template: deployment.yaml
    asserts: [{notEqual: {path: metadata.name, value: RELEASE-NAME-unittest-fixture}}]
  - it: exists passes
    template: deployment.yaml
    asserts: [{exists: {path: spec.replicas}}]
  - it: exists fails
    template: deployment.yaml
    asserts: [{exists: {path: spec.strategy}}]
  - it: notExists passes
    template: deployment.yaml
    asserts: [{notExists: {path: spec.strategy}}]
  - it: notExists fails
    template: deployment.yaml
    asserts: [{notExists: {path: spec.replicas}}]
  - it: isKind passes
    template: deployment.yaml
    asserts: [{isKind: {of: Deployment}}]
  - it: isKind fails
    template: deployment.yaml
    asserts: [{isKind: {of: Service}}]
  - it: isAPIVersion passes
    template: deployment.yaml
    asserts: [{isAPIVersion: {of: apps/v1}}]
  - it: isAPIVersion fails
    template: deployment.yaml
    asserts: [{isAPIVersion: {of: v1}}]
  - it: hasDocuments passes
    template: deployment.yaml
    asserts: [{hasDocuments: {count: 1}}]
  - it: hasDocuments fails
    template: deployment.yaml
    asserts: [{hasDocuments: {count: 2}}]
  - it: matchRegex passes
    template: deployment.yaml
    asserts: [{matchRegex: {path: metadata.name, pattern: ^RELEASE-NAME-}}]
  - it: matchRegex fails
    template: deployment.yaml
    asserts: [{matchRegex: {path: metadata.name, pattern: ^nginx}}]
  - it: notMatchRegex passes
    template: deployment.yaml
    asserts: [{notMatchRegex: {path: metadata.name, pattern: ^nginx}}]
  - it: notMatchRegex fails
    template: deployment.yaml
    asserts: [{notMatchRegex: {path: metadata.name, pattern: fixture$}}]
  - it: contains passes
    template: deployment.yaml
    asserts: [{contains: {path: "spec.template.spec.containers[0].ports", content: {name: http, containerPort: 8080, protocol: TCP}}}]
  - it: contains fails
    template: deployment.yaml
    asserts: [{contains: {path: "spec.template.spec.containers[0].ports", content: {name: https}}}]
  - it: notContains passes
    template: deployment.yaml
    asserts: [{notContains: {path: "spec.template.spec.containers[0].ports", content: {name: https}}}]
  - it: notContains fails
    template: deployment.yaml
    asserts: [{notContains: {path: "spec.template.spec.containers[0].ports", content: {name: http, containerPort: 8080, protocol: TCP}}}]
  - it: isSubset passes
    template: deployment.yaml
    asserts: [{isSubset: {path: metadata.annotations, content: {example.com/owner: platform}}}]
  - it: isSubset fails
    template: deployment.yaml
    asserts: [{isSubset: {path: metadata.annotations, content: {example.com/owner: nobody}}}]
  - it: isNotSubset passes
    template: deployment.yaml
    asserts: [{isNotSubset: {path: metadata.annotations, content: {example.com/owner: nobody}}}]
  - it: isNotSubset fails
    template: deployment.yaml
    asserts: [{isNotSubset: {path: metadata.annotations, content: {example.com/owner: platform}}}]
  - it: lengthEqual passes
    template: deployment.yaml
    asserts: [{lengthEqual: {path: spec.template.spec.containers, count: 2}}]
  - it: lengthEqual fails
    template: deployment.yaml
    asserts: [{lengthEqual: {path: spec.template.spec.containers, count: 3}}]
  - it: notLengthEqual passes
    template: deployment.yaml
    asserts: [{notLengthEqual: {path: spec.template.spec.containers, count: 3}}]
  - it: notLengthEqual fails
    template: deployment.yaml
    asserts: [{notLengthEqual: {path: spec.template.spec.containers, count: 2}}]
  - it: isNullOrEmpty passes
    template: deployment.yaml
    asserts: [{isNullOrEmpty: {path: spec.template.spec.tolerations}}]
  - it: isNullOrEmpty fails
    template: deployment.yaml
    asserts: [{isNullOrEmpty: {path: metadata.name}}]
  - it: isNotNullOrEmpty passes
    template: deployment.yaml
    asserts: [{isNotNullOrEmpty: {path: metadata.name}}]
  - it: isNotNullOrEmpty fails
    template: deployment.yaml
    asserts: [{isNotNullOrEmpty: {path: spec.template.spec.tolerations}}]
  - it: failedTemplate passes
    template: fail.yaml
    set: {failMe: true}
    asserts: [{failedTemplate: {errorMessage: "fixture refuses: failMe is set"}}]
  - it: failedTemplate fails
    template: fail.yaml
    set: {failMe: true}
    asserts: [{failedTemplate: {errorMessage: something else}}]
  - it: failedTemplate fails when the render succeeds
    template: fail.yaml
    asserts: [{failedTemplate: {}}]
  - it: failedTemplate with errorPattern passes
    template: fail.yaml
    set: {failMe: true}
    asserts: [{failedTemplate: {errorPattern: "refuses: \\\\w+ is set$"}}]
  - it: failedTemplate with errorPattern fails
    template: fail.yaml
    set: {failMe: true}
    asserts: [{failedTemplate: {errorPattern: "^nothing like it$"}}]
  - it: notFailedTemplate passes
    template: fail.yaml
    asserts: [{notFailedTemplate: {}}]
  - it: notFailedTemplate fails
    template: fail.yaml
    set: {failMe: true}
    asserts: [{notFailedTemplate: {}}]
  - it: equalRaw passes
    template: NOTES.txt
    asserts: [{equalRaw: {value: "Release RELEASE-NAME is installed in namespace NAMESPACE.\\nImage: registry.example.com/app:1.0.0\\n"}}]
  - it: equalRaw fails
    template: NOTES.txt
    asserts: [{equalRaw: {value: "Something else\\n"}}]
  - it: notEqualRaw passes
    template: NOTES.txt
    asserts: [{notEqualRaw: {value: "Something else\\n"}}]
  - it: notEqualRaw fails
    template: NOTES.txt
    asserts: [{notEqualRaw: {value: "Release RELEASE-NAME is installed in namespace NAMESPACE.\\nImage: registry.example.com/app:1.0.0\\n"}}]
  - it: matchRegexRaw passes
    template: NOTES.txt
    asserts: [{matchRegexRaw: {pattern: "installed in namespace NAMESPACE"}}]
  - it: matchRegexRaw fails
    template: NOTES.txt
    asserts: [{matchRegexRaw: {pattern: "^Goodbye"}}]
  - it: notMatchRegexRaw passes
    template: NOTES.txt
    asserts: [{notMatchRegexRaw: {pattern: "^Goodbye"}}]
  - it: notMatchRegexRaw fails
    template: NOTES.txt
    asserts: [{notMatchRegexRaw: {pattern: "installed"}}]
  - it: isNull passes
    template: deployment.yaml
    asserts: [{isNull: {path: spec.strategy}}]
  - it: isNull fails
    template: deployment.yaml
    asserts: [{isNull: {path: spec.replicas}}]
  - it: isNotNull passes
    template: deployment.yaml
    asserts: [{isNotNull: {path: spec.replicas}}]
  - it: isNotNull fails
    template: deployment.yaml
    asserts: [{isNotNull: {path: spec.strategy}}]
  - it: isEmpty passes
    template: deployment.yaml
    asserts: [{isEmpty: {path: spec.template.spec.tolerations}}]
  - it: isEmpty fails
    template: deployment.yaml
    asserts: [{isEmpty: {path: metadata.name}}]
  - it: isNotEmpty passes
    template: deployment.yaml
    asserts: [{isNotEmpty: {path: metadata.name}}]
  - it: isNotEmpty fails
    template: deployment.yaml
    asserts: [{isNotEmpty: {path: spec.template.spec.tolerations}}]
  - it: lengthEqual with paths passes
    template: deployment.yaml
    asserts: [{lengthEqual: {paths: ["spec.template.spec.containers[0].ports", "spec.template.spec.containers[0].env"]}}]
  - it: lengthEqual with paths fails
    template: deployment.yaml
    asserts: [{lengthEqual: {paths: [spec.template.spec.containers, "spec.template.spec.containers[0].ports"]}}]
  - it: contains with any and count passes
    template: deployment.yaml
    asserts: [{contains: {path: "spec.template.spec.containers[0].env", content: {name: MODE}, any: true, count: 1}}]
  - it: contains with any and count fails
    template: deployment.yaml
    asserts: [{contains: {path: "spec.template.spec.containers[0].env", content: {name: MODE}, any: true, count: 2}}]
  - it: not true inverts equal
    template: deployment.yaml
    asserts: [{equal: {path: spec.replicas, value: 2}, not: true}]
  - it: a documentIndex past the end fails
    template: deployment.yaml
    asserts: [{exists: {path: metadata.name}, documentIndex: 3}]
  - it: a documentSelector without a match fails
    template: deployment.yaml
    asserts: [{exists: {path: metadata.name}, documentSelector: {path: kind, value: Service}}]
  - it: a template outside the suite fails
    asserts: [{exists: {path: metadata.name}, template: service.yaml}]
  - it: an assertion without documents to check is skipped
    template: fail.yaml
    documentSelector: {path: kind, value: Secret, skipEmptyTemplates: true}
    asserts: [{notExists: {path: metadata.name}}]
  - it: an assertion on a template that renders nothing fails
    template: extra.yaml
    asserts: [{isKind: {of: ConfigMap}}]
  - it: a render error fails a test without failedTemplate
    template: deployment.yaml
    set: {failMe: true}
    asserts: [{exists: {path: metadata.name}}]
`;

/** Pass/fail pairs and the failure lines each failing case must print (as helm-unittest would). */
const PAIRS: Array<[type: string, failing: string, expectedLines: string[]]> = [
  ["equal", "equal fails", ["Path:\tmetadata.name", "Expected to equal:", "\twrong", "Actual:", "\tRELEASE-NAME-unittest-fixture", "Diff:", "\t-wrong", "\t+RELEASE-NAME-unittest-fixture"]],
  ["equal with decodeBase64", "equal with decodeBase64 fails", ["Path:\tdata.token", "\tother", "\ts3cr3t"]],
  ["notEqual", "notEqual fails", ["Path:\tmetadata.name", "Expected NOT to equal:", "\tRELEASE-NAME-unittest-fixture"]],
  ["exists", "exists fails", ["Path:\tspec.strategy expected to exists"]],
  ["notExists", "notExists fails", ["Path:\tspec.replicas expected to NOT exists"]],
  ["isKind", "isKind fails", ["Expected to be kind:", "\tService", "Actual:", "\tDeployment"]],
  ["isAPIVersion", "isAPIVersion fails", ["Expected to be apiVersion:", "\tv1", "Actual:", "\tapps/v1"]],
  ["hasDocuments", "hasDocuments fails", ["Expected documents count to be:", "\t2", "Actual:", "\t1"]],
  ["matchRegex", "matchRegex fails", ["Path:\tmetadata.name", "Expected to match:", "\t^nginx", "Actual:", "\tRELEASE-NAME-unittest-fixture"]],
  ["notMatchRegex", "notMatchRegex fails", ["Expected NOT to match:", "\tfixture$"]],
  [
    "contains",
    "contains fails",
    ["Path:\tspec.template.spec.containers[0].ports", "Expected to contain:", "\t- name: https", "Actual:", "\t- containerPort: 8080", "\t  name: http", "\t  protocol: TCP"],
  ],
  ["notContains", "notContains fails", ["Expected NOT to contain:", "\t- containerPort: 8080"]],
  ["isSubset", "isSubset fails", ["Path:\tmetadata.annotations", "Expected to contain:", "\texample.com/owner: nobody", "Actual:", "\texample.com/owner: platform"]],
  ["isNotSubset", "isNotSubset fails", ["Expected NOT to contain:", "\texample.com/owner: platform"]],
  ["lengthEqual", "lengthEqual fails", ["Path:\tspec.template.spec.containers", "Expected to match count:", "\t3", "Actual:", "\t2"]],
  ["notLengthEqual", "notLengthEqual fails", ["Expected NOT to match count:", "\t2"]],
  ["isNullOrEmpty", "isNullOrEmpty fails", ["Path:\tmetadata.name", "Expected to be null or empty, got:", "\tRELEASE-NAME-unittest-fixture"]],
  ["isNotNullOrEmpty", "isNotNullOrEmpty fails", ["Path:\tspec.template.spec.tolerations", "Expected NOT to be null or empty, got:", "\t[]"]],
  ["isNull", "isNull fails", ["Path:\tspec.replicas expected to NOT exists"]],
  ["isNotNull", "isNotNull fails", ["Path:\tspec.strategy expected to exists"]],
  ["isEmpty", "isEmpty fails", ["Expected to be null or empty, got:", "\tRELEASE-NAME-unittest-fixture"]],
  ["isNotEmpty", "isNotEmpty fails", ["Expected NOT to be null or empty, got:", "\t[]"]],
  ["lengthEqual with paths", "lengthEqual with paths fails", ["Path:\tspec.template.spec.containers[0].ports", "Expected to match count:", "\t-1", "Actual:", "\t1"]],
  [
    "contains with any and count",
    "contains with any and count fails",
    ["Error:", "\texpect count 2 in 'spec.template.spec.containers[0].env' to be in array, got 1:", "\t- name: MODE", "\t  value: production"],
  ],
  ["failedTemplate", "failedTemplate fails", ["Expected to equal:", "\tsomething else", "Actual:", "\tfixture refuses: failMe is set"]],
  ["failedTemplate with errorPattern", "failedTemplate with errorPattern fails", ["Expected to match:", "\t^nothing like it$", "Actual:", "\tfixture refuses: failMe is set"]],
  ["notFailedTemplate", "notFailedTemplate fails", []],
  ["equalRaw", "equalRaw fails", ["Expected to equal:", "\t|", "\t  Something else", "Actual:", "\t  Release RELEASE-NAME is installed in namespace NAMESPACE.", "Diff:", "\t-  Something else"]],
  ["notEqualRaw", "notEqualRaw fails", ["Expected NOT to equal:", "\t  Release RELEASE-NAME is installed in namespace NAMESPACE."]],
  ["matchRegexRaw", "matchRegexRaw fails", ["Expected to match:", "\t^Goodbye", "Actual:"]],
  ["notMatchRegexRaw", "notMatchRegexRaw fails", ["Expected NOT to match:", "\tinstalled"]],
];

describe.each(HELM_VERSIONS)("assertions under $label", ({ binary }) => {
  let results: SuiteResult[];
  beforeAll(() => {
    results = runChartSuites(fixtureCopy({ "tests/catalogue_test.yaml": CATALOGUE }), { helm: binary, ci: true });
  });
  afterAll(removeFixtureCopies);

  it("loads the catalogue suite", () => {
    expect(results.map((suite) => suite.error)).toEqual([undefined]);
    expect(results[0]?.tests.length).toBe(70);
  });

  it.each(PAIRS)("%s: passes on a match and reports a mismatch", (type, failing, expectedLines) => {
    const passing = testNamed(results, `${type} passes`);
    expect(failureLines(passing)).toEqual([]);
    expect(passing.passed).toBe(true);
    const failed = testNamed(results, failing);
    expect(failed.passed).toBe(false);
    for (const line of expectedLines) expect(failureLines(failed)).toContain(line);
  });

  it("prints the complete helm-unittest failure block for equal", () => {
    expect(testNamed(results, "equal fails").assertions[0]).toEqual({
      index: 0,
      type: "equal",
      not: false,
      passed: false,
      failInfo: [
        `Template:\t${DEPLOYMENT}`,
        "DocumentIndex:\t0",
        "ValuesIndex:\t0",
        "Path:\tmetadata.name",
        "Expected to equal:",
        "\twrong",
        "Actual:",
        "\tRELEASE-NAME-unittest-fixture",
        "Diff:",
        "\t--- Expected",
        "\t+++ Actual",
        "\t@@ -1,2 +1,2 @@",
        "\t-wrong",
        "\t+RELEASE-NAME-unittest-fixture",
      ],
    });
  });

  it("fails failedTemplate when the template renders fine", () => {
    const test = testNamed(results, "failedTemplate fails when the render succeeds");
    expect(test.passed).toBe(false);
    expect(failureLines(test).join("\n")).toContain("failedTemplate expects the render to fail");
  });

  it("turns a render error into the test's error when no failedTemplate expects it", () => {
    for (const name of ["notFailedTemplate fails", "a render error fails a test without failedTemplate"]) {
      const test = testNamed(results, name);
      expect(test.passed).toBe(false);
      expect(test.error).toMatch(/^execution error at \(unittest-fixture\/templates\/fail\.yaml:\d+:\d+\): fixture refuses: failMe is set$/);
    }
  });

  it("honours not: true", () => {
    const test = testNamed(results, "not true inverts equal");
    expect(test.passed).toBe(false);
    expect(test.assertions[0]?.not).toBe(true);
    expect(failureLines(test)).toEqual([`Template:\t${DEPLOYMENT}`, "DocumentIndex:\t0", "ValuesIndex:\t0", "Path:\tspec.replicas", "Expected NOT to equal:", "\t2"]);
  });

  it("fails a documentIndex that is out of range", () => {
    expect(failureLines(testNamed(results, "a documentIndex past the end fails"))).toEqual(["Error:", `document index 3 is out of range: ${DEPLOYMENT} rendered 1 document`]);
  });

  it("fails a documentSelector that matches nothing", () => {
    expect(failureLines(testNamed(results, "a documentSelector without a match fails"))).toEqual(["Error:", `document not found: no document of ${DEPLOYMENT} has kind equal to the selector value`]);
  });

  it("explains a failure that has no documents to check", () => {
    // skipEmptyTemplates with nothing selected skips the assertion, which passes (assertion.go:81-95 at v1.1.0).
    const withoutTemplates = testNamed(results, "an assertion without documents to check is skipped");
    expect(withoutTemplates.passed).toBe(true);
    const withoutDocuments = testNamed(results, "an assertion on a template that renders nothing fails");
    expect(withoutDocuments.passed).toBe(false);
    expect(failureLines(withoutDocuments)).toEqual(["Template:\tunittest-fixture/templates/extra.yaml", "Error:", "\tno manifest found: the template rendered no documents"]);
  });

  it("fails an assertion on a template the suite did not select", () => {
    expect(failureLines(testNamed(results, "a template outside the suite fails"))).toEqual(["Error:", '\ttemplate "unittest-fixture/templates/service.yaml" not exists or not selected in test suite']);
  });
});
