import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT, GitHubStandIn } from "./index.js";

const TOKEN = "ghp_standInSelfTestToken000000000000000";
let dir: string;
let standIn: GitHubStandIn;

function git(args: string[], cwd: string): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

async function api(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${standIn.url}${path}`, { method, headers: { authorization: `token ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, data: text ? (JSON.parse(text) as Record<string, unknown> & { sha?: string }) : undefined };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stand-in-"));
  git(["init", "--quiet", "--bare", "--initial-branch=main", "remote.git"], dir);
  git(["init", "--quiet", "--initial-branch=main", "work"], dir);
  const work = join(dir, "work");
  git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "--allow-empty", "-m", "root"], work);
  git(["push", "--quiet", join(dir, "remote.git"), "main"], work);
  standIn = await GitHubStandIn.start({ gitDir: join(dir, "remote.git"), owner: "acme", repo: "gitops", token: TOKEN });
});

afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the GitHub API stand-in", () => {
  it("creates real Git objects through the Git Data API that a clone can fetch", async () => {
    const main = (await api("GET", "/repos/acme/gitops/git/ref/heads%2Fmain")).data as { object: { sha: string } };
    const base = (await api("GET", `/repos/acme/gitops/git/commits/${main.object.sha}`)).data as { tree: { sha: string } };
    const blob = await api("POST", "/repos/acme/gitops/git/blobs", { content: Buffer.from("binary\u0000ok").toString("base64"), encoding: "base64" });
    expect(blob.status).toBe(201);
    const tree = await api("POST", "/repos/acme/gitops/git/trees", { base_tree: base.tree.sha, tree: [{ path: "a/b.txt", mode: "100644", type: "blob", content: "hello\n" }, { path: "bin", mode: "100644", type: "blob", sha: blob.data?.sha }] });
    expect(tree.status).toBe(201);
    const commit = await api("POST", "/repos/acme/gitops/git/commits", { message: "add files", tree: tree.data?.sha, parents: [main.object.sha] });
    expect(commit.status).toBe(201);
    expect(await api("PATCH", "/repos/acme/gitops/git/refs/heads%2Fmain", { sha: commit.data?.sha })).toMatchObject({ status: 200 });
    const work = join(dir, "work");
    git(["fetch", "--quiet", join(dir, "remote.git"), "main"], work);
    expect(git(["show", "FETCH_HEAD:a/b.txt"], work)).toBe("hello\n");
    expect(git(["rev-parse", "FETCH_HEAD"], work).trim()).toBe(commit.data?.sha);

    const removal = await api("POST", "/repos/acme/gitops/git/trees", { base_tree: tree.data?.sha, tree: [{ path: "a/b.txt", mode: "100644", type: "blob", sha: null }] });
    expect(standIn.store.readTree(removal.data?.sha as string, true).map((e) => e.path)).toEqual(["bin"]);
  });

  it("answers like GitHub to invalid requests", async () => {
    const head = standIn.store.readRef("refs/heads/main") as string;
    const parent = standIn.store.readCommit(head).parents[0] as string;
    expect((await api("GET", "/repos/acme/gitops", undefined, "ghp_wrong")).status).toBe(401);
    expect((await api("PATCH", "/repos/acme/gitops/git/refs/heads%2Fmain", { sha: parent })).data?.message).toBe("Update is not a fast forward");
    expect((await api("POST", "/repos/acme/gitops/git/refs", { ref: "refs/heads/main", sha: head })).data?.message).toBe("Reference already exists");
    expect((await api("POST", "/repos/acme/gitops/git/commits", { message: "x", tree: "0".repeat(40), parents: [] })).status).toBe(422);
    expect((await api("POST", "/repos/acme/gitops/git/refs", { ref: "refs/heads/topic", sha: parent })).status).toBe(201);
    expect((await api("POST", "/repos/acme/gitops/pulls", { head: "topic", base: "main", title: "t", body: "" })).data?.errors).toEqual([{ resource: "PullRequest", code: "custom", message: "No commits between main and topic" }]);
    await api("PATCH", "/repos/acme/gitops/git/refs/heads%2Ftopic", { sha: head, force: true });
    const tooLong = await api("POST", "/repos/acme/gitops/pulls", { head: "topic", base: "main", title: "t", body: "x".repeat(BODY_LIMIT + 1) });
    expect(tooLong.status).toBe(422);
  });

  it("injects faults once (or n times) per route and logs every request", async () => {
    standIn.inject({ method: "GET", path: "/repos/acme/gitops", kind: "status", status: 502 });
    standIn.inject({ method: "GET", path: "/repos/acme/gitops", kind: "secondary-rate-limit", retryAfter: 7 });
    expect((await api("GET", "/repos/acme/gitops")).status).toBe(502);
    const limited = await api("GET", "/repos/acme/gitops");
    expect([limited.status, limited.headers.get("retry-after"), limited.data?.message]).toEqual([403, "7", "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."]);
    expect((await api("GET", "/repos/acme/gitops")).status).toBe(200);
    standIn.inject({ method: "GET", path: "/repos/acme/gitops", kind: "crash" });
    await expect(api("GET", "/repos/acme/gitops")).rejects.toThrow();
    expect(standIn.requests.slice(-4).map((r) => [r.status, r.fault])).toEqual([
      [502, "status"],
      [403, "secondary-rate-limit"],
      [200, undefined],
      [-1, "crash"],
    ]);
  });
});
