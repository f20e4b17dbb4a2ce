import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblems, validateObject, type KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { CHART_NAMESPACES, ENVIRONMENTS, INFRASTRUCTURE_CHARTS, environmentValuesFile, pick, readYaml, renderChart } from "./support.js";

/**
 * The infrastructure charts as the environments run them: rendered with environments/<env>/values,
 * every object valid (CloudNativePG included), production locked down, development free of credentials.
 */
const rendered = new Map<string, KubeObject[]>();
function render(environment: string, chart: (typeof INFRASTRUCTURE_CHARTS)[number]): KubeObject[] {
  const key = `${environment}/${chart}`;
  if (!rendered.has(key)) rendered.set(key, renderChart(chart, CHART_NAMESPACES[chart], [environmentValuesFile(environment, chart)]));
  return rendered.get(key)!;
}
const renderAll = (environment: string) => INFRASTRUCTURE_CHARTS.flatMap((chart) => render(environment, chart));

describe.each(ENVIRONMENTS.map((e) => [e] as const))("%s", (environment) => {
  it.each(INFRASTRUCTURE_CHARTS.map((c) => [c] as const))("%s renders valid objects from its environment values", (chart) => {
    const objects = render(environment, chart);
    expect(objects.length).toBeGreaterThan(0);
    expect(formatProblems(objects.flatMap((obj) => validateObject(obj)))).toBe("");
  });
});

/** Objects of a kind, by `<namespace>/<name>`. */
function find(objects: readonly KubeObject[], kind: string, namespace: string, name: string): KubeObject | undefined {
  return objects.find((o) => o.kind === kind && o.metadata?.namespace === namespace && o.metadata?.name === name);
}

/** STRICT mesh-wide mTLS and the mesh-wide deny, or what is wrong. */
function meshLockdownProblems(objects: readonly KubeObject[], rootNamespace = "istio-system"): string[] {
  const problems: string[] = [];
  const peer = find(objects, "PeerAuthentication", rootNamespace, "default");
  const mode = (peer?.spec as { mtls?: { mode?: string } } | undefined)?.mtls?.mode;
  if (mode !== "STRICT") problems.push(`mesh-wide PeerAuthentication ${rootNamespace}/default has mode ${mode ?? "(none rendered)"}, not STRICT`);
  for (const other of objects.filter((o) => o.kind === "PeerAuthentication")) {
    const spec = other.spec as { mtls?: { mode?: string }; portLevelMtls?: Record<string, { mode?: string }> } | undefined;
    const modes = [spec?.mtls?.mode, ...Object.values(spec?.portLevelMtls ?? {}).map((p) => p.mode)].filter(Boolean);
    if (modes.some((m) => m !== "STRICT")) problems.push(`PeerAuthentication ${other.metadata?.namespace}/${other.metadata?.name} relaxes mTLS (${modes.join(", ")})`);
  }
  const denyAll = objects.find((o) => o.kind === "AuthorizationPolicy" && o.metadata?.namespace === rootNamespace && JSON.stringify(o.spec ?? {}) === "{}");
  if (!denyAll) problems.push(`no AuthorizationPolicy with an empty spec (deny-all) in ${rootNamespace}`);
  return problems;
}

describe("mesh lockdown", () => {
  it.each(["staging", "production"] as const)("%s renders STRICT mTLS and default-deny everywhere", (environment) => {
    expect(meshLockdownProblems(renderAll(environment))).toEqual([]);
  });

  it("development is allowed PERMISSIVE mTLS without the deny-all, and the check says so", () => {
    expect(meshLockdownProblems(render("development", "istio-config"))).toEqual([
      "mesh-wide PeerAuthentication istio-system/default has mode PERMISSIVE, not STRICT",
      "PeerAuthentication istio-system/default relaxes mTLS (PERMISSIVE)",
      "no AuthorizationPolicy with an empty spec (deny-all) in istio-system",
    ]);
  });
});

/** A Secret some object reads, by namespace and name. */
interface SecretUse {
  namespace: string;
  name: string;
  by: string;
}

const CLUSTER_RESOURCE_NAMESPACE = "cert-manager";

/**
 * The Secrets the objects read: SecretKeySelectors (`{name, key}` under a field ending in Ref/Secret
 * or named like AlertmanagerConfig's credential fields), CloudNativePG role passwords, TLS credential
 * names, issuer Secrets and ClusterSecretStore tokens. Cluster-scoped issuers read cert-manager's
 * namespace.
 */
