import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDrift } from "../files/planned-files.js";
import { repoRoot } from "../paths.js";
import type { CustomResourceDefinition } from "./crd-schema.js";
import { upstreamCrdRegistry, upstreamCrds } from "./upstream-crd-registry.js";
import { ARGOCD_TYPES_FILE, planUpstreamCrdFiles } from "./upstream-crds-plan.js";
import { renderPinnedCrds } from "./upstream-crds-render.js";
import { bundleText, CRD_COMPONENTS, parseBundle, UPSTREAM_CRD_DIR, withoutSchemaDescriptions } from "./upstream-crds.js";

const crd = (schema: Record<string, unknown>): CustomResourceDefinition => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: { group: "example.com", names: { kind: "Widget" }, scope: "Namespaced", versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
});

describe("the committed upstream CRDs (tools/src/kubernetes/upstream-crds/)", () => {
  // Renders every pinned chart package: UPSTREAM_CHARTS, node_modules/.cache/upstream-charts or `helm pull`.
  it("are what the generator makes of the pinned chart packages (run `npx tsx tools/src/kubernetes/generate-upstream-crds.ts` when this fails)", async () => {
    const files = await planUpstreamCrdFiles(renderPinnedCrds());
    expect(files.map((f) => f.path)).toContain(ARGOCD_TYPES_FILE);
    expect(findDrift(repoRoot, files).map((d) => `${d.path} (${d.kind})`)).toEqual([]);
  });

  it("has one bundle per component and nothing else", () => {
    expect(readdirSync(UPSTREAM_CRD_DIR).sort()).toEqual(CRD_COMPONENTS.map((c) => `${c.component}.json`).sort());
  });

  it("serves every custom resource kind the platform's charts and generator write", () => {
    const served = new Set(upstreamCrdRegistry().servedKinds().map((k) => `${k.group}/${k.version} ${k.kind}`));
    for (const kind of [
      "argoproj.io/v1alpha1 Application",
      "argoproj.io/v1alpha1 AppProject",
      "argoproj.io/v1alpha1 Rollout",
      "cert-manager.io/v1 Certificate",
      "cert-manager.io/v1 ClusterIssuer",
      "external-secrets.io/v1 ExternalSecret",
      "external-secrets.io/v1 ClusterSecretStore",
      "generators.external-secrets.io/v1alpha1 Password",
      "monitoring.coreos.com/v1 PodMonitor",
      "monitoring.coreos.com/v1 PrometheusRule",
      "monitoring.coreos.com/v1 ServiceMonitor",
      "monitoring.coreos.com/v1alpha1 AlertmanagerConfig",
      "networking.istio.io/v1 DestinationRule",
      "networking.istio.io/v1 Gateway",
      "networking.istio.io/v1 ServiceEntry",
      "networking.istio.io/v1 Sidecar",
      "networking.istio.io/v1 VirtualService",
      "postgresql.cnpg.io/v1 Cluster",
      "postgresql.cnpg.io/v1 Database",
      "postgresql.cnpg.io/v1 ScheduledBackup",
      "security.istio.io/v1 AuthorizationPolicy",
      "security.istio.io/v1 PeerAuthentication",
      "telemetry.istio.io/v1 Telemetry",
    ]) {
      expect(served, kind).toContain(kind);
    }
    expect(upstreamCrds().length).toBeGreaterThan(CRD_COMPONENTS.length);
  });
});

describe("withoutSchemaDescriptions", () => {
  it("drops the descriptions of schema nodes only, keeping a field named description, defaults and enums", () => {
    const stripped = withoutSchemaDescriptions(
      crd({
        type: "object",
        description: "a widget",
        properties: {
          description: { type: "string", description: "the field called description" },
          list: { type: "array", items: { type: "object", description: "item", properties: { a: { type: "string", description: "x" } } } },
          map: { type: "object", additionalProperties: { type: "string", description: "value" } },
          choice: { type: "string", enum: ["a"], default: "a", anyOf: [{ description: "branch", maxLength: 1 }] },
          kept: { type: "object", default: { description: "a value, not a schema" } },
        },
      }),
    );
    expect(stripped.spec.versions[0]!.schema!.openAPIV3Schema).toEqual({
      type: "object",
      properties: {
        description: { type: "string" },
        list: { type: "array", items: { type: "object", properties: { a: { type: "string" } } } },
        map: { type: "object", additionalProperties: { type: "string" } },
        choice: { type: "string", enum: ["a"], default: "a", anyOf: [{ maxLength: 1 }] },
        kept: { type: "object", default: { description: "a value, not a schema" } },
      },
    });
  });
});

describe("bundle files", () => {
  const source = { component: "widgets", repoURL: "https://example.com/charts", chart: "widgets", version: "1.0.0", sha256: "0".repeat(64), values: {} };

  it("round-trip: provenance and CRDs, one CRD per line", () => {
    const text = bundleText(source, [crd({ type: "object", description: "gone" }), crd({ type: "object" })]);
    expect(text.split("\n").filter((line) => line.startsWith('    {"apiVersion"'))).toHaveLength(2);
    const bundle = parseBundle(text, "widgets.json");
    expect(bundle.source).toEqual(source);
    expect(bundle.crds.map((c) => c.spec.versions[0]!.schema!.openAPIV3Schema)).toEqual([{ type: "object" }, { type: "object" }]);
  });

  it("a damaged file is an error naming it and the command that regenerates it", () => {
    expect(() => parseBundle("{", "x.json")).toThrow(/^x\.json: not JSON .*generate-upstream-crds\.ts/);
    expect(() => parseBundle("{}", "x.json")).toThrow(/^x\.json: not a CRD bundle/);
  });
});
