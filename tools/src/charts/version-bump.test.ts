import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { bumpVersions, changedCharts, compareSemver, helmIgnored, mergeBase, versionProblems } from "./version-bump.js";

describe("chart versions in this repository", () => {
  it("every chart changed since the merge base with main carries a higher version (chart-testing's check-version-increment)", () => {
    const base = mergeBase(repoRoot);
    expect(versionProblems(repoRoot, changedCharts(repoRoot, base)).map((p) => `${p.code} ${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });
});

describe("compareSemver (SemVer 2.0.0 precedence, as Masterminds/semver's Compare that chart-testing uses)", () => {
  it.each([
    ["0.1.0", "0.1.1", -1],
    ["0.1.9", "0.1.10", -1],
    ["1.0.0", "0.9.9", 1],
    ["1.0.0-rc.1", "1.0.0", -1],
    ["1.0.0-alpha", "1.0.0-alpha.1", -1],
    ["1.0.0-alpha.beta", "1.0.0-beta", -1],
    ["1.0.0-beta.2", "1.0.0-beta.11", -1],
    ["1.0.0-1", "1.0.0-alpha", -1],
    ["1.0.0+build.1", "1.0.0+build.2", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareSemver(a, b))).toBe(sign);
  });

  it("refuses a version that is not SemVer", () => {
    expect(() => compareSemver("0.1", "0.2.0")).toThrow(/not a semantic version/);
  });
});

describe("helmIgnored (the charts' .helmignore patterns)", () => {
  const patterns = ["tests/", "ci/", "*.swp", ".vscode/"];
  it.each([
    ["tests/default_test.yaml", true],
    ["ci/ha-values.yaml", true],
    ["templates/tests/pod.yaml", true],
    ["templates/x.swp", true],
    ["templates/deployment.yaml", false],
    ["values.yaml", false],
    ["tests", false],
  ])("%s ignored: %s", (file, ignored) => {
    expect(helmIgnored(patterns, file)).toBe(ignored);
  });
});

/** A planted repository: main with two charts at 0.1.0, then a branch that changes them. */
describe("the version check in a temporary git repository", () => {
  let root: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const chartYaml = (name: string, version: string) => `apiVersion: v2\nname: ${name}\ntype: application\nversion: ${version}\nappVersion: "1.0.0"\n`;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "chart-versions-"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "test");
    for (const name of ["api", "web"]) {
      write(`charts/${name}/Chart.yaml`, chartYaml(name, "0.1.0"));
      write(`charts/${name}/.helmignore`, "# not packaged\ntests/\nci/\n");
      write(`charts/${name}/templates/deployment.yaml`, "kind: Deployment\n");
      write(`charts/${name}/tests/deployment_test.yaml`, "suite: d\n");
    }
    git("add", ".");
    git("commit", "-q", "-m", "charts");
    git("checkout", "-q", "-b", "feature");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const check = () => versionProblems(root, changedCharts(root, mergeBase(root)));

  it("fails for a committed template change with the version unchanged, naming the chart, line and fix", () => {
    write("charts/api/templates/deployment.yaml", "kind: Deployment\nspec: {}\n");
    git("commit", "-qam", "change api");
    const problems = check();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "CHV001", file: "charts/api/Chart.yaml", line: 4 });
    expect(problems[0]?.message).toMatch(/api changed since the merge base \(templates\/deployment\.yaml\) but its version is 0\.1\.0, not above 0\.1\.0/);
    expect(problems[0]?.fix).toMatch(/0\.1\.1/);
  });

  it("fails for an uncommitted change too (git diff against the working tree, as chart-testing)", () => {
    write("charts/web/values.yaml", "replicas: 2\n");
    expect(check().map((p) => p.file)).toEqual(["charts/web/Chart.yaml"]);
  });

  it("fails for a version that went down, and for a version that is not SemVer", () => {
    write("charts/api/Chart.yaml", chartYaml("api", "0.0.9"));
    write("charts/web/Chart.yaml", chartYaml("web", "0.2"));
    expect(check().map((p) => p.code)).toEqual(["CHV001", "CHV002"]);
  });

  it("passes once the version is raised", () => {
    write("charts/api/templates/deployment.yaml", "kind: Deployment\nspec: {}\n");
    write("charts/api/Chart.yaml", chartYaml("api", "0.1.1"));
    git("commit", "-qam", "change api, bump");
    expect(check()).toEqual([]);
  });

  it("ignores files the package leaves out (.helmignore) and a chart new since the merge base", () => {
    write("charts/api/tests/deployment_test.yaml", "suite: changed\n");
    write("charts/new/Chart.yaml", chartYaml("new", "0.1.0"));
    git("add", ".");
    git("commit", "-qm", "tests and a new chart");
    expect(changedCharts(root, mergeBase(root)).map((c) => c.name)).toEqual(["new"]);
    expect(check()).toEqual([]);
  });

  it("on main itself the merge base is HEAD: committed history is not re-checked", () => {
    git("checkout", "-q", "main");
    write("charts/api/templates/deployment.yaml", "kind: Deployment\nspec: {}\n");
    git("commit", "-qam", "direct change on main");
    expect(mergeBase(root)).toBe(git("rev-parse", "HEAD").trim());
    expect(check()).toEqual([]);
  });

  it("prefers origin/main when the clone has it", () => {
    const base = git("rev-parse", "main").trim();
    git("update-ref", "refs/remotes/origin/main", base);
    git("checkout", "-q", "main");
    write("charts/api/values.yaml", "a: 1\n");
    git("add", ".");
    git("commit", "-qm", "local main moved ahead of origin/main");
    expect(mergeBase(root)).toBe(base);
  });

  /** A library chart `lib` that `api` embeds (file:// and the charts/lib symlink, as our charts embed common), and `edge` that embeds `api`. */
  const withLibrary = () => {
    write("charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\ntype: library\nversion: 0.1.0\n");
    write("charts/lib/templates/_helpers.tpl", '{{- define "lib.name" -}}x{{- end -}}\n');
    write("charts/lib/tests/helpers_test.yaml", "suite: lib\n");
    write("charts/api/Chart.yaml", `${chartYaml("api", "0.1.0")}dependencies:\n  - name: lib\n    version: 0.1.0\n    repository: file://../lib\n`);
    mkdirSync(join(root, "charts/api/charts"), { recursive: true });
    symlinkSync("../../lib", join(root, "charts/api/charts/lib"));
    write("charts/edge/Chart.yaml", `${chartYaml("edge", "0.1.0")}dependencies:\n  - name: api\n    version: 0.1.0\n    repository: file://../api\n`);
    write("charts/edge/.helmignore", "tests/\n");
    git("add", ".");
    git("commit", "-qm", "lib, api on lib, edge on api");
    git("branch", "-f", "main", "HEAD");
  };

  it("counts a file:// dependency's change for every chart that embeds it, transitively, with its path in the package", () => {
    withLibrary();
    write("charts/lib/templates/_helpers.tpl", '{{- define "lib.name" -}}y{{- end -}}\n');
    const changed = changedCharts(root, mergeBase(root));
    expect(changed.map((c) => [c.name, c.files, c.through])).toEqual([
      ["api", ["charts/lib/templates/_helpers.tpl"], ["lib"]],
      ["edge", ["charts/api/charts/lib/templates/_helpers.tpl"], ["api"]],
      ["lib", ["templates/_helpers.tpl"], []],
    ]);
    const problems = versionProblems(root, changed);
    expect(problems.map((p) => p.file)).toEqual(["charts/api/Chart.yaml", "charts/edge/Chart.yaml", "charts/lib/Chart.yaml"]);
    expect(problems[0]?.message).toContain("through its file:// dependency lib, which its package contains");
  });

  it("leaves out a dependency's files that the embedding chart's .helmignore leaves out of its package", () => {
    withLibrary();
    write("charts/lib/tests/helpers_test.yaml", "suite: changed\n");
    // lib has no .helmignore, so its own package changes; api and edge leave tests/ out at any depth.
    expect(changedCharts(root, mergeBase(root)).map((c) => c.name)).toEqual(["lib"]);
  });

  it("CHV003: a file:// dependency pinned to a version its chart no longer has", () => {
    withLibrary();
    write("charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\ntype: library\nversion: 0.2.0\n");
    const problems = versionProblems(root, changedCharts(root, mergeBase(root))).filter((p) => p.code === "CHV003");
    expect(problems).toEqual([
      expect.objectContaining({ code: "CHV003", file: "charts/api/Chart.yaml", line: 8, message: expect.stringContaining("pins its file:// dependency lib to 0.1.0, but charts/lib/Chart.yaml is at 0.2.0") }),
    ]);
  });

  it("--bump raises a changed dependency, every chart embedding it and their pins, until the check passes", () => {
    withLibrary();
    write("charts/lib/templates/_helpers.tpl", '{{- define "lib.name" -}}y{{- end -}}\n');
    const base = mergeBase(root);
    expect(bumpVersions(root, changedCharts(root, base), base).map((b) => `${b.name} ${b.from}->${b.to}`)).toEqual(["api 0.1.0->0.1.1", "edge 0.1.0->0.1.1", "lib 0.1.0->0.1.1"]);
    expect(readFileSync(join(root, "charts/api/Chart.yaml"), "utf8")).toContain("\nversion: 0.1.1\n");
    expect(readFileSync(join(root, "charts/api/Chart.yaml"), "utf8")).toContain("  - name: lib\n    version: 0.1.1\n    repository: file://../lib\n");
    expect(readFileSync(join(root, "charts/edge/Chart.yaml"), "utf8")).toContain("  - name: api\n    version: 0.1.1\n    repository: file://../api\n");
    expect(check()).toEqual([]);
  });

  it("--bump raises the patch version of exactly the charts that need it", () => {
    write("charts/api/templates/deployment.yaml", "kind: Deployment\nspec: {}\n");
    write("charts/web/tests/deployment_test.yaml", "suite: changed\n");
    expect(bumpVersions(root, changedCharts(root, mergeBase(root)))).toEqual([{ name: "api", from: "0.1.0", to: "0.1.1" }]);
    expect(readFileSync(join(root, "charts/api/Chart.yaml"), "utf8")).toContain("\nversion: 0.1.1\n");
    expect(readFileSync(join(root, "charts/web/Chart.yaml"), "utf8")).toContain("\nversion: 0.1.0\n");
    expect(check()).toEqual([]);
  });
});
