import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, derived from this file's location so commands work from any cwd. This
 * module is tools/src/paths.ts, or part of a CLI bundled into tools/dist/: two levels down either way.
 */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const paths = {
  charts: join(repoRoot, "charts"),
  schemas: join(repoRoot, "schemas"),
  environments: join(repoRoot, "environments"),
  apps: join(repoRoot, "apps"),
  generatedTypes: join(repoRoot, "tools", "src", "generated"),
};
