import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { environmentNames } from "../gitops/support/generated.js";
import { componentApplications, renderComponent } from "../support/component-renders.js";

/**
 * Issue 18.1: the platform and application projects may create AuthorizationPolicy, Sidecar,
 * ServiceEntry and RoleBinding because their services render them (schemas/component-kinds.json),
 * but only for themselves. PeerAuthentication, RequestAuthentication and Telemetry, which could
 * switch mTLS or authentication off for others, are not in those projects at all
 * (component-kinds.test.ts). Here every such object of every environment's renders must stay
 * within its own workload:
 * - an AuthorizationPolicy is an ALLOW policy with a selector naming the component's own pods (a
 *   policy without a selector applies to every workload of the namespace, istio.io
 *   "Authorization Policy" reference: "selector ... If not set, the policy will be applied to all
 *   workloads in the same namespace"); a DENY or CUSTOM action is the platform's, not a service's;
 * - a Sidecar has a workloadSelector naming its own pods (without one it is the namespace default);
 * - a ServiceEntry is exported to its own namespace only (`exportTo: ["."]`);
 * - a RoleBinding binds a Role (never a ClusterRole such as cluster-admin) to ServiceAccounts of its
 *   own namespace. (Sync impersonation bounds it further: the namespace's sync account can only
 *   grant what it holds, sync-impersonation.test.ts.)
 */

type Spec = Record<string, unknown>;

/**
 * Cross-namespace RoleBinding subjects a component may grant, each with its reason: the scan
 * sandbox exists to let scanner-manager run scan Jobs in `scans` and nowhere else (issue 18.3).
 */
const GRANTED_ACROSS_NAMESPACES: Record<string, { subjects: string[]; why: string }> = {
  "scan-sandbox": { subjects: ["applications/scanner-manager"], why: "scanner-manager creates the scan Jobs in the sandbox namespace" },
};
const specOf = (o: KubeObject) => ((o as unknown as { spec?: Spec }).spec ?? {}) as Spec;
const INSTANCE = "app.kubernetes.io/instance";

/** Why an object of a workload component reaches beyond the component itself, or undefined. */
export function outOfScope(object: KubeObject, component: string, namespace: string): string | undefined {
  const spec = specOf(object);
  const name = `${object.kind} ${object.metadata?.name}`;
  switch (object.kind) {
    case "AuthorizationPolicy": {
      const action = (spec.action as string | undefined) ?? "ALLOW";
      if (action !== "ALLOW") return `${name} has action ${action}: only ALLOW policies for its own pods belong to a service`;
      const labels = (spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
      if (!labels || Object.keys(labels).length === 0) return `${name} has no selector, so it applies to every workload of ${namespace}`;
      if (labels[INSTANCE] !== component) return `${name} selects ${JSON.stringify(labels)}, not ${component}'s own pods`;
      return undefined;
    }
    case "Sidecar": {
      const labels = (spec.workloadSelector as { labels?: Record<string, string> } | undefined)?.labels;
      if (!labels || Object.keys(labels).length === 0) return `${name} has no workloadSelector, so it is the default Sidecar of ${namespace}`;
      if (labels[INSTANCE] !== component) return `${name} selects ${JSON.stringify(labels)}, not ${component}'s own pods`;
      return undefined;
    }
    case "ServiceEntry": {
      const exportTo = spec.exportTo as string[] | undefined;
      return JSON.stringify(exportTo) === JSON.stringify(["."]) ? undefined : `${name} is exported to ${JSON.stringify(exportTo ?? "every namespace")}, not to its own namespace only`;
    }
    case "RoleBinding": {
      const roleRef = (object as unknown as { roleRef?: { kind?: string; name?: string } }).roleRef;
      if (roleRef?.kind !== "Role") return `${name} binds the ${roleRef?.kind} ${roleRef?.name}`;
      const subjects = (object as unknown as { subjects?: { kind: string; name: string; namespace?: string }[] }).subjects ?? [];
      const granted = GRANTED_ACROSS_NAMESPACES[component]?.subjects ?? [];
      const foreign = subjects.filter((s) => s.kind !== "ServiceAccount" || ((s.namespace ?? namespace) !== namespace && !granted.includes(`${s.namespace}/${s.name}`)));
      return foreign.length > 0 ? `${name} binds ${foreign.map((s) => `${s.kind} ${s.namespace ?? ""}/${s.name}`).join(", ")}, outside ${namespace}'s ServiceAccounts` : undefined;
    }
    default:
      return undefined;
  }
}

describe("the scope check itself", () => {
  const object = (kind: string, spec: Spec, extra: Record<string, unknown> = {}) => ({ apiVersion: "v1", kind, metadata: { name: "x" }, spec, ...extra }) as unknown as KubeObject;
  it.each([
    ["a namespace-wide AuthorizationPolicy", object("AuthorizationPolicy", { action: "ALLOW", rules: [{}] })],
    ["a DENY AuthorizationPolicy", object("AuthorizationPolicy", { action: "DENY", selector: { matchLabels: { [INSTANCE]: "web" } } })],
    ["an AuthorizationPolicy for another workload", object("AuthorizationPolicy", { selector: { matchLabels: { [INSTANCE]: "gateway" } } })],
    ["a namespace-default Sidecar", object("Sidecar", { egress: [{ hosts: ["*/*"] }] })],
    ["a ServiceEntry exported everywhere", object("ServiceEntry", { hosts: ["api.example.com"] })],
    ["a RoleBinding to cluster-admin", object("RoleBinding", {}, { roleRef: { kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "ServiceAccount", name: "web" }] })],
    ["a RoleBinding for another namespace's account", object("RoleBinding", {}, { roleRef: { kind: "Role", name: "web" }, subjects: [{ kind: "ServiceAccount", name: "x", namespace: "kube-system" }] })],
  ])("catches %s", (_label, broken) => {
    expect(outOfScope(broken, "web", "applications")).toBeDefined();
  });

  it("passes the forms the charts render", () => {
    expect(outOfScope(object("AuthorizationPolicy", { action: "ALLOW", selector: { matchLabels: { [INSTANCE]: "web", "app.kubernetes.io/name": "web" } } }), "web", "applications")).toBeUndefined();
    expect(outOfScope(object("ServiceEntry", { exportTo: ["."] }), "web", "applications")).toBeUndefined();
  });
});

describe.each(environmentNames())("%s: mesh and RBAC objects of the platform and application layers stay within their component", (env) => {
  const workloads = componentApplications().filter((app) => app.env === env && /-(platform|application)$/.test((app.application.spec as { project: string }).project));

  it("renders some to check", () => {
    const kinds = new Set(workloads.flatMap((app) => renderComponent(app).objects.map((o) => o.kind)));
    expect(kinds.has("AuthorizationPolicy") || env === "development", "staging and production render AuthorizationPolicies").toBe(true);
    expect(workloads.length).toBeGreaterThan(10);
  });

  it.each(workloads.map((app) => [app.component, app] as const))("%s", (_component, app) => {
    const namespace = (app.application.spec as { destination: { namespace: string } }).destination.namespace;
    const problems = renderComponent(app).objects.flatMap((o) => outOfScope(o, app.component, o.metadata?.namespace ?? namespace) ?? []);
    expect(problems).toEqual([]);
  });
});
