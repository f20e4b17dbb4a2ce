import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HELM_VERSIONS } from "../binaries/binaries.js";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import { formatResults } from "./format.js";
import { discoverSuiteFiles, runChartSuites } from "./runner.js";
import type { SuiteResult } from "./results.js";
import { failureLines, FIXTURE_CHART, fixtureCopy, removeFixtureCopies, testNamed } from "./test-support.js";

afterAll(removeFixtureCopies);

describe.each(HELM_VERSIONS)("the fixture chart's own suites under $label", ({ binary }) => {
  it("all pass, including the committed snapshots (CI mode)", () => {
    const results = runChartSuites(fixtureCopy({}, true), { helm: binary, ci: true });
    expect(results.map((suite) => suite.file)).toEqual(discoverSuiteFiles(FIXTURE_CHART).map((file) => `unittest-chart/tests/${file.split("/").pop()}`));
    const failures = results.flatMap((suite) => [suite.error ?? [], ...suite.tests.flatMap((test) => (test.passed ? [] : [`${test.name}: ${failureLines(test).join("\n")}`]))]).flat();
    expect(failures).toEqual([]);
    expect(results.flatMap((suite) => suite.tests).length).toBe(18);
    expect(results.find((suite) => suite.file.endsWith("snapshot_test.yaml"))?.snapshots).toMatchObject({ total: 3, failed: 0, created: 0 });
  });
});

