import { describe, expect, it } from "vitest";
import { parseRenderedFiles, type ParsedFiles } from "./test-job.js";

describe("parseRenderedFiles with the documents of one run (ParsedFiles)", () => {
  const key = "c/templates/a.yaml";

  it("parses a rendered text once: a second job with the same text gets the same, frozen documents", () => {
    const parsed: ParsedFiles = new Map();
    const first = parseRenderedFiles(new Map([[key, "kind: A\n---\nkind: B\n"]]), "c/tests/a_test.yaml", "tests[0]", parsed).get(key);
    const second = parseRenderedFiles(new Map([[key, "kind: A\n---\nkind: B\n"]]), "c/tests/b_test.yaml", "tests[3]", parsed).get(key);
    expect(first).toEqual([{ kind: "A" }, { kind: "B" }]);
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first?.[0])).toBe(true);
    expect(() => {
      (first?.[0] as Record<string, unknown>).kind = "changed";
    }).toThrow(TypeError);
  });

  it("parses a different text, or the same text of another template, anew", () => {
    const parsed: ParsedFiles = new Map();
    const first = parseRenderedFiles(new Map([[key, "kind: A\n"]]), "f", "tests[0]", parsed).get(key);
    expect(parseRenderedFiles(new Map([[key, "kind: B\n"]]), "f", "tests[1]", parsed).get(key)).toEqual([{ kind: "B" }]);
    const other = parseRenderedFiles(new Map([["c/templates/b.yaml", "kind: A\n"]]), "f", "tests[2]", parsed).get("c/templates/b.yaml");
    expect(other).toEqual(first);
    expect(other).not.toBe(first);
  });

  it("keeps no failure: each job that renders broken YAML reports it with its own location", () => {
    const parsed: ParsedFiles = new Map();
    const broken = new Map([[key, "a: [\n"]]);
    expect(() => parseRenderedFiles(broken, "c/tests/a_test.yaml", "tests[0]", parsed)).toThrow(/^c\/tests\/a_test\.yaml: tests\[0\]: /);
    expect(() => parseRenderedFiles(broken, "c/tests/b_test.yaml", "tests[1]", parsed)).toThrow(/^c\/tests\/b_test\.yaml: tests\[1\]: /);
    expect(parsed.size).toBe(0);
  });
});
