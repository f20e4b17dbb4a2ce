import { resolveBinary } from "../binaries/binaries.js";
import { run, type RunResult } from "../process/run.js";

/**
 * `helm install --dry-run=client` of a packaged chart: renders it exactly as an install would,
 * without a cluster. Helm 4 needs no kubeconfig for this; Helm 3.17 still tries to reach one.
 */
export function installDryRun(packageFile: string, releaseName: string, options: { namespace?: string; helmBinary?: string; valuesFiles?: readonly string[] } = {}): RunResult {
  const helm = options.helmBinary ?? resolveBinary("helm");
  return run(helm, ["install", releaseName, packageFile, "--dry-run=client", "--namespace", options.namespace ?? "default", ...(options.valuesFiles ?? []).flatMap((file) => ["--values", file])]);
}

/** The `# Source: <chart>/templates/...` paths of the manifests a dry run printed, in output order. */
export function manifestSources(output: string): string[] {
  return [...output.matchAll(/^# Source: (\S+)$/gm)].map((match) => match[1] ?? "");
}
