import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { checkErrorTable, errorRows } from "./support/error-table.js";
import { checkCommandSyntax, flagsOf, optionFlags, type HelpLookup } from "./support/flag-check.js";
import { installedHelp } from "./support/installed-help.js";
import { extractCommands, splitCommandLines } from "./support/markdown-commands.js";
import { runShell } from "./support/run-shell.js";
import { parseCommandLine } from "./support/shell-words.js";

/** The doc tests' own machinery, shown accepting what is right and rejecting what is wrong. */

describe("parseCommandLine", () => {
  it("splits pipelines and lists, unquotes words and drops assignments and comments", () => {
    expect(parseCommandLine(`A=1 B="two words" npx helm template x --set-string 'k=v w' | grep "^kind:" && echo done # note`)).toEqual({
      commands: [
        { assignments: ["A=1", "B=two words"], words: ["npx", "helm", "template", "x", "--set-string", "k=v w"] },
        { assignments: [], words: ["grep", "^kind:"] },
        { assignments: [], words: ["echo", "done"] },
      ],
    });
  });

  it("keeps <placeholders> only when asked, and rejects redirections, subshells and dangling operators", () => {
    expect(parseCommandLine("git revert <merge-commit>", { placeholders: true })).toEqual({ commands: [{ assignments: [], words: ["git", "revert", "<merge-commit>"] }] });
    expect(parseCommandLine("git revert <merge-commit>")).toHaveProperty("error");
    expect(parseCommandLine("helm template x > out.yaml")).toHaveProperty("error");
    expect(parseCommandLine("echo $(date)")).toHaveProperty("error");
    expect(parseCommandLine("npx nx run generate:gitops &&")).toHaveProperty("error");
    expect(parseCommandLine(`echo "unterminated`)).toHaveProperty("error");
  });
});

describe("extractCommands", () => {
  const doc = [
    "# Title",
    "```sh",
    "# a comment",
    "npx nx run generate:gitops -- \\",
    "  --check",
    "",
    "npx kubectl kustomize environments/production",
    "```",
    "<!-- doc-test: live -->",
    "```sh",
    "kubectl apply -k apps/production/bootstrap",
    "```",
    "<!-- doc-test: exit 2 -->",
    "",
    "```sh",
    "npx tsx tools/src/cli/generate-gitops.ts --env qa",
    "```",
    "```text",
    "not a command",
    "```",
  ].join("\n");

  it("returns each command with its line, joined continuations and its block's mode", () => {
    expect(extractCommands("docs/x.md", doc)).toEqual({
      problems: [],
      commands: [
        { file: "docs/x.md", line: 4, text: "npx nx run generate:gitops -- --check", mode: { kind: "run", expectedExit: 0 } },
        { file: "docs/x.md", line: 7, text: "npx kubectl kustomize environments/production", mode: { kind: "run", expectedExit: 0 } },
        { file: "docs/x.md", line: 11, text: "kubectl apply -k apps/production/bootstrap", mode: { kind: "live" } },
        { file: "docs/x.md", line: 16, text: "npx tsx tools/src/cli/generate-gitops.ts --env qa", mode: { kind: "run", expectedExit: 2 } },
      ],
    });
  });

  it("reports shell blocks under another language, unknown markers and markers on other blocks", () => {
    const { problems } = extractCommands("docs/x.md", ["```bash", "npm test", "```", "<!-- doc-test: skip -->", "```sh", "ls", "```", "<!-- doc-test: live -->", "```yaml", "a: 1", "```"].join("\n"));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("```bash");
    expect(problems[1]).toContain('unknown doc-test marker "skip"');
    expect(problems[2]).toContain("markers apply to ```sh blocks only");
  });

  it("finds blocks indented inside list items", () => {
    const { commands } = extractCommands("docs/x.md", ["1. Step:", "", "   <!-- doc-test: live -->", "   ```sh", "   argocd app get production-root", "   ```"].join("\n"));
    expect(commands.map((c) => [c.text, c.mode.kind])).toEqual([["argocd app get production-root", "live"]]);
  });

  it("joins continuation lines", () => {
    expect(splitCommandLines(["a \\", "  b \\", "  c", "d"], 10)).toEqual([
      { line: 10, text: "a b c" },
      { line: 13, text: "d" },
    ]);
  });
});

describe("flagsOf and optionFlags", () => {
  it("reads flags from arguments: --name=value, combined short flags, not values or --", () => {
    expect(flagsOf(["template", "--dry-run=client", "-it", "-n", "argocd", "--", "-x", "-1"])).toEqual(["--dry-run", "-i", "-t", "-n", "-x"]);
  });

  it("reads the flags a help text defines, not those mentioned in examples or descriptions", () => {
    const help = ["Examples:", "  kubectl apply --prune -f x", "Options:", "    -k, --kustomize='':", "\tProcess a kustomization directory. See also --filename.", "      --server-side   apply on the server (see --force)"].join("\n");
    expect(optionFlags(help).sort()).toEqual(["--kustomize", "--server-side", "-k"]);
  });
});

