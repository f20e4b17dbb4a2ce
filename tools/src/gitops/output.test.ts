import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareEnvironment, findEnvironmentDrift, listFiles, removeEnvironment, writeEnvironment, writeEnvironments } from "./output.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "gitops-output-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = [
  { path: "apps/dev/a.yaml", content: "a: 1\n" },
  { path: "apps/dev/sub/b.yaml", content: "b: 1\n" },
];

function put(path: string, content: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

describe("writeEnvironment", () => {
  it("creates apps/<env>/ and reports every file as written", () => {
    expect(writeEnvironment(root, "dev", files)).toEqual({ environment: "dev", written: ["apps/dev/a.yaml", "apps/dev/sub/b.yaml"], unchanged: [], removed: [] });
    expect(readFileSync(join(root, "apps/dev/sub/b.yaml"), "utf8")).toBe("b: 1\n");
  });

  it("touches nothing when nothing changed", () => {
    writeEnvironment(root, "dev", files);
    const before = statSync(join(root, "apps/dev/a.yaml")).mtimeMs;
    expect(writeEnvironment(root, "dev", files)).toMatchObject({ written: [], unchanged: ["apps/dev/a.yaml", "apps/dev/sub/b.yaml"], removed: [] });
    expect(statSync(join(root, "apps/dev/a.yaml")).mtimeMs).toBe(before);
  });

  it("replaces the directory as a whole: changed files rewritten, files no longer generated removed, no temporary left behind", () => {
    writeEnvironment(root, "dev", files);
    put("apps/dev/stale/old.yaml", "old\n");
    const result = writeEnvironment(root, "dev", [{ path: "apps/dev/a.yaml", content: "a: 2\n" }, files[1] as (typeof files)[number]]);
    expect(result).toMatchObject({ written: ["apps/dev/a.yaml"], unchanged: ["apps/dev/sub/b.yaml"], removed: ["apps/dev/stale/old.yaml"] });
    expect(listFiles(root, "apps")).toEqual(["apps/dev/a.yaml", "apps/dev/sub/b.yaml"]);
    expect(readdirSync(join(root, "apps"))).toEqual(["dev"]);
  });

  it("leaves the old tree in place when staging fails", () => {
    writeEnvironment(root, "dev", files);
    // A file where the staging code needs a directory makes the write fail midway.
    expect(() => writeEnvironment(root, "dev", [{ path: "apps/dev/x", content: "1" }, { path: "apps/dev/x/y", content: "2" }])).toThrow();
    expect(listFiles(root, "apps")).toEqual(["apps/dev/a.yaml", "apps/dev/sub/b.yaml"]);
    expect(readdirSync(join(root, "apps"))).toEqual(["dev"]);
  });
});

describe("writeEnvironments", () => {
  const prod = [{ path: "apps/prod/a.yaml", content: "p: 1\n" }];

  it("writes the changed environments, leaves the unchanged ones untouched, and reports each", async () => {
    writeEnvironment(root, "dev", files);
    const before = statSync(join(root, "apps/dev/a.yaml")).ino;
    const results = await writeEnvironments(root, [{ environment: "dev", files }, { environment: "prod", files: prod }]);
    expect(results).toEqual([
      { environment: "dev", written: [], unchanged: ["apps/dev/a.yaml", "apps/dev/sub/b.yaml"], removed: [] },
      { environment: "prod", written: ["apps/prod/a.yaml"], unchanged: [], removed: [] },
    ]);
    expect(statSync(join(root, "apps/dev/a.yaml")).ino).toBe(before);
    expect(listFiles(root, "apps")).toEqual(["apps/dev/a.yaml", "apps/dev/sub/b.yaml", "apps/prod/a.yaml"]);
    expect(readdirSync(join(root, "apps")).sort()).toEqual(["dev", "prod"]);
  });

  it("swaps in no environment when writing any of them fails, and leaves no staging directory", async () => {
    writeEnvironment(root, "dev", files);
    const broken = [{ path: "apps/dev/x", content: "1" }, { path: "apps/dev/x/y", content: "2" }];
    await expect(writeEnvironments(root, [{ environment: "prod", files: prod }, { environment: "dev", files: broken }])).rejects.toThrow();
    expect(listFiles(root, "apps")).toEqual(["apps/dev/a.yaml", "apps/dev/sub/b.yaml"]);
    expect(readdirSync(join(root, "apps"))).toEqual(["dev"]);
  });
});

describe("drift", () => {
  it("reports changed, missing and stale files with a unified diff, and nothing for an up-to-date tree", () => {
    writeEnvironment(root, "dev", files);
    expect(findEnvironmentDrift(root, "dev", files)).toEqual([]);
    put("apps/dev/a.yaml", "a: edited\n");
    put("apps/dev/extra.yaml", "x\n");
    const drift = findEnvironmentDrift(root, "dev", [...files, { path: "apps/dev/new.yaml", content: "n\n" }]);
    expect(drift.map((d) => [d.path, d.kind])).toEqual([
      ["apps/dev/a.yaml", "changed"],
      ["apps/dev/extra.yaml", "stale"],
      ["apps/dev/new.yaml", "missing"],
    ]);
    expect(drift[0]?.patch).toContain("-a: edited\n+a: 1");
  });

  it("compares without writing", () => {
    expect(compareEnvironment(root, "dev", files).written).toHaveLength(2);
    expect(existsSync(join(root, "apps"))).toBe(false);
  });

  it("removes an environment's whole directory", () => {
    writeEnvironment(root, "old", [{ path: "apps/old/a.yaml", content: "1" }]);
    expect(removeEnvironment(root, "old").removed).toEqual(["apps/old/a.yaml"]);
    expect(existsSync(join(root, "apps/old"))).toBe(false);
  });
});
