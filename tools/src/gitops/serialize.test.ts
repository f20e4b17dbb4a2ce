import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toYaml, yamlFile } from "./serialize.js";

const TRICKY = [
  "", " ", "a", "true", "True", "no", "Off", "y", "null", "~", "0", "-1", "1.0", "1e3", "0x1F", "0o17", "012", "1_000", "1:20", ".5", "+1", "2001-12-14",
  "v1.2.3", "4f1c2a8d9e0b7c6a5f4e3d2c1b0a9f8e7d6c5b4a", "$values/environments/dev/values/a.yaml", "../root/projects", "./x", ".x", "..", "../", ".5", "$slack-token", "[groups]", "{{.app.metadata.name}}",
  "a: b", "a:", "a #b", "#a", "a#b", "- a", "-a", "? a", "*a", "&a", "!a", "|", ">", "%a", "@a", "`a", "'a'", '"a"', "a'b", 'a"b', "a\\b",
  "p, proj:x:y, applications, get, x/*, allow", "g, group, role:admin", "Prune=false,Delete=false", "CreateNamespace=true", "https://a.b/c?d=e&f",
  "line1\nline2\n", "line1\nline2", "line1\n\n", "\nleading newline", " leading space\nx", "a\n \nb\n", "tab\there", "trailing ", "ünïcödé", "emoji 🚀", "a\r\nb",
  "- description: x\n  send:\n    - y\n", "hs = {}\nif obj.status ~= nil then\n  hs.status = \"x\"\nend\nreturn hs\n",
];

describe("toYaml", () => {
  it("round-trips every tricky string as a value, a key and a list item", () => {
    for (const text of TRICKY) {
      expect(parse(toYaml({ key: text })), JSON.stringify(text)).toEqual({ key: text });
      expect(parse(toYaml({ [text || "empty"]: 1 })), JSON.stringify(text)).toEqual({ [text || "empty"]: 1 });
      expect(parse(toYaml({ list: [text, { inner: text }] })), JSON.stringify(text)).toEqual({ list: [text, { inner: text }] });
    }
  });

  it("round-trips nested structures, empty collections, numbers, booleans and null", () => {
    const value = { a: { b: [1, 2.5, -3, true, false, null, [], {}, [["x", "y"], []]], c: {} }, d: [], e: [{ f: [{ g: "h" }] }], i: 0 };
    expect(parse(toYaml(value))).toEqual(value);
    expect(parse(toYaml([{ a: 1 }, "b"]))).toEqual([{ a: 1 }, "b"]);
  });

  it("orders keys deterministically and drops undefined", () => {
    expect(toYaml({ spec: { b: 1, a: undefined, name: "x" }, metadata: { namespace: "ns", name: "obj" }, kind: "K", apiVersion: "v1" })).toBe("apiVersion: v1\nkind: K\nmetadata:\n  name: obj\n  namespace: ns\nspec:\n  name: x\n  b: 1\n");
    expect(toYaml({ namespace: "ns", app: "a" })).toBe("app: a\nnamespace: ns\n");
    // A leading key left undefined is dropped and the next leads; the rest follow UTF-16 code units (upper case first, then lower, then the rest).
    expect(toYaml({ b: 1, name: undefined, é: 3, B: 2, namespace: "ns", a: 4 })).toBe("namespace: ns\nB: 2\na: 4\nb: 1\n\"é\": 3\n");
    expect(toYaml({ kind: "K", zeta: 1, apiVersion: "v1", Alpha: 2 })).toBe("apiVersion: v1\nkind: K\nAlpha: 2\nzeta: 1\n");
  });

  it("writes maps and lists inside lists on the dash's line", () => {
    expect(toYaml({ l: [{ name: "a", x: [1, [2, 3]] }, [4, 5], {}, []] })).toBe("l:\n  - name: a\n    x:\n      - 1\n      - - 2\n        - 3\n  - - 4\n    - 5\n  - {}\n  - []\n");
  });

  it("quotes strings YAML would read as other types and keeps multi-line strings literal", () => {
    expect(toYaml({ a: "true", b: "0", c: "-1", d: "x\ny\n", e: "" })).toBe('a: "true"\nb: "0"\nc: "-1"\nd: |\n  x\n  y\ne: ""\n');
  });

  it("writes a comment header above the document", () => {
    expect(yamlFile(["GENERATED", ""], { a: 1 })).toBe("# GENERATED\n#\na: 1\n");
  });

  it("refuses values YAML cannot hold faithfully", () => {
    expect(() => toYaml({ a: Number.NaN })).toThrow();
    expect(() => toYaml({ a: () => 1 })).toThrow();
  });
});
