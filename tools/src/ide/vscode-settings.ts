import type { PlannedFile } from "../files/planned-files.js";
import { vscodeYamlSchemas } from "./modelines.js";

export const VSCODE_SETTINGS_PATH = ".vscode/settings.json";

/**
 * Settings every checkout gets, next to the generated `yaml.schemas` mapping:
 * - Helm templates are Go templates, not YAML: handing them to the YAML extension would flag every
 *   `{{ }}` as a syntax error, so they get the `helm` language (highlighted by the Kubernetes
 *   extension when installed, plain text otherwise).
 * - validation, hover and completion are the YAML extension's defaults, spelled out so a user
 *   setting that turned them off does not silently win in this workspace.
 */
const FIXED_SETTINGS = {
  "files.associations": { "**/charts/*/templates/**": "helm" },
  "yaml.validate": true,
  "yaml.hover": true,
  "yaml.completion": true,
} as const;

/** The full `.vscode/settings.json` object for the repository at `root`. */
export function vscodeSettings(root: string): Record<string, unknown> {
  return { ...FIXED_SETTINGS, "yaml.schemas": vscodeYamlSchemas(root) };
}

/** `.vscode/settings.json` as a planned file, for `nx run generate:schemas` to write and drift-check. */
export function planVscodeSettings(root: string): PlannedFile {
  return { path: VSCODE_SETTINGS_PATH, content: `${JSON.stringify(vscodeSettings(root), null, 2)}\n` };
}
