import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { helmTemplate } from "../../tools/src/helm/helm.js";
import { completionDocumentation, formatDiagnostics, hoverBody, renderedText, sortDiagnostics } from "../../tools/src/ide/lsp-text.js";
import { vscodeYamlSchemas } from "../../tools/src/ide/modelines.js";
import { plantMistakes, type MistakeKind } from "../../tools/src/ide/values-mistakes.js";
import { YamlLanguageServer } from "../../tools/src/ide/yaml-language-server.js";
import { repoRoot } from "../../tools/src/paths.js";
import { childSchema, itemSchema } from "../../tools/src/schemas/defaults.js";
import { effectiveSchema, typesOf, type JsonSchema } from "../../tools/src/schemas/json-schema.js";

/**
 * Issue 7's proof on the real thing: the production values of mcp-server, opened in the real
 * yaml-language-server the way VS Code opens it, with mistakes planted from the chart's own schema.
 */
const CHART = "mcp-server";
const chartDir = join(repoRoot, "charts", CHART);
const schemaFile = join(chartDir, "values.schema.json");
const productionRelative = `environments/production/values/${CHART}.yaml`;
const productionFile = join(repoRoot, productionRelative);
const SCHEMA_ERROR = "values don't meet the specifications of the schema(s)";


const MESSAGES: Record<MistakeKind, RegExp> = {
  "misspelled-key": /^Property \S+ is not allowed\.$/,
  "wrong-type": /^Incorrect type\. Expected "(integer|number|boolean)"\.$/,
  "out-of-range": /^Value is (above the maximum|below the minimum) of -?\d+(\.\d+)?\.$/,
};

describe(`production values of ${CHART} in the editor`, () => {
  let server: YamlLanguageServer;
  let schema: JsonSchema;
  let production: string;

  beforeAll(async () => {
    schema = JSON.parse(readFileSync(schemaFile, "utf8")) as JsonSchema;
    production = readFileSync(productionFile, "utf8");
    server = await YamlLanguageServer.start({ workspaceRoot: repoRoot, settings: { schemas: vscodeYamlSchemas(repoRoot) } });
  });

  afterAll(async () => {
    await server?.shutdown();
  });

  it("the committed production file gets zero diagnostics, and Helm accepts it too", async () => {
    expect(formatDiagnostics(productionRelative, await server.diagnostics(productionFile))).toBe("");
    for (const binary of ["helm", "helm3"] as const) {
      const render = helmTemplate(binary, chartDir, { releaseName: CHART, namespace: "mcp-platform", valuesFiles: [productionFile] });
      expect(render.stderr, `${binary} rejects ${productionRelative}`).not.toContain(SCHEMA_ERROR);
    }
  });

  it("a misspelled key, a wrong type and an out-of-range number give exactly those three diagnostics, on their lines", async () => {
    const plan = plantMistakes(schema, production);
    expect(plan.mistakes.map((m) => m.kind), "the schema offers all three kinds of mistake").toEqual(["misspelled-key", "wrong-type", "out-of-range"]);
    const diagnostics = sortDiagnostics(await server.diagnostics(productionFile, plan.text));
    const report = `${plan.mistakes.map((m) => `planted ${m.kind} at line ${m.line + 1}: ${m.description}`).join("\n")}\ngot:\n${formatDiagnostics(productionRelative, diagnostics)}`;
    expect(diagnostics.length, report).toBe(3);
    const expected = [...plan.mistakes].sort((a, b) => a.line - b.line);
    expected.forEach((mistake, i) => {
      expect(diagnostics[i]?.range.start.line, report).toBe(mistake.line);
      expect(diagnostics[i]?.message, report).toMatch(MESSAGES[mistake.kind]);
    });
  });

  it.each(["misspelled-key", "wrong-type", "out-of-range"] as const)("Helm 3.17 and Helm 4.1 reject the %s the editor flags", async (kind) => {
    const plan = plantMistakes(schema, production, [kind]);
    const diagnostics = await server.diagnostics(productionFile, plan.text);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(MESSAGES[kind])]);
    const file = join(mkdtempSync(join(tmpdir(), "ide-production-")), `${CHART}.yaml`);
    writeFileSync(file, plan.text);
    for (const binary of ["helm", "helm3"] as const) {
      const render = helmTemplate(binary, chartDir, { releaseName: CHART, namespace: "mcp-platform", valuesFiles: [file] });
      expect(render.status, `${binary} accepted ${plan.mistakes[0]?.description}`).not.toBe(0);
      expect(render.stderr).toContain(SCHEMA_ERROR);
    }
  });

  it("completion inside a nested object offers its keys with their descriptions", async () => {
    const [key, nested] = nestedObjectForCompletion(schema);
    const text = `# yaml-language-server: $schema=../../../charts/${CHART}/values.schema.json\n${key}:\n  \n`;
    const document = await server.open(productionFile, text);
    try {
      const items = await server.completion(document, { line: 2, character: 2 });
      const offered = new Map(items.map((item) => [String(item.label), renderedText(completionDocumentation(item))]));
      for (const [name, property] of Object.entries(nested.properties ?? {})) {
        const description = documentationOf(schema, property);
        expect(offered.has(name), `${key}.${name} is offered (offered: ${[...offered.keys()].join(", ")})`).toBe(true);
        expect(offered.get(name), `${key}.${name} completion documentation`).toContain(renderedText(description));
      }
    } finally {
      await server.close(document);
    }
  });

  it("hover documents every key the production file sets, and shows a leaf's own description", async () => {
    const document = await server.open(productionFile, production);
    try {
      const keys = declaredKeys(schema, production);
      expect(keys.length).toBeGreaterThan(0);
      const undocumented: string[] = [];
      for (const key of keys) {
        const body = renderedText(hoverBody(await server.hover(document, { line: key.line, character: key.character + 1 })));
        if (body === "") undocumented.push(`${key.path.join(".")} (line ${key.line + 1})`);
        if (key.ownDescription) expect(body, `hover on ${key.path.join(".")}`).toContain(renderedText(key.ownDescription));
      }
      expect(undocumented, "keys whose hover shows no description").toEqual([]);
      expect(keys.some((k) => k.ownDescription), "at least one leaf hover is checked word for word").toBe(true);
    } finally {
      await server.close(document);
    }
  });
});

