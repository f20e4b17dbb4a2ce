/**
 * Each case is taken from Kubernetes' own tests or code (k8s.io/apiextensions-apiserver v0.33.0, k8s.io/kube-openapi
 * c8a335a9a2ff, named in each test), adapted to the whole request path: an object is pruned, nulls dropped, defaults
 * applied, then validated, as pkg/apiserver/customresource_handler.go and pkg/registry/customresource do.
 */
import { describe, expect, it } from "vitest";
import { compileCrds, CrdSchemaError, validateAgainstCrds, type CustomResourceDefinition, type CustomResourceDefinitionVersion, type JSONSchemaProps } from "./crd-schema.js";
import type { KubeObject } from "./manifests.js";
import { formatProblems, type Problem } from "./problem.js";

function crd(openAPIV3Schema: JSONSchemaProps, version: Partial<CustomResourceDefinitionVersion> = {}, names = { group: "example.com", kind: "Widget", plural: "widgets" }): CustomResourceDefinition {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${names.plural}.${names.group}` },
    spec: {
      group: names.group,
      names: { kind: names.kind, plural: names.plural },
      scope: "Namespaced",
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema }, ...version }],
    },
  };
}

/** A CRD root with `spec` as given, the way controller-gen writes one. */
const withSpec = (spec: JSONSchemaProps): JSONSchemaProps => ({
  type: "object",
  properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, spec },
});

const widget = (spec: unknown, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec, ...extra });

function check(schema: JSONSchemaProps, object: KubeObject, version: Partial<CustomResourceDefinitionVersion> = {}): Problem[] {
  return validateAgainstCrds([object], compileCrds([crd(schema, version)]));
}
const checkSpec = (spec: JSONSchemaProps, value: unknown) => check(withSpec(spec), widget(value));
const brief = (problems: readonly Problem[]) => problems.map((p) => `${p.path} ${p.rule}`).sort();
const unknownFields = (problems: readonly Problem[]) => problems.filter((p) => p.rule === "crd/unknown-field").map((p) => p.path).sort();

describe("unknown fields are the fields the API server prunes (pkg/apiserver/schema/pruning/algorithm_test.go TestPrune)", () => {
  it('"object array object"', () => {
    const spec = {
      type: "object",
      properties: {
        array: { type: "array", items: { type: "object", properties: { a: { type: "integer" }, c: { type: "integer" } } } },
        specified: { type: "object", properties: { a: { type: "integer" }, c: { type: "integer" } } },
      },
    };
    const value = { array: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }], unspecified: { a: 1 }, specified: { a: 1, b: 2, c: 3 } };
    // Go expects pruned: array[1].b, array[2].b, specified.b, unspecified.
    const problems = checkSpec(spec, value);
    expect(unknownFields(problems)).toEqual(["spec.array[1].b", "spec.array[2].b", "spec.specified.b", "spec.unspecified"]);
    expect(problems).toHaveLength(4);
  });

  it('"nested x-kubernetes-preserve-unknown-fields": preserving applies to its own level, not to specified children or additionalProperties', () => {
    const spec = {
      type: "object",
      "x-kubernetes-preserve-unknown-fields": true,
      properties: {
        alpha: { type: "string" },
        beta: { type: "number" },
        pruning: {
          type: "object",
          properties: { preserving: { type: "object", "x-kubernetes-preserve-unknown-fields": true }, pruning: { type: "object" } },
        },
        preserving: {
          type: "object",
          "x-kubernetes-preserve-unknown-fields": true,
          properties: {
            preserving: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
            preservingUnknownType: { "x-kubernetes-preserve-unknown-fields": true },
            pruning: { type: "object" },
          },
        },
        preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: {
          type: "object",
          "x-kubernetes-preserve-unknown-fields": true,
          additionalProperties: { type: "object", properties: { specified: { type: "object" } } },
        },
        preservingAdditionalPropertiesKeyPruneValues: {
          type: "object",
          additionalProperties: { type: "object", properties: { specified: { type: "object" } } },
        },
      },
    };
    const value = {
      unspecified: "bar",
      alpha: "abc",
      beta: 42.0,
      unspecifiedObject: { unspecified: "bar" },
      pruning: { unspecified: "bar", unspecifiedObject: { unspecified: "bar" }, pruning: { unspecified: "bar" }, apiVersion: "unknown", preserving: { unspecified: "bar" } },
      preserving: {
        unspecified: "bar",
        unspecifiedObject: { unspecified: "bar" },
        pruning: { unspecified: "bar" },
        preserving: { unspecified: "bar" },
        preservingUnknownType: [{ foo: true }, { bar: true }],
      },
      preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: { foo: { specified: { unspecified: "bar" }, unspecified: "bar" } },
      preservingAdditionalPropertiesKeyPruneValues: { foo: { specified: { unspecified: "bar" }, unspecified: "bar" } },
    };
    const expected = [
      "preserving.pruning.unspecified",
      "preservingAdditionalPropertiesKeyPruneValues.foo.specified.unspecified",
      "preservingAdditionalPropertiesKeyPruneValues.foo.unspecified",
      "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.specified.unspecified",
      "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.unspecified",
      "pruning.apiVersion",
      "pruning.pruning.unspecified",
      "pruning.unspecified",
      "pruning.unspecifiedObject",
    ];
    const problems = checkSpec(spec, value);
    expect(unknownFields(problems)).toEqual(expected.map((path) => `spec.${path}`));
    expect(problems).toHaveLength(expected.length);
  });

  it("the items of a preserving list keep their unknown fields, but not their specified children's (pruning/algorithm.go skipPrune)", () => {
    // No upstream test case covers this; skipPrune recurses into list items with skipPrune, into properties with prune.
    const spec = {
      type: "object",
      properties: {
        list: {
          type: "array",
          "x-kubernetes-preserve-unknown-fields": true,
          items: { type: "object", properties: { named: { type: "object", properties: { a: { type: "string" } } } } },
        },
        plain: { type: "array", items: { type: "object", properties: { a: { type: "string" } } } },
      },
    };
    const value = { list: [{ extra: 1, named: { a: "x", extra: 2 } }], plain: [{ a: "y", extra: 3 }] };
    expect(unknownFields(checkSpec(spec, value))).toEqual(["spec.list[0].named.extra", "spec.plain[0].extra"]);
  });

  it('"additionalProperties with bool": keys are kept, the fields of object values are pruned', () => {
    // The Go case uses the boolean form; in a CRD that is `additionalProperties: true` (false is "no keys at all").
    const spec = { type: "object", properties: { a: { type: "integer" }, c: { type: "object", additionalProperties: true } } };
    const problems = checkSpec(spec, { a: 1, b: 1, c: { a: 1, b: 2, c: { a: 1, apiVersion: "unknown" } } });
    expect(unknownFields(problems)).toEqual(["spec.b", "spec.c.c.a", "spec.c.c.apiVersion"]);
    expect(problems).toHaveLength(3);
  });

  it('"additionalProperties with schema": a wrongly typed value is one type error, not also its pruned fields', () => {
    // Go prunes b and c.c.a, then validation rejects c.c ({} is not an integer); we report b and the type error.
    const spec = { type: "object", properties: { a: { type: "integer" }, c: { type: "object", additionalProperties: { type: "integer" } } } };
    expect(brief(checkSpec(spec, { a: 1, b: 1, c: { a: 1, b: 2, c: { a: 1 } } }))).toEqual(["spec.b crd/unknown-field", "spec.c.c crd/invalid"]);
  });

  it('"x-kubernetes-embedded-resource, with root=true": apiVersion, kind and metadata of the root and of embedded objects are never pruned', () => {
    const schema = {
      type: "object",
      properties: {
        pruned: { type: "object", "x-kubernetes-embedded-resource": true, properties: { spec: { type: "object" } } },
        preserving: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true },
        nested: {
          type: "object",
          "x-kubernetes-embedded-resource": true,
          properties: {
            spec: {
              type: "object",
              properties: { embedded: { type: "object", "x-kubernetes-embedded-resource": true, properties: { spec: { type: "object" } } } },
            },
          },
        },
      },
    };
    const resource = (extra: Record<string, unknown> = {}) => ({ apiVersion: "foo/v1", kind: "Foo", unspecified: "bar", metadata: { name: "instance", unspecified: "bar" }, spec: { unspecified: "bar" }, ...extra });
    const object = {
      apiVersion: "foo/v1",
      kind: "Foo",
      metadata: { name: "instance", unspecified: "bar" },
      unspecified: "bar",
      pruned: resource(),
      preserving: resource(),
      nested: resource({ spec: { unspecified: "bar", embedded: resource() } }),
    };
    const problems = validateAgainstCrds([object], compileCrds([crd(schema, {}, { group: "foo", kind: "Foo", plural: "foos" })]));
    expect(unknownFields(problems)).toEqual([
      "nested.spec.embedded.spec.unspecified",
      "nested.spec.embedded.unspecified",
      "nested.spec.unspecified",
      "nested.unspecified",
      "pruned.spec.unspecified",
      "pruned.unspecified",
      "unspecified",
    ]);
    expect(problems).toHaveLength(7);
  });

  it("names the unknown field, the CRD and a likely correction", () => {
    const spec = { type: "object", properties: { replicas: { type: "integer" } } };
    const [problem] = checkSpec(spec, { replicaz: 2 });
    expect(problem).toMatchObject({ object: "Widget/w", path: "spec.replicaz", rule: "crd/unknown-field" });
    expect(problem?.message).toContain('unknown field "replicaz": widgets.example.com v1 does not declare it');
    expect(problem?.message).toContain('did you mean "replicas"?');
  });
});

describe("value validation (pkg/apiserver/validation/validation_test.go TestValidateCustomResource)", () => {
  const field = (schema: JSONSchemaProps) => ({ type: "object", properties: { field: schema } });

  it.each([["foo"], [42], [true], [1.2], [[]]])('"!nullable": an object field rejects %j', (value) => {
    expect(brief(checkSpec(field({ type: "object" }), { field: value }))).toEqual(["spec.field crd/invalid"]);
  });

  it('"!nullable": null is dropped before validation (schema/defaulting/prunenulls.go), so it passes', () => {
    expect(checkSpec(field({ type: "object" }), { field: null })).toEqual([]);
  });

  it('"!nullable": a required field given null is dropped, then missing', () => {
    expect(brief(checkSpec({ ...field({ type: "object" }), required: ["field"] }, { field: null }))).toEqual(["spec.field crd/invalid"]);
  });

  it('"nullable": null is a value; other types are still rejected', () => {
    expect(checkSpec(field({ type: "object", nullable: true }), { field: null })).toEqual([]);
    expect(checkSpec(field({ type: "object", nullable: true }), { field: {} })).toEqual([]);
    expect(brief(checkSpec(field({ type: "object", nullable: true }), { field: "foo" }))).toEqual(["spec.field crd/invalid"]);
  });

  it('"x-kubernetes-int-or-string": integers and strings pass', () => {
    expect(checkSpec(field({ "x-kubernetes-int-or-string": true }), { field: 42 })).toEqual([]);
    expect(checkSpec(field({ "x-kubernetes-int-or-string": true }), { field: "foo" })).toEqual([]);
  });

  it.each([[true], [1.2], [{}], [[]]])('"x-kubernetes-int-or-string": %j is one error', (value) => {
    const problems = checkSpec(field({ "x-kubernetes-int-or-string": true }), { field: value });
    expect(brief(problems)).toEqual(["spec.field crd/invalid"]);
    expect(problems[0]?.message).toContain("must be an integer or a string");
  });

  it('"x-kubernetes-int-or-string": null in a list item is not dropped and fails', () => {
    const spec = field({ type: "array", items: { "x-kubernetes-int-or-string": true } });
    expect(brief(checkSpec(spec, { field: [1, null] }))).toEqual(["spec.field[1] crd/invalid"]);
  });

  it('"nullable and x-kubernetes-int-or-string" accepts null', () => {
    expect(checkSpec(field({ "x-kubernetes-int-or-string": true, nullable: true }), { field: null })).toEqual([]);
  });

  it('"nullable, x-kubernetes-int-or-string and user-provided anyOf": one problem, not one per alternative', () => {
    const schema = field({ "x-kubernetes-int-or-string": true, nullable: true, anyOf: [{ type: "integer" }, { type: "string" }] });
    expect(checkSpec(schema, { field: null })).toEqual([]);
    expect(brief(checkSpec(schema, { field: true }))).toEqual(["spec.field crd/invalid"]);
  });

  it('"required field"', () => {
    const spec = { type: "object", required: ["field"], properties: { field: { type: "object", required: ["nested"], properties: { nested: { type: "string" } } } } };
    expect(brief(checkSpec(spec, { test: "a" }))).toEqual(["spec.field crd/invalid", "spec.test crd/unknown-field"]);
    const [problem] = checkSpec(spec, { field: {} });
    expect(problem).toMatchObject({ path: "spec.field.nested", rule: "crd/invalid" });
    expect(problem?.message).toBe("required by widgets.example.com v1 but missing; set it");
  });

  it('"enum": a wrong type fails both type and enum, as the API server reports', () => {
    const spec = {
      type: "object",
      properties: {
        field: {
          type: "object",
          required: ["nestedint", "nestedstring"],
          properties: { nestedint: { type: "integer", enum: [1, 2] }, nestedstring: { type: "string", enum: ["a", "b"] } },
        },
      },
    };
    expect(brief(checkSpec(spec, { field: {} }))).toEqual(["spec.field.nestedint crd/invalid", "spec.field.nestedstring crd/invalid"]);
    const problems = checkSpec(spec, { field: { nestedint: "x", nestedstring: true } });
    expect(brief(problems)).toEqual(["spec.field.nestedint crd/invalid", "spec.field.nestedint crd/invalid", "spec.field.nestedstring crd/invalid", "spec.field.nestedstring crd/invalid"]);
    expect(problems.map((p) => p.message)).toContain('must be one of "a", "b", got true (widgets.example.com v1)');
  });

  it('"maxProperties", "maxItems", "maxLength"', () => {
    expect(brief(checkSpec(field({ type: "object", maxProperties: 2, additionalProperties: { type: "boolean" } }), { field: { a: true, b: true, c: true } }))).toEqual(["spec.field crd/invalid"]);
    expect(brief(checkSpec(field({ type: "array", maxItems: 2, items: { type: "string" } }), { field: ["a", "b", "c"] }))).toEqual(["spec.field crd/invalid"]);
    expect(brief(checkSpec(field({ type: "string", maxLength: 2 }), { field: "abc" }))).toEqual(["spec.field crd/invalid"]);
    expect(checkSpec(field({ type: "string", maxLength: 2 }), { field: "ab" })).toEqual([]);
  });

  it("exclusiveMaximum/exclusiveMinimum are OpenAPI v3.0 booleans on maximum/minimum (kube-openapi validate/values.go MaximumInt, MinimumInt)", () => {
    const spec = { type: "object", properties: { n: { type: "integer", minimum: 0, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true } } };
    expect(checkSpec(spec, { n: 4 })).toEqual([]);
    expect(brief(checkSpec(spec, { n: 5 }))).toEqual(["spec.n crd/invalid"]);
    expect(brief(checkSpec(spec, { n: 0 }))).toEqual(["spec.n crd/invalid"]);
    expect(checkSpec({ type: "object", properties: { n: { type: "integer", maximum: 5 } } }, { n: 5 })).toEqual([]);
  });

  it("maxLength counts characters, not bytes (kube-openapi pkg/validation/validate/values.go MaxLength: utf8.RuneCount)", () => {
    expect(checkSpec(field({ type: "string", maxLength: 3 }), { field: "ééé" })).toEqual([]);
    const [problem] = checkSpec(field({ type: "string", maxLength: 3 }), { field: "éééé" });
    expect(problem?.message).toBe("must be at most 3 characters long (maxLength), but is 4; shorten it (widgets.example.com v1)");
  });

  it('"invalid regex": the API server rejects such a CRD (pkg/apiserver/schema/validation.go validateValueValidation), so does compiling it', () => {
    const registry = compileCrds([crd(withSpec(field({ type: "string", pattern: "+" })))]);
    expect(() => registry.compileAll()).toThrow(CrdSchemaError);
    expect(() => registry.compileAll()).toThrow(/widgets\.example\.com.*does not compile: .*missing argument to repetition operator/);
  });
});

describe("patterns are RE2, as Go's regexp (kube-openapi validate.Pattern) matches them", () => {
  // kube-prometheus-stack 88.2.0, CRD prometheusrules.monitoring.coreos.com: spec.groups[].partial_response_strategy.
  // JavaScript's RegExp cannot even compile this pattern ("(?i)" is RE2's inline flag).
  const spec = { type: "object", properties: { strategy: { type: "string", pattern: "^(?i)(abort|warn)?$" } } };

  it.each([["abort"], ["WARN"], [""]])("%j matches", (value) => {
    expect(checkSpec(spec, { strategy: value })).toEqual([]);
  });

  it("a value outside it fails, naming the pattern", () => {
    const [problem] = checkSpec(spec, { strategy: "retry" });
    expect(problem).toMatchObject({ path: "spec.strategy", rule: "crd/invalid" });
    expect(problem?.message).toBe('must match the pattern ^(?i)(abort|warn)?$, got "retry" (widgets.example.com v1)');
  });

  it("a pattern matches anywhere unless anchored", () => {
    const unanchored = { type: "object", properties: { s: { type: "string", pattern: "b+" } } };
    expect(checkSpec(unanchored, { s: "abbc" })).toEqual([]);
    expect(brief(checkSpec(unanchored, { s: "ac" }))).toEqual(["spec.s crd/invalid"]);
  });
});

describe("formats: only those pkg/apiserver/validation/formats.go keeps are checked", () => {
  const stringWith = (format: string) => ({ type: "object", properties: { v: { type: "string", format } } });
  const passes = (format: string, value: unknown) => checkSpec(stringWith(format), { v: value }).length === 0;

  it("date-time (kube-openapi strfmt/time_test.go TestParseDateTime_fullCycle, TestDateTime_IsDateTime_errorCases)", () => {
    for (const valid of ["2014-12-15T08:00:00.000Z", "2011-08-18T19:03:37.000+01:00", "2014-12-15T19:30:20.000Z", "0001-01-01T00:00:00.000Z"]) {
      expect(passes("date-time", valid), valid).toBe(true);
    }
    for (const invalid of ["zor", "zorg", "zorgTx", "1972-12-31Tx", "1972-12-31T24:40:00.000Z", "1972-12-31T23:63:00.000Z", "1972-12-31T23:59:60.000Z"]) {
      expect(passes("date-time", invalid), invalid).toBe(false);
    }
  });

  it("date (kube-openapi strfmt/date_test.go TestDate_IsDate)", () => {
    for (const valid of ["2017-12-22", "2000-02-29"]) expect(passes("date", valid), valid).toBe(true);
    for (const invalid of ["2017-1-1", "2017-02-29", "2017-13-22", "2017-12-32", "20171-12-32", "20-17-2017"]) expect(passes("date", invalid), invalid).toBe(false);
  });

  it("byte (kube-openapi internal/third_party/govalidator/validator_test.go TestIsBase64)", () => {
    for (const valid of ["TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQsIGNvbnNlY3RldHVyIGFkaXBpc2NpbmcgZWxpdC4=", "Vml2YW11cyBmZXJtZW50dW0gc2VtcGVyIHBvcnRhLg==", "U3VzcGVuZGlzc2UgbGVjdHVzIGxlbw=="]) {
      expect(passes("byte", valid), valid).toBe(true);
    }
    for (const invalid of ["12345", "", "Vml2YW11cyBmZXJtZtesting123"]) expect(passes("byte", invalid), invalid).toBe(false);
  });

  it("the message names the format", () => {
    const [problem] = checkSpec(stringWith("date-time"), { v: "yesterday" });
    expect(problem?.message).toBe('must be a valid datetime, got "yesterday" (widgets.example.com v1)');
  });

  it("int32, int64 and double are stripped: only the type is checked", () => {
    const spec = { type: "object", properties: { i: { type: "integer", format: "int32" }, l: { type: "integer", format: "int64" }, d: { type: "number", format: "double" } } };
    expect(checkSpec(spec, { i: 2 ** 40, l: 2 ** 53, d: 1.5 })).toEqual([]);
    expect(brief(checkSpec(spec, { i: 1.5 }))).toEqual(["spec.i crd/invalid"]);
  });

  it("unknown formats are ignored", () => {
    expect(passes("text", "anything at all")).toBe(true);
  });

  it("formats the API server checks but this module does not are listed (none of the upstream charts' CRDs has one)", () => {
    const registry = compileCrds([crd(withSpec({ type: "object", properties: { mail: { type: "string", format: "email" }, at: { type: "string", format: "date-time" } } }))]);
    expect(registry.uncheckedFormats()).toEqual([{ crd: "widgets.example.com", version: "v1", format: "email", path: "spec.mail" }]);
    expect(validateAgainstCrds([widget({ mail: "not an address" })], registry)).toEqual([]);
  });
});

describe("compiled code (ajv standalone) stands in for compiling", () => {
  const spec = {
    type: "object",
    properties: {
      strategy: { type: "string", pattern: "^(?i)(abort|warn)?$" },
      at: { type: "string", format: "date-time" },
      note: { type: "string", maxLength: 3 },
      port: { "x-kubernetes-int-or-string": true },
      mode: { type: "string", enum: ["a", "b"] },
    },
  };
  const bad = widget({ strategy: "retry", at: "yesterday", note: "éééé", port: true, mode: "c", extra: 1 });

  it("validates exactly as the compiled registry does (RE2 patterns, formats, character counts)", () => {
    const compiled = compileCrds([crd(withSpec(spec))]);
    const loaded = compileCrds([crd(withSpec(spec))], { compiledCode: compiled.compiledCode() });
    const expected = validateAgainstCrds([bad], compiled);
    expect(brief(expected)).toEqual(["spec.at crd/invalid", "spec.extra crd/unknown-field", "spec.mode crd/invalid", "spec.note crd/invalid", "spec.port crd/invalid", "spec.strategy crd/invalid"]);
    expect(validateAgainstCrds([bad], loaded)).toEqual(expected);
    expect(validateAgainstCrds([widget({ strategy: "WARN", at: "2014-12-15T19:30:20.000Z", note: "ééé", port: "http", mode: "a" })], loaded)).toEqual([]);
  });

  it("is used instead of compiling: code of other CRDs would validate against those (so a cache must be keyed by the CRDs)", () => {
    const strict = compileCrds([crd(withSpec({ type: "object", properties: { note: { type: "string", maxLength: 1 } } }))]).compiledCode();
    const lenient = crd(withSpec({ type: "object", properties: { note: { type: "string", maxLength: 10 } } }));
    expect(validateAgainstCrds([widget({ note: "abc" })], compileCrds([lenient]))).toEqual([]);
    expect(brief(validateAgainstCrds([widget({ note: "abc" })], compileCrds([lenient], { compiledCode: strict })))).toEqual(["spec.note crd/invalid"]);
  });

  it("code that does not load is an error", () => {
    expect(() => compileCrds([crd(withSpec(spec))], { compiledCode: "this is not JavaScript" })).toThrow(SyntaxError);
  });
});

describe("defaults and nulls are applied before validation (pkg/apiserver/schema/defaulting)", () => {
  it("a required field with a default may be left out (algorithm.go Default)", () => {
    const spec = { type: "object", required: ["mode"], properties: { mode: { type: "string", enum: ["a", "b"], default: "a" } } };
    expect(checkSpec(spec, {})).toEqual([]);
  });

  it("a non-nullable null with a default becomes the default (prunenulls.go leaves it for Default)", () => {
    const spec = { type: "object", properties: { mode: { type: "string", default: "a", maxLength: 1 } } };
    expect(checkSpec(spec, { mode: null })).toEqual([]);
  });

  it("defaults are themselves validated, as the API server does after defaulting", () => {
    // The API server rejects such a CRD already; shows that validation runs on the defaulted object.
    const spec = { type: "object", properties: { mode: { type: "string", default: "abc", maxLength: 1 } } };
    expect(brief(checkSpec(spec, {}))).toEqual(["spec.mode crd/invalid"]);
  });

  it("does not modify the objects it validates", () => {
    const object = widget({ mode: null, extra: 1 });
    const before = structuredClone(object);
    checkSpec({ type: "object", properties: { mode: { type: "string", default: "a" } } }, object);
    validateAgainstCrds([object], compileCrds([crd(withSpec({ type: "object", properties: { mode: { type: "string", default: "a" } } }))]));
    expect(object).toEqual(before);
  });
});

describe("metadata at the root", () => {
  it("name and namespace must be strings", () => {
    const object = { ...widget({}), metadata: { name: 7, namespace: ["a"] } } as unknown as KubeObject;
    expect(brief(check(withSpec({ type: "object" }), object))).toEqual(["metadata.name crd/invalid", "metadata.namespace crd/invalid"]);
  });

  it("other metadata fields are apimachinery's, not the CRD's: not reported here", () => {
    const object = { ...widget({}), metadata: { name: "w", labels: { a: "b" }, somethingElse: 1 } };
    expect(check(withSpec({ type: "object" }), object)).toEqual([]);
  });

  it("the CRD may restrict name (pkg/apiserver/schema/validation.go validateStructuralMetadataInvariants)", () => {
    const schema = { ...withSpec({ type: "object" }), properties: { ...withSpec({ type: "object" }).properties as object, metadata: { type: "object", properties: { name: { type: "string", maxLength: 3 } } } } };
    expect(brief(check(schema, { ...widget({}), metadata: { name: "long-name" } }))).toEqual(["metadata.name crd/invalid"]);
  });
});

describe("x-kubernetes-list-type (pkg/apiserver/schema/listtype/validation_test.go)", () => {
  it('"set list with multiple duplicated items": the second occurrence of each is reported', () => {
    const spec = { type: "object", properties: { array: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } } } };
    const problems = checkSpec(spec, { array: ["a", "a", "b", "c", "d", "c"] });
    expect(brief(problems)).toEqual(["spec.array[1] crd/duplicate-item", "spec.array[5] crd/duplicate-item"]);
  });

  it('"map list with compound map items": one key, two keys, undefined key', () => {
    const mapList = (keys: string[]) => ({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": keys, items: { type: "object", additionalProperties: { type: "string" } } });
    const spec = { type: "object", properties: { oneKey: mapList(["a"]), twoKeys: mapList(["a", "b"]), undefinedKey: mapList(["a", "b"]) } };
    const value = {
      oneKey: [{ a: "0", c: "2" }, { a: "1", c: "1" }, { a: "1", c: "2" }, {}],
      twoKeys: [{ a: "1", b: "1", c: "1" }, { a: "1", b: "2", c: "2" }, { a: "1", b: "2", c: "3" }, {}],
      undefinedKey: [{ a: "1", b: "1", c: "1" }, { a: "1", c: "2" }, { a: "1", c: "3" }, {}],
    };
    const problems = checkSpec(spec, value);
    expect(brief(problems)).toEqual(["spec.oneKey[2] crd/duplicate-item", "spec.twoKeys[2] crd/duplicate-item", "spec.undefinedKey[2] crd/duplicate-item"]);
    expect(problems[0]?.message).toContain('duplicate entry {"a":"1"}: the list is x-kubernetes-list-type map keyed by a');
  });

  it("atomic and unmarked lists may repeat items", () => {
    const spec = { type: "object", properties: { atomic: { type: "array", "x-kubernetes-list-type": "atomic", items: { type: "string" } }, plain: { type: "array", items: { type: "string" } } } };
    expect(checkSpec(spec, { atomic: ["a", "a"], plain: ["b", "b"] })).toEqual([]);
  });
});

describe("x-kubernetes-embedded-resource (pkg/apiserver/schema/objectmeta/validation.go validateEmbeddedResource)", () => {
  const spec = { type: "object", properties: { template: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true } } };

  it("apiVersion and kind are required", () => {
    expect(brief(checkSpec(spec, { template: { metadata: { name: "x" } } }))).toEqual(["spec.template.apiVersion crd/invalid", "spec.template.kind crd/invalid"]);
    expect(checkSpec(spec, { template: { apiVersion: "v1", kind: "ConfigMap", data: { a: "b" } } })).toEqual([]);
  });

  it("kind must be a DNS-1035 label ignoring case, apiVersion at most group/version", () => {
    expect(brief(checkSpec(spec, { template: { apiVersion: "a/b/c", kind: "Config_Map" } }))).toEqual(["spec.template.apiVersion crd/invalid", "spec.template.kind crd/invalid"]);
  });
});

describe("subresources and versions", () => {
  const schema = withSpec({ type: "object", properties: { replicas: { type: "integer" } } });
  const withStatus = { ...schema, properties: { ...(schema.properties as object), status: { type: "object", properties: { ready: { type: "boolean" } } } } };

  it("status is ignored when the status subresource is on (pkg/registry/customresource/strategy.go PrepareForCreate)", () => {
    const object = widget({}, { status: { ready: "yes", unknown: 1 } });
    expect(check(withStatus, object, { subresources: { status: {} } })).toEqual([]);
    expect(brief(check(withStatus, object))).toEqual(["status.ready crd/invalid", "status.unknown crd/unknown-field"]);
  });

  it("the scale subresource's replicas must be a non-negative int32 (pkg/registry/customresource/validator.go ValidateScaleSpec)", () => {
    const scale = { subresources: { scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" } } };
    expect(check(schema, widget({ replicas: 3 }), scale)).toEqual([]);
    const [problem] = check(schema, widget({ replicas: -1 }), scale);
    expect(problem).toMatchObject({ path: "spec.replicas", rule: "crd/invalid", message: "should be a non-negative integer, got -1" });
  });

  it("a version the CRD does not serve is an error naming the served ones", () => {
    const definition = crd(schema);
    definition.spec.versions.push({ name: "v2", served: false, storage: false, schema: { openAPIV3Schema: schema } });
    const registry = compileCrds([definition]);
    const problems = validateAgainstCrds([{ ...widget({}), apiVersion: "example.com/v2" }], registry);
    expect(problems).toEqual([
      { object: "Widget/w", path: "apiVersion", rule: "crd/unknown-version", message: "example.com/v2 is not served by CustomResourceDefinition widgets.example.com (served: example.com/v1); use a served apiVersion" },
    ]);
  });

  it("objects no CRD of the registry serves are left alone", () => {
    const registry = compileCrds([crd(schema)]);
    expect(validateAgainstCrds([{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, bogus: 1 }, { ...widget({}), kind: "Gadget" }], registry)).toEqual([]);
    expect(registry.servedKinds()).toEqual([{ crd: "widgets.example.com", group: "example.com", version: "v1", kind: "Widget", deprecated: false }]);
  });
});

describe("x-kubernetes-validations (CEL) are listed, not evaluated", () => {
  it("names the CRD version and the schema paths carrying rules", () => {
    const spec = {
      type: "object",
      "x-kubernetes-validations": [{ rule: "self.min <= self.max", message: "min must not exceed max" }],
      properties: { min: { type: "integer" }, max: { type: "integer" }, items: { type: "array", items: { type: "string", "x-kubernetes-validations": [{ rule: "self != ''" }] } } },
    };
    const registry = compileCrds([crd(withSpec(spec))]);
    expect(registry.unevaluatedCelRules()).toEqual([{ crd: "widgets.example.com", version: "v1", kind: "Widget", paths: ["spec", "spec.items[*]"], rules: 2 }]);
    // The API server would reject this object; this module does not evaluate the rule.
    expect(validateAgainstCrds([widget({ min: 3, max: 1 })], registry)).toEqual([]);
  });
});

describe("CRDs the API server would reject are refused with the CRD's name", () => {
  it.each([
    ["$ref", { type: "object", $ref: "#/definitions/x" }, /"\$ref" is not supported/],
    ["patternProperties", { type: "object", patternProperties: { a: { type: "string" } } }, /"patternProperties" is not supported/],
    ["uniqueItems", { type: "array", uniqueItems: true, items: { type: "string" } }, /uniqueItems: true is forbidden/],
    ["properties and additionalProperties", { type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "string" } }, /mutually exclusive/],
  ])("%s", (_name, spec, message) => {
    expect(() => compileCrds([crd(withSpec(spec))])).toThrow(message);
    expect(() => compileCrds([crd(withSpec(spec))])).toThrow(/CustomResourceDefinition widgets\.example\.com at spec/);
  });

  it("apiextensions.k8s.io/v1beta1", () => {
    expect(() => compileCrds([{ ...crd(withSpec({ type: "object" })), apiVersion: "apiextensions.k8s.io/v1beta1" }])).toThrow(/not served by Kubernetes >= 1.22/);
  });

  it("spec.preserveUnknownFields: true", () => {
    const definition = crd(withSpec({ type: "object" }));
    definition.spec.preserveUnknownFields = true;
    expect(() => compileCrds([definition])).toThrow(/spec\.preserveUnknownFields: cannot be true/);
  });

  it("two different CRDs serving the same group and kind; the same CRD twice is one", () => {
    expect(() => compileCrds([crd(withSpec({ type: "object" })), crd(withSpec({ type: "object", properties: { a: { type: "string" } } }))])).toThrow(
      /already served by a different CustomResourceDefinition widgets\.example\.com/,
    );
    expect(compileCrds([crd(withSpec({ type: "object" })), crd(withSpec({ type: "object" }))]).servedKinds()).toHaveLength(1);
  });
});

describe("problems read well", () => {
  it("formatProblems shows the source, object, path, message and rule", () => {
    const problems = checkSpec({ type: "object", properties: { description: { type: "string", maxLength: 5 } } }, { description: "too long" });
    expect(formatProblems(problems.map((p) => ({ ...p, source: "apps/x.yaml" })))).toBe(
      [
        "apps/x.yaml",
        "  Widget/w",
        "    spec.description: must be at most 5 characters long (maxLength), but is 8; shorten it (widgets.example.com v1) [crd/invalid]",
        "1 problem found.",
      ].join("\n"),
    );
  });
});
