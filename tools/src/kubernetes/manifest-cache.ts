import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomically } from "../files/atomic-write.js";
import { repoRoot } from "../paths.js";
import { parseManifests, setSourceOf, sourceOf, type KubeObject } from "./manifests.js";

/**
 * parseManifests results kept on disk as JSON, keyed by the stream's bytes, its fallback source name
 * and the parser (the source of manifests.ts and the version of the yaml package). Every test file
 * that reads a render parses it again otherwise, and YAML parsing costs some fifty times what
 * JSON.parse of the same objects does. A stream that does not parse is never kept (it throws every
 * time), nor one whose objects JSON would not carry exactly (a `.inf`, a `!!set`...).
 */
export const MANIFEST_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "parsed-manifests");

interface Entry {
  objects: KubeObject[];
  sources: (string | null)[];
}

let identity: string | null | undefined;

/** What parsing depends on besides the text; null when manifests.ts is not beside this module (a bundle). */
function parserIdentity(): string | null {
  if (identity !== undefined) return identity;
  const source = fileURLToPath(new URL("./manifests.ts", import.meta.url));
  identity = existsSync(source) ? createHash("sha256").update(readFileSync(source)).update(`yaml@${yamlVersion()}`).digest("hex") : null;
  return identity;
}

function yamlVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve("yaml"));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (parsed.name === "yaml" && parsed.version) return parsed.version;
    }
    if (dirname(dir) === dir) throw new Error("cannot find the package.json of yaml; run npm ci");
    dir = dirname(dir);
  }
}

/** True when JSON.stringify then JSON.parse gives back an equal value: plain objects and arrays, strings, booleans, null, finite numbers other than -0. */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !survivesJson(value[i])) return false;
    return true;
  }
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (!survivesJson((value as Record<string, unknown>)[key])) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

function entryFile(text: string, source: string, cacheDir: string): string | undefined {
  const parser = parserIdentity();
  if (parser === null) return undefined;
  const key = createHash("sha256").update(parser).update("\0").update(source).update("\0").update(text).digest("hex");
  return join(cacheDir, key.slice(0, 2), `${key}.json`);
}

/** Parses a stream into the cache unless it is there already (reading nothing when it is): for filling the cache ahead of the tests. */
export function ensureParsedManifests(text: string, source = "<manifests>", options: { cacheDir?: string } = {}): void {
  const file = entryFile(text, source, options.cacheDir ?? MANIFEST_CACHE_DIR);
  if (file !== undefined && !existsSync(file)) parseManifestsCached(text, source, options);
}

/** parseManifests(text, source), read from the cache when the same text was parsed before by the same parser. */
export function parseManifestsCached(text: string, source = "<manifests>", options: { cacheDir?: string } = {}): KubeObject[] {
  const file = entryFile(text, source, options.cacheDir ?? MANIFEST_CACHE_DIR);
  if (file === undefined) return parseManifests(text, source);
  if (existsSync(file)) {
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as Entry;
      if (Array.isArray(entry.objects) && Array.isArray(entry.sources) && entry.objects.length === entry.sources.length) {
        entry.objects.forEach((object, i) => {
          const from = entry.sources[i];
          if (typeof from === "string") setSourceOf(object, from);
        });
        return entry.objects;
      }
    } catch {
      // A damaged entry is parsed again and replaced.
    }
  }
  const objects = parseManifests(text, source);
  if (objects.every((object) => survivesJson(object))) {
    try {
      writeFileAtomically(file, JSON.stringify({ objects, sources: objects.map((object) => sourceOf(object) ?? null) } satisfies Entry));
    } catch {
      // A read-only node_modules only costs the next process the parse.
    }
  }
  return objects;
}
