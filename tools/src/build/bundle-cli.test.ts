import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { README_TEMPLATE_FILE, README_TEMPLATE_OPTIONS } from "../gitops/readme-template.js";
import { bundleCli, readmePrecompiledTemplate, validatorCodeDigest, validatorCodeInputs } from "./bundle-cli.js";

/** A README context with every field the template reads; `clusters` decides which of its two tables it writes. */
function readmeContext(clusters: boolean): Record<string, unknown> {
  const components = [
    { name: "gateway", clusterName: clusters ? "eu-1" : "", layer: "application", wave: 2, namespace: "mcp-gateway", chart: "charts/gateway", chartRevision: "gateway-1.2.3", imageTag: "`1.2.3`", overlay: "-" },
    { name: "redis", clusterName: clusters ? "eu-2" : "", layer: "infrastructure", wave: 0, namespace: "mcp-data", chart: "bitnami/redis 20.1.0", chartRevision: "20.1.0", imageTag: "(upstream chart)", overlay: "`environments/p/clusters/eu-2/values/redis.yaml`" },
  ];
  return {
    name: "production", tier: "production", description: clusters ? "Two regions <&>" : "", generatedBy: "nx run generate:gitops", argocdVersion: "3.4.4", highAvailability: clusters,
    argocdUrl: "https://argocd.example.com", destination: "https://kubernetes.default.svc", rootRevision: "main", rootName: "production-root",
    bootstrapCommand: clusters ? "helm install argo-cd x.tgz" : undefined, oidcSecretKey: "oidc.clientSecret", notificationSecrets: clusters ? ["slack-token", "pagerduty-key-a"] : [],
    components, controllerReplicas: 2,
    namespaces: [{ name: "mcp-data", level: "baseline", components: ["redis", "postgres"], exceptions: [{ component: "redis", reason: "sysctls" }] }, { name: "mcp-gateway", level: "restricted", components: ["gateway"], exceptions: [] }],
    clusters: clusters ? [{ name: "eu-1", argocdName: "production-eu-1", server: "https://eu-1", region: "eu", shard: 0, applications: 1, registration: "Argo CD runs here (in-cluster)" }, { name: "eu-2", argocdName: "production-eu-2", server: "https://eu-2", region: "eu", shard: 1, applications: 1, registration: "`cluster-registrations/x.yaml`" }] : [],
  };
}

describe("the generator bundle", () => {
  it("keys cached validators by the modules that shape them, not by the whole generator", async () => {
    const inputs = await validatorCodeInputs();
    expect(inputs).toEqual(expect.arrayContaining(["tools/src/gitops/catalog-validator.ts", "tools/src/gitops/schema-validation.ts", "tools/src/gitops/helm-values.ts"]));
    expect(inputs.filter((input) => /render-environment|manifests|cli\/|plan\.ts/.test(input))).toEqual([]);
  });

  it("carries that digest, replacing the one computed from the sources", async () => {
    const bundle = readFileSync(await bundleCli("generate-gitops"), "utf8");
    expect(bundle).not.toContain("GENERATE_GITOPS_VALIDATOR_CODE");
    expect(bundle).toContain(JSON.stringify(await validatorCodeDigest()));
  });

  it("holds the environment README's template precompiled, so a bundled run compiles nothing and a template change changes the bundle", async () => {
    const bundle = readFileSync(await bundleCli("generate-gitops"), "utf8");
    expect(bundle).not.toContain("GENERATE_GITOPS_README_TEMPLATE");
    expect(bundle).toContain(readmePrecompiledTemplate());
    expect(bundle).toContain('"handlebars/runtime"');
  });

  it("renders the precompiled README template exactly as the template compiled from source", () => {
    // What the bundle does: Handlebars' runtime alone, given the specification.
    const runtime = createRequire(import.meta.url)("handlebars/runtime") as typeof Handlebars;
    const precompiled = runtime.template(new Function(`return ${readmePrecompiledTemplate()}`)() as Parameters<typeof Handlebars.template>[0]);
    const compiled = Handlebars.compile(readFileSync(README_TEMPLATE_FILE, "utf8"), README_TEMPLATE_OPTIONS);
    for (const clusters of [false, true]) {
      const context = readmeContext(clusters);
      const text = compiled(context);
      expect(text).toContain(clusters ? "| eu-2 | production-eu-2 |" : "deploying to `https://kubernetes.default.svc`");
      expect(precompiled(context)).toBe(text);
    }
    // Both are strict: a field the template reads and the context lacks is an error either way.
    const { rootName: _omitted, ...missing } = readmeContext(false);
    expect(() => compiled(missing)).toThrow(/rootName/);
    expect(() => precompiled(missing)).toThrow(/rootName/);
  });
});
