import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseArguments, parseRepository, REPOSITORY_RULES, USAGE, type CliOptions } from "./arguments.js";
import type { ArgoCdConnection } from "./argocd-gate.js";
import { CONFIG_FILE, readPromotionConfig } from "./config.js";
import { formatDoctor, runDoctor } from "./doctor.js";
import { formatPromotionError, isPromotionError, PromotionError, type PromotionErrorCode } from "./errors.js";
import { readFileAt, remoteUrl, repositoryRoot, resolveCommit } from "./git.js";
import { checkGitHubUrl, createOctokit, DEFAULT_API_URL, type Credentials, type GitHubClientOptions } from "./github-client.js";
import { GitHubRepository } from "./github-repository.js";
import type { ChartRenderer } from "./manifest-diff.js";
import { runPromotion, type PromotionOutcome } from "./promote.js";
import { githubWebUrl } from "./provenance.js";
import { createRedactor, secretsFromEnvironment } from "./redact.js";
import { Workspace } from "./snapshot.js";
import { trainMatrix } from "./train.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Test knobs: faster retries and waits, a fixed clock, a stub renderer, a smaller body limit. */
  client?: Partial<Pick<GitHubClientOptions, "retries" | "retryBaseMs" | "rateLimitBaseMs" | "rateLimitRetries" | "spaceWrites">>;
  now?: Date;
  render?: ChartRenderer;
  bodyLimit?: number;
  /** Receives the outcome of a promotion (for tests). */
  onOutcome?: (outcome: PromotionOutcome) => void;
}

/** Codes that mean "the command line is wrong" and exit 2, like generate-gitops' usage errors. */
const USAGE_CODES: readonly PromotionErrorCode[] = ["PRM001", "PRM002", "PRM003", "PRM023"];

/** Codes that mean "a gate holds the step back, nothing is wrong: try later" and exit 3 (a scheduled train waits). */
const GATE_CODES: readonly PromotionErrorCode[] = ["PRM021", "PRM024"];