function secretUses(objects: readonly KubeObject[]): SecretUse[] {
  const uses: SecretUse[] = [];
  for (const obj of objects) {
    const by = `${obj.kind}/${obj.metadata?.name}`;
    const namespace = obj.metadata?.namespace ?? CLUSTER_RESOURCE_NAMESPACE;
    const visit = (node: unknown, key: string): void => {
      if (Array.isArray(node)) return node.forEach((item) => visit(item, key));
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      const selector = typeof record.name === "string" && (typeof record.key === "string" || key === "passwordSecret" || key === "privateKeySecretRef");
      if (selector && /(Ref|Secret|apiURL|routingKey|authPassword|accessKeyId|secretAccessKey|passwordSecret)$/.test(key)) {
        uses.push({ namespace: typeof record.namespace === "string" ? record.namespace : namespace, name: record.name as string, by });
      }
      for (const [child, value] of Object.entries(record)) {
        if (["credentialName", "secretName"].includes(child) && typeof value === "string" && obj.kind !== "Certificate") uses.push({ namespace, name: value, by });
        visit(value, child);
      }
    };
    if (obj.kind === "ExternalSecret") continue; // it writes a Secret; its store reference is not a Secret
    visit(obj.spec, "spec");
  }
  return uses;
}

/** Secrets created inside the cluster by the rendered objects themselves, with no credential from outside. */
function selfProducedSecrets(objects: readonly KubeObject[]): Set<string> {
  const produced = new Set<string>();
  // Stores that never leave the cluster: the fake provider (development's) and the kubernetes provider,
  // which reads Secrets of this cluster (e.g. the CA CloudNativePG creates, published as postgresql-ca-public).
  const fakeStores = new Set(objects.filter((o) => (o.kind === "ClusterSecretStore" || o.kind === "SecretStore") && (pick(o.spec, "provider.fake") || pick(o.spec, "provider.kubernetes"))).map((o) => o.metadata?.name));
  for (const obj of objects) {
    const namespace = obj.metadata?.namespace ?? "";
    if (obj.kind === "Certificate") produced.add(`${namespace}/${String(pick(obj.spec, "secretName"))}`);
    const accountKey = pick(obj.spec, "acme.privateKeySecretRef.name");
    if (obj.kind === "ClusterIssuer" && typeof accountKey === "string") produced.add(`${CLUSTER_RESOURCE_NAMESPACE}/${accountKey}`);
    if (obj.kind === "ExternalSecret") {
      const dataFrom = pick(obj.spec, "dataFrom");
      const generated = Array.isArray(dataFrom) && dataFrom.some((d) => pick(d, "sourceRef.generatorRef") !== undefined);
      const fromFake = fakeStores.has(pick(obj.spec, "secretStoreRef.name") as string | undefined);
      if (generated || fromFake) produced.add(`${namespace}/${String(pick(obj.spec, "target.name") ?? obj.metadata?.name)}`);
    }
  }
  return produced;
}

describe("development needs no credentials", () => {
  it("every Secret an infrastructure chart reads in development is created inside the cluster", () => {
    const objects = renderAll("development");
    const produced = selfProducedSecrets(objects);
    const uses = secretUses(objects);
    // Not vacuous: development does read Secrets, all of them made in the cluster.
    expect(uses.map((u) => `${u.by} reads ${u.namespace}/${u.name}`)).toEqual(expect.arrayContaining([
      "Gateway/platform-gateway reads istio-system/platform-gateway-tls",
      "ClusterIssuer/platform-issuer reads cert-manager/platform-issuer-ca",
      "Cluster/postgresql reads data/postgresql-authentication-credentials",
    ]));
    const missing = uses.filter((use) => !produced.has(`${use.namespace}/${use.name}`));
    expect(missing.map((m) => `${m.by} reads ${m.namespace}/${m.name}`)).toEqual([]);
    expect(objects.filter((o) => o.kind === "ExternalSecret" && !produced.has(`${o.metadata?.namespace}/${String(pick(o.spec, "target.name"))}`)).map((o) => o.metadata?.name)).toEqual([]);
  });

  it("production reads credentials the cluster cannot create itself (so the check has teeth)", () => {
    const objects = renderAll("production");
    const produced = selfProducedSecrets(objects);
    const external = secretUses(objects).filter((use) => !produced.has(`${use.namespace}/${use.name}`)).map((u) => `${u.by} reads ${u.namespace}/${u.name}`);
    expect(external).toEqual(expect.arrayContaining([
      "ClusterIssuer/platform-issuer reads cert-manager/cert-issuers-cloudflare-api-token",
      "AlertmanagerConfig/monitoring-config-routes reads monitoring/monitoring-config-platform-slack-slack-webhook",
      "Cluster/postgresql reads data/postgresql-authentication-credentials",
      "Cluster/postgresql reads data/postgresql-backup-access-key-id",
    ]));
  });
});

