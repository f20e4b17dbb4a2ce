import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { resolveBinary, type BinaryName } from "../binaries/binaries.js";
import { helmEnvironment } from "../helm/helm.js";
import { repoRoot } from "../paths.js";
import { run, type RunResult } from "../process/run.js";
import { contentDigest } from "./content-digest.js";
import { writeFileAtomically } from "../files/atomic-write.js";

/**
 * `helm template` results kept on disk, keyed by what the render reads: the Helm binary (its size
 * and modification time identify the extracted release), the arguments, and the content digest of
 * every path among them (chart directory or package, value files). Two tests that render the same
 * chart with the same values under the same Helm share one render, in a run and across runs; a
 * change to any byte the render reads is a new key. Failures are kept too (they are as
 * deterministic as successes).
 */
export const RENDER_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "helm-renders");

export interface CachedRender extends RunResult {
  cached: boolean;
}

/** Longest a render may take; one stopped by it says nothing about the chart and is never kept. */
const RENDER_TIMEOUT_MS = 300_000;

const digests = new Map<string, string>();

/**
 * The binary as it is on disk: path, inode, size and change times. Replacing or rewriting the file
 * (npm ci extracts each binary to a temp file and renames it into place) changes the inode or the
 * ctime, which no tool can set back.
 */
function binaryIdentity(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${path}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** The cache key of a render: every argument that is an existing path stands for its content. */
export function renderKey(binary: string, args: readonly string[], pathArgs: ReadonlySet<string>): string {
  const hash = createHash("sha256").update(binaryIdentity(binary));
  for (const arg of args) {
    if (pathArgs.has(arg)) {
      let digest = digests.get(arg);
      if (digest === undefined) {
        digest = contentDigest(arg);
        digests.set(arg, digest);
      }
      hash.update(`\0path:${digest}`);
    } else hash.update(`\0${arg}`);
  }
  return hash.digest("hex");
}

interface CacheOptions {
  cacheDir?: string;
  fresh?: boolean;
  /**
   * The environment Helm runs with when it runs (default: this process's), e.g. a minimal one for
   * a caller holding credentials. Not part of the key: templates cannot read the environment (Helm
   * removes sprig's `env` and `expandenv`: helm v4.1.4 and v3.17.2 pkg/engine/funcs.go:46-48), and
   * the renders pass namespace and Kubernetes version as arguments.
   */
  env?: NodeJS.ProcessEnv;
}

/** The binary to run and the file that holds (or will hold) this render. */
function cacheEntry(binaryName: BinaryName, args: readonly string[], paths: readonly string[], options: CacheOptions): { binary: string; file: string } {
  const binary = resolveBinary(binaryName);
  if (options.fresh) for (const p of paths) digests.delete(p);
  const key = renderKey(binary, args, new Set(paths.filter((p) => existsSync(p))));
  return { binary, file: join(options.cacheDir ?? RENDER_CACHE_DIR, key.slice(0, 2), `${key}.json`) };
}

function readEntry(file: string): RunResult | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as RunResult;
  } catch {
    // A damaged entry is rendered again and replaced.
    return undefined;
  }
}

function keep(file: string, result: RunResult): void {
  // A render stopped by the time limit says nothing about the chart: never kept.
  if (result.status !== 124) writeFileAtomically(file, JSON.stringify({ status: result.status, stdout: result.stdout, stderr: result.stderr }));
}

/**
 * Runs `helm template` (args as built by the caller) unless the same render is cached. `paths`
 * lists the arguments that are files or directories, whose content keys the render. Paths under
 * a directory that may change during the run must not be memoised: pass `fresh` to re-digest.
 */
export function cachedHelm(binaryName: BinaryName, args: readonly string[], paths: readonly string[], options: CacheOptions = {}): CachedRender {
  const { binary, file } = cacheEntry(binaryName, args, paths, options);
  const stored = readEntry(file);
  if (stored) return { ...stored, cached: true };
  const result = run(binary, args, { timeoutMs: RENDER_TIMEOUT_MS, env: helmEnvironment(options.env) });
  keep(file, result);
  return { ...result, cached: false };
}

/** One render for prefetchRenders: what cachedHelm would be called with. */
export interface RenderJob {
  binary: BinaryName;
  args: readonly string[];
  paths: readonly string[];
}

/** `run` (tools/src/process/run.ts) without blocking: the same status, output and time limit. */
function runAsync(binary: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      binary,
      args,
      { env: helmEnvironment(), encoding: "utf8", maxBuffer: 512 * 1024 * 1024, timeout: RENDER_TIMEOUT_MS, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          if (error.killed) return resolve({ status: 124, stdout, stderr: `${binary} did not finish within ${RENDER_TIMEOUT_MS} ms and was stopped` });
          // Not started at all (ENOENT, EACCES...): the test that needs it runs it and reports that.
          if (typeof error.code === "string") return reject(error);
          return resolve({ status: 1, stdout, stderr });
        }
        resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    // Nothing to read on stdin, as with run's spawnSync without input.
    child.stdin?.end();
  });
}

/**
 * Fills the cache with every job's render that it does not hold yet, `concurrency` Helm processes at a
 * time, so the tests that read them later (from any worker) find them there. A render that cannot be
 * started is left to the test that needs it. Calls `onRendered` with each job as its entry is ready.
 */
export async function prefetchRenders(jobs: readonly RenderJob[], options: { concurrency: number; cacheDir?: string; onRendered?: (job: RenderJob, result: RunResult) => void }): Promise<{ rendered: number; cached: number; failedToStart: number }> {
  const counts = { rendered: 0, cached: 0, failedToStart: 0 };
  const pending = new Map<string, { binary: string; jobs: RenderJob[] }>();
  for (const job of jobs) {
    const { binary, file } = cacheEntry(job.binary, job.args, job.paths, { cacheDir: options.cacheDir });
    const stored = readEntry(file);
    if (stored) {
      counts.cached++;
      options.onRendered?.(job, stored);
      continue;
    }
    // Two jobs with one key (the same chart and values in two environments) are one render.
    const same = pending.get(file);
    if (same) same.jobs.push(job);
    else pending.set(file, { binary, jobs: [job] });
  }
  const queue = [...pending];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [file, { binary, jobs: sameJobs }] = next;
      let result: RunResult;
      try {
        result = await runAsync(binary, sameJobs[0]!.args);
      } catch {
        counts.failedToStart++;
        continue;
      }
      keep(file, result);
      counts.rendered++;
      // The next render starts first; what the caller does with this one (parse it, say) runs while Helm works.
      const onRendered = options.onRendered;
      if (onRendered)
        callbacks.push(
          new Promise<void>((resolve) =>
            setImmediate(() => {
              try {
                for (const job of sameJobs) onRendered(job, result);
              } catch (error) {
                failure ??= { error };
              }
              resolve();
            }),
          ),
        );
    }
  };
  const callbacks: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  await Promise.all(callbacks);
  if (failure) throw failure.error;
  return counts;
}
