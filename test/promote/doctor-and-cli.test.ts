import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bundlePath } from "../../tools/src/build/bundle-cli.js";
import { repoRoot } from "../../tools/src/paths.js";
import { harnessPerTest, PROMOTE, TOKEN } from "./harness.js";
import { imageDigest } from "./fixture-repo.js";

const startHarness = harnessPerTest();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe("--doctor", () => {
  it("reports a repository ready for promotions, with the workflow-token warning", async () => {
    const harness = await startHarness({ standIn: { labels: ["promotion"] } });
    const result = await harness.run(["--doctor"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        `promote --doctor: acme/gitops via ${harness.standIn.url}`,
        "  ok   token permissions: the token may push to acme/gitops (granted: admin, maintain, push, triage, pull).",
        "  ok   base branch: main is protected: 1 approving review(s), required checks ci.",
        "  ok   merge methods: the repository allows merge, squash merges.",
        "  ok   auto-merge: not configured (the repository allows it).",
        '  ok   label: "promotion" exists.',
        "  WARN workflow token: pull requests opened with a workflow's GITHUB_TOKEN do not trigger other workflows, so CI would not run on the promotion pull request.",
        "       fix: In the workflow, authenticate as a GitHub App (GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY) or with a dedicated token instead of github.token.",
        "ready to promote (1 warning(s)).",
      ].join("\n"),
    );
    expect(harness.standIn.writes()).toEqual([]);
  });

  it("fails on a token that cannot push, a missing base branch, narrow classic scopes and refused auto-merge", async () => {
    const harness = await startHarness({ standIn: { tokenPermissions: { contents: "read", pullRequests: "read" }, scopes: ["read:org"], settings: { allowAutoMerge: false } } });
    harness.fixture.commitAndPush("auto-merge", { ".github/promotion.yml": "labels: [promotion]\nautoMerge: squash\n" });
    const result = await harness.run(["--doctor", "--base", "trunk"], { env: { GITHUB_ACTIONS: "true" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("  FAIL token permissions: the token may not push to acme/gitops (granted: triage, pull).");
    expect(result.stdout).toContain("  FAIL token scopes: classic token scopes read:org do not include repo.");
    expect(result.stdout).toContain("  FAIL base branch: trunk does not exist on acme/gitops (default branch: main).");
    expect(result.stdout).toContain("  FAIL auto-merge: the configuration enables auto-merge, but the repository does not allow it.");
    expect(result.stdout).toContain('  WARN label: "promotion" does not exist; GitHub creates it with a default color on first use.');
    expect(result.stdout).toContain("(this run is inside GitHub Actions)");
    expect(result.stdout).toMatch(/4 check\(s\) failed, 2 warning\(s\): fix the failures before promoting\.$/);
  });

  it("warns about an unprotected base branch, and needs credentials", async () => {
    const harness = await startHarness({ standIn: { protectedBranches: {} } });
    const result = await harness.run(["--doctor"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  WARN base branch: main exists but is not protected");
    const anonymous = await harness.run(["--doctor"], { env: { GITHUB_TOKEN: "" } });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain("PRM005");
    const publish = await harness.run(PROMOTE, { env: { GITHUB_TOKEN: "" } });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("PRM005 no GITHUB_TOKEN (nor GitHub App) in the environment");
  });
});

describe("GitHub App authentication and auto-merge", () => {
  it("promotes as a GitHub App (installation token from a signed JWT) and never prints the private key", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const harness = await startHarness({ standIn: { app: { id: 4242, installationId: 777, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() } } });
    const env = { GITHUB_TOKEN: "", GITHUB_APP_ID: "4242", GITHUB_APP_PRIVATE_KEY: pem };
    const doctor = await harness.run(["--doctor"], { env });
    expect(doctor.stdout).toContain("  ok   workflow token: authenticating as a GitHub App: its pull requests trigger workflows.");
    const result = await harness.run(PROMOTE, { env });
    expect(result.code, result.stderr).toBe(0);
    expect(harness.standIn.pulls).toHaveLength(1);
    expect(harness.standIn.requests.filter((r) => r.path === "/app/installations/777/access_tokens").length).toBeGreaterThan(0);
    const printed = harness.printed.join("\n");
    for (const line of pem.split("\n").filter((l) => l.length > 20)) expect(printed).not.toContain(line);

    const wrongKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const refused = await harness.run(PROMOTE, { env: { ...env, GITHUB_APP_PRIVATE_KEY: wrongKey } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PRM048 GitHub App 4242 could not authenticate for acme\/gitops \(HTTP 401\)/);
  });

  it("enables native auto-merge once when configured, and explains when the repository refuses it", async () => {
    const harness = await startHarness();
    harness.fixture.commitAndPush("auto-merge", { ".github/promotion.yml": "autoMerge: squash\n" });
    expect((await harness.run(PROMOTE)).code).toBe(0);
    expect(harness.standIn.pulls[0]?.autoMerge).toEqual({ method: "squash" });
    expect(harness.standIn.requests.filter((r) => r.path === "/graphql")).toHaveLength(1);
    expect((await harness.run(PROMOTE)).code).toBe(0);
    expect(harness.standIn.requests.filter((r) => r.path === "/graphql")).toHaveLength(1);

    harness.standIn.settings.allowAutoMerge = false;
    harness.standIn.closePull(1);
    const refused = await harness.run(PROMOTE);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("PRM049 GitHub refused to enable auto-merge on acme/gitops: Pull request Auto merge is not allowed for this repository");
  });
});

describe("the Argo CD gate (ARGOCD_SERVER, ARGOCD_TOKEN)", () => {
  async function argocd(applications: Record<string, unknown>, token = "argocd-token-123456"): Promise<string> {
    const server = createServer((req, res) => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401).end('{"error":"invalid session"}');
        return;
      }
      const name = decodeURIComponent((req.url ?? "").replace("/api/v1/applications/", ""));
      const app = applications[name];
      res.writeHead(app ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(app ?? { error: "not found" }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const app = (revision: string, tag: string, digest: string | undefined, sync = "Synced", health = "Healthy") => ({
    spec: { sources: [{ targetRevision: revision, helm: { parameters: [{ name: "image.tag", value: tag }, ...(digest ? [{ name: "image.digest", value: digest }] : [])] } }, { targetRevision: revision, ref: "values" }] },
    status: { sync: { status: sync, revisions: [] }, health: { status: health } },
  });

  it("lets the promotion through when the source Applications are Synced and Healthy at the promoted pins", async () => {
    const harness = await startHarness();
    const v2 = harness.fixture.release("v0.2.0");
    const server = await argocd({ "staging-alpha": app(v2, "v1.1.0", imageDigest("alpha", "v1.1.0")), "staging-beta": app(v2, "v1.0.0", imageDigest("beta", "v1.0.0")) });
    const result = await harness.run(PROMOTE, { env: { ARGOCD_SERVER: server, ARGOCD_TOKEN: "argocd-token-123456" } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Argo CD gate: staging-alpha, staging-beta Synced and Healthy at the promoted pins.");
  });

  it("compares the running image by digest: the promoted tag with another digest (or none) is another image", async () => {
    const harness = await startHarness();
    const v2 = harness.fixture.release("v0.2.0");
    const env = (server: string) => ({ env: { ARGOCD_SERVER: server, ARGOCD_TOKEN: "argocd-token-123456" } });
    const other = await argocd({ "staging-alpha": app(v2, "v1.1.0", imageDigest("alpha", "v1.1.1")), "staging-beta": app(v2, "v1.0.0", imageDigest("beta", "v1.0.0")) });
    const rebuilt = await harness.run(PROMOTE, env(other));
    expect(rebuilt.code).toBe(3); // held back by a gate: nothing is wrong, try later
    expect(rebuilt.stderr).toContain(`PRM021 staging is not ready to promote: staging-alpha: runs image digest ${imageDigest("alpha", "v1.1.1")}, not ${imageDigest("alpha", "v1.1.0")}.`);
    const unpinned = await argocd({ "staging-alpha": app(v2, "v1.1.0", imageDigest("alpha", "v1.1.0")), "staging-beta": app(v2, "v1.0.0", undefined) });
    const byTag = await harness.run(PROMOTE, env(unpinned));
    expect(byTag.code).toBe(3);
    expect(byTag.stderr).toContain(`PRM021 staging is not ready to promote: staging-beta: runs image digest (none), not ${imageDigest("beta", "v1.0.0")}.`);
    expect(harness.standIn.writes()).toEqual([]);
  });

  it("blocks when a source Application is degraded or runs other pins, and reports a refused token", async () => {
    const harness = await startHarness();
    const v2 = harness.fixture.release("v0.2.0");
    const server = await argocd({ "staging-alpha": app(v2, "v1.0.9", imageDigest("alpha", "v1.1.0"), "OutOfSync", "Degraded"), "staging-beta": app(v2, "v1.0.0", imageDigest("beta", "v1.0.0")) });
    const blocked = await harness.run(PROMOTE, { env: { ARGOCD_SERVER: server, ARGOCD_TOKEN: "argocd-token-123456" } });
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toContain("PRM021 staging is not ready to promote: staging-alpha: sync status is OutOfSync, health is Degraded, runs image tag v1.0.9, not v1.1.0.");
    expect(harness.standIn.writes()).toEqual([]);
    const refused = await harness.run(PROMOTE, { env: { ARGOCD_SERVER: server, ARGOCD_TOKEN: "wrong-token-abcdef" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PRM022 Argo CD at http:\/\/127\.0\.0\.1:\d+ refused ARGOCD_TOKEN \(HTTP 401\)/);
    expect(refused.stderr).not.toContain("wrong-token-abcdef");
  });
});

/**
 * The real command as a child process: exit codes and streams as CI sees them. It runs bundled from
 * the current source (tools/dist/promote.mjs, written by the tests' global setup), which starts
 * without tsx's loader.
 */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundlePath("promote"), ...args], { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("the promote command (child process)", () => {
  it("exits 0 for --help and a dry run, 2 for a usage error, 1 for a rejected token; no token is ever printed", async () => {
    const harness = await startHarness();
    const root = ["--root", harness.fixture.clone];
    const help = await cli(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: nx run generate:promote");
    const usage = await cli(["--from", "staging"], { GITHUB_TOKEN: TOKEN });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("PRM001 --to is required");
    const dry = await cli([...PROMOTE, "--dry-run", ...root], {});
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run without GitHub credentials: planned against the local main");
    const other = "ghp_AnotherTokenThatGitHubRejects000000";
    const rejected = await cli([...PROMOTE, ...root, "--repo", "acme/gitops"], { GITHUB_TOKEN: other, GITHUB_API_URL: harness.standIn.url });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain("PRM040");
    for (const output of [help, usage, dry, rejected]) {
      expect(output.stdout + output.stderr).not.toContain(TOKEN);
      expect(output.stdout + output.stderr).not.toContain(other);
    }
  });
});
