import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * A sha256 of a file's bytes, or of a directory tree (relative paths and file bytes, symlinks
 * followed as Helm follows them). Used to key renders by what they read, never by where it lies.
 */
export function contentDigest(path: string): string {
  const hash = createHash("sha256");
  const stat = statSync(path);
  if (stat.isFile()) return hash.update("file\0").update(readFileSync(path)).digest("hex");
  const seen = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) throw new Error(`${dir}: symlink cycle`);
    seen.add(real);
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const entryStat = statSync(full);
      if (entryStat.isDirectory()) walk(full, `${prefix}${entry}/`);
      else if (entryStat.isFile()) hash.update(`${prefix}${entry}\0`).update(readFileSync(full)).update("\0");
    }
    seen.delete(real);
  };
  walk(path, "");
  return hash.digest("hex");
}
