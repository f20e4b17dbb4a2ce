/**
 * The CustomResourceDefinitions an upstream chart package installs, as the cluster receives them: the package is
 * rendered with `helm template --include-crds` (its crds/ folder and every template that emits a CRD, such as
 * argo-cd's templates/crds/ or cert-manager's with `crds.enabled=true`), and the CRDs are kept under
 * node_modules/.cache/crd-schemas/, keyed by the package's sha256 and the render's inputs.
 *
 *   const registry = compileCrds(loadCrdsFromChart(tgz, { crds: { enabled: true } }));
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { resolveBinary, type BinaryName } from "../binaries/binaries.js";
import { templateArgs } from "../helm/helm.js";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import type { CustomResourceDefinition } from "./crd-schema.js";
import { ManifestParseError, parseManifests, sourceOf } from "./manifests.js";

/** Where rendered CRDs are kept between runs; deleting it only costs a render per chart. */
export const CRD_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "crd-schemas");

/** Bump when what is stored or how it is rendered changes, so older entries are not read. */
const CACHE_FORMAT = 1;

export interface LoadCrdsOptions {
  /** Helm binary to render with (default Helm 4.1, `helm`). */
  helm?: BinaryName;
  /** Release name and namespace of the render; CRD schemas do not depend on them, labels may. */
  release?: string;
  namespace?: string;
  /** Cache directory, or `false` to always render (default CRD_CACHE_DIR). */
  cacheDir?: string | false;
}

/** A chart package whose CRDs could not be read: names the package and says what to do. */
export class ChartCrdError extends Error {
  constructor(
    readonly chart: string,
    detail: string,
  ) {
    super(`${chart}: ${detail}`);
    this.name = "ChartCrdError";
  }
}

interface CacheEntry {
  format: number;
  chart: string;
  sha256: string;
  values: unknown;
  crds: CustomResourceDefinition[];
}

/**
 * Every CustomResourceDefinition of a chart package (.tgz) rendered with `values`, in render order. Reads the
 * disk cache when the package's sha256, the values, the render arguments and the Helm binary are unchanged.
 * Throws ChartCrdError when the package is missing, does not render, or renders a CRD that is not
 * apiextensions.k8s.io/v1.
 */
export function loadCrdsFromChart(tgzPath: string, values: Record<string, unknown> = {}, options: LoadCrdsOptions = {}): CustomResourceDefinition[] {
  if (!existsSync(tgzPath)) throw new ChartCrdError(tgzPath, "no such chart package; check the path (or fetch the chart into the upstream chart cache)");
  const helm = resolveBinary(options.helm ?? "helm");
  const args = [...templateArgs(tgzPath, { releaseName: options.release ?? "crds", namespace: options.namespace ?? "default" }), "--include-crds", "--values", "-"];
  const sha256 = createHash("sha256").update(readFileSync(tgzPath)).digest("hex");
  const cacheDir = options.cacheDir ?? CRD_CACHE_DIR;
  const cacheFile = cacheDir === false ? undefined : join(cacheDir, `${sha256}-${renderKey(helm, args.filter((_, i) => i !== 2), values)}.json`);
  const cached = cacheFile ? readCache(cacheFile, sha256) : undefined;
  if (cached) return cached;
  const crds = renderCrds(helm, args, tgzPath, values);
  if (cacheFile) writeCache(cacheFile, { format: CACHE_FORMAT, chart: basename(tgzPath), sha256, values, crds });
  return crds;
}

/** What else the render depends on: its arguments without the package path, the values and the Helm binary. */
function renderKey(helm: string, argsWithoutChart: readonly string[], values: Record<string, unknown>): string {
  const binary = statSync(helm);
  return createHash("sha256")
    .update(JSON.stringify({ format: CACHE_FORMAT, args: argsWithoutChart, values: sortedKeys(values), helm: [helm, binary.size, binary.mtimeMs] }))
    .digest("hex")
    .slice(0, 16);
}

function renderCrds(helm: string, args: readonly string[], tgzPath: string, values: Record<string, unknown>): CustomResourceDefinition[] {
  const result = run(helm, args, { input: JSON.stringify(values) });
  if (result.status !== 0) {
    throw new ChartCrdError(tgzPath, `helm template --include-crds failed (exit ${result.status}): ${result.stderr.trim()}\nFix the values passed for this chart, or render it by hand: ${basename(helm)} ${args.join(" ")}`);
  }
  let objects;
  try {
    objects = parseManifests(result.stdout, basename(tgzPath));
  } catch (error) {
    if (error instanceof ManifestParseError) throw new ChartCrdError(tgzPath, `its render is not valid Kubernetes YAML: ${error.message}`);
    throw error;
  }
  const crds: CustomResourceDefinition[] = [];
  for (const object of objects) {
    if (object.kind !== "CustomResourceDefinition") continue;
    if (object.apiVersion !== "apiextensions.k8s.io/v1") {
      throw new ChartCrdError(
        tgzPath,
        `${sourceOf(object) ?? "a template"} renders CustomResourceDefinition ${object.metadata?.name ?? "<no name>"} as ${object.apiVersion}, which Kubernetes >= 1.22 does not serve; use a chart version with apiextensions.k8s.io/v1 CRDs`,
      );
    }
    crds.push(object as unknown as CustomResourceDefinition);
  }
  return crds;
}

function readCache(file: string, sha256: string): CustomResourceDefinition[] | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CacheEntry;
    return entry.format === CACHE_FORMAT && entry.sha256 === sha256 && Array.isArray(entry.crds) ? entry.crds : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, entry: CacheEntry): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    // Written aside and renamed, so a parallel worker never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(entry));
    renameSync(partial, file);
  } catch {
    // A read-only node_modules only costs the next process a render.
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}