function documentationOf(root: JsonSchema, property: JsonSchema): string {
  const effective = effectiveSchema(root, property);
  return property.markdownDescription ?? property.description ?? effective.markdownDescription ?? effective.description ?? "";
}

/** `autoscaling` when the chart has it (the issue's example), else the first closed nested object. */
function nestedObjectForCompletion(root: JsonSchema): [string, JsonSchema] {
  const candidates = Object.entries(root.properties ?? {})
    .map(([name, property]) => [name, effectiveSchema(root, property)] as [string, JsonSchema])
    .filter(([name, s]) => name !== "global" && Object.keys(s.properties ?? {}).length >= 2);
  const chosen = candidates.find(([name]) => name === "autoscaling") ?? candidates[0];
  if (!chosen) throw new Error(`charts/${CHART}/values.schema.json has no nested object with two or more keys to complete.`);
  return chosen;
}

interface DeclaredKey {
  path: string[];
  line: number;
  character: number;
  /** The description written on the property itself (no $ref), which hover must show verbatim. */
  ownDescription?: string;
}

/** Every key of the file that the schema declares (free-form map entries are the user's own keys). */
function declaredKeys(root: JsonSchema, text: string): DeclaredKey[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const keys: DeclaredKey[] = [];
  const visit = (node: Node | null, schema: JsonSchema, path: string[]): void => {
    if (isMap(node)) {
      const declared = effectiveSchema(root, schema).properties ?? {};
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const child = childSchema(root, schema, name);
        if (!child) continue;
        if (name in declared && pair.key.range) {
          const position = lineCounter.linePos(pair.key.range[0]);
          const plainLeaf = child.$ref === undefined && child.allOf === undefined && !typesOf(child).includes("object");
          const own = child.markdownDescription ?? child.description;
          keys.push({ path: [...path, name], line: position.line - 1, character: position.col - 1, ...(plainLeaf && own ? { ownDescription: own } : {}) });
        }
        visit(pair.value as Node | null, child, [...path, name]);
      }
    } else if (isSeq(node)) {
      const items = itemSchema(root, schema);
      if (items) node.items.forEach((item, i) => visit(item as Node, items, [...path, String(i)]));
    }
  };
  visit(doc.contents as Node | null, root, []);
  return keys;
}
