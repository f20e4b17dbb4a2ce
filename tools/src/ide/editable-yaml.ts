import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { readModeline } from "./modelines.js";
import { schemaForFile, type SchemaAssociation } from "./schema-associations.js";
import { compareText } from "../text/compare-text.js";

/** A YAML file an editor validates against a schema, through its modeline, `yaml.schemas`, or both. */
export interface SchemaBoundFile {
  /** Repository-relative, `/`-separated. */
  path: string;
  /** The schema path the modeline names (relative to the file), when it has one. */
  modeline?: string;
  /** The repository-relative schema `yaml.schemas` maps it to, when a pattern matches it. */
  mappedSchema?: string;
}

/**
 * Folders never swept: installed or generated tooling, and test fixtures, which hold deliberately
 * broken YAML that their own tests open.
 */
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".nx", "dist", "coverage", "test/fixtures"]);

/**
 * Every YAML file in the repository that a schema-aware editor validates: those with a modeline and
 * those a `yaml.schemas` pattern matches. Found by walking the tree, so files added later are covered.
 */
export function schemaBoundYamlFiles(root: string, associations: readonly SchemaAssociation[]): SchemaBoundFile[] {
  const files: SchemaBoundFile[] = [];
  for (const path of yamlFiles(root, "")) {
    const modeline = readModeline(readFileSync(join(root, path), "utf8"));
    const mappedSchema = schemaForFile(associations, path);
    if (modeline === undefined && mappedSchema === undefined) continue;
    files.push({ path, ...(modeline !== undefined && { modeline }), ...(mappedSchema !== undefined && { mappedSchema }) });
  }
  return files;
}

function yamlFiles(root: string, folder: string): string[] {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(absolute, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
    const path = folder === "" ? entry.name : posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !SKIPPED_FOLDERS.has(path)) found.push(...yamlFiles(root, path));
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
