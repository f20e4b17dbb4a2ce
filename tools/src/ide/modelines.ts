import { dirname, posix } from "node:path";
import { schemaAssociations, schemaForFile, type SchemaAssociation } from "./schema-associations.js";

/**
 * The `# yaml-language-server: $schema=<path>` modeline: the first line of every editable YAML file
 * that has a schema, so VS Code (YAML extension), JetBrains IDEs and any yaml-language-server client
 * validate, complete and document it with no setup.
 */
export const MODELINE_PREFIX = "# yaml-language-server: $schema=";

export function modelineFor(schemaRelativePath: string): string {
  if (schemaRelativePath === "" || /\s/.test(schemaRelativePath)) {
    throw new Error(`Cannot write a modeline for schema path "${schemaRelativePath}": it must be a non-empty path without whitespace (the modeline ends at the first space).`);
  }
  if (schemaRelativePath.includes("\\")) {
    throw new Error(`Cannot write a modeline for schema path "${schemaRelativePath}": use "/" separators so the file works on every OS.`);
  }
  return `${MODELINE_PREFIX}${schemaRelativePath}`;
}

/** A header comment the language server reads as a modeline (both the long form and JetBrains' `# $schema:`). */
function isModeline(line: string): boolean {
  return /^#\s+(?:yaml-language-server\s*:|\$schema:)/.test(line);
}

/** The lines before the first YAML content: comments, blank lines and directives. */
function headerLineCount(lines: readonly string[]): number {
  let count = 0;
  while (count < lines.length) {
    const line = (lines[count] as string).trim();
    if (line === "" || line.startsWith("#") || line.startsWith("%")) count++;
    else break;
  }
  return count;
}

/**
 * The text with `# yaml-language-server: $schema=<schemaRelativePath>` as its first line: an
 * existing modeline in the header comments is replaced (wherever it was), everything else is kept
 * byte for byte. Idempotent; keeps CRLF line endings when the file uses them.
 */
export function withModeline(yamlText: string, schemaRelativePath: string): string {
  const modeline = modelineFor(schemaRelativePath);
  const eol = yamlText.includes("\r\n") ? "\r\n" : "\n";
  if (yamlText === "") return `${modeline}${eol}`;
  const lines = yamlText.split(eol);
  const header = headerLineCount(lines);
  const kept = lines.filter((line, index) => index >= header || !isModeline(line.trim()));
  return [modeline, ...kept].join(eol);
}

/** The text without modelines in its header comments, as a user who strips them would have it. */
export function withoutModeline(yamlText: string): string {
  const eol = yamlText.includes("\r\n") ? "\r\n" : "\n";
  const lines = yamlText.split(eol);
  const header = headerLineCount(lines);
  return lines.filter((line, index) => index >= header || !isModeline(line.trim())).join(eol);
}

/** The schema path a file's modeline names, read the way yaml-language-server reads it; undefined without one. */
export function readModeline(yamlText: string): string | undefined {
  const lines = yamlText.split(/\r?\n/);
  const header = lines.slice(0, headerLineCount(lines)).map((line) => line.trim());
  const modeline = header.find(isModeline);
  return modeline?.match(/\$schema(?:=|:[^\S\r\n]*)(\S+)/)?.[1];
}

/**
 * The path to write in the modeline of `fileRelativePath` (repository-relative) so that it points
 * at `schemaRelativePath` (repository-relative): relative to the file's folder, `/`-separated.
 */
export function modelineSchemaPath(fileRelativePath: string, schemaRelativePath: string): string {
  const from = dirname(fileRelativePath.split("\\").join("/"));
  return posix.relative(from === "." ? "" : from, schemaRelativePath.split("\\").join("/"));
}

/**
 * The text with the modeline the repository's associations prescribe for `fileRelativePath`
 * (repository-relative): what a generator calls before writing an editable YAML file.
 */
export function withRepositoryModeline(yamlText: string, fileRelativePath: string, associations: readonly SchemaAssociation[]): string {
  const schema = schemaForFile(associations, fileRelativePath);
  if (!schema) {
    throw new Error(`${fileRelativePath} matches no schema in tools/src/ide/schema-associations.ts, so it cannot get a modeline. Add its pattern there (it also feeds .vscode/settings.json).`);
  }
  return withModeline(yamlText, modelineSchemaPath(fileRelativePath, schema));
}

/**
 * The `yaml.schemas` setting of `.vscode/settings.json`: each schema (workspace-relative, `./`)
 * mapped to the globs of the files it validates, for editors and people that ignore modelines.
 */
export function vscodeYamlSchemas(root: string): Record<string, string[]> {
  return Object.fromEntries(schemaAssociations(root).map((association) => [`./${association.schema}`, association.files]));
}
