import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInputFile } from "./read-input-file.js";

describe("readInputFile", () => {
  const root = mkdtempSync(join(tmpdir(), "read-input-file-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads each file whole, whatever was read before it (the read buffer is shared)", () => {
    writeFileSync(join(root, "long.yaml"), `a: ${"x".repeat(5000)}\n`);
    writeFileSync(join(root, "short.yaml"), "b: 1\n");
    writeFileSync(join(root, "empty.yaml"), "");
    expect(readInputFile(root, "long.yaml")).toEqual({ kind: "text", text: `a: ${"x".repeat(5000)}\n` });
    expect(readInputFile(root, "short.yaml")).toEqual({ kind: "text", text: "b: 1\n" });
    expect(readInputFile(root, "empty.yaml")).toEqual({ kind: "text", text: "" });
  });

  it("refuses a file over the limit and bytes that are not UTF-8, with their line, between valid reads", () => {
    writeFileSync(join(root, "big.yaml"), "y".repeat(65));
    writeFileSync(join(root, "latin1.yaml"), Buffer.concat([Buffer.from("ok: 1\nname: "), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(readInputFile(root, "big.yaml", 64)).toEqual({ kind: "refused", refusal: { reason: "too-large", message: "is 65 bytes; the limit is 64 bytes" } });
    expect(readInputFile(root, "short.yaml", 64)).toEqual({ kind: "text", text: "b: 1\n" });
    expect(readInputFile(root, "latin1.yaml")).toEqual({ kind: "refused", refusal: { reason: "not-utf8", message: "contains bytes that are not UTF-8", line: 2 } });
    expect(readInputFile(root, "missing.yaml")).toEqual({ kind: "missing" });
  });
});
