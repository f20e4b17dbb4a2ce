import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { LAYERS, type Layer } from "../src/catalog/layers.js";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";

/**
 * A synthetic repository for the benchmark: `components` charts spread over the three layers with
 * a dependency DAG, and `environments` environments enabling all of them, each with a values file
 * per component. Chart schemas are shaped like the platform's real ones (shared building blocks
 * under `definitions`, chart-specific settings inline, `additionalProperties: false` everywhere)
 * and every chart's schema differs, so no compile is saved by identical content.
 */
export interface SyntheticSize {
  components: number;
  environments: number;
  /** Clusters of each production environment (every third); one, written as no `clusters:`, when absent. */
  productionClusters?: number;
  /** Component names, in order (default svc-0000, svc-0001, ...): a test chooses names whose order depends on the locale. */
  names?: readonly string[];
}

/** One environment of the synthetic repository, as the Helm peer needs it. */
export interface SyntheticEnvironment {
  name: string;
  production: boolean;
  /** Its clusters, the home cluster first; empty for one cluster. */
  clusters: { name: string; server: string }[];
}

export interface SyntheticComponent {
  name: string;
  layer: Layer;
  dependencies: string[];
}

export function syntheticComponents(count: number, names?: readonly string[]): SyntheticComponent[] {
  const components: SyntheticComponent[] = [];
  for (let i = 0; i < count; i++) {
    const layer: Layer = i < count * 0.2 ? "infrastructure" : i < count * 0.5 ? "platform" : "application";
    // Up to two dependencies on earlier components of the same or an earlier layer: a DAG by construction.
    const dependencies = [i - 1, i - 7]
      .filter((j) => j >= 0 && i % 3 !== 0)
      .map((j) => components[j] as SyntheticComponent)
      .filter((d) => LAYERS.indexOf(d.layer) <= LAYERS.indexOf(layer))
      .map((d) => d.name);
    components.push({ name: names?.[i] ?? `svc-${String(i).padStart(4, "0")}`, layer, dependencies: [...new Set(dependencies)] });
  }
  return components;
}

const str = (description: string, value: string, extra: Record<string, unknown> = {}) => ({ type: "string", description, default: value, ...extra });
const int = (description: string, value: number, minimum = 0) => ({ type: "integer", description, default: value, minimum });
const bool = (description: string, value: boolean) => ({ type: "boolean", description, default: value });
const object = (description: string, properties: Record<string, unknown>) => ({ type: "object", description, additionalProperties: false, properties });

/** Building blocks every chart shares (the real charts inline theirs the same way). */
const BLOCKS = {
  image: object("Container image.", { registry: str("Registry.", "ghcr.io"), repository: str("Repository.", "example/app"), tag: str("Tag.", "", { pattern: "^$|^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" }), digest: str("Digest.", "", { pattern: "^$|^sha256:[a-f0-9]{64}$" }), pullPolicy: str("Pull policy.", "IfNotPresent", { enum: ["Always", "IfNotPresent", "Never"] }) }),
  quantity: { type: ["string", "number"], description: "A Kubernetes quantity.", pattern: "^$|^[0-9.]+[a-zA-Z]*$" },
  resources: object("Resources.", {
    requests: object("Requests.", { cpu: { $ref: "#/definitions/quantity", default: "100m" }, memory: { $ref: "#/definitions/quantity", default: "128Mi" } }),
    limits: object("Limits.", { cpu: { $ref: "#/definitions/quantity", default: "" }, memory: { $ref: "#/definitions/quantity", default: "256Mi" } }),
  }),
  autoscaling: object("Autoscaling.", { enabled: bool("Create an HPA.", false), minReplicas: int("Min.", 2, 1), maxReplicas: int("Max.", 5, 1), targetCPUUtilizationPercentage: int("CPU target.", 70, 1) }),
  pdb: object("Disruption budget.", { enabled: bool("Create a PDB.", true), minAvailable: { type: ["integer", "string"], description: "Min available.", default: "" }, maxUnavailable: { type: ["integer", "string"], description: "Max unavailable.", default: 1 } }),
  caller: object("A caller.", { app: str("App.", "", { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }), namespace: str("Namespace.", "") }),
  networkPolicy: object("NetworkPolicy.", { enabled: bool("Create it.", true), allowedCallers: { type: "array", description: "Callers.", items: { $ref: "#/definitions/caller" }, default: [] } }),
  probe: object("Probe.", { enabled: bool("On.", true), path: str("Path.", "/healthz", { pattern: "^/" }), periodSeconds: int("Period.", 10, 1), failureThreshold: int("Failures.", 3, 1) }),
};

