import { describe, expect, it } from "vitest";
import { isDestinationPermitted, isGroupKindNamePermitted, resourcePermissionProblem, type ProjectSpec } from "./project-permissions.js";

/** argo-cd v3.4.4 pkg/apis/application/v1alpha1/types_test.go TestAppProject_IsGroupKindPermitted (lines 507-563), case by case. */
describe("isGroupKindNamePermitted agrees with Argo CD's own tests", () => {
  it("an empty namespace whitelist permits nothing", () => {
    const proj: ProjectSpec = { namespaceResourceWhitelist: [], namespaceResourceBlacklist: [{ group: "apps", kind: "Deployment" }] };
    expect(isGroupKindNamePermitted(proj, "apps", "ReplicaSet", "", true)).toBe(false);
    expect(isGroupKindNamePermitted(proj, "apps", "Deployment", "", true)).toBe(false);
  });
  it("a namespace whitelist permits what it lists", () => {
    const proj: ProjectSpec = { namespaceResourceWhitelist: [{ group: "apps", kind: "ReplicaSet" }], namespaceResourceBlacklist: [{ group: "apps", kind: "Deployment" }] };
    expect(isGroupKindNamePermitted(proj, "apps", "ReplicaSet", "", true)).toBe(true);
    expect(isGroupKindNamePermitted(proj, "apps", "Action", "", true)).toBe(false);
  });
  it("a cluster blacklist alone permits nothing cluster-scoped", () => {
    expect(isGroupKindNamePermitted({ clusterResourceBlacklist: [{ group: "", kind: "Namespace" }] }, "", "Namespace", "", false)).toBe(false);
  });
  it("the blacklist wins over the whitelist; an absent namespace whitelist permits every namespaced kind", () => {
    const proj: ProjectSpec = { clusterResourceWhitelist: [{ group: "*", kind: "*" }], clusterResourceBlacklist: [{ group: "*", kind: "*" }] };
    expect(isGroupKindNamePermitted(proj, "", "Namespace", "", false)).toBe(false);
    expect(isGroupKindNamePermitted(proj, "apps", "Action", "", true)).toBe(true);
  });
  it("an empty cluster whitelist permits no cluster-scoped kind", () => {
    const proj: ProjectSpec = { clusterResourceWhitelist: [], namespaceResourceWhitelist: [{ group: "*", kind: "*" }] };
    expect(isGroupKindNamePermitted(proj, "", "Namespace", "", false)).toBe(false);
    expect(isGroupKindNamePermitted(proj, "apps", "Action", "", true)).toBe(true);
  });
  it("an empty spec permits namespaced kinds only", () => {
    expect(isGroupKindNamePermitted({}, "", "Namespace", "", false)).toBe(false);
    expect(isGroupKindNamePermitted({}, "apps", "Action", "", true)).toBe(true);
  });
  it("a named cluster whitelist entry matches names by glob", () => {
    const proj: ProjectSpec = { clusterResourceWhitelist: [{ group: "", kind: "Namespace", name: "team1-*" }] };
    expect(isGroupKindNamePermitted(proj, "", "Namespace", "other-namespace", false)).toBe(false);
    expect(isGroupKindNamePermitted(proj, "", "Namespace", "team1-namespace", false)).toBe(true);
  });
});

describe("destinations and the combined check", () => {
  const project: ProjectSpec = { destinations: [{ server: "https://kubernetes.default.svc", namespace: "monitoring" }], namespaceResourceWhitelist: [{ group: "", kind: "Service" }], clusterResourceWhitelist: [] };
  it("a namespaced object must land in a destination namespace", () => {
    expect(isDestinationPermitted(project, "https://kubernetes.default.svc", "monitoring")).toBe(true);
    expect(resourcePermissionProblem(project, { group: "", kind: "Service", name: "x", namespace: "kube-system" }, "https://kubernetes.default.svc")).toBe("namespace kube-system is not a destination of the project");
    expect(resourcePermissionProblem(project, { group: "", kind: "Service", name: "x", namespace: "monitoring" }, "https://kubernetes.default.svc")).toBeUndefined();
  });
  it("names the missing whitelist entry", () => {
    expect(resourcePermissionProblem(project, { group: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "r" }, "https://kubernetes.default.svc")).toMatch(/cluster-scoped rbac.authorization.k8s.io\/ClusterRole r is not in the project's clusterResourceWhitelist/);
    expect(resourcePermissionProblem(project, { group: "", kind: "Secret", name: "s", namespace: "monitoring" }, "https://kubernetes.default.svc")).toMatch(/core\/Secret is not in the project's namespaceResourceWhitelist/);
  });
  it("refuses to guess at glob destinations it does not evaluate", () => {
    expect(() => isDestinationPermitted({ destinations: [{ server: "https://*", namespace: "team-*" }] }, "https://x", "team-a")).toThrow(/glob syntax/);
  });
});
