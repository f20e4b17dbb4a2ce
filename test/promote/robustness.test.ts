import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROMOTION_ERRORS } from "../../tools/src/promote/errors.js";
import type { ChartRenderer } from "../../tools/src/promote/manifest-diff.js";
import { decodeMetadata, GITHUB_BODY_LIMIT, isContinuationComment } from "../../tools/src/promote/pr-body.js";
import { imageDigest, pinned, PRODUCTION_ENVIRONMENT, withAlphaImage } from "./fixture-repo.js";
import { type Harness, harnessPerTest, localState, PROMOTE, PROMOTION_BRANCH as BRANCH, TOKEN } from "./harness.js";

const startHarness = harnessPerTest();

const route = (harness: Harness, method: string, suffix: string) => harness.standIn.requests.filter((r) => r.method === method && r.path.split("?")[0]?.endsWith(suffix));

describe("recovery and retries", () => {
  it("completes a run that died between the ref update and the pull request, without duplicating anything", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    standIn.inject({ method: "POST", path: "/repos/acme/gitops/pulls", kind: "crash", times: 10 });
    const crashed = await harness.run(PROMOTE);
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toMatch(/PRM046 could not open the promotion pull request on acme\/gitops \(POST \/repos\/acme\/gitops\/pulls\): the connection failed after retries/);
    const pushed = standIn.store.readRef(`refs/heads/${BRANCH}`);
    expect(pushed).toBeDefined(); // the branch is there ...
    expect(standIn.pulls).toHaveLength(0); // ... the pull request is not
    expect(route(harness, "POST", "/pulls")).toHaveLength(4); // one try and three retries

    standIn.clearFaults();
    const commitsBefore = route(harness, "POST", "/git/commits").length;
    const resumed = await harness.run(PROMOTE);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.outcome?.status).toBe("created");
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.store.readRef(`refs/heads/${BRANCH}`)).toBe(pushed); // the pushed commit is reused
    expect(route(harness, "POST", "/git/commits")).toHaveLength(commitsBefore);
    expect(resumed.stderr).toContain("already holds this promotion");
  });

  it("finds the pull request a retried POST already opened instead of failing or opening a second one", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    // GitHub created the pull request, but the answer was lost: the retry meets "already exists".
    standIn.inject({ method: "POST", path: "/repos/acme/gitops/pulls", kind: "lose-response", status: 502, times: 1 });
    const result = await harness.run(PROMOTE);
    expect(result.code, result.stderr).toBe(0);
    expect(route(harness, "POST", "/pulls").map((r) => r.status)).toEqual([502, 422]);
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.pulls[0]?.labels.map((l) => l.name)).toEqual(["promotion"]);
    expect(result.outcome?.pull?.number).toBe(1);
  });

  it("retries a 5xx and then succeeds, with backoff", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    standIn.inject({ method: "POST", path: "/repos/acme/gitops/git/trees", kind: "status", status: 502, message: "Bad Gateway", times: 1 });
    standIn.inject({ method: "GET", path: "/repos/acme/gitops/pulls", kind: "status", status: 503, times: 2 });
    const result = await harness.run(PROMOTE);
    expect(result.code, result.stderr).toBe(0);
    const trees = route(harness, "POST", "/git/trees");
    expect(trees.map((r) => r.status)).toEqual([502, 201]);
    expect(route(harness, "GET", "/pulls").map((r) => r.status)).toEqual([503, 503, 200]);
    expect((trees[1]?.at ?? 0) - (trees[0]?.at ?? 0)).toBeGreaterThanOrEqual(5); // retryBaseMs × 1²
    expect(harness.standIn.pulls).toHaveLength(1);
  });

  it("gives up after the retries with PRM046 when GitHub keeps failing", async () => {
    const harness = await startHarness();
    harness.standIn.inject({ method: "POST", path: "/repos/acme/gitops/git/commits", kind: "status", status: 500, times: 99 });
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM046 could not create the promotion commit on acme\/gitops \(POST \/repos\/acme\/gitops\/git\/commits\): GitHub answered 500 after retries/);
    expect(result.stderr).toContain(`fix: ${PROMOTION_ERRORS.PRM046.fix}`);
  });

  it("waits out a secondary rate limit (403 with retry-after) and retries", async () => {
    const harness = await startHarness();
    harness.standIn.inject({ method: "POST", path: "/repos/acme/gitops/pulls", kind: "secondary-rate-limit", retryAfter: 3, times: 1 });
    const result = await harness.run(PROMOTE);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/GitHub secondary rate limit on POST .*\/pulls: waiting 3s before retry 1 of 3\./);
    const pulls = route(harness, "POST", "/pulls");
    expect(pulls.map((r) => r.status)).toEqual([403, 201]);
    expect((pulls[1]?.at ?? 0) - (pulls[0]?.at ?? 0)).toBeGreaterThanOrEqual(3 * 20 - 2); // retry-after × rateLimitBaseMs
    expect(harness.standIn.pulls).toHaveLength(1);
  });

  it("waits for a primary rate limit reset and retries", async () => {
    const harness = await startHarness();
    harness.standIn.inject({ method: "GET", path: "/repos/acme/gitops/git/ref/heads/main", kind: "primary-rate-limit", resetInSeconds: 1, times: 1 });
    const result = await harness.run(PROMOTE);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/GitHub rate limit on GET .*: waiting \d+s before retry 1 of 3\./);
  });
});

