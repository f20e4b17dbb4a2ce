import type { ErrorObject } from "ajv";
import { effectiveSchema, type JsonSchema } from "../schemas/json-schema.js";
import { isPlainObject, mergeHelmValues, setHelmParameter, setHelmParameterInPlace } from "./helm-values.js";
import { problem, type Problem } from "./problems.js";
import { schemaErrorsToProblems, type Locator } from "./schema-validation.js";
import { parseYamlSource, type DocumentPath, type YamlSource } from "./yaml-source.js";

/** The Helm parameter the image tag pin is passed as (Argo CD `helm.parameters`). */
export const IMAGE_TAG_PARAMETER = "image.tag";

/**
 * The Helm parameter the image digest pin is passed as, beside the tag: the common chart renders
 * `repository:tag@digest` when it is set (charts/common/templates/_images.tpl), so the pulled image
 * is the one the digest names whatever the tag points at.
 */
export const IMAGE_DIGEST_PARAMETER = "image.digest";

/** A pin of environment.yaml passed to the chart as a Helm parameter, and where it is written. */
export interface PinParameter {
  /** Dotted Helm parameter name (`image.tag`). */
  name: string;
  value: string;
  locate: () => ReturnType<Locator>;
}

/**
 * Values the generator owns: who may call a component follows from the other components'
 * dependency annotations, so it is never written by hand. Filled where the chart has the key.
 */
export const CALLER_VALUE_PATHS = [
  ["networkPolicy", "allowedCallers"],
  ["istio", "authorizationPolicy", "allowedCallers"],
] as const;

export interface Caller {
  app: string;
  namespace: string;
}

/** The generated values of a component (Argo CD `helm.valuesObject`): its callers under every caller path its values schema declares. */
export function generatedValues(schema: JsonSchema, callers: readonly Caller[]): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  for (const path of CALLER_VALUE_PATHS) {
    if (schemaDeclares(schema, path)) values = setHelmParameter(values, path.join("."), callers.map((c) => ({ ...c })));
  }
  return values;
}

/** Answers of schemaDeclares per schema: every environment asks the same questions of each chart's schema. */
const declaredPaths = new WeakMap<JsonSchema, Map<string, boolean>>();

/** Whether a schema declares a property path by name (not merely through an open map). */
export function schemaDeclares(root: JsonSchema, path: readonly string[]): boolean {
  let answers = declaredPaths.get(root);
  if (!answers) declaredPaths.set(root, (answers = new Map()));
  const key = path.join("\u0000");
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = findDeclaredPath(root, path)));
  return answer;
}

function findDeclaredPath(root: JsonSchema, path: readonly string[]): boolean {
  let node: JsonSchema = root;
  for (const key of path) {
    const declared = effectiveSchema(root, node).properties?.[key];
    if (!declared) return false;
    node = declared;
  }
  return true;
}

/** Paths to every non-map value of a values tree (lists count as values, as Helm replaces them whole). */
function leafPaths(values: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(values).flatMap(([key, value]) => (isPlainObject(value) && Object.keys(value).length > 0 ? leafPaths(value, [...prefix, key]) : [[...prefix, key]]));
}

function hasPath(values: unknown, path: readonly string[]): boolean {
  let current = values;
  for (const key of path) {
    if (!isPlainObject(current) || !(key in current)) return false;
    current = current[key];
  }
  return true;
}

/** What the generator knows about a component's values: its schema and validator, and the chart's own defaults. */
export interface ChartValues {
  component: string;
  /** `charts/<c>/values.schema.json`, or `schemas/upstream/<c>.json` for an upstream chart. */
  schemaFile: string;
  schema: JsonSchema;
  /**
   * Null when the values match the schema, else ajv's errors. `origin` is what the values were
   * made of besides the chart's defaults (a cache may key the verdict by it, see plan.ts).
   */
  validate: (values: unknown, origin?: ValuesOrigin) => ErrorObject[] | null;
  /** The chart's values.yaml; empty for an upstream chart (its schema covers only what the platform sets). */
  defaults: unknown;
  defaultsSource: YamlSource;
}

/**
 * The first line every values file carries so editors validate it against the component's schema,
 * relative to the file: `environments/<env>/values/<c>.yaml` (the default) is three directories
 * deep, a cluster overlay `environments/<env>/clusters/<cluster>/values/<c>.yaml` five.
 */
export function expectedModeline(schemaFile: string, valuesFile = "environments/env/values/component.yaml"): string {
  return `# yaml-language-server: $schema=${"../".repeat(valuesFile.split("/").length - 1)}${schemaFile}`;
}

/** The texts of the values files merged over a chart's defaults, in order, the generated values and the pin parameters: the merged values follow from them. */
export interface ValuesOrigin {
  texts: string[];
  generated: Record<string, unknown>;
  parameters: [string, string][];
}

