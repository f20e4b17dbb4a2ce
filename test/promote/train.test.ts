import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ChartRenderer } from "../../tools/src/promote/manifest-diff.js";
import { decodeMetadata } from "../../tools/src/promote/pr-body.js";
import { checkEnvironment } from "../../tools/src/promote/regenerate.js";
import { Workspace } from "../../tools/src/promote/snapshot.js";
import { ArgoCdStandIn } from "./argocd-stand-in.js";
import { imageDigest } from "./fixture-repo.js";
import { harnessPerTest, type Harness } from "./harness.js";
import { DEVELOPMENT_ENVIRONMENT, trainTemplate } from "./train-fixture.js";

const startHarness = harnessPerTest();
let argocd: ArgoCdStandIn | undefined;
afterEach(async () => {
  await argocd?.close();
  argocd = undefined;
});

/**
 * What reaches Helm, instead of Helm: the values files in the order the Application passes them
 * (the environment's, a cluster's overlay, the image pins). The diff then shows exactly which pins
 * each cluster's Application renders with, and no chart is rendered.
 */
const render: ChartRenderer = (_chart, options) => ({ status: 0, stdout: options.valuesFiles.map((file) => readFileSync(file, "utf8")).join("---\n"), stderr: "" });

const TO_STAGING = ["--from", "development", "--to", "staging"];
const TO_PRODUCTION = ["--from", "staging", "--to", "production"];
const REASON = "eu degraded by INC-77 (a node pool), unrelated to this release";

type Production = { clusters: Array<{ name: string; pins?: Record<string, Record<string, string>> }>; components: Record<string, Record<string, unknown>> };
type App = { spec: { sources: Array<{ targetRevision: string; helm?: { parameters?: Array<{ name: string; value: string }> } }> } };

function fileAt(harness: Harness, branch: string, path: string): string {
  const head = harness.standIn.store.readRef(`refs/heads/${branch}`) as string;
  return harness.standIn.store.fileAt(head, path) as string;
}

/** The chart source of a generated Application: its revision and image parameters. */
function pinsOf(text: string): { revision: string; tag?: string; digest?: string } {
  const source = (parse(text) as App).spec.sources[0];
  const parameter = (name: string) => source?.helm?.parameters?.find((p) => p.name === name)?.value;
  return { revision: source?.targetRevision ?? "", tag: parameter("image.tag"), digest: parameter("image.digest") };
}

