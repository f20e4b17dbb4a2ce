import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes a file aside (`<file>.<pid>.tmp`) and renames it into place, creating its directory: a
 * reader in another process (a parallel test worker, a concurrent run) sees the old file or the
 * whole new one, never half of it. The caches of compiled validators, field schemas, CRDs and
 * renders all write this way.
 */
export function writeFileAtomically(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
