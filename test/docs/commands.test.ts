import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/src/paths.js";
import { GitHubStandIn } from "../support/github-api-stand-in/index.js";
import { allDocCommands } from "./support/doc-files.js";
import { checkCommandSyntax } from "./support/flag-check.js";
import { installedHelp } from "./support/installed-help.js";
import type { DocCommand } from "./support/markdown-commands.js";
import { copyRepository, type RepositoryCopy } from "./support/repository-copy.js";
import { runShell, type ShellResult } from "./support/run-shell.js";
import { parseCommandLine } from "./support/shell-words.js";

/**
 * Every ```sh command in docs/: run offline in a copy of the repository (generator, --check,
 * helm, kubectl kustomize, promotion dry runs and the doctor against the local GitHub stand-in),
 * or, when its block is marked `<!-- doc-test: live -->`, checked for syntax only. Commands share
 * one copy and run in page order; a command that appears on several pages runs once.
 */
const { commands, problems } = allDocCommands(repoRoot);
const runnable = commands.filter((c) => c.mode.kind === "run");
const live = commands.filter((c) => c.mode.kind === "live");
const help = installedHelp(repoRoot);

const TOKEN = "ghp_DocTestStandInToken0123456789abcdefXYZ";
const OWNER = "mcp-security";
const REPO = "platform-gitops";
const COMMAND_TIMEOUT_MS = 120_000;

let copy: RepositoryCopy;
let standIn: GitHubStandIn;
const results = new Map<string, Promise<ShellResult>>();
const started = performance.now();

beforeAll(async () => {
  copy = copyRepository(repoRoot);
  standIn = await GitHubStandIn.start({
    gitDir: copy.remote,
    owner: OWNER,
    repo: REPO,
    token: TOKEN,
    labels: ["promotion"],
    protectedBranches: { main: { requiredApprovingReviewCount: 1, requiredStatusChecks: ["ci"] } },
  });
});

afterAll(async () => {
  await standIn?.close();
  copy?.cleanup();
  const ran = [...results.values()].length;
  console.log(`doc tests: ${commands.length} documented command(s): ${runnable.length} run (${ran} distinct), ${live.length} syntax-checked only; ${Math.round((performance.now() - started) / 1000)} s.`);
});

/**
 * What a reader's shell would have, minus anything that could reach a real cluster, GitHub or the
 * npm registry: credentials point at the stand-in, kubeconfig at nothing, Helm's state into the copy.
 */
function commandEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(GITHUB_|GH_|ARGOCD_|KUBECONFIG$|HELM_|NX_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: standIn.url,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    KUBECONFIG: join(copy.scratch, "no-kubeconfig"),
    HELM_CACHE_HOME: join(copy.scratch, "helm-cache"),
    HELM_CONFIG_HOME: join(copy.scratch, "helm-config"),
    HELM_DATA_HOME: join(copy.scratch, "helm-data"),
    NX_DAEMON: "false",
    NX_NO_CLOUD: "true",
    NX_TUI: "false",
    npm_config_offline: "true",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
}

function runOnce(command: DocCommand): Promise<ShellResult> {
  let result = results.get(command.text);
  if (!result) {
    result = runShell(command.text, { cwd: copy.dir, env: commandEnvironment(), timeoutMs: COMMAND_TIMEOUT_MS });
    results.set(command.text, result);
  }
  return result;
}

/** A promotion that would publish must be marked live: the stand-in would accept it and the test would prove nothing. */
function publishesPromotion(text: string): boolean {
  const parsed = parseCommandLine(text);
  if ("error" in parsed) return false;
  return parsed.commands.some(({ words }) => {
    const promote = words.includes("generate:promote") || words.some((w) => w.endsWith("tools/src/cli/promote.ts"));
    return promote && !words.some((w) => w === "--dry-run" || w === "--doctor" || w === "--train-steps" || w === "--help" || w === "-h");
  });
}

const label = (c: DocCommand) => `${c.file}:${c.line}: ${c.text}`;

describe("docs/*.md shell blocks", () => {
  it("are well-formed: ```sh only, known markers", () => {
    expect(problems).toEqual([]);
  });

  it("include commands that run offline and commands marked live", () => {
    expect(runnable.length).toBeGreaterThan(0);
    expect(live.length).toBeGreaterThan(0);
  });
});

describe.each(live.map((c) => [label(c), c] as const))("live (syntax only) %s", (_, command) => {
  it("uses an existing program, subcommand and flags", () => {
    expect(checkCommandSyntax(command.text, help, { placeholders: true })).toEqual([]);
  });
});

describe.each(runnable.map((c) => [label(c), c] as const))("runs %s", (_, command) => {
  const expected = command.mode.kind === "run" ? command.mode.expectedExit : 0;

  it("uses an existing program, subcommand and flags, and no placeholder", () => {
    expect(checkCommandSyntax(command.text, help, { placeholders: false })).toEqual([]);
    expect(publishesPromotion(command.text), "a promotion that publishes needs <!-- doc-test: live -->").toBe(false);
  });

  it(`exits ${expected} in a copy of the repository`, async () => {
    if (publishesPromotion(command.text)) throw new Error(`${label(command)} would publish a promotion: not run (mark its block <!-- doc-test: live -->).`);
    const result = await runOnce(command);
    expect(result.status, `${label(command)}\n--- stdout\n${result.stdout.slice(-3000)}\n--- stderr\n${result.stderr.slice(-3000)}`).toBe(expected);
    expect(`${result.stdout}${result.stderr}`, "the stand-in's token must never be printed").not.toContain(TOKEN);
  }, COMMAND_TIMEOUT_MS + 10_000);
});
