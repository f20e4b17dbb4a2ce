import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { repoRoot } from "../../../tools/src/paths.js";

/** A small chart for generator tests: the catalog annotations, a strict schema and one Deployment. */
export interface FixtureChart {
  name: string;
  layer?: string;
  group?: string;
  dependencies?: string;
  type?: "application" | "library";
}

export const FIXTURE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  properties: {
    global: { type: "object", default: {}, additionalProperties: true },
    replicaCount: { type: "integer", minimum: 1, default: 1 },
    image: {
      type: "object",
      additionalProperties: false,
      properties: {
        repository: { type: "string", default: "example/app" },
        tag: { type: "string", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", default: "latest" },
      },
    },
    autoscaling: {
      type: "object",
      additionalProperties: false,
      properties: { enabled: { type: "boolean", default: false }, maxReplicas: { type: "integer", minimum: 1, default: 3 } },
    },
    mode: { type: "string", enum: ["mock", "real"], default: "real" },
    networkPolicy: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean", default: true },
        allowedCallers: {
          type: "array",
          default: [],
          items: { type: "object", additionalProperties: false, required: ["app"], properties: { app: { type: "string" }, namespace: { type: "string" } } },
        },
      },
    },
  },
} as const;

const FIXTURE_VALUES = "replicaCount: 1\nimage:\n  repository: example/app\n  tag: latest\nautoscaling:\n  enabled: false\n  maxReplicas: 3\nmode: real\nnetworkPolicy:\n  enabled: true\n  allowedCallers: []\n";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

export function chartFiles(chart: FixtureChart): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (chart.layer !== undefined) annotations["platform.mcp-security.io/layer"] = chart.layer;
  if (chart.group !== undefined) annotations["platform.mcp-security.io/group"] = chart.group;
  if (chart.dependencies !== undefined) annotations["platform.mcp-security.io/dependencies"] = chart.dependencies;
  const manifest = { apiVersion: "v2", name: chart.name, description: `The ${chart.name} fixture.`, type: chart.type ?? "application", version: "0.1.0", annotations };
  const base = `charts/${chart.name}`;
  if (chart.type === "library") return { [`${base}/Chart.yaml`]: stringify(manifest) };
  return {
    [`${base}/Chart.yaml`]: stringify(manifest),
    [`${base}/values.yaml`]: FIXTURE_VALUES,
    [`${base}/values.schema.json`]: `${JSON.stringify(FIXTURE_SCHEMA, null, 2)}\n`,
    [`${base}/templates/deployment.yaml`]: DEPLOYMENT,
  };
}

/** An upstream component: schemas/upstream/<name>.json with its x-upstream catalog entry and a small strict schema. */
export function upstreamFiles(upstream: { name: string; layer?: string; dependencies?: string[]; namespace?: string; repoURL?: string; version?: string }): Record<string, string> {
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `${upstream.name} values`,
    description: `The ${upstream.name} upstream fixture.`,
    "x-upstream": {
      repoURL: upstream.repoURL ?? "https://charts.example.com",
      chart: upstream.name,
      version: upstream.version ?? "1.2.3",
      layer: upstream.layer ?? "infrastructure",
      group: "upstream",
      dependencies: upstream.dependencies ?? [],
      namespace: upstream.namespace ?? upstream.name,
      serverSideApply: true,
    },
    type: "object",
    additionalProperties: false,
    properties: { replicaCount: { type: "integer", minimum: 1, description: "Replicas." }, crds: { type: "object", additionalProperties: false, description: "CRDs.", properties: { enabled: { type: "boolean", description: "Install them." } } } },
  };
  return { [`schemas/upstream/${upstream.name}.json`]: `${JSON.stringify(schema, null, 2)}\n` };
}

export interface FixtureEnvironment {
  name: string;
  tier?: "development" | "staging" | "production";
  components: Record<string, { enabled: boolean; chartRevision?: string; imageTag?: string }>;
  /** Components that are upstream charts (their default values file points at schemas/upstream/). */
  upstream?: string[];
  /** Values file text per component; an enabled component without an entry gets a minimal valid file. */
  values?: Record<string, string>;
  extra?: Record<string, unknown>;
}

export function modeline(component: string, upstream = false): string {
  return upstream ? `# yaml-language-server: $schema=../../../schemas/upstream/${component}.json` : `# yaml-language-server: $schema=../../../charts/${component}/values.schema.json`;
}

export function environmentFiles(environment: FixtureEnvironment): Record<string, string> {
  const document = {
    name: environment.name,
    tier: environment.tier ?? "development",
    repository: { url: "https://example.com/platform.git" },
    destination: { server: "https://kubernetes.default.svc" },
    domain: `${environment.name}.example.com`,
    ...environment.extra,
    components: environment.components,
  };
  const files: Record<string, string> = {
    [`environments/${environment.name}/environment.yaml`]: `# yaml-language-server: $schema=../environment.schema.json\n${stringify(document)}`,
  };
  for (const [component, pin] of Object.entries(environment.components)) {
    const text = environment.values?.[component] ?? (pin.enabled ? `${modeline(component, environment.upstream?.includes(component))}\nreplicaCount: 1\n` : undefined);
    if (text !== undefined) files[`environments/${environment.name}/values/${component}.yaml`] = text;
  }
  return files;
}

/** A temporary repository root holding the real environment schema and the given files. */
export function writeFixtureRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "gitops-fixture-"));
  mkdirSync(join(root, "schemas"), { recursive: true });
  cpSync(join(repoRoot, "schemas", "environment.json"), join(root, "schemas", "environment.json"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A copy of this repository's generator inputs and committed output, to break in a test without touching the real tree. */
export function copyRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "gitops-copy-"));
  for (const dir of ["charts", "environments", "apps", "schemas"]) cpSync(join(repoRoot, dir), join(root, dir), { recursive: true });
  return root;
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}
