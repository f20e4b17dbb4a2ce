import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { docFiles } from "./support/doc-files.js";
import { brokenLinks, missingRepositoryPaths, mermaidDiagrams } from "./support/page-checks.js";

/** The operator guide's pages: one per task, reachable from the README, with no dead link or path. */
const TASK_PAGES = ["deploy", "environments", "clusters", "gitops-workflow", "promotion", "train", "monitoring", "rollback", "troubleshooting", "recovery", "architecture"].map((name) => `docs/${name}.md`);

const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");
const pages = docFiles(repoRoot);

describe("docs/", () => {
  it("has a page for every operator task", () => {
    expect(TASK_PAGES.filter((page) => !pages.includes(page))).toEqual([]);
  });

  it("is linked from the README's Where to go next, page by page", () => {
    const section = /## Where to go next\n([\s\S]*?)(\n## |$)/.exec(read("README.md"))?.[1] ?? "";
    expect(pages.filter((page) => !section.includes(`](${page})`))).toEqual([]);
  });

  it.each(["README.md", ...pages])("%s has no broken relative link or anchor", (file) => {
    expect(brokenLinks(repoRoot, file, read(file))).toEqual([]);
  });

  it.each(pages)("%s names only repository paths that exist", (file) => {
    expect(missingRepositoryPaths(repoRoot, read(file))).toEqual([]);
  });

  it("architecture.md draws the layers, the generator's data flow and the promotion flow in Mermaid", () => {
    const diagrams = mermaidDiagrams(read("docs/architecture.md"));
    expect(diagrams.map((d) => d.split("\n")[0]?.split(" ")[0])).toEqual(["flowchart", "flowchart", "sequenceDiagram"]);
    // The generator and promotion diagrams name the modules that do the work.
    expect(diagrams[1]).toContain("tools/src/gitops/plan.ts");
    expect(diagrams[2]).toContain("promote/promote.ts");
  });
});

describe("the page checks themselves", () => {
  const page = "docs/example.md";

  it("catch a missing file, a missing anchor and an existing one", () => {
    const markdown = ["[ok](deploy.md#2-install-argo-cd)", "[gone](missing.md)", "[bad anchor](deploy.md#no-such-heading)", "[web](https://example.com)", "[self](#local)", "## Local"].join("\n");
    expect(brokenLinks(repoRoot, page, markdown)).toEqual([`${page}: missing.md does not exist`, `${page}: deploy.md has no heading for #no-such-heading`]);
    expect(existsSync(normalize(join(repoRoot, dirname(page), "deploy.md")))).toBe(true);
  });

  it("catch a repository path that does not exist and ignore placeholders", () => {
    expect(missingRepositoryPaths(repoRoot, "see `tools/src/gitops/plan.ts`, `charts/<name>/values.yaml` and `tools/src/gitops/planner.ts`")).toEqual(["tools/src/gitops/planner.ts"]);
  });
});
