/**
 * The CustomResourceDefinitions an upstream chart package installs, as the cluster receives them: the package is
 * rendered with `helm template --include-crds` (its crds/ folder and every template that emits a CRD, such as
 * argo-cd's templates/crds/ or cert-manager's with `crds.enabled=true`), and the CRDs are kept under
 * node_modules/.cache/crd-schemas/, keyed by the package's sha256 and the render's inputs.
 *
 *   const registry = loadCrdRegistry([{ tgz: argoCd }, { tgz: certManager, values: { crds: { enabled: true } } }]);
 *
 * loadCrdRegistry also keeps the validators compiled from those CRDs (ajv standalone code) under
 * node_modules/.cache/crd-schemas/validators/, so only the first process after a change compiles them.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveBinary, type BinaryName } from "../binaries/binaries.js";
import { helmEnvironment, templateArgs } from "../helm/helm.js";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import { compileCrds, type CrdRegistry, type CustomResourceDefinition } from "./crd-schema.js";
import { ManifestParseError, parseManifests, sourceOf } from "./manifests.js";
import { writeFileAtomically } from "../files/atomic-write.js";

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
  const result = run(helm, args, { input: JSON.stringify(values), env: helmEnvironment() });
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
    writeFileAtomically(file, JSON.stringify(entry));
  } catch {
    // A read-only node_modules only costs the next process a render.
  }
}

/** A chart package and the values to render it with. */
export interface ChartCrdSource {
  tgz: string;
  values?: Record<string, unknown>;
}

/** How many compiled validator files to keep (one per distinct set of CRDs: a test file's, the render checks'...). */
const KEEP_COMPILED = 8;

/**
 * The validators of every CRD of these chart packages (see loadCrdsFromChart). Their compiled code is kept on disk,
 * keyed by the CRDs and by the code that translates and compiles them, so a later process loads it instead of
 * compiling (compiling all upstream charts' CRDs takes a second or two; loading them, a fraction of that).
 */
export function loadCrdRegistry(charts: readonly ChartCrdSource[], options: LoadCrdsOptions = {}): CrdRegistry {
  return cachedCrdRegistry(
    charts.flatMap((chart) => loadCrdsFromChart(chart.tgz, chart.values, options)),
    options,
  );
}

/**
 * compileCrds of CRD objects from anywhere (e.g. those among the objects Argo CD renders for an environment), with
 * the compiled code kept on disk as loadCrdRegistry does.
 */
export function cachedCrdRegistry(crds: readonly unknown[], options: Pick<LoadCrdsOptions, "cacheDir"> = {}): CrdRegistry {
  const cacheDir = options.cacheDir ?? CRD_CACHE_DIR;
  const compilerKey = cacheDir === false ? undefined : compilerIdentity();
  if (cacheDir === false || compilerKey === undefined) return compileCrds(crds);
  const dir = join(cacheDir, "validators");
  const file = join(dir, `${createHash("sha256").update(compilerKey).update(JSON.stringify(crds)).digest("hex")}.cjs`);
  if (existsSync(file)) {
    try {
      return compileCrds(crds, { compiledCode: readFileSync(file, "utf8") });
    } catch {
      // Unreadable or stale beyond its key: compile again and replace it.
    }
  }
  const registry = compileCrds(crds);
  writeCompiled(file, registry.compiledCode());
  return registry;
}

/**
 * What compiled code depends on besides the CRDs: the source of crd-schema.ts (its translation, formats, RE2
 * engine) and the versions of ajv and re2js. Undefined when the source is not beside this module (a bundle).
 */
function compilerIdentity(): string | undefined {
  const source = fileURLToPath(new URL("./crd-schema.ts", import.meta.url));
  if (!existsSync(source)) return undefined;
  const versions = ["ajv", "re2js"].map((name) => `${name}@${packageVersion(name)}`);
  return createHash("sha256").update(readFileSync(source)).update(versions.join(",")).digest("hex");
}

/** An installed package's version, from the package.json above its entry point (re2js does not export that file). */
function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (parsed.name === name && parsed.version) return parsed.version;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the package.json of ${name}; run npm ci`);
    dir = dirname(dir);
  }
}

function writeCompiled(file: string, code: string): void {
  try {
    writeFileAtomically(file, code);
    // Keep the most recent few: each distinct set of CRDs has its own file.
    const files = readdirSync(dirname(file))
      .filter((name) => name.endsWith(".cjs"))
      .map((name) => ({ path: join(dirname(file), name), time: statSync(join(dirname(file), name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of files.slice(KEEP_COMPILED)) rmSync(old.path, { force: true });
  } catch {
    // A read-only node_modules only costs the next process the compile time.
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}
