import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import { helmTemplate } from "../../tools/src/helm/helm.js";
import { parseManifests, type KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";

const require = createRequire(import.meta.url);
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** The infrastructure charts this repository owns. */
export const INFRASTRUCTURE_CHARTS = ["cert-issuers", "istio-config", "monitoring-config", "postgresql", "secret-stores"] as const;

/**
 * Where the environments run the infrastructure charts: the layer namespace, except where the chart's
 * objects must sit next to an upstream component (monitoring-config's AlertmanagerConfig and Grafana
 * Secret next to kube-prometheus-stack, the database next to the services' Redis in `data`).
 */
export const CHART_NAMESPACES: Record<(typeof INFRASTRUCTURE_CHARTS)[number], string> = {
  "cert-issuers": "infrastructure",
  "istio-config": "infrastructure",
  "monitoring-config": "monitoring",
  postgresql: "data",
  "secret-stores": "infrastructure",
};

/** `helm template` (Helm 4) of a chart of the repository, parsed; fails with Helm's message. */
export function renderChart(chart: string, namespace: string, valuesFiles: readonly string[]): KubeObject[] {
  const result = helmTemplate("helm", join(repoRoot, "charts", chart), { releaseName: chart, namespace, valuesFiles: [...valuesFiles] });
  if (result.status !== 0) throw new Error(`helm template ${chart} ${valuesFiles.join(" ")} failed:\n${result.stderr}`);
  return parseManifests(result.stdout, `charts/${chart}`);
}

export function environmentValuesFile(environment: string, component: string): string {
  return join(repoRoot, "environments", environment, "values", `${component}.yaml`);
}

/** The `x-upstream` block of a schemas/upstream/<component>.json file. */
export interface UpstreamSource {
  repoURL: string;
  chart: string;
  version: string;
  layer: "infrastructure";
  group: string;
  dependencies: string[];
  namespace: string;
  serverSideApply: boolean;
}

export interface UpstreamComponent {
  name: string;
  file: string;
  schema: Record<string, unknown>;
  upstream: UpstreamSource;
}

const DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

/** The shape of `x-upstream`; the generator reads exactly these fields. */
export const UPSTREAM_SOURCE_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["repoURL", "chart", "version", "layer", "group", "dependencies", "namespace", "serverSideApply"],
  properties: {
    repoURL: { type: "string", pattern: "^(https://|oci://)[^\\s]+[^/]$" },
    chart: { type: "string", pattern: DNS_LABEL },
    version: { type: "string", pattern: "^v?[0-9]+\\.[0-9]+\\.[0-9]+$" },
    layer: { const: "infrastructure" },
    group: { type: "string", pattern: DNS_LABEL },
    dependencies: { type: "array", items: { type: "string", pattern: DNS_LABEL }, uniqueItems: true },
    namespace: { type: "string", pattern: DNS_LABEL },
    serverSideApply: { type: "boolean" },
  },
} as const;

export const UPSTREAM_DIR = join(repoRoot, "schemas", "upstream");

/** Every schemas/upstream/*.json, sorted by name. */
export function upstreamComponents(dir = UPSTREAM_DIR): UpstreamComponent[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const schema = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
      return { name: file.slice(0, -".json".length), file: `schemas/upstream/${file}`, schema, upstream: schema["x-upstream"] as UpstreamSource };
    });
}

/**
 * A strict draft-07 validator: unknown keywords in the schema are errors (catching a misspelled
 * `additionalProperties`), except the platform's own `x-upstream`.
 */
export function strictValidator(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-upstream", metaSchema: UPSTREAM_SOURCE_SCHEMA });
  return ajv.compile(schema);
}

export function readYaml(file: string): unknown {
  return parse(readFileSync(file, "utf8"));
}

/** Dependencies of the infrastructure charts, from their Chart.yaml annotations. */
export function chartDependencies(chart: string): string[] {
  const manifest = parse(readFileSync(join(repoRoot, "charts", chart, "Chart.yaml"), "utf8")) as { annotations?: Record<string, string> };
  const value = manifest.annotations?.["platform.mcp-security.io/dependencies"] ?? "";
  return value.split(",").map((d) => d.trim()).filter(Boolean);
}

/** The value at a dotted path of a parsed document (`pilot.autoscaleMin`); undefined when absent. */
export function pick(document: unknown, path: string): unknown {
  let current = document;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
