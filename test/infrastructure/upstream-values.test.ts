import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applicationCharts } from "../../tools/src/charts/discover.js";
import { createValidator } from "../../tools/src/gitops/schema-validation.js";
import { repoRoot } from "../../tools/src/paths.js";
import { effectiveSchema, type JsonSchema } from "../../tools/src/schemas/json-schema.js";
import { valuesMistakes } from "../support/schema-mistakes.js";
import { ENVIRONMENTS, environmentValuesFile, pick, readYaml, strictValidator, upstreamComponents, type UpstreamComponent } from "./support.js";

/**
 * schemas/upstream/<component>.json describes the values the platform sets for one upstream chart and,
 * in `x-upstream`, where the chart comes from; environments/<env>/values/<component>.yaml are those
 * values. Both must agree, and the values must express each environment's footprint.
 */
const components = upstreamComponents();
const byName = new Map(components.map((c) => [c.name, c]));
const EXPECTED = [
  "argo-cd", "argo-rollouts", "cert-manager", "cloudnative-pg", "external-secrets", "istio-base",
  "istio-ingressgateway", "istiod", "jaeger", "kiali-server", "kube-prometheus-stack", "redis",
];

function valuesOf(environment: string, component: string): Record<string, unknown> {
  return (readYaml(environmentValuesFile(environment, component)) ?? {}) as Record<string, unknown>;
}

function errorsOf(component: UpstreamComponent, values: unknown): string[] {
  const validate = strictValidator(component.schema);
  return validate(values) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`);
}

/** Every property described, every object closed or deliberately open: what editors and reviewers rely on. */
function lintUpstreamSchema(schema: JsonSchema, root: JsonSchema, pointer = ""): string[] {
  const problems: string[] = [];
  const node = effectiveSchema(root, schema);
  if (node.properties && node.additionalProperties === undefined) problems.push(`${pointer}: object without an additionalProperties decision`);
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    const effective = effectiveSchema(root, property);
    if (!effective.description) problems.push(`${pointer}/properties/${name}: no description`);
    problems.push(...lintUpstreamSchema(property, root, `${pointer}/properties/${name}`));
  }
  if (node.items && typeof node.items === "object" && !Array.isArray(node.items)) problems.push(...lintUpstreamSchema(node.items as JsonSchema, root, `${pointer}/items`));
  if (node.additionalProperties && typeof node.additionalProperties === "object") problems.push(...lintUpstreamSchema(node.additionalProperties as JsonSchema, root, `${pointer}/additionalProperties`));
  return problems;
}

describe("upstream component schemas", () => {
  it("describe exactly the platform's upstream components", () => {
    expect(components.map((c) => c.name)).toEqual(EXPECTED);
  });

  it("do not reuse the name of a chart of the repository (component names are unique)", () => {
    const charts = new Set(applicationCharts(repoRoot).map((c) => c.name));
    expect(components.filter((c) => charts.has(c.name)).map((c) => c.name)).toEqual([]);
  });

  it.each(components.map((c) => [c.name, c] as const))("%s: strict draft-07 with a valid x-upstream block", (_name, component) => {
    expect(component.schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(component.schema.additionalProperties).toBe(false);
    expect(() => strictValidator(component.schema)).not.toThrow();
    expect(lintUpstreamSchema(component.schema as JsonSchema, component.schema as JsonSchema)).toEqual([]);
    for (const dependency of component.upstream.dependencies) expect(dependency).not.toBe(component.name);
  });

  it("reject a malformed x-upstream block", () => {
    const broken = { ...byName.get("istiod")!.schema, "x-upstream": { ...byName.get("istiod")!.upstream, version: "latest", serverSideApply: "yes" } };
    expect(() => strictValidator(broken)).toThrow(/x-upstream/);
  });

  it("reject a typo in a schema keyword", () => {
    const broken = { ...byName.get("istio-base")!.schema, additionalproperties: false };
    expect(() => strictValidator(broken)).toThrow(/unknown keyword: "additionalproperties"/);
  });
});

describe.each(ENVIRONMENTS.map((e) => [e] as const))("environments/%s/values of the upstream components", (environment) => {
  it.each(components.map((c) => [c.name, c] as const))("%s: has a modeline and validates against its schema", (name, component) => {
    const file = environmentValuesFile(environment, name);
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const [firstLine] = readFileSync(file, "utf8").split("\n");
    expect(firstLine).toBe(`# yaml-language-server: $schema=../../../schemas/upstream/${name}.json`);
    const values = valuesOf(environment, name);
    expect(errorsOf(component, values)).toEqual([]);
    // The generator validates with its own (non-strict) ajv settings; it must agree.
    expect(createValidator(component.schema)(values)).toBe(true);
  });
});

