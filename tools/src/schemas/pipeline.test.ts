import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { bundleSchema, DRAFT_07, type SchemaReader } from "./bundle.js";
import { defaultsOf } from "./defaults.js";
import type { JsonSchema } from "./json-schema.js";
import { lintSchema } from "./lint.js";
import { renderValuesTable, spliceValuesTable, valuesRows, VALUES_END, VALUES_START } from "./values-table.js";
import { renderValuesYaml } from "./values-yaml.js";

function memoryReader(files: Record<string, JsonSchema>): SchemaReader {
  return (path) => {
    const file = files[path];
    if (!file) throw new Error(`ENOENT ${path}`);
    return structuredClone(file);
  };
}

const image: JsonSchema = {
  $schema: DRAFT_07,
  title: "Image",
  description: "Container image.",
  type: "object",
  additionalProperties: false,
  properties: {
    repository: { type: "string", description: "Repository.", default: "example/app" },
    tag: { type: "string", description: "Tag.", default: "" },
    pullPolicy: { $ref: "./pull-policy.json", description: "When to pull.", default: "IfNotPresent" },
  },
};
const pullPolicy: JsonSchema = { description: "Pull policy.", type: "string", enum: ["Always", "IfNotPresent", "Never"] };
const chart: JsonSchema = {
  $schema: DRAFT_07,
  title: "demo",
  type: "object",
  additionalProperties: false,
  properties: {
    global: { type: "object", description: "Global values.", default: {}, additionalProperties: true },
    replicaCount: { type: "integer", minimum: 1, description: "Pods.", default: 1 },
    image: { $ref: "../definitions/image.json", description: "The demo image.", default: { repository: "demo/server", tag: "1.0.0", pullPolicy: "IfNotPresent" } },
    podLabels: { type: "object", description: "Extra pod labels.", additionalProperties: { type: "string" }, default: {} },
  },
};
const files = {
  "/repo/schemas/charts/demo.json": chart,
  "/repo/schemas/definitions/image.json": image,
  "/repo/schemas/definitions/pull-policy.json": pullPolicy,
};

describe("bundleSchema", () => {
  const bundled = bundleSchema("/repo/schemas/charts/demo.json", memoryReader(files));

  it("inlines every referenced file under definitions and leaves only internal refs", () => {
    expect(Object.keys(bundled.definitions ?? {})).toEqual(["image", "pull-policy"]);
    const refs = JSON.stringify(bundled).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/"\$ref":"#\/definitions\//);
    expect(bundled.$schema).toBe(DRAFT_07);
    expect(bundled.definitions?.image?.$schema).toBeUndefined();
  });

  it("moves annotations beside a $ref into an allOf so draft-07 tools keep them", () => {
    expect(bundled.properties?.image).toEqual({
      description: "The demo image.",
      default: { repository: "demo/server", tag: "1.0.0", pullPolicy: "IfNotPresent" },
      allOf: [{ $ref: "#/definitions/image" }],
    });
  });

  it("produces a schema that Ajv compiles and that rejects typos", () => {
    const validate = new Ajv({ strict: false }).compile(bundled);
    expect(validate({ image: { repository: "a", tag: "b" } })).toBe(true);
    expect(validate({ image: { repositry: "a" } })).toBe(false);
    expect(validate({ replicaCountt: 2 })).toBe(false);
    expect(validate({ image: { pullPolicy: "Sometimes" } })).toBe(false);
  });

  it("rewrites a definition file's own internal refs to its place in the bundle", () => {
    const withInternal: JsonSchema = {
      type: "object",
      additionalProperties: false,
      definitions: { port: { type: "integer", description: "Port.", default: 80 } },
      properties: { http: { $ref: "#/definitions/port", description: "HTTP port." } },
    };
    const out = bundleSchema("/r/c.json", memoryReader({ "/r/c.json": { type: "object", additionalProperties: false, properties: { svc: { $ref: "./svc.json" } } }, "/r/svc.json": withInternal }));
    expect(out.definitions?.svc?.properties?.http?.allOf).toEqual([{ $ref: "#/definitions/svc/definitions/port" }]);
  });

  it("rejects remote refs and clashing definition names with the file named", () => {
    expect(() => bundleSchema("/r/c.json", memoryReader({ "/r/c.json": { properties: { a: { $ref: "https://example.com/s.json" } } } }))).toThrow(/\/r\/c\.json at \/properties\/a: remote \$ref/);
    const clash = memoryReader({ "/r/c.json": { properties: { a: { $ref: "./x/image.json" }, b: { $ref: "./y/image.json" } } }, "/r/x/image.json": {}, "/r/y/image.json": {} });
    expect(() => bundleSchema("/r/c.json", clash)).toThrow(/share the definition name "image"/);
    expect(() => bundleSchema("/r/c.json", memoryReader({ "/r/c.json": { properties: { a: { $ref: "./missing.json" } } } }))).toThrow(/missing\.json.*cannot read schema/);
  });

  it("does not mistake a property named like a keyword for the keyword", () => {
    const out = bundleSchema("/r/c.json", memoryReader({ "/r/c.json": { type: "object", properties: { default: { $ref: "./d.json" } } }, "/r/d.json": { type: "string" } }));
    expect(out.properties?.default).toEqual({ $ref: "#/definitions/d" });
  });
});

