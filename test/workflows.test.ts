import { readdirSync, readFileSync } from "node:fs";
import { register } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../tools/src/paths.js";

// @actions/workflow-parser imports its schema JSON without `with { type: "json" }`, which Node's
// ESM loader rejects (bundlers accept it). This resolve hook adds the attribute for that package only.
const jsonAttributeHook = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  return result.url.endsWith(".json") && result.url.includes("/@actions/workflow-parser/") ? { ...result, importAttributes: { type: "json" } } : result;
}`;
register(`data:text/javascript,${encodeURIComponent(jsonAttributeHook)}`);
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");

const workflowsDir = join(repoRoot, ".github", "workflows");
const workflowFiles = readdirSync(workflowsDir)
  .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
  .sort();

/** Schema and conversion errors GitHub's own parser reports for a workflow file (empty when valid). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (parsed.value !== undefined) await convertWorkflowTemplate(parsed.context, parsed.value);
  if (parsed.value === undefined && parsed.context.errors.count === 0) return [`${name}: the parser produced no workflow`];
  return parsed.context.errors.getErrors().map((e) => e.message);
}

/** Least privilege: the workflow must say what its token may do, and not grant everything. */
function permissionProblems(name: string, content: string): string[] {
  const workflow = parseYaml(content) as Record<string, unknown> | null;
  const permissions = workflow?.permissions;
  if (permissions === undefined) return [`${name}: no top-level \`permissions\`; declare the least the jobs need, e.g. permissions: { contents: read }.`];
  if (typeof permissions === "string") return [`${name}: \`permissions: ${permissions}\` grants the token every scope; list the scopes the jobs need instead.`];
  return [];
}

/** Every remote action must be pinned to a full commit SHA, since tags can be moved. */
function unpinnedActions(name: string, content: string): string[] {
  const problems: string[] = [];
  for (const match of content.matchAll(/^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)/gm)) {
    const ref = match[1] ?? "";
    if (ref.startsWith("./") || ref.startsWith("docker://")) continue;
    if (!/@[0-9a-f]{40}$/.test(ref)) problems.push(`${name}: \`uses: ${ref}\` is not pinned to a 40-character commit SHA.`);
  }
  return problems;
}

const VALID = `name: ok
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - run: echo hello
`;

describe("GitHub workflows in .github/workflows", () => {
  it("holds the CI and chart release workflows", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["ci.yml", "release-charts.yml"]));
  });

  it.each(workflowFiles)("%s passes GitHub's workflow parser", async (file) => {
    expect(await workflowErrors(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s declares least-privilege permissions", (file) => {
    expect(permissionProblems(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s pins every action to a commit SHA", (file) => {
    expect(unpinnedActions(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });
});

describe("the workflow checks reject broken workflows", () => {
  it("accepts a minimal valid workflow (control)", async () => {
    expect(await workflowErrors("valid.yml", VALID)).toEqual([]);
    expect(permissionProblems("valid.yml", VALID)).toEqual([]);
    expect(unpinnedActions("valid.yml", VALID)).toEqual([]);
  });

  it("rejects an unknown job key (runs-onn)", async () => {
    const errors = await workflowErrors("typo.yml", VALID.replace("runs-on:", "runs-onn:"));
    expect(errors.join("\n")).toMatch(/runs-onn/);
  });

  it("rejects an unknown event under on", async () => {
    const errors = await workflowErrors("bad-on.yml", VALID.replace("on: push", "on: pushh"));
    expect(errors.join("\n")).toMatch(/pushh/);
  });

  it("rejects a malformed expression", async () => {
    const errors = await workflowErrors("bad-expr.yml", VALID.replace("echo hello", "echo ${{ github.ref == }}"));
    expect(errors).not.toEqual([]);
  });

  it("rejects a workflow without permissions, or with write-all", () => {
    expect(permissionProblems("none.yml", VALID.replace("permissions:\n  contents: read\n", ""))).toHaveLength(1);
    expect(permissionProblems("all.yml", VALID.replace("permissions:\n  contents: read\n", "permissions: write-all\n"))).toHaveLength(1);
  });

  it("rejects an action pinned to a tag", () => {
    expect(unpinnedActions("tag.yml", VALID.replace(/@[0-9a-f]{40}/, "@v4"))).toHaveLength(1);
  });
});
