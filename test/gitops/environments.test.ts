import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createValidator } from "../../tools/src/gitops/schema-validation.js";
import { isFullCommitSha } from "../../tools/src/gitops/revisions.js";
import { repoRoot } from "../../tools/src/paths.js";
import { bundleSchema } from "../../tools/src/schemas/bundle.js";
import type { JsonSchema } from "../../tools/src/schemas/json-schema.js";
import { lintSchema } from "../../tools/src/schemas/lint.js";
import { readJsonFile } from "../../tools/src/schemas/read-json.js";
import { environmentNames } from "./support/generated.js";

const schemaPath = join(repoRoot, "schemas", "environment.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as JsonSchema;
const environments = environmentNames();
const read = (env: string, file = "environment.yaml") => readFileSync(join(repoRoot, "environments", env, file), "utf8");
const environmentOf = (env: string) => parse(read(env)) as Record<string, any>;

describe("schemas/environment.json", () => {
  it("passes the schema pipeline's rules (bundles as is; every property described, every leaf defaulted)", () => {
    const bundled = bundleSchema(schemaPath, readJsonFile);
    expect(lintSchema(bundled)).toEqual([]);
    expect(bundled.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("marks exactly the component pins as promotable", () => {
    const component = (schema.properties?.components?.additionalProperties ?? {}) as JsonSchema;
    const promotable = Object.entries(component.properties ?? {}).filter(([, property]) => property["x-promotable"] === true).map(([name]) => name);
    expect(promotable).toEqual(["chartRevision", "imageTag", "imageDigest"]);
  });

  it("is strict: unknown keys are rejected at every level", () => {
    const validate = createValidator(schema);
    const valid = environmentOf("production");
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, domian: "x" })).toBe(false);
    expect(validate({ ...valid, argocd: { ...valid.argocd, ha: true } })).toBe(false);
    expect(validate({ ...valid, components: { "mcp-server": { ...valid.components["mcp-server"], imagetag: "v1" } } })).toBe(false);
    expect(validate({ ...valid, components: { "mcp-server": { enabled: true } } })).toBe(false);
    expect(validate({ ...valid, components: { "mcp-server": { enabled: true, chartRevision: "v1.0.0", imageTag: "-bad" } } })).toBe(false);
    expect(validate({ ...valid, components: { "mcp-server": { enabled: false } } })).toBe(true);
  });

  it("accepts only namespace labels Kubernetes accepts (qualified names, values of at most 63 characters)", () => {
    const validate = createValidator(schema);
    const valid = environmentOf("production");
    const labels = (namespaceLabels: Record<string, string>) => ({ ...valid, destination: { ...valid.destination, namespaceLabels } });
    expect(validate(labels({ "pod-security.kubernetes.io/enforce": "restricted", team: "a".repeat(63), empty: "" }))).toBe(true);
    expect(validate(labels({ team: "a".repeat(64) }))).toBe(false);
    expect(validate(labels({ team: "-leading-dash" }))).toBe(false);
    expect(validate(labels({ "bad key": "x" }))).toBe(false);
    expect(validate(labels({ [`prefix.example.com/${"n".repeat(64)}`]: "x" }))).toBe(false);
  });

  it("accepts only RBAC groups Argo CD accepts in a project role (validateGroupName) and argocd-rbac-cm's CSV can hold", () => {
    // argo-cd v3.4.4 pkg/apis/application/v1alpha1/types.go:2721-2740: no unquoted comma, not empty, no `"`, tab or line break, no leading space.
    const validate = createValidator(schema);
    const valid = environmentOf("production");
    const groups = (deployerGroups: string[]) => ({ ...valid, argocd: { ...valid.argocd, rbac: { ...valid.argocd.rbac, deployerGroups } } });
    expect(validate(groups(["mcp-sre", "Platform Admins", "team:a/b"]))).toBe(true);
    for (const bad of ["", "a,b", 'say "hi"', "tab\there", " leading"]) expect(validate(groups([bad])), JSON.stringify(bad)).toBe(false);
  });

  it("keeps a sync window's description within what Argo CD accepts (SyncWindow.Validate: 255 characters)", () => {
    // argo-cd v3.4.4 pkg/apis/application/v1alpha1/types.go:3240-3242: `len(w.Description) > 255` fails ValidateProject.
    const validate = createValidator(schema);
    const valid = environmentOf("production");
    const window = (description: string) => ({ ...valid, syncWindows: [{ ...valid.syncWindows[0], description }] });
    expect(validate(window("d".repeat(255)))).toBe(true);
    expect(validate(window("d".repeat(256)))).toBe(false);
  });
});

describe.each(environments)("environments/%s", (env) => {
  it("validates against the schema and carries the schema modeline", () => {
    expect(read(env).split("\n")[0]).toBe("# yaml-language-server: $schema=../environment.schema.json");
    const validate = createValidator(schema);
    expect(validate(environmentOf(env)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("has a kustomization building its generated manifests", () => {
    expect(parse(read(env, "kustomization.yaml"))).toMatchObject({ kind: "Kustomization", resources: [`../../apps/${env}`] });
  });
});

describe("the environments differ as designed", () => {
  const [development, staging, production] = ["development", "staging", "production"].map(environmentOf) as Record<string, any>[];

  it("development follows main; staging and production pin every enabled component to a full commit SHA", () => {
    const enabledPins = (env: Record<string, any> | undefined) => (Object.values(env?.components ?? {}) as any[]).filter((pin) => pin.enabled).map((pin) => pin.chartRevision as string);
    expect(development?.tier).toBe("development");
    expect(new Set(enabledPins(development))).toEqual(new Set(["main"]));
    expect(production?.tier).toBe("production");
    for (const env of [staging, production]) {
      expect(enabledPins(env).length).toBeGreaterThan(0);
      expect(enabledPins(env).filter((revision) => !isFullCommitSha(revision))).toEqual([]);
    }
  });

  it("production runs Argo CD highly available, alerts to PagerDuty and restricts when automated syncs happen", () => {
    expect(production?.argocd.highAvailability).toBe(true);
    expect(development?.argocd.highAvailability).toBe(false);
    expect(production?.notifications.subscriptions.some((s: any) => s.service === "pagerdutyv2")).toBe(true);
    expect(development?.notifications.subscriptions.some((s: any) => s.service === "pagerdutyv2")).toBe(false);
    expect(production?.syncWindows.length).toBeGreaterThan(0);
  });

  it("development's Redis is in memory only; production's persists and is replicated with automatic failover", () => {
    const redis = (env: string) => parse(read(env, "values/redis.yaml")) as { mode?: string; replicaCount?: number; persistence?: { enabled?: boolean } };
    expect(redis("development").persistence?.enabled).toBe(false);
    expect(redis("production").persistence?.enabled).toBe(true);
    expect(redis("production").mode).toBe("sentinel");
    expect(redis("production").replicaCount).toBeGreaterThanOrEqual(3);
  });

  it("staging and production mesh their workload namespaces; development does not; Pod Security labels are the generator's everywhere (test/render/namespaces.test.ts)", () => {
    for (const env of [staging, production]) expect(env?.destination.namespaceLabels["istio-injection"]).toBe("enabled");
    expect(development?.destination.namespaceLabels["istio-injection"]).toBeUndefined();
    for (const env of [development, staging, production]) expect(Object.keys(env?.destination.namespaceLabels ?? {}).filter((key) => key.startsWith("pod-security.kubernetes.io/"))).toEqual([]);
  });

  it.each(environments)("%s: every values file starts with the modeline pointing at its component's schema", (env) => {
    for (const [component, pin] of Object.entries(environmentOf(env).components) as [string, any][]) {
      if (!pin.enabled) continue;
      const schema = existsSync(join(repoRoot, "charts", component, "Chart.yaml")) ? `charts/${component}/values.schema.json` : `schemas/upstream/${component}.json`;
      expect(existsSync(join(repoRoot, schema)), schema).toBe(true);
      expect(read(env, `values/${component}.yaml`).split("\n")[0]).toBe(`# yaml-language-server: $schema=../../../${schema}`);
    }
  });
});
