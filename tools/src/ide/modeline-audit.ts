import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import type { SchemaBoundFile } from "./editable-yaml.js";
import { modelineFor, modelineSchemaPath } from "./modelines.js";

/**
 * What is wrong with the modelines of schema-bound files, one sentence per problem naming the file
 * and the fix. The modeline and `.vscode/settings.json` must agree, because people who strip
 * modelines (or whose editor ignores them) get the settings mapping instead.
 */
export function modelineProblems(root: string, files: readonly SchemaBoundFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const expectedLine = file.mappedSchema ? modelineFor(modelineSchemaPath(file.path, file.mappedSchema)) : undefined;
    if (file.modeline === undefined) {
      if (expectedLine) problems.push(`${file.path}: has no schema modeline. Make \`${expectedLine}\` its first line (for generated files, fix the generator and rerun it).`);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file.modeline)) {
      problems.push(`${file.path}: its modeline points at ${file.modeline}, a URL. Editors would need the network; point it at a schema in the repository.`);
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(file.path), file.modeline));
    if (!existsSync(join(root, target))) {
      problems.push(`${file.path}: its modeline points at ${file.modeline}, which does not exist (${target}). ${expectedLine ? `Use \`${expectedLine}\`.` : "Fix the path or remove the modeline."}`);
      continue;
    }
    if (file.mappedSchema && target !== file.mappedSchema) {
      problems.push(`${file.path}: its modeline names ${target} but .vscode/settings.json maps it to ${file.mappedSchema}. Use \`${expectedLine}\`, or change tools/src/ide/schema-associations.ts.`);
    }
  }
  return problems;
}
