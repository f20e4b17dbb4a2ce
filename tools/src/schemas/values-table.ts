import Handlebars from "handlebars";
import { effectiveSchema, typesOf, type JsonSchema } from "./json-schema.js";

export interface ValuesRow {
  key: string;
  type: string;
  default: string;
  description: string;
}

/**
 * One row per configurable key, helm-docs style: objects with declared properties are expanded,
 * everything else (leaves, lists, free-form maps) is a row of its own.
 */
export function valuesRows(root: JsonSchema, node: JsonSchema = root, prefix = "", inheritedDefault?: unknown): ValuesRow[] {
  const schema = effectiveSchema(root, node);
  const rows: ValuesRow[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const key = prefix ? `${prefix}.${name}` : name;
    const effective = effectiveSchema(root, property);
    const fromParent = isRecord(inheritedDefault) ? inheritedDefault[name] : undefined;
    const value = fromParent !== undefined ? fromParent : effective.default;
    if (effective.properties && effective.additionalProperties === false) {
      rows.push(...valuesRows(root, property, key, value));
      continue;
    }
    rows.push({ key, type: typeLabel(effective), default: JSON.stringify(value ?? null), description: oneLine(effective.description ?? "") });
  }
  return rows;
}

function typeLabel(schema: JsonSchema): string {
  const types = typesOf(schema);
  if (schema.enum) return `enum (${schema.enum.map((v) => JSON.stringify(v)).join(", ")})`;
  if (types.length === 0) return schema.oneOf || schema.anyOf ? "oneOf" : "any";
  return types.join(" \\| ");
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|").trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TABLE = Handlebars.compile(
  `| Key | Type | Default | Description |
|-----|------|---------|-------------|
{{#each rows}}
| \`{{{key}}}\` | {{{type}}} | \`{{{default}}}\` | {{{description}}} |
{{/each}}`,
  { noEscape: true },
);

export function renderValuesTable(rows: ValuesRow[]): string {
  return TABLE({ rows });
}

export const VALUES_START = "<!-- values:start -->";
export const VALUES_END = "<!-- values:end -->";

/** Replaces the generated region of a README; a README without markers gets the region appended. */
export function spliceValuesTable(readme: string, table: string, generatedNote: string): string {
  const region = `${VALUES_START}\n${generatedNote}\n\n${table}${VALUES_END}`;
  const start = readme.indexOf(VALUES_START);
  const end = readme.indexOf(VALUES_END);
  if (start === -1 || end === -1 || end < start) return `${readme.trimEnd()}\n\n## Values\n\n${region}\n`;
  return readme.slice(0, start) + region + readme.slice(end + VALUES_END.length);
}