describe("the release train: development → staging → production(eu) → production(us)", () => {
  it("runs end to end, each step one idempotent pull request, gated per cluster on Argo CD, and rolls back per cluster", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const { fixture, standIn } = harness;
    argocd = await ArgoCdStandIn.start();
    const sourceGate = { ARGOCD_SERVER: argocd.url, ARGOCD_TOKEN: argocd.token };
    const gates = { ...sourceGate, ARGOCD_TARGET_SERVER: argocd.url, ARGOCD_TARGET_TOKEN: argocd.token };
    const merge = (number: number) => {
      standIn.mergePull(number);
      fixture.pull();
    };
    const [v1, v2] = [fixture.release("v0.1.0"), fixture.release("v0.2.0")];
    const [alpha10, alpha12] = [imageDigest("alpha", "v1.0.0"), imageDigest("alpha", "v1.2.0")];

    // 1. development → staging. Development follows main: its pins go to staging as the commit main is at, with the image digests.
    expect(argocd.deploy(fixture.clone, "development")).toEqual(["development-alpha", "development-beta", "development-gamma"]);
    const main = standIn.store.readRef("refs/heads/main") as string;
    const one = await harness.run(TO_STAGING, { env: sourceGate, render });
    expect(one.code, one.stderr).toBe(0);
    expect(one.outcome?.branch).toBe("promote/development-to-staging");
    expect(one.outcome?.plan.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual([
      ["alpha", "chartRevision", v2, main],
      ["alpha", "imageDigest", imageDigest("alpha", "v1.1.0"), alpha12],
      ["alpha", "imageTag", "v1.1.0", "v1.2.0"],
      ["beta", "chartRevision", v2, main],
      ["gamma", "chartRevision", v2, main],
    ]);
    expect(one.stdout).toContain(`development's chartRevision main is pinned as ${main} (head of main on acme/gitops, the base of this plan): alpha, beta, gamma.`);
    expect(one.stderr).toContain("Argo CD gate: development-alpha, development-beta, development-gamma Synced and Healthy at the promoted pins.");
    const staging = fileAt(harness, "promote/development-to-staging", "environments/staging/environment.yaml");
    expect(staging).not.toMatch(/chartRevision: main/);
    expect(standIn.pulls[0]?.body).toContain(`development's chartRevision main is pinned as ${main}`);
    expect(decodeMetadata(standIn.pulls[0]?.body)?.resolved).toEqual(["alpha", "beta", "gamma"].map((component) => ({ component, from: "main", to: main })));
    merge(1);
    argocd.deploy(fixture.clone, "staging");

    // 2. staging → production, eu only: eu gets its own pins, us and the environment-wide pins stay.
    const two = await harness.run([...TO_PRODUCTION, "--clusters", "eu"], { env: sourceGate, render });
    expect(two.code, two.stderr).toBe(0);
    expect(two.outcome?.branch).toBe("promote/staging-to-production+eu");
    expect(two.outcome?.plan.changes.map((c) => [c.component, c.cluster, c.field, c.to])).toEqual([
      ["alpha", "eu", "chartRevision", main],
      ["alpha", "eu", "imageDigest", alpha12],
      ["alpha", "eu", "imageTag", "v1.2.0"],
      ["beta", "eu", "chartRevision", main],
    ]);
    // The plan shows what each cluster runs of the promoted pins.
    expect(two.stdout).toMatch(new RegExp(`COMPONENT\\s+FIELD\\s+EU\\s+US\\s+PROMOTED\\nalpha\\s+chartRevision\\s+${v1}\\s+${v1}\\s+${main}\\n`));
    expect(two.stdout).toContain("Clusters: this step eu; earlier (must run these pins, Synced and Healthy): none; already at these pins: none; still to come: us.");
    const euStep = parse(fileAt(harness, "promote/staging-to-production+eu", "environments/production/environment.yaml")) as Production;
    expect(euStep.clusters.map((c) => c.pins)).toEqual([{ alpha: { chartRevision: main, imageTag: "v1.2.0", imageDigest: alpha12 }, beta: { chartRevision: main } }, undefined]);
    expect(euStep.components.alpha).toMatchObject({ chartRevision: v1, imageTag: "v1.0.0", imageDigest: alpha10 });
    expect(pinsOf(fileAt(harness, "promote/staging-to-production+eu", "apps/production/layers/application/production-alpha.yaml"))).toEqual({ revision: main, tag: "v1.2.0", digest: alpha12 });
    expect(pinsOf(fileAt(harness, "promote/staging-to-production+eu", "apps/production/clusters/us/layers/application/production-us-alpha.yaml"))).toEqual({ revision: v1, tag: "v1.0.0", digest: alpha10 });
    const euPull = standIn.pulls[1];
    expect(euPull?.title).toBe("Promote staging → production (eu): alpha, beta");
    expect(euPull?.body).toContain("**Clusters:** this pull request changes **eu**. Still to come: **us**; the next step, once **eu** is Synced and Healthy at these pins: `nx run generate:promote -- --from staging --to production --clusters us`.");
    expect(euPull?.body).toContain("| Component | Cluster | Field | From | To | Provenance |");
    expect(euPull?.body).toContain(`| alpha | eu | \`imageTag\` | \`v1.0.0\` | \`v1.2.0\` | [image compare](https://github.com/example/alpha/compare/v1.0.0...v1.2.0)`);
    expect(euPull?.body).toContain("<summary>alpha (eu): rendered diff</summary>");
    expect(decodeMetadata(euPull?.body)).toMatchObject({ clusters: { step: ["eu"], remaining: ["us"] }, pins: [{ component: "alpha", cluster: "eu", field: "chartRevision", from: v1, to: main }, {}, {}, {}] });
    merge(2);
    argocd.deploy(fixture.clone, "production");

    // 3. us, while eu is Degraded: held back (exit 3), nothing written.
    argocd.setHealth("production-alpha", "Degraded");
    const writes = standIn.writes().length;
    const held = await harness.run([...TO_PRODUCTION, "--clusters", "us"], { env: gates, render });
    expect(held.code).toBe(3);
    expect(held.stderr).toContain("PRM024 the step into us of production comes after eu, which is not ready: eu: production-alpha: health is Degraded.");
    expect(held.stderr).toContain("fix: Promote eu first (`nx run generate:promote -- --from staging --to production --clusters eu`)");
    // Without the target's Argo CD the gate cannot tell: PRM025, not a silent pass.
    const unasked = await harness.run([...TO_PRODUCTION, "--clusters", "us"], { env: sourceGate, render });
    expect(unasked.code).toBe(1);
    expect(unasked.stderr).toContain("PRM025 the step into us of production comes after eu, whose health cannot be checked: eu runs the promoted pins, but whether production-alpha, production-beta are Synced and Healthy was not checked: ARGOCD_TARGET_SERVER (the Argo CD of production) is not set.");
    expect(standIn.writes().length).toBe(writes);

    // Overridden with a reason: the pull request opens and records the reason and what the gate found.
    const forced = await harness.run([...TO_PRODUCTION, "--clusters", "us", "--override-gate", REASON], { env: gates, render });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.outcome?.status).toBe("created");
    const usPull = () => standIn.pulls.filter((p) => p.head === "promote/staging-to-production+us");
    expect(usPull()).toHaveLength(1);
    expect(usPull()[0]?.body).toContain(`> **Cluster gate overridden.** ${REASON}\n> - eu: production-alpha: health is Degraded`);
    expect(usPull()[0]?.body).toContain("· ⚠ cluster gate overridden |");
    expect(decodeMetadata(usPull()[0]?.body)?.overrideGate).toEqual({ reason: REASON, problems: ["eu: production-alpha: health is Degraded"] });

    // eu recovers: the same step again updates the same pull request, which no longer says overridden.
    argocd.setHealth("production-alpha", "Healthy");
    const three = await harness.run([...TO_PRODUCTION, "--clusters", "us"], { env: gates, render });
    expect(three.code, three.stderr).toBe(0);
    expect(three.outcome?.status).toBe("updated");
    expect(three.stderr).toContain("cluster gate: eu run the promoted pins, Synced and Healthy (production-alpha, production-beta).");
    expect(usPull()).toHaveLength(1);
    const usBody = usPull()[0]?.body ?? "";
    expect(usBody).not.toContain("overridden");
    expect(decodeMetadata(usBody)?.overrideGate).toBeUndefined();
    expect(usBody).toContain("**Clusters:** this pull request changes **us**. Already at these pins: **eu**. After it, every cluster of production runs these pins.");
    // Every cluster at the same pins: they move into components: and the cluster pins disappear.
    const usStep = parse(fileAt(harness, "promote/staging-to-production+us", "environments/production/environment.yaml")) as Production;
    expect(usStep.clusters.map((c) => c.pins)).toEqual([undefined, undefined]);
    expect(usStep.components.alpha).toMatchObject({ chartRevision: main, imageTag: "v1.2.0", imageDigest: alpha12 });
    expect(pinsOf(fileAt(harness, "promote/staging-to-production+us", "apps/production/clusters/us/layers/application/production-us-alpha.yaml"))).toEqual({ revision: main, tag: "v1.2.0", digest: alpha12 });
    merge(3);

    // The production steps again: nothing to promote, no new pull request.
    for (const argv of [[...TO_PRODUCTION, "--clusters", "eu"], [...TO_PRODUCTION, "--clusters", "us"]]) {
      const again = await harness.run(argv, { render });
      expect(again.outcome?.status, `${argv.join(" ")}\n${again.stderr}`).toBe("nothing-to-promote");
    }
    expect(standIn.pulls).toHaveLength(3);
    // Development follows main, which the merges moved on: its step now proposes main's new head, and only that.
    const next = await harness.run([...TO_STAGING, "--dry-run"], { render });
    const newMain = standIn.store.readRef("refs/heads/main") as string;
    expect(next.outcome?.plan.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual(["alpha", "beta", "gamma"].map((c) => [c, "chartRevision", main, newMain]));

    // 4. Rollback in us only: us runs the pins before #3 again (its own pins), eu keeps the release.
    const back = await harness.run(["--rollback", "--to", "production", "--clusters", "us"], { render });
    expect(back.code, back.stderr).toBe(0);
    expect(back.outcome?.branch).toBe("promote/rollback-production+us");
    expect(back.stderr).toContain("rolling back #3");
    expect(back.outcome?.plan.changes.map((c) => [c.component, c.cluster, c.field, c.to])).toEqual([
      ["alpha", "us", "chartRevision", v1],
      ["alpha", "us", "imageDigest", alpha10],
      ["alpha", "us", "imageTag", "v1.0.0"],
      ["beta", "us", "chartRevision", v1],
    ]);
    const rolledBack = fileAt(harness, "promote/rollback-production+us", "environments/production/environment.yaml");
    expect((parse(rolledBack) as Production).clusters.map((c) => c.pins)).toEqual([undefined, { alpha: { chartRevision: v1, imageTag: "v1.0.0", imageDigest: alpha10 }, beta: { chartRevision: v1 } }]);
    expect(standIn.pulls[3]?.title).toBe("Roll back production (us): undo #3");
    // What the rollback publishes is what the generator writes for it.
    merge(4);
    const workspace = new Workspace();
    try {
      const check = checkEnvironment(workspace.snapshot(fixture.clone, "HEAD", ["schemas/", "charts/", "environments/", "apps/production/"], "verify"), "production", fixture.clone);
      expect(check.ok && check.outOfDate).toEqual([]);
    } finally {
      workspace.dispose();
    }
  }, 120_000);
});