describe("the schemas catch mistakes in the values files", () => {
  it.each(components.map((c) => [c.name, c] as const))("%s: a misspelled key and a wrong type are errors", (name, component) => {
    const production = valuesOf("production", name);
    const mistakes = valuesMistakes(component.schema as JsonSchema);
    expect(mistakes.length, `${name}: no mistake could be derived from the schema`).toBeGreaterThanOrEqual(2);
    for (const mistake of mistakes) {
      const values = { ...production, ...mistake.values };
      expect(errorsOf(component, values), `${name} accepted ${mistake.name}`).not.toEqual([]);
    }
  });
});

/** Every value under one of `keys`, anywhere in a document. */
function valuesUnder(document: unknown, keys: ReadonlySet<string>, path = ""): { path: string; value: unknown }[] {
  if (Array.isArray(document)) return document.flatMap((item, i) => valuesUnder(item, keys, `${path}[${i}]`));
  if (typeof document !== "object" || document === null) return [];
  return Object.entries(document).flatMap(([key, value]) => [
    ...(keys.has(key) ? [{ path: `${path}.${key}`, value }] : []),
    ...valuesUnder(value, keys, `${path}.${key}`),
  ]);
}

/** Names of the Secrets that ExternalSecrets in these values create from the fake development store. */
function fakeStoreTargets(values: unknown): Set<string> {
  const objects = valuesUnder(values, new Set(["extraDeploy"])).flatMap((v) => (Array.isArray(v.value) ? v.value : []));
  return new Set(objects.filter((o) => onlyFakeStoreObjects([o])).map((o) => (o as { spec: { target?: { name?: string } }; metadata: { name: string } }).spec.target?.name ?? (o as { metadata: { name: string } }).metadata.name));
}

function onlyFakeStoreObjects(list: unknown): boolean {
  return Array.isArray(list) && list.every((o) => (o as { kind?: string }).kind === "ExternalSecret" && (o as { spec?: { secretStoreRef?: { name?: string } } }).spec?.secretStoreRef?.name === "vault-development");
}

const CREDENTIAL_KEYS = new Set(["existingSecret", "userSecret", "tokenSecretRef", "extraDeploy", "extraObjects", "extraManifests", "admin"]);
const REPLICA_KEYS = new Set(["replicas", "replicaCount", "minReplicas", "autoscaleMin"]);

