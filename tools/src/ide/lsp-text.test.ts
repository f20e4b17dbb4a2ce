import { describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { completionDocumentation, formatDiagnostics, hoverBody, lineOf, positionInside, positionOf, renderedText, sortDiagnostics } from "./lsp-text.js";

const diagnostic = (line: number, character: number, message: string): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 1 } },
  message,
});

describe("positions", () => {
  const text = "a: 1\nb:\n  c: 2\n  c2: 3\n";

  it("finds the n-th occurrence as a 0-based line and UTF-16 column", () => {
    expect(positionOf(text, "c:")).toEqual({ line: 2, character: 2 });
    expect(positionOf(text, "c", 2)).toEqual({ line: 3, character: 2 });
    expect(positionInside(text, "c2")).toEqual({ line: 3, character: 3 });
    expect(lineOf(text, "b:")).toBe(1);
  });

  it("fails loudly when the needle is not there", () => {
    expect(() => positionOf(text, "zz")).toThrow(/occurs fewer than 1/);
    expect(() => positionOf(text, "c:", 2)).toThrow(/occurs fewer than 2/);
    expect(() => positionInside(text, "c")).toThrow(/two or more characters/);
  });
});

describe("diagnostics", () => {
  it("sorts by position and formats 1-based like an editor", () => {
    const found = [diagnostic(4, 2, "late"), diagnostic(1, 9, "second"), diagnostic(1, 0, "first")];
    expect(sortDiagnostics(found).map((d) => d.message)).toEqual(["first", "second", "late"]);
    expect(formatDiagnostics("values.yaml", found)).toBe("values.yaml:2:1: first\nvalues.yaml:2:10: second\nvalues.yaml:5:3: late");
    expect(formatDiagnostics("values.yaml", [])).toBe("");
  });
});

describe("documentation text", () => {
  it("reads plain and Markdown documentation", () => {
    expect(completionDocumentation({ label: "a", documentation: "plain" })).toBe("plain");
    expect(completionDocumentation({ label: "a", documentation: { kind: "markdown", value: "**md**" } })).toBe("**md**");
    expect(completionDocumentation({ label: "a" })).toBe("");
  });

  it("keeps only the description part of a hover", () => {
    const hover = { contents: { kind: "markdown" as const, value: "#### Autoscaling\n\nMost pods\n\nthe autoscaler runs.\n\nSource: [values.schema.json](file:///x)" } };
    expect(hoverBody(hover)).toBe("Most pods\n\nthe autoscaler runs.");
    expect(hoverBody({ contents: { kind: "markdown", value: "#### Title only\n\nSource: [s.json](file:///s)" } })).toBe("");
    expect(hoverBody(null)).toBe("");
  });

  it("undoes the server's Markdown escaping and folds whitespace", () => {
    expect(renderedText("Pin it, never \\`latest\\`.\n\nSecond&emsp;line")).toBe("Pin it, never `latest`. Second line");
  });
});
