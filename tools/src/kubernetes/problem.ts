import { compareText } from "../text/compare-text.js";
/** One thing wrong with one Kubernetes object, phrased so a chart author can find and fix it. */
export interface Problem {
  /** `Kind/name` of the offending object, e.g. `Deployment/api`. */
  object: string;
  /** Template that rendered the object (helm's `# Source:` comment), when known. */
  source?: string;
  /** Where in the object, e.g. `spec.template.spec.containers[0].securityContext`; "" for the object as a whole. */
  path: string;
  message: string;
  /** Stable identifier of the check that failed, e.g. `schema/unknown-field` or `pss/privileged`. */
  rule?: string;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Renders path segments as `a.b[0]["app.kubernetes.io/name"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Appends segments to an already formatted path. */
export function joinPath(base: string, ...segments: PathSegment[]): string {
  const tail = formatPath(segments);
  if (base === "") return tail;
  return tail.startsWith("[") ? base + tail : `${base}.${tail}`;
}

/** Orders problems by source, object, path and rule so reports are deterministic. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const key = (p: Problem) => [p.source ?? "", p.object, p.path, p.rule ?? "", p.message];
  return [...problems].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const cmp = compareText(ka[i] ?? "", kb[i] ?? "");
      if (cmp !== 0) return cmp;
    }
    return 0;
  });
}

/**
 * A readable multi-line report, grouped by template and object; "" when there are none, so
 * `expect(formatProblems(problems)).toBe("")` shows the whole report when a test fails:
 *
 *   chart/templates/deployment.yaml
 *     Deployment/api
 *       spec.replicaz: unknown field "replicaz"; did you mean "replicas"? [schema/unknown-field]
 */
export function formatProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return "";
  const lines: string[] = [];
  let currentSource: string | undefined;
  let currentObject: string | undefined;
  for (const problem of sortProblems(problems)) {
    const source = problem.source ?? "(unknown source)";
    if (source !== currentSource) {
      lines.push(source);
      currentSource = source;
      currentObject = undefined;
    }
    if (problem.object !== currentObject) {
      lines.push(`  ${problem.object}`);
      currentObject = problem.object;
    }
    const where = problem.path === "" ? "(object)" : problem.path;
    const rule = problem.rule ? ` [${problem.rule}]` : "";
    lines.push(`    ${where}: ${problem.message}${rule}`);
  }
  const count = problems.length;
  lines.push(`${count} problem${count === 1 ? "" : "s"} found.`);
  return lines.join("\n");
}
