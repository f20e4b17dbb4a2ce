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

const digests = new Map<string, string>();

function binaryIdentity(path: string): string {
  const stat = statSync(path);
  return `${path}:${stat.size}:${stat.mtimeMs}`;
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

/**
 * Runs `helm template` (args as built by the caller) unless the same render is cached. `paths`
 * lists the arguments that are files or directories, whose content keys the render. Paths under
 * a directory that may change during the run must not be memoised: pass `fresh` to re-digest.
 */
export function cachedHelm(binaryName: BinaryName, args: readonly string[], paths: readonly string[], options: { cacheDir?: string; fresh?: boolean } = {}): CachedRender {
  const binary = resolveBinary(binaryName);
  if (options.fresh) for (const p of paths) digests.delete(p);
  const key = renderKey(binary, args, new Set(paths.filter((p) => existsSync(p))));
  const dir = options.cacheDir ?? RENDER_CACHE_DIR;
  const file = join(dir, key.slice(0, 2), `${key}.json`);
  if (existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as RunResult;
      return { ...stored, cached: true };
    } catch {
      // A damaged entry is rendered again and replaced.
    }
  }
  const result = run(binary, args, { timeoutMs: 300_000, env: helmEnvironment() });
  // A render stopped by the time limit says nothing about the chart: never kept.
  if (result.status === 124) return { ...result, cached: false };
  writeFileAtomically(file, JSON.stringify(result));
  return { ...result, cached: false };
}
