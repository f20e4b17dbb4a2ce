import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { findDrift } from "../tools/src/files/planned-files.js";
import { repoRoot } from "../tools/src/paths.js";
import { defaultsOf } from "../tools/src/schemas/defaults.js";
import type { JsonSchema } from "../tools/src/schemas/json-schema.js";
import { formatSchemaProblems, planSchemaOutputs } from "../tools/src/schemas/plan.js";

const applicationCharts = readdirSync(join(repoRoot, "charts"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, "charts", d.name, "values.schema.json")))
  .map((d) => d.name)
  .sort();

describe("schema pipeline output committed in the repository", () => {
  it("has no problems and matches the committed files byte for byte (run `nx run generate:schemas` when this fails)", async () => {
    const plan = await planSchemaOutputs(repoRoot);
    expect(formatSchemaProblems(plan.problems)).toBe("");
    const drift = findDrift(repoRoot, plan.files);
    expect(drift.map((d) => d.patch).join("\n")).toBe("");
  });

  it.each(applicationCharts)("%s: values.yaml equals the defaults of values.schema.json", (chart) => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "charts", chart, "values.schema.json"), "utf8")) as JsonSchema;
    const values = parseYaml(readFileSync(join(repoRoot, "charts", chart, "values.yaml"), "utf8")) as unknown;
    expect(values).toEqual(defaultsOf(schema));
  });

  it("the editor's environment schema lists exactly the catalog's component names", () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, "environments", "environment.schema.json"), "utf8")) as JsonSchema;
    const names = (schema.properties?.components?.propertyNames as JsonSchema | undefined)?.enum ?? [];
    const upstream = readdirSync(join(repoRoot, "schemas", "upstream")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
    expect([...names].sort()).toEqual([...applicationCharts, ...upstream].sort());
    expect(names).toContain("mcp-server");
    expect(names).not.toContain("mcp-servr");
  });
});
