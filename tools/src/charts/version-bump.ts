import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { goFilepathMatch } from "../argocd/go-filepath-match.js";

/**
 * A chart whose packaged content changed must carry a higher version than it had at the merge base,
 * so that a published version always means one content (release-charts.yml refuses to push a
 * version again with other content). The rule and its steps are chart-testing's
 * (helm/chart-testing v3.14.0, pkg/chart/chart.go): computeMergeBase (lines 727-739: `git merge-base
 * <remote>/<target-branch> HEAD`), ComputeChangedChartDirectories (741-803: `git diff --find-renames
 * --name-only <merge-base> -- charts`, i.e. against the working tree, with the chart's .helmignore
 * applied when useHelmignore is on) and CheckVersionIncrement (824-856: a chart new since the merge
 * base is skipped; otherwise the old version must compare lower than the new one by semver).
 */

export interface ChangedChart {
  name: string;
  /** Version at the merge base; undefined for a chart that did not exist there. */
  before?: string;
  after: string;
  /** Changed files of the chart that its package contains (.helmignore applied), relative to the chart. */
  files: string[];
}

export interface VersionProblem {
  code: "CHV001" | "CHV002";
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

/** Charts under charts/ whose packaged files differ between `base` and the working tree. */
export function changedCharts(root: string, base: string): ChangedChart[] {
  const listed = git(root, ["diff", "--find-renames", "--name-only", base, "--", "charts"]);
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "--", "charts"]);
  const byChart = new Map<string, string[]>();
  for (const path of [...listed.split("\n"), ...untracked.split("\n")].filter(Boolean)) {
    const [, name, ...rest] = path.split("/");
    if (!name || rest.length === 0) continue;
    byChart.set(name, [...(byChart.get(name) ?? []), rest.join("/")]);
  }
  const charts: ChangedChart[] = [];
  for (const [name, files] of [...byChart].sort(([a], [b]) => a.localeCompare(b))) {
    const chartYaml = join(root, "charts", name, "Chart.yaml");
    if (!existsSync(chartYaml)) continue; // a removed chart, or a folder that is not a chart
    const ignore = helmignorePatterns(existsSync(join(root, "charts", name, ".helmignore")) ? readFileSync(join(root, "charts", name, ".helmignore"), "utf8") : undefined);
    const packaged = files.filter((file) => !helmIgnored(ignore, file));
    if (packaged.length === 0) continue;
    charts.push({ name, before: versionOf(showAt(root, base, `charts/${name}/Chart.yaml`)), after: versionOf(readFileSync(chartYaml, "utf8")) ?? "", files: packaged.sort() });
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

/** CheckVersionIncrement for every changed chart: CHV001 version not raised, CHV002 version not SemVer. */
export function versionProblems(root: string, charts: ChangedChart[]): VersionProblem[] {
  const problems: VersionProblem[] = [];
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
        message: `${chart.name} changed since the merge base (${chart.files.slice(0, 3).join(", ")}${chart.files.length > 3 ? `, and ${chart.files.length - 3} more` : ""}) but its version is ${chart.after}, not above ${chart.before}: a published chart version is never re-published with other content.`,
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

/** Raises the patch version of each chart that needs it (CHV001); returns the charts bumped. */
export function bumpVersions(root: string, charts: ChangedChart[]): Array<{ name: string; from: string; to: string }> {
  const bumped: Array<{ name: string; from: string; to: string }> = [];
  for (const problem of versionProblems(root, charts).filter((p) => p.code === "CHV001")) {
    const chart = charts.find((c) => `charts/${c.name}/Chart.yaml` === problem.file) as ChangedChart;
    const to = nextPatch(chart.before as string);
    const path = join(root, problem.file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^version:.*$/m, `version: ${to}`));
    bumped.push({ name: chart.name, from: chart.after, to });
  }
  return bumped;
}
