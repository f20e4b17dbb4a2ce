import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applicationCharts } from "../../tools/src/charts/discover.js";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { CHART_NAMESPACES, ENVIRONMENTS, INFRASTRUCTURE_CHARTS, chartDependencies, environmentValuesFile, pick, readYaml, renderChart, upstreamComponents } from "./support.js";

/**
 * The infrastructure layer's dependency graph (chart annotations + x-upstream dependencies) is what the
 * generator turns into sync waves. Whatever a component renders needs its CRD provider earlier: the
 * required edges are derived from the rendered objects and the upstream values, not listed by hand.
 */
type Graph = Map<string, string[]>;

function infrastructureGraph(): Graph {
  const graph: Graph = new Map();
  for (const chart of INFRASTRUCTURE_CHARTS) graph.set(chart, chartDependencies(chart));
  for (const component of upstreamComponents()) graph.set(component.name, component.upstream.dependencies);
  return graph;
}

/** Everything `node` waits for, directly or transitively. */
function prerequisites(graph: Graph, node: string, seen = new Set<string>()): Set<string> {
  for (const dependency of graph.get(node) ?? []) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    prerequisites(graph, dependency, seen);
  }
  return seen;
}

function cycles(graph: Graph): string[] {
  const found: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "visiting") return void found.push([...path.slice(path.indexOf(node)), node].join(" -> "));
    state.set(node, "visiting");
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) visit(node, []);
  return found;
}

/** The component providing the CRDs of an API group. */
const PROVIDERS: Record<string, string> = {
  "monitoring.coreos.com": "kube-prometheus-stack",
  "cert-manager.io": "cert-manager",
  "acme.cert-manager.io": "cert-manager",
  "external-secrets.io": "external-secrets",
  "generators.external-secrets.io": "external-secrets",
  "postgresql.cnpg.io": "cloudnative-pg",
  "networking.istio.io": "istio-base",
  "security.istio.io": "istio-base",
  "telemetry.istio.io": "istio-base",
  "argoproj.io": "argo-rollouts",
};

/** What a component needs first because of the objects it renders: CRD providers, and the components owning what they name. */
function requiredPrerequisites(objects: readonly KubeObject[]): Set<string> {
  const required = new Set<string>();
  for (const obj of objects) {
    const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0]! : "";
    if (PROVIDERS[group]) required.add(PROVIDERS[group]);
    if (obj.kind === "ExternalSecret" && pick(obj.spec, "secretStoreRef.kind") === "ClusterSecretStore") required.add("secret-stores");
    if (obj.kind === "Certificate" && pick(obj.spec, "issuerRef.kind") === "ClusterIssuer") required.add("cert-issuers");
    if (obj.kind === "Gateway" && obj.apiVersion.startsWith("networking.istio.io/")) required.add("istio-ingressgateway");
  }
  return required;
}

/** The CRs an upstream chart renders because of its values: monitors switched on, extra objects. */
function upstreamRequirements(values: unknown): Set<string> {
  const required = new Set<string>();
  const visit = (node: unknown, path: string[]) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, path));
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (/^(service|pod)monitor(enabled)?$/i.test(key) && (value === true || pick(value, "enabled") === true)) required.add("kube-prometheus-stack");
      if (["extraDeploy", "extraObjects", "extraManifests"].includes(key) && Array.isArray(value)) {
        for (const extra of value as KubeObject[]) for (const r of requiredPrerequisites([extra])) required.add(r);
      }
      visit(value, [...path, key]);
    }
  };
  visit(values, []);
  return required;
}

const graph = infrastructureGraph();

describe("infrastructure dependency graph", () => {
  it("names only known components and has no cycle", () => {
    const unknown = [...graph].flatMap(([node, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${node} -> ${d}`));
    expect(unknown).toEqual([]);
    expect(cycles(graph)).toEqual([]);
  });

  it("the cycle check finds a cycle", () => {
    const broken: Graph = new Map(graph);
    broken.set("kube-prometheus-stack", ["monitoring-config"]);
    expect(cycles(broken)).toContain("kube-prometheus-stack -> monitoring-config -> kube-prometheus-stack");
  });

  it.each([
    ["cloudnative-pg", "postgresql"],
    ["istio-base", "istiod"],
    ["istiod", "istio-ingressgateway"],
    ["istio-ingressgateway", "istio-config"],
    ["kube-prometheus-stack", "monitoring-config"],
    ["cert-manager", "cert-issuers"],
    ["external-secrets", "secret-stores"],
  ])("%s comes before %s", (provider, user) => {
    expect([...prerequisites(graph, user)]).toContain(provider);
  });

  describe.each(ENVIRONMENTS.map((e) => [e] as const))("%s", (environment) => {
    it.each(INFRASTRUCTURE_CHARTS.map((c) => [c] as const))("%s waits for the providers of every kind it renders", (chart) => {
      const objects = renderChart(chart, CHART_NAMESPACES[chart], [environmentValuesFile(environment, chart)]);
      const have = prerequisites(graph, chart);
      expect([...requiredPrerequisites(objects)].filter((r) => r !== chart && !have.has(r))).toEqual([]);
    });

    it.each(upstreamComponents().map((c) => [c.name] as const))("%s waits for the providers its values switch on", (name) => {
      const have = prerequisites(graph, name);
      const values = readYaml(environmentValuesFile(environment, name));
      expect([...upstreamRequirements(values)].filter((r) => r !== name && !have.has(r))).toEqual([]);
    });
  });

  it("the check notices a missing provider", () => {
    const broken: Graph = new Map(graph);
    broken.set("postgresql", ["kube-prometheus-stack", "secret-stores"]);
    const objects = renderChart("postgresql", "data", [environmentValuesFile("production", "postgresql")]);
    const have = prerequisites(broken, "postgresql");
    expect([...requiredPrerequisites(objects)].filter((r) => !have.has(r))).toEqual(["cloudnative-pg"]);
    expect([...upstreamRequirements({ metrics: { serviceMonitor: { enabled: true } } })]).toEqual(["kube-prometheus-stack"]);
  });

  it("charts with the Argo Rollouts canary option run in later layers than argo-rollouts", () => {
    const withRollouts = applicationCharts(repoRoot).filter((chart) => {
      const schema = JSON.parse(readFileSync(join(chart.dir, "values.schema.json"), "utf8")) as { properties?: Record<string, unknown> };
      return schema.properties && "rollout" in schema.properties;
    });
    expect(withRollouts.length).toBeGreaterThan(0);
    for (const chart of withRollouts) {
      const layer = (chart.chart.annotations as Record<string, string> | undefined)?.["platform.mcp-security.io/layer"];
      expect(layer, `${chart.name} renders Rollouts but sits in the ${layer} layer`).not.toBe("infrastructure");
    }
    expect(upstreamComponents().find((c) => c.name === "argo-rollouts")?.upstream.layer).toBe("infrastructure");
  });
});
