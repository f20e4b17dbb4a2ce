import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument } from "yaml";
import { goFilepathMatch } from "../argocd/go-filepath-match.js";
import { listCharts } from "./discover.js";
import { compareText } from "../text/compare-text.js";

/**
 * A chart whose packaged content changed must carry a higher version than it had at the merge base,
 * so that a published version always means one content (release-charts.yml refuses to push a
 * version again with other content). The rule and its steps are chart-testing's
 * (helm/chart-testing v3.14.0, pkg/chart/chart.go): computeMergeBase (lines 727-739: `git merge-base
 * <remote>/<target-branch> HEAD`), ComputeChangedChartDirectories (741-803: `git diff --find-renames
 * --name-only <merge-base> -- charts`, i.e. against the working tree, with the chart's .helmignore
 * applied when useHelmignore is on) and CheckVersionIncrement (824-856: a chart new since the merge
 * base is skipped; otherwise the old version must compare lower than the new one by semver).
 *
 * A chart's package also holds its file:// dependencies (charts/<name>/charts/common -> ../../common,
 * copied with symlinks followed by tools/src/package/stage-chart.ts). Helm loads a chart directory
 * following symlinks (helm v4.1.4 internal/sympath/walk.go:36-69, used by
 * pkg/chart/v2/loader/directory.go:117) and applies only the top directory's .helmignore to every
 * path under it, subcharts included (directory.go:57-92); `helm dependency build` archives a file://
 * dependency into charts/ as well (pkg/downloader/manager.go:303-312, tarFromLocalDir 876-905). So a
 * change to a dependency changes every chart that embeds it, transitively. chart-testing compares
 * only the files under each chart's own directory (ComputeChangedChartDirectories), which sees such
 * a change only when the dependency is vendored as files in the chart; here the dependency's changed
 * files count for the chart as charts/<dependency>/<file>, filtered by the chart's .helmignore.
 */

export interface ChangedChart {
  name: string;
  /** Version at the merge base; undefined for a chart that did not exist there. */
  before?: string;
  after: string;
  /**
   * Changed files of the chart that its package contains (.helmignore applied), relative to the
   * chart; a file:// dependency's appear as charts/<dependency>/<file>.
   */
  files: string[];
  /** The file:// dependencies (direct ones; their own dependencies count through them) whose changes are in this chart's package. */
  through: string[];
}

export interface VersionProblem {
  code: "CHV001" | "CHV002" | "CHV003";
  file: string;
  line: number;
  message: string;
  fix: string;
}