describe("errors become stable codes with what to do", () => {
  it("401: wrong token", async () => {
    const harness = await startHarness();
    const result = await harness.run(PROMOTE, { env: { GITHUB_TOKEN: "ghp_wrongTokenWrongTokenWrongToken0000" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM040 could not read the branch main on acme\/gitops \(GET \/repos\/acme\/gitops\/git\/ref\/heads\/main\): GitHub answered 401 \(Bad credentials\)\./);
    expect(result.stderr).not.toContain("ghp_wrongTokenWrongTokenWrongToken0000");
  });

  it("403: a token that may not write contents", async () => {
    const harness = await startHarness({ standIn: { tokenPermissions: { contents: "read", pullRequests: "write" } } });
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM041 could not create the promotion tree on acme\/gitops \(POST \/repos\/acme\/gitops\/git\/trees\): GitHub answered 403 \(Resource not accessible by personal access token\)\. This needs the token permission contents: write\./);
  });

  it("404: a repository the token cannot see, or a base branch that does not exist", async () => {
    const harness = await startHarness();
    const wrongRepo = await harness.run([...PROMOTE, "--root", harness.fixture.clone, "--repo", "acme/nope"], { withoutRoot: true });
    expect(wrongRepo.code).toBe(1);
    expect(wrongRepo.stderr).toContain("PRM042");
    const wrongBase = await harness.run([...PROMOTE, "--base", "trunk"]);
    expect(wrongBase.code).toBe(1);
    expect(wrongBase.stderr).toMatch(/PRM042 the base branch trunk does not exist on acme\/gitops\./);
  });

  it("422: GitHub's validation message is kept", async () => {
    const harness = await startHarness();
    harness.standIn.inject({ method: "POST", path: "/repos/acme/gitops/git/commits", kind: "status", status: 422, message: "Tree SHA does not exist" });
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM043 could not create the promotion commit .* GitHub answered 422 \(Tree SHA does not exist\)\./);
  });

  it("usage errors exit 2, and unknown environments or components too", async () => {
    const harness = await startHarness();
    expect((await harness.run(["--to", "production"])).code).toBe(2);
    const env = await harness.run(["--from", "qa", "--to", "production", "--dry-run"]);
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/PRM002 environments\/qa\/environment\.yaml does not exist at the base commit/);
    const component = await harness.run([...PROMOTE, "--components", "delta", "--dry-run"]);
    expect(component.code).toBe(2);
    expect(component.stderr).toContain('PRM003 --components names "delta"');
  });

  it("a local clone behind GitHub is told to fetch (PRM010)", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    const main = standIn.store.readRef("refs/heads/main") as string;
    const tree = standIn.store.readCommit(main).tree;
    standIn.store.updateRef("refs/heads/main", standIn.store.writeCommit({ message: "pushed elsewhere\n", tree, parents: [main] }));
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM010 main on acme\/gitops is at [0-9a-f]{12}, which the local clone in .* does not have\.\n {4}fix: Run `git fetch origin main`/);
  });

  it("the generator's verdict stops a promotion that would break the target (PRM013)", async () => {
    const harness = await startHarness();
    // Staging runs a build of alpha's main branch (by digest): fine for staging, a floating tag for production.
    harness.fixture.commitAndPush("staging tries alpha's main build", { "environments/staging/environment.yaml": withAlphaImage(harness.fixture.read("environments/staging/environment.yaml"), "v1.1.0", "main") }, ["staging"]);
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM013 the generator rejects production with the promoted pins:\n.*GEN031 imageTag "main" of alpha is a floating tag; production runs release tags only/);
    expect(harness.standIn.writes()).toEqual([]);
  });

  it("a staging pin that follows a branch reaches production as the commit the branch names, never as the branch", async () => {
    const harness = await startHarness();
    const v2 = harness.fixture.release("v0.2.0");
    harness.fixture.commitAndPush("staging tracks a branch", { "environments/staging/environment.yaml": harness.fixture.read("environments/staging/environment.yaml").replace(`chartRevision: ${v2}\n    imageTag: v1.1.0`, "chartRevision: main\n    imageTag: v1.1.0") }, ["staging"]);
    const main = harness.standIn.store.readRef("refs/heads/main") as string;
    const result = await harness.run([...PROMOTE, "--components", "alpha", "--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.outcome?.plan.changes.find((c) => c.field === "chartRevision")?.to).toBe(main);
    expect(result.stdout).toContain(`staging's chartRevision main is pinned as ${main} (head of main on acme/gitops, the base of this plan): alpha.`);
  });
  it("a source environment the generator would refuse (here a list) is PRM004 with the generator's own problems, not a promotion of 0 pins", async () => {
    const harness = await startHarness();
    harness.fixture.commitAndPush("staging becomes a list", { "environments/staging/environment.yaml": "- name: staging\n- components: {}\n" });
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM004 environments\/staging\/environment\.yaml/);
    expect(result.stderr).not.toMatch(/0 pin/);
    expect(harness.standIn.writes()).toEqual([]);
  });
});

