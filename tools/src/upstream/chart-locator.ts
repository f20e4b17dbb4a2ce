import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveBinary } from "../binaries/binaries.js";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import { helmChartArgs } from "./chart-reference.js";

/**
 * Where a pinned upstream chart package comes from, in order:
 * 1. the directory named by UPSTREAM_CHARTS (`<chart>-<version>.tgz`; when that directory has a
 *    SHA256SUMS file, the package must match it), as `.ci/run` sets it for an offline cache;
 * 2. the project's own cache, node_modules/.cache/upstream-charts/, filled by step 3;
 * 3. `helm pull` of exactly that version from the chart's own repository, as Argo CD's repo-server
 *    does (an https Helm repository, or an OCI registry written `registry/path` as Argo CD expects).
 * A version found nowhere is an error naming every place looked at: never a silent skip.
 */
export const UPSTREAM_CHARTS_VARIABLE = "UPSTREAM_CHARTS";
export const CHART_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "upstream-charts");

export interface ChartPin {
  /** `https://…` Helm repository, or an OCI registry path without scheme (`quay.io/jetstack/charts`). */
  repoURL: string;
  chart: string;
  version: string;
}

export class ChartNotFoundError extends Error {}

export function chartArchiveName(pin: Pick<ChartPin, "chart" | "version">): string {
  return `${pin.chart}-${pin.version}.tgz`;
}

/** `helm pull` arguments for the pin: `--repo` for an https repository, `oci://` for a registry. */
export function pullArgs(pin: ChartPin, destination: string): string[] {
  return ["pull", ...helmChartArgs(pin), "--destination", destination];
}

/** The sha256 a SHA256SUMS file (`<hex>  <file>` lines) records for a file, if any. */
export function recordedDigest(sums: string, file: string): string | undefined {
  for (const line of sums.split("\n")) {
    const match = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (match && match[2] === file) return match[1];
  }
  return undefined;
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function fromDirectory(directory: string, pin: ChartPin): string | undefined {
  const file = join(directory, chartArchiveName(pin));
  if (!existsSync(file)) return undefined;
  const sumsFile = join(directory, "SHA256SUMS");
  if (existsSync(sumsFile)) {
    const expected = recordedDigest(readFileSync(sumsFile, "utf8"), chartArchiveName(pin));
    if (expected === undefined) throw new ChartNotFoundError(`${file} is not listed in ${sumsFile}: add its sha256 there, or remove the package.`);
    const actual = sha256File(file);
    if (actual !== expected) throw new ChartNotFoundError(`${file} has sha256 ${actual}, but ${sumsFile} records ${expected}: the package was changed; restore the upstream package.`);
  }
  return file;
}

export interface LocateOptions {
  env?: NodeJS.ProcessEnv;
  cacheDir?: string;
  /** Pull from the chart's repository when no local copy exists (default true). */
  pull?: boolean;
}

const located = new Map<string, string>();

/** Absolute path of the pinned chart package (see the module comment for where it is looked for). */
export function locateUpstreamChart(pin: ChartPin, options: LocateOptions = {}): string {
  const env = options.env ?? process.env;
  const cacheDir = options.cacheDir ?? CHART_CACHE_DIR;
  const key = `${env[UPSTREAM_CHARTS_VARIABLE] ?? ""}\0${cacheDir}\0${pin.repoURL}\0${chartArchiveName(pin)}`;
  const known = located.get(key);
  if (known !== undefined && existsSync(known)) return known;
  const looked: string[] = [];
  const configured = env[UPSTREAM_CHARTS_VARIABLE];
  if (configured) {
    const directory = resolve(configured);
    if (!existsSync(directory)) throw new ChartNotFoundError(`${UPSTREAM_CHARTS_VARIABLE}=${configured} does not exist: point it at a directory of <chart>-<version>.tgz packages, or unset it to pull from the chart repositories.`);
    const file = fromDirectory(directory, pin);
    if (file) return remember(key, file);
    looked.push(`${join(directory, chartArchiveName(pin))} (${UPSTREAM_CHARTS_VARIABLE})`);
  }
  const cached = join(cacheDir, chartArchiveName(pin));
  if (existsSync(cached)) return remember(key, cached);
  looked.push(cached);
  if (options.pull === false) throw notFound(pin, looked, "pulling was turned off");
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(join(cacheDir, ".pull-"));
  try {
    const result = run(resolveBinary("helm"), pullArgs(pin, scratch), { timeoutMs: 120_000 });
    const pulled = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
    if (result.status !== 0 || pulled === undefined) {
      const reason = (result.stderr || result.stdout).trim().split("\n")[0] ?? `exit ${result.status}`;
      throw notFound(pin, looked, `helm ${pullArgs(pin, "<cache>").join(" ")} failed: ${reason}`);
    }
    renameSync(join(scratch, pulled), cached);
    return remember(key, cached);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function remember(key: string, file: string): string {
  located.set(key, file);
  return file;
}

function notFound(pin: ChartPin, looked: string[], reason: string): ChartNotFoundError {
  return new ChartNotFoundError(
    `chart ${pin.chart} ${pin.version} from ${pin.repoURL} is not available: looked in ${looked.join(", ")}; ${reason}. ` +
      `Fix: set ${UPSTREAM_CHARTS_VARIABLE} to a directory holding ${chartArchiveName(pin)}, or pin a version that exists in ${pin.repoURL}.`,
  );
}