function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function refExists(root: string, ref: string): boolean {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The merge base of HEAD with the default branch: origin/<branch> when the clone has it (a pull
 * request's checkout), else the local <branch>. On the default branch itself the merge base is HEAD,
 * so only uncommitted changes are checked, as chart-testing does against its target branch.
 */
export function mergeBase(root: string, branch = "main"): string {
  const target = [`origin/${branch}`, branch].find((ref) => refExists(root, ref));
  if (!target) throw new Error(`CHV000 ${root}: neither origin/${branch} nor ${branch} exists, so there is no merge base to compare chart versions with. Fetch the default branch (git fetch origin ${branch}).`);
  return git(root, ["merge-base", target, "HEAD"]);
}

/** Helm's .helmignore rules as our charts use them: `dir/` names a directory at any depth, other patterns match a base name or the whole path (Go's filepath.Match). */
export function helmIgnored(patterns: string[], file: string): boolean {
  const parts = file.split("/");
  return patterns.some((pattern) => {
    if (pattern.endsWith("/")) return parts.slice(0, -1).some((dir) => goFilepathMatch(pattern.slice(0, -1), dir));
    return pattern.includes("/") ? goFilepathMatch(pattern, file) : parts.some((part) => goFilepathMatch(pattern, part));
  });
}

function helmignorePatterns(text: string | undefined): string[] {
  return (text ?? "").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}

function versionOf(chartYaml: string | undefined): string | undefined {
  if (chartYaml === undefined) return undefined;
  const version = (parseYaml(chartYaml) as { version?: unknown } | null)?.version;
  return version === undefined ? undefined : String(version);
}

function showAt(root: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync("git", ["show", `${commit}:${path}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

interface ChartNode {
  name: string;
  ignore: string[];
  /** file:// dependencies under charts/: the name the package gives the subchart, and its folder under charts/. */
  dependencies: Array<{ name: string; folder: string }>;
}

/** The charts under charts/ of the working tree, with their .helmignore and file:// dependencies. */
function chartNodes(root: string): Map<string, ChartNode> {
  const nodes = new Map<string, ChartNode>();
  for (const { name, dir, chart } of listCharts(root)) {
    const ignoreFile = join(dir, ".helmignore");
    const dependencies: ChartNode["dependencies"] = [];
    for (const dependency of Array.isArray(chart.dependencies) ? (chart.dependencies as Array<Record<string, unknown>>) : []) {
      const repository = typeof dependency.repository === "string" ? dependency.repository : "";
      if (!repository.startsWith("file://") || typeof dependency.name !== "string") continue;
      const target = relative(join(root, "charts"), resolve(dir, repository.slice("file://".length)));
      if (target === "" || target.startsWith("..") || target.includes(sep)) continue; // not a chart folder under charts/
      dependencies.push({ name: dependency.name, folder: target });
    }
    nodes.set(name, { name, ignore: helmignorePatterns(existsSync(ignoreFile) ? readFileSync(ignoreFile, "utf8") : undefined), dependencies });
  }
  return nodes;
}

/**
 * Charts under charts/ whose packaged files differ between `base` and the working tree: their own
 * files, or those of a file:// dependency they embed (transitively).
 */
export function changedCharts(root: string, base: string): ChangedChart[] {
  const listed = git(root, ["diff", "--find-renames", "--name-only", base, "--", "charts"]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "--", "charts"]);
  const byChart = new Map<string, string[]>();
  for (const path of [...listed.split("\n"), ...untracked.split("\n")].filter(Boolean)) {
    const [, name, ...rest] = path.split("/");
    if (!name || rest.length === 0) continue;
    byChart.set(name, [...(byChart.get(name) ?? []), rest.join("/")]);
  }
  const nodes = chartNodes(root);
  /** Changed files under the chart's folder once its dependencies are in place, before its .helmignore. */
  const contents = (name: string, path: readonly string[]): string[] => {
    const node = nodes.get(name);
    if (!node || path.includes(name)) return []; // not a chart, or a dependency cycle (Helm would refuse it)
    return [...(byChart.get(name) ?? []), ...node.dependencies.flatMap((d) => contents(d.folder, [...path, name]).map((file) => `charts/${d.name}/${file}`))];
  };
  const charts: ChangedChart[] = [];
  for (const [name, node] of [...nodes].sort(([a], [b]) => compareText(a, b))) {
    const packaged = [...new Set(contents(name, []))].filter((file) => !helmIgnored(node.ignore, file));
    if (packaged.length === 0) continue;
    const through = node.dependencies.filter((d) => packaged.some((file) => file.startsWith(`charts/${d.name}/`))).map((d) => d.name);
    charts.push({
      name,
      before: versionOf(showAt(root, base, `charts/${name}/Chart.yaml`)),
      after: versionOf(readFileSync(join(root, "charts", name, "Chart.yaml"), "utf8")) ?? "",
      files: packaged.sort(),
      through,
    });
  }
  return charts;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** SemVer 2.0.0 precedence (build metadata ignored): negative when a < b. Throws on a version that is not SemVer. */
export function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const m = SEMVER.exec(v);
    if (!m) throw new Error(`"${v}" is not a semantic version (MAJOR.MINOR.PATCH, as Helm requires for a chart version)`);
    return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4]?.split(".") ?? [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return (x.core[i] as number) - (y.core[i] as number);
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

function versionLine(text: string): number {
  const index = text.split("\n").findIndex((line) => /^version:/.test(line));
  return index + 1;
}

/** A file:// dependency pinned to one version (the form our charts use), with where the pin is written. */
interface DependencyPin {
  /** The depending chart's folder under charts/. */
  chart: string;
  /** The dependency's folder under charts/. */
  folder: string;
  pinned: string;
  /** Offsets of the pinned version's scalar in the Chart.yaml text, and its line. */
  range: [number, number];
  line: number;
}

function dependencyPins(root: string): DependencyPin[] {
  const pins: DependencyPin[] = [];
  for (const { name, dir } of listCharts(root)) {
    const text = readFileSync(join(dir, "Chart.yaml"), "utf8");
    const dependencies = parseDocument(text).get("dependencies", true);
    if (!isSeq(dependencies)) continue;
    for (const item of dependencies.items) {
      if (!isMap(item)) continue;
      const repository = item.get("repository");
      const version = item.get("version", true);
      if (typeof repository !== "string" || !repository.startsWith("file://") || !isScalar(version) || !version.range) continue;
      const folder = relative(join(root, "charts"), resolve(dir, repository.slice("file://".length)));
      if (folder === "" || folder.startsWith("..") || folder.includes(sep)) continue;
      const pinned = String(version.value);
      if (!SEMVER.test(pinned)) continue; // a range: Helm's constraint syntax (Masterminds/semver) decides, not this check
      pins.push({ chart: name, folder, pinned, range: [version.range[0], version.range[1]], line: text.slice(0, version.range[0]).split("\n").length });
    }
  }
  return pins;
}

/**
 * CheckVersionIncrement for every changed chart: CHV001 version not raised, CHV002 version not
 * SemVer; and CHV003 for a file:// dependency pinned to a version its chart no longer has, which
 * `helm dependency build` refuses ("can't get a valid version", pkg/downloader/manager.go:884-905).
 */
export function versionProblems(root: string, charts: ChangedChart[]): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const versions = new Map(listCharts(root).map(({ name, chart }) => [name, String(chart.version ?? "")]));
  for (const pin of dependencyPins(root)) {
    const actual = versions.get(pin.folder);
    if (actual === undefined || actual === pin.pinned) continue;
    const file = `charts/${pin.chart}/Chart.yaml`;
    problems.push({
      code: "CHV003",
      file,
      line: pin.line,
      message: `${pin.chart} pins its file:// dependency ${pin.folder} to ${pin.pinned}, but charts/${pin.folder}/Chart.yaml is at ${actual}: helm dependency build would refuse it.`,
      fix: `Set the dependency's version in ${file} to ${actual}, or run npx tsx tools/src/cli/chart-versions.ts --bump.`,
    });
  }
  for (const chart of charts) {
    if (chart.before === undefined) continue; // new since the merge base: nothing published to collide with
    const file = `charts/${chart.name}/Chart.yaml`;
    const line = versionLine(readFileSync(join(root, file), "utf8"));
    let order: number;
    try {
      order = compareSemver(chart.before, chart.after);
    } catch (error) {
      problems.push({ code: "CHV002", file, line, message: (error as Error).message, fix: `Set version in ${file} to a semantic version above ${chart.before}.` });
      continue;
    }
    if (order >= 0) {
      problems.push({
        code: "CHV001",
        file,
        line,
        message: `${chart.name} changed since the merge base (${chart.files.slice(0, 3).join(", ")}${chart.files.length > 3 ? `, and ${chart.files.length - 3} more` : ""}${chart.through.length > 0 ? `; through its file:// dependenc${chart.through.length > 1 ? "ies" : "y"} ${chart.through.join(", ")}, which its package contains` : ""}) but its version is ${chart.after}, not above ${chart.before}: a published chart version is never re-published with other content.`,
        fix: `Raise version in ${file} above ${chart.before} (e.g. ${nextPatch(chart.before)}), or run npx tsx tools/src/cli/chart-versions.ts --bump.`,
      });
    }
  }
  return problems;
}

export function nextPatch(version: string): string {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`"${version}" is not a semantic version`);
  return m[4] === undefined ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : `${m[1]}.${m[2]}.${m[3]}`;
}