describe("the train promote.yml runs (--train-steps)", () => {
  it("prints the steps of .github/promotion.yml as the workflow's matrix, checked against the environments at the base branch", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const { fixture } = harness;
    const config = fixture.read(".github/promotion.yml");
    const train = (clusters: string[]) => `${config}train:\n  - {from: development, to: staging}\n${clusters.map((c) => `  - {from: staging, to: production, clusters: [${c}]}\n`).join("")}`;
    fixture.commitAndPush("the train", { ".github/promotion.yml": train(["eu", "us"]) });
    const steps = await harness.run(["--train-steps"]);
    expect(steps.code, steps.stderr).toBe(0);
    expect(JSON.parse(steps.stdout)).toEqual([
      { name: "development → staging", from: "development", to: "staging", clusters: "" },
      { name: "staging → production (eu)", from: "staging", to: "production", clusters: "eu" },
      { name: "staging → production (us)", from: "staging", to: "production", clusters: "us" },
    ]);
    fixture.commitAndPush("the train backwards", { ".github/promotion.yml": train(["us", "eu"]) });
    const backwards = await harness.run(["--train-steps"]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain("PRM007 .github/promotion.yml: the train does not fit the environments: train[2] (staging → production): reaches eu after us, which production lists later; the cluster gate would hold the earlier steps back.");
  });
});

