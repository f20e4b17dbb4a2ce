import { helmChartArgs } from "../../upstream/chart-reference.js";
import type { EnvironmentPlan, PlannedComponent } from "../environment-plan.js";
import { isArgoCdChart } from "./argocd-config.js";
import { repoPaths } from "./conventions.js";

/**
 * Argo CD has one source of truth: the `argo-cd` component (the upstream argo-helm chart). The
 * bootstrap installs that same chart, at the same version, with the same release name, namespace
 * and values (the environment's values file and the generated values the Application carries as
 * `helm.valuesObject`, written to a file) — so the Argo CD that the bootstrap installs is exactly
 * the one that then manages itself, and no second set of controllers is ever created. (The
 * argocd-autopilot pattern reaches the same end by pointing the self-managing Application at the
 * bootstrap kustomization; a Helm install keeps the upstream chart, its CRDs and its values schema.)
 */
export function argoCdComponent(plan: EnvironmentPlan): PlannedComponent | undefined {
  return plan.components.find((c) => isArgoCdChart(c.source));
}

/** Where the generated values the bootstrap passes to Helm are written, under apps/<env>/. */
export const BOOTSTRAP_VALUES_FILE = "bootstrap/argo-cd-values.yaml";
export const BOOTSTRAP_SCRIPT_FILE = "bootstrap/install-argo-cd.sh";

/** The `helm upgrade --install` arguments of the bootstrap, paths relative to the repository root. */
export function bootstrapHelmArgs(plan: EnvironmentPlan, component: PlannedComponent): string[] {
  if (component.source.kind !== "upstream") throw new Error(`${component.name} is not an upstream chart`);
  const env = plan.environment.name;
  return [
    "upgrade",
    "--install",
    component.name,
    ...helmChartArgs(component.source),
    "--namespace",
    component.namespace,
    "--create-namespace",
    "--values",
    repoPaths.valuesFile(env, component.name),
    "--values",
    `${repoPaths.appsDir(env)}/${BOOTSTRAP_VALUES_FILE}`,
  ];
}

const shellQuote = (arg: string) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The file `helm pull` writes the pinned chart package to (Helm names it `<chart>-<version>.tgz`). */
export function bootstrapPackageName(component: PlannedComponent): string {
  if (component.source.kind !== "upstream") throw new Error(`${component.name} is not an upstream chart`);
  return `${component.source.chart}-${component.source.version}.tgz`;
}

/** The digest the bootstrap checks the package against: x-upstream.digest, without its `sha256:` prefix. */
export function bootstrapPackageDigest(component: PlannedComponent): string {
  if (component.source.kind !== "upstream" || !component.source.digest) throw new Error(`${component.name} has no x-upstream.digest: the bootstrap cannot verify its package`);
  return component.source.digest.replace(/^sha256:/, "");
}

/**
 * The bootstrap script: run from a checkout of the revision the argo-cd component pins. It pulls the
 * pinned chart package, refuses it unless its sha256 is the one recorded in x-upstream.digest (the
 * package the tests render and review), and installs that file, never a chart fetched a second time.
 */
export function bootstrapScript(plan: EnvironmentPlan, component: PlannedComponent, header: string): string {
  const env = plan.environment.name;
  const install = bootstrapHelmArgs(plan, component);
  const chartArgs = component.source.kind === "upstream" ? helmChartArgs(component.source) : [];
  // `helm upgrade --install <release> <package> <the rest>`: the chart reference and its --repo/--version are the pull's.
  const rest = install.slice(3 + chartArgs.length);
  return [
    "#!/bin/sh",
    `# ${header}`,
    `# Installs Argo CD for ${env} exactly as the self-managed \`${component.name}\` Application renders it:`,
    `# the same chart and version, release name, namespace and values. Run it from a checkout of the`,
    `# revision the ${component.name} component pins (environments/${env}/environment.yaml), with a`,
    "# kubeconfig for the target cluster. HELM selects the Helm binary (default: helm on PATH).",
    `# The chart package must have the sha256 recorded in schemas/upstream/${component.name}.json (x-upstream.digest).`,
    "set -eu",
    'cd "$(dirname "$0")/../../.."',
    'helm="${HELM:-helm}"',
    'work="$(mktemp -d)"',
    "trap 'rm -rf \"$work\"' EXIT",
    `"$helm" pull ${chartArgs.map(shellQuote).join(" ")} --destination "$work"`,
    `package="$work/${bootstrapPackageName(component)}"`,
    `expected=${bootstrapPackageDigest(component)}`,
    'if command -v sha256sum >/dev/null 2>&1; then actual="$(sha256sum "$package" | cut -d " " -f 1)"; else actual="$(shasum -a 256 "$package" | cut -d " " -f 1)"; fi',
    'if [ "$actual" != "$expected" ]; then',
    `  echo "install-argo-cd.sh: $package has sha256 $actual, not $expected (x-upstream.digest in schemas/upstream/${component.name}.json); refusing to install a package other than the reviewed one." >&2`,
    "  exit 1",
    "fi",
    // Not exec: the trap removes the pulled package when Helm returns.
    `"$helm" ${["upgrade", "--install", component.name].map(shellQuote).join(" ")} "$package" ${rest.map(shellQuote).join(" ")} "$@"`,
    "",
  ].join("\n");
}
