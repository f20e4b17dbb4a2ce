import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChartSuites } from "./runner.js";
import { fixtureCopy, removeFixtureCopies } from "./test-support.js";

/**
 * The runner renders a test job through the content-keyed render cache (render.ts -> cachedHelm), so a
 * job whose render inputs equal an earlier job's reuses that render. That is only right if every input
 * the render reads is part of the key: here each one is changed in turn, and the render must run again.
 * A stand-in `helm` (HELM_BIN) counts its runs; what it prints does not matter to the key.
 */
const SUITE = (settings: { values?: string; set?: string; release?: string; namespace?: string; minor?: string; version?: string; apiVersion?: string; upgrade?: boolean }) =>
  [
    "suite: render key",
    "templates: [key.yaml]",
    "values: [values/key.yaml]",
    `set: {greeting: ${settings.set ?? "hello"}}`,
    `release: {name: ${settings.release ?? "first"}, namespace: ${settings.namespace ?? "one"}${settings.upgrade ? ", upgrade: true" : ""}}`,
    `capabilities: {majorVersion: "1", minorVersion: "${settings.minor ?? "30"}", apiVersions: [${settings.apiVersion ?? "example.com/v1"}]}`,
    `chart: {version: ${settings.version ?? "1.0.0"}}`,
    "tests:",
    "  - it: renders",
    "    asserts: [{isKind: {of: ConfigMap}}]",
    "",
  ].join("\n");

describe("the render cache key of a test job", () => {
  let scratch = "";
  let helm = "";
  let runs = "";
  let previousHelm: string | undefined;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "unittest-render-key-"));
    helm = join(scratch, "helm");
    runs = join(scratch, "runs");
    writeFileSync(helm, `#!/bin/sh\necho run >> ${JSON.stringify(runs)}\n`);
    chmodSync(helm, 0o755);
    previousHelm = process.env.HELM_BIN;
    process.env.HELM_BIN = helm;
  });

  afterAll(() => {
    if (previousHelm === undefined) delete process.env.HELM_BIN;
    else process.env.HELM_BIN = previousHelm;
    rmSync(scratch, { recursive: true, force: true });
    removeFixtureCopies();
  });

  const helmRuns = () => (existsSync(runs) ? readFileSync(runs, "utf8").split("\n").filter(Boolean).length : 0);

  it("is the same for the same inputs and new for a changed template, values file, set, release name, namespace, upgrade, kube version, API version, chart version or Helm binary", () => {
    const chart = fixtureCopy({
      "templates/key.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting }}\n",
      "tests/values/key.yaml": "extra: 1\n",
      "tests/key_test.yaml": SUITE({}),
    });
    const cacheDir = join(scratch, "cache");
    const renderAgain = () => {
      const before = helmRuns();
      runChartSuites(chart, { helm: "helm", ci: true, renderCacheDir: cacheDir });
      return helmRuns() - before;
    };
    expect(renderAgain(), "the first render").toBe(1);
    expect(renderAgain(), "the same inputs again (a cache hit)").toBe(0);

    const changes: Array<[string, () => void]> = [
      ["a changed template", () => writeFileSync(join(chart, "templates/key.yaml"), readFileSync(join(chart, "templates/key.yaml"), "utf8") + "  other: x\n")],
      ["a changed partial", () => writeFileSync(join(chart, "templates/_helpers.tpl"), readFileSync(join(chart, "templates/_helpers.tpl"), "utf8") + '\n{{- define "key.extra" -}}x{{- end -}}\n')],
      ["a changed values file", () => writeFileSync(join(chart, "tests/values/key.yaml"), "extra: 2\n")],
      ["a changed chart values.yaml", () => writeFileSync(join(chart, "values.yaml"), readFileSync(join(chart, "values.yaml"), "utf8") + "keyTestExtra: true\n")],
      ["a changed set", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye" }))],
      ["a changed release name", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second" }))],
      ["a changed namespace", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second", namespace: "two" }))],
      ["an upgrade", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second", namespace: "two", upgrade: true }))],
      ["a changed kube version", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second", namespace: "two", upgrade: true, minor: "31" }))],
      ["a changed API version", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second", namespace: "two", upgrade: true, minor: "31", apiVersion: "example.com/v2" }))],
      ["a changed chart version", () => writeFileSync(join(chart, "tests/key_test.yaml"), SUITE({ set: "bye", release: "second", namespace: "two", upgrade: true, minor: "31", apiVersion: "example.com/v2", version: "2.0.0" }))],
      ["a rewritten Helm binary", () => writeFileSync(helm, `${readFileSync(helm, "utf8")}# another build\n`)],
    ];
    for (const [change, apply] of changes) {
      apply();
      expect(renderAgain(), change).toBe(1);
      expect(renderAgain(), `${change}, rendered again unchanged`).toBe(0);
    }
  });

  it("tells apart the jobs of one suite, whose values file and Chart.yaml are rewritten in place between jobs", () => {
    // Job by job the runner rewrites <work>/values.yaml and the suite chart's Chart.yaml at the same paths:
    // a key that remembered a path's digest would hand the second job the first job's render.
    const job = (name: string, extra: string) => `  - it: ${name}\n${extra}    asserts: [{isKind: {of: ConfigMap}}]\n`;
    const chart = fixtureCopy({
      "templates/key.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n",
      "tests/key_test.yaml": [
        "suite: jobs\ntemplates: [key.yaml]\ntests:\n",
        job("plain", ""),
        job("plain again", ""),
        job("other set", "    set: {greeting: bye}\n"),
        job("other chart version", "    chart: {version: 9.9.9}\n"),
        job("other appVersion", "    chart: {appVersion: '9.9'}\n"),
        job("plain once more", ""),
      ].join(""),
    });
    const before = helmRuns();
    const results = runChartSuites(chart, { helm: "helm", ci: true, renderCacheDir: join(scratch, "cache-jobs") });
    expect(results.flatMap((suite) => suite.tests.map((test) => test.name))).toEqual(["plain", "plain again", "other set", "other chart version", "other appVersion", "plain once more"]);
    expect(helmRuns() - before, "one render for each distinct job: plain, other set, other chart version, other appVersion").toBe(4);
  });
});
