import { resolveBinary, type BinaryName } from "../binaries/binaries.js";
import { run, type RunResult } from "../process/run.js";

export interface RenderOptions {
  releaseName?: string;
  namespace?: string;
  valuesFiles?: readonly string[];
  /** `--set` style overrides, already formatted as key=value. */
  set?: readonly string[];
  /** Limit rendering to these template paths (relative to the chart), as `helm template --show-only`. */
  showOnly?: readonly string[];
  kubeVersion?: string;
  apiVersions?: readonly string[];
}

/** Every optional API the charts may target, so renders do not depend on a live cluster's discovery. */
export const PLATFORM_API_VERSIONS = [
  "monitoring.coreos.com/v1",
  "security.istio.io/v1",
  "networking.istio.io/v1",
  "telemetry.istio.io/v1",
  "argoproj.io/v1alpha1",
  "external-secrets.io/v1",
  "cert-manager.io/v1",
  "postgresql.cnpg.io/v1",
  "autoscaling/v2",
  "policy/v1",
];

export const DEFAULT_KUBE_VERSION = "1.33.0";

export function templateArgs(chartDir: string, options: RenderOptions = {}): string[] {
  const args = ["template", options.releaseName ?? "release", chartDir, "--namespace", options.namespace ?? "default"];
  args.push("--kube-version", options.kubeVersion ?? DEFAULT_KUBE_VERSION);
  for (const api of options.apiVersions ?? PLATFORM_API_VERSIONS) args.push("--api-versions", api);
  for (const file of options.valuesFiles ?? []) args.push("--values", file);
  for (const s of options.set ?? []) args.push("--set", s);
  for (const s of options.showOnly ?? []) args.push("--show-only", s);
  return args;
}

/**
 * `helm template` under the chosen Helm binary; callers inspect status and stderr. `spawn.env`
 * names the environment Helm runs with (default: this process's): a caller holding credentials
 * passes a minimal one.
 */
export function helmTemplate(binary: BinaryName, chartDir: string, options: RenderOptions = {}, spawn: { env?: NodeJS.ProcessEnv } = {}): RunResult {
  return run(resolveBinary(binary), templateArgs(chartDir, options), { env: spawn.env });
}

export function helmLint(binary: BinaryName, chartDir: string, valuesFiles: readonly string[] = [], strict = false): RunResult {
  const args = ["lint", chartDir, ...valuesFiles.flatMap((f) => ["--values", f])];
  if (strict) args.push("--strict");
  return run(resolveBinary(binary), args);
}

export function helmBinary(binary: BinaryName): string {
  return resolveBinary(binary);
}
