import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { applicationCharts } from "../../tools/src/charts/discover.js";
import { createValidator } from "../../tools/src/gitops/schema-validation.js";
import { repoRoot } from "../../tools/src/paths.js";
import { effectiveSchema, isPlainObject, type JsonSchema } from "../../tools/src/schemas/json-schema.js";
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
  "istio-ingressgateway", "istiod", "jaeger", "kiali-server", "kube-prometheus-stack",
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
  const objects = valuesUnder(values, new Set(["extraDeploy", "extraObjects"])).flatMap((v) => (Array.isArray(v.value) ? v.value : []));
  return new Set(objects.filter((o) => onlyFakeStoreObjects([o])).map((o) => (o as { spec: { target?: { name?: string } }; metadata: { name: string } }).spec.target?.name ?? (o as { metadata: { name: string } }).metadata.name));
}

/**
 * Secrets the monitoring-config chart writes for upstream components (`grafanaAdmin`: Grafana's
 * admin Secret; `kialiSigningKey`: Kiali's signing key) from the fake store in development: its
 * development values over the chart's defaults.
 */
function platformFakeStoreTargets(): Set<string> {
  const defaults = readYaml(join(repoRoot, "charts", "monitoring-config", "values.yaml")) as Record<string, unknown>;
  const values = (readYaml(environmentValuesFile("development", "monitoring-config")) ?? {}) as Record<string, unknown>;
  return new Set(
    ["grafanaAdmin", "kialiSigningKey"]
      .map((block) => ({ ...(defaults[block] as Record<string, unknown>), ...(values[block] as Record<string, unknown> | undefined) }))
      .filter((block) => block.enabled === true && pick(block, "secretStoreRef.name") === "vault-development")
      .map((block) => block.secretName as string),
  );
}

/** The Secret a credential value names: the value itself, or `<Secret>` of Kiali's `secret:<Secret>:<key>`. */
function secretNamed(value: unknown): unknown {
  return typeof value === "string" ? (/^secret:([^:]+):/.exec(value)?.[1] ?? value) : value;
}

function onlyFakeStoreObjects(list: unknown): boolean {
  return Array.isArray(list) && list.every((o) => (o as { kind?: string }).kind === "ExternalSecret" && (o as { spec?: { secretStoreRef?: { name?: string } } }).spec?.secretStoreRef?.name === "vault-development");
}

const CREDENTIAL_KEYS = new Set(["existingSecret", "userSecret", "tokenSecretRef", "extraDeploy", "extraObjects", "extraManifests", "admin", "signing_key"]);
const REPLICA_KEYS = new Set(["replicas", "replicaCount", "minReplicas", "autoscaleMin"]);

