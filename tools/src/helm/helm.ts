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
 * The environment a short-lived Helm runs with: `base` (default: this process's) plus Go runtime
 * settings that change how much CPU it spends, never what it prints. A `helm template` is over in a
 * fraction of a second, most of it start-up, and the default collector (GOGC=100) runs several
 * collections on a heap that dies with the process anyway: GOGC=off leaves it off, and GOMEMLIMIT
 * turns it back on near 512 MiB, so a very large render is still bounded. Both are the runtime's own
 * variables (Go's runtime package documentation, "Environment Variables": "Setting GOGC=off disables
 * the garbage collector entirely", and "The GOMEMLIMIT variable sets a soft memory limit for the
 * runtime", since Go 1.19); `helm version` reports GoVersion go1.25.9 for Helm v4.1.4 and go1.23.7
 * for v3.17.2. Measured here, interleaved, 40 runs each: `helm template` of charts/redis 104 -> 84 ms
 * of CPU, `helm version` 87 -> 67 ms. A value the caller's environment sets wins.
 */
export function helmEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, GOGC: base.GOGC ?? "off", GOMEMLIMIT: base.GOMEMLIMIT ?? "512MiB" };
}

/**
 * `helm template` under the chosen Helm binary; callers inspect status and stderr. `spawn.env`
 * names the environment Helm runs with (default: this process's): a caller holding credentials
 * passes a minimal one.
 */
export function helmTemplate(binary: BinaryName, chartDir: string, options: RenderOptions = {}, spawn: { env?: NodeJS.ProcessEnv } = {}): RunResult {
  return run(resolveBinary(binary), templateArgs(chartDir, options), { env: helmEnvironment(spawn.env) });
}

export function helmLint(binary: BinaryName, chartDir: string, valuesFiles: readonly string[] = [], strict = false): RunResult {
  const args = ["lint", chartDir, ...valuesFiles.flatMap((f) => ["--values", f])];
  if (strict) args.push("--strict");
  return run(resolveBinary(binary), args, { env: helmEnvironment() });
}

export function helmBinary(binary: BinaryName): string {
  return resolveBinary(binary);
}
