import { describeUnknownField, findUnknownFields, rootKey } from "./field-schema.js";
import { loadFieldGraph } from "./field-schema-cache.js";
import { isRecord, ManifestParseError, objectLabel, parseManifests, sourceOf, type KubeObject } from "./manifests.js";
import { loadModel, lookupKind, unknownKindHint, type KindSchema } from "./model-registry.js";
import { runModelValidation } from "./model-validation.js";
import { validateAgainstCrds } from "./crd-schema.js";
import { checkPodSpecs } from "./pod-security.js";
import { upstreamCrdRegistry } from "./upstream-crd-registry.js";
import { formatPath, type Problem } from "./problem.js";

export interface ValidateOptions {
  /** Template to name in problems; defaults to the object's `# Source:` (see parseManifests). */
  source?: string;
}

/**
 * Schema problems of one object: unknown apiVersion/kind; for a core kind the model's own validation (types, enums,
 * required fields, formats) and every field its declared type does not have; for a custom resource the checks of its
 * upstream CRD (crd-schema.ts validateAgainstCrds) and, for its metadata, those of a core kind's ObjectMeta; and
 * registered extra validators. Rules: `schema/invalid` and `schema/unknown-field` for either source.
 */
export function validateObject(obj: unknown, options: ValidateOptions = {}): Problem[] {
  const object = objectLabel(obj);
  const source = options.source ?? (isRecord(obj) ? sourceOf(obj) : undefined);
  const problem = (path: string, message: string, rule: string): Problem => ({
    object,
    ...(source ? { source } : {}),
    path,
    message,
    rule,
  });
  if (!isRecord(obj) || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    return [problem("", "not a Kubernetes object: apiVersion and kind must be strings", "schema/type-meta")];
  }
  const kubeObject = obj as KubeObject;
  const schema = lookupKind(kubeObject.apiVersion, kubeObject.kind);
  if (!schema) {
    const message =
      `no schema for ${kubeObject.apiVersion} ${kubeObject.kind}; fix the apiVersion or kind, or add the chart that installs its CRD to CRD_COMPONENTS (tools/src/kubernetes/upstream-crds.ts).` +
      unknownKindHint(kubeObject.apiVersion, kubeObject.kind);
    return [problem("", message, "schema/unknown-kind")];
  }
  const problems: Problem[] = [];
  if (schema.module) problems.push(...modelProblems(schema, kubeObject, problem));
  if (schema.crd) {
    for (const found of validateAgainstCrds([kubeObject], upstreamCrdRegistry())) {
      problems.push(problem(found.path, found.message, CRD_RULES[found.rule ?? ""] ?? found.rule ?? "schema/invalid"));
    }
    problems.push(...metadataProblems(kubeObject, problem));
  }
  for (const validate of schema.validators) {
    for (const issue of validate(kubeObject)) {
      problems.push(problem(issue.path, issue.message, issue.rule ?? `custom/${kubeObject.kind}`));
    }
  }
  return problems;
}

/** validateAgainstCrds's rules as validateObject's callers know them; crd/duplicate-item and the rest stay. */
const CRD_RULES: Record<string, string> = { "crd/invalid": "schema/invalid", "crd/unknown-field": "schema/unknown-field" };

type MakeProblem = (path: string, message: string, rule: string) => Problem;

function modelProblems(schema: KindSchema, obj: KubeObject, problem: MakeProblem): Problem[] {
  const problems: Problem[] = [];
  for (const issue of runModelValidation(loadModel(schema.module!), obj)) problems.push(problem(issue.path, issue.message, "schema/invalid"));
  for (const unknown of unknownFieldsOf(schema, obj)) {
    problems.push(problem(formatPath(unknown.path), describeUnknownField(unknown), "schema/unknown-field"));
  }
  return problems;
}

/**
 * A CRD leaves ObjectMeta to the API server's own (apimachinery) validation, so validateAgainstCrds checks little of
 * it; the metadata of a custom resource is checked as that of a core kind instead (ConfigMap: plain ObjectMeta).
 */
function metadataProblems(obj: KubeObject, problem: MakeProblem): Problem[] {
  if (obj.metadata === undefined) return [];
  const carrier = lookupKind("v1", "ConfigMap");
  if (!carrier?.module) throw new Error("kubernetes-models has no v1 ConfigMap; run `npm ci` at the repository root.");
  const asCore = { apiVersion: "v1", kind: "ConfigMap", metadata: obj.metadata } as KubeObject;
  return modelProblems(carrier, asCore, problem).filter((p) => p.path === "metadata" || p.path.startsWith("metadata."));
}

function unknownFieldsOf(schema: KindSchema, obj: KubeObject) {
  const { graph } = loadFieldGraph();
  const root = graph.roots[rootKey(schema.apiVersion, schema.kind)];
  if (root === undefined) {
    throw new Error(
      `The field schema has no entry for ${schema.apiVersion} ${schema.kind} although its model exists; ` +
        "delete node_modules/.cache/kubernetes-field-schemas and run again.",
    );
  }
  return findUnknownFields(graph, root, obj);
}

/**
 * Everything for a rendered chart: parses the YAML stream, validates each object's schema, applies the pod
 * security and project rules, and flags objects rendered twice. Unparseable YAML becomes a problem too.
 */
export function validateRendered(yamlText: string, source?: string): Problem[] {
  let objects: KubeObject[];
  try {
    objects = parseManifests(yamlText, source);
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    return [{ object: "<YAML stream>", source: error.source, path: "", message: error.message, rule: "yaml/parse" }];
  }
  const problems: Problem[] = [];
  for (const obj of objects) {
    problems.push(...validateObject(obj), ...checkPodSpecs(obj));
  }
  problems.push(...duplicateObjects(objects));
  return problems;
}

/** The API server keeps only one object per apiVersion group, kind, namespace and name. */
function duplicateObjects(objects: readonly KubeObject[]): Problem[] {
  const seen = new Map<string, KubeObject>();
  const problems: Problem[] = [];
  for (const obj of objects) {
    const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
    const identity = [group, obj.kind, obj.metadata?.namespace ?? "", obj.metadata?.name ?? ""].join("|");
    const first = seen.get(identity);
    if (!first) {
      seen.set(identity, obj);
      continue;
    }
    const source = sourceOf(obj);
    problems.push({
      object: objectLabel(obj),
      ...(source ? { source } : {}),
      path: "metadata.name",
      message: `rendered more than once (also by ${sourceOf(first) ?? "an earlier document"}); names must be unique per kind and namespace`,
      rule: "manifest/duplicate-object",
    });
  }
  return problems;
}
