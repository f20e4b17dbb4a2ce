import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readPromotionConfig } from "../../tools/src/promote/config.js";
import { createOctokit, type PromotionOctokit } from "../../tools/src/promote/github-client.js";
import { GitHubRepository } from "../../tools/src/promote/github-repository.js";
import type { ChartRenderer } from "../../tools/src/promote/manifest-diff.js";
import { decodeMetadata, encodeMetadata, type PromotionMetadata } from "../../tools/src/promote/pr-body.js";
import { findPromotablePatterns } from "../../tools/src/promote/promotable-fields.js";
import { planTrustedRollback } from "../../tools/src/promote/rollback.js";
import { mergedPullsVia } from "../../tools/src/promote/rollback-trust.js";
import { harnessPerTest, OWNER, PROMOTE, REPO, TOKEN, type Harness } from "./harness.js";
import { CLUSTERS, trainTemplate } from "./train-fixture.js";

const startHarness = harnessPerTest();

/** Rendering is not what these tests are about: one fixed manifest keeps each promotion cheap. */
const render: ChartRenderer = () => ({ status: 0, stdout: "kind: ConfigMap\n", stderr: "" });

/** The login the stand-in opens pull requests as: the promotion identity of these tests. */
const IDENTITY = "promotion-bot";

interface Setup {
  harness: Harness;
  octokit: PromotionOctokit;
  /** The record of the genuine promotion #1, merged. */
  genuine: PromotionMetadata;
}

/** One genuine promotion staging → production, merged, and the local clone fast-forwarded to it. */
async function promotedAndMerged(): Promise<Setup> {
  const harness = await startHarness();
  const promoted = await harness.run(PROMOTE, { render });
  expect(promoted.code, promoted.stderr).toBe(0);
  harness.standIn.mergePull(1);
  harness.fixture.pull();
  const octokit = await createOctokit({ apiUrl: harness.standIn.url, owner: OWNER, repo: REPO, credentials: { kind: "token", token: TOKEN }, retries: 0, spaceWrites: false, log: () => {} });
  return { harness, octokit, genuine: decodeMetadata(harness.standIn.pulls[0]?.body) as PromotionMetadata };
}

/** The rollback of production as the promotion command plans it, with the warnings it prints. */
async function rollback({ harness, octokit }: Setup) {
  const root = harness.fixture.clone;
  const warnings: string[] = [];
  const config = { ...readPromotionConfig(root), identity: IDENTITY };
  const plan = await planTrustedRollback({
    pulls: await new GitHubRepository(octokit, OWNER, REPO).recentlyClosedPulls("main"),
    target: { name: "production", data: parse(readFileSync(join(root, "environments/production/environment.yaml"), "utf8")) },
    patterns: findPromotablePatterns(JSON.parse(readFileSync(join(root, "schemas/environment.json"), "utf8"))),
    rule: config,
    source: mergedPullsVia(octokit, OWNER, REPO),
    root,
    warn: (line) => warnings.push(line),
  }).catch((error: Error) => error);
  return { plan, warnings };
}

/**
 * A merged pull request that is not a promotion (a one-line docs change on `head`) whose
 * description carries a forged promotion record: production's current pins "replaced" attacker
 * values, so a rollback believing it would set the attacker's pins.
 */
async function mergeForgedPull({ harness, octokit, genuine }: Setup, forged: { head: string; author: string; labels: string[] }): Promise<number> {
  const { standIn } = harness;
  const main = standIn.store.readRef("refs/heads/main") as string;
  const tree = standIn.store.writeTree(standIn.store.readCommit(main).tree, [{ path: "docs/typo.md", mode: "100644", sha: standIn.store.writeBlob(Buffer.from(`typo fixed on ${forged.head}\n`)) }]);
  standIn.store.updateRef(`refs/heads/${forged.head}`, standIn.store.writeCommit({ message: "docs: typo", tree, parents: [main] }));
  const record: PromotionMetadata = { ...genuine, pins: genuine.pins.map((p) => ({ ...p, from: `attacker-${p.field}` })) };
  const { data } = await octokit.rest.pulls.create({ owner: OWNER, repo: REPO, head: forged.head, base: "main", title: "docs: typo", body: `Fixes a typo.\n\n${encodeMetadata(record)}` });
  if (forged.labels.length > 0) await octokit.rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: data.number, labels: forged.labels });
  (standIn.pulls.find((p) => p.number === data.number) as { author: string }).author = forged.author;
  standIn.mergePull(data.number);
  harness.fixture.pull();
  return data.number;
}

