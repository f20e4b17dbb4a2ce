import { describe, expect, it } from "vitest";
import { decodePointerSegment, resolvePointer } from "./json-schema.js";

describe("JSON pointers (RFC 6901)", () => {
  it("unescapes ~1 before ~0, so ~01 is a literal ~1 and not a slash (section 4)", () => {
    expect(decodePointerSegment("a~1b")).toBe("a/b");
    expect(decodePointerSegment("m~0n")).toBe("m~n");
    expect(decodePointerSegment("~01")).toBe("~1");
    expect(decodePointerSegment("plain")).toBe("plain");
  });

  it("resolves a local reference through escaped names", () => {
    const root = { definitions: { "a/b": { type: "string" }, "~1": { type: "integer" } } };
    expect(resolvePointer(root, "#/definitions/a~1b")).toEqual({ type: "string" });
    expect(resolvePointer(root, "#/definitions/~01")).toEqual({ type: "integer" });
    expect(resolvePointer(root, "#/definitions/missing")).toBeUndefined();
  });
});
