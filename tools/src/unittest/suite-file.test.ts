import { describe, expect, it } from "vitest";
import { parseSuiteFile, SuiteDefinitionError } from "./suite-file.js";

const parse = (text: string) => parseSuiteFile(text, "/abs/chart/tests/x_test.yaml", "chart/tests/x_test.yaml");

describe("parseSuiteFile", () => {
  it("reads suites, tests, assertions and their options", () => {
    const [suite] = parse(`suite: s
templates: [deployment.yaml]
values: [values/a.yaml]
set:
  image.tag: "2"
release: {name: r, namespace: n, upgrade: true}
capabilities: {majorVersion: 1, minorVersion: "29", apiVersions: [x/v1]}
chart: {version: 1.0.0}
tests:
  - it: t
    documentIndex: 0
    asserts:
      - notEqual: {path: metadata.name, value: x}
        not: true
        template: service.yaml
        documentSelector: {path: kind, value: Service, matchMany: true}
`);
    expect(suite?.name).toBe("s");
    expect(suite?.set).toEqual([{ path: "image.tag", value: "2" }]);
    expect(suite?.release).toEqual({ name: "r", namespace: "n", revision: undefined, upgrade: true });
    expect(suite?.capabilities).toEqual({ majorVersion: "1", minorVersion: "29", apiVersions: ["x/v1"] });
    const assertion = suite?.tests[0]?.asserts[0];
    expect(assertion).toMatchObject({
      type: "notEqual",
      not: true,
      template: "service.yaml",
      documentIndex: -1,
      documentSelector: { path: "kind", value: "Service", matchMany: true, skipEmptyTemplates: false },
    });
    expect(assertion?.spec).toMatchObject({ validator: "equal", antonym: true });
    expect(suite?.tests[0]?.documentIndex).toBe(0);
  });

  it("splits several suites separated by --- lines", () => {
    const suites = parse("suite: one\ntests: [{it: a, asserts: [{exists: {path: a}}]}]\n---\nsuite: two\ntests: [{it: b, asserts: [{exists: {path: b}}]}]\n");
    expect(suites.map((suite) => suite.name)).toEqual(["one", "two"]);
  });

  it.each<[string, string, RegExp]>([
    [
      "an unknown suite key",
      "suite: s\ntemplate: [a]\ntests: [{it: a, asserts: [{exists: {path: a}}]}]\n",
      /chart\/tests\/x_test\.yaml: template: unknown key "template"; allowed here: suite, values/,
    ],
    ["an unknown test key", "tests: [{it: a, assert: [{exists: {path: a}}]}]\n", /tests\[0\]\.assert: unknown key "assert"/],
    [
      "an unknown assertion parameter",
      "tests: [{it: a, asserts: [{equal: {path: a, vaule: 1}}]}]\n",
      /tests\[0\]\.asserts\[0\]\.equal\.vaule: unknown key "vaule"; allowed here: path, value, decodeBase64/,
    ],
    [
      "an invalid assertion type",
      "tests: [{it: uses a typo, asserts: [{exists: {path: a}}, {notSubset: {path: a, content: {}}}]}]\n",
      /tests\[0\]\.asserts\[1\] \(test "uses a typo"\): assertion type `notSubset` is invalid \(did you mean isNotSubset\?\)/,
    ],
    ["an assertion type helm-unittest v1.1.0 does not have", "tests: [{it: t, asserts: [{isSome: {path: a}}]}]\n", /`isSome` is invalid/],
    ["two types in one assertion", "tests: [{it: t, asserts: [{exists: {path: a}, notExists: {path: b}}]}]\n", /declared in one assertion/],
    ["a missing tests list", "suite: s\n", /no tests found/],
    ["a test without asserts", "tests: [{it: t}]\n", /tests\[0\]\.asserts: no asserts found/],
    ["a wrongly typed documentIndex", "tests: [{it: t, asserts: [{exists: {path: a}, documentIndex: first}]}]\n", /documentIndex: must be a whole number/],
    ["a postRenderer with an unknown key", "postRenderer: {command: sed}\ntests: [{it: t, asserts: [{exists: {path: a}}]}]\n", /postRenderer\.command: unknown key "command"; allowed here: cmd, args/],
    ["broken YAML", "tests: [\n", /chart\/tests\/x_test\.yaml: /],
  ])("rejects %s with the file and location", (_label, text, message) => {
    expect(() => parse(text)).toThrow(SuiteDefinitionError);
    expect(() => parse(text)).toThrow(message);
  });
});
