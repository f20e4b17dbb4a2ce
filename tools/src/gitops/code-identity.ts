import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../paths.js";

/**
 * Whether this code runs from a bundle (tools/dist/*.mjs, built by tools/src/build/bundle-cli.ts)
 * rather than from its TypeScript sources (tsx, vitest): every module of a bundle shares the
 * bundle's URL.
 */
export function runsBundled(): boolean {
  return !fileURLToPath(import.meta.url).endsWith(".ts");
}

let treeDigest: string | undefined;

/**
 * The generator's code when it runs from source: a digest of every file under tools/src (tests
 * left out) and tools/templates, by path and content. Any source change counts, which is what
 * a process running the sources through tsx may import.
 */
export function sourceTreeDigest(): string {
  if (treeDigest === undefined) {
    const hash = createHash("sha256");
    const files = [...filesUnder(join(repoRoot, "tools", "src")).filter((file) => !file.endsWith(".test.ts")), ...filesUnder(join(repoRoot, "tools", "templates"))];
    for (const file of files) hash.update(relative(repoRoot, file)).update("\u0000").update(readFileSync(file)).update("\u0000");
    treeDigest = hash.digest("hex");
  }
  return treeDigest;
}

/** The bundle's own bytes, when running bundled: all the project code it holds. */
export function bundleDigest(): string {
  return createHash("sha256").update(readFileSync(fileURLToPath(import.meta.url))).digest("hex");
}

/** Files under a directory (recursively), sorted; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
