import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../paths.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import { declaredProperties, misspell, plantMistakes } from "./values-mistakes.js";

const schema = JSON.parse(readFileSync(join(repoRoot, "test", "fixtures", "ide", "chart", "values.schema.json"), "utf8")) as JsonSchema;

describe("declaredProperties", () => {
  it("walks plain nested objects through $ref/allOf and skips global", () => {
    expect(declaredProperties(schema).map((p) => p.path.join("."))).toEqual([
      "replicaCount",
      "image",
      "image.repository",
      "image.tag",
      "image.pullPolicy",
      "autoscaling",
      "autoscaling.enabled",
      "autoscaling.minReplicas",
      "autoscaling.maxReplicas",
      "autoscaling.targetCPUUtilizationPercentage",
      "podAnnotations",
    ]);
  });
});

describe("misspell", () => {
  it("returns an undeclared near-miss", () => {
    expect(misspell("maxReplicas", new Set(["maxReplicas"]))).toBe("maxReplica");
    expect(misspell("tags", new Set(["tags", "tag"]))).toBe("tagss");
    expect(misspell("a", new Set(["a"]))).toBe("as");
  });
});

describe("plantMistakes", () => {
  it("plants one mistake of each kind among the values the file already sets, keeping its comments", () => {
    const text = "# keep me\nreplicaCount: 2\nautoscaling:\n  enabled: true\n  maxReplicas: 5 # and me\n";
    const plan = plantMistakes(schema, text);
    expect(plan.text).toContain("# keep me");
    expect(plan.text).toContain("# and me");
    expect(plan.mistakes.map((m) => [m.kind, m.path.join(".")])).toEqual([
      ["misspelled-key", "autoscaling.enable"],
      ["wrong-type", "replicaCount"],
      ["out-of-range", "autoscaling.maxReplicas"],
    ]);
    const values = parse(plan.text) as Record<string, Record<string, unknown>>;
    expect(values.replicaCount).toBe("wrong-type");
    expect(values.autoscaling).toEqual({ enabled: true, maxReplicas: 101, enable: true });
    const lines = plan.text.split("\n");
    for (const mistake of plan.mistakes) expect(lines[mistake.line], mistake.description).toContain(mistake.path[mistake.path.length - 1]);
  });

  it("falls back to schema order for what the file does not set", () => {
    const plan = plantMistakes(schema, "podAnnotations: {}\n");
    expect(plan.mistakes.map((m) => [m.kind, m.path.join(".")])).toEqual([
      ["misspelled-key", "image.repositor"],
      ["wrong-type", "replicaCount"],
      ["out-of-range", "autoscaling.minReplicas"],
    ]);
    expect(plan.text.split("\n")[plan.mistakes[0]?.line ?? -1]).toBe("  repositor: true");
    expect((parse(plan.text) as { autoscaling: unknown }).autoscaling).toEqual({ minReplicas: 101 });
  });

  it("works on an empty file and refuses one that does not parse", () => {
    expect(plantMistakes(schema, "").mistakes).toHaveLength(3);
    const commentsOnly = plantMistakes(schema, "# yaml-language-server: $schema=values.schema.json\n# nothing overridden yet\n");
    expect(commentsOnly.mistakes).toHaveLength(3);
    expect(commentsOnly.text.startsWith("# yaml-language-server: $schema=values.schema.json\n")).toBe(true);
    expect(() => plantMistakes(schema, "a: [\n")).toThrow(/does not parse/);
  });

  it("plants nothing the schema cannot express", () => {
    const open: JsonSchema = { type: "object", additionalProperties: true, properties: { name: { type: "string", description: "x" } } };
    expect(plantMistakes(open, "name: a\n").mistakes).toEqual([]);
  });
});
