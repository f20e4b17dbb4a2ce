import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Bounds a cache directory: keeps the `keep` most recently modified `.json` entries of `dir` and
 * removes the rest (the generator's result and work caches both evict this way). Throws on I/O errors;
 * callers treat a failed eviction as lost time only.
 */
export function keepNewestJsonFiles(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, time: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { f } of files.slice(keep)) rmSync(join(dir, f), { force: true });
}
