import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { TemplateDelegate } from "handlebars";
import { repoRoot } from "../paths.js";

/** The environment README's template; found from the repository root, not this module's URL, so tools/src/build finds it too. */
export const README_TEMPLATE_FILE = join(repoRoot, "tools/src/gitops/templates/environment-readme.md.hbs");

/** How the template is compiled, whether at run time (from source) or when bundling (precompiled). */
export const README_TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * Set by tools/src/build/bundle-cli.ts in a bundle: the template precompiled by Handlebars
 * (`Handlebars.precompile`), so that a bundled run loads only Handlebars' runtime and compiles
 * nothing, and the bundle's bytes (the result cache's code identity) hold the template.
 */
declare const GENERATE_GITOPS_README_TEMPLATE: object | undefined;

let template: TemplateDelegate | undefined;

/**
 * The README template, made on first use (a run whose outcome is cached renders nothing): the
 * bundle's precompiled specification run by `handlebars/runtime`, else (tsx, vitest) the file
 * compiled by the full Handlebars. The two are one pipeline in Handlebars 4.7.10: `compile` parses,
 * runs Compiler and JavaScriptCompiler and hands the specification to `template`
 * (node_modules/handlebars/dist/cjs/handlebars/compiler/compiler.js:528-548), `precompile` runs
 * the same steps and returns the specification as source (compiler.js:510-527), which the
 * runtime's `template` takes (dist/cjs/handlebars/runtime.js:52). A test compares their output
 * (tools/src/build/bundle-cli.test.ts).
 */
export function readmeTemplate(): TemplateDelegate {
  if (template) return template;
  const require = createRequire(import.meta.url);
  if (typeof GENERATE_GITOPS_README_TEMPLATE === "object" && GENERATE_GITOPS_README_TEMPLATE !== null) {
    const runtime = require("handlebars/runtime") as typeof import("handlebars");
    return (template = runtime.template(GENERATE_GITOPS_README_TEMPLATE as Parameters<typeof runtime.template>[0]));
  }
  const handlebars = require("handlebars") as typeof import("handlebars");
  return (template = handlebars.compile(readFileSync(README_TEMPLATE_FILE, "utf8"), README_TEMPLATE_OPTIONS));
}
