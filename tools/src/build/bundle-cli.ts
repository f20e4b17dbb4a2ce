import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { repoRoot } from "../paths.js";

/** Where bundled CLIs go: two levels below the root, like tools/src/paths.ts, so `repoRoot` holds in both. */
export const BUNDLE_DIR = join(repoRoot, "tools", "dist");

/** The CLIs that run bundled (the hot path of `nx run generate:gitops`); the others run through tsx. */
export const BUNDLED_CLIS = ["generate-gitops"] as const;
export type BundledCli = (typeof BUNDLED_CLIS)[number];

export function bundlePath(cli: BundledCli): string {
  return join(BUNDLE_DIR, `${cli}.mjs`);
}

/**
 * Bundles tools/src/cli/<cli>.ts and the project modules it imports into one ES module, leaving
 * packages to node_modules. Running it skips tsx (its loader costs a third of a second per run)
 * and the resolution of some forty modules. Written to a temporary file and renamed.
 */
export async function bundleCli(cli: BundledCli): Promise<string> {
  const outfile = bundlePath(cli);
  const result = await build({
    entryPoints: [join(repoRoot, "tools", "src", "cli", `${cli}.ts`)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    write: false,
    outfile,
    logLevel: "silent",
    banner: { js: `// Bundled from tools/src/cli/${cli}.ts by tools/src/build/bundle-cli.ts; do not edit.` },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${cli}`);
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, output.contents);
    renameSync(temporary, outfile);
  } finally {
    rmSync(temporary, { force: true });
  }
  return outfile;
}