function chartSchema(index: number): Record<string, unknown> {
  const ref = (block: string) => ({ allOf: [{ $ref: `#/definitions/${block}` }] });
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `svc-${index} values`,
    type: "object",
    additionalProperties: false,
    properties: {
      global: { type: "object", description: "Global values.", default: {}, additionalProperties: true },
      replicaCount: int("Replicas.", 2, 1),
      image: ref("image"),
      resources: ref("resources"),
      autoscaling: ref("autoscaling"),
      pdb: ref("pdb"),
      networkPolicy: ref("networkPolicy"),
      livenessProbe: ref("probe"),
      readinessProbe: ref("probe"),
      config: object("Chart-specific settings.", {
        logLevel: str("Log level.", "info", { enum: ["debug", "info", "warn", "error"] }),
        [`feature${index}`]: bool("A setting only this chart has.", false),
        limits: object("Limits.", { maxSessions: int("Sessions.", 100 + index, 1), timeoutSeconds: int("Timeout.", 30, 1) }),
        upstream: object("An integration.", { url: str("URL.", "http://upstream:8080", { pattern: "^https?://" }), mock: bool("Use the mock.", false) }),
      }),
    },
    definitions: BLOCKS,
  };
}

/** The defaults of a schema, the way the schema pipeline derives values.yaml. */
function defaultsOf(schema: Record<string, unknown>, definitions: Record<string, Record<string, unknown>>): unknown {
  const node = schema.allOf ? definitions[String((schema.allOf as { $ref: string }[])[0]?.$ref).split("/").pop() as string] ?? schema : schema;
  if (schema.default !== undefined) return schema.default;
  if (node.default !== undefined) return node.default;
  if (!node.properties) return undefined;
  return Object.fromEntries(Object.entries(node.properties as Record<string, Record<string, unknown>>).map(([key, child]) => [key, defaultsOf(child, definitions)]).filter(([, value]) => value !== undefined));
}

function environmentValues(component: SyntheticComponent, env: number): Record<string, unknown> {
  const production = env % 3 === 2;
  return {
    replicaCount: production ? 3 : 1,
    resources: { requests: { cpu: production ? "500m" : "50m", memory: production ? "512Mi" : "64Mi" } },
    autoscaling: { enabled: production, minReplicas: 3, maxReplicas: 10 },
    pdb: { enabled: production },
    config: { logLevel: production ? "info" : "debug", upstream: { mock: !production } },
    image: { repository: `example/${component.name}` },
  };
}

function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/**
 * Makes `root` a Git repository whose `main` is one (empty) commit and returns its SHA: the
 * generator verifies every pin in the repository it runs in, so the synthetic environments pin it.
 */