describe("environment footprints", () => {
  it("development needs no real credentials: any secret it references is filled from the fake vault-development store", () => {
    const found = components.flatMap((c) => {
      const values = valuesOf("development", c.name);
      const fromFakeStore = new Set([...fakeStoreTargets(values), ...platformFakeStoreTargets()]);
      return valuesUnder(values, CREDENTIAL_KEYS)
        .filter((v) => !(/\.(extraDeploy|extraObjects)$/.test(v.path) && onlyFakeStoreObjects(v.value)))
        .filter((v) => !(isPlainObject(v.value) && v.path.endsWith(".admin") && fromFakeStore.has((v.value as { existingSecret?: string }).existingSecret ?? "")))
        .filter((v) => !fromFakeStore.has(secretNamed(v.value) as string))
        .map((v) => `${c.name}${v.path}`);
    });
    expect(found).toEqual([]);
  });

  it("the credentials check notices a secret that the fake store does not fill", () => {
    const values = { auth: { existingSecret: "redis-auth" } };
    expect(valuesUnder(values, CREDENTIAL_KEYS).filter((v) => typeof v.value === "string" && !fakeStoreTargets(values).has(v.value)).map((v) => v.path)).toEqual([".auth.existingSecret"]);
    expect(onlyFakeStoreObjects([{ kind: "ExternalSecret", spec: { secretStoreRef: { name: "vault-production" } } }])).toBe(false);
    expect(secretNamed("secret:kiali-login-token:signing-key")).toBe("kiali-login-token");
    expect(valuesUnder({ login_token: { signing_key: "secret:kiali-login-token:signing-key" } }, CREDENTIAL_KEYS).map((v) => v.path)).toEqual([".login_token.signing_key"]);
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
    expect(pick(valuesOf("staging", "jaeger"), "allInOne.enabled")).toBe(true);
    expect(pick(valuesOf("staging", "kiali-server"), "external_services.tracing.enabled")).toBe(true);
  });

  it("production runs HA control planes: istiod >= 3 through the autoscaler minimum, Prometheus >= 2, Alertmanager >= 2", () => {
    const istiod = valuesOf("production", "istiod");
    expect(pick(istiod, "autoscaleEnabled")).toBe(true);
    expect(pick(istiod, "autoscaleMin")).toBeGreaterThanOrEqual(3);
    expect(pick(istiod, "global.defaultPodDisruptionBudget.enabled")).toBe(true);
    const kps = valuesOf("production", "kube-prometheus-stack");
    expect(pick(kps, "prometheus.prometheusSpec.replicas")).toBeGreaterThanOrEqual(2);
    expect(pick(kps, "prometheus.prometheusSpec.podAntiAffinity")).toBe("hard");
    expect(pick(kps, "alertmanager.alertmanagerSpec.replicas")).toBeGreaterThanOrEqual(2);
    expect(pick(valuesOf("production", "istio-ingressgateway"), "autoscaling.minReplicas")).toBeGreaterThanOrEqual(2);
  });

  it("staging and production keep traces in Badger on a claim that Argo CD never deletes; development keeps them in memory", () => {
    for (const environment of ["staging", "production"]) {
      const jaeger = valuesOf(environment, "jaeger");
      expect(pick(jaeger, "storage.type"), environment).toBe("badger");
      expect(pick(jaeger, "storage.badger.ephemeral"), environment).toBe(false);
      const claimName = pick(jaeger, "storage.badger.persistence.useExistingPvcName");
      const mountPath = pick(jaeger, "storage.badger.persistence.mountPath") as string;
      const claims = (pick(jaeger, "extraObjects") as { kind: string; metadata: { name: string; annotations?: Record<string, string> } }[]).filter((o) => o.kind === "PersistentVolumeClaim");
      expect(claims.map((c) => c.metadata.name), environment).toEqual([claimName]);
      expect(claims[0]!.metadata.annotations?.["argocd.argoproj.io/sync-options"], environment).toBe("Prune=false,Delete=false");
      // Jaeger v2 reads its storage only from the configuration file: a badger backend with its directories on the claim.
      const config = parse(pick(jaeger, "userconfig") as string) as unknown;
      const badger = pick(config, "extensions.jaeger_storage.backends.primary_store.badger");
      expect(pick(badger, "ephemeral"), environment).toBe(false);
      for (const directory of ["keys", "values"]) expect(String(pick(badger, `directories.${directory}`)), `${environment} ${directory}`).toMatch(new RegExp(`^${mountPath}/`));
      expect(pick(config, "exporters.jaeger_storage_exporter.trace_storage"), environment).toBe("primary_store");
    }
    expect(pick(valuesOf("development", "jaeger"), "storage.type")).toBe("memory");
  });

  it("istiod exports the Envoy statistic the authorization alert reads, and traces to Jaeger", () => {
    for (const environment of ENVIRONMENTS) {
      const istiod = valuesOf(environment, "istiod");
      expect(pick(istiod, "meshConfig.defaultConfig.proxyStatsMatcher.inclusionSuffixes")).toContain("rbac.denied");
      // The Service jaeger 4.1.5 renders for the collector (templates/allinone-collector-svc.yaml), with a cluster IP.
      expect(pick(istiod, "meshConfig.extensionProviders")).toContainEqual({ name: "otel-tracing", opentelemetry: { service: "jaeger-collector.monitoring.svc.cluster.local", port: 4317 } });
      expect(pick(valuesOf(environment, "jaeger"), "allInOne.service.headless")).toBe(false);
      // Kiali reads traces over gRPC from the query Service (templates/allinone-query-svc.yaml).
      expect(pick(valuesOf(environment, "kiali-server"), "external_services.tracing.internal_url")).toBe("http://jaeger-query.monitoring.svc.cluster.local:16685");
    }
  });
});
