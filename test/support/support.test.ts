import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { generatedObjects } from "../gitops/support/generated.js";
import { memoryScratchDir, removeAbandoned } from "./scratch-dir.js";
import { LONGEST_FIRST } from "./sequencer.js";

describe("generatedObjects", () => {
  it("reads a file again when it changes, and gives each caller its own objects", () => {
    const root = mkdtempSync(join(tmpdir(), "generated-objects-"));
    try {
      const file = join(root, "apps", "qa", "root", "app.yaml");
      const write = (name: string) => {
        mkdirSync(join(root, "apps", "qa", "root"), { recursive: true });
        writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
      };
      write("first");
      const first = generatedObjects("qa", root);
      expect(first.map((o) => o.object.metadata.name)).toEqual(["first"]);
      first[0]!.object.metadata.name = "changed by a caller";
      expect(generatedObjects("qa", root)[0]?.object.metadata.name).toBe("first");
      write("second");
      expect(generatedObjects("qa", root)[0]?.object.metadata.name).toBe("second");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the scratch directory of a run", () => {
  it("is left to TMPDIR when that is set, and to the system when the memory file system is missing or short of room", () => {
    expect(memoryScratchDir("/dev/shm", { TMPDIR: "/var/tmp" })).toEqual({ reason: "TMPDIR is set (/var/tmp)" });
    expect(memoryScratchDir(join(tmpdir(), "no-such-file-system"), {}).dir).toBeUndefined();
    expect(memoryScratchDir("/dev/shm", {}, Number.MAX_SAFE_INTEGER).dir).toBeUndefined();
  });
});

describe("abandoned scratch directories", () => {
  it("are removed when their run's process is gone and they were left alone for half an hour; nothing else is", () => {
    const base = mkdtempSync(join(tmpdir(), "scratch-base-"));
    try {
      const gone = spawnSync(process.execPath, ["-e", ""]).pid;
      const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
      const make = (name: string, old: boolean) => {
        mkdirSync(join(base, name));
        if (old) utimesSync(join(base, name), hourAgo, hourAgo);
      };
      make(`vitest-scratch-${gone}-abandoned`, true);
      make(`vitest-scratch-${gone}-recent`, false);
      make(`vitest-scratch-${process.pid}-running`, true);
      make("unrelated", true);
      removeAbandoned(base);
      expect(readdirSync(base).sort()).toEqual([`vitest-scratch-${gone}-recent`, `vitest-scratch-${process.pid}-running`, "unrelated"].sort());
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe("the order test files start in", () => {
  it("names only test files that exist (a stale entry would quietly stop scheduling a heavy file first)", () => {
    // Where vitest.config.ts includes test files from.
    const files = ["test", "tools"].flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true })
        .map((file) => join(dir, String(file)))
        .filter((file) => file.endsWith(".test.ts")),
    );
    for (const prefix of LONGEST_FIRST) expect(files.some((file) => file.startsWith(prefix)), prefix).toBe(true);
  });
});
