import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
    define: { GENERATE_GITOPS_VALIDATOR_CODE: JSON.stringify(await validatorCodeDigest()) },
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

/** The module that combines chart schemas and compiles their validators (see catalog-validator.ts). */
const VALIDATOR_MODULE = join(repoRoot, "tools", "src", "gitops", "catalog-validator.ts");

/**
 * A digest of the project modules that shape a compiled validator: catalog-validator.ts and every
 * project module it imports, as esbuild resolves them (packages are keyed by their versions
 * separately). The bundle carries it (GENERATE_GITOPS_VALIDATOR_CODE), so that cached validators
 * survive changes to the rest of the generator.
 */
export async function validatorCodeDigest(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of await validatorCodeInputs()) hash.update(input).update("\u0000").update(readFileSync(join(repoRoot, input))).update("\u0000");
  return hash.digest("hex");
}

/** catalog-validator.ts and the project modules it imports, relative to the root, sorted. */
export async function validatorCodeInputs(): Promise<string[]> {
  const { metafile } = await build({ entryPoints: [VALIDATOR_MODULE], bundle: true, platform: "node", format: "esm", packages: "external", write: false, metafile: true, outdir: join(repoRoot, "tools", "dist"), absWorkingDir: repoRoot, logLevel: "silent" });
  return Object.keys(metafile.inputs).sort();
}