describe("pins the promotion carries", () => {
  it("a tag without its digest cannot reach production: PRM014 names the component, before anything is edited or written", async () => {
    const harness = await startHarness();
    const { fixture } = harness;
    // Staging runs a new alpha tag but nobody recorded its digest.
    const staging = withAlphaImage(fixture.read("environments/staging/environment.yaml"), "v1.1.0", "v1.2.0").replace(`    imageDigest: ${imageDigest("alpha", "v1.2.0")}\n`, "");
    expect(staging).not.toContain(imageDigest("alpha", "v1.2.0"));
    fixture.commitAndPush("alpha v1.2.0 in staging, digest forgotten", { "environments/staging/environment.yaml": staging }, ["staging"]);
    const local = localState(fixture);
    for (const argv of [PROMOTE, [...PROMOTE, "--dry-run"], [...PROMOTE, "--components", "alpha"]]) {
      const result = await harness.run(argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("PRM014 production pulls images by digest, but alpha (imageTag v1.2.0) would run without imageDigest: environments/staging/environment.yaml has no imageDigest for it. Nothing was changed.");
      expect(result.stderr).toContain("fix: Record the digest the image build pushed for that tag (`crane digest <image>:<tag>`) as imageDigest in environments/staging/environment.yaml");
    }
    expect(harness.standIn.writes()).toEqual([]);
    expect(localState(fixture)).toBe(local);
    // Components whose image does not move are not affected: beta alone still promotes.
    const beta = await harness.run([...PROMOTE, "--components", "beta", "--dry-run"]);
    expect(beta.code, beta.stderr).toBe(0);
  });

  it("a tag pushed again to another image (same tag, new digest) is promoted as a digest change, with the rendered image", async () => {
    const harness = await startHarness();
    const { fixture, standIn } = harness;
    const rebuilt = `sha256:${"e".repeat(64)}`;
    fixture.commitAndPush("beta v1.0.0 rebuilt", { "environments/staging/environment.yaml": fixture.read("environments/staging/environment.yaml").replace(imageDigest("beta", "v1.0.0"), rebuilt) }, ["staging"]);
    const result = await harness.run([...PROMOTE, "--components", "beta"]);
    expect(result.code, result.stderr).toBe(0);
    const v2 = fixture.release("v0.2.0");
    expect(result.outcome?.plan.changes.map((c) => [c.component, c.field, c.to])).toEqual([
      ["beta", "chartRevision", v2],
      ["beta", "imageDigest", rebuilt],
    ]);
    expect(result.stdout).toContain(`+          image: "ghcr.io/example/beta:v1.0.0@${rebuilt}"`);
    const head = standIn.store.readRef(`refs/heads/${BRANCH}`) as string;
    expect(standIn.store.fileAt(head, "environments/production/environment.yaml")).toContain(`imageTag: v1.0.0, imageDigest: '${rebuilt}', serverSideApply: true }`);
    const betaApp = parse(standIn.store.fileAt(head, "apps/production/layers/application/production-beta.yaml") as string) as { spec: { sources: Array<{ helm?: { parameters?: unknown[] } }> } };
    expect(betaApp.spec.sources[0]?.helm?.parameters).toEqual([
      { name: "image.tag", value: "v1.0.0", forceString: true },
      { name: "image.digest", value: rebuilt, forceString: true },
    ]);
    expect(standIn.pulls[0]?.body).toContain(`| beta | \`imageDigest\` | \`${imageDigest("beta", "v1.0.0")}\` | \`${rebuilt}\` | — |`);
  });

  it("a staging pin that is not on main yet is refused for production by the generator (PRM013 with GEN035)", async () => {
    const harness = await startHarness();
    const { fixture } = harness;
    // A commit on a branch that was pushed but never merged: staging may run it, production may not.
    const unmerged = fixture.git(["commit-tree", `${fixture.release("v0.2.0")}^{tree}`, "-p", fixture.release("v0.2.0"), "-m", "not merged"]).trim();
    fixture.git(["push", "--quiet", "origin", `${unmerged}:refs/heads/feature`]);
    fixture.git(["fetch", "--quiet", "origin"]);
    const v2 = fixture.release("v0.2.0");
    fixture.commitAndPush("staging tries the feature", { "environments/staging/environment.yaml": fixture.read("environments/staging/environment.yaml").replace(`chartRevision: ${v2}\n    imageTag: v1.1.0`, `chartRevision: ${unmerged}\n    imageTag: v1.1.0`) }, ["staging"]);
    const result = await harness.run(PROMOTE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`PRM013 the generator rejects production with the promoted pins:\\n.*environments/production/environment\\.yaml:\\d+:\\d+: GEN035 chartRevision ${unmerged} of alpha is not in the history of main`));
    expect(harness.standIn.writes()).toEqual([]);
  });
});

