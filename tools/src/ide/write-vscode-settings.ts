import { findDrift, writePlannedFiles } from "../files/planned-files.js";
import { repoRoot } from "../paths.js";
import { planVscodeSettings, VSCODE_SETTINGS_PATH } from "./vscode-settings.js";

/**
 * npx tsx tools/src/ide/write-vscode-settings.ts [--check]
 * Writes .vscode/settings.json (the yaml.schemas mapping of every chart, environment and test
 * suite); --check writes nothing and fails when the committed file differs.
 */
function main(argv: string[]): number {
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`write-vscode-settings: unknown argument ${unknown.join(" ")}. Usage: npx tsx tools/src/ide/write-vscode-settings.ts [--check]`);
    return 2;
  }
  const planned = [planVscodeSettings(repoRoot)];
  if (argv.includes("--check")) {
    const drift = findDrift(repoRoot, planned);
    if (drift.length === 0) return 0;
    console.error(drift.map((d) => d.patch).join("\n"));
    console.error(`write-vscode-settings: ${VSCODE_SETTINGS_PATH} is out of date. Run \`npx tsx tools/src/ide/write-vscode-settings.ts\` and commit the result.`);
    return 1;
  }
  const { written } = writePlannedFiles(repoRoot, planned);
  console.log(written.length > 0 ? `wrote ${VSCODE_SETTINGS_PATH}` : `${VSCODE_SETTINGS_PATH} is up to date`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