/**
 * Raises the patch version of each chart that needs it (CHV001), then moves every file:// dependency
 * pin to the version its chart now has (CHV003); returns the charts bumped. With `base`, a chart whose
 * Chart.yaml only changed by such a pin is found (changedCharts again) and bumped too.
 */
export function bumpVersions(root: string, charts: ChangedChart[], base?: string): Array<{ name: string; from: string; to: string }> {
  const bumped = bumpOnce(root, charts);
  for (let pass = 0; base !== undefined && pass < 100; pass++) {
    const more = bumpOnce(root, changedCharts(root, base));
    if (more.length === 0) break;
    bumped.push(...more);
  }
  return bumped;
}

function bumpOnce(root: string, charts: ChangedChart[]): Array<{ name: string; from: string; to: string }> {
  const bumped: Array<{ name: string; from: string; to: string }> = [];
  for (const problem of versionProblems(root, charts).filter((p) => p.code === "CHV001")) {
    const chart = charts.find((c) => `charts/${c.name}/Chart.yaml` === problem.file) as ChangedChart;
    const to = nextPatch(chart.before as string);
    const path = join(root, problem.file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^version:.*$/m, `version: ${to}`));
    bumped.push({ name: chart.name, from: chart.after, to });
  }
  const versions = new Map(listCharts(root).map(({ name, chart }) => [name, String(chart.version ?? "")]));
  const stale = dependencyPins(root).filter((pin) => versions.has(pin.folder) && versions.get(pin.folder) !== pin.pinned);
  for (const chart of new Set(stale.map((pin) => pin.chart))) {
    const path = join(root, "charts", chart, "Chart.yaml");
    let text = readFileSync(path, "utf8");
    // From the last pin backwards, so the earlier pins' offsets stay valid.
    for (const pin of stale.filter((p) => p.chart === chart).sort((a, b) => b.range[0] - a.range[0])) {
      text = `${text.slice(0, pin.range[0])}${versions.get(pin.folder)}${text.slice(pin.range[1])}`;
    }
    writeFileSync(path, text);
  }
  return bumped;
}
