import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "../../tools/src/paths.js";

/**
 * Renovate's own modules, from the pinned `renovate` devDependency (39.264.1, the last release whose
 * engines admit Node 20; see docs/dependencies.md). They are CommonJS; their logger is quietened first.
 */
process.env.LOG_LEVEL = "fatal";
const require = createRequire(join(repoRoot, "package.json"));

export const renovateConfigFile = join(repoRoot, ".github", "renovate.json");
export const validatorBin = join(repoRoot, "node_modules", ".bin", "renovate-config-validator");

export interface CustomManager {
  description?: string;
  customType: "regex";
  fileMatch: string[];
  matchStrings: string[];
  [template: string]: unknown;
}

export interface RenovateConfig {
  schedule?: string[];
  timezone?: string;
  ignorePaths?: string[];
  customManagers: CustomManager[];
  packageRules: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export function readRenovateConfig(): RenovateConfig {
  return JSON.parse(readFileSync(renovateConfigFile, "utf8")) as RenovateConfig;
}

interface RenovateDependency {
  depName?: string;
  packageName?: string;
  currentValue?: string;
  datasource?: string;
  registryUrls?: string[];
}

const regexManager = require("renovate/dist/modules/manager/custom/regex/index.js") as {
  extractPackageFile(content: string, packageFile: string, config: CustomManager): { deps: RenovateDependency[] } | null;
};
const fileMatching = require("renovate/dist/workers/repository/extract/file-match.js") as {
  getMatchingFiles(config: { fileMatch: string[]; ignorePaths?: string[]; manager: string }, files: string[]): string[];
};
const scheduling = require("renovate/dist/workers/repository/update/branch/schedule.js") as {
  isScheduledNow(config: { schedule?: string[]; timezone?: string }): boolean;
};
const presets = require("renovate/dist/config/presets/index.js") as {
  resolveConfigPresets(config: Record<string, unknown>): Promise<Record<string, unknown>>;
};

export const isScheduledNow = scheduling.isScheduledNow;

/** The config with its presets resolved (config:recommended's ignorePaths, for one), as the bot sees it. */
export async function resolvedConfig(config: RenovateConfig): Promise<RenovateConfig> {
  return (await presets.resolveConfigPresets(config as unknown as Record<string, unknown>)) as unknown as RenovateConfig;
}

/** The repository's files as Renovate lists them: tracked plus not-yet-committed, never ignored ones. */
export function repositoryFiles(root = repoRoot): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .sort();
}

/** One dependency as a comparable line: file, name, package, current value, datasource, registry. */
export function pinKey(file: string, dep: RenovateDependency): string {
  const registry = dep.registryUrls?.length ? ` registry=${dep.registryUrls.join(",")}` : "";
  const pkg = dep.packageName && dep.packageName !== dep.depName ? ` package=${dep.packageName}` : "";
  return `${file}: ${dep.depName ?? "?"}${pkg} ${dep.currentValue ?? "?"} (${dep.datasource ?? "?"})${registry}`;
}

/** What Renovate's regex manager extracts with one custom manager: its file matching, then its matchStrings. */
export function extractWithRenovate(manager: CustomManager, files: string[], ignorePaths: string[] = [], root = repoRoot): string[] {
  const matched = fileMatching.getMatchingFiles({ fileMatch: manager.fileMatch, ignorePaths, manager: "regex" }, files);
  return matched.flatMap((file) => {
    const result = regexManager.extractPackageFile(readFileSync(join(root, file), "utf8"), file, manager);
    return (result?.deps ?? []).map((dep) => pinKey(file, dep));
  });
}
