import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { extractFieldGraph } from "../kubernetes/field-schema-extract.js";
import { describeUnknownField, findUnknownFields, rootKey, type FieldGraph } from "../kubernetes/field-schema.js";
import type { KubeObject } from "../kubernetes/manifests.js";
import { discoverKindModules, findPackageDir, packageVersion, type KindModule } from "../kubernetes/model-packages.js";
import { lookupKind, registerKind, type KindIssue, type ModelClass } from "../kubernetes/model-registry.js";
import { runModelValidation } from "../kubernetes/model-validation.js";
import { formatPath } from "../kubernetes/problem.js";
import { repoRoot } from "../paths.js";

/**
 * CloudNativePG (`postgresql.cnpg.io/v1`: Cluster, Database, ScheduledBackup, Pooler, ...) validated as
 * strictly as the kinds of tools/src/kubernetes/model-packages.ts: the model's own checks (types, enums,
 * required fields) plus every field the model declarations do not have. The models come from the npm
 * package @kubernetes-models/cloudnative-pg; it is not one of the registry's MODEL_PACKAGES, so its kinds
 * are added through registerKind.
 */
export const CLOUDNATIVE_PG_PACKAGE = "@kubernetes-models/cloudnative-pg";

const CACHE_DIR = join(repoRoot, "node_modules", ".cache", "kubernetes-crd-field-schemas");

const requireModule = createRequire(import.meta.url);
let kindModules: KindModule[] | undefined;
let fieldGraph: FieldGraph | undefined;
const models = new Map<string, ModelClass>();

/** The top-level kinds of the CloudNativePG model package (no `<Kind>List`s). */
export function cloudNativePgKinds(): KindModule[] {
  if (kindModules) return kindModules;
  const dir = findPackageDir(CLOUDNATIVE_PG_PACKAGE);
  if (!dir) {
    throw new Error(`${CLOUDNATIVE_PG_PACKAGE} is not installed; run \`npm ci\` at the repository root (it is a devDependency).`);
  }
  kindModules = discoverKindModules(dir, CLOUDNATIVE_PG_PACKAGE).filter((k) => !k.kind.endsWith("List"));
  return kindModules;
}

/** Issues of one CloudNativePG object: the model's validation, then unknown fields. */
export function validateCloudNativePgObject(module: KindModule, obj: KubeObject): KindIssue[] {
  const issues: KindIssue[] = runModelValidation(modelOf(module), obj).map((issue) => ({ ...issue, rule: "schema/invalid" }));
  const graph = cloudNativePgFieldGraph();
  const root = graph.roots[rootKey(module.apiVersion, module.kind)];
  if (root === undefined) throw new Error(`internal: no field schema for ${module.apiVersion} ${module.kind}`);
  for (const unknown of findUnknownFields(graph, root, obj)) {
    issues.push({ path: formatPath(unknown.path), message: describeUnknownField(unknown), rule: "schema/unknown-field" });
  }
  return issues;
}

/**
 * Registers a validator for every CloudNativePG kind the registry does not know yet (when the package is
 * added to MODEL_PACKAGES one day, the registry's own model wins and nothing is registered twice).
 * Returns a function that removes the validators again.
 */
export function registerCloudNativePgKinds(): () => void {
  const removers = cloudNativePgKinds()
    .filter((module) => !lookupKind(module.apiVersion, module.kind)?.module)
    .map((module) => registerKind(module.apiVersion, module.kind, (obj) => validateCloudNativePgObject(module, obj)));
  return () => removers.forEach((remove) => remove());
}

/**
 * Imports the model classes asynchronously, for runtimes whose loader hooks prevent the synchronous
 * require() validateCloudNativePgObject uses otherwise (tsx; vitest and plain node >= 20.19 need nothing).
 */
export async function preloadCloudNativePgModels(): Promise<void> {
  await Promise.all(
    cloudNativePgKinds().map(async (module) => {
      if (!models.has(module.kind)) remember(module, (await import(pathToFileURL(module.modulePath).href)) as Record<string, unknown>);
    }),
  );
}

function modelOf(module: KindModule): ModelClass {
  const cached = models.get(module.kind);
  if (cached) return cached;
  let exports: Record<string, unknown>;
  try {
    exports = requireModule(module.modulePath) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `Cannot load the CloudNativePG model ${module.kind} synchronously (${(error as Error).message}). ` +
        "Run under vitest or plain node >= 20.19, or `await preloadCloudNativePgModels()` first.",
    );
  }
  return remember(module, exports);
}

function remember(module: KindModule, exports: Record<string, unknown>): ModelClass {
  const model = exports[module.kind] as ModelClass | undefined;
  if (typeof model !== "function" || model.apiVersion !== module.apiVersion || model.kind !== module.kind) {
    throw new Error(`${module.modulePath} does not export the model class ${module.kind}; the layout of ${CLOUDNATIVE_PG_PACKAGE} changed.`);
  }
  models.set(module.kind, model);
  return model;
}

/**
 * The field graph of the CloudNativePG kinds: built with the TypeScript compiler once (about 1.5 s) and
 * cached under node_modules/.cache keyed by package and compiler versions, like the registry's own graph.
 */
function cloudNativePgFieldGraph(): FieldGraph {
  if (fieldGraph) return fieldGraph;
  const kinds = cloudNativePgKinds();
  const dir = findPackageDir(CLOUDNATIVE_PG_PACKAGE) ?? "";
  const key = createHash("sha256")
    .update(`typescript@${ts.version}\n${CLOUDNATIVE_PG_PACKAGE}@${packageVersion(dir)}\n`)
    .update(kinds.map((k) => `${k.apiVersion}/${k.kind}`).join("\n"))
    .digest("hex")
    .slice(0, 24);
  const file = join(CACHE_DIR, `cloudnative-pg-${key}.json`);
  try {
    fieldGraph = JSON.parse(readFileSync(file, "utf8")) as FieldGraph;
    return fieldGraph;
  } catch {
    // Not cached yet (or unreadable): build it below.
  }
  fieldGraph = extractFieldGraph(kinds, repoRoot);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(fieldGraph));
    renameSync(partial, file);
  } catch {
    // A read-only node_modules only costs the rebuild next time.
  }
  return fieldGraph;
}
