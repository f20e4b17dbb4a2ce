import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import { helmTemplate } from "../../tools/src/helm/helm.js";
import { parseManifests, type KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { locateUpstreamChart } from "../../tools/src/upstream/chart-locator.js";

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
    // An https Helm repository, or an OCI registry path without scheme (`quay.io/jetstack/charts`), the
    // form Argo CD 3.x needs for a Helm chart from an OCI registry (argo-cd v3.4.4 docs/user-guide/helm.md:38).
    repoURL: { type: "string", pattern: "^(https://[^\\s]+[^/]|[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)+)$" },
    chart: { type: "string", pattern: DNS_LABEL },
    version: { type: "string", pattern: "^v?[0-9]+\\.[0-9]+\\.[0-9]+$" },
    layer: { const: "infrastructure" },
    group: { type: "string", pattern: DNS_LABEL },
    dependencies: { type: "array", items: { type: "string", pattern: DNS_LABEL }, uniqueItems: true },
    namespace: { type: "string", pattern: DNS_LABEL },
    serverSideApply: { type: "boolean" },
    // The sha256 of the chart package, which the bootstrap verifies (tools/src/gitops/manifests/argocd-bootstrap.ts).
    digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
    // A weaker Pod Security level the chart's pods need, with the reason (tools/src/catalog/upstream-component.ts).
    podSecurity: { type: "object", additionalProperties: false, required: ["level", "reason"], properties: { level: { enum: ["baseline", "privileged"] }, reason: { type: "string", minLength: 20 } } },
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

/**
 * The package of the upstream chart a schemas/upstream/<component>.json pins, found by the project's
 * locator (the directory UPSTREAM_CHARTS names, the local cache, else a pull of exactly that version).
 * A package found nowhere is an error naming every place looked at, never a skip.
 */
export function upstreamChartPackage(source: Pick<UpstreamSource, "repoURL" | "chart" | "version">): string {
  return locateUpstreamChart({ repoURL: source.repoURL, chart: source.chart, version: source.version });
}

/** One chart of a package: its values.yaml, its files (paths relative to the chart), its subcharts by values key. */
export interface ChartNode {
  name: string;
  /** Path of the chart inside the package (`kube-prometheus-stack/charts/grafana`). */
  path: string;
  values: Record<string, unknown>;
  files: ReadonlyMap<string, string>;
  /** Subcharts under the key their values live at in the parent (the dependency's alias, else its name). */
  subcharts: ReadonlyMap<string, ChartNode>;
}

/** Every regular file under a directory, by its path relative to it. */
function filesUnder(root: string, directory = root): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) for (const [name, bytes] of filesUnder(root, path)) files.set(name, bytes);
    else if (entry.isFile()) files.set(relative(root, path), readFileSync(path));
  }
  return files;
}

/** Every file of a .tgz, by its path in the archive (unpacked by the system's `tar`, which reads every tar dialect Helm writes). */
function readTarGz(file: string): Map<string, Buffer> {
  const scratch = mkdtempSync(join(tmpdir(), "upstream-chart-"));
  try {
    execFileSync("tar", ["-xzf", file, "-C", scratch], { stdio: ["ignore", "ignore", "pipe"] });
    return filesUnder(scratch);
  } catch (error) {
    throw new Error(`${file}: cannot unpack the chart package (${(error as Error).message.trim()}); check that it is a .tgz written by \`helm package\`.`, { cause: error });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A chart package read into memory, subcharts included (`helm package` stores them unpacked under charts/). */
export function readChartPackage(file: string): ChartNode {
  if (!statSync(file).isFile()) throw new Error(`${file} is not a chart package file`);
  const archive = readTarGz(file);
  const roots = [...new Set([...archive.keys()].map((name) => name.split("/")[0]!))];
  if (roots.length !== 1) throw new Error(`${file}: a chart package has one top-level directory, found ${roots.join(", ") || "none"}`);
  return chartAt(archive, roots[0]!, file);
}

function chartAt(archive: ReadonlyMap<string, Buffer>, path: string, origin: string): ChartNode {
  const prefix = `${path}/`;
  const files = new Map<string, string>();
  for (const [name, bytes] of archive) if (name.startsWith(prefix) && !name.endsWith(".tgz")) files.set(name.slice(prefix.length), bytes.toString("utf8"));
  const manifestText = files.get("Chart.yaml");
  if (manifestText === undefined) throw new Error(`${origin}: ${path}/Chart.yaml is missing`);
  const manifest = parse(manifestText) as { name: string; dependencies?: { name: string; alias?: string }[] };
  const values = (parse(files.get("values.yaml") ?? "") ?? {}) as Record<string, unknown>;
  const subcharts = new Map<string, ChartNode>();
  for (const dependency of manifest.dependencies ?? []) {
    const directory = `${path}/charts/${dependency.name}`;
    if (!archive.has(`${directory}/Chart.yaml`)) {
      throw new Error(`${origin}: dependency ${dependency.name} of ${path} is not unpacked inside the package (${directory}/); rebuild the package with \`helm dependency build\` and \`helm package\`.`);
    }
    subcharts.set(dependency.alias ?? dependency.name, chartAt(archive, directory, origin));
  }
  return { name: manifest.name, path, values, files, subcharts };
}
