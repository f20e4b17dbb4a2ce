import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading && !inFence) anchors.add(headingAnchor(heading[1] as string));
  }
  return anchors;
}

/** Relative Markdown links of `file` whose target file or heading does not exist. */
export function brokenLinks(root: string, file: string, markdown: string): string[] {
  const problems: string[] = [];
  for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] as string;
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, anchor] = target.split("#") as [string, string | undefined];
    const resolved = path === "" ? join(root, file) : normalize(join(root, dirname(file), path));
    if (path !== "" && !existsSync(resolved)) {
      problems.push(`${file}: ${path} does not exist`);
      continue;
    }
    if (anchor && (path === "" || resolved.endsWith(".md")) && !anchorsOf(path === "" ? markdown : readFileSync(resolved, "utf8")).has(anchor)) {
      problems.push(`${file}: ${path || file} has no heading for #${anchor}`);
    }
  }
  return problems;
}

/**
 * Repository paths a page names (`tools/src/gitops/plan.ts`, `charts/monitoring-config/dashboards/`)
 * that do not exist. Paths with a placeholder (`charts/<name>/`) or a glob stop before it and are
 * checked up to there.
 */
export function missingRepositoryPaths(root: string, markdown: string): string[] {
  const missing = new Set<string>();
  for (const match of markdown.matchAll(/(?<![\w./:-])((?:tools|charts|environments|apps|schemas|test|docs|\.github)\/[A-Za-z0-9_./-]*[A-Za-z0-9_])/g)) {
    const path = match[1] as string;
    if (!existsSync(join(root, path))) missing.add(path);
  }
  return [...missing].sort();
}

/** The bodies of the ```mermaid blocks of a page. */
export function mermaidDiagrams(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```/gm)].map((m) => m[1] as string);
}
