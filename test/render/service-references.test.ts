import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { valueFilePaths } from "../../tools/src/render/render-application.js";
import { environmentNames, generatedObjects } from "../gitops/support/generated.js";
import { checkoutFor, componentApplications, renderComponent } from "../support/component-renders.js";

/**
 * Every in-cluster address written in an environment's values (the value files its Applications read,
 * at their pinned revision, and the values the generator hands charts through helm.valuesObject) must name a Service that some
 * component of the same environment renders: `<service>.<namespace>.svc[.cluster.local]`, or
 * `<pod>.<service>.<namespace>.svc…` for a pod of a headless Service.
 */
const ADDRESS = /\b(?:[a-z0-9-]+\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)\.([a-z0-9]([a-z0-9-]*[a-z0-9])?)\.svc(?:\.cluster\.local)?\b/g;

function inClusterAddresses(text: string): { service: string; namespace: string; address: string }[] {
  return [...text.matchAll(ADDRESS)].map((m) => ({ service: m[1] as string, namespace: m[3] as string, address: m[0] }));
}

/** The value files each Application of the environment reads, at the revision it reads them (as Argo CD would). */
function addressesOf(env: string): { file: string; service: string; namespace: string; address: string }[] {
  const fromValues = componentApplications()
    .filter((a) => a.env === env && !a.requestError)
    .flatMap((app) => valueFilePaths(app.request, checkoutFor(app.env)).flatMap((path, i) => inClusterAddresses(readFileSync(path, "utf8")).map((a) => ({ ...a, file: `${app.request.valueFiles[i]?.path}@${app.request.valueFiles[i]?.revision}` }))));
  const fromGenerated = generatedObjects(env)
    .filter((o) => o.object.kind === "Application")
    .flatMap((o) => inClusterAddresses(JSON.stringify(o.object.spec ?? {})).map((a) => ({ ...a, file: o.file })));
  return [...fromValues, ...fromGenerated];
}

/** The API server's own Service, which every cluster has (Kubernetes docs, "Accessing the API from within a Pod"). */
const CLUSTER_SERVICES = ["kubernetes.default"];
/**
 * Services an operator creates for a custom resource rather than the chart rendering them:
 * CloudNativePG makes `<cluster>-rw`, `-ro` and `-r` for each Cluster unless
 * `spec.managed.services.disabledDefaultServices` turns ro/r off (cloudnative-pg docs, "Service Management").
 */
function operatorServices(object: { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string }; spec?: unknown }, namespace: string): string[] {
  if (object.kind !== "Cluster" || !object.apiVersion.startsWith("postgresql.cnpg.io/")) return [];
  const disabled = ((object.spec as { managed?: { services?: { disabledDefaultServices?: string[] } } } | undefined)?.managed?.services?.disabledDefaultServices ?? []) as string[];
  return ["rw", "ro", "r"].filter((s) => s === "rw" || !disabled.includes(s)).map((s) => `${object.metadata?.name}-${s}.${namespace}`);
}

function servicesOf(env: string): Set<string> {
  const services = new Set<string>(CLUSTER_SERVICES);
  for (const app of componentApplications().filter((a) => a.env === env)) {
    const destination = (app.application.spec as { destination: { namespace: string } }).destination.namespace;
    for (const object of renderComponent(app).objects) {
      const namespace = object.metadata?.namespace ?? destination;
      if (object.kind === "Service" && object.apiVersion === "v1") services.add(`${object.metadata?.name}.${namespace}`);
      for (const service of operatorServices(object, namespace)) services.add(service);
    }
  }
  return services;
}

describe("inClusterAddresses", () => {
  it("finds service and namespace in the forms clients write, and nothing in external names", () => {
    expect(inClusterAddresses("url: http://jaeger-collector.monitoring.svc.cluster.local:4317/x")).toMatchObject([{ service: "jaeger-collector", namespace: "monitoring" }]);
    expect(inClusterAddresses("host: postgresql-rw.data.svc")).toMatchObject([{ service: "postgresql-rw", namespace: "data" }]);
    expect(inClusterAddresses("redis-0.redis-headless.data.svc.cluster.local")).toMatchObject([{ service: "redis-headless", namespace: "data" }]);
    expect(inClusterAddresses("https://vault.example.com:8200 and login.mcp.example.com")).toEqual([]);
  });
});

describe.each(environmentNames())("in-cluster addresses of %s", (env) => {
  it("each names a Service the environment renders", () => {
    const addresses = addressesOf(env);
    expect(addresses.length).toBeGreaterThan(0);
    const services = servicesOf(env);
    const missing = addresses.filter((a) => !services.has(`${a.service}.${a.namespace}`)).map((a) => `${a.file}: ${a.address} (no Service ${a.service} in namespace ${a.namespace} is rendered in ${env})`);
    expect([...new Set(missing)], [...new Set(missing)].join("\n")).toEqual([]);
  });
});
