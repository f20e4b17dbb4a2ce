import { isPlainObject, type JsonSchema } from "./json-schema.js";
import { sortKeys } from "../text/compare-text.js";

export interface BundledChartSchema {
  name: string;
  schema: JsonSchema;
}

/**
 * One schema holding every chart's values type over ONE shared set of building blocks, so the
 * generated TypeScript declares each block (Image, Resources, ...) once instead of once per chart.
 * Blocks are the definitions named in `blockNames`; a chart's own definitions are renamed
 * `<chart>-<name>` because two charts may define the same name differently.
 */
export function combineChartSchemas(charts: readonly BundledChartSchema[], blockNames: ReadonlySet<string>): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const properties: Record<string, JsonSchema> = {};
  for (const { name, schema } of charts) {
    const local = Object.keys(schema.definitions ?? {}).filter((key) => !blockNames.has(key));
    const renamed = renameRefs(schema, name, local) as JsonSchema;
    for (const [key, definition] of Object.entries(renamed.definitions ?? {})) {
      const target = blockNames.has(key) ? key : `${name}-${key}`;
      const existing = definitions[target];
      if (existing && JSON.stringify(existing) !== JSON.stringify(definition)) {
        throw new Error(`charts/${name}/values.schema.json: building block "${key}" differs from another chart's copy; regenerate all charts together.`);
      }
      definitions[target] = definition;
    }
    const root: JsonSchema = { ...renamed, title: typeNameFor(name) };
    delete root.definitions;
    delete root.$schema;
    definitions[`${name}-values`] = root;
    properties[name] = { $ref: `#/definitions/${name}-values`, description: `Values of charts/${name}.` };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "ChartValues",
    description: "The values of every chart under charts/, keyed by chart name.",
    type: "object",
    additionalProperties: false,
    properties,
    definitions: sortKeys(definitions),
  };
}

function renameRefs(node: unknown, chart: string, local: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, chart, local));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const match = /^#\/definitions\/([^/]+)(.*)$/.exec(value);
      out[key] = match && local.includes(match[1] as string) ? `#/definitions/${chart}-${match[1]}${match[2]}` : value;
    } else {
      out[key] = renameRefs(value, chart, local);
    }
  }
  return out;
}

export function typeNameFor(chart: string): string {
  return `${chart.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase())}Values`;
}
