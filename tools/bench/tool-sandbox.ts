import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { bundlePath } from "../src/build/bundle-cli.js";
import { repoRoot } from "../src/paths.js";

/**
 * A copy of the bundled generator with caches of its own, so that the benchmark can start from
 * empty caches without touching the checkout's (node_modules/.cache/generate-gitops, which other
 * runs and tests use). The generator finds its root two levels above the bundle
 * (tools/src/paths.ts), so the sandbox is `<dir>/tools/dist/generate-gitops.mjs` beside a
 * node_modules whose entries link to the checkout's packages, all but `.cache`, and a link to
 * tools/src (the bundle holds the README template precompiled, but paths under tools/src resolve
 * as in the checkout).
 */
export interface ToolSandbox {
  /** The bundled CLI inside the sandbox. */
  cli: string;
  /** Its cache directory (node_modules/.cache/generate-gitops). */
  cacheDir: string;
  /** Empties the result and work caches, keeping compiled validators (a run then validates and renders everything). */
  forgetRuns(): void;
  /** Empties every cache, compiled validators included (the first run of a fresh checkout). */
  forgetAll(): void;
}

export function toolSandbox(dir: string): ToolSandbox {
  mkdirSync(join(dir, "tools", "dist"), { recursive: true });
  const cli = join(dir, "tools", "dist", "generate-gitops.mjs");
  copyFileSync(bundlePath("generate-gitops"), cli);
  symlinkSync(join(repoRoot, "tools", "src"), join(dir, "tools", "src"));
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
    if (entry !== ".cache") symlinkSync(join(repoRoot, "node_modules", entry), join(modules, entry));
  }
  const cacheDir = join(modules, ".cache", "generate-gitops");
  const forget = (names: readonly string[]) => {
    for (const name of names) rmSync(join(cacheDir, name), { recursive: true, force: true });
  };
  return { cli, cacheDir, forgetRuns: () => forget(["results", "work"]), forgetAll: () => forget(["results", "work", "validators"]) };
}