function initRepository(root: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.com" };
  for (const args of [["init", "--quiet", "--initial-branch=main"], ["commit", "--quiet", "--allow-empty", "--no-verify", "--message", "synthetic catalog"]]) {
    const result = run("git", args, { cwd: root, env });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${root}: ${result.stderr}`);
  }
  return run("git", ["rev-parse", "HEAD"], { cwd: root, env }).stdout.trim();
}

/**
 * Writes the synthetic repository under `root` (which must be empty): a Git repository whose
 * staging and production environments pin the commit of `main` (development follows `main`), as
 * this repository's do. Production environments run in `productionClusters` clusters when asked.
 */
export function writeSyntheticRepository(root: string, size: SyntheticSize): { components: SyntheticComponent[]; environments: SyntheticEnvironment[] } {
  const components = syntheticComponents(size.components, size.names);
  const commit = initRepository(root);
  mkdirSync(join(root, "schemas"), { recursive: true });
  cpSync(join(repoRoot, "schemas", "environment.json"), join(root, "schemas", "environment.json"));
  components.forEach((component, index) => {
    const schema = chartSchema(index);
    const annotations: Record<string, string> = { "platform.mcp-security.io/layer": component.layer, "platform.mcp-security.io/group": `group-${index % 7}` };
    if (component.dependencies.length > 0) annotations["platform.mcp-security.io/dependencies"] = component.dependencies.join(", ");
    write(root, `charts/${component.name}/Chart.yaml`, stringify({ apiVersion: "v2", name: component.name, type: "application", version: "0.1.0", annotations }));
    write(root, `charts/${component.name}/values.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
    write(root, `charts/${component.name}/values.yaml`, stringify(defaultsOf(schema, BLOCKS as unknown as Record<string, Record<string, unknown>>)));
  });
  // Every component renders one Deployment (the AppProjects' whitelists come from this file).
  write(root, "schemas/component-kinds.json", `${JSON.stringify({ components: Object.fromEntries(components.map((c) => [c.name, { namespaced: ["apps/Deployment"], cluster: [] }])) }, null, 2)}\n`);
  const environments: SyntheticEnvironment[] = [];
  for (let env = 0; env < size.environments; env++) {
    const name = `env-${String(env).padStart(2, "0")}`;
    const tier = env % 3 === 2 ? "production" : env % 3 === 1 ? "staging" : "development";
    const revision = tier === "development" ? "main" : commit;
    const clusters = tier === "production" && (size.productionClusters ?? 1) > 1 ? syntheticClusters(name, size.productionClusters as number) : [];
    const document = {
      name,
      tier,
      repository: { url: "https://example.com/platform.git" },
      destination: { server: "https://kubernetes.default.svc" },
      domain: `${name}.example.com`,
      notifications: { subscriptions: [{ trigger: "on-sync-failed", service: "slack", recipients: [`${name}-alerts`] }] },
      ...(clusters.length > 0 ? { clusters } : {}),
      // Production pins images by digest too (GEN037).
      components: Object.fromEntries(components.map((c) => [c.name, tier === "production" ? { enabled: true, chartRevision: revision, imageTag: "v1.0.0", imageDigest: `sha256:${"0".repeat(64)}` } : { enabled: true, chartRevision: revision, imageTag: "main" }])),
    };
    write(root, `environments/${name}/environment.yaml`, `# yaml-language-server: $schema=../environment.schema.json\n${stringify(document)}`);
    for (const component of components) {
      write(root, `environments/${name}/values/${component.name}.yaml`, `# yaml-language-server: $schema=../../../charts/${component.name}/values.schema.json\n${stringify(environmentValues(component, env))}`);
    }
    environments.push({ name, production: tier === "production", clusters: clusters.map((c) => ({ name: c.name, server: c.server ?? "https://kubernetes.default.svc" })) });
  }
  return { components, environments };
}

/** `count` clusters in three regions: the first is where Argo CD runs, every other is registered from the secret store. */
function syntheticClusters(env: string, count: number): { name: string; region: string; server?: string; credentials?: { secretStore: string; key: string } }[] {
  const regions = ["eu-west-1", "us-east-1", "ap-south-1"];
  return Array.from({ length: count }, (_, i) => {
    const name = `c${String(i).padStart(2, "0")}`;
    const region = regions[i % regions.length] as string;
    return i === 0 ? { name, region } : { name, region, server: `https://${name}.${env}.k8s.example.com:6443`, credentials: { secretStore: "vault", key: `platform/${env}/clusters/${name}` } };
  });
}
