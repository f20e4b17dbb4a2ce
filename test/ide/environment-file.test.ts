import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vscodeYamlSchemas } from "../../tools/src/ide/modelines.js";
import { YamlLanguageServer } from "../../tools/src/ide/yaml-language-server.js";
import { repoRoot } from "../../tools/src/paths.js";

/** environment.yaml in the editor: the schema knows the catalog, so a misspelled component is flagged as you type. */
const relative = "environments/production/environment.yaml";
const file = join(repoRoot, relative);

describe("environment.yaml in the real YAML language server", () => {
  let server: YamlLanguageServer;
  beforeAll(async () => {
    server = await YamlLanguageServer.start({ workspaceRoot: repoRoot, settings: { schemas: vscodeYamlSchemas(repoRoot) } });
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it("the committed file gets zero diagnostics", async () => {
    expect(await server.diagnostics(file)).toEqual([]);
  });

  it("a misspelled component name is reported on its own line", async () => {
    const text = readFileSync(file, "utf8");
    const misspelled = text.replace(/^ {2}mcp-server:$/m, "  mcp-servr:");
    expect(misspelled).not.toBe(text);
    const line = misspelled.split("\n").findIndex((l) => l === "  mcp-servr:");
    const diagnostics = await server.diagnostics(file, misspelled);
    expect(diagnostics.map((d) => d.range.start.line)).toContain(line);
    expect(diagnostics.find((d) => d.range.start.line === line)?.message).toMatch(/mcp-servr|Value is not accepted|not allowed/);
  });
});
