import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { paths } from "../paths.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import { displayPattern, findPromotablePatterns } from "./promotable-fields.js";

const environmentSchema = JSON.parse(readFileSync(join(paths.schemas, "environment.json"), "utf8")) as JsonSchema;

describe("findPromotablePatterns", () => {
  it("reads the promotable keys of schemas/environment.json from the x-promotable keyword", () => {
    const patterns = findPromotablePatterns(environmentSchema).map(displayPattern);
    expect(patterns).toContain("components.*.chartRevision");
    expect(patterns).toContain("components.*.imageTag");
    expect(patterns).toContain("components.*.imageDigest");
    // Environment-specific keys of a component are not promotable.
    for (const local of ["components.*.namespace", "components.*.enabled", "components.*.serverSideApply", "domain"]) expect(patterns).not.toContain(local);
  });

  it("follows $ref, additionalProperties, patternProperties and conditional branches, and keeps defaults", () => {
    const schema: JsonSchema = {
      definitions: { tag: { type: "string", "x-promotable": true, default: "latest" } },
      properties: {
        argocd: { properties: { version: { type: "string", "x-promotable": true } } },
        services: { additionalProperties: { properties: { tag: { $ref: "#/definitions/tag" }, replicas: { type: "integer" } } } },
        jobs: { patternProperties: { "^[a-z]+$": { properties: { revision: { "x-promotable": true } } } } },
        extra: { if: { properties: {} }, then: { properties: { pin: { "x-promotable": true } } } },
      },
    };
    const patterns = findPromotablePatterns(schema);
    expect(patterns.map(displayPattern).sort()).toEqual(["argocd.version", "extra.pin", "jobs.*.revision", "services.*.tag"]);
    expect(patterns.find((p) => displayPattern(p) === "services.*.tag")?.default).toBe("latest");
  });

  it("reads each pin's promotion group: a component's imageTag and imageDigest form the image group", () => {
    const groups = Object.fromEntries(findPromotablePatterns(environmentSchema).map((p) => [displayPattern(p), p.group]));
    expect(groups).toEqual({ "components.*.chartRevision": undefined, "components.*.imageTag": "image", "components.*.imageDigest": "image" });
    expect(findPromotablePatterns({ properties: { a: { "x-promotable": true, "x-promotion-group": "" } } })[0]?.group).toBeUndefined();
  });

  it("finds nothing when no key carries the keyword, or when it is not literally true", () => {
    expect(findPromotablePatterns({ properties: { a: { type: "string" }, b: { "x-promotable": "yes" } } })).toEqual([]);
  });

  it("terminates on recursive $refs", () => {
    const schema: JsonSchema = { definitions: { node: { properties: { child: { $ref: "#/definitions/node" }, pin: { "x-promotable": true } } } }, $ref: "#/definitions/node" };
    expect(findPromotablePatterns(schema).map(displayPattern)).toContain("pin");
  });
});
