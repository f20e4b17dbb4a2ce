import type { CompletionItem, Diagnostic, Hover, MarkedString, MarkupContent, Position } from "vscode-languageserver-protocol";

/** Diagnostics in reading order (line, then column), for stable assertions and reports. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** `file:line:column: message` lines (1-based, as editors show them), one per diagnostic. */
export function formatDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`)
    .join("\n");
}

/** The 0-based position where `needle` starts in `text` (its `occurrence`-th match, 1-based). */
export function positionOf(text: string, needle: string, occurrence = 1): Position {
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} time(s) in the document.`);
  }
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: (before[before.length - 1] as string).length };
}

/**
 * A position inside the first `needle`, as a user hovering over it points: at its start the server
 * may still resolve the previous node (a block ends where the next key begins).
 */
export function positionInside(text: string, needle: string): Position {
  if (needle.length < 2) throw new Error(`positionInside needs a needle of two or more characters, got "${needle}".`);
  const start = positionOf(text, needle);
  return { line: start.line, character: start.character + 1 };
}

/** The 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

function markupText(content: string | MarkupContent | MarkedString | undefined): string {
  if (content === undefined) return "";
  if (typeof content === "string") return content;
  return content.value;
}

export function completionDocumentation(item: CompletionItem): string {
  return markupText(item.documentation);
}

export function hoverText(hover: Hover | null): string {
  if (!hover) return "";
  return Array.isArray(hover.contents) ? hover.contents.map(markupText).join("\n") : markupText(hover.contents);
}

/**
 * The documentation part of a yaml-language-server hover: without the `#### Title` heading and the
 * `Source: [schema](uri)` line it adds around the description, enum values and examples.
 */
export function hoverBody(hover: Hover | null): string {
  return hoverText(hover)
    .split(/\n{2,}/)
    .filter((paragraph) => !paragraph.startsWith("#### ") && !paragraph.startsWith("Source: ["))
    .join("\n\n")
    .trim();
}

/**
 * Text as a reader sees it once Markdown is rendered: the server escapes Markdown characters in
 * plain descriptions (`\``, `\*`) and turns single newlines into paragraphs; whitespace is folded.
 */
export function renderedText(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_{}[\]#+!])/g, "$1")
    .replace(/&emsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