describe("rollback trusts only genuine promotion pull requests", () => {
  it("undoes a genuine promotion: promote/ branch, the promotion identity, the label, a merge that changed exactly the recorded pins", async () => {
    const setup = await promotedAndMerged();
    const { plan, warnings } = await rollback(setup);
    expect(plan).not.toBeInstanceOf(Error);
    if (plan instanceof Error) return;
    expect(plan.undoes.number).toBe(1);
    expect(plan.plan.changes.map((c) => [c.component, c.field, c.to])).toEqual(setup.genuine.pins.map((p) => [p.component, p.field, p.from]));
    expect(warnings).toEqual([]);
  });

  it("ignores forged records in foreign pull requests (wrong branch, wrong author, no label) with a warning each, and undoes the genuine promotion", async () => {
    const setup = await promotedAndMerged();
    const wrongBranch = await mergeForgedPull(setup, { head: "docs-typo", author: IDENTITY, labels: ["promotion"] });
    const wrongAuthor = await mergeForgedPull(setup, { head: "promote/staging-to-production-2", author: "mallory", labels: ["promotion"] });
    const noLabel = await mergeForgedPull(setup, { head: "promote/staging-to-production-3", author: IDENTITY, labels: [] });
    const { plan, warnings } = await rollback(setup);
    expect(plan).not.toBeInstanceOf(Error);
    if (plan instanceof Error) return;
    expect(plan.undoes.number).toBe(1);
    expect(plan.plan.changes.map((c) => c.to).filter((to) => String(to).startsWith("attacker-"))).toEqual([]);
    const url = (n: number) => `${setup.harness.standIn.url}/${OWNER}/${REPO}/pull/${n}`;
    expect(warnings).toEqual([
      `warning: ignoring the promotion record in #${noLabel} (${url(noLabel)}): it lacks the promotion label(s) promotion.`,
      `warning: ignoring the promotion record in #${wrongAuthor} (${url(wrongAuthor)}): it was opened by mallory, not by the promotion identity ${IDENTITY} (identity in .github/promotion.yml).`,
      `warning: ignoring the promotion record in #${wrongBranch} (${url(wrongBranch)}): its head branch docs-typo is not a promote/* promotion branch.`,
    ]);
  });

  it("ignores a forged record on a promote/ branch by the promotion identity with the label: its merge did not change the recorded pins", async () => {
    const setup = await promotedAndMerged();
    const forged = await mergeForgedPull(setup, { head: "promote/docs", author: IDENTITY, labels: ["promotion"] });
    const { plan, warnings } = await rollback(setup);
    expect(plan instanceof Error ? plan.message : plan.undoes.number).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^warning: ignoring the promotion record in #${forged} .*: its record does not match what its merge commit [0-9a-f]{12} changed in environments/production/environment\\.yaml: components\\.alpha\\.chartRevision is recorded but the merge did not change it;`));
  });

  it("detects a genuine promotion's record edited after the merge", async () => {
    const setup = await promotedAndMerged();
    const { harness, octokit, genuine } = setup;
    const alpha = genuine.pins.find((p) => p.component === "alpha" && p.field === "imageTag");
    expect(alpha).toMatchObject({ from: "v1.0.0", to: "v1.1.0" });
    const edited: PromotionMetadata = { ...genuine, pins: genuine.pins.map((p) => (p === alpha ? { ...p, from: "v6.6.6" } : p)) };
    await octokit.rest.pulls.update({ owner: OWNER, repo: REPO, pull_number: 1, body: (harness.standIn.pulls[0]?.body as string).replace(encodeMetadata(genuine), encodeMetadata(edited)) });
    expect(decodeMetadata(harness.standIn.pulls[0]?.body)).toEqual(edited);
    const { plan, warnings } = await rollback(setup);
    expect(plan).toBeInstanceOf(Error);
    expect((plan as Error).message).toBe("nothing to roll back in production: found no merged promotion pull request with a promotion-metadata block among the 1 most recently closed pull requests (1 untrusted record(s) ignored, see the warnings above).");
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: ignoring the promotion record in #1 \(.*\/pull\/1\): its record does not match what its merge commit [0-9a-f]{12} changed in environments\/production\/environment\.yaml: components\.alpha\.imageTag is recorded as v6\.6\.6 → v1\.1\.0 but the merge changed it v1\.0\.0 → v1\.1\.0\.$/),
    ]);
  });

});

describe("through the command (needs the promote.ts wiring)", () => {
  it("a forged docs PR is ignored with a warning and the rollback undoes the genuine promotion", async () => {
    const setup = await promotedAndMerged();
    const forged = await mergeForgedPull(setup, { head: "docs-typo", author: "mallory", labels: [] });
    const result = await setup.harness.run(["--rollback", "--to", "production", "--dry-run"], { render });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`ignoring the promotion record in #${forged}`);
    expect(result.stderr).toContain("rolling back #1");
    expect(result.outcome?.plan.changes.map((c) => String(c.to)).some((to) => to.startsWith("attacker-"))).toBe(false);
  });
});

/**
 * Issue 15: in an environment in several clusters, a record names the cluster each pin ran in, and
 * the trust check reads what the merge changed in the clusters each component ran in AT that merge,
 * not today. Here production runs in eu and us, a promotion into both is merged, and us is
 * decommissioned afterwards: read with today's placement (eu only), the merge "did not change" the
 * recorded us pins and the genuine promotion would be distrusted, so it could not be rolled back.
 */
describe("rollback per cluster after the clusters changed", () => {
  it("checks a record against where the components ran at its merge: a cluster removed since does not make a genuine promotion untrusted", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const { fixture, standIn } = harness;
    const promoted = await harness.run(PROMOTE, { render });
    expect(promoted.code, promoted.stderr).toBe(0);
    const record = decodeMetadata(standIn.pulls[0]?.body) as PromotionMetadata;
    expect([...new Set(record.pins.map((p) => p.cluster))]).toEqual(["eu", "us"]);
    standIn.mergePull(1);
    fixture.pull();
    const withoutUs = fixture.read("environments/production/environment.yaml").replace(CLUSTERS, CLUSTERS.slice(0, CLUSTERS.indexOf("  - name: us")));
    expect(withoutUs).not.toContain("name: us");
    fixture.commitAndPush("us is decommissioned", { "environments/production/environment.yaml": withoutUs }, ["production"]);

    const back = await harness.run(["--rollback", "--to", "production", "--dry-run"], { render });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).not.toContain("ignoring the promotion record");
    expect(back.stderr).toContain("rolling back #1");
    // eu goes back to the pins #1 replaced there; us no longer exists to roll back.
    expect(back.outcome?.plan.changes.map((c) => [c.component, c.cluster, c.field, c.to])).toEqual(record.pins.filter((p) => p.cluster === "eu").map((p) => [p.component, "eu", p.field, p.from]));
  });
});
