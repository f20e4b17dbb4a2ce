import { isLayer, LAYERS, type Layer } from "./layers.js";
import { problem, type Problem, type SourceLocation } from "../gitops/problems.js";
import { parseYamlSource } from "../gitops/yaml-source.js";

/** Chart.yaml annotations that place a chart in the component catalog. */
export const ANNOTATIONS = {
  layer: "platform.mcp-security.io/layer",
  group: "platform.mcp-security.io/group",
  dependencies: "platform.mcp-security.io/dependencies",
} as const;

/** Where a component's chart comes from: a chart of this repository, or an upstream chart repository. */
/** `digest` (upstream charts, optional): the sha256 of the chart package, `sha256:<64 hex>`, checked by the bootstrap before it installs the package. */
export type ComponentSource = { kind: "chart"; path: string } | { kind: "upstream"; repoURL: string; chart: string; version: string; digest?: string };

/**
 * One deployable component: an application chart under charts/ (metadata in its Chart.yaml
 * annotations), or an upstream chart described by schemas/upstream/<name>.json (metadata in its
 * `x-upstream` block, see upstream-component.ts).
 */
export interface CatalogComponent {
  name: string;
  /** The file declaring the component (`charts/<name>/Chart.yaml` or `schemas/upstream/<name>.json`), where metadata problems are reported. */
  definedIn: string;
  source: ComponentSource;
  /** The schema the environments' values files are validated against (and their modeline points at). */
  valuesSchemaFile: string;
  version: string;
  description: string;
  layer: Layer;
  group: string;
  /** Names of the components this one needs running first. */
  dependencies: string[];
  /** Where the dependencies are declared, for dependency problems; computed on demand. */
  locateDependencies: () => SourceLocation;
  /** The namespace the component belongs in when the environment does not say (upstream charts); else the layer's. */
  namespace?: string;
  /** Sync with server-side apply regardless of the environment (large CRDs). */
  serverSideApply: boolean;
  /**
   * The Pod Security level its pods need when it is not "restricted" (e.g. a node agent on host
   * namespaces), with the reason. The namespace it is deployed to enforces that level instead.
   */
  podSecurity?: PodSecurityException;
}

/** A component that cannot run at Pod Security "restricted": the weaker level it needs, and why. */
export interface PodSecurityException {
  level: "baseline" | "privileged";
  reason: string;
}

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export type ChartMetadataResult = { kind: "component"; component: CatalogComponent } | { kind: "library" } | { kind: "invalid"; problems: Problem[] };

/**
 * Reads one chart's Chart.yaml into a catalog entry. Library charts (such as `common`) deploy
 * nothing and are not components.
 */
export function parseChartMetadata(directoryName: string, chartFile: string, text: string): ChartMetadataResult {
  const source = parseYamlSource(chartFile, text);
  if (source.problems.length > 0) return { kind: "invalid", problems: source.problems };
  const chart = (source.data ?? {}) as Record<string, unknown>;
  if (chart.type === "library") return { kind: "library" };

  const problems: Problem[] = [];
  const at = (path: (string | number)[], target: "key" | "value" = "value") => source.locate(path, target).location;
  if (chart.name !== directoryName) {
    problems.push(problem("GEN010", chartFile, `chart name ${JSON.stringify(chart.name)} differs from its directory "${directoryName}"; the component name is the directory name.`, { location: at(["name"]), path: "name", fix: `Set \`name: ${directoryName}\` in ${chartFile} (or rename the directory).` }));
  }
  const annotations = isRecord(chart.annotations) ? chart.annotations : {};
  const layer = annotations[ANNOTATIONS.layer];
  if (!isLayer(layer)) {
    const found = layer === undefined ? "is missing" : `is ${JSON.stringify(layer)}`;
    problems.push(problem("GEN010", chartFile, `annotation ${ANNOTATIONS.layer} ${found}; it must be one of ${LAYERS.join(", ")}.`, { location: at(["annotations", ANNOTATIONS.layer]), path: `annotations["${ANNOTATIONS.layer}"]`, fix: `Add \`${ANNOTATIONS.layer}: <${LAYERS.join("|")}>\` under \`annotations:\` in ${chartFile}.` }));
  }
  const groupValue = annotations[ANNOTATIONS.group] ?? directoryName;
  if (typeof groupValue !== "string" || !DNS_LABEL.test(groupValue) || groupValue.length > 63) {
    problems.push(problem("GEN010", chartFile, `annotation ${ANNOTATIONS.group} is ${JSON.stringify(groupValue)}; it must be a lowercase DNS label (it becomes a Kubernetes label value).`, { location: at(["annotations", ANNOTATIONS.group]), path: `annotations["${ANNOTATIONS.group}"]` }));
  }
  const dependencies = parseDependencies(annotations[ANNOTATIONS.dependencies]);
  for (const message of dependencies.errors) {
    problems.push(problem("GEN010", chartFile, `annotation ${ANNOTATIONS.dependencies}: ${message}`, { location: at(["annotations", ANNOTATIONS.dependencies]), path: `annotations["${ANNOTATIONS.dependencies}"]`, fix: "Write the dependencies as comma-separated chart names, e.g. `cert-manager, istio-base`." }));
  }
  if (dependencies.names.includes(directoryName)) {
    problems.push(problem("GEN021", chartFile, `dependency cycle: ${directoryName} → ${directoryName} (the chart lists itself).`, { location: at(["annotations", ANNOTATIONS.dependencies]), path: `annotations["${ANNOTATIONS.dependencies}"]` }));
  }
  if (problems.length > 0 || !isLayer(layer)) return { kind: "invalid", problems };
  return {
    kind: "component",
    component: {
      name: directoryName,
      definedIn: chartFile,
      source: { kind: "chart", path: `charts/${directoryName}` },
      valuesSchemaFile: `charts/${directoryName}/values.schema.json`,
      serverSideApply: false,
      version: String(chart.version ?? ""),
      description: String(chart.description ?? ""),
      layer,
      group: groupValue as string,
      dependencies: dependencies.names,
      locateDependencies: () => at(["annotations", ANNOTATIONS.dependencies]),
    },
  };
}

function parseDependencies(value: unknown): { names: string[]; errors: string[] } {
  if (value === undefined || value === null || value === "") return { names: [], errors: [] };
  if (typeof value !== "string") return { names: [], errors: [`must be a string of comma-separated chart names, not ${JSON.stringify(value)}.`] };
  const names = value.split(",").map((n) => n.trim()).filter((n) => n !== "");
  const errors = names.filter((n) => !DNS_LABEL.test(n)).map((n) => `"${n}" is not a chart name (lowercase letters, digits and dashes).`);
  const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicates.length > 0) errors.push(`"${duplicates[0]}" is listed more than once.`);
  return { names: [...new Set(names)].sort(), errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