export interface ValuesCheck {
  problems: Problem[];
  /** The values Helm will render with (chart defaults, the file, the image pin parameters); set when valid. */
  values?: Record<string, unknown>;
}

/**
 * Validates an environment's values file the way Helm will use it: merged over the chart's
 * values.yaml, then the cluster's overlay (when the Application deploys to a cluster that has one,
 * the value file Argo CD reads after the environment's), with the pinned image tag and digest set
 * as parameters, against the chart's values.schema.json. Problems point into the overlay or the
 * values file (whichever sets the value), or into environment.yaml for a pin parameter, or into
 * the chart's values.yaml for a bad default.
 */
export function checkComponentValues(chart: ChartValues, valuesFile: { file: string; text: string }, parameters: readonly PinParameter[], generated: Record<string, unknown> = {}, overlay?: { file: string; text: string }): ValuesCheck {
  const problems: Problem[] = [];
  const sources: YamlSource[] = [];
  let merged: unknown = chart.defaults ?? {};
  for (const file of overlay ? [valuesFile, overlay] : [valuesFile]) {
    const read = readValuesFile(chart, file, generated);
    problems.push(...read.problems);
    if (!read.source) return { problems };
    sources.unshift(read.source);
    merged = mergeHelmValues(merged, read.source.data ?? {});
  }
  // Argo CD's precedence: value files (in order), then valuesObject, then parameters.
  const values = (Object.keys(generated).length > 0 ? mergeHelmValues(merged, generated) : merged) as Record<string, unknown>;
  for (const parameter of parameters) setHelmParameterInPlace(values, parameter.name, parameter.value);
  const errors = chart.validate(values, { texts: (overlay ? [valuesFile, overlay] : [valuesFile]).map((f) => f.text), generated, parameters: parameters.map((p) => [p.name, p.value]) });
  if (errors) {
    const locate: Locator = (path, target) => locateValue(path, target, sources, chart.defaultsSource, parameters);
    problems.push(...schemaErrorsToProblems(errors, values, chart.schema, locate, (overlay ?? valuesFile).file));
  }
  return problems.length > 0 ? { problems } : { problems, values };
}

/** One values file's own checks: the modeline, a mapping, no generated key. The source is absent when it cannot be merged. */
function readValuesFile(chart: ChartValues, valuesFile: { file: string; text: string }, generated: Record<string, unknown>): { problems: Problem[]; source?: YamlSource } {
  const problems: Problem[] = [];
  const firstLine = valuesFile.text.split("\n", 1)[0]?.trimEnd() ?? "";
  const modeline = expectedModeline(chart.schemaFile, valuesFile.file);
  if (firstLine !== modeline) {
    const found = firstLine.startsWith("# yaml-language-server:") ? `the first line is "${firstLine}"` : "the schema modeline is missing";
    problems.push(problem("GEN014", valuesFile.file, `${found}; expected "${modeline}" as the first line.`, { location: { line: 1, column: 1 }, fix: `Make the first line \`${modeline}\` so editors validate the file against the chart's schema.` }));
  }
  const source = parseYamlSource(valuesFile.file, valuesFile.text);
  if (source.problems.length > 0) return { problems: [...problems, ...source.problems] };
  const override = source.data ?? {};
  if (!isPlainObject(override)) {
    problems.push(problem("GEN003", valuesFile.file, `the values file must be a mapping of chart values, not ${Array.isArray(override) ? "a list" : JSON.stringify(override)}.`, { location: { line: 1, column: 1 } }));
    return { problems };
  }
  for (const path of leafPaths(generated)) {
    if (!hasPath(override, path)) continue;
    const origin = CALLER_VALUE_PATHS.some((callers) => callers.join(".") === path.join(".")) ? "from the other charts' platform.mcp-security.io/dependencies annotations" : "from environment.yaml";
    problems.push(problem("GEN016", valuesFile.file, `${path.join(".")} is generated ${origin} and must not be set here.`, { location: source.locate(path, "key").location, path: path.join(".") }));
  }
  return { problems, source };
}

/** Where a value comes from: the last values file that sets it (the overlay before the environment's file), a pin parameter, the chart's defaults. */
function locateValue(path: DocumentPath, target: "key" | "value", sources: readonly YamlSource[], defaults: YamlSource, parameters: readonly PinParameter[]): ReturnType<Locator> {
  for (const source of sources) {
    const found = source.locate(path, target);
    if (found.exact) return { file: source.file, location: found.location };
  }
  const parameter = parameters.find((p) => p.name === path.join("."));
  if (parameter) return parameter.locate();
  const inDefaults = defaults.locate(path, target);
  if (inDefaults.exact) return { file: defaults.file, location: inDefaults.location };
  const last = sources[0] as YamlSource;
  return { file: last.file, location: last.locate(path, target).location };
}
