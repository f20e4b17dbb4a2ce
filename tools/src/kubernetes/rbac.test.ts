import { describe, expect, it } from "vitest";
import { resourceOf, UnknownResourceError } from "./api-resources.js";
import { ruleAllows, rulesAllow, uncoveredBy, type PolicyRule } from "./rbac.js";

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ apiGroups: [""], resources: ["configmaps"], verbs: ["get"], ...r });

describe("ruleAllows (Kubernetes RuleAllows)", () => {
  it("matches verb, group, resource and name exactly or by *", () => {
    expect(ruleAllows(rule({}), { verb: "get", apiGroup: "", resource: "configmaps" })).toBe(true);
    expect(ruleAllows(rule({}), { verb: "delete", apiGroup: "", resource: "configmaps" })).toBe(false);
    expect(ruleAllows(rule({}), { verb: "get", apiGroup: "apps", resource: "configmaps" })).toBe(false);
    expect(ruleAllows(rule({ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }), { verb: "delete", apiGroup: "apps", resource: "deployments" })).toBe(true);
  });
  it("subresources: exact or */sub, never the parent's rule", () => {
    expect(ruleAllows(rule({ resources: ["pods"] }), { verb: "get", apiGroup: "", resource: "pods/log" })).toBe(false);
    expect(ruleAllows(rule({ resources: ["pods/log"] }), { verb: "get", apiGroup: "", resource: "pods/log" })).toBe(true);
    expect(ruleAllows(rule({ resources: ["*/log"] }), { verb: "get", apiGroup: "", resource: "pods/log" })).toBe(true);
    expect(ruleAllows(rule({ resources: ["*/log"] }), { verb: "get", apiGroup: "", resource: "pods" })).toBe(false);
  });
  it("resourceNames: empty means every name; otherwise a request without a name (create, list) does not match", () => {
    expect(ruleAllows(rule({ resourceNames: ["a"] }), { verb: "get", apiGroup: "", resource: "configmaps", name: "a" })).toBe(true);
    expect(ruleAllows(rule({ resourceNames: ["a"] }), { verb: "get", apiGroup: "", resource: "configmaps", name: "b" })).toBe(false);
    expect(ruleAllows(rule({ resourceNames: ["a"] }), { verb: "get", apiGroup: "", resource: "configmaps" })).toBe(false);
    expect(rulesAllow([rule({ resourceNames: ["a"] }), rule({ verbs: ["list"] })], { verb: "list", apiGroup: "", resource: "configmaps" })).toBe(true);
  });
});

describe("uncoveredBy (escalation prevention, Covers)", () => {
  it("is empty when every verb, resource and name is held", () => {
    expect(uncoveredBy([rule({ verbs: ["get", "list"] })], rule({ verbs: ["list"] }))).toEqual([]);
    expect(uncoveredBy([rule({})], rule({ resourceNames: ["x"] }))).toEqual([]);
  });
  it("names what is missing: a verb, a subresource, a name outside the held names, a wildcard", () => {
    expect(uncoveredBy([rule({})], rule({ verbs: ["get", "delete"] }))).toEqual(["delete core/configmaps"]);
    expect(uncoveredBy([rule({ resources: ["pods"] })], rule({ resources: ["pods/log"] }))).toEqual(["get core/pods/log"]);
    expect(uncoveredBy([rule({ resourceNames: ["a"] })], rule({}))).toEqual(["get core/configmaps"]);
    expect(uncoveredBy([rule({})], rule({ resources: ["*"] }))).toEqual(["get core/*"]);
    expect(uncoveredBy([rule({ verbs: ["*"], apiGroups: ["*"], resources: ["*"] })], rule({ resources: ["*"], verbs: ["*"] }))).toEqual([]);
  });
});

describe("resourceOf", () => {
  it("knows the plural of kinds whose plural is irregular, and refuses a kind it does not know", () => {
    expect(resourceOf("", "Endpoints")).toBe("endpoints");
    expect(resourceOf("networking.k8s.io", "NetworkPolicy")).toBe("networkpolicies");
    expect(resourceOf("security.istio.io", "AuthorizationPolicy")).toBe("authorizationpolicies");
    expect(() => resourceOf("example.com", "Widget")).toThrow(UnknownResourceError);
  });
});
