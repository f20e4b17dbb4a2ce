import { describe, expect, it } from "vitest";
import { extractFieldGraph } from "./field-schema-extract.js";
import { loadFieldGraph } from "./field-schema-cache.js";
import { findUnknownFields, rootKey, suggestField, type FieldGraph } from "./field-schema.js";
import { allKindModulesOfInstalledPackages, MODEL_PACKAGES } from "./model-packages.js";
import { knownKinds, loadModel, lookupKind } from "./model-registry.js";
import { validateObject } from "./validate.js";
import { repoRoot } from "../paths.js";

describe("findUnknownFields", () => {
  // 0: object {name, items[], labels map, config open}; 1: leaf; 2: array of 3; 3: object {value}; 4: map of 1; 5: open
  const graph: FieldGraph = {
    nodes: [
      { name: "Thing", properties: { name: 1, items: 2, labels: 4, config: 5 } },
      {},
      { items: 3 },
      { name: "Item", properties: { value: 1 } },
      { additional: 1 },
      { open: true },
    ],
    roots: { "test/v1/Thing": 0 },
  };

  it("accepts known fields, map keys and anything under an open object", () => {
    const value = { name: "a", items: [{ value: 1 }], labels: { any: "x" }, config: { whatever: { deep: 1 } } };
    expect(findUnknownFields(graph, 0, value)).toEqual([]);
  });

  it("reports unknown fields with their path, type name and suggestion", () => {
    const value = { nmae: "a", items: [{ value: 1 }, { valeu: 2, zzz: 3 }] };
    expect(findUnknownFields(graph, 0, value)).toEqual([
      { path: ["nmae"], field: "nmae", typeName: "Thing", suggestion: "name" },
      { path: ["items", 1, "valeu"], field: "valeu", typeName: "Item", suggestion: "value" },
      { path: ["items", 1, "zzz"], field: "zzz", typeName: "Item" },
    ]);
  });

  it("leaves type mismatches to the model validation", () => {
    expect(findUnknownFields(graph, 0, { name: { not: "a string" }, items: { not: "an array" } })).toEqual([]);
  });
});

describe("suggestField", () => {
  it.each([
    ["replicaz", "replicas"],
    ["securitycontext", "securityContext"],
    ["sepc", "spec"],
    ["intervall", "interval"],
  ])("suggests %s → %s", (typo, expected) => {
    expect(suggestField(typo, ["replicas", "securityContext", "spec", "interval", "status"])).toBe(expected);
  });

  it("suggests nothing when no name is close", () => {
    expect(suggestField("bogus", ["image", "name", "args", "command"])).toBeUndefined();
    expect(suggestField("x", ["y"])).toBeUndefined();
  });
});

describe("extractFieldGraph reads the model declarations with the TypeScript compiler", () => {
  const wanted = (apiVersion: string, kind: string) =>
    allKindModulesOfInstalledPackages().find((k) => k.apiVersion === apiVersion && k.kind === kind)!;
  const kinds = [wanted("apps/v1", "Deployment"), wanted("v1", "Service")];
  const graph = extractFieldGraph(kinds, repoRoot);
  const root = (apiVersion: string, kind: string) => graph.roots[rootKey(apiVersion, kind)]!;

  it("derives the fields of core types, including nested containers", () => {
    const deployment = { spec: { template: { spec: { containers: [{ name: "a", imagee: "x" }] } } } };
    expect(findUnknownFields(graph, root("apps/v1", "Deployment"), deployment)).toEqual([
      {
        path: ["spec", "template", "spec", "containers", 0, "imagee"],
        field: "imagee",
        typeName: "Container",
        suggestion: "image",
      },
    ]);
  });

  it("names nested types as Kubernetes does, not after kubernetes-models' OpenAPI definition names", () => {
    const service = { metadata: { labelz: {} }, spec: { ports: [{ port: 80, targetPortt: 8080 }] } };
    expect(findUnknownFields(graph, root("v1", "Service"), service).map((u) => [u.path.join("."), u.typeName])).toEqual([
      ["metadata.labelz", "ObjectMeta"],
      ["spec.ports.0.targetPortt", "ServicePort"],
    ]);
  });

  it("matches the graph that validateObject uses", () => {
    const cached = loadFieldGraph().graph;
    const count = (g: FieldGraph, id: number) => Object.keys(g.nodes[id]!.properties ?? {}).sort();
    const key = rootKey("apps/v1", "Deployment");
    expect(count(cached, cached.roots[key]!)).toEqual(count(graph, graph.roots[key]!));
  });
});

describe("the registry covers every kind of the model package and the upstream CRDs", () => {
  it("knows the kinds this project uses", () => {
    const kinds = new Set(knownKinds().map((k) => `${k.apiVersion} ${k.kind}`));
    for (const expected of [
      "v1 Service",
      "apps/v1 Deployment",
      "batch/v1 CronJob",
      "policy/v1 PodDisruptionBudget",
      "networking.k8s.io/v1 NetworkPolicy",
      "security.istio.io/v1 AuthorizationPolicy",
      "security.istio.io/v1 PeerAuthentication",
      "networking.istio.io/v1 VirtualService",
      "telemetry.istio.io/v1 Telemetry",
      "monitoring.coreos.com/v1 ServiceMonitor",
      "monitoring.coreos.com/v1 PodMonitor",
      "monitoring.coreos.com/v1 PrometheusRule",
      "monitoring.coreos.com/v1 Prometheus",
      "monitoring.coreos.com/v1 Alertmanager",
      "monitoring.coreos.com/v1alpha1 AlertmanagerConfig",
      "argoproj.io/v1alpha1 Rollout",
      "argoproj.io/v1alpha1 AnalysisTemplate",
      "argoproj.io/v1alpha1 ClusterAnalysisTemplate",
      "external-secrets.io/v1 ExternalSecret",
      "external-secrets.io/v1 SecretStore",
      "external-secrets.io/v1 ClusterSecretStore",
      "cert-manager.io/v1 Certificate",
      "cert-manager.io/v1 Issuer",
      "cert-manager.io/v1 ClusterIssuer",
      "argoproj.io/v1alpha1 Application",
      "argoproj.io/v1alpha1 AppProject",
      "argoproj.io/v1alpha1 ApplicationSet",
    ]) {
      expect(kinds, expected).toContain(expected);
    }
    const packages = new Set(allKindModulesOfInstalledPackages().map((k) => k.packageName));
    for (const pkg of MODEL_PACKAGES.filter((p) => !p.optional)) expect(packages).toContain(pkg.name);
  });

  it("loads every discovered model class and has a field schema for it", () => {
    const { graph } = loadFieldGraph();
    const modules = allKindModulesOfInstalledPackages();
    expect(modules.length).toBeGreaterThan(100);
    for (const module of modules) {
      const model = loadModel(module);
      expect([model.apiVersion, model.kind]).toEqual([module.apiVersion, module.kind]);
      expect(graph.roots[rootKey(module.apiVersion, module.kind)], `${module.apiVersion} ${module.kind}`).toBeDefined();
      expect(lookupKind(module.apiVersion, module.kind)?.module).toBe(module);
    }
  });

  it("validates a minimal object of every kind without crashing", () => {
    for (const { apiVersion, kind } of knownKinds()) {
      const problems = validateObject({ apiVersion, kind, metadata: { name: "x" }, bogusField: 1 });
      expect(problems.map((p) => p.path)).toContain("bogusField");
    }
  });
});