describe("production high availability", () => {
  it("runs PostgreSQL with at least three instances, one per zone, and backs it up", () => {
    const cluster = render("production", "postgresql").find((o) => o.kind === "Cluster")!;
    expect(pick(cluster.spec, "instances")).toBeGreaterThanOrEqual(3);
    expect(pick(cluster.spec, "affinity")).toEqual({ enablePodAntiAffinity: true, podAntiAffinityType: "required", topologyKey: "topology.kubernetes.io/zone" });
    expect(pick(cluster.spec, "backup.barmanObjectStore.destinationPath")).toMatch(/^s3:\/\//);
    expect(render("production", "postgresql").some((o) => o.kind === "ScheduledBackup")).toBe(true);
  });

  it("routes alerts to the notification channels in staging and production, but not in development", () => {
    expect(render("production", "monitoring-config").find((o) => o.kind === "AlertmanagerConfig")).toBeDefined();
    expect(render("staging", "monitoring-config").find((o) => o.kind === "AlertmanagerConfig")).toBeDefined();
    expect(render("development", "monitoring-config").find((o) => o.kind === "AlertmanagerConfig")).toBeUndefined();
  });

  it("issues a self-signed development CA and ACME certificates in staging and production", () => {
    const issuer = (environment: string) => render(environment, "cert-issuers").find((o) => o.kind === "ClusterIssuer" && o.metadata?.name === "platform-issuer")?.spec;
    expect(pick(issuer("development"), "ca.secretName")).toBe("platform-issuer-ca");
    expect(pick(issuer("staging"), "acme.server")).toContain("acme-staging-v02");
    expect(pick(issuer("production"), "acme.server")).toBe("https://acme-v02.api.letsencrypt.org/directory");
  });
});

/** A secret reference to a store: `{secretStoreRef: {name}, remoteRef: {key, property}}` or `remoteKey`. */
interface StoreReference {
  file: string;
  store: string;
  key: string;
  property?: string;
}

function storeReferences(document: unknown, file: string): StoreReference[] {
  const found: StoreReference[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const store = pick(node, "secretStoreRef.name");
    const key = pick(node, "remoteRef.key") ?? pick(node, "remoteKey");
    if (typeof store === "string" && store !== "" && typeof key === "string" && key !== "") {
      const property = pick(node, "remoteRef.property");
      found.push({ file, store, key, ...(typeof property === "string" && property !== "" ? { property } : {}) });
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return found;
}

describe("the service charts' secret references work with the environment's stores", () => {
  const valuesDir = (environment: string) => join(repoRoot, "environments", environment, "values");
  const referencesOf = (environment: string) => [
    ...readdirSync(valuesDir(environment)).filter((f) => f.endsWith(".yaml")).flatMap((f) => storeReferences(readYaml(join(valuesDir(environment), f)), `environments/${environment}/values/${f}`)),
    ...(environment === "development"
      ? readdirSync(join(repoRoot, "charts")).filter((c) => existsSync(join(repoRoot, "charts", c, "ci", "development-values.yaml"))).flatMap((c) => storeReferences(readYaml(join(repoRoot, "charts", c, "ci", "development-values.yaml")), `charts/${c}/ci/development-values.yaml`))
      : []),
  ];

  it.each(ENVIRONMENTS.map((e) => [e] as const))("%s: every referenced ClusterSecretStore is declared by secret-stores", (environment) => {
    const stores = new Set(render(environment, "secret-stores").filter((o) => o.kind === "ClusterSecretStore").map((o) => o.metadata?.name));
    const references = referencesOf(environment);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((r) => !stores.has(r.store)).map((r) => `${r.file}: store ${r.store}`)).toEqual([]);
  });

  it("development: the fake store answers every key and property the development values read", () => {
    const fake = render("development", "secret-stores").find((o) => o.kind === "ClusterSecretStore" && pick(o.spec, "provider.fake"));
    const data = (pick(fake?.spec, "provider.fake.data") ?? []) as { key: string; value: string }[];
    const answers = new Map(data.map((d) => [d.key, d.value]));
    const unanswered = referencesOf("development")
      .filter((r) => r.store === fake?.metadata?.name)
      .filter((r) => {
        const value = answers.get(r.key);
        if (value === undefined) return true;
        if (!r.property) return false;
        try {
          return !(r.property in (JSON.parse(value) as Record<string, unknown>));
        } catch {
          return true;
        }
      })
      .map((r) => `${r.file}: ${r.key}${r.property ? ` (${r.property})` : ""}`);
    expect(unanswered).toEqual([]);
  });
});
