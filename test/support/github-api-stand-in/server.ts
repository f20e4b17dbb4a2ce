import { randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GitStore } from "./git-store.js";
import {
  blob,
  branchProtection,
  branchWithProtection,
  errorBody,
  fullRepository,
  gitCommit,
  gitRef,
  gitTree,
  installation,
  installationToken,
  issueComment,
  label,
  pullRequest,
  pullRequestSimple,
  shortBlob,
  type CommentRecord,
  type LabelRecord,
  type ProtectionSettings,
  type PullRecord,
  type RepositorySettings,
  type Site,
} from "./shapes.js";
import { compareText } from "../../../tools/src/text/compare-text.js";

export const BODY_LIMIT = 65_536;

export interface StandInOptions {
  /** A bare Git repository: the remote's object store and refs. */
  gitDir: string;
  owner: string;
  repo: string;
  /** The only token accepted (as `token X` or `bearer X`). */
  token: string;
  settings?: Partial<RepositorySettings>;
  /** Classic token scopes, sent as x-oauth-scopes (omit for fine-grained tokens). */
  scopes?: string[];
  /** What the token may write (default: everything). */
  tokenPermissions?: { contents: "read" | "write"; pullRequests: "read" | "write" };
  protectedBranches?: Record<string, ProtectionSettings>;
  labels?: string[];
  /** A GitHub App whose JWTs (RS256, verified with this public key) may create installation tokens. */
  app?: { id: number; publicKeyPem: string; installationId: number };
}

export interface LoggedRequest {
  method: string;
  /** Path and query, decoded. */
  path: string;
  status: number;
  /** Milliseconds since the stand-in started. */
  at: number;
  fault?: Fault["kind"];
  body?: unknown;
}

export type Fault = { method: string; path: string | RegExp; times?: number } & (
  | { kind: "status"; status: number; message?: string }
  | { kind: "secondary-rate-limit"; retryAfter: number }
  | { kind: "primary-rate-limit"; resetInSeconds: number }
  /** The connection is dropped without an answer, as when a process or proxy dies mid-request. */
  | { kind: "crash" }
  /** The request takes effect but the client gets this status instead of the answer (a timeout at a proxy). */
  | { kind: "lose-response"; status: number }
);

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Array<{ resource: string; field?: string; code: string; message?: string }>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Handler = (params: string[], body: Record<string, unknown>, query: URLSearchParams) => { status: number; body?: unknown } | undefined;

interface Route {
  method: string;
  pattern: RegExp;
  /** The permission a token needs for the route (403 without it). */
  needs?: "contents" | "pullRequests";
  app?: boolean;
  handle: Handler;
}

/**
 * A local, stateful stand-in for the GitHub REST API (and the one GraphQL mutation the promotion
 * uses): refs, blobs, trees and commits backed by a real bare repository; pull requests, labels,
 * reviewers, comments and branch protection in memory. Every request is logged; faults (a status
 * once, a secondary rate limit with retry-after, a dropped connection) can be injected per route.
 */
export class GitHubStandIn {
  readonly requests: LoggedRequest[] = [];
  readonly pulls: PullRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly labels = new Map<string, LabelRecord>();
  readonly store: GitStore;
  readonly settings: RepositorySettings;
  readonly protectedBranches: Map<string, ProtectionSettings>;
  private readonly faults: Fault[] = [];
  private readonly installationTokens = new Set<string>();
  private readonly started = performance.now();
  private clock = Date.parse("2025-01-06T10:00:00Z");
  private nextId = 100;
  private server!: Server;
  url = "";

  private constructor(readonly options: StandInOptions) {
    this.store = new GitStore(options.gitDir);
    this.settings = { private: true, archived: false, defaultBranch: "main", allowMergeCommit: true, allowSquashMerge: true, allowRebaseMerge: false, allowAutoMerge: true, ...options.settings };
    this.protectedBranches = new Map(Object.entries(options.protectedBranches ?? {}));
    for (const name of options.labels ?? []) this.labels.set(name, { id: this.id(), name, color: "0e8a16", description: "" });
  }

