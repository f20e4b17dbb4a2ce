import { describe, expect, it } from "vitest";
import { lookupKind } from "./model-registry.js";
import type { Problem } from "./problem.js";
import { fixtureObject, type Loose } from "./test-fixtures.js";
import { validateObject } from "./validate.js";

/**
 * Custom resources are validated against the committed CRDs of the pinned charts (upstream-crds.ts) and core kinds
 * against kubernetes-models: either way an unknown field is `schema/unknown-field` and a wrong value `schema/invalid`,
 * at the path of the offending field, which is what the chart harness and the generator tests look for.
 */
const brief = (problems: readonly Problem[]) => problems.map((p) => `${p.path} ${p.rule}`);

const externalSecret = (): Loose => ({
  apiVersion: "external-secrets.io/v1",
  kind: "ExternalSecret",
  metadata: { name: "oidc-client", namespace: "argocd" },
  spec: {
    refreshInterval: "1h",
    secretStoreRef: { kind: "ClusterSecretStore", name: "platform" },
    target: { name: "oidc-client", creationPolicy: "Owner" },
    data: [{ secretKey: "clientSecret", remoteRef: { key: "argocd/oidc", property: "clientSecret" } }],
  },
});

const certificate = (): Loose => ({
  apiVersion: "cert-manager.io/v1",
  kind: "Certificate",
  metadata: { name: "gateway-tls", namespace: "mcp" },
  spec: {
    secretName: "gateway-tls",
    dnsNames: ["gateway.example.com"],
    duration: "2160h",
    issuerRef: { name: "platform-ca", kind: "ClusterIssuer", group: "cert-manager.io" },
    privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
  },
});

describe("custom resources are validated against the upstream CRDs", () => {
  it("knows each kind from a CRD, not from a model package", () => {
    for (const [apiVersion, kind] of [
      ["argoproj.io/v1alpha1", "Application"],
      ["external-secrets.io/v1", "ExternalSecret"],
      ["cert-manager.io/v1", "Certificate"],
    ] as const) {
      expect(lookupKind(apiVersion, kind), `${apiVersion} ${kind}`).toMatchObject({ crd: true });
      expect(lookupKind(apiVersion, kind)?.module).toBeUndefined();
    }
    expect(lookupKind("apps/v1", "Deployment")?.module?.packageName).toBe("kubernetes-models");
  });

  it.each([
    ["Application", () => fixtureObject("Application")],
    ["ExternalSecret", externalSecret],
    ["Certificate", certificate],
    ["Deployment", () => fixtureObject("Deployment")],
  ])("a valid %s has no problems", (_kind, make) => {
    expect(validateObject(make())).toEqual([]);
  });

  it("an Application: unknown field and wrong type", () => {
    const application: Loose = fixtureObject("Application");
    application.spec.destination.nmespace = "mcp";
    application.spec.syncPolicy.automated.prune = "yes";
    expect(brief(validateObject(application))).toEqual(["spec.destination.nmespace schema/unknown-field", "spec.syncPolicy.automated.prune schema/invalid"]);
  });

  it("an ExternalSecret (external-secrets.io/v1): unknown field, wrong type and enum value", () => {
    const secret = externalSecret();
    secret.spec.data[0].remoteRef.propertty = "x";
    secret.spec.data[0].secretKey = 42;
    secret.spec.target.creationPolicy = "Sometimes";
    expect(brief(validateObject(secret)).sort()).toEqual([
      "spec.data[0].remoteRef.propertty schema/unknown-field",
      "spec.data[0].secretKey schema/invalid",
      "spec.target.creationPolicy schema/invalid",
    ]);
  });

  it("a Certificate: unknown field, wrong type and a missing required field", () => {
    const cert = certificate();
    cert.spec.dnsName = ["typo.example.com"];
    cert.spec.privateKey.size = "256";
    delete cert.spec.secretName;
    expect(brief(validateObject(cert)).sort()).toEqual(["spec.dnsName schema/unknown-field", "spec.privateKey.size schema/invalid", "spec.secretName schema/invalid"]);
  });

  it("a Deployment: unknown field and wrong type", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.spec.replicaz = 2;
    deployment.spec.template.spec.containers[0].image = 7;
    expect(brief(validateObject(deployment)).sort()).toEqual(["spec.replicaz schema/unknown-field", "spec.template.spec.containers[0].image schema/invalid"]);
  });

  it("checks a custom resource's metadata as the API server's ObjectMeta: unknown fields and wrong types", () => {
    const secret = externalSecret();
    secret.metadata.labelz = { a: "b" };
    secret.metadata.annotations = { count: 3 };
    expect(validateObject(secret).map((p) => [p.object, p.path, p.rule])).toEqual([
      ["ExternalSecret/oidc-client", "metadata.annotations.count", "schema/invalid"],
      ["ExternalSecret/oidc-client", "metadata.labelz", "schema/unknown-field"],
    ]);
  });

  it("an apiVersion the CRD does not serve is an unknown kind that names the served one", () => {
    const [problem] = validateObject({ ...externalSecret(), apiVersion: "external-secrets.io/v1beta2" });
    expect(problem?.rule).toBe("schema/unknown-kind");
    expect(problem?.message).toContain("ExternalSecret exists as apiVersion external-secrets.io/v1.");
  });
});
