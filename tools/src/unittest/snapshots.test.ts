import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { runChartSuites } from "./runner.js";
import { failureLines, fixtureCopy, removeFixtureCopies, testNamed } from "./test-support.js";

const suite = (port: number, extra = "") => `suite: snapshots
templates:
  - service.yaml
  - fail.yaml
tests:
  - it: service snapshot
    template: service.yaml
    set:
      service.port: ${port}
${extra}    asserts:
      - matchSnapshot: {}
      - matchSnapshot:
          path: spec.ports
  - it: guarded configmap
    template: fail.yaml
    asserts:
      - matchSnapshot:
          path: data
`;

const EXPECTED_FILE = `guarded configmap:
  1: |
    required: present
service snapshot:
  1: |
    apiVersion: v1
    kind: Service
    metadata:
      name: RELEASE-NAME-unittest-fixture
    spec:
      ports:
        - name: http
          port: 80
          targetPort: http
      selector:
        app.kubernetes.io/instance: RELEASE-NAME
        app.kubernetes.io/name: unittest-fixture
  2: |
    - name: http
      port: 80
      targetPort: http
`;

describe("matchSnapshot", () => {
  let chart = "";
  let snapshotFile = "";
  beforeAll(() => {
    chart = fixtureCopy({ "tests/snap_test.yaml": suite(80) });
    snapshotFile = join(chart, "tests", "__snapshot__", "snap_test.yaml.snap");
  });
  afterAll(removeFixtureCopies);
  const run = (options: { updateSnapshots?: boolean; ci?: boolean } = {}) => runChartSuites(chart, { helm: "helm", ...options });

  it("creates missing snapshots in helm-unittest's file format and passes", () => {
    const [result] = run();
    expect(result?.passed).toBe(true);
    expect(result?.snapshots).toMatchObject({ total: 3, created: 3, failed: 0, written: true, file: "unittest-chart/tests/__snapshot__/snap_test.yaml.snap" });
    expect(readFileSync(snapshotFile, "utf8")).toBe(EXPECTED_FILE);
  });

  it("passes against stored snapshots without rewriting them", () => {
    const [result] = run();
    expect(result?.passed).toBe(true);
    expect(result?.snapshots).toMatchObject({ total: 3, created: 0, failed: 0, written: false });
  });

  it("fails on a mismatch with the diff and leaves the file alone", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(8080));
    const [result] = run();
    const test = testNamed([result!], "service snapshot");
    expect(test.passed).toBe(false);
    expect(test.assertions[0]?.failInfo).toEqual(expect.arrayContaining(["Path:\t", "Expected to match snapshot 1:", "\t-      port: 80", "\t+      port: 8080"]));
    expect(test.assertions[1]?.failInfo).toEqual(expect.arrayContaining(["Path:\tspec.ports", "Expected to match snapshot 2:", "\t-  port: 80", "\t+  port: 8080"]));
    expect(result?.snapshots).toMatchObject({ failed: 2, written: false });
    expect(readFileSync(snapshotFile, "utf8")).toBe(EXPECTED_FILE);
  });

  it("keeps the snapshots of a test whose render fails instead of dropping them", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(80).replace("    template: fail.yaml\n", "    template: fail.yaml\n    set:\n      failMe: true\n"));
    const [result] = run({ updateSnapshots: true });
    expect(testNamed([result!], "guarded configmap").error).toContain("fixture refuses: failMe is set");
    expect(readFileSync(snapshotFile, "utf8")).toBe(EXPECTED_FILE);
  });

  it("rewrites changed snapshots with --update-snapshots", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(8080));
    const [result] = run({ updateSnapshots: true });
    expect(result?.passed).toBe(true);
    expect(result?.snapshots.written).toBe(true);
    expect(readFileSync(snapshotFile, "utf8")).toBe(EXPECTED_FILE.replaceAll("port: 80\n", "port: 8080\n"));
  });

  it("fails a snapshot that matches under not: true", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(8080).replace("      - matchSnapshot: {}\n", "      - matchSnapshot: {}\n        not: true\n"));
    const test = testNamed(run(), "service snapshot");
    expect(test.passed).toBe(false);
    expect(test.assertions[0]?.failInfo).toEqual(expect.arrayContaining(["Expected NOT to match snapshot 1:", "\tapiVersion: v1"]));
  });

  it("the CLI writes a missing snapshot and passes with CI=true, as the plugin does (it reads no CI variable)", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(8080));
    rmSync(snapshotFile);
    const result = spawnSync(join(repoRoot, "node_modules", ".bin", "tsx"), [join(repoRoot, "tools", "src", "cli", "unittest.ts"), chart], { encoding: "utf8", env: { ...process.env, CI: "true" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(snapshotFile)).toBe(true);
  });

  it("with the harness's stricter ci option fails a missing snapshot instead of creating it", () => {
    writeFileSync(join(chart, "tests", "snap_test.yaml"), suite(8080));
    rmSync(snapshotFile);
    const [result] = run({ ci: true });
    const test = testNamed([result!], "service snapshot");
    expect(test.passed).toBe(false);
    expect(failureLines(test).join("\n")).toMatch(/snapshot 1 of test "service snapshot" is missing from unittest-chart\/tests\/__snapshot__\/snap_test\.yaml\.snap, and CI never creates snapshots/);
    expect(result?.snapshots).toMatchObject({ created: 0, failed: 3, written: false });
    expect(existsSync(snapshotFile)).toBe(false);
  });
});
