import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helmTemplate } from "../../tools/src/helm/helm.js";
import { completionDocumentation, formatDiagnostics, hoverText, lineOf, positionInside, positionOf, renderedText, sortDiagnostics } from "../../tools/src/ide/lsp-text.js";
import { withoutModeline } from "../../tools/src/ide/modelines.js";
import { YamlLanguageServer } from "../../tools/src/ide/yaml-language-server.js";
import { repoRoot } from "../../tools/src/paths.js";
import { effectiveSchema, type JsonSchema } from "../../tools/src/schemas/json-schema.js";

/**
 * The editor experience proven on a fixture chart (test/fixtures/ide) with the real
 * yaml-language-server, independent of the repository's charts: diagnostics, completion, hover,
 * the settings mapping for files without a modeline, and agreement with Helm 3 and Helm 4.
 */
const fixtures = join(repoRoot, "test", "fixtures", "ide");
const chartDir = join(fixtures, "chart");
const valuesDir = join(fixtures, "values");
const schema = JSON.parse(readFileSync(join(chartDir, "values.schema.json"), "utf8")) as JsonSchema;
const autoscaling = effectiveSchema(schema, schema.properties?.autoscaling as JsonSchema);

let server: YamlLanguageServer;

beforeAll(async () => {
  server = await YamlLanguageServer.start({
    workspaceRoot: fixtures,
    // What .vscode/settings.json does for people who strip modelines, scoped to the fixture folder.
    settings: { schemas: { "./chart/values.schema.json": ["values/*.yaml"] } },
  });
});

afterAll(async () => {
  await server?.shutdown();
});

describe("diagnostics", () => {
  it("reports exactly the misspelled key, the wrong type and the out-of-range number, on their lines", async () => {
    const file = join(valuesDir, "three-mistakes.yaml");
    const text = readFileSync(file, "utf8");
    const diagnostics = sortDiagnostics(await server.diagnostics(file));
    expect(diagnostics.map((d) => ({ line: d.range.start.line, message: d.message }))).toEqual([
      { line: lineOf(text, "maxReplica: 10"), message: "Property maxReplica is not allowed." },
      { line: lineOf(text, "minReplicas: two"), message: 'Incorrect type. Expected "integer".' },
      { line: lineOf(text, "targetCPUUtilizationPercentage: 150"), message: "Value is above the maximum of 100." },
    ]);
    // Underlined where the user must act: the unknown key, then the two bad values.
    expect(diagnostics[0]?.range.start).toEqual(positionOf(text, "maxReplica:"));
    expect(diagnostics[1]?.range.start).toEqual(positionOf(text, "two"));
    expect(diagnostics[2]?.range.start).toEqual(positionOf(text, "150"));
    expect(diagnostics.every((d) => d.severity === 1)).toBe(true);
  });

  it.each(["values/valid.yaml", "chart/values.yaml"])("reports nothing for the correct file %s", async (relative) => {
    const file = join(fixtures, relative);
    expect(formatDiagnostics(relative, await server.diagnostics(file))).toBe("");
  });

  it("reports a value outside an enum with the allowed values", async () => {
    const diagnostics = await server.diagnostics(join(valuesDir, "enum-miss.yaml"));
    expect(diagnostics.map((d) => d.message)).toEqual(['Value is not accepted. Valid values: "Always", "IfNotPresent", "Never".']);
  });
});

describe("the client", () => {
  it("refuses to open a document that is already open, and can reopen it once closed", async () => {
    const file = join(valuesDir, "valid.yaml");
    const document = await server.open(file);
    await expect(server.open(file)).rejects.toThrow(/already open/);
    await server.close(document);
    // New text at the same path is validated as new text (the server caches documents by URI and version).
    expect(await server.diagnostics(file, "replicaCount: 0\n")).toMatchObject([{ message: "Value is below the minimum of 1.", range: { start: { line: 0 } } }]);
    expect(await server.diagnostics(file, "replicaCount: 11\n")).toMatchObject([{ message: "Value is above the maximum of 10." }]);
  });
});