/**
 * The promote command: parses the arguments, sets up credentials and the GitHub client, and runs a
 * promotion, a rollback or the doctor. Everything it prints passes through a redactor holding every
 * credential from the environment. Returns the exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const redact = createRedactor(secretsFromEnvironment(io.env));
  const out = (text: string) => io.stdout(redact(text));
  const err = (text: string) => io.stderr(redact(text));
  const parsed = parseArguments(argv);
  if ("help" in parsed) {
    out(USAGE);
    return 0;
  }
  if ("error" in parsed) {
    err(`promote: ${formatPromotionError(new PromotionError("PRM001", parsed.error))}\n\n${USAGE}`);
    return 2;
  }
  try {
    if (parsed.trainSteps) return trainSteps(parsed, io, out);
    return parsed.doctor ? await doctor(parsed, io, out, err) : await promote(parsed, io, out, err);
  } catch (error) {
    if (isPromotionError(error)) {
      err(`promote: ${formatPromotionError(error)}`);
      return USAGE_CODES.includes(error.code) ? 2 : GATE_CODES.includes(error.code) ? 3 : 1;
    }
    err(`promote: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

async function promote(options: CliOptions, io: CliIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const root = localClone(options, io);
  const credentials = credentialsFrom(io.env);
  if (!credentials && !options.dryRun) throw new PromotionError("PRM005", "no GITHUB_TOKEN (nor GitHub App) in the environment; a promotion that publishes needs one.");
  const apiUrl = apiUrlFrom(io.env);
  const repo = repositoryOf(options, io.env, root, apiUrl, credentials !== undefined);
  const github = credentials && repo ? await connect(repo, credentials, apiUrl, io, err) : undefined;
  const webBase = githubWebUrl(apiUrl, io.env.GITHUB_SERVER_URL);
  // The reason is published in the pull request: a credential pasted into it must not leak there either.
  const overrideFreeze = options.overrideFreeze === undefined ? undefined : createRedactor(secretsFromEnvironment(io.env))(options.overrideFreeze);
  const overrideGate = options.overrideGate === undefined ? undefined : createRedactor(secretsFromEnvironment(io.env))(options.overrideGate);
  const outcome = await runPromotion(
    {
      root,
      from: options.from,
      to: options.to as string,
      base: options.base,
      components: options.components,
      dryRun: options.dryRun,
      rollback: options.rollback,
      overrideFreeze,
      ...(options.clusters ? { clusters: options.clusters } : {}),
      ...(overrideGate !== undefined ? { overrideGate } : {}),
      now: io.now,
    },
    {
      github,
      repositoryWebUrl: repo ? `${webBase}/${repo.owner}/${repo.name}` : webBase,
      argocd: argoCdFrom(io.env),
      targetArgocd: targetArgoCdFrom(io.env),
      out,
      log: (line) => err(`promote: ${line}`),
      render: io.render,
      command: commandLine(options),
      bodyLimit: io.bodyLimit,
      // Everything published is redacted with the secrets of the environment this command was given.
      redact: createRedactor(secretsFromEnvironment(io.env)),
    },
  );
  io.onOutcome?.(outcome);
  if (github) err(`promote: ${github.calls} GitHub API call(s).`);
  return 0;
}

async function doctor(options: CliOptions, io: CliIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const root = localClone(options, io);
  const credentials = credentialsFrom(io.env);
  if (!credentials) throw new PromotionError("PRM005", "--doctor checks the token's rights, so it needs GITHUB_TOKEN (or a GitHub App).");
  const apiUrl = apiUrlFrom(io.env);
  const repo = repositoryOf(options, io.env, root, apiUrl, true) as { owner: string; name: string };
  const github = await connect(repo, credentials, apiUrl, io, err);
  const config = configAtBase(root, options.base);
  const checks = await runDoctor(github, { base: options.base, config, authentication: credentials.kind, inActions: io.env.GITHUB_ACTIONS === "true" });
  out(formatDoctor(github.fullName, apiUrl, checks));
  return checks.some((c) => c.status === "fail") ? 1 : 0;
}

async function connect(repo: { owner: string; name: string }, credentials: Credentials, apiUrl: string, io: CliIo, err: (t: string) => void): Promise<GitHubRepository> {
  const octokit = await createOctokit({ apiUrl, owner: repo.owner, repo: repo.name, credentials, log: (line) => err(`promote: ${line}`), ...io.client });
  return new GitHubRepository(octokit, repo.owner, repo.name);
}

/** The promotion configuration as committed on the base branch (local view), for the doctor. */
function configAtBase(root: string, base: string) {
  const commit = resolveCommit(root, `refs/remotes/origin/${base}`) ?? resolveCommit(root, base);
  if (!commit) return readPromotionConfig(root);
  const workspace = new Workspace();
  try {
    return readPromotionConfig(workspace.snapshot(root, commit, [".github/promotion.yml"], "config"));
  } finally {
    workspace.dispose();
  }
}

/**
 * The release train of .github/promotion.yml as the JSON list promote.yml's matrix runs, checked
 * against the environments committed on the base branch (local view; nothing is asked of GitHub).
 */
function trainSteps(options: CliOptions, io: CliIo, out: (t: string) => void): number {
  const root = localClone(options, io);
  const commit = resolveCommit(root, `refs/remotes/origin/${options.base}`) ?? resolveCommit(root, options.base);
  if (!commit) throw new PromotionError("PRM010", `the local clone in ${root} has no branch ${options.base} (nor origin/${options.base}).`, `Fetch it (git fetch origin ${options.base}) or pass --base.`);
  const workspace = new Workspace();
  let config;
  try {
    config = readPromotionConfig(workspace.snapshot(root, commit, [CONFIG_FILE], "config"));
  } finally {
    workspace.dispose();
  }
  if (config.train.length === 0) throw new PromotionError("PRM007", `${CONFIG_FILE} at ${options.base} has no train: steps, so there is no train to run.`, "Add train: to .github/promotion.yml (docs/train.md), e.g. [{from: development, to: staging}, {from: staging, to: production, clusters: [eu]}].");
  const matrix = trainMatrix(config.train, (environment) => {
    const text = readFileAt(root, commit, `environments/${environment}/environment.yaml`);
    if (text === undefined) return undefined;
    const data = parseYaml(text) as { clusters?: Array<{ name?: unknown }> } | null;
    return (data?.clusters ?? []).map((c) => String(c.name));
  });
  out(JSON.stringify(matrix));
  return 0;
}


/** GITHUB_API_URL (default github.com's), checked together with GITHUB_SERVER_URL before any request. */
function apiUrlFrom(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_SERVER_URL) checkGitHubUrl("GITHUB_SERVER_URL", env.GITHUB_SERVER_URL);
  return env.GITHUB_API_URL ? checkGitHubUrl("GITHUB_API_URL", env.GITHUB_API_URL) : DEFAULT_API_URL;
}

