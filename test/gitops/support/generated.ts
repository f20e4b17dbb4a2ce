import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { resolveBinary } from "../../../tools/src/binaries/binaries.js";
import { bundlePath } from "../../../tools/src/build/bundle-cli.js";
import { BOOTSTRAP_VALUES_FILE } from "../../../tools/src/gitops/manifests/argocd-bootstrap.js";
import { repoRoot } from "../../../tools/src/paths.js";
import { run, type RunResult } from "../../../tools/src/process/run.js";

export interface GeneratedObject {
  file: string;
  object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown>; data?: Record<string, string> };
}

/** Environments under environments/ of a root. */
export function environmentNames(root = repoRoot): string[] {
  const dir = join(root, "environments");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "environment.yaml")))
    .map((entry) => entry.name)
    .sort();
}

/** Every file under a directory, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Every Kubernetes object the generator wrote for an environment: the kustomizations, the README,
 * the bootstrap script and the bootstrap's Helm values file (not an object) excluded.
 */
export function generatedObjects(env: string, root = repoRoot): GeneratedObject[] {
  const base = join(root, "apps", env);
  return filesUnder(base)
    .filter((file) => file.endsWith(".yaml") && !file.endsWith("kustomization.yaml") && file !== BOOTSTRAP_VALUES_FILE)
    .map((file) => ({ file: `apps/${env}/${file}`, object: parsedYamlFile(join(base, file)) as GeneratedObject["object"] }));
}

const parsedFiles = new Map<string, { stamp: string; value: unknown }>();

/**
 * A YAML file's value, parsed once per version of the file: the render checks read every
 * environment's generated objects hundreds of times. The file's inode, size and times tell a
 * rewritten file, and each caller gets its own copy to change.
 */
function parsedYamlFile(path: string): unknown {
  const stat = statSync(path, { bigint: true });
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  let entry = parsedFiles.get(path);
  if (entry?.stamp !== stamp) {
    entry = { stamp, value: parse(readFileSync(path, "utf8")) };
    parsedFiles.set(path, entry);
  }
  return structuredClone(entry.value);
}

/** A content hash of every file under a directory: proves a failed run left it byte-identical. */
export function treeDigest(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((file) => [file, createHash("sha256").update(readFileSync(join(dir, file))).digest("hex")]));
}

/** Runs the generator CLI the way nx does (bundled by the tests' global setup), against a root. */
export function runGenerator(args: readonly string[], root = repoRoot): RunResult {
  return run(process.execPath, [bundlePath("generate-gitops"), "--root", root, ...args], { cwd: repoRoot });
}

/** Runs the generator from its TypeScript source through tsx, the development path. */
export function runGeneratorFromSource(args: readonly string[], root = repoRoot): RunResult {
  return run(process.execPath, ["--import", "tsx", join(repoRoot, "tools/src/cli/generate-gitops.ts"), "--root", root, ...args], { cwd: repoRoot });
}

/** The error lines of the generator's output (warnings, such as a chart no environment lists yet, do not count). */
export function errorsIn(stderr: string): string[] {
  return stderr.split("\n").filter((line) => /^\S+: GEN\d{3} /.test(line));
}

export function kubectlKustomize(dir: string): RunResult {
  return run(resolveBinary("kubectl"), ["kustomize", dir]);
}

export function parseStream(text: string): GeneratedObject["object"][] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as GeneratedObject["object"] | null)
    .filter((object): object is GeneratedObject["object"] => object !== null);
}