describe("environment footprints", () => {
  it("development needs no real credentials: any secret it references is filled from the fake vault-development store", () => {
    const found = components.flatMap((c) => {
      const values = valuesOf("development", c.name);
      const fromFakeStore = fakeStoreTargets(values);
      return valuesUnder(values, CREDENTIAL_KEYS)
        .filter((v) => !(v.path.endsWith(".extraDeploy") && onlyFakeStoreObjects(v.value)))
        .filter((v) => !(typeof v.value === "string" && fromFakeStore.has(v.value)))
        .map((v) => `${c.name}${v.path}`);
    });
    expect(found).toEqual([]);
  });

  it("the credentials check notices a secret that the fake store does not fill", () => {
    const values = { auth: { existingSecret: "redis-auth" } };
    expect(valuesUnder(values, CREDENTIAL_KEYS).filter((v) => typeof v.value === "string" && !fakeStoreTargets(values).has(v.value)).map((v) => v.path)).toEqual([".auth.existingSecret"]);
    expect(onlyFakeStoreObjects([{ kind: "ExternalSecret", spec: { secretStoreRef: { name: "vault-production" } } }])).toBe(false);
  });

  it("development runs the smallest footprint: one replica of everything, no autoscaling", () => {
    const found = components.flatMap((c) =>
      valuesUnder(valuesOf("development", c.name), REPLICA_KEYS)
        .filter((v) => typeof v.value === "number" && v.value > 1)
        .map((v) => `${c.name}${v.path}=${String(v.value)}`),
    );
    expect(found).toEqual([]);
    const autoscaling = components.flatMap((c) => valuesUnder(valuesOf("development", c.name), new Set(["autoscaleEnabled", "enabled"])).filter((v) => v.path.match(/autoscal\w*(\.enabled)?$/i) && v.value === true).map((v) => `${c.name}${v.path}`));
    expect(autoscaling).toEqual([]);
  });

  it("the footprint check notices a second replica", () => {
    expect(valuesUnder({ controller: { replicas: 2 } }, REPLICA_KEYS)).toEqual([{ path: ".controller.replicas", value: 2 }]);
    expect(valuesUnder({ grafana: { admin: { existingSecret: "x" } } }, CREDENTIAL_KEYS).map((v) => v.path)).toEqual([".grafana.admin", ".grafana.admin.existingSecret"]);
  });

  it("staging runs full monitoring: Prometheus with rules, Alertmanager, Grafana, exporters, Jaeger and Kiali", () => {
    const kps = valuesOf("staging", "kube-prometheus-stack");
    for (const path of ["defaultRules.create", "alertmanager.enabled", "grafana.enabled", "kubeStateMetrics.enabled", "nodeExporter.enabled"]) {
      expect(pick(kps, path), path).toBe(true);
    }
    expect(pick(kps, "prometheus.prometheusSpec.storageSpec")).toBeDefined();
    expect(pick(valuesOf("staging", "jaeger"), "jaeger.enabled")).toBe(true);
    expect(pick(valuesOf("staging", "kiali-server"), "external_services.tracing.enabled")).toBe(true);
  });

  it("production runs HA control planes: istiod >= 3 through the autoscaler minimum, Prometheus >= 2, Alertmanager >= 2", () => {
    const istiod = valuesOf("production", "istiod");
    expect(pick(istiod, "pilot.autoscaleEnabled")).toBe(true);
    expect(pick(istiod, "pilot.autoscaleMin")).toBeGreaterThanOrEqual(3);
    expect(pick(istiod, "global.defaultPodDisruptionBudget.enabled")).toBe(true);
    const kps = valuesOf("production", "kube-prometheus-stack");
    expect(pick(kps, "prometheus.prometheusSpec.replicas")).toBeGreaterThanOrEqual(2);
    expect(pick(kps, "prometheus.prometheusSpec.podAntiAffinity")).toBe("hard");
    expect(pick(kps, "alertmanager.alertmanagerSpec.replicas")).toBeGreaterThanOrEqual(2);
    expect(pick(valuesOf("production", "istio-ingressgateway"), "autoscaling.minReplicas")).toBeGreaterThanOrEqual(2);
  });

  it("Redis persists, authenticates and serves TLS in staging and production, and is in-memory in development", () => {
    for (const environment of ["staging", "production"]) {
      const redis = valuesOf(environment, "redis");
      for (const path of ["master.persistence.enabled", "auth.enabled", "auth.acl.enabled", "tls.enabled"]) expect(pick(redis, path), `${environment} ${path}`).toBe(true);
      expect(pick(redis, "auth.existingSecret")).toBe("redis-auth");
    }
    const development = valuesOf("development", "redis");
    expect(pick(development, "architecture")).toBe("standalone");
    expect(pick(development, "master.persistence.enabled")).toBe(false);
  });

  it("istiod exports the Envoy statistic the authorization alert reads, and traces to Jaeger", () => {
    for (const environment of ENVIRONMENTS) {
      const istiod = valuesOf(environment, "istiod");
      expect(pick(istiod, "meshConfig.defaultConfig.proxyStatsMatcher.inclusionSuffixes")).toContain("rbac.denied");
      expect(pick(istiod, "meshConfig.extensionProviders")).toContainEqual({ name: "otel-tracing", opentelemetry: { service: "jaeger.monitoring.svc.cluster.local", port: 4317 } });
    }
  });
});