describe("a chart that uses the repository's symlinked common library", () => {
  let root = "";
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("renders through charts/common -> ../../common", () => {
    root = mkdtempSync(join(tmpdir(), "unittest-library-"));
    const files: Record<string, string> = {
      "charts/common/Chart.yaml": "apiVersion: v2\nname: common\ntype: library\nversion: 1.0.0\n",
      "charts/common/templates/_names.tpl": '{{- define "common.name" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
      "charts/app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 1.0.0\n    repository: file://../common\n",
      "charts/app/templates/configmap.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "common.name" . }}\n',
      "charts/app/tests/configmap_test.yaml":
        "suite: library\ntemplates: [configmap.yaml]\ntests:\n  - it: uses the library helper\n    release: {name: demo}\n    asserts: [{equal: {path: metadata.name, value: demo-app}}]\n",
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    mkdirSync(join(root, "charts/app/charts"));
    symlinkSync("../../common", join(root, "charts/app/charts/common"));
    const results = runChartSuites(join(root, "charts/app"), { helm: "helm", ci: true });
    expect(results.map((suite) => [suite.error, suite.tests.map((test) => [test.name, test.passed, failureLines(test)])])).toEqual([[undefined, [["uses the library helper", true, []]]]]);
    expect(lstatSync(join(root, "charts/app/charts/common")).isSymbolicLink()).toBe(true);
  });
});

describe("skip", () => {
  it("skips a test with a reason instead of running its assertions", () => {
    const chart = fixtureCopy({
      "tests/skip_test.yaml":
        "suite: skipping\ntemplates: [deployment.yaml]\ntests:\n  - it: is parked\n    skip: {reason: waiting for v2}\n    asserts: [{equal: {path: spec.replicas, value: 99}}]\n  - it: still runs\n    asserts: [{equal: {path: spec.replicas, value: 99}}]\n",
    });
    const results = runChartSuites(chart, { helm: "helm", ci: true });
    expect(testNamed(results, "is parked")).toMatchObject({ skipped: true, passed: true, skipReason: "waiting for v2" });
    expect(testNamed(results, "still runs")).toMatchObject({ skipped: false, passed: false });
    const report = formatResults(results);
    expect(report).toContain("\t- SKIP is parked (waiting for v2)\n");
    expect(report).toContain("Tests:       1 failed, 0 passed, 1 skipped, 2 total");
  });
});

describe("suites the runner refuses", () => {
  let results: SuiteResult[];
  beforeAll(() => {
    results = runChartSuites(
      fixtureCopy({
        "tests/a_typo_test.yaml":
          "suite: typo\ntemplates: [deployment.yaml]\ntests:\n  - it: uses a misspelled assertion\n    asserts:\n      - isKind: {of: Deployment}\n      - notSubset: {path: metadata, content: {}}\n",
        "tests/b_unsupported_test.yaml": "suite: unsupported\ntests:\n  - it: uses isSome\n    asserts:\n      - isSome: {path: metadata.name}\n",
        "tests/c_key_test.yaml": "suite: unknown key\ntests:\n  - it: has a stray key\n    assert: []\n",
        "tests/d_revision_test.yaml": "suite: revision\ntemplates: [deployment.yaml]\ntests:\n  - it: asks for revision 4\n    release: {revision: 4}\n    asserts: [{isKind: {of: Deployment}}]\n",
        "tests/e_values_test.yaml": "suite: values\ntemplates: [deployment.yaml]\ntests:\n  - it: names a missing values file\n    values: [missing.yaml]\n    asserts: [{isKind: {of: Deployment}}]\n",
        "tests/not_a_suite.yaml": "this file is ignored: it does not end in _test.yaml\n",
      }),
      { helm: "helm", ci: true },
    );
  });

  it("fails the whole suite for an unknown assertion, naming file, test and assertion", () => {
    const [typo] = results;
    expect(typo?.passed).toBe(false);
    expect(typo?.tests).toEqual([]);
    expect(typo?.error).toBe(
      'unittest-chart/tests/a_typo_test.yaml: tests[0].asserts[1] (test "uses a misspelled assertion"): assertion type `notSubset` is invalid (did you mean isNotSubset?); use one of: ' +
        "equal, notEqual, exists, notExists, isNotNull, isNull, matchRegex, notMatchRegex, contains, notContains, isKind, isAPIVersion, hasDocuments, isSubset, isNotSubset, isNullOrEmpty, isEmpty, isNotNullOrEmpty, isNotEmpty, lengthEqual, notLengthEqual, failedTemplate, notFailedTemplate, matchSnapshot, equalRaw, notEqualRaw, matchRegexRaw, notMatchRegexRaw, " +
        "containsDocument, greaterOrEqual, notGreaterOrEqual, lessOrEqual, notLessOrEqual, isType, isNotType, matchSnapshotRaw",
    );
  });

  it("fails the suite for an assertion type helm-unittest v1.1.0 does not have (isSome was removed before it)", () => {
    expect(results[1]?.error).toMatch(/b_unsupported_test\.yaml: tests\[0\]\.asserts\[0\] \(test "uses isSome"\): assertion type `isSome` is invalid; use one of: /);
  });

  it("fails the suite for unknown keys", () => {
    expect(results[2]?.error).toBe(
      'unittest-chart/tests/c_key_test.yaml: tests[0].assert: unknown key "assert"; allowed here: it, values, set, template, templates, documentIndex, documentSelector, release, chart, capabilities, asserts, skip, kubernetesProvider, postRenderer',
    );
  });

  it("fails a test that needs a release revision helm template cannot render", () => {
    expect(testNamed(results, "asks for revision 4").error).toMatch(/release\.revision 4 is not supported by this runner: `helm template` always renders \.Release\.Revision as 1/);
  });

  it("fails a test whose values file is missing", () => {
    expect(testNamed(results, "names a missing values file").error).toMatch(/values file "missing\.yaml" does not exist .*relative to the suite file/);
  });

  it("only discovers tests/*_test.yaml", () => {
    expect(results.map((suite) => suite.file)).toEqual(["a_typo", "b_unsupported", "c_key", "d_revision", "e_values"].map((name) => `unittest-chart/tests/${name}_test.yaml`));
  });

  it("reports suites and tests in helm-unittest's style", () => {
    const report = formatResults(results);
    expect(report).toContain(" FAIL  typo\tunittest-chart/tests/a_typo_test.yaml\t(");
    expect(report).toContain("\t- Execution Error:\n\t\tunittest-chart/tests/a_typo_test.yaml: tests[0].asserts[1]");
    expect(report).toMatch(/\t✗ asks for revision 4\t\(\d+ ms\)\n\t\tError: unittest-chart\/tests\/d_revision_test\.yaml: tests\[0\]: release\.revision 4/);
    expect(report).toContain("Test Suites: 5 failed, 0 passed, 5 total");
    expect(report).toContain("Tests:       2 failed, 0 passed, 2 total");
  });
});

describe("the unittest CLI", () => {
  const cli = join(repoRoot, "tools", "src", "cli", "unittest.ts");
  const tsx = join(repoRoot, "node_modules", ".bin", "tsx");

  it("exits 0 and prints every test when all suites pass", () => {
    const result = run(tsx, [cli, fixtureCopy({}, true), "--helm", "helm3"], { env: { ...process.env, CI: "true" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("\t✓ keeps the documents in template order\t(");
    expect(result.stdout).toContain("Tests:       18 passed, 18 total");
  });

  it("exits 1 and shows the failure when a test fails", () => {
    const chart = fixtureCopy({
      "tests/broken_test.yaml": "suite: broken\ntemplates: [deployment.yaml]\ntests:\n  - it: expects three replicas\n    asserts: [{equal: {path: spec.replicas, value: 3}}]\n",
    });
    const result = run(tsx, [cli, chart], { env: { ...process.env, CI: "true" } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("\t\t- asserts[0] `equal` fail\n\t\t\tTemplate:\tunittest-fixture/templates/deployment.yaml\n");
    expect(result.stdout).toContain("\t\t\tExpected to equal:\n\t\t\t\t3\n\t\t\tActual:\n\t\t\t\t2\n");
  });

  it("rejects a bad --helm value, a directory that is not a chart and a chart without suites", () => {
    expect(run(tsx, [cli, FIXTURE_CHART, "--helm", "helm2"]).status).toBe(2);
    const withoutSuites = run(tsx, [cli, fixtureCopy()]);
    expect(withoutSuites.status).toBe(1);
    expect(withoutSuites.stderr).toContain("has no test suites; add tests/<name>_test.yaml files");
    const notAChart = run(tsx, [cli, join(FIXTURE_CHART, "templates")]);
    expect(notAChart.status).toBe(2);
    expect(notAChart.stderr).toContain("is not a Helm chart (no Chart.yaml)");
  });
});
