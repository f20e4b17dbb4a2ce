import { describe, expect, it } from "vitest";
import { serviceAccountToImpersonate } from "./sync-impersonation.js";

const server = "https://kubernetes.default.svc";

describe("serviceAccountToImpersonate (argo-cd v3.4.4 deriveServiceAccountToImpersonate)", () => {
  it("takes the first matching entry; a bare name lives in the destination namespace", () => {
    const entries = [
      { server, namespace: "platform", defaultServiceAccount: "argocd-sync" },
      { server, namespace: "*", defaultServiceAccount: "argocd:wide" },
    ];
    expect(serviceAccountToImpersonate(entries, { server, namespace: "platform" })).toEqual({ user: "system:serviceaccount:platform:argocd-sync" });
    expect(serviceAccountToImpersonate(entries, { server, namespace: "other" })).toEqual({ user: "system:serviceaccount:argocd:wide" });
  });
  it("fails without a match, or with a name Argo CD refuses", () => {
    expect(serviceAccountToImpersonate([{ server, namespace: "platform", defaultServiceAccount: "a" }], { server, namespace: "applications" })).toEqual({ error: `no matching service account found for destination server ${server} and namespace applications` });
    expect(serviceAccountToImpersonate([{ server: "https://other", namespace: "platform", defaultServiceAccount: "a" }], { server, namespace: "platform" })).toHaveProperty("error");
    expect(serviceAccountToImpersonate([{ server, namespace: "platform", defaultServiceAccount: " " }], { server, namespace: "platform" })).toHaveProperty("error");
    expect(serviceAccountToImpersonate([{ server, namespace: "platform", defaultServiceAccount: "ns/a" }], { server, namespace: "platform" })).toHaveProperty("error");
  });
  it("reports glob syntax it does not evaluate", () => {
    expect(() => serviceAccountToImpersonate([{ server, namespace: "plat*", defaultServiceAccount: "a" }], { server, namespace: "platform" })).toThrow(/glob syntax/);
  });
});