describe("bad inputs of a train step, each with what to do", () => {
  it("a cluster production does not list, or --clusters for an environment in one cluster (PRM023, exit 2)", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const unknown = await harness.run([...TO_PRODUCTION, "--clusters", "eu,ap", "--dry-run"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('PRM023 --clusters names "ap", which environments/production/environment.yaml does not list (clusters: eu, us).');
    expect(unknown.stderr).toContain("fix: Pass cluster names from clusters: in environments/production/environment.yaml, comma-separated in train order (e.g. --clusters eu).");
    const single = await harness.run([...TO_STAGING, "--clusters", "eu", "--dry-run"]);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain("PRM023 --clusters eu: environments/staging/environment.yaml lists no clusters, so staging runs in one cluster (destination.server) and is promoted as a whole.");
    expect(harness.standIn.writes()).toEqual([]);
  });

  it("a mutable image tag (no digest) never reaches staging (PRM016), a branch that does not exist cannot be pinned (PRM015)", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const { fixture } = harness;
    // The build pushes alpha:main with every merge and records no digest for it.
    const mutable = DEVELOPMENT_ENVIRONMENT.replace(`imageTag: v1.2.0\n    imageDigest: ${imageDigest("alpha", "v1.2.0")}`, "imageTag: main");
    fixture.commitAndPush("alpha follows its main image", { "environments/development/environment.yaml": mutable });
    const tag = await harness.run([...TO_STAGING, "--dry-run"]);
    expect(tag.code).toBe(1);
    expect(tag.stderr).toContain("PRM016 staging (tier staging) takes only immutable image references, but alpha (imageTag main) would run a tag without imageDigest: environments/development/environment.yaml has no imageDigest for it.");
    expect(tag.stderr).toContain("fix: Record the digest the image build pushed for that tag (`crane digest <image>:<tag>`) as imageDigest in environments/development/environment.yaml, merge it, and promote again.");
    // The other components still promote.
    expect((await harness.run([...TO_STAGING, "--components", "beta", "--dry-run"])).code).toBe(0);

    fixture.commitAndPush("beta tries a branch nobody pushed", { "environments/development/environment.yaml": DEVELOPMENT_ENVIRONMENT.replace("chartRevision: main\n    imageTag: v1.0.0", "chartRevision: feature/never-pushed\n    imageTag: v1.0.0") });
    const branch = await harness.run([...TO_STAGING, "--components", "beta", "--dry-run"]);
    expect(branch.code).toBe(1);
    expect(branch.stderr).toContain('PRM015 chartRevision "feature/never-pushed" of beta in environments/development/environment.yaml names no branch of acme/gitops, nor a tag or commit of the local clone, so it cannot be pinned to a commit for staging (which runs commit SHAs only). Nothing was changed.');
    expect(branch.stderr).toContain("fix: Push the branch feature/never-pushed (or merge the change into main and set chartRevision: main in the source), or set chartRevision to a commit SHA; then promote again.");
    expect(harness.standIn.writes()).toEqual([]);
  });

  it("a step that skips a cluster not at the promoted pins yet is held back (PRM024, exit 3), whatever Argo CD says", async () => {
    const harness = await startHarness({ template: trainTemplate });
    const us = await harness.run([...TO_PRODUCTION, "--clusters", "us"]);
    expect(us.code).toBe(3);
    expect(us.stderr).toContain(`PRM024 the step into us of production comes after eu, which is not ready: eu does not run the promoted pins yet (alpha chartRevision ${harness.fixture.release("v0.1.0")}, not ${harness.fixture.release("v0.2.0")};`);
    expect(harness.standIn.writes()).toEqual([]);
    // A dry run shows the plan and only warns.
    const dry = await harness.run([...TO_PRODUCTION, "--clusters", "us", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("a real run would stop here: PRM024");
  });
});