describe("freeze windows", () => {
  const frozen = (harness: { fixture: Parameters<typeof pinned>[1] }) =>
    pinned(PRODUCTION_ENVIRONMENT.replace("syncWindows: []", 'syncWindows:\n  - kind: deny\n    schedule: "0 0 * * 6"\n    duration: 48h\n    timeZone: Etc/UTC\n    description: weekend freeze'), harness.fixture);
  const saturday = new Date("2025-01-11T10:00:00Z");
  const monday = new Date("2025-01-13T10:00:00Z");

  it("block a promotion inside a deny window, and let it through outside", async () => {
    const harness = await startHarness();
    harness.fixture.commitAndPush("weekend freeze", { "environments/production/environment.yaml": frozen(harness) }, ["production"]);
    const blocked = await harness.run(PROMOTE, { now: saturday });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/PRM020 production is frozen: deny window #1 \(deny "0 0 \* \* 6" for 48h, Etc\/UTC\) "weekend freeze" is active \(environments\/production\/environment\.yaml, syncWindows\)\./);
    expect(blocked.stderr).toContain("--override-freeze");
    expect(harness.standIn.writes()).toEqual([]);
    const dry = await harness.run([...PROMOTE, "--dry-run"], { now: saturday });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain("a real run would stop here: PRM020 production is frozen");
    expect(dry.stdout).toContain("Dry run: would open a pull request");
    const open = await harness.run(PROMOTE, { now: monday });
    expect(open.code, open.stderr).toBe(0);
    expect(harness.standIn.pulls[0]?.body).not.toContain("Freeze window overridden");
  });

  it("--override-freeze passes and records the reason in the pull request", async () => {
    const harness = await startHarness();
    harness.fixture.commitAndPush("weekend freeze", { "environments/production/environment.yaml": frozen(harness) }, ["production"]);
    const result = await harness.run([...PROMOTE, "--override-freeze", "INC-4711: CVE fix must ship"], { now: saturday });
    expect(result.code, result.stderr).toBe(0);
    const body = harness.standIn.pulls[0]?.body ?? "";
    expect(body).toContain("**Freeze window overridden.** INC-4711: CVE fix must ship");
    expect(body).toContain('deny window #1 (deny "0 0 * * 6" for 48h, Etc/UTC) "weekend freeze" is active');
    expect(decodeMetadata(body)?.overrideFreeze).toBe("INC-4711: CVE fix must ship");
    expect(result.stderr).toContain("freeze window overridden");
  });
});

