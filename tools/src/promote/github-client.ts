import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { PromotionError } from "./errors.js";

export const DEFAULT_API_URL = "https://api.github.com";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Checks GITHUB_API_URL (or GITHUB_SERVER_URL) before any request carries the token to it: an
 * absolute https URL without credentials, query or fragment; plain http only to a loopback host
 * (a local stand-in), where the token never crosses a network.
 */
export function checkGitHubUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PromotionError("PRM009", `${variable} "${value}" is not a URL.`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(url.hostname))) {
    throw new PromotionError("PRM009", `${variable} "${value}" uses ${url.protocol.replace(/:$/, "")}; the token is sent only over https (plain http only to localhost).`);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new PromotionError("PRM009", `${variable} must not contain credentials, a query or a fragment.`);
  }
  return value;
}

export type Credentials = { kind: "token"; token: string } | { kind: "app"; appId: string; privateKey: string; installationId?: number };

export interface GitHubClientOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  credentials: Credentials;
  /** Retries of 5xx and network failures (default 3), spaced by `retryBaseMs` × n² (default 1000). */
  retries?: number;
  retryBaseMs?: number;
  /** The multiplier of GitHub's retry-after seconds when rate limited (default 1000: wait as told). */
  rateLimitBaseMs?: number;
  /** How often a rate-limited request is retried before giving up (default 3). */
  rateLimitRetries?: number;
  /** GitHub asks integrations to space content-creating requests by a second (default true). */
  spaceWrites?: boolean;
  /** Progress lines (rate-limit waits); already redacted by the caller. */
  log: (line: string) => void;
  userAgent?: string;
}

const RetryingOctokit = Octokit.plugin(retry, throttling);
export type PromotionOctokit = InstanceType<typeof RetryingOctokit>;

/** A limiter stand-in that runs jobs at once: used when writes need no spacing (tests, GitHub Enterprise without limits). */
const unspacedGroup = {
  key: () => ({
    schedule: (...args: unknown[]) => {
      const job = args.find((a): a is (...rest: unknown[]) => unknown => typeof a === "function");
      const jobArgs = args.slice(args.indexOf(job as unknown) + 1);
      return Promise.resolve(job?.(...jobArgs));
    },
  }),
};

/**
 * An Octokit for one repository with retries (5xx and network errors, with backoff), primary and
 * secondary rate-limit handling (waiting for retry-after, then retrying), and token or GitHub App
 * authentication. Octokit's own request logging is silenced: errors are reported by the caller as
 * PRM codes, and nothing that could carry a credential is printed.
 */
export async function createOctokit(options: GitHubClientOptions): Promise<PromotionOctokit> {
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= rateLimitRetries) return false;
    options.log(`GitHub ${kind} on ${request.method} ${request.url}: waiting ${retryAfter}s before retry ${retryCount + 1} of ${rateLimitRetries}.`);
    return true;
  };
  const common = {
    baseUrl: options.apiUrl.replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "mcp-gitops-promote",
    log: { debug: () => {}, info: () => {}, warn: (message: string) => options.log(String(message)), error: () => {} },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      retryAfterBaseValue: options.rateLimitBaseMs ?? 1000,
      // The plugin only calls key(id).schedule(...) on these groups; a full Bottleneck.Group is not needed.
      ...(options.spaceWrites === false ? { write: unspacedGroup as never, notifications: unspacedGroup as never } : {}),
    },
  };
  const { credentials } = options;
  if (credentials.kind === "token") return new RetryingOctokit({ ...common, auth: credentials.token });
  try {
    let installationId = credentials.installationId;
    if (installationId === undefined) {
      const asApp = new RetryingOctokit({ ...common, authStrategy: createAppAuth, auth: { appId: credentials.appId, privateKey: credentials.privateKey } });
      const installation = await asApp.request("GET /repos/{owner}/{repo}/installation", { owner: options.owner, repo: options.repo });
      installationId = installation.data.id;
    }
    return new RetryingOctokit({ ...common, authStrategy: createAppAuth, auth: { appId: credentials.appId, privateKey: credentials.privateKey, installationId } });
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new PromotionError("PRM048", `GitHub App ${credentials.appId} could not authenticate for ${options.owner}/${options.repo}${status ? ` (HTTP ${status})` : ""}: ${firstLine(error)}`);
  }
}

/** What a request was for, so a failure can say what was being done and which permission it needs. */
export interface Operation {
  what: string;
  permission?: string;
}

interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function isRequestError(error: unknown): error is RequestErrorLike {
  return typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number" && "request" in error;
}

/** Turns an Octokit failure into a PRM error naming the operation, the endpoint and what to do. */
export function toPromotionError(error: unknown, operation: Operation, repository: string): PromotionError {
  if (error instanceof PromotionError) return error;
  if (!isRequestError(error)) return new PromotionError("PRM046", `could not ${operation.what} on ${repository}: ${firstLine(error)}`);
  const endpoint = `${error.request?.method ?? ""} ${pathOf(error.request?.url)}`.trim();
  const github = githubMessage(error);
  const headers = error.response?.headers ?? {};
  const context = `could not ${operation.what} on ${repository} (${endpoint})`;
  switch (true) {
    case error.status === 401:
      return new PromotionError("PRM040", `${context}: GitHub answered 401 (${github}).`);
    case error.status === 429 || (error.status === 403 && (/rate limit/i.test(github) || headers["x-ratelimit-remaining"] === "0")): {
      const reset = Number(headers["x-ratelimit-reset"]);
      const when = Number.isFinite(reset) && reset > 0 ? ` The limit resets at ${new Date(reset * 1000).toISOString()}.` : "";
      return new PromotionError("PRM045", `${context}: rate limited even after waiting (${github}).${when}`);
    }
    case error.status === 403: {
      const sso = headers["x-github-sso"] ? " The organization requires SSO authorization of the token." : "";
      const needs = operation.permission ? ` This needs the token permission ${operation.permission}.` : "";
      return new PromotionError("PRM041", `${context}: GitHub answered 403 (${github}).${needs}${sso}`);
    }
    case error.status === 404:
      return new PromotionError("PRM042", `${context}: GitHub answered 404 (${github}).`);
    case error.status === 409:
      return new PromotionError("PRM044", `${context}: GitHub answered 409 (${github}).`);
    case error.status === 422:
      return new PromotionError("PRM043", `${context}: GitHub answered 422 (${github}).`);
    case error.status >= 500:
      return new PromotionError("PRM046", `${context}: ${error.response ? `GitHub answered ${error.status}` : "the connection failed"} after retries (${github}).`);
    default:
      return new PromotionError("PRM050", `${context}: GitHub answered ${error.status} (${github}).`);
  }
}

function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data as { message?: unknown; errors?: Array<{ message?: string; code?: string; field?: string } | string> } | undefined;
  const details = (data?.errors ?? []).map((e) => (typeof e === "string" ? e : e.message ?? [e.code, e.field].filter(Boolean).join(" "))).filter(Boolean);
  const message = typeof data?.message === "string" ? data.message : firstLine(error);
  return [message, ...details].join("; ");
}

function pathOf(url: string | undefined): string {
  if (!url) return "";
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.pathname)}${parsed.search}`;
  } catch {
    return url;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "";
}
