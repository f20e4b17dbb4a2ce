import { existsSync } from "node:fs";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";

/**
 * One timed command: wall time, user and system CPU time (all threads and children) and the peak
 * RSS of its largest single process, from GNU time (`/usr/bin/time`); wall time only without it.
 */
export interface Measurement {
  seconds: number;
  userSeconds?: number;
  systemSeconds?: number;
  peakMiB?: number;
}

const TIME = "/usr/bin/time";

export function measure(command: string, args: readonly string[], cwd = repoRoot): Measurement {
  if (existsSync(TIME)) {
    const result = run(TIME, ["-f", "BENCH %e %U %S %M", command, ...args], { cwd });
    const match = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr);
    if (result.status !== 0 || !match) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout.slice(-1000)}${result.stderr.slice(-2000)}`);
    return { seconds: Number(match[1]), userSeconds: Number(match[2]), systemSeconds: Number(match[3]), peakMiB: Number(match[4]) / 1024 };
  }
  const start = performance.now();
  const result = run(command, args, { cwd });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds: (performance.now() - start) / 1000 };
}

/** User plus system CPU time, when measured. */
export const cpuSeconds = (m: Measurement): number | undefined => (m.userSeconds === undefined || m.systemSeconds === undefined ? undefined : m.userSeconds + m.systemSeconds);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Medians of wall, user and system time (each on its own), and the highest peak RSS of the runs. */
export function summarize(runs: readonly Measurement[]): Measurement {
  const medianOf = (pick: (m: Measurement) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  const peak = Math.max(...runs.map((r) => r.peakMiB ?? 0));
  return { seconds: medianOf((r) => r.seconds) as number, userSeconds: medianOf((r) => r.userSeconds), systemSeconds: medianOf((r) => r.systemSeconds), peakMiB: peak > 0 ? peak : undefined };
}

export interface Case {
  label: string;
  /** Run before each measured run, unmeasured (e.g. changing an input so that the run does the work). */
  prepare?: () => void;
  /** Run after each measured run, unmeasured. */
  restore?: () => void;
  run: () => Measurement;
}

/**
 * Every case once per round, `rounds` times, then the medians of each case: cases that alternate
 * see the same machine, so a machine that slows down during the run slows them alike.
 */
export function runInRounds(cases: readonly Case[], rounds: number): Map<Case, Measurement> {
  const runs = new Map<Case, Measurement[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      c.prepare?.();
      try {
        runs.get(c)?.push(c.run());
      } finally {
        c.restore?.();
      }
    }
  }
  return new Map(cases.map((c) => [c, summarize(runs.get(c) ?? [])]));
}

/** Least-squares line through (units, seconds), with its coefficient of determination. */
export function linearFit(points: readonly { units: number; seconds: number }[]): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.units, 0) / n;
  const my = points.reduce((s, p) => s + p.seconds, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.units - mx) * (p.seconds - my), 0);
  const sxx = points.reduce((s, p) => s + (p.units - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.seconds - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.seconds - (intercept + slope * p.units)) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

/**
 * Least squares of seconds = a + b·x1 + c·x2 (e.g. x1 components, x2 component-environments: a
 * catalog costs per chart and per chart in each environment), with its coefficient of determination.
 */
export function linearFit2(points: readonly { x1: number; x2: number; seconds: number }[]): { intercept: number; b1: number; b2: number; r2: number } {
  // Normal equations (XᵀX) β = Xᵀy for the columns [1, x1, x2], solved by Cramer's rule.
  const rows = points.map((p) => [1, p.x1, p.x2]);
  const xtx = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + (r[i] as number) * (r[j] as number), 0)));
  const xty = [0, 1, 2].map((i) => rows.reduce((s, r, k) => s + (r[i] as number) * (points[k] as { seconds: number }).seconds, 0));
  const det = (m: number[][]) => {
    const [a, b, c] = m as [number[], number[], number[]];
    return (a[0] as number) * ((b[1] as number) * (c[2] as number) - (b[2] as number) * (c[1] as number)) - (a[1] as number) * ((b[0] as number) * (c[2] as number) - (b[2] as number) * (c[0] as number)) + (a[2] as number) * ((b[0] as number) * (c[1] as number) - (b[1] as number) * (c[0] as number));
  };
  const d = det(xtx);
  const solve = (column: number) => det(xtx.map((row, i) => row.map((value, j) => (j === column ? (xty[i] as number) : value)))) / d;
  const [intercept, b1, b2] = [solve(0), solve(1), solve(2)];
  const mean = points.reduce((s, p) => s + p.seconds, 0) / points.length;
  const ssTot = points.reduce((s, p) => s + (p.seconds - mean) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.seconds - (intercept + b1 * p.x1 + b2 * p.x2)) ** 2, 0);
  return { intercept, b1, b2, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}
