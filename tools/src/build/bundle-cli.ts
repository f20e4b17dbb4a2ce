import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import Handlebars from "handlebars";
import { README_TEMPLATE_FILE, README_TEMPLATE_OPTIONS } from "../gitops/readme-template.js";
import { repoRoot } from "../paths.js";

/** Where bundled CLIs go: two levels below the root, like tools/src/paths.ts, so `repoRoot` holds in both. */
export const BUNDLE_DIR = join(repoRoot, "tools", "dist");

/**
 * The CLIs bundled into tools/dist/: generate-gitops runs bundled (the hot path of `nx run
 * generate:gitops`); promote is bundled for the tests that run the command as a child process (nx
 * runs it through tsx, whose loader costs a second of CPU per start). The others run through tsx.
 */
export const BUNDLED_CLIS = ["generate-gitops", "promote"] as const;
export type BundledCli = (typeof BUNDLED_CLIS)[number];

export function bundlePath(cli: BundledCli): string {
  return join(BUNDLE_DIR, `${cli}.mjs`);
}

/**
 * Bundles tools/src/cli/<cli>.ts and the project modules it imports into one ES module, leaving
 * packages to node_modules. Running it skips tsx (its loader costs a third of a second per run)
 * and the resolution of some forty modules. The environment README's template goes in precompiled
 * (see readmePrecompiledTemplate). Written to a temporary file and renamed.
 */
export async function bundleCli(cli: BundledCli): Promise<string> {
  const outfile = bundlePath(cli);
  const result = await build({
    // esbuild's define takes JSON or an identifier, not code: the precompiled template is a constant of the banner, named here.
    define: { GENERATE_GITOPS_VALIDATOR_CODE: JSON.stringify(await validatorCodeDigest()), GENERATE_GITOPS_README_TEMPLATE: README_TEMPLATE_CONSTANT },
    entryPoints: [join(repoRoot, "tools", "src", "cli", `${cli}.ts`)],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    write: false,
    outfile,
    logLevel: "silent",
    banner: { js: `// Bundled from tools/src/cli/${cli}.ts by tools/src/build/bundle-cli.ts; do not edit.\nconst ${README_TEMPLATE_CONSTANT} = ${readmePrecompiledTemplate()};` },
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

/** The banner constant that holds the precompiled README template (tools/src/gitops/readme-template.ts). */
const README_TEMPLATE_CONSTANT = "__generateGitopsReadmeTemplate";

/**
 * The environment README's template as JavaScript, `Handlebars.precompile` of the file with the
 * options the sources compile it with: a bundled run needs only Handlebars' runtime
 * (`Handlebars.template(spec)`), not its compiler, and compiles nothing; and the template is part
 * of the bundle's bytes, which key the result cache (tools/src/gitops/code-identity.ts), so a
 * template change is a new generator. See tools/src/gitops/readme-template.ts for why the
 * precompiled template is the compiled one (Handlebars 4.7.10's compiler.js:510-548).
 */
export function readmePrecompiledTemplate(): string {
  return String(Handlebars.precompile(readFileSync(README_TEMPLATE_FILE, "utf8"), README_TEMPLATE_OPTIONS));
}