describe("checkCommandSyntax", () => {
  const help = installedHelp(repoRoot);
  const ok = (line: string, placeholders = true) => expect(checkCommandSyntax(line, help, { placeholders })).toEqual([]);
  const fails = (line: string, message: string | RegExp) => {
    const problems = checkCommandSyntax(line, help, { placeholders: true });
    expect(problems.length, `expected ${line} to be rejected`).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(message);
  };

  it("accepts the repository's CLIs through nx and tsx with their real flags", () => {
    ok("npx nx run generate:gitops -- --check --environment production");
    ok("npx nx run generate:promote -- --from staging --to production --components a,b --dry-run");
    ok("npx tsx tools/src/cli/generate-gitops.ts --codes");
  });

  it("rejects a misspelled flag, an unknown nx target or CLI, and nx flags before --", () => {
    fails("npx nx run generate:gitops -- --chek", /has no flag --chek/);
    fails("npx nx run generate:promote -- --from staging --to production --dryrun", /has no flag --dryrun/);
    fails("npx nx run generate:deploy", /nx target "generate:deploy" does not exist/);
    fails("npx tsx tools/src/cli/deploy.ts --now", /does not exist/);
    fails("npx nx run generate:gitops --check", /after `--`/);
  });

  it("checks helm and kubectl against their --help, kubectl's global options included", () => {
    ok("npx helm install x charts/mcp-server --namespace platform -f v.yaml --set-string image.tag=1 --dry-run=client");
    ok("kubectl apply -k apps/production/bootstrap/argocd --server-side --force-conflicts");
    ok("kubectl rollout status deployment/argocd-server --namespace argocd --timeout 5m");
    fails("npx helm template x charts/mcp-server --valus v.yaml", /helm template has no flag --valus/);
    fails("kubectl apply -k apps --server-sidee", /has no flag --server-sidee/);
    fails("kubectl aply -k apps", /no such subcommand/);
  });

  it("checks git, argocd and npm against the documented list", () => {
    ok("git revert --no-edit -m 1 <merge-commit>");
    ok("argocd app sync production-mcp-server --prune --resource apps:Deployment:mcp-server");
    ok("argocd login argocd.mcp.example.com --sso --grpc-web");
    fails("argocd app sync production-mcp-server --prun", /argocd app sync has no flag --prun/);
    fails("argocd app rollout production-mcp-server", /not a subcommand/);
    fails("git revert --no-edti HEAD", /git revert has no flag --no-edti/);
    fails("curl https://example.com", /unknown program "curl"/);
  });
});

/** A stub: the flag check needs no real program for nx target resolution failures. */
const noPrograms: HelpLookup = {
  programHelp: () => undefined,
  globalHelp: () => "",
  cliHelp: () => "  --check   check\n",
  nxTargets: () => new Map([["generate:gitops", "tools/src/cli/generate-gitops.ts"]]),
};

describe("checkCommandSyntax with a stubbed lookup", () => {
  it("uses only what the lookup knows", () => {
    expect(checkCommandSyntax("npx nx run generate:gitops -- --check", noPrograms, { placeholders: false })).toEqual([]);
    expect(checkCommandSyntax("npx helm version", noPrograms, { placeholders: false })).toEqual(["helm version: no such subcommand"]);
  });
});

describe("checkErrorTable", () => {
  const table = ["| Code | Problem | Cause | Fix |", "|---|---|---|---|", "| GEN001 | Malformed YAML | bad indent | fix it |", "| `PRM001` | Invalid command line | a \\| pipe | run --help |"].join("\n");

  it("accepts a table with one complete row per code", () => {
    expect(errorRows(table).map((r) => r.code)).toEqual(["GEN001", "PRM001"]);
    expect(errorRows(table)[1]?.cells[2]).toBe("a \\| pipe");
    expect(checkErrorTable("docs/t.md", table, ["GEN001", "PRM001"])).toEqual([]);
  });

  it("fails on a catalogue code without a row, a row without a code, a duplicate and an empty fix", () => {
    const problems = checkErrorTable("docs/t.md", `${table}\n| GEN001 | Malformed YAML | again | again |\n| GEN999 | Gone | old | old |\n| PRM002 | Unknown environment | cause |  |`, ["GEN001", "PRM001", "PRM002", "PRM050"]);
    expect(problems.join("\n")).toMatch(/GEN001 has a second row/);
    expect(problems.join("\n")).toMatch(/GEN999 is in the table but in no error catalogue/);
    expect(problems.join("\n")).toMatch(/the row of PRM002 needs four cells/);
    expect(problems.join("\n")).toMatch(/PRM050 has no row in the troubleshooting table/);
    expect(problems).toHaveLength(4);
  });
});

describe("runShell", () => {
  it("reports the command's exit code and output, and kills a command that runs too long", async () => {
    const env = { PATH: process.env.PATH };
    const failed = await runShell("echo out; echo err >&2; exit 3", { cwd: repoRoot, env, timeoutMs: 10_000 });
    expect([failed.status, failed.stdout, failed.stderr]).toEqual([3, "out\n", "err\n"]);
    expect((await runShell("true", { cwd: repoRoot, env, timeoutMs: 10_000 })).status).toBe(0);
    const slow = await runShell("sleep 30", { cwd: repoRoot, env, timeoutMs: 300 });
    expect(slow.status).toBe(124);
    expect(slow.milliseconds).toBeLessThan(10_000);
  });
});