function localClone(options: CliOptions, io: CliIo): string {
  return repositoryRoot(options.root ? resolve(io.cwd, options.root) : io.cwd);
}

/** GitHub App credentials win over a token: pull requests an App opens trigger workflows. */
export function credentialsFrom(env: NodeJS.ProcessEnv): Credentials | undefined {
  if (env.GITHUB_APP_ID && env.GITHUB_APP_PRIVATE_KEY) {
    const installation = env.GITHUB_APP_INSTALLATION_ID ? Number(env.GITHUB_APP_INSTALLATION_ID) : undefined;
    if (installation !== undefined && !Number.isInteger(installation)) throw new PromotionError("PRM048", "GITHUB_APP_INSTALLATION_ID is not a number.");
    return { kind: "app", appId: env.GITHUB_APP_ID, privateKey: env.GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, "\n"), installationId: installation };
  }
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  return token ? { kind: "token", token } : undefined;
}

/** --repo, else GITHUB_REPOSITORY, else the origin remote when it points at the GitHub host in use. */
export function repositoryOf(options: CliOptions, env: NodeJS.ProcessEnv, root: string, apiUrl: string, required: boolean): { owner: string; name: string } | undefined {
  if (options.repo) return options.repo;
  if (env.GITHUB_REPOSITORY) {
    const fromEnv = parseRepository(env.GITHUB_REPOSITORY);
    if (!fromEnv) throw new PromotionError("PRM006", `GITHUB_REPOSITORY "${env.GITHUB_REPOSITORY}" is not owner/name: ${REPOSITORY_RULES}`);
    return fromEnv;
  }
  const origin = remoteUrl(root);
  const host = new URL(githubWebUrl(apiUrl, env.GITHUB_SERVER_URL)).host;
  const match = origin ? new RegExp(`^(?:https://|ssh://git@|git@)${host.replace(/\./g, "\\.")}[:/]([^/]+)/([^/]+?)(?:\\.git)?/?$`).exec(origin) : null;
  const fromOrigin = match ? parseRepository(`${match[1]}/${match[2]}`) : undefined;
  if (fromOrigin) return fromOrigin;
  if (required) throw new PromotionError("PRM006", `cannot tell which GitHub repository to use: no --repo, no GITHUB_REPOSITORY, and the origin remote (${origin ?? "none"}) is not on ${host}.`);
  return undefined;
}

function argoCdFrom(env: NodeJS.ProcessEnv): ArgoCdConnection | undefined {
  if (!env.ARGOCD_SERVER) return undefined;
  if (!env.ARGOCD_TOKEN) throw new PromotionError("PRM022", "ARGOCD_SERVER is set but ARGOCD_TOKEN is empty.", "Export ARGOCD_TOKEN (an Argo CD API token with applications, get), or unset ARGOCD_SERVER to skip the gate.");
  return { server: env.ARGOCD_SERVER, token: env.ARGOCD_TOKEN };
}

/** The target environment's Argo CD, for the cluster gate of a progressive step. */
function targetArgoCdFrom(env: NodeJS.ProcessEnv): ArgoCdConnection | undefined {
  if (!env.ARGOCD_TARGET_SERVER) return undefined;
  if (!env.ARGOCD_TARGET_TOKEN) throw new PromotionError("PRM025", "ARGOCD_TARGET_SERVER is set but ARGOCD_TARGET_TOKEN is empty.", "Export ARGOCD_TARGET_TOKEN (an API token of the target environment's Argo CD with applications, get), or unset ARGOCD_TARGET_SERVER.");
  return { server: env.ARGOCD_TARGET_SERVER, token: env.ARGOCD_TARGET_TOKEN };
}

function commandLine(options: CliOptions): string {
  const parts = ["nx run generate:promote --"];
  if (options.rollback) parts.push("--rollback");
  else parts.push(`--from ${options.from}`);
  parts.push(`--to ${options.to}`);
  if (options.components) parts.push(`--components ${options.components.join(",")}`);
  if (options.clusters) parts.push(`--clusters ${options.clusters.join(",")}`);
  if (options.base !== "main") parts.push(`--base ${options.base}`);
  return parts.join(" ");
}
