import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { decodeMetadata } from "../../tools/src/promote/pr-body.js";
import { checkEnvironment } from "../../tools/src/promote/regenerate.js";
import { Workspace } from "../../tools/src/promote/snapshot.js";
import { imageDigest, pinned, PRODUCTION_ENVIRONMENT, STAGING_ENVIRONMENT, withAlphaImage } from "./fixture-repo.js";
import { harnessPerTest, localState, PROMOTE, PROMOTION_BRANCH as BRANCH, remoteState } from "./harness.js";

const startHarness = harnessPerTest();

describe("promotion staging → production on a fixture with several components", () => {
  it("plans exactly the differing promotable pins and prints the table and the rendered diff", async () => {
    const harness = await startHarness();
    const [v1, v2] = [harness.fixture.release("v0.1.0"), harness.fixture.release("v0.2.0")];
    const result = await harness.run([...PROMOTE, "--dry-run"]);
    expect(result.code).toBe(0);
    const plan = result.outcome?.plan;
    const [alpha1, alpha2] = [imageDigest("alpha", "v1.0.0"), imageDigest("alpha", "v1.1.0")];
    // The new alpha image moves as tag and digest together.
    expect(plan?.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual([
      ["alpha", "chartRevision", v1, v2],
      ["alpha", "imageDigest", alpha1, alpha2],
      ["alpha", "imageTag", "v1.0.0", "v1.1.0"],
      ["beta", "chartRevision", v1, v2],
    ]);
    expect(plan?.unchanged).toBe(2); // beta's image tag and digest already match
    expect(plan?.skipped).toEqual([{ component: "gamma", reason: "disabled in production" }]);
    expect(result.stdout).toMatch(new RegExp(`COMPONENT\\s+FIELD\\s+FROM\\s+TO\\nalpha\\s+chartRevision\\s+${v1}\\s+${v2}\\nalpha\\s+imageDigest\\s+${alpha1}\\s+${alpha2}\\nalpha\\s+imageTag\\s+v1\\.0\\.0\\s+v1\\.1\\.0\\nbeta\\s+chartRevision\\s+${v1}\\s+${v2}`));
    // The rendered diff is helm template of each chart at its pinned revision with production's values and the image pinned by digest.
    expect(result.stdout).toContain(`--- a/production/alpha\tcharts/alpha@${v1}, image v1.0.0@${alpha1}`);
    expect(result.stdout).toContain(`-          image: "ghcr.io/example/alpha:v1.0.0@${alpha1}"\n+          image: "ghcr.io/example/alpha:v1.1.0@${alpha2}"`);
    expect(result.stdout).toContain('+    fixture.example.com/chart-generation: "2"');
    expect(result.stdout).toContain("replicas: 3"); // production's replicas, not staging's 2
    expect(result.outcome?.changedFiles).toEqual([
      "apps/production/README.md",
      "apps/production/layers/application/production-alpha.yaml",
      "apps/production/layers/application/production-beta.yaml",
      "environments/production/environment.yaml",
    ]);
  });

  it("publishes one commit and one pull request; env-specific values never move and the bytes around the pins survive", async () => {
    const harness = await startHarness();
    const { standIn, fixture } = harness;
    const [v1, v2] = [fixture.release("v0.1.0"), fixture.release("v0.2.0")];
    const baseBefore = standIn.store.readRef("refs/heads/main") as string;
    const result = await harness.run(PROMOTE);
    expect(result.code, result.stderr).toBe(0);
    expect(result.outcome?.status).toBe("created");
    expect(standIn.pulls).toHaveLength(1);
    const pull = standIn.pulls[0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: "main", state: "open", title: "Promote staging → production: alpha, beta" });
    expect(pull.labels.map((l) => l.name)).toEqual(["promotion"]);
    expect(pull.requestedReviewers).toEqual(["release-manager"]);
    expect(pull.requestedTeams).toEqual(["sre"]);

    const head = standIn.store.readRef(`refs/heads/${BRANCH}`) as string;
    expect(standIn.store.readCommit(head).parents).toEqual([baseBefore]);
    expect(standIn.store.readRef("refs/heads/main")).toBe(baseBefore); // the base branch is untouched
    expect(standIn.store.changedPaths(baseBefore, head)).toEqual(result.outcome?.changedFiles);

    // Only the four pin scalars changed in environment.yaml, byte for byte (the digest keeps its comment).
    const edited = standIn.store.fileAt(head, "environments/production/environment.yaml");
    expect(edited).toBe(
      pinned(
        PRODUCTION_ENVIRONMENT.replace("chartRevision: v0.1.0     # promoted", "chartRevision: v0.2.0     # promoted")
          .replace('imageTag: "v1.0.0"', 'imageTag: "v1.1.0"')
          .replace(`imageDigest: ${imageDigest("alpha", "v1.0.0")}  # recorded`, `imageDigest: ${imageDigest("alpha", "v1.1.0")}  # recorded`)
          .replace("chartRevision: 'v0.1.0'", "chartRevision: 'v0.2.0'"),
        fixture,
      ),
    );
    // Environment-specific values stay production's: namespace, serverSideApply, domain, destination, tier, values files.
    const production = parse(edited as string) as { domain: string; tier: string; destination: { server: string }; components: Record<string, Record<string, unknown>> };
    const staging = parse(STAGING_ENVIRONMENT) as { components: Record<string, Record<string, unknown>> };
    expect(production.components.alpha?.namespace).toBe("alpha-prod");
    expect(staging.components.alpha?.namespace).toBe("alpha-staging");
    expect(production.components.beta?.serverSideApply).toBe(true);
    expect(production.components.gamma).toEqual({ enabled: false });
    expect([production.domain, production.tier, production.destination.server]).toEqual(["prod.example.com", "production", "https://prod.k8s.example.com"]);
    expect(standIn.store.fileAt(head, "environments/production/values/alpha.yaml")).toBe(fixture.read("environments/production/values/alpha.yaml"));

    // The generated Applications carry the new pins, and apps/production is exactly what the generator writes.
    const alphaApp = standIn.store.fileAt(head, "apps/production/layers/application/production-alpha.yaml") as string;
    const alphaSource = (parse(alphaApp) as { spec: { sources: Array<{ targetRevision: string; helm?: { parameters?: unknown[] } }> } }).spec.sources[0];
    expect(alphaSource?.targetRevision).toBe(v2);
    expect(alphaSource?.helm?.parameters).toEqual([
      { name: "image.tag", value: "v1.1.0", forceString: true },
      { name: "image.digest", value: imageDigest("alpha", "v1.1.0"), forceString: true },
    ]);
    expect(alphaApp).toContain("namespace: alpha-prod");
    fixture.git(["fetch", "--quiet", "origin", BRANCH]);
    const workspace = new Workspace();
    try {
      const snapshot = workspace.snapshot(fixture.clone, head, ["schemas/", "charts/", "environments/", "apps/production/"], "verify");
      const check = checkEnvironment(snapshot, "production", fixture.clone);
      expect(check.ok && check.outOfDate).toEqual([]);
    } finally {
      workspace.dispose();
    }

    // The description: pins with provenance, the folded diff and the hidden metadata block.
    expect(pull.body).toContain(`| alpha | \`chartRevision\` | \`${v1}\` | \`${v2}\` | [compare](`);
    expect(pull.body).toContain(`/acme/gitops/compare/${v1}...${v2})`);
    expect(pull.body).toContain("[image compare](https://github.com/example/alpha/compare/v1.0.0...v1.1.0) · [image v1.1.0](https://github.com/example/alpha/releases/tag/v1.1.0)");
    expect(pull.body).toContain(`| alpha | \`imageDigest\` | \`${imageDigest("alpha", "v1.0.0")}\` | \`${imageDigest("alpha", "v1.1.0")}\` | — |`);
    expect(pull.body).toContain("<details><summary>alpha: rendered diff</summary>");
    expect(decodeMetadata(pull.body)).toMatchObject({ kind: "promotion", from: "staging", to: "production", baseCommit: baseBefore, pins: [{ component: "alpha", field: "chartRevision", from: v1, to: v2 }, { component: "alpha", field: "imageDigest", to: imageDigest("alpha", "v1.1.0") }, { component: "alpha", field: "imageTag" }, { component: "beta", field: "chartRevision" }] });
    expect(result.stdout).toContain(`Opened pull request #1: ${standIn.url}/acme/gitops/pull/1`);
  });

  it("running twice updates the one pull request and creates nothing new; a new pin updates it in place", async () => {
    const harness = await startHarness();
    const { standIn, fixture } = harness;
    expect((await harness.run(PROMOTE)).outcome?.status).toBe("created");
    const head = standIn.store.readRef(`refs/heads/${BRANCH}`);
    const before = standIn.requests.length;

    const again = await harness.run(PROMOTE);
    expect(again.code, again.stderr).toBe(0);
    expect(again.outcome?.status).toBe("unchanged");
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.store.readRef(`refs/heads/${BRANCH}`)).toBe(head);
    const secondRun = standIn.requests.slice(before).map((r) => `${r.method} ${r.path.split("?")[0]}`);
    expect(secondRun.filter((r) => !r.startsWith("GET"))).toEqual(["POST /repos/acme/gitops/git/trees"]); // content-addressed: the same tree, no commit, no ref move

    // Staging moves on: the same pull request is updated and its branch force-moved.
    fixture.commitAndPush("staging runs alpha v1.2.0", { "environments/staging/environment.yaml": pinned(withAlphaImage(STAGING_ENVIRONMENT, "v1.1.0", "v1.2.0"), fixture) }, ["staging"]);
    const third = await harness.run(PROMOTE);
    expect(third.outcome?.status).toBe("updated");
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.pulls[0]?.body).toContain("`v1.2.0`");
    expect(standIn.pulls[0]?.body).toContain(`\`${imageDigest("alpha", "v1.2.0")}\``);
    const moved = standIn.store.readRef(`refs/heads/${BRANCH}`) as string;
    expect(moved).not.toBe(head);
    expect(standIn.store.readCommit(moved).parents).toEqual([standIn.store.readRef("refs/heads/main")]);
    expect(standIn.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls"))).toHaveLength(1);
  });

  it("does nothing when every pin already matches (after the promotion is merged, or for a skipped component)", async () => {
    const harness = await startHarness();
    const { standIn, fixture } = harness;
    const skipped = await harness.run([...PROMOTE, "--components", "gamma"]);
    expect(skipped.code).toBe(0);
    expect(skipped.outcome?.status).toBe("nothing-to-promote");
    expect(standIn.writes()).toEqual([]);

    await harness.run(PROMOTE);
    standIn.mergePull(1);
    fixture.pull();
    const writes = standIn.writes().length;
    const none = await harness.run(PROMOTE);
    expect(none.code).toBe(0);
    expect(none.outcome?.status).toBe("nothing-to-promote");
    expect(none.stdout).toContain("Nothing to promote: every promotable pin of production already matches staging. Nothing was changed.");
    expect(standIn.writes()).toHaveLength(writes);
    expect(standIn.pulls).toHaveLength(1);
  });

  it("a dry run changes nothing locally or remotely, and makes only read requests", async () => {
    const harness = await startHarness();
    const { standIn, fixture } = harness;
    const local = localState(fixture);
    const remote = remoteState(standIn);
    const result = await harness.run([...PROMOTE, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: would open a pull request from promote/staging-to-production into main. Nothing was changed.");
    expect(standIn.requests.length).toBeGreaterThan(0);
    expect(standIn.writes()).toEqual([]);
    expect(remoteState(standIn)).toBe(remote);
    expect(localState(fixture)).toBe(local);

    // After a real run, a dry run reports the pull request it would update, still without writing.
    await harness.run(PROMOTE);
    const writes = standIn.writes().length;
    const remoteAfter = remoteState(standIn);
    const preview = await harness.run([...PROMOTE, "--dry-run"]);
    expect(preview.stdout).toMatch(/would update pull request #1 .* and move the existing branch/);
    expect(standIn.writes()).toHaveLength(writes);
    expect(remoteState(standIn)).toBe(remoteAfter);
  });

  it("uses a constant number of API calls whatever the number of files", async () => {
    const harness = await startHarness();
    const { standIn } = harness;
    const callsOf = async (argv: string[]) => {
      const start = standIn.requests.length;
      const result = await harness.run(argv);
      expect(result.code, result.stderr).toBe(0);
      const requests = standIn.requests.slice(start).map((r) => `${r.method} ${r.path.split("?")[0]?.replace(/\/\d+\//, "/N/")}`);
      // Start the next run from the same remote state: no promotion branch, no open pull request.
      standIn.closePull(standIn.pulls.length);
      standIn.store.deleteRef(`refs/heads/${BRANCH}`);
      return { requests, files: result.outcome?.changedFiles.length ?? 0 };
    };
    const one = await callsOf([...PROMOTE, "--components", "beta"]);
    // Make the next promotion touch many more files: apps/production is missing at the base, so every generated file is written.
    const generated = harness.fixture.git(["ls-files", "apps/production"]).split("\n").filter(Boolean).length;
    harness.fixture.git(["rm", "-r", "--quiet", "apps/production"]);
    harness.fixture.commitAndPush("lose apps/production", {});
    const all = await callsOf(PROMOTE);
    expect(one.files).toBe(3);
    expect(generated).toBeGreaterThan(10);
    expect(all.files).toBe(generated + 1); // every file of apps/production, and environment.yaml
    expect(all.requests).toEqual(one.requests);
    expect(standIn.requests.filter((r) => r.path.includes("/git/blobs"))).toEqual([]); // file contents travel inline in the one tree request
    expect(all.requests).toEqual([
      "GET /repos/acme/gitops/git/ref/heads/main",
      "POST /repos/acme/gitops/git/trees",
      "GET /repos/acme/gitops/git/ref/heads/promote/staging-to-production",
      "POST /repos/acme/gitops/git/commits",
      "POST /repos/acme/gitops/git/refs",
      "GET /repos/acme/gitops/pulls",
      "POST /repos/acme/gitops/pulls",
      "POST /repos/acme/gitops/issues/N/labels",
      "POST /repos/acme/gitops/pulls/N/requested_reviewers",
    ]);
  });
});
