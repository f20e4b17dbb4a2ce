import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument, visit } from "yaml";
import { repoRoot } from "../paths.js";
import { mayHoldAlias, parseYamlSource } from "./yaml-source.js";

describe("parseYamlSource", () => {
  const text = "name: demo\nimage:\n  repository: app\n  tag: v1\nlist:\n  - a\n  - b\nempty:\n";

  it("parses valid YAML without problems", () => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({ name: "demo", image: { repository: "app", tag: "v1" }, list: ["a", "b"], empty: null });
  });

  it("locates keys and values of nested paths by line and column", () => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.locate(["image", "tag"], "key")).toEqual({ location: { line: 4, column: 3 }, exact: true });
    expect(source.locate(["image", "tag"], "value")).toEqual({ location: { line: 4, column: 8 }, exact: true });
    expect(source.locate(["list", 1])).toEqual({ location: { line: 7, column: 5 }, exact: true });
    expect(source.locate(["empty"], "key")).toEqual({ location: { line: 8, column: 1 }, exact: true });
  });

  it("falls back to the deepest existing ancestor and says so", () => {
    const source = parseYamlSource("f.yaml", text);
    expect(source.locate(["image", "digest"])).toEqual({ location: { line: 3, column: 3 }, exact: false });
  });

  it("reports malformed YAML as GEN001 with the line and column", () => {
    const source = parseYamlSource("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
    expect(source.data).toBeUndefined();
    expect(source.problems[0]).toMatchObject({ code: "GEN001", file: "bad.yaml", location: { line: 3 } });
    expect(source.problems[0]?.message).toMatch(/^malformed YAML: /);
  });

  it("reports a repeated key as GEN002 naming the key", () => {
    const source = parseYamlSource("dup.yaml", "components:\n  a: 1\n  a: 2\n");
    expect(source.problems).toEqual([expect.objectContaining({ code: "GEN002", message: 'duplicate key: "a" is defined more than once in the same mapping.', location: { line: 3, column: 3 } })]);
  });

  it("reads the YAML 1.2 core schema: a date stays a string, as Helm keeps it", () => {
    const source = parseYamlSource("core.yaml", "date: 2024-01-01\nhex: 0x1F\nratio: 0.5\n");
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({ date: "2024-01-01", hex: 31, ratio: 0.5 });
  });

  it("finds a repeated key in a mapping of 60,000 keys (about 1 MiB) in linear time, with its line", () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `key-${i}: ${i}`);
    const started = performance.now();
    const source = parseYamlSource("big.yaml", `${keys.join("\n")}\nkey-17: again\n`);
    const elapsed = performance.now() - started;
    expect(source.problems.map((p) => [p.code, p.location?.line, p.message])).toEqual([["GEN002", 60_001, 'duplicate key: "key-17" is defined more than once in the same mapping.']]);
    // About 2 s here; the library's pairwise check (uniqueKeys: true) took 121 s on the same text.
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);

  it("refuses an alias bomb as GEN017 at the first alias instead of expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)];
    const source = parseYamlSource("bomb.yaml", `${levels.join("\n")}\n`);
    expect(source.data).toBeUndefined();
    expect(source.problems.map((p) => [p.code, p.location])).toEqual([["GEN017", { line: 2, column: 8 }]]);
  });

  it("keeps aliases within the limit", () => {
    const source = parseYamlSource("ok.yaml", "base: &b {cpu: 1}\none: *b\ntwo: *b\n");
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({ base: { cpu: 1 }, one: { cpu: 1 }, two: { cpu: 1 } });
  });

  it("refuses an alias bomb written in flow style with anchors after a colon", () => {
    const levels = ['{"a":&a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `"${String.fromCharCode(98 + i)}":&${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`)];
    const source = parseYamlSource("bomb.yaml", `${levels.join(",\n")}}\n`);
    expect(source.data).toBeUndefined();
    expect(source.problems.map((p) => p.code)).toEqual(["GEN017"]);
  });
});

describe("mayHoldAlias", () => {
  it("is true wherever YAML can write an anchor and an alias", () => {
    for (const text of ["a: &x 1\nb: *x\n", "a: &x [1]\nb: [*x]\n", "{a: &x 1, b: {c: *x}}", '{"a":&x 1,"b":*x}', "- &x 1\n-\t*x\n", "\uFEFF&x a: *x"]) {
      expect(mayHoldAlias(text), text).toBe(true);
    }
  });

  it("is false without both, and for JSON, whatever its strings hold", () => {
    const json = JSON.stringify({ pattern: "^[a-z]*$", glob: "*.example.com", query: "a=1 &b=2", list: [" *x", " &y"] }, null, 2);
    for (const text of ["schedule: 0 0 * * 6\n", 'keys: ["mcp:*"]\n', "name: a & b\n", "hosts:\n  - ./*\n  - data/*\n", json]) {
      expect(mayHoldAlias(text), text).toBe(false);
    }
  });

  it("leaves the position-keeping parser only files of this repository with an alias, and reads the others alike", () => {
    const files = [
      ...readdirSync(join(repoRoot, "schemas/upstream")).filter((f) => f.endsWith(".json")).map((f) => `schemas/upstream/${f}`),
      ...readdirSync(join(repoRoot, "charts")).map((c) => `charts/${c}/values.yaml`).filter((f) => existsSync(join(repoRoot, f))),
      ...readdirSync(join(repoRoot, "environments"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml")).map((f) => `environments/${f}`),
    ].filter((file) => readFileSync(join(repoRoot, file), "utf8").includes("*"));
    // The files an asterisk used to send to the `yaml` parser: the upstream schemas, cron schedules, globs.
    expect(files.length).toBeGreaterThan(20);
    const withAlias = (text: string) => {
      let found = false;
      visit(parseDocument(text), { Alias: () => ((found = true), visit.BREAK) });
      return found;
    };
    for (const file of files) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      if (withAlias(text)) expect(mayHoldAlias(text), file).toBe(true);
      if (file.endsWith(".json")) expect(mayHoldAlias(text), file).toBe(false);
    }
    for (const file of files) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      const source = parseYamlSource(file, text);
      expect(source.problems, file).toEqual([]);
      expect(source.data, file).toEqual(parse(text));
    }
  });
});
