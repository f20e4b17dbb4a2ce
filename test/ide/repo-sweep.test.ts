import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationCharts } from "../../tools/src/charts/discover.js";
import { schemaBoundYamlFiles } from "../../tools/src/ide/editable-yaml.js";
import { formatDiagnostics } from "../../tools/src/ide/lsp-text.js";
import { modelineProblems } from "../../tools/src/ide/modeline-audit.js";
import { vscodeYamlSchemas, withoutModeline } from "../../tools/src/ide/modelines.js";
import { schemaAssociations } from "../../tools/src/ide/schema-associations.js";
import { YamlLanguageServer } from "../../tools/src/ide/yaml-language-server.js";
import { repoRoot } from "../../tools/src/paths.js";
import type { Diagnostic } from "vscode-languageserver-protocol";

/**
 * Every committed YAML file an editor validates against a schema (found by walking the tree, so
 * files added later are covered) opens in the real yaml-language-server, configured with the
 * repository's `.vscode/settings.json` mapping, without a single diagnostic.
 */
const associations = schemaAssociations(repoRoot);
const files = schemaBoundYamlFiles(repoRoot, associations);
/**
 * Documents open at once. yaml-language-server validates a document 200 ms after it opens
 * (yaml-language-server 1.25.0 lib/esm/yamlSettings.js:43 `validationDelayMs = 200`;
 * lib/esm/languageserver/handlers/validationHandlers.js:16-21, one timer per document), so the
 * sweep waits about one delay per batch. 48 at a time still answer well inside the 30 s timeout.
 */
const OPEN_AT_ONCE = 48;

let server: YamlLanguageServer;
const diagnostics = new Map<string, Diagnostic[]>();

beforeAll(async () => {
  server = await YamlLanguageServer.start({ workspaceRoot: repoRoot, settings: { schemas: vscodeYamlSchemas(repoRoot) } });
  // Validation is debounced per document, so opening a batch at once costs one debounce, not one per file.
  for (let i = 0; i < files.length; i += OPEN_AT_ONCE) {
    const batch = files.slice(i, i + OPEN_AT_ONCE);
    const results = await Promise.all(batch.map((file) => server.diagnostics(join(repoRoot, file.path))));
    batch.forEach((file, j) => diagnostics.set(file.path, results[j] ?? []));
  }
});

afterAll(async () => {
  await server?.shutdown();
});

describe("whole-repository sweep with the real YAML language server", () => {
  it("covers every application chart's values.yaml", () => {
    const swept = new Set(files.map((f) => f.path));
    for (const chart of applicationCharts(repoRoot)) expect(swept, `charts/${chart.name}/values.yaml`).toContain(`charts/${chart.name}/values.yaml`);
  });

  it("every schema-bound file carries a modeline that agrees with .vscode/settings.json", () => {
    expect(modelineProblems(repoRoot, files).join("\n")).toBe("");
  });

  it.each(files.map((f) => f.path))("%s: zero diagnostics", (path) => {
    expect(formatDiagnostics(path, diagnostics.get(path) ?? [])).toBe("");
  });

  // For people who strip modelines: each settings mapping alone must reach its schema, shown by a
  // stray top-level key that only a strict schema rejects.
  const mapped = associations
    .map((association) => ({ schema: association.schema, file: files.find((f) => f.mappedSchema === association.schema) }))
    .filter((m): m is { schema: string; file: (typeof files)[number] } => m.file !== undefined);

  // Concurrent: each waits out the server's validation delay on its own document, so the waits overlap.
  it.concurrent.for(mapped.map((m) => [m.schema, m.file.path] as const))("the settings mapping alone applies %s to %s", async ([, path], { expect }) => {
    const text = withoutModeline(readFileSync(join(repoRoot, path), "utf8"));
    const strayKey = `${text.endsWith("\n") || text === "" ? "" : "\n"}zzNotAKey: true\n`;
    const found = await server.diagnostics(join(repoRoot, path), text + strayKey);
    expect(found.map((d) => d.message)).toEqual(["Property zzNotAKey is not allowed."]);
  });
});
