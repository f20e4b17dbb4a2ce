import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { ErrorObject } from "ajv";
import { errorData, parentSchemaOf } from "./error-schema.js";
import { AJV_OPTIONS, createValidator } from "./schema-validation.js";

const require = createRequire(import.meta.url);

/** References, combinators, conditionals, patterns, tuples and a property named like a keyword: each puts errors in a function of its own. */
const schema = {
  type: "object",
  additionalProperties: false,
  definitions: {
    port: { type: "object", additionalProperties: false, properties: { name: { type: "string" }, number: { type: "integer", minimum: 1 } } },
    ports: { type: "array", items: { $ref: "#/definitions/port" } },
    alias: { $ref: "#/definitions/port" },
    probe: { allOf: [{ $ref: "#/definitions/port" }, { required: ["name"] }] },
  },
  properties: {
    ports: { $ref: "#/definitions/ports" },
    enum: { type: "object", additionalProperties: false, properties: { a: { $ref: "#/definitions/alias" } } },
    probe: { $ref: "#/definitions/probe" },
    labels: { type: "object", patternProperties: { "^x-": { type: "object", additionalProperties: false, properties: { y: { type: "string" } } } }, additionalProperties: { type: "string" } },
    tuple: { type: "array", items: [{ type: "object", additionalProperties: false, properties: { first: { type: "string" } } }], additionalItems: { $ref: "#/definitions/port" } },
    mode: { type: "object", properties: { kind: { type: "string" } }, if: { properties: { kind: { const: "a" } } }, then: { additionalProperties: false, properties: { kind: {}, onlyA: { type: "string" } } }, else: { additionalProperties: false, properties: { kind: {}, onlyB: { type: "string" } } } },
    names: { type: "object", propertyNames: { pattern: "^[a-z]+$" } },
    any: { anyOf: [{ type: "string" }, { type: "object", additionalProperties: false, properties: { left: { type: "integer" } } }] },
  },
};

const data = {
  extra: 1,
  ports: [{ name: "http", nmber: 80 }, { name: "x", number: 0 }],
  enum: { a: { nam: "a" }, b: 1 },
  probe: { numbr: 2 },
  labels: { "x-one": { z: 1 }, plain: 3 },
  tuple: [{ frist: "a" }, { name: "b", extra: true }],
  mode: { kind: "a", onlyB: "b" },
  any: { right: 1 },
  names: { good: 1, Bad: 2 },
};

function verboseErrors(): ErrorObject[] {
  const { Ajv } = require("ajv") as typeof import("ajv");
  const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
  const ajv = new Ajv({ ...AJV_OPTIONS, verbose: true, code: { optimize: false } });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  return validate.errors ?? [];
}

describe("parentSchemaOf and dataAt", () => {
  it("find what ajv's verbose option reports, for every error of a schema whose errors come from referenced functions", () => {
    const verbose = verboseErrors();
    const additional = verbose.filter((error) => error.keyword === "additionalProperties");
    // Every place above that can fail on an unknown key does.
    expect(additional.map((error) => error.instancePath).sort()).toEqual(["", "/any", "/enum", "/enum/a", "/labels/x-one", "/mode", "/ports/0", "/probe", "/tuple/0", "/tuple/1"]);
    // Inside propertyNames the data is the key, not the object at the error's path.
    expect(verbose.find((error) => error.keyword === "pattern")).toMatchObject({ instancePath: "/names", data: "Bad" });
    for (const error of verbose) {
      expect(parentSchemaOf(error, schema), `${error.schemaPath} at ${error.instancePath}`).toBe(error.parentSchema);
      expect(errorData(error, data)).toBe(error.data);
    }
  });

  it("match the errors of the generator's own (not verbose) validator", () => {
    const validate = createValidator(schema);
    expect(validate(data)).toBe(false);
    const verbose = verboseErrors();
    expect((validate.errors ?? []).map((error) => ({ ...error, parentSchema: parentSchemaOf(error, schema), data: errorData(error, data) }))).toEqual(verbose.map(({ schema: _keywordValue, ...rest }) => rest));
  });

  it("say nothing for a path that leads nowhere in the schema", () => {
    expect(parentSchemaOf({ schemaPath: "#/properties/missing/additionalProperties", instancePath: "/missing", keyword: "additionalProperties" }, schema)).toBeUndefined();
    expect(parentSchemaOf({ schemaPath: "#/additionalProperties", instancePath: "", keyword: "required" }, schema)).toBeUndefined();
  });
});
