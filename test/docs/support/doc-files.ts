import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractCommands, type DocCommand } from "./markdown-commands.js";

/** The operator docs: every Markdown file directly under docs/, as repository-relative paths, sorted. */
export function docFiles(root: string): string[] {
  return readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
}

/** Every documented command of every doc page, in page order, and the problems of malformed blocks. */
export function allDocCommands(root: string): { commands: DocCommand[]; problems: string[] } {
  const commands: DocCommand[] = [];
  const problems: string[] = [];
  for (const file of docFiles(root)) {
    const result = extractCommands(file, readFileSync(join(root, file), "utf8"));
    commands.push(...result.commands);
    problems.push(...result.problems);
  }
  return { commands, problems };
}