describe("settings mapping (yaml.schemas) for files without a modeline", () => {
  it("validates a mapped file whose modeline was stripped", async () => {
    const file = join(valuesDir, "three-mistakes.yaml");
    const stripped = withoutModeline(readFileSync(file, "utf8"));
    expect(stripped).not.toContain("yaml-language-server");
    const diagnostics = await server.diagnostics(file, stripped);
    expect(diagnostics.map((d) => d.message).sort()).toEqual(["Incorrect type. Expected \"integer\".", "Property maxReplica is not allowed.", "Value is above the maximum of 100."]);
  });

  it("validates nothing when neither a modeline nor a mapping applies (the control)", async () => {
    const stripped = withoutModeline(readFileSync(join(valuesDir, "three-mistakes.yaml"), "utf8"));
    expect(await server.diagnostics(join(fixtures, "unmapped", "three-mistakes.yaml"), stripped)).toEqual([]);
  });
});

describe("completion", () => {
  it("offers the keys of a nested object with their descriptions, minus those already set", async () => {
    const text = "# yaml-language-server: $schema=../chart/values.schema.json\nautoscaling:\n  enabled: true\n  \n";
    const document = await server.open(join(valuesDir, "completion.yaml"), text);
    try {
      const items = await server.completion(document, { line: 3, character: 2 });
      const offered = new Map(items.map((item) => [item.label, completionDocumentation(item)]));
      const expected = Object.entries(autoscaling.properties ?? {}).filter(([key]) => key !== "enabled");
      expect(expected.length).toBeGreaterThan(2);
      for (const [key, property] of expected) expect(offered.get(key), `completion for autoscaling.${key}`).toBe(property.description);
      expect([...offered.keys()]).not.toContain("enabled");
      expect([...offered.keys()], "keys of another object must not leak in").not.toContain("replicaCount");
    } finally {
      await server.close(document);
    }
  });
});

describe("hover", () => {
  it("shows the description of a nested key and of a top-level key", async () => {
    const file = join(valuesDir, "valid.yaml");
    const text = readFileSync(file, "utf8");
    const document = await server.open(file, text);
    try {
      const nested = hoverText(await server.hover(document, positionInside(text, "targetCPUUtilizationPercentage")));
      expect(renderedText(nested)).toContain(autoscaling.properties?.targetCPUUtilizationPercentage?.description);
      const tag = hoverText(await server.hover(document, positionInside(text, "tag:")));
      expect(renderedText(tag)).toContain("Image tag; pin it, never `latest`.");
      const top = hoverText(await server.hover(document, positionInside(text, "podAnnotations")));
      expect(renderedText(top)).toContain(schema.properties?.podAnnotations?.description);
      expect(renderedText(top)).not.toContain(autoscaling.properties?.targetCPUUtilizationPercentage?.description);
    } finally {
      await server.close(document);
    }
  });
});

describe("the language server and Helm agree", () => {
  const files = readdirSync(valuesDir).filter((f) => f.endsWith(".yaml")).sort();

  it("has accepted and rejected files to compare", async () => {
    const verdicts = await Promise.all(files.map(async (f) => (await server.diagnostics(join(valuesDir, f))).length === 0));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it.each(files)("%s: rejected by the language server exactly when Helm 3.17 and Helm 4.1 reject it", async (name) => {
    const file = join(valuesDir, name);
    const diagnostics = await server.diagnostics(file);
    for (const binary of ["helm", "helm3"] as const) {
      const render = helmTemplate(binary, chartDir, { releaseName: "fixture", valuesFiles: [file] });
      const editorAccepts = diagnostics.length === 0;
      const helmAccepts = render.status === 0;
      expect(helmAccepts, `${binary}: editor says ${editorAccepts ? "valid" : formatDiagnostics(name, diagnostics)}; helm says ${render.stderr || "ok"}`).toBe(editorAccepts);
      if (!helmAccepts) expect(render.stderr).toContain("values don't meet the specifications of the schema(s)");
    }
  });
});
