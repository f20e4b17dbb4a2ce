/**
 * The shell commands of the operator docs: every ```sh block of a Markdown file, split into command
 * lines, with what the block's marker says about running them.
 *
 * Markers are HTML comments (invisible on GitHub) on the line right before the opening fence:
 * - none: the commands run offline in a copy of the repository and must exit 0;
 * - `<!-- doc-test: exit N -->`: they run and must exit N (a documented failure);
 * - `<!-- doc-test: live -->`: they need a live cluster, GitHub or the network and are only
 *   checked for syntax (the program and every flag exist).
 */
export type BlockMode = { kind: "run"; expectedExit: number } | { kind: "live" };

export interface DocCommand {
  /** Repository-relative Markdown file. */
  file: string;
  /** 1-based line of the command's first line. */
  line: number;
  /** The command line, continuation lines joined. */
  text: string;
  mode: BlockMode;
}

export type ExtractResult = { commands: DocCommand[]; problems: string[] };

/** Fence languages that are shell under another name: the docs must use `sh` so nothing escapes the doc tests. */
const OTHER_SHELL_LANGUAGES = new Set(["bash", "shell", "console", "zsh", "shell-session"]);
const MARKER = /^<!--\s*doc-test:\s*(.*?)\s*-->$/;

export function extractCommands(file: string, markdown: string): ExtractResult {
  const lines = markdown.split("\n");
  const commands: DocCommand[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i] as string);
    if (!fence) continue;
    const [, indent, ticks, language] = fence as unknown as [string, string, string, string];
    const end = findFenceEnd(lines, i, ticks);
    const bodyStart = i + 1;
    const marker = markerBefore(lines, i);
    if (language === "sh") {
      const mode = parseMarker(marker);
      if ("error" in mode) problems.push(`${file}:${i + 1}: ${mode.error}`);
      else commands.push(...splitCommandLines(lines.slice(bodyStart, end).map((l) => l.slice(indent.length)), bodyStart + 1).map((c) => ({ file, ...c, mode })));
    } else {
      if (OTHER_SHELL_LANGUAGES.has(language)) problems.push(`${file}:${i + 1}: a \`\`\`${language} block: write shell commands in \`\`\`sh blocks so the doc tests run or check them (show output in \`\`\`text).`);
      if (marker !== undefined) problems.push(`${file}:${i + 1}: a doc-test marker before a \`\`\`${language || "(no language)"} block: markers apply to \`\`\`sh blocks only.`);
    }
    i = end;
  }
  return { commands, problems };
}

/** Command lines of a block body: comments and blank lines dropped, `\` continuations joined. */
export function splitCommandLines(body: readonly string[], firstLine: number): Array<{ line: number; text: string }> {
  const result: Array<{ line: number; text: string }> = [];
  let pending: { line: number; text: string } | undefined;
  body.forEach((raw, index) => {
    const text = raw.trim();
    if (!pending && (text === "" || text.startsWith("#"))) return;
    const continued = text.endsWith("\\");
    const piece = continued ? text.slice(0, -1).trimEnd() : text;
    pending = pending ? { line: pending.line, text: `${pending.text} ${piece}` } : { line: firstLine + index, text: piece };
    if (!continued) {
      result.push(pending);
      pending = undefined;
    }
  });
  if (pending) result.push(pending);
  return result;
}

function findFenceEnd(lines: readonly string[], start: number, ticks: string): number {
  for (let j = start + 1; j < lines.length; j++) {
    if ((lines[j] as string).trim().startsWith(ticks) && (lines[j] as string).trim().replace(/[`~]/g, "") === "") return j;
  }
  return lines.length;
}

/** The doc-test marker on the last non-blank line before the fence, if any. */
function markerBefore(lines: readonly string[], fenceIndex: number): string | undefined {
  for (let j = fenceIndex - 1; j >= 0; j--) {
    const text = (lines[j] as string).trim();
    if (text === "") continue;
    const match = MARKER.exec(text);
    return match ? (match[1] as string) : undefined;
  }
  return undefined;
}

function parseMarker(marker: string | undefined): BlockMode | { error: string } {
  if (marker === undefined) return { kind: "run", expectedExit: 0 };
  if (marker === "live") return { kind: "live" };
  const exit = /^exit (\d{1,3})$/.exec(marker);
  if (exit) return { kind: "run", expectedExit: Number(exit[1]) };
  return { error: `unknown doc-test marker "${marker}": use <!-- doc-test: live --> or <!-- doc-test: exit N -->.` };
}
