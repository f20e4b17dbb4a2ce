import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { findDrift } from "../../tools/src/files/planned-files.js";
import { HELM_UNITTEST_SCHEMA } from "../../tools/src/ide/schema-associations.js";
import { planVscodeSettings } from "../../tools/src/ide/vscode-settings.js";
import { repoRoot } from "../../tools/src/paths.js";

describe(".vscode: the editor setup every checkout gets", () => {
  it("settings.json equals what the schema associations compute (run `nx run generate:schemas` when this fails)", () => {
    const drift = findDrift(repoRoot, [planVscodeSettings(repoRoot)]);
    expect(drift.map((d) => d.patch).join("\n")).toBe("");
  });

  it("settings.json maps only schemas that exist in the repository", () => {
    const settings = JSON.parse(readFileSync(join(repoRoot, ".vscode", "settings.json"), "utf8")) as { "yaml.schemas": Record<string, string[]> };
    const schemas = Object.keys(settings["yaml.schemas"]);
    expect(schemas).toContain(`./${HELM_UNITTEST_SCHEMA}`);
    for (const schema of schemas) expect(existsSync(join(repoRoot, schema)), `${schema} (mapped in .vscode/settings.json)`).toBe(true);
  });

  it("extensions.json recommends the YAML extension that runs yaml-language-server", () => {
    const extensions = JSON.parse(readFileSync(join(repoRoot, ".vscode", "extensions.json"), "utf8")) as { recommendations: string[] };
    expect(extensions.recommendations).toContain("redhat.vscode-yaml");
  });
});

describe("the vendored helm-unittest schema", () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, HELM_UNITTEST_SCHEMA), "utf8")) as object;
  const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addKeyword("deprecationMessage");
  const validate = ajv.compile(schema);
  const suite = (assertion: unknown): unknown => ({ suite: "deployment", templates: ["deployment.yaml"], tests: [{ it: "works", asserts: [assertion] }] });

  it("accepts the documented suite format", () => {
    const documented = parseYaml(`
suite: test deploy and service
values: [overallValues.yaml]
set: { image.pullPolicy: Always }
templates: [templates/deployment.yaml, templates/web/service.yaml]
release: { name: my-release, namespace: my-namespace, revision: 1, upgrade: true }
capabilities: { majorVersion: 1, minorVersion: 10, apiVersions: [br.dev.local/v2] }
chart: { version: 1.0.0, appVersion: 1.0.0 }
tests:
  - it: should pass
    values: [./values/staging.yaml]
    set: { image.pullPolicy: Always, resources: { limits: { memory: 128Mi } } }
    template: deployment.yaml
    documentIndex: 0
    documentSelector: { path: metadata.name, value: my-service-name }
    asserts:
      - equal: { path: metadata.name, value: my-deploy }
      - equal: { path: metadata.name, value: your-service }
        not: true
        template: web/service.yaml
        documentIndex: 0
      - containsDocument: { kind: Deployment, apiVersion: apps/v1 }
      - contains: { path: spec.ports, content: { name: web }, count: 1, any: true }
      - failedTemplate: {}
      - failedTemplate: { errorMessage: Required value }
      - notFailedTemplate: {}
      - hasDocuments: { count: 2 }
      - isKind: { of: Deployment }
      - isAPIVersion: { of: apps/v1 }
      - isNullOrEmpty: { path: spec.tls }
      - isSubset: { path: spec.template, content: { metadata: { labels: { app: basic } } } }
      - lengthEqual: { paths: [spec.a, spec.b], count: 1 }
      - matchRegex: { path: metadata.name, pattern: -my-chart$ }
      - matchSnapshot: { path: spec }
      - exists: { path: spec.strategy }
`);
    expect(validate(documented), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a misspelled assertion type", suite({ equals: { path: "a", value: 1 } })],
    ["two assertion types in one assertion", suite({ equal: { path: "a", value: 1 }, isKind: { of: "Pod" } })],
    ["an assertion without a type", suite({ not: true })],
    ["a missing required parameter", suite({ equal: { path: "a" } })],
    ["an unknown suite key", { suit: "x", tests: [{ asserts: [{ isKind: { of: "Pod" } }] }] }],
    ["a test without asserts", { tests: [{ it: "does nothing" }] }],
  ])("rejects %s", (_name, document) => {
    expect(validate(document)).toBe(false);
  });
});
