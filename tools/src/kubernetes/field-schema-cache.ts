import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { extractFieldGraph } from "./field-schema-extract.js";
import type { FieldGraph } from "./field-schema.js";
import { allKindModulesOfInstalledPackages, installedModelPackages } from "./model-packages.js";
import { repoRoot } from "../paths.js";
import { writeFileAtomically } from "../files/atomic-write.js";

/** Set to `off` to always read the declarations with the compiler (e.g. to measure it). */
export const CACHE_ENV = "KUBE_FIELD_SCHEMA_CACHE";
const CACHE_DIR = join(repoRoot, "node_modules", ".cache", "kubernetes-field-schemas");

// The graph depends on the model declarations, the compiler that reads them and the code that does it.
const EXTRACTOR_SOURCES = ["./field-schema-extract.ts", "./field-schema.ts"].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);

export interface FieldGraphLoad {
  graph: FieldGraph;
  /** Where the graph came from this time. */
  origin: "memory" | "disk-cache" | "typescript";
  milliseconds: number;
}

let loaded: FieldGraphLoad | undefined;

/**
 * The field graph of every installed model kind. Built once with the TypeScript compiler (a few seconds)
 * and kept under node_modules/.cache keyed by package and compiler versions, so later processes (each
 * vitest worker) read it in milliseconds.
 */
export function loadFieldGraph(): FieldGraphLoad {
  if (loaded) return { ...loaded, origin: "memory", milliseconds: 0 };
  const started = performance.now();
  const kinds = allKindModulesOfInstalledPackages();
  const useCache = process.env[CACHE_ENV] !== "off";
  const cacheFile = join(CACHE_DIR, `${cacheKey(kinds.map((k) => `${k.apiVersion}/${k.kind}`))}.json`);
  const cached = useCache ? readCache(cacheFile) : undefined;
  if (cached) {
    loaded = { graph: cached, origin: "disk-cache", milliseconds: performance.now() - started };
    return loaded;
  }
  const graph = extractFieldGraph(kinds, repoRoot);
  if (useCache) writeCache(cacheFile, graph);
  loaded = { graph, origin: "typescript", milliseconds: performance.now() - started };
  return loaded;
}

function cacheKey(kindNames: readonly string[]): string {
  const hash = createHash("sha256");
  // The compiler's version from its package.json: importing the compiler just for it would cost every process its start-up.
  hash.update(`typescript@${(createRequire(import.meta.url)("typescript/package.json") as { version: string }).version}\n`);
  for (const pkg of installedModelPackages()) hash.update(`${pkg.name}@${pkg.version}\n`);
  for (const name of kindNames) hash.update(`${name}\n`);
  for (const file of EXTRACTOR_SOURCES) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 24);
}

function readCache(file: string): FieldGraph | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as FieldGraph;
    return Array.isArray(parsed.nodes) && typeof parsed.roots === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, graph: FieldGraph): void {
  try {
    writeFileAtomically(file, JSON.stringify(graph));
    // Graphs of older package or extractor versions are never read again.
    for (const other of readdirSync(dirname(file))) {
      if (other.endsWith(".json") && other !== basename(file)) rmSync(join(dirname(file), other), { force: true });
    }
  } catch {
    // A read-only node_modules only costs the next process the compile time.
  }
}
