import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { closest, distance } from "fastest-levenshtein";
import type { KubeObject } from "./manifests.js";
import { allKindModulesOfInstalledPackages, type KindModule } from "./model-packages.js";
import { upstreamCrdRegistry } from "./upstream-crd-registry.js";

/** A model class of the kubernetes-models package: validate() throws an Ajv ValidationError. */
export interface ModelClass {
  new (data?: object): { validate(): void };
  apiVersion: string;
  kind: string;
}

/** A finding of a caller-registered validator; the object name and source are filled in by validateObject. */
export interface KindIssue {
  /** Where in the object, formatted like Problem.path (`spec.instances`), "" for the whole object. */
  path: string;
  message: string;
  rule?: string;
}

export type KindValidator = (obj: KubeObject) => KindIssue[];

export interface KindSchema {
  apiVersion: string;
  kind: string;
  /** The model package module, when a package declares this kind. */
  module?: KindModule;
  /** True when a committed upstream CRD (upstream-crds.ts) serves this apiVersion and kind. */
  crd?: boolean;
  /** Validators added with registerKind, run in addition to the model's checks. */
  validators: readonly KindValidator[];
}

// require() keeps validateObject synchronous while loading only the models a manifest actually uses (loading all of
// them takes seconds); kubernetes-models 4 ships CommonJS `.js` beside ES `.mjs` modules.
const requireModule = createRequire(import.meta.url);

const key = (apiVersion: string, kind: string) => `${apiVersion} ${kind}`;

let modulesByKey: Map<string, KindModule> | undefined;
const customValidators = new Map<string, KindValidator[]>();
const loadedModels = new Map<string, ModelClass>();

function moduleIndex(): Map<string, KindModule> {
  modulesByKey ??= new Map(allKindModulesOfInstalledPackages().map((m) => [key(m.apiVersion, m.kind), m]));
  return modulesByKey;
}

/**
 * Adds a validator for a kind, e.g. a custom resource no committed CRD serves. For a kind that has a model or CRD it
 * runs in addition to their checks. Returns a function that removes the validator again.
 */
export function registerKind(apiVersion: string, kind: string, validate: KindValidator): () => void {
  const k = key(apiVersion, kind);
  const list = customValidators.get(k) ?? [];
  list.push(validate);
  customValidators.set(k, list);
  return () => {
    const current = customValidators.get(k) ?? [];
    const remaining = current.filter((v) => v !== validate);
    if (remaining.length > 0) customValidators.set(k, remaining);
    else customValidators.delete(k);
  };
}

/**
 * The schema registered for apiVersion/kind, or undefined when neither a model, an upstream CRD nor a validator knows
 * it. The CRDs are only read for kinds the model packages do not have.
 */
export function lookupKind(apiVersion: string, kind: string): KindSchema | undefined {
  const k = key(apiVersion, kind);
  const module = moduleIndex().get(k);
  const crd = !module && upstreamCrdRegistry().lookup(apiVersion, kind)?.version !== undefined;
  const validators = customValidators.get(k) ?? [];
  if (!module && !crd && validators.length === 0) return undefined;
  return { apiVersion, kind, ...(module ? { module } : {}), ...(crd ? { crd } : {}), validators: [...validators] };
}

/** Every apiVersion/kind the registry knows, sorted. */
export function knownKinds(): { apiVersion: string; kind: string }[] {
  const served = upstreamCrdRegistry()
    .servedKinds()
    .map((s) => key(`${s.group}/${s.version}`, s.kind));
  const keys = new Set([...moduleIndex().keys(), ...served, ...customValidators.keys()]);
  return [...keys].sort().map((k) => {
    const [apiVersion = "", kind = ""] = k.split(" ");
    return { apiVersion, kind };
  });
}

/**
 * The model class of a module, loaded on first use with require() of its CommonJS module; where a loader hook
 * prevents that, call preloadModels first.
 */
export function loadModel(module: KindModule): ModelClass {
  const cached = loadedModels.get(key(module.apiVersion, module.kind));
  if (cached) return cached;
  let exports: Record<string, unknown>;
  try {
    exports = requireModule(module.modulePath) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `Cannot load the model for ${module.apiVersion} ${module.kind} synchronously (${(error as Error).message}). ` +
        "Run `npm ci` if the package is incomplete, or `await preloadModels(objects)` before validating.",
      { cause: error },
    );
  }
  return remember(module, exports);
}

/** Imports (asynchronously) the models of the given objects' kinds, or of every kind, for loadModel. */
export async function preloadModels(objects?: readonly { apiVersion?: unknown; kind?: unknown }[]): Promise<void> {
  const wanted = objects
    ? objects.map((o) => moduleIndex().get(key(String(o.apiVersion), String(o.kind))))
    : [...moduleIndex().values()];
  const modules = [...new Set(wanted)].filter((m): m is KindModule => m !== undefined);
  await Promise.all(
    modules.map(async (module) => {
      if (loadedModels.has(key(module.apiVersion, module.kind))) return;
      remember(module, (await import(pathToFileURL(module.modulePath).href)) as Record<string, unknown>);
    }),
  );
}

function remember(module: KindModule, exports: Record<string, unknown>): ModelClass {
  // import() of a CommonJS module gives module.exports as `default` when Node cannot list its named exports.
  const model = exports[module.kind] ?? (exports.default as Record<string, unknown> | undefined)?.[module.kind];
  if (!isModelClass(model) || model.apiVersion !== module.apiVersion || model.kind !== module.kind) {
    throw new Error(
      `${module.modulePath} does not export a model class ${module.kind} for ${module.apiVersion}; ` +
        `the layout of ${module.packageName} changed, so update tools/src/kubernetes/model-packages.ts.`,
    );
  }
  loadedModels.set(key(module.apiVersion, module.kind), model);
  return model;
}

function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== "function") return false;
  const statics = value as unknown as Record<string, unknown>;
  return typeof statics.apiVersion === "string" && typeof statics.kind === "string";
}

/** "did you mean" text for an apiVersion/kind the registry does not know. */
export function unknownKindHint(apiVersion: string, kind: string): string {
  const all = knownKinds();
  const sameKind = all.filter((k) => k.kind === kind).map((k) => k.apiVersion);
  if (sameKind.length > 0) return ` ${kind} exists as apiVersion ${sameKind.join(", ")}.`;
  const caseInsensitive = all.filter((k) => k.kind.toLowerCase() === kind.toLowerCase());
  if (caseInsensitive.length > 0) {
    return ` Did you mean ${caseInsensitive.map((k) => `${k.apiVersion} ${k.kind}`).join(" or ")}?`;
  }
  const kindsOfVersion = all.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
  if (kindsOfVersion.length > 0) {
    const best = closest(kind, kindsOfVersion);
    if (distance(kind.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(kind.length / 3))) {
      return ` Did you mean kind ${best}?`;
    }
  }
  return "";
}
