import type { ValidateFunction } from "ajv";
import { childSchema, defaultsOf } from "../schemas/defaults.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import type { EnvironmentSpec } from "./environment-model.js";
import { isPlainObject, mergeHelmValues } from "./helm-values.js";
import { problem, type Problem } from "./problems.js";
import { createValidator, schemaErrorsToProblems } from "./schema-validation.js";
import { parseYamlSource, type YamlSource } from "./yaml-source.js";

export interface EnvironmentFileResult {
  source: YamlSource;
  /** Present only when the file parsed and matched the schema. */
  environment?: EnvironmentSpec;
  problems: Problem[];
}

/**
 * Parses and validates one environment.yaml and fills in the schema's defaults. The directory
 * name is the environment's identity, so `name` must repeat it.
 */
export function readEnvironmentFile(directoryName: string, file: string, text: string, schema: JsonSchema, validate: ValidateFunction): EnvironmentFileResult {
  const source = parseYamlSource(file, text);
  if (source.problems.length > 0) return { source, problems: source.problems };
  const locate = (path: readonly (string | number)[], target: "key" | "value") => ({ file, location: source.locate(path, target).location });
  if (!validate(source.data)) {
    return { source, problems: schemaErrorsToProblems(validate.errors ?? [], source.data, schema, locate, file) };
  }
  const environment = withDefaults(schema, source.data as Record<string, unknown>);
  if (environment.name !== directoryName) {
    const problems = [
      problem("GEN006", file, `name "${environment.name}" differs from the directory name "${directoryName}".`, { location: locate(["name"], "value").location, path: "name", fix: `Set \`name: ${directoryName}\` (or rename the directory environments/${environment.name}).` }),
    ];
    return { source, problems };
  }
  return { source, environment, problems: [] };
}

/** The file's data merged over the schema's defaults, components included. */
function withDefaults(schema: JsonSchema, data: Record<string, unknown>): EnvironmentSpec {
  const merged = mergeHelmValues(defaultsOf(schema) ?? {}, data) as Record<string, unknown>;
  // `components` declares no names: any key resolves to its additionalProperties, the schema of one component.
  const componentSchema = childSchema(schema, childSchema(schema, schema, "components") ?? {}, "any-component");
  const componentDefaults = componentSchema ? defaultsOf(schema, componentSchema) : {};
  const components = isPlainObject(merged.components) ? merged.components : {};
  merged.components = Object.fromEntries(Object.entries(components).map(([name, pin]) => [name, mergeHelmValues(componentDefaults ?? {}, pin)]));
  const windowSchema = childSchema(schema, schema, "syncWindows");
  const windowDefaults = windowSchema ? defaultsOf(schema, (windowSchema.items as JsonSchema | undefined) ?? {}) : {};
  merged.syncWindows = ((merged.syncWindows as unknown[]) ?? []).map((window) => mergeHelmValues(windowDefaults ?? {}, window));
  const clusterSchema = childSchema(schema, schema, "clusters");
  const clusterDefaults = clusterSchema ? defaultsOf(schema, (clusterSchema.items as JsonSchema | undefined) ?? {}) : {};
  // The defaults of a cluster's optional blocks (an empty `credentials`) would read as set: only keys the schema gives a default of its own are filled.
  const clusterLeafDefaults = Object.fromEntries(Object.entries(clusterDefaults ?? {}).filter(([key]) => key !== "credentials"));
  merged.clusters = ((merged.clusters as unknown[]) ?? []).map((cluster) => mergeHelmValues(clusterLeafDefaults, cluster));
  return merged as unknown as EnvironmentSpec;
}

/**
 * The generator's own checks of one environment.yaml (strict parse, alias and duplicate-key limits,
 * the schema, `name` equal to the directory), for a caller that holds only the text, such as the
 * promotion reading its source environment: a list or a misspelled key is refused, not read as
 * "no pins".
 */
export function checkEnvironmentText(directoryName: string, text: string, schema: JsonSchema): EnvironmentFileResult {
  return readEnvironmentFile(directoryName, `environments/${directoryName}/environment.yaml`, text, schema, createValidator(schema));
}
