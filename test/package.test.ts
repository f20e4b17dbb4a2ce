import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationCharts, type ChartDir } from "../tools/src/charts/discover.js";
import { readChartIndex } from "../tools/src/package/chart-index.js";
import { plannedPackage } from "../tools/src/package/chart-package.js";
import { installDryRun, manifestSources } from "../tools/src/package/install-dry-run.js";
import { ChartPackagingError, packageCharts, type PackageChartsResult } from "../tools/src/package/package-charts.js";
import { listTarGzFiles } from "../tools/src/package/tarball.js";
import { repoRoot } from "../tools/src/paths.js";

const scratch = mkdtempSync(join(tmpdir(), "package-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let fixtureCount = 0;
function fixtureRoot(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = join(scratch, `repo-${++fixtureCount}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

/** A library chart plus one application chart that embeds it through the repository's symlink layout. */
const COMMON = {
  "charts/common/Chart.yaml": "apiVersion: v2\nname: common\nversion: 0.1.0\ntype: library\n",
  "charts/common/templates/_names.tpl": '{{- define "common.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end -}}\n',
};
const DEMO = {
  "charts/demo/Chart.yaml": "apiVersion: v2\nname: demo\nversion: 0.1.0\ntype: application\ndependencies:\n  - name: common\n    version: 0.1.0\n    repository: file://../common\n",
  "charts/demo/values.yaml": "greeting: hello\n",
  "charts/demo/templates/configmap.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "common.fullname" . }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
};
const DEMO_LINK = { "charts/demo/charts/common": "../../common" };

describe("packageCharts on a fixture repository", () => {
  it("packs application charts only, embedding the symlinked library chart, and indexes them", () => {
    const root = fixtureRoot({ ...COMMON, ...DEMO }, DEMO_LINK);
    const out = join(root, "dist", "charts");
    const result = packageCharts({ root, outDir: out });

    expect(result.charts.map((c) => `${c.name}@${c.version}`)).toEqual(["demo@0.1.0"]);
    expect(readdirSync(out).sort()).toEqual(["demo-0.1.0.tgz", "index.yaml"]);
    expect(listTarGzFiles(join(out, "demo-0.1.0.tgz"))).toEqual(
      expect.arrayContaining(["demo/Chart.yaml", "demo/templates/configmap.yaml", "demo/charts/common/Chart.yaml", "demo/charts/common/templates/_names.tpl"]),
    );
    expect(readChartIndex(result.indexFile).map((e) => [e.name, e.version, e.urls])).toEqual([["demo", "0.1.0", ["demo-0.1.0.tgz"]]]);
    expect(readdirSync(join(root, "dist"))).toEqual(["charts"]);
  });

  it("a packaged chart installs with --dry-run=client and prints its manifests", () => {
    const root = fixtureRoot({ ...COMMON, ...DEMO }, DEMO_LINK);
    const result = packageCharts({ root, outDir: join(root, "out") });
    const install = installDryRun(result.charts[0]!.file, "smoke");
    expect(install.status, install.stderr).toBe(0);
    expect(manifestSources(install.stdout)).toEqual(["demo/templates/configmap.yaml"]);
    expect(install.stdout).toContain("name: smoke-demo");
  });

  it("the dry-run check fails for a chart whose template fails, and finds no manifests in an empty chart", () => {
    const failing = fixtureRoot({ ...COMMON, ...DEMO, "charts/demo/templates/guard.yaml": '{{ fail "demo needs a database" }}\n' }, DEMO_LINK);
    const failed = installDryRun(packageCharts({ root: failing, outDir: join(failing, "out") }).charts[0]!.file, "smoke");
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain("demo needs a database");

    const empty = fixtureRoot({ "charts/empty/Chart.yaml": "apiVersion: v2\nname: empty\nversion: 0.1.0\n", "charts/empty/templates/NOTES.txt": "nothing\n" });
    const rendered = installDryRun(packageCharts({ root: empty, outDir: join(empty, "out") }).charts[0]!.file, "smoke");
    expect(rendered.status).toBe(0);
    expect(manifestSources(rendered.stdout)).toEqual([]);
  });

  it("gives the same bytes for the same chart content whatever the files' modification times", () => {
    const root = fixtureRoot({ ...COMMON, ...DEMO }, DEMO_LINK);
    const first = packageCharts({ root, outDir: join(root, "first") });
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(join(root, "charts/demo/templates/configmap.yaml"), later, later);
    utimesSync(join(root, "charts/common/Chart.yaml"), later, later);
    const second = packageCharts({ root, outDir: join(root, "second") });
    const bytes = (r: PackageChartsResult) => readFileSync(r.charts[0]!.file);
    expect(bytes(second).equals(bytes(first))).toBe(true);
    // Control: helm does record mtimes, so a different packaging timestamp changes the bytes.
    const shifted = packageCharts({ root, outDir: join(root, "third"), mtime: later });
    expect(bytes(shifted).equals(bytes(first))).toBe(false);
  });

  it("names the failing chart and carries helm's stderr, leaving the previous output in place", () => {
    const root = fixtureRoot({ ...COMMON, ...DEMO }, DEMO_LINK);
    const out = join(root, "dist", "charts");
    packageCharts({ root, outDir: out });
    const before = readFileSync(join(out, "demo-0.1.0.tgz"));
    const beforeIndex = readFileSync(join(out, "index.yaml"), "utf8");

    // Sorted after demo, so demo has already been packed into the staging directory when this fails.
    mkdirSync(join(root, "charts/zz-broken/templates"), { recursive: true });
    writeFileSync(join(root, "charts/zz-broken/Chart.yaml"), "apiVersion: v2\nname: zz-broken\nversion: not-a-version\n");

    let error: unknown;
    try {
      packageCharts({ root, outDir: out });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChartPackagingError);
    const message = (error as Error).message;
    expect(message).toContain("charts/zz-broken: helm package failed");
    expect(message).toMatch(/version.*not-a-version|not-a-version.*version/i);
    expect(message).not.toContain("package-charts-"); // helm's paths point at the chart, not the temp copy

    expect(readFileSync(join(out, "demo-0.1.0.tgz")).equals(before)).toBe(true);
    expect(readFileSync(join(out, "index.yaml"), "utf8")).toBe(beforeIndex);
    expect(readdirSync(join(root, "dist"))).toEqual(["charts"]);
  });

  it("refuses to replace an output directory holding files it did not write", () => {
    const root = fixtureRoot({ ...COMMON, ...DEMO, "dist/notes.txt": "keep me\n" }, DEMO_LINK);
    expect(() => packageCharts({ root, outDir: join(root, "dist") })).toThrow(/Refusing to replace .*dist: it holds notes.txt/);
    expect(readFileSync(join(root, "dist/notes.txt"), "utf8")).toBe("keep me\n");
  });

  it("fails clearly when there is no application chart, or a Chart.yaml lacks a version", () => {
    const onlyLibrary = fixtureRoot(COMMON);
    expect(() => packageCharts({ root: onlyLibrary, outDir: join(onlyLibrary, "out") })).toThrow(/No application chart found under .*charts/);
    expect(existsSync(join(onlyLibrary, "out"))).toBe(false);

    const unversioned = fixtureRoot({ "charts/app/Chart.yaml": "apiVersion: v2\nname: app\n" });
    expect(() => packageCharts({ root: unversioned, outDir: join(unversioned, "out") })).toThrow(/charts\/app\/Chart.yaml: `version` is missing/);
  });
});

/** Every application chart in the repository, so new charts are covered without editing this file. */
const realCharts = applicationCharts(repoRoot);

describe("packaging the repository's charts", () => {
  let packaged: PackageChartsResult | undefined;
  beforeAll(() => {
    if (realCharts.length > 0) packaged = packageCharts({ root: repoRoot, outDir: join(scratch, "real", "charts") });
  });

  it("finds at least one application chart under charts/", () => {
    expect(realCharts.map((c) => c.name)).not.toEqual([]);
  });

  it.each(realCharts.map((c): [string, ChartDir] => [c.name, c]))("%s: has a .tgz and an index.yaml entry", (_name, chart) => {
    const planned = plannedPackage(chart);
    const file = join(packaged!.outDir, planned.fileName);
    expect(existsSync(file)).toBe(true);
    const entries = readChartIndex(packaged!.indexFile).filter((e) => e.name === planned.name);
    expect(entries.map((e) => [e.version, e.urls])).toEqual([[planned.version, [planned.fileName]]]);
  });

  it.each(realCharts.map((c): [string, ChartDir] => [c.name, c]))("%s: the .tgz embeds every chart under its charts/ folder (symlinks followed)", (_name, chart) => {
    const planned = plannedPackage(chart);
    const subchartsDir = join(chart.dir, "charts");
    const subcharts = existsSync(subchartsDir) ? readdirSync(subchartsDir).filter((e) => lstatSync(join(subchartsDir, e)).isSymbolicLink() || existsSync(join(subchartsDir, e, "Chart.yaml"))) : [];
    const files = listTarGzFiles(join(packaged!.outDir, planned.fileName));
    for (const subchart of subcharts) expect(files).toContain(`${planned.name}/charts/${subchart}/Chart.yaml`);
    expect(files).toContain(`${planned.name}/Chart.yaml`);
  });

  // With the chart's smallest documented values (ci/minimal-values.yaml) where it has them: a chart such
  // as argocd-secrets renders nothing until told which secret store to read.
  it.each(realCharts.map((c): [string, ChartDir] => [c.name, c]))("%s: helm install --dry-run=client of the package renders its manifests", (_name, chart) => {
    const planned = plannedPackage(chart);
    const minimal = join(chart.dir, "ci", "minimal-values.yaml");
    const install = installDryRun(join(packaged!.outDir, planned.fileName), `${planned.name}-smoke`.slice(0, 53), { valuesFiles: existsSync(minimal) ? [minimal] : [] });
    expect(install.status, install.stderr).toBe(0);
    const sources = manifestSources(install.stdout);
    expect(sources).not.toEqual([]);
    for (const source of sources) expect(source.startsWith(`${planned.name}/`)).toBe(true);
  });
});
