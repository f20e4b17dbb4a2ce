import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { componentApplications, objectsOf, sourcesOf } from "../support/component-renders.js";

type Rendered = KubeObject;
const componentApplications_ = componentApplications().filter((c) => !c.upstream);

/** The environments differ the way the design says, checked on what Argo CD would apply. */
describe("environment differences on the rendered objects", () => {
  const TIERS = ["development", "staging", "production"];
  const componentsIn = (env: string) => new Set(componentApplications_.filter((c) => c.env === env).map((c) => c.component));
  /** Workloads every tier runs (charts taking an image tag; the checks below read their pod template). */
  const takesImage = new Set(componentApplications_.filter((c) => sourcesOf(c.application).some((s) => s.helm?.parameters?.some((p) => p.name === "image.tag"))).map((c) => c.component));
  const components = [...componentsIn("production")].filter((component) => takesImage.has(component) && TIERS.every((env) => componentsIn(env).has(component)));
  const objects = (env: string, component: string) => objectsOf(env, component);
  const kinds = (env: string, component: string) => objects(env, component).map((o) => o.kind);
  const find = (env: string, component: string, kind: string) => objects(env, component).find((o) => o.kind === kind) as (Rendered & { spec: Record<string, any>; data?: Record<string, string> }) | undefined;
  /** The component's own object of a kind (named after the release), where a chart renders several (e.g. scan-pod policies). */
  const findMain = (env: string, component: string, kind: string) =>
    (objects(env, component).find((o) => o.kind === kind && o.metadata?.name === component) ?? find(env, component, kind)) as ReturnType<typeof find>;
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

  it.each(components)("%s: disruption budgets, Istio AuthorizationPolicies and ServiceMonitors outside development only; NetworkPolicies with egress everywhere (issue 18.2: every namespace denies by default)", (component) => {
    for (const kind of ["PodDisruptionBudget", "AuthorizationPolicy", "ServiceMonitor"]) {
      expect(kinds("development", component)).not.toContain(kind);
      expect(kinds("staging", component)).toContain(kind);
      expect(kinds("production", component)).toContain(kind);
    }
    for (const env of ["development", "staging", "production"]) {
      expect(kinds(env, component)).toContain("NetworkPolicy");
      expect(findMain(env, component, "NetworkPolicy")?.spec.policyTypes, `${env} ${component}`).toContain("Egress");
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
    const provider = (env: string) => Object.keys((objects(env, "secret-stores").find((o) => o.kind === "ClusterSecretStore" && o.metadata?.name === `vault-${env}`) as (Rendered & { spec: { provider: object } }) | undefined)?.spec.provider ?? {});
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
  const withCallers = componentApplications_.filter((c) => c.env === "production" && JSON.stringify(sourcesOf(c.application)[0]?.helm?.valuesObject ?? {}).includes("allowedCallers"));
  it.each(withCallers.map((c) => [c.application.metadata.name, c] as const))("%s: the generated callers are the ones its policies admit", (_name, { application }) => {
    const component = componentApplications_.find((c) => c.application === application)?.component as string;
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