describe("rollback", () => {
  it("restores the pins the last merged promotion replaced, and then the one before", async () => {
    const harness = await startHarness();
    const { standIn, fixture } = harness;
    // Promotion 1: alpha and beta to the v0.2.0 commit (alpha image v1.1.0). Merged.
    expect((await harness.run(PROMOTE)).code).toBe(0);
    standIn.mergePull(1);
    fixture.pull();
    // Promotion 2: staging moves alpha's image to v1.2.0. Merged.
    fixture.commitAndPush("alpha v1.2.0 in staging", { "environments/staging/environment.yaml": withAlphaImage(fixture.read("environments/staging/environment.yaml"), "v1.1.0", "v1.2.0") }, ["staging"]);
    expect((await harness.run(PROMOTE)).code).toBe(0);
    standIn.mergePull(2);
    fixture.pull();
    expect(fixture.read("environments/production/environment.yaml")).toContain('imageTag: "v1.2.0"');

    const first = await harness.run(["--rollback", "--to", "production"]);
    expect(first.code, first.stderr).toBe(0);
    // The image's tag and digest go back together.
    expect(first.outcome?.plan.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual([
      ["alpha", "imageDigest", imageDigest("alpha", "v1.2.0"), imageDigest("alpha", "v1.1.0")],
      ["alpha", "imageTag", "v1.2.0", "v1.1.0"],
    ]);
    const rollback = standIn.pulls[2]!;
    expect(rollback).toMatchObject({ head: "promote/rollback-production", title: "Roll back production: undo #2" });
    expect(rollback.body).toContain("## Roll back production to the pins before #2");
    expect(decodeMetadata(rollback.body)).toMatchObject({ kind: "rollback", rollbackOf: 2, pins: [{ component: "alpha", field: "imageDigest" }, { component: "alpha", field: "imageTag", from: "v1.2.0", to: "v1.1.0" }] });
    const head = standIn.store.readRef("refs/heads/promote/rollback-production") as string;
    expect(standIn.store.fileAt(head, "environments/production/environment.yaml")).toBe(fixture.read("environments/production/environment.yaml").replace('imageTag: "v1.2.0"', 'imageTag: "v1.1.0"').replace(imageDigest("alpha", "v1.2.0"), imageDigest("alpha", "v1.1.0")));

    standIn.mergePull(3);
    fixture.pull();
    const second = await harness.run(["--rollback", "--to", "production"]);
    expect(second.code, second.stderr).toBe(0);
    const [v1, v2] = [fixture.release("v0.1.0"), fixture.release("v0.2.0")];
    expect(second.outcome?.plan.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual([
      ["alpha", "chartRevision", v2, v1],
      ["alpha", "imageDigest", imageDigest("alpha", "v1.1.0"), imageDigest("alpha", "v1.0.0")],
      ["alpha", "imageTag", "v1.1.0", "v1.0.0"],
      ["beta", "chartRevision", v2, v1],
    ]);
    expect(standIn.pulls[3]?.title).toBe("Roll back production: undo #1");
    expect(standIn.store.fileAt(standIn.store.readRef("refs/heads/promote/rollback-production") as string, "environments/production/environment.yaml")).toBe(pinned(PRODUCTION_ENVIRONMENT, fixture));
  });

  it("says there is nothing to roll back when no merged promotion is in effect (PRM030)", async () => {
    const harness = await startHarness();
    await harness.run(PROMOTE);
    harness.standIn.closePull(1); // closed without merging: not a promotion that happened
    const result = await harness.run(["--rollback", "--to", "production"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PRM030 nothing to roll back in production: found no merged promotion pull request/);
  });
});

describe("the pull request body limit", () => {
  /**
   * A render of 200 long lines that all differ between two revisions: a diff far over the body
   * limit (about 210,000 characters per component). Few long lines rather than many short ones:
   * the line diff's cost grows with the number of differing lines squared (1,500 lines took
   * seconds per diff), the body's size only with the characters.
   */
  const hugeRender: ChartRenderer = (chartDir) => {
    const revision = /promote-render-([0-9a-f]{12})/.exec(chartDir)?.[1] ?? "unknown";
    const lines = Array.from({ length: 200 }, (_, i) => `  key-${i}: "${revision}-${"v".repeat(500)}"`);
    return { status: 0, stdout: `kind: ConfigMap\ndata:\n${lines.join("\n")}\n`, stderr: "" };
  };

  it("splits a rendered diff over 65,536 characters into the description and continuation comments, kept in sync on re-runs", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    const result = await harness.run(PROMOTE, { render: hugeRender });
    expect(result.code, result.stderr).toBe(0);
    const pull = standIn.pulls[0]!;
    expect(pull.body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    const continuations = standIn.comments.filter((c) => isContinuationComment(c.body));
    expect(continuations.length).toBeGreaterThan(0);
    expect(continuations.every((c) => c.body.length <= GITHUB_BODY_LIMIT)).toBe(true);
    expect(pull.body.length + continuations.reduce((n, c) => n + c.body.length, 0)).toBeGreaterThan(GITHUB_BODY_LIMIT);
    expect(pull.body).toContain(`continues in ${continuations.length} comment(s)`);

    // Re-running keeps exactly one comment per part; a smaller diff deletes the stale parts.
    await harness.run(PROMOTE, { render: hugeRender });
    expect(standIn.comments.filter((c) => isContinuationComment(c.body))).toHaveLength(continuations.length);
    const small = await harness.run(PROMOTE);
    expect(small.code, small.stderr).toBe(0);
    expect(standIn.comments.filter((c) => isContinuationComment(c.body))).toHaveLength(0);
    expect(standIn.pulls).toHaveLength(1);
  });
});

describe("the token never appears in any output or error", () => {
  it("across success, dry run, retries, crashes and failures", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    await harness.run([...PROMOTE, "--dry-run"]);
    standIn.inject({ method: "POST", path: "/repos/acme/gitops/git/trees", kind: "status", status: 500, times: 1 });
    await harness.run(PROMOTE);
    standIn.inject({ method: "PATCH", path: /\/pulls\/1$/, kind: "crash", times: 10 });
    harness.fixture.commitAndPush("alpha v9", { "environments/staging/environment.yaml": withAlphaImage(harness.fixture.read("environments/staging/environment.yaml"), "v1.1.0", "v9.0.0") }, ["staging"]);
    expect((await harness.run(PROMOTE)).code).toBe(1);
    standIn.clearFaults();
    await harness.run(["--doctor"]);
    await harness.run(["--rollback", "--to", "production"]);
    // Where the token would be echoed (an argument in an error message, a freeze reason in the pull request) it is redacted.
    const echoed = await harness.run(["--from", TOKEN, "--to", "production"]);
    expect(echoed.code).toBe(2);
    expect(echoed.stderr).toContain('--from "[REDACTED]" is not an environment name');
    harness.fixture.commitAndPush("freeze", { "environments/production/environment.yaml": harness.fixture.read("environments/production/environment.yaml").replace("syncWindows: []", 'syncWindows:\n  - {kind: allow, schedule: "0 9 * * 1", duration: 1h}') }, ["production"]);
    expect((await harness.run([...PROMOTE, "--override-freeze", `pasted ${TOKEN} by mistake`], { now: new Date("2025-01-11T10:00:00Z") })).code).toBe(0);
    expect(standIn.pulls[0]?.body).toContain("pasted [REDACTED] by mistake");

    const everything = [...harness.printed, ...standIn.pulls.map((p) => `${p.title}\n${p.body}`), ...standIn.comments.map((c) => c.body)].join("\n");
    expect(harness.printed.length).toBeGreaterThan(20);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(Buffer.from(TOKEN).toString("base64"));
  });
});

/**
 * Hostile settings (issue 17): each is refused with its code before any request carries the token,
 * without a stack trace, and nothing is published.
 */
describe("hostile settings are refused before the token is sent", () => {
  const expectRefused = (result: { code: number; stderr: string }, harness: Harness, code: number, text: string) => {
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at .*:\d+:\d+\)?$/m);
    expect(harness.standIn.requests).toEqual([]);
  };

  it("a malformed GITHUB_API_URL is PRM009, not a stack trace", async () => {
    const harness = await startHarness();
    const result = await harness.run(PROMOTE, { env: { GITHUB_API_URL: "::not a url" } });
    expectRefused(result, harness, 1, 'PRM009 GITHUB_API_URL "::not a url" is not a URL.');
  });

  it("an http:// API URL off the local machine is PRM009: the token never travels in cleartext", async () => {
    const harness = await startHarness();
    const result = await harness.run(PROMOTE, { env: { GITHUB_API_URL: "http://github.example.com/api/v3" } });
    expectRefused(result, harness, 1, 'PRM009 GITHUB_API_URL "http://github.example.com/api/v3" uses http; the token is sent only over https');
    const server = await harness.run(PROMOTE, { env: { GITHUB_SERVER_URL: "http://github.example.com" } });
    expectRefused(server, harness, 1, "PRM009 GITHUB_SERVER_URL");
  });

  it("--repo and GITHUB_REPOSITORY must be GitHub names: no path traversal into the API", async () => {
    const harness = await startHarness();
    for (const repo of ["../x", "acme/..", "-acme/gitops", "acme/git%2fops", `${"a".repeat(40)}/gitops`]) {
      const result = await harness.run([...PROMOTE, "--root", harness.fixture.clone, "--repo", repo], { withoutRoot: true });
      expectRefused(result, harness, 2, `PRM001 --repo "${repo}" is not owner/name`);
    }
    const fromEnv = await harness.run([...PROMOTE, "--root", harness.fixture.clone], { withoutRoot: true, env: { GITHUB_REPOSITORY: "acme/../../orgs/x" } });
    expectRefused(fromEnv, harness, 1, 'PRM006 GITHUB_REPOSITORY "acme/../../orgs/x" is not owner/name');
  });
});