describe("defaultsOf", () => {
  const bundled = bundleSchema("/repo/schemas/charts/demo.json", memoryReader(files));
  it("takes a property's own default over its building block's, and recurses otherwise", () => {
    expect(defaultsOf(bundled)).toEqual({ global: {}, replicaCount: 1, image: { repository: "demo/server", tag: "1.0.0", pullPolicy: "IfNotPresent" }, podLabels: {} });
    expect(defaultsOf(bundled, { $ref: "#/definitions/image" })).toEqual({ repository: "example/app", tag: "", pullPolicy: "IfNotPresent" });
  });
});

describe("lintSchema", () => {
  it("accepts a schema that follows the house rules", () => {
    expect(lintSchema(bundleSchema("/repo/schemas/charts/demo.json", memoryReader(files)))).toEqual([]);
  });
  it("reports a missing description, a leaf without default and an undecided object", () => {
    const bad: JsonSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        a: { type: "string", default: "x" },
        b: { type: "integer", description: "B." },
        c: { type: "object", description: "C.", properties: { d: { type: "string", description: "D.", default: "" } } },
      },
    };
    expect(lintSchema(bad)).toEqual([
      { pointer: "/properties/a", message: 'property "a" has no description.' },
      { pointer: "/properties/b", message: 'property "b" has no default; every leaf needs one so values.yaml can be generated.' },
      { pointer: "/properties/c", message: 'object has properties but no "additionalProperties" decision; add "additionalProperties": false (or true for a free-form map).' },
    ]);
  });
});

describe("values.yaml and README table", () => {
  const bundled = bundleSchema("/repo/schemas/charts/demo.json", memoryReader(files));
  const defaults = defaultsOf(bundled) as Record<string, unknown>;
  const text = renderValuesYaml(bundled, defaults, { header: ["yaml-language-server: $schema=values.schema.json"] });

  it("renders the defaults with each key's description as a comment", () => {
    expect(parseYaml(text)).toEqual(defaults);
    expect(text.startsWith("# yaml-language-server: $schema=values.schema.json\n")).toBe(true);
    expect(text).toContain("# The demo image.\nimage:\n  # Repository.\n  repository: demo/server\n");
  });

  it("describes a list item's keys once, on the first item", () => {
    const listSchema: JsonSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        databases: {
          type: "array",
          description: "Databases.",
          default: [{ name: "a" }, { name: "b" }],
          items: { type: "object", additionalProperties: false, properties: { name: { type: "string", description: "Database name." } } },
        },
      },
    };
    const out = renderValuesYaml(listSchema, { databases: [{ name: "a" }, { name: "b" }] }, { header: [] });
    expect(out).toBe("# Databases.\ndatabases:\n  - # Database name.\n    name: a\n  - name: b\n");
  });

  it("lists leaves with the chart's defaults, not the building block's", () => {
    const rows = valuesRows(bundled);
    expect(rows.map((r) => r.key)).toEqual(["global", "replicaCount", "image.repository", "image.tag", "image.pullPolicy", "podLabels"]);
    expect(rows.find((r) => r.key === "image.repository")).toEqual({ key: "image.repository", type: "string", default: '"demo/server"', description: "Repository." });
    expect(rows.find((r) => r.key === "image.pullPolicy")?.type).toBe('enum ("Always", "IfNotPresent", "Never")');
  });

  it("replaces only the generated region of a README", () => {
    const table = renderValuesTable(valuesRows(bundled));
    const readme = `# demo\n\nIntro.\n\n${VALUES_START}\nold\n${VALUES_END}\n\nFooter.\n`;
    const out = spliceValuesTable(readme, table, "<!-- note -->");
    expect(out.startsWith("# demo\n\nIntro.\n\n<!-- values:start -->\n<!-- note -->\n\n| Key |")).toBe(true);
    expect(out.endsWith(`${VALUES_END}\n\nFooter.\n`)).toBe(true);
    expect(out).not.toContain("old");
  });
});
