import { describe, expect, it } from "vitest";
import { combineChartSchemas } from "./combined-schema.js";
import type { JsonSchema } from "./json-schema.js";

const image: JsonSchema = { title: "Image", type: "object", additionalProperties: false, properties: { tag: { type: "string", description: "Tag.", default: "" } } };
const chart = (storage: JsonSchema): JsonSchema => ({
  type: "object",
  additionalProperties: false,
  properties: { image: { $ref: "#/definitions/image" }, storage: { $ref: "#/definitions/storage" } },
  definitions: { image, storage },
});

describe("combineChartSchemas", () => {
  it("keeps one copy of each building block and namespaces each chart's own definitions", () => {
    const combined = combineChartSchemas(
      [
        { name: "a", schema: chart({ type: "string", description: "A storage." }) },
        { name: "b", schema: chart({ type: "integer", description: "B storage." }) },
      ],
      new Set(["image"]),
    );
    expect(Object.keys(combined.definitions ?? {})).toEqual(["a-storage", "a-values", "b-storage", "b-values", "image"]);
    expect(combined.definitions?.["a-values"]?.properties?.storage).toEqual({ $ref: "#/definitions/a-storage" });
    expect(combined.definitions?.["b-values"]?.properties?.image).toEqual({ $ref: "#/definitions/image" });
    expect(combined.definitions?.["b-values"]?.title).toBe("BValues");
    expect(combined.properties?.b).toEqual({ $ref: "#/definitions/b-values", description: "Values of charts/b." });
  });

  it("refuses two charts carrying different copies of the same building block", () => {
    const other = { ...chart({ type: "string", description: "S." }), definitions: { image: { ...image, title: "Changed" }, storage: { type: "string" } } };
    expect(() => combineChartSchemas([{ name: "a", schema: chart({ type: "string" }) }, { name: "b", schema: other }], new Set(["image"]))).toThrow(/charts\/b\/values.schema.json: building block "image" differs/);
  });
});
