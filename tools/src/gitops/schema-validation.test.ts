import { describe, expect, it } from "vitest";
import { createValidator, pointerToPath, schemaErrorsToProblems, suggestKey } from "./schema-validation.js";
import { parseYamlSource } from "./yaml-source.js";

const schema = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string" },
    replicaCount: { type: "integer", minimum: 1 },
    tier: { enum: ["development", "production"] },
    image: { type: "object", additionalProperties: false, properties: { repository: { type: "string" }, tag: { type: "string", pattern: "^v" } } },
    items: { type: "array", items: { type: "object", additionalProperties: false, properties: { key: { type: "string" } } } },
  },
};

function problemsFor(text: string) {
  const source = parseYamlSource("values.yaml", text);
  const validate = createValidator(schema);
  expect(validate(source.data)).toBe(false);
  return schemaErrorsToProblems(validate.errors ?? [], source.data, schema, (path, target) => ({ file: "values.yaml", location: source.locate(path, target).location }), "values.yaml");
}

describe("suggestKey", () => {
  it("suggests the closest key for a misspelling or a case slip", () => {
    expect(suggestKey("replicaCont", ["replicaCount", "image"])).toBe("replicaCount");
    expect(suggestKey("Image", ["replicaCount", "image"])).toBe("image");
    expect(suggestKey("imgae", ["replicaCount", "image"])).toBe("image");
  });

  it("suggests nothing for an unrelated key", () => {
    expect(suggestKey("database", ["replicaCount", "image"])).toBeUndefined();
    expect(suggestKey("x", [])).toBeUndefined();
  });
});

describe("schemaErrorsToProblems", () => {
  it("turns an unknown key into GEN004 at the key, with the closest valid key", () => {
    const [problem] = problemsFor("name: a\nimage:\n  repository: r\n  tgg: v1\n");
    expect(problem).toEqual({
      code: "GEN004",
      file: "values.yaml",
      location: { line: 4, column: 3 },
      path: "image.tgg",
      message: 'unknown key "tgg" in image. Did you mean "tag"?',
      fix: 'Rename "tgg" to "tag".',
    });
  });

  it("lists the allowed keys when nothing is close", () => {
    const [problem] = problemsFor("name: a\nimage:\n  zzzzzzzz: 1\n");
    expect(problem?.fix).toBe('Remove "zzzzzzzz"; the keys allowed here are: repository, tag.');
  });

  it("reports type, enum, pattern and minimum violations as GEN003 at the value", () => {
    const problems = problemsFor("name: a\nreplicaCount: \"3\"\ntier: prod\nimage:\n  tag: latest\n");
    expect(problems.map((p) => [p.code, p.path, p.location?.line, p.message])).toEqual([
      ["GEN003", "replicaCount", 2, 'replicaCount must be of type integer (got "3").'],
      ["GEN003", "tier", 3, 'tier must be one of "development", "production" (got "prod").'],
      ["GEN003", "image.tag", 5, 'image.tag must match the pattern ^v (got "latest").'],
    ]);
    expect(problemsFor("name: a\nreplicaCount: 0\n")[0]?.message).toBe("replicaCount must be >= 1 (got 0).");
  });

  it("reports a missing required key at its parent", () => {
    expect(problemsFor("replicaCount: 1\n")[0]).toMatchObject({ code: "GEN003", message: 'missing required key "name" in the top level of values.yaml.' });
  });

  it("reports a key that breaks propertyNames with the key as what was found", () => {
    const names = { type: "object", properties: { labels: { type: "object", propertyNames: { pattern: "^[a-z]+$" } } } };
    const source = parseYamlSource("values.yaml", "labels:\n  good: 1\n  Bad: 2\n");
    const validate = createValidator(names);
    expect(validate(source.data)).toBe(false);
    const problems = schemaErrorsToProblems(validate.errors ?? [], source.data, names, (path, target) => ({ file: "values.yaml", location: source.locate(path, target).location }), "values.yaml");
    expect(problems.map((p) => p.message)).toEqual(['labels must match the pattern ^[a-z]+$ (got "Bad").', 'key "Bad" in labels is not a valid name (lowercase letters, digits and dashes).']);
  });

  it("locates problems inside lists", () => {
    const [problem] = problemsFor("name: a\nitems:\n  - key: a\n  - kye: b\n");
    expect(problem).toMatchObject({ code: "GEN004", path: "items[1].kye", location: { line: 4, column: 5 } });
  });
});

describe("pointerToPath", () => {
  it("turns array indexes into numbers and unescapes ~0 and ~1", () => {
    expect(pointerToPath("/items/1/key", { items: [{}, {}] })).toEqual(["items", 1, "key"]);
    expect(pointerToPath("/annotations/a~1b~0c", { annotations: {} })).toEqual(["annotations", "a/b~c"]);
    expect(pointerToPath("", {})).toEqual([]);
  });
});
