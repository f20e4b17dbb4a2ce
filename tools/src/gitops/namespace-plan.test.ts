import { describe, expect, it } from "vitest";
import type { EnvironmentSpec } from "./environment-model.js";
import type { PlannedComponent } from "./environment-plan.js";
import { handWrittenPodSecurityLabels, planNamespaces } from "./namespace-plan.js";

const environment = { name: "prod", destination: { server: "https://kubernetes.default.svc", namespaces: { infrastructure: "infrastructure", platform: "platform", application: "applications" }, namespaceLabels: { "istio-injection": "enabled" } } } as unknown as EnvironmentSpec;
const component = (name: string, layer: PlannedComponent["layer"], namespace: string, podSecurity?: PlannedComponent["podSecurity"]) => ({ name, layer, namespace, ...(podSecurity ? { podSecurity } : {}) }) as PlannedComponent;
const RESTRICTED = { "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" };

describe("planNamespaces", () => {
  it("gives every namespace enforce, audit and warn restricted, and the environment's labels to workload namespaces only", () => {
    const namespaces = planNamespaces(environment, [component("istiod", "infrastructure", "istio-system"), component("mcp-server", "platform", "platform"), component("web-ui", "application", "applications")]);
    expect(namespaces.map((n) => [n.name, n.level, n.labels])).toEqual([
      ["applications", "restricted", { "istio-injection": "enabled", ...RESTRICTED }],
      ["istio-system", "restricted", RESTRICTED],
      ["platform", "restricted", { "istio-injection": "enabled", ...RESTRICTED }],
    ]);
  });

  it("runs a namespace at the weakest level one of its components needs, and keeps every reason", () => {
    const node = { level: "privileged" as const, reason: "node-exporter on host namespaces" };
    const ports = { level: "baseline" as const, reason: "an agent binding host ports" };
    const [monitoring] = planNamespaces(environment, [component("jaeger", "infrastructure", "monitoring"), component("metrics-agent", "infrastructure", "monitoring", ports), component("kube-prometheus-stack", "infrastructure", "monitoring", node)]);
    expect(monitoring).toMatchObject({ name: "monitoring", level: "privileged", components: ["jaeger", "kube-prometheus-stack", "metrics-agent"] });
    expect(monitoring?.exceptions).toEqual([{ component: "kube-prometheus-stack", ...node }, { component: "metrics-agent", ...ports }]);
    expect(monitoring?.labels).toEqual({ "pod-security.kubernetes.io/audit": "privileged", "pod-security.kubernetes.io/enforce": "privileged", "pod-security.kubernetes.io/warn": "privileged" });
  });

  it("labels a namespace shared by infrastructure and workload components as a workload namespace", () => {
    const [shared] = planNamespaces(environment, [component("postgresql", "infrastructure", "data"), component("report-store", "application", "data")]);
    expect(shared?.labels["istio-injection"]).toBe("enabled");
  });
});

describe("GEN018", () => {
  it("refuses Pod Security labels written in destination.namespaceLabels, at the key", () => {
    const handWritten = { ...environment, destination: { ...environment.destination, namespaceLabels: { "istio-injection": "enabled", "pod-security.kubernetes.io/enforce": "baseline" } } } as EnvironmentSpec;
    const problems = handWrittenPodSecurityLabels(handWritten, "environments/prod/environment.yaml", (path) => ({ line: path.length, column: 5 }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "GEN018", file: "environments/prod/environment.yaml", path: 'destination.namespaceLabels["pod-security.kubernetes.io/enforce"]', location: { line: 3, column: 5 } });
    expect(handWrittenPodSecurityLabels(environment, "environments/prod/environment.yaml", () => ({ line: 1, column: 1 }))).toEqual([]);
  });
});