  static async start(options: StandInOptions): Promise<GitHubStandIn> {
    const standIn = new GitHubStandIn(options);
    standIn.server = createServer((req, res) => void standIn.serve(req, res));
    await new Promise<void>((resolve) => standIn.server.listen(0, "127.0.0.1", resolve));
    standIn.url = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests that could have changed something (not GET or HEAD). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && r.method !== "HEAD");
  }

  get site(): Site {
    return { api: this.url, web: this.url, owner: this.options.owner, repo: this.options.repo };
  }

  private id(): number {
    return this.nextId++;
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(".000Z", "Z");
  }

  /** Merges an open pull request the way the merge button does (a merge commit whose tree is the head's). */
  mergePull(number: number): string {
    const pull = this.pull(number);
    if (pull.state !== "open") throw new Error(`#${number} is not open`);
    const baseSha = this.branchSha(pull.base);
    const headSha = this.branchSha(pull.head);
    if (!this.store.isAncestor(baseSha, headSha)) throw new Error(`#${number} is not based on the current ${pull.base}; the stand-in merges only up-to-date branches`);
    const tree = this.store.readCommit(headSha).tree;
    const merge = this.store.writeCommit({ message: `Merge pull request #${number} from ${this.options.owner}/${pull.head}\n\n${pull.title}\n`, tree, parents: [baseSha, headSha] });
    this.store.updateRef(`refs/heads/${pull.base}`, merge);
    const at = this.now();
    Object.assign(pull, { state: "closed", mergedAt: at, closedAt: at, updatedAt: at, mergeCommitSha: merge });
    return merge;
  }

  closePull(number: number): void {
    const pull = this.pull(number);
    const at = this.now();
    Object.assign(pull, { state: "closed", closedAt: at, updatedAt: at });
  }

  openPulls(): PullRecord[] {
    return this.pulls.filter((p) => p.state === "open");
  }

  private pull(number: number): PullRecord {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new HttpError(404, "Not Found");
    return pull;
  }

  private branchSha(branch: string): string {
    const sha = this.store.readRef(`refs/heads/${branch}`);
    if (!sha) throw new HttpError(404, "Branch not found");
    return sha;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname) + url.search;
    const entry: LoggedRequest = { method, path, status: 0, at: Math.round(performance.now() - this.started) };
    this.requests.push(entry);
    let body: Record<string, unknown> = {};
    try {
      if (raw !== "") body = JSON.parse(raw) as Record<string, unknown>;
      entry.body = raw === "" ? undefined : body;
    } catch {
      return this.send(res, entry, 400, errorBody("Problems parsing JSON"));
    }

    const fault = this.takeFault(method, url.pathname);
    if (fault && fault.kind !== "lose-response") {
      entry.fault = fault.kind;
      if (fault.kind === "crash") {
        entry.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault.kind === "status") return this.send(res, entry, fault.status, errorBody(fault.message ?? "Server Error"));
      if (fault.kind === "secondary-rate-limit") {
        return this.send(res, entry, 403, errorBody("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."), { "retry-after": String(fault.retryAfter) });
      }
      const reset = Math.ceil(Date.now() / 1000) + fault.resetInSeconds;
      return this.send(res, entry, 403, errorBody("API rate limit exceeded for installation."), { "x-ratelimit-remaining": "0", "x-ratelimit-limit": "5000", "x-ratelimit-reset": String(reset) });
    }

    const route = this.routes().find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) return this.send(res, entry, 404, errorBody("Not Found"));
    try {
      this.authorize(req, route);
      const params = (route.pattern.exec(url.pathname) as RegExpExecArray).slice(1).map((p) => decodeURIComponent(p));
      const result = route.handle(params, body, url.searchParams);
      if (fault?.kind === "lose-response") {
        entry.fault = fault.kind;
        return this.send(res, entry, fault.status, errorBody("Server Error"));
      }
      if (!result) return this.send(res, entry, 404, errorBody("Not Found"));
      return this.send(res, entry, result.status, result.body);
    } catch (error) {
      if (error instanceof HttpError) return this.send(res, entry, error.status, errorBody(error.message, error.errors), error.headers);
      return this.send(res, entry, 500, errorBody(`stand-in failure: ${(error as Error).message}`));
    }
  }

  private takeFault(method: string, pathname: string): Fault | undefined {
    const path = decodeURIComponent(pathname);
    const index = this.faults.findIndex((f) => f.method === method && (typeof f.path === "string" ? f.path === path : f.path.test(path)));
    if (index === -1) return undefined;
    const fault = this.faults[index] as Fault;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private send(res: ServerResponse, entry: LoggedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    entry.status = status;
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-github-request-id": `STANDIN:${this.requests.length}`,
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      ...(this.options.scopes ? { "x-oauth-scopes": this.options.scopes.join(", ") } : {}),
      ...headers,
    });
    res.end(text);
  }

  private authorize(req: IncomingMessage, route: Route): void {
    const header = req.headers.authorization ?? "";
    const match = /^(token|bearer) (.+)$/i.exec(header);
    const credential = match?.[2] ?? "";
    if (route.app) {
      if (!this.options.app || !this.verifyAppJwt(credential)) throw new HttpError(401, "A JSON web token could not be decoded");
      return;
    }
    if (credential !== this.options.token && !this.installationTokens.has(credential)) throw new HttpError(401, "Bad credentials");
    const permissions = this.options.tokenPermissions ?? { contents: "write", pullRequests: "write" };
    if (route.needs && permissions[route.needs] !== "write") {
      throw new HttpError(403, "Resource not accessible by personal access token", undefined, { "x-accepted-github-permissions": route.needs === "contents" ? "contents=write" : "pull_requests=write" });
    }
  }

  private verifyAppJwt(jwt: string): boolean {
    const [header, payload, signature] = jwt.split(".");
    if (!header || !payload || !signature || !this.options.app) return false;
    const valid = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), this.options.app.publicKeyPem, Buffer.from(signature, "base64url"));
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: number };
    return valid && String(claims.iss) === String(this.options.app.id) && (claims.exp ?? 0) * 1000 > Date.now();
  }

  private routes(): Route[] {
    const repo = `/repos/${this.options.owner}/${this.options.repo}`.replace(/[.]/g, "\\.");
    const r = (method: string, path: string, handle: Handler, extra: Partial<Route> = {}): Route => ({ method, pattern: new RegExp(`^${path}$`), handle, ...extra });
    return [
      r("GET", repo, () => ({ status: 200, body: fullRepository(this.site, { ...this.settings, permissions: this.permissionsOfToken() }) })),
      r("GET", `${repo}/installation`, () => ({ status: 200, body: installation(this.site, this.options.app?.installationId ?? 0, this.options.app?.id ?? 0) }), { app: true }),
      r("POST", "/app/installations/(\\d+)/access_tokens", ([id]) => {
        if (Number(id) !== this.options.app?.installationId) throw new HttpError(404, "Not Found");
        const token = `ghs_${randomBytes(18).toString("hex")}`;
        this.installationTokens.add(token);
        return { status: 201, body: installationToken(token, new Date(Date.now() + 3600_000).toISOString()) };
      }, { app: true }),
      r("GET", `${repo}/branches/([^/]+)`, ([branch]) => {
        const sha = this.store.readRef(`refs/heads/${branch}`);
        if (!sha) throw new HttpError(404, "Branch not found");
        return { status: 200, body: branchWithProtection(this.site, branch as string, this.store.readCommit(sha), this.protectedBranches.get(branch as string)) };
      }),
      r("GET", `${repo}/branches/([^/]+)/protection`, ([branch]) => {
        const protection = this.protectedBranches.get(branch as string);
        if (!protection) throw new HttpError(404, "Branch not protected");
        if (!this.permissionsOfToken().admin) throw new HttpError(403, "Resource not accessible by personal access token");
        return { status: 200, body: branchProtection(this.site, branch as string, protection) };
      }),
      r("GET", `${repo}/git/ref/(.+)`, ([ref]) => {
        const sha = this.store.readRef(`refs/${ref}`);
        if (!sha) throw new HttpError(404, "Not Found");
        return { status: 200, body: gitRef(this.site, `refs/${ref}`, sha) };
      }),
      r("POST", `${repo}/git/refs`, (_, body) => this.createRef(body), { needs: "contents" }),
      r("PATCH", `${repo}/git/refs/(.+)`, ([ref], body) => this.updateRef(ref as string, body), { needs: "contents" }),
      r("DELETE", `${repo}/git/refs/(.+)`, ([ref]) => {
        if (!this.store.readRef(`refs/${ref}`)) throw new HttpError(422, "Reference does not exist");
        this.store.deleteRef(`refs/${ref}`);
        return { status: 204 };
      }, { needs: "contents" }),
      r("POST", `${repo}/git/blobs`, (_, body) => {
        if (typeof body.content !== "string") throw new HttpError(422, "Invalid request.", [{ resource: "Blob", field: "content", code: "missing_field" }]);
        const content = Buffer.from(body.content, body.encoding === "base64" ? "base64" : "utf8");
        return { status: 201, body: shortBlob(this.site, this.store.writeBlob(content)) };
      }, { needs: "contents" }),
      r("GET", `${repo}/git/blobs/([0-9a-f]{40})`, ([sha]) => {
        if (this.store.objectType(sha as string) !== "blob") throw new HttpError(404, "Not Found");
        return { status: 200, body: blob(this.site, sha as string, this.store.readBlob(sha as string)) };
      }),
      r("POST", `${repo}/git/trees`, (_, body) => this.createTree(body), { needs: "contents" }),
      r("GET", `${repo}/git/trees/([0-9a-f]{40})`, ([sha], _, query) => {
        if (this.store.objectType(sha as string) !== "tree") throw new HttpError(404, "Not Found");
        return { status: 200, body: gitTree(this.site, sha as string, this.store.readTree(sha as string, query.has("recursive"))) };
      }),
      r("POST", `${repo}/git/commits`, (_, body) => this.createCommit(body), { needs: "contents" }),
      r("GET", `${repo}/git/commits/([0-9a-f]{40})`, ([sha]) => {
        if (this.store.objectType(sha as string) !== "commit") throw new HttpError(404, "Not Found");
        return { status: 200, body: gitCommit(this.site, this.store.readCommit(sha as string)) };
      }),
      r("GET", `${repo}/pulls`, (_, __, query) => this.listPulls(query)),
      r("POST", `${repo}/pulls`, (_, body) => this.createPull(body), { needs: "pullRequests" }),
      r("GET", `${repo}/pulls/(\\d+)`, ([n]) => ({ status: 200, body: this.fullPull(this.pull(Number(n))) })),
      r("PATCH", `${repo}/pulls/(\\d+)`, ([n], body) => this.updatePull(Number(n), body), { needs: "pullRequests" }),
      r("POST", `${repo}/pulls/(\\d+)/requested_reviewers`, ([n], body) => {
        const pull = this.pull(Number(n));
        pull.requestedReviewers = [...new Set([...pull.requestedReviewers, ...((body.reviewers as string[] | undefined) ?? [])])];
        pull.requestedTeams = [...new Set([...pull.requestedTeams, ...((body.team_reviewers as string[] | undefined) ?? [])])];
        return { status: 201, body: this.fullPull(pull) };
      }, { needs: "pullRequests" }),
      r("POST", `${repo}/issues/(\\d+)/labels`, ([n], body) => {
        const pull = this.pull(Number(n));
        const names = (body.labels as string[] | undefined) ?? [];
        for (const name of names) {
          if (!this.labels.has(name)) this.labels.set(name, { id: this.id(), name, color: "ededed", description: "" });
          if (!pull.labels.some((l) => l.name === name)) pull.labels.push(this.labels.get(name) as LabelRecord);
        }
        return { status: 200, body: pull.labels.map((l) => label(this.site, l)) };
      }, { needs: "pullRequests" }),
      r("GET", `${repo}/labels/(.+)`, ([name]) => {
        const record = this.labels.get(name as string);
        if (!record) throw new HttpError(404, "Not Found");
        return { status: 200, body: label(this.site, record) };
      }),
      r("GET", `${repo}/issues/(\\d+)/comments`, ([n]) => ({ status: 200, body: this.comments.filter((c) => c.issue === Number(n)).map((c) => issueComment(this.site, c)) })),
      r("POST", `${repo}/issues/(\\d+)/comments`, ([n], body) => {
        this.pull(Number(n));
        const text = this.checkedBody(body.body, "IssueComment");
        const at = this.now();
        const comment: CommentRecord = { id: this.id(), issue: Number(n), body: text, createdAt: at, updatedAt: at };
        this.comments.push(comment);
        return { status: 201, body: issueComment(this.site, comment) };
      }, { needs: "pullRequests" }),
      r("PATCH", `${repo}/issues/comments/(\\d+)`, ([id], body) => {
        const comment = this.comments.find((c) => c.id === Number(id));
        if (!comment) throw new HttpError(404, "Not Found");
        comment.body = this.checkedBody(body.body, "IssueComment");
        comment.updatedAt = this.now();
        return { status: 200, body: issueComment(this.site, comment) };
      }, { needs: "pullRequests" }),
      r("DELETE", `${repo}/issues/comments/(\\d+)`, ([id]) => {
        const index = this.comments.findIndex((c) => c.id === Number(id));
        if (index === -1) throw new HttpError(404, "Not Found");
        this.comments.splice(index, 1);
        return { status: 204 };
      }, { needs: "pullRequests" }),
      r("POST", "/graphql", (_, body) => this.graphql(body), { needs: "pullRequests" }),
    ];
  }

  private permissionsOfToken() {
    const permissions = this.options.tokenPermissions ?? { contents: "write", pullRequests: "write" };
    const push = permissions.contents === "write";
    return { admin: push && permissions.pullRequests === "write", maintain: push, push, triage: true, pull: true };
  }

  private createRef(body: Record<string, unknown>) {
    const ref = String(body.ref ?? "");
    const sha = String(body.sha ?? "");
    if (!/^refs\/heads\/.+/.test(ref) && !/^refs\/tags\/.+/.test(ref)) throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
    if (this.store.objectType(sha) !== "commit") throw new HttpError(422, "Object does not exist");
    if (this.store.readRef(ref)) throw new HttpError(422, "Reference already exists");
    this.store.updateRef(ref, sha);
    return { status: 201, body: gitRef(this.site, ref, sha) };
  }

  private updateRef(ref: string, body: Record<string, unknown>) {
    const full = `refs/${ref}`;
    const current = this.store.readRef(full);
    const sha = String(body.sha ?? "");
    if (!current) throw new HttpError(422, "Reference does not exist");
    if (this.store.objectType(sha) !== "commit") throw new HttpError(422, "Object does not exist");
    if (body.force !== true && !this.store.isAncestor(current, sha)) throw new HttpError(422, "Update is not a fast forward");
    this.store.updateRef(full, sha);
    return { status: 200, body: gitRef(this.site, full, sha) };
  }

  private createTree(body: Record<string, unknown>) {
    const base = body.base_tree === undefined ? undefined : String(body.base_tree);
    if (base !== undefined && this.store.objectType(base) !== "tree") throw new HttpError(422, "Invalid tree info", [{ resource: "Tree", field: "base_tree", code: "invalid" }]);
    const items = Array.isArray(body.tree) ? (body.tree as Array<Record<string, unknown>>) : [];
    const entries = items.map((item) => {
      const path = String(item.path ?? "");
      const mode = String(item.mode ?? "");
      if (!["100644", "100755", "120000", "040000", "160000"].includes(mode)) throw new HttpError(422, `Invalid tree info: mode ${mode}`);
      if ("content" in item && item.content !== undefined) return { path, mode, sha: this.store.writeBlob(Buffer.from(String(item.content), "utf8")) };
      if (item.sha === null) return { path, mode, sha: null };
      const sha = String(item.sha ?? "");
      if (!this.store.objectType(sha)) throw new HttpError(422, `Invalid tree info: object ${sha} does not exist`);
      return { path, mode, sha };
    });
    const sha = this.store.writeTree(base, entries);
    return { status: 201, body: gitTree(this.site, sha, this.store.readTree(sha, false)) };
  }

  private createCommit(body: Record<string, unknown>) {
    const tree = String(body.tree ?? "");
    if (this.store.objectType(tree) !== "tree") throw new HttpError(422, "Tree SHA does not exist");
    const parents = ((body.parents as unknown[]) ?? []).map(String);
    for (const parent of parents) if (this.store.objectType(parent) !== "commit") throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
    if (typeof body.message !== "string") throw new HttpError(422, "Invalid request.", [{ resource: "Commit", field: "message", code: "missing_field" }]);
    const author = body.author as { name: string; email: string } | undefined;
    const sha = this.store.writeCommit({ message: body.message, tree, parents, author });
    return { status: 201, body: gitCommit(this.site, this.store.readCommit(sha)) };
  }

  private heads(pull: PullRecord): { head: string; base: string } {
    return { head: this.store.readRef(`refs/heads/${pull.head}`) ?? "0".repeat(40), base: this.store.readRef(`refs/heads/${pull.base}`) ?? "0".repeat(40) };
  }

  private fullPull(pull: PullRecord) {
    const heads = this.heads(pull);
    const changedFiles = heads.head !== "0".repeat(40) && heads.base !== "0".repeat(40) ? this.store.changedPaths(heads.base, heads.head).length : 0;
    return pullRequest(this.site, pull, heads, this.settings, { changedFiles, commits: 1 });
  }

  private listPulls(query: URLSearchParams) {
    const state = query.get("state") ?? "open";
    const head = query.get("head");
    const base = query.get("base");
    const perPage = Math.min(Number(query.get("per_page") ?? 30), 100);
    let pulls = this.pulls.filter((p) => (state === "all" || p.state === state) && (!base || p.base === base) && (!head || `${this.options.owner}:${p.head}` === head));
    const sort = query.get("sort") ?? "created";
    const direction = query.get("direction") ?? (sort === "created" ? "desc" : "desc");
    const key = (p: PullRecord) => (sort === "updated" ? p.updatedAt : p.createdAt);
    pulls = [...pulls].sort((a, b) => compareText(key(a), key(b)) || a.number - b.number);
    if (direction === "desc") pulls.reverse();
    return { status: 200, body: pulls.slice(0, perPage).map((p) => pullRequestSimple(this.site, p, this.heads(p), this.settings)) };
  }

  private checkedBody(value: unknown, resource: string): string {
    const text = typeof value === "string" ? value : "";
    if (text.length > BODY_LIMIT) throw new HttpError(422, "Validation Failed", [{ resource, code: "custom", field: "body", message: `body is too long (maximum is ${BODY_LIMIT} characters)` }]);
    return text;
  }

  private createPull(body: Record<string, unknown>) {
    const head = String(body.head ?? "").replace(new RegExp(`^${this.options.owner}:`), "");
    const base = String(body.base ?? "");
    const headSha = this.store.readRef(`refs/heads/${head}`);
    const baseSha = this.store.readRef(`refs/heads/${base}`);
    if (!headSha) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", field: "head", code: "invalid" }]);
    if (!baseSha) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", field: "base", code: "invalid" }]);
    if (this.pulls.some((p) => p.state === "open" && p.head === head && p.base === base)) {
      throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${this.options.owner}:${head}.` }]);
    }
    if (this.store.isAncestor(headSha, baseSha)) throw new HttpError(422, "Validation Failed", [{ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` }]);
    const text = this.checkedBody(body.body, "Issue");
    const at = this.now();
    const pull: PullRecord = {
      number: this.pulls.length + 1,
      id: this.id(),
      title: String(body.title ?? ""),
      body: text,
      head,
      base,
      state: "open",
      draft: body.draft === true,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      autoMerge: null,
      author: "promotion-bot",
    };
    this.pulls.push(pull);
    return { status: 201, body: this.fullPull(pull) };
  }

  private updatePull(number: number, body: Record<string, unknown>) {
    const pull = this.pull(number);
    if (body.body !== undefined) pull.body = this.checkedBody(body.body, "Issue");
    if (typeof body.title === "string") pull.title = body.title;
    if (body.state === "closed" || body.state === "open") pull.state = body.state;
    pull.updatedAt = this.now();
    return { status: 200, body: this.fullPull(pull) };
  }

  private graphql(body: Record<string, unknown>) {
    const query = String(body.query ?? "");
    const variables = (body.variables ?? {}) as { pullRequestId?: string; mergeMethod?: string };
    if (!query.includes("enablePullRequestAutoMerge")) return { status: 200, body: { errors: [{ message: "the stand-in supports only enablePullRequestAutoMerge" }] } };
    const pull = this.pulls.find((p) => `PR_${p.id}` === variables.pullRequestId);
    const fail = (message: string) => ({ status: 200, body: { data: { enablePullRequestAutoMerge: null }, errors: [{ type: "UNPROCESSABLE", path: ["enablePullRequestAutoMerge"], message }] } });
    if (!pull) return fail(`Could not resolve to a node with the global id of '${variables.pullRequestId}'`);
    if (!this.settings.allowAutoMerge) return fail("Pull request Auto merge is not allowed for this repository");
    if (!this.protectedBranches.has(pull.base)) return fail("Pull request is in clean status");
    pull.autoMerge = { method: String(variables.mergeMethod ?? "MERGE").toLowerCase() as "merge" | "squash" | "rebase" };
    return { status: 200, body: { data: { enablePullRequestAutoMerge: { clientMutationId: null } } } };
  }
}
