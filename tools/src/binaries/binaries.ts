import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths.js";

/** The external programs the project drives, each extracted by `npm ci` (tools/install/extract-binaries.mjs). */
export type BinaryName = "helm" | "helm3" | "kubectl";

const OVERRIDES: Record<BinaryName, string> = {
  helm: "HELM_BIN",
  helm3: "HELM3_BIN",
  kubectl: "KUBECTL_BIN",
};

const DESCRIPTIONS: Record<BinaryName, string> = {
  helm: "Helm 4.1",
  helm3: "Helm 3.17",
  kubectl: "kubectl",
};

/**
 * Absolute path of a binary: the override variable when set, else the copy `npm ci` extracted.
 * Never a binary found on PATH, so every run uses the versions the project pins.
 */
export function resolveBinary(name: BinaryName, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[OVERRIDES[name]];
  if (override) {
    if (!existsSync(override)) {
      throw new Error(`${OVERRIDES[name]}=${override} does not exist. Point it at a ${DESCRIPTIONS[name]} binary or unset it to use the one npm ci installs.`);
    }
    return override;
  }
  const bundled = join(repoRoot, "node_modules", ".platform-bin", name);
  if (!existsSync(bundled)) {
    throw new Error(`${DESCRIPTIONS[name]} is not installed at ${bundled}. Run \`npm ci\` (its postinstall extracts it), or set ${OVERRIDES[name]}.`);
  }
  return bundled;
}

/** The two Helm majors every chart must render identically under. */
export const HELM_VERSIONS = [
  { label: "helm4", binary: "helm" as const },
  { label: "helm3", binary: "helm3" as const },
];
