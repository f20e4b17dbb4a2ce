import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import { compileEntriesCached, diskValidatorCache } from "./validator-cache.js";

const document = {
  definitions: {
    port: { type: "integer", minimum: 1 },
    a: { type: "object", additionalProperties: false, properties: { port: { $ref: "#/definitions/port" } } },
    b: { type: "object", required: ["name"], properties: { name: { type: "string", format: "hostname" } } },
  },
};
const entries = { a: "/definitions/a", b: "/definitions/b" };
const build = () => ({ schema: document, entries });

describe("diskValidatorCache", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "validator-cache-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("gives each entry point a validator of its own, compiled or loaded from disk alike", () => {
    const dir = newDir();
    const compiled = compileEntriesCached("k", ["a", "b"], build, diskValidatorCache(dir));
    const loaded = compileEntriesCached("k", ["a", "b"], () => {
      throw new Error("a cache hit must not build the schema");
    }, diskValidatorCache(dir));
    for (const validators of [compiled, loaded]) {
      expect(validators.a?.({ port: 8080 })).toBe(true);
      expect(validators.a?.({ port: 0 })).toBe(false);
      expect(validators.a?.errors?.[0]).toMatchObject({ instancePath: "/port", keyword: "minimum" });
      expect(validators.b?.({ name: "not a hostname!" })).toBe(false);
      expect(validators.b?.errors?.[0]).toMatchObject({ instancePath: "/name", keyword: "format" });
    }
  });

  it("compiles again when the cached module lacks an entry asked for", () => {
    const dir = newDir();
    compileEntriesCached("k", ["a"], () => ({ schema: document, entries: { a: entries.a } }), diskValidatorCache(dir));
    let built = false;
    const validators = compileEntriesCached("k", ["a", "b"], () => ((built = true), build()), diskValidatorCache(dir));
    expect(built).toBe(true);
    expect(validators.b?.({})).toBe(false);
  });

  /** Loads the cached validators in a fresh Node process (V8 keeps compiled scripts per process), runs one, saves the code cache. */
  const loadInFreshProcess = (dir: string): void => {
    const script = `
      import { compileEntriesCached, diskValidatorCache } from ${JSON.stringify(join(import.meta.dirname, "validator-cache.ts"))};
      const cache = diskValidatorCache(${JSON.stringify(dir)});
      const validators = compileEntriesCached("k", ["a", "b"], () => { throw new Error("cache miss"); }, cache);
      if (validators.a({ port: 0 }) !== false || validators.b({ name: "example.com" }) !== true) throw new Error("wrong verdicts");
      cache.saveCompiledCode();`;
    const result = run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repoRoot });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  };

  it("keeps V8's code cache of a loaded module once its validators ran, and reuses it", () => {
    const dir = newDir();
    const codeFile = join(dir, "k.code");
    compileEntriesCached("k", ["a", "b"], build, diskValidatorCache(dir));
    expect(existsSync(codeFile)).toBe(false);

    loadInFreshProcess(dir);
    expect(statSync(codeFile).size).toBeGreaterThan(0);
    const saved = readFileSync(codeFile);

    // V8 accepts the cache: nothing is left to save, and the file stays as it was.
    loadInFreshProcess(dir);
    expect(readFileSync(codeFile).equals(saved)).toBe(true);

    // A damaged code cache is rejected by V8, the validators still work, and a good one replaces it.
    writeFileSync(codeFile, "not a code cache");
    loadInFreshProcess(dir);
    const replaced = readFileSync(codeFile);
    expect(replaced.toString("latin1")).not.toBe("not a code cache");
    expect(replaced.length).toBeGreaterThan(saved.length / 2);
    loadInFreshProcess(dir);
    expect(readFileSync(codeFile).equals(replaced)).toBe(true);
  });

  it("discards a damaged module and its code cache, and compiles again", () => {
    const dir = newDir();
    compileEntriesCached("k", ["a", "b"], build, diskValidatorCache(dir));
    writeFileSync(join(dir, "k.cjs"), "this is not javascript (");
    writeFileSync(join(dir, "k.code"), "stale");
    const validators = compileEntriesCached("k", ["a", "b"], build, diskValidatorCache(dir));
    expect(validators.a?.({ port: "80" })).toBe(false);
    expect(readFileSync(join(dir, "k.cjs"), "utf8")).toContain("function");
    expect(existsSync(join(dir, "k.code"))).toBe(false);
  });

  it("keeps only the most recent modules, with their code caches", () => {
    const dir = newDir();
    for (const key of ["k1", "k2", "k3"]) {
      const cache = diskValidatorCache(dir, 2);
      compileEntriesCached(key, ["a", "b"], build, cache);
      const reload = diskValidatorCache(dir, 2);
      compileEntriesCached(key, ["a", "b"], build, reload).a?.({});
      reload.saveCompiledCode?.();
    }
    expect(["k1", "k2", "k3"].map((key) => [existsSync(join(dir, `${key}.cjs`)), existsSync(join(dir, `${key}.code`))])).toEqual([[false, false], [true, true], [true, true]]);
  });
});
