import { describe, expect, it } from "vitest";
import { buildCatalog } from "./catalog.js";
import { parseChartMetadata } from "./chart-metadata.js";

const chart = (annotations: string, name = "mcp-server", extra = "") => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}annotations:\n${annotations}`;

describe("parseChartMetadata", () => {
  it("reads layer, group and sorted, de-duplicated dependencies", () => {
    const result = parseChartMetadata("mcp-server", "charts/mcp-server/Chart.yaml", chart("  platform.mcp-security.io/layer: platform\n  platform.mcp-security.io/group: core-services\n  platform.mcp-security.io/dependencies: redis, authentication\n"));
    expect(result).toMatchObject({ kind: "component", component: { name: "mcp-server", source: { kind: "chart", path: "charts/mcp-server" }, valuesSchemaFile: "charts/mcp-server/values.schema.json", layer: "platform", group: "core-services", dependencies: ["authentication", "redis"] } });
    expect(result.kind === "component" && result.component.locateDependencies()).toEqual({ line: 7, column: 42 });
  });

  it("defaults the group to the chart name and allows no dependencies", () => {
    const result = parseChartMetadata("mcp-server", "c", chart("  platform.mcp-security.io/layer: application\n"));
    expect(result).toMatchObject({ kind: "component", component: { group: "mcp-server", dependencies: [] } });
  });

  it("skips library charts", () => {
    expect(parseChartMetadata("common", "c", "apiVersion: v2\nname: common\ntype: library\nversion: 0.1.0\n")).toEqual({ kind: "library" });
  });

  it("rejects a missing or unknown layer with the annotation to add", () => {
    const missing = parseChartMetadata("x", "charts/x/Chart.yaml", "apiVersion: v2\nname: x\nversion: 0.1.0\n");
    expect(missing).toMatchObject({ kind: "invalid", problems: [{ code: "GEN010", message: "annotation platform.mcp-security.io/layer is missing; it must be one of infrastructure, platform, application." }] });
    const wrong = parseChartMetadata("x", "charts/x/Chart.yaml", chart("  platform.mcp-security.io/layer: apps\n", "x"));
    expect(wrong).toMatchObject({ kind: "invalid", problems: [{ code: "GEN010", location: { line: 5, column: 35 } }] });
  });

  it("rejects a chart whose name differs from its directory, and malformed dependencies", () => {
    const result = parseChartMetadata("mcp-server", "c", chart("  platform.mcp-security.io/layer: platform\n  platform.mcp-security.io/dependencies: Redis, redis;x\n", "mcp"));
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.problems.map((p) => p.message)).toEqual([
      'chart name "mcp" differs from its directory "mcp-server"; the component name is the directory name.',
      'annotation platform.mcp-security.io/dependencies: "Redis" is not a chart name (lowercase letters, digits and dashes).',
      'annotation platform.mcp-security.io/dependencies: "redis;x" is not a chart name (lowercase letters, digits and dashes).',
    ]);
  });

  it("reports malformed Chart.yaml as GEN001", () => {
    expect(parseChartMetadata("x", "c", "name: [x\n")).toMatchObject({ kind: "invalid", problems: [{ code: "GEN001" }] });
  });
});

describe("buildCatalog", () => {
  it("sorts components by name and collects every chart's problems", () => {
    const catalog = buildCatalog([
      { directoryName: "b", chartFile: "charts/b/Chart.yaml", text: chart("  platform.mcp-security.io/layer: platform\n", "b") },
      { directoryName: "a", chartFile: "charts/a/Chart.yaml", text: chart("  platform.mcp-security.io/layer: infrastructure\n", "a") },
      { directoryName: "c", chartFile: "charts/c/Chart.yaml", text: chart("  platform.mcp-security.io/layer: nope\n", "c") },
    ]);
    expect(catalog.components.map((c) => c.name)).toEqual(["a", "b"]);
    expect(catalog.problems.map((p) => p.file)).toEqual(["charts/c/Chart.yaml"]);
  });
});
