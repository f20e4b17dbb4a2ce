import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFiles } from "../gitops/output.js";
import { writeTree, writeTreesInParallel, type FileTree } from "./write-trees.js";

describe("writeTreesInParallel", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "write-trees-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const trees = (root: string): FileTree[] =>
    ["dev", "staging", "prod"].map((env, i) => ({
      dir: join(root, env),
      files: Array.from({ length: 5 + i * 3 }, (_, n) => ({ path: n % 2 === 0 ? `layers/app-${n}.yaml` : `root/deep/er/app-${n}.yaml`, content: `name: ${env}-${n}\nunicode: "é ✓"\n` })),
    }));

  const snapshot = (root: string) => Object.fromEntries(listFiles(root, ".").map((file) => [file, readFileSync(join(root, file), "utf8")]));

  it("writes exactly what writeTree writes in this thread, whatever the number of threads", async () => {
    const expected = newDir();
    for (const tree of trees(expected)) writeTree(tree);
    expect(Object.keys(snapshot(expected))).toHaveLength(5 + 8 + 11);
    for (const threads of [1, 2, 4]) {
      const root = newDir();
      await writeTreesInParallel(trees(root), threads);
      expect(snapshot(root)).toEqual(snapshot(expected));
    }
  });

  it("rejects with the file system's error when a file cannot be created", async () => {
    const root = newDir();
    const clash: FileTree = { dir: join(root, "x"), files: [{ path: "a", content: "1" }, { path: "a/b", content: "2" }] };
    await expect(writeTreesInParallel([...trees(root), clash], 2)).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
