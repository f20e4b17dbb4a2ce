import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { HELM_VERSIONS, resolveBinary } from "../../tools/src/binaries/binaries.js";
import { templateArgs } from "../../tools/src/helm/helm.js";
import { formatProblems, validateRendered } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { run } from "../../tools/src/process/run.js";
import { environmentNames, generatedObjects, parseStream, type GeneratedObject } from "./support/generated.js";

interface Source {
  repoURL: string;
  targetRevision: string;
  path?: string;
  ref?: string;
  helm?: { releaseName?: string; valueFiles?: string[]; valuesObject?: Record<string, unknown>; parameters?: { name: string; value: string; forceString?: boolean }[] };
}

type Rendered = ReturnType<typeof parseStream>[number];

const scratch = mkdtempSync(join(tmpdir(), "gitops-render-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * `helm template` arguments exactly as Argo CD's repo-server builds them for a multi-source
 * Application: the chart path of the chart source (this working tree stands in for the pinned
 * revision), `$values/...` resolved against the `ref: values` source, then `valuesObject` as one
 * more values file, then the parameters (`--set-string` when forced).
 */
function resolveHelmArgs(application: GeneratedObject["object"]): { args: string[]; component: string } {
  const spec = application.spec as { sources: Source[]; destination: { namespace: string } };
  const chart = spec.sources.find((s) => s.path !== undefined) as Source;
  const refs = new Map(spec.sources.filter((s) => s.ref).map((s) => [`$${s.ref}`, s]));
  const valuesFiles = (chart.helm?.valueFiles ?? []).map((file) => {
    const [head, ...rest] = file.split("/");
    const ref = refs.get(head as string);
    expect(ref, `${file} names a ref source`).toBeDefined();
    expect(ref?.repoURL).toBe(chart.repoURL);
    expect(ref?.targetRevision).toBe(chart.targetRevision);
    return join(repoRoot, ...rest);
  });
  if (chart.helm?.valuesObject) {
    const file = join(scratch, `${application.metadata.name}-values-object.yaml`);
    writeFileSync(file, stringify(chart.helm.valuesObject));
    valuesFiles.push(file);
  }
  const args = templateArgs(join(repoRoot, chart.path as string), { releaseName: chart.helm?.releaseName ?? application.metadata.name, namespace: spec.destination.namespace, valuesFiles });
  for (const parameter of chart.helm?.parameters ?? []) args.push(parameter.forceString ? "--set-string" : "--set", `${parameter.name}=${parameter.value}`);
  return { args, component: chart.helm?.releaseName ?? application.metadata.name };
}

/** Whether an AppProject resource list (white- or blacklist) names an object's group and kind, wildcards included. */
function allowed(list: { group: string; kind: string }[], object: { apiVersion: string; kind: string }): boolean {
  const group = object.apiVersion.includes("/") ? (object.apiVersion.split("/")[0] as string) : "";
  return list.some((gk) => (gk.group === "*" || gk.group === group) && (gk.kind === "*" || gk.kind === object.kind));
}

const environments = environmentNames();
const allComponentApplications = environments.flatMap((env) =>
  generatedObjects(env)
    .filter((o) => o.object.kind === "Application" && o.file.includes("/layers/"))
    .map((o) => ({ env, application: o.object })),
);
const sourcesOf = (application: GeneratedObject["object"]) => (application.spec as { sources: Source[] }).sources;
/** Charts of this repository: rendered here from the working tree. Upstream charts come from their repositories and cannot be rendered offline. */
const componentApplications = allComponentApplications.filter((c) => sourcesOf(c.application).some((s) => s.path !== undefined));
const upstreamApplications = allComponentApplications.filter((c) => !sourcesOf(c.application).some((s) => s.path !== undefined));
const renders = new Map<string, Rendered[]>();

describe("upstream component Applications", () => {
  it.each(upstreamApplications.map((c) => [c.application.metadata.name, c] as const))("%s: pins an exact chart version and reads its values from this repository", (_name, { env, application }) => {
    const [chart, values] = sourcesOf(application);
    expect(chart?.targetRevision).toMatch(/^v?\d+\.\d+\.\d+$/);
    expect((chart as Source & { chart?: string }).chart).toMatch(/^[a-z0-9-]+$/);
    expect(chart?.helm?.valueFiles).toEqual([`$values/environments/${env}/values/${chart?.helm?.releaseName}.yaml`]);
    expect(values).toMatchObject({ ref: "values" });
    const project = generatedObjects(env).find((o) => o.object.kind === "AppProject" && o.object.metadata.name === (application.spec as { project: string }).project)?.object.spec as { sourceRepos: string[] };
    expect(project.sourceRepos).toContain(chart?.repoURL);
    expect(project.sourceRepos).toContain(values?.repoURL);
  });
});

describe("Argo CD-equivalent render of every component Application", () => {
  it("there is at least one component Application to render", () => {
    expect(componentApplications.length).toBeGreaterThan(0);
  });

  it("the permission check below matches group and kind exactly, or by wildcard", () => {
    const list = [{ group: "apps", kind: "Deployment" }, { group: "", kind: "Service" }];
    expect(allowed(list, { apiVersion: "apps/v1", kind: "Deployment" })).toBe(true);
    expect(allowed(list, { apiVersion: "v1", kind: "Service" })).toBe(true);
    expect(allowed(list, { apiVersion: "v1", kind: "Secret" })).toBe(false);
    expect(allowed(list, { apiVersion: "apps/v1", kind: "DaemonSet" })).toBe(false);
    expect(allowed([{ group: "*", kind: "*" }], { apiVersion: "x.io/v1", kind: "Y" })).toBe(true);
  });

  it.each(componentApplications.map((c) => [c.application.metadata.name, c] as const))("%s renders under Helm 4 and Helm 3 identically, and every object validates", (_name, { env, application }) => {
    const { args, component } = resolveHelmArgs(application);
    const outputs = HELM_VERSIONS.map(({ label, binary }) => {
      const result = run(resolveBinary(binary), args);
      expect(result.status, `${label}: ${result.stderr}`).toBe(0);
      expect(result.stderr, `${label} stderr`).not.toMatch(/error/i);
      return result.stdout;
    });
    renders.set(`${env}/${component}`, parseStream(outputs[0] as string));
    expect(outputs[1]).toBe(outputs[0]);
    const problems = validateRendered(outputs[0] as string, `${application.metadata.name} (${env})`);
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it.each(componentApplications.map((c) => [c.application.metadata.name, c] as const))("%s deploys only what its AppProject permits", (_name, { env, application }) => {
    const spec = application.spec as { project: string; destination: { server: string; namespace: string } };
    const project = generatedObjects(env).find((o) => o.object.kind === "AppProject" && o.object.metadata.name === spec.project)?.object.spec as {
      destinations: { server: string; namespace: string }[];
      namespaceResourceWhitelist: { group: string; kind: string }[];
      clusterResourceWhitelist: { group: string; kind: string; name?: string }[];
      sourceRepos: string[];
    };
    expect(project).toBeDefined();
    expect(project.destinations).toContainEqual({ server: spec.destination.server, namespace: spec.destination.namespace });
    const sources = (application.spec as { sources: Source[] }).sources;
    for (const source of sources) expect(project.sourceRepos).toContain(source.repoURL);
    const objects = renders.get(`${env}/${resolveHelmArgs(application).component}`) ?? [];
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const label = `${object.kind}/${object.metadata.name}`;
      expect(allowed(project.namespaceResourceWhitelist, object) || allowed(project.clusterResourceWhitelist, object), `${label} is permitted by ${spec.project}`).toBe(true);
      const namespace = object.metadata.namespace ?? spec.destination.namespace;
      if (allowed(project.namespaceResourceWhitelist, object)) expect(project.destinations.map((d) => d.namespace), `${label} goes to a namespace ${spec.project} may deploy to`).toContain(namespace);
    }
  });
});

/** The environments differ the way the design says, checked on what Argo CD would apply. */
describe("environment differences on the rendered objects", () => {
  const TIERS = ["development", "staging", "production"];
  const componentsIn = (env: string) => new Set(componentApplications.filter((c) => c.env === env).map((c) => resolveHelmArgs(c.application).component));
  /** Workloads every tier runs (charts taking an image tag; the checks below read their pod template). */
  const takesImage = new Set(componentApplications.filter((c) => sourcesOf(c.application).some((s) => s.helm?.parameters?.some((p) => p.name === "image.tag"))).map((c) => resolveHelmArgs(c.application).component));
  const components = [...componentsIn("production")].filter((component) => takesImage.has(component) && TIERS.every((env) => componentsIn(env).has(component)));
  const objects = (env: string, component: string) => renders.get(`${env}/${component}`) ?? [];
  const kinds = (env: string, component: string) => objects(env, component).map((o) => o.kind);
  const find = (env: string, component: string, kind: string) => objects(env, component).find((o) => o.kind === kind) as (Rendered & { spec: Record<string, any>; data?: Record<string, string> }) | undefined;
  /** The component's own object of a kind (named after the release), where a chart renders several (e.g. scan-pod policies). */
  const findMain = (env: string, component: string, kind: string) =>
    (objects(env, component).find((o) => o.kind === kind && o.metadata.name === component) ?? find(env, component, kind)) as ReturnType<typeof find>;
  const workload = (env: string, component: string) => findMain(env, component, "Deployment") ?? findMain(env, component, "Rollout") ?? findMain(env, component, "StatefulSet");
  /** Charts whose schema offers an HPA; the others (a StatefulSet owning partitions, a leader-elected connector) scale by replicas. */
  const autoscalable = (component: string) => existsSync(join(repoRoot, "charts", component, "values.schema.json")) && "autoscaling" in ((JSON.parse(readFileSync(join(repoRoot, "charts", component, "values.schema.json"), "utf8")) as { properties?: object }).properties ?? {});
  const replicas = (env: string, component: string) => {
    const hpa = find(env, component, "HorizontalPodAutoscaler");
    return hpa ? (hpa.spec.minReplicas as number) : (workload(env, component)?.spec.replicas as number);
  };

  it("every tier is rendered", () => {
    expect(components.length).toBeGreaterThan(0);
    for (const env of TIERS) for (const component of components) expect(objects(env, component).length, `${env}/${component}`).toBeGreaterThan(0);
  });

  it.each(components)("%s: one replica in development, at least three in production, in between in staging", (component) => {
    expect(replicas("development", component)).toBe(1);
    expect(replicas("staging", component)).toBeGreaterThanOrEqual(2);
    expect(replicas("staging", component)).toBeLessThan(replicas("production", component));
    expect(replicas("production", component)).toBeGreaterThanOrEqual(3);
    expect(kinds("development", component)).not.toContain("HorizontalPodAutoscaler");
    if (autoscalable(component)) expect(kinds("production", component)).toContain("HorizontalPodAutoscaler");
  });

  it.each(components)("%s: disruption budgets, NetworkPolicies, Istio AuthorizationPolicies and ServiceMonitors outside development only", (component) => {
    for (const kind of ["PodDisruptionBudget", "NetworkPolicy", "AuthorizationPolicy", "ServiceMonitor"]) {
      expect(kinds("development", component)).not.toContain(kind);
      expect(kinds("staging", component)).toContain(kind);
      expect(kinds("production", component)).toContain(kind);
    }
    expect(findMain("production", component, "PodDisruptionBudget")?.spec.minAvailable).toBeGreaterThanOrEqual(2);
    expect(findMain("production", component, "NetworkPolicy")?.spec.policyTypes).toContain("Egress");
  });

  it.each(components)("%s: production spreads pods over zones strictly, staging only prefers it, development not at all", (component) => {
    const spread = (env: string) => (workload(env, component)?.spec.template.spec.topologySpreadConstraints ?? []) as { topologyKey: string; whenUnsatisfiable: string }[];
    expect(spread("development")).toEqual([]);
    expect(spread("staging").find((c) => c.topologyKey === "topology.kubernetes.io/zone")?.whenUnsatisfiable).toBe("ScheduleAnyway");
    expect(spread("production").find((c) => c.topologyKey === "topology.kubernetes.io/zone")?.whenUnsatisfiable).toBe("DoNotSchedule");
  });

  it.each(components)("%s: production reserves more resources than staging, staging more than development", (component) => {
    const memory = (env: string) => {
      const quantity = workload(env, component)?.spec.template.spec.containers[0].resources.requests.memory as string;
      return Number.parseInt(quantity, 10) * (quantity.endsWith("Gi") ? 1024 : 1);
    };
    expect(memory("production")).toBeGreaterThan(memory("staging"));
    expect(memory("staging")).toBeGreaterThan(memory("development"));
  });

  const storesOf = (env: string, component: string) => new Set(objects(env, component).filter((o) => o.kind === "ExternalSecret").map((o) => (o as unknown as { spec: { secretStoreRef: { name: string } } }).spec.secretStoreRef.name));
  it.each(components)("%s: never reads another environment's secret store", (component) => {
    for (const env of TIERS) {
      for (const other of TIERS.filter((t) => t !== env)) expect([...storesOf(env, component)], `${component} in ${env} never reads ${other}'s store`).not.toContain(`vault-${other}`);
    }
  });

  it("services read their secrets through their own environment's store (development's is the fake one)", () => {
    for (const env of TIERS) {
      const readers = components.filter((component) => storesOf(env, component).has(`vault-${env}`));
      expect(readers.length, `services reading vault-${env}`).toBeGreaterThan(components.length / 2);
    }
  });

  it("istio-config: mTLS is PERMISSIVE in development and STRICT in staging and production", () => {
    const mode = (env: string) => (find(env, "istio-config", "PeerAuthentication")?.spec.mtls as { mode: string } | undefined)?.mode;
    expect(mode("development")).toBe("PERMISSIVE");
    expect(mode("staging")).toBe("STRICT");
    expect(mode("production")).toBe("STRICT");
  });

  it("secret-stores: development's integrations are mocked (the fake provider), staging and production read Vault", () => {
    const provider = (env: string) => Object.keys((objects(env, "secret-stores").find((o) => o.kind === "ClusterSecretStore" && o.metadata.name === `vault-${env}`) as (Rendered & { spec: { provider: object } }) | undefined)?.spec.provider ?? {});
    expect(provider("development")).toEqual(["fake"]);
    expect(provider("staging")).toEqual(["vault"]);
    expect(provider("production")).toEqual(["vault"]);
  });

  it("postgresql: development's database is a single instance without backups, production's is replicated and backed up", () => {
    const cluster = (env: string) => find(env, "postgresql", "Cluster")?.spec as { instances: number } | undefined;
    expect(cluster("development")?.instances).toBe(1);
    expect(kinds("development", "postgresql")).not.toContain("ScheduledBackup");
    expect(cluster("production")?.instances).toBeGreaterThanOrEqual(3);
    expect(kinds("production", "postgresql")).toContain("ScheduledBackup");
  });

  /** Callers are generated from the other charts' dependency annotations (helm.valuesObject) and must reach the rendered policies. */
  const withCallers = componentApplications.filter((c) => c.env === "production" && JSON.stringify(sourcesOf(c.application)[0]?.helm?.valuesObject ?? {}).includes("allowedCallers"));
  it.each(withCallers.map((c) => [c.application.metadata.name, c] as const))("%s: the generated callers are the ones its policies admit", (_name, { application }) => {
    const component = resolveHelmArgs(application).component;
    const calledBy = ((application.spec as { info: { name: string; value: string }[] }).info.find((i) => i.name === "Called by")?.value ?? "nothing").split(", ").filter((c) => c !== "nothing");
    const networkPolicy = JSON.stringify(findMain("production", component, "NetworkPolicy")?.spec ?? {});
    const authorization = JSON.stringify(findMain("production", component, "AuthorizationPolicy")?.spec ?? {});
    for (const caller of calledBy) {
      expect(networkPolicy, `${caller} may reach ${component}`).toContain(`"${caller}"`);
      expect(authorization, `${caller}'s identity may call ${component}`).toContain(`/sa/${caller}`);
    }
    for (const other of components.filter((c) => c !== component && !calledBy.includes(c))) expect(authorization).not.toContain(`/sa/${other}"`);
  });
});
