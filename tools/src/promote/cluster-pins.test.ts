import { describe, expect, it } from "vitest";
import { clustersOf, effectivePins, layoutClusterChanges } from "./cluster-pins.js";
import { PromotionError } from "./errors.js";
import { collectPins, planPromotion, type EnvironmentData, type PinChange } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { applyScalarEdits, setClusterPins } from "./yaml-edit.js";

const PATTERNS: PromotablePattern[] = [
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "chartRevision" }], default: "main" },
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageTag" }], default: "", group: "image" },
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageDigest" }], default: "", group: "image" },
];
const [C1, C2, C3] = ["1", "2", "3"].map((n) => n.repeat(40)) as [string, string, string];
const [D1, D2, D3] = ["a", "b", "c"].map((n) => `sha256:${n.repeat(64)}`) as [string, string, string];

/** Production in the given clusters, api and the first cluster's own argo-cd at release 1; `pins` per cluster index. */
function production(clusters: string[], pins: Record<number, Record<string, Record<string, string>>> = {}, api: Record<string, string> = { chartRevision: C1, imageTag: "v1", imageDigest: D1 }): EnvironmentData {
  return {
    name: "production",
    data: {
      tier: "production",
      clusters: clusters.map((name, index) => ({ name, ...(pins[index] ? { pins: pins[index] } : {}) })),
      components: { api: { enabled: true, ...api }, "argo-cd": { enabled: true, chartRevision: C1 } },
    },
  };
}
const staging: EnvironmentData = { name: "staging", data: { tier: "staging", components: { api: { enabled: true, chartRevision: C2, imageTag: "v2", imageDigest: D2 }, "argo-cd": { enabled: true, chartRevision: C2 } } } };
/** argo-cd runs in the first cluster only (Argo CD's namespace), api everywhere: what the generator says. */
const placement = (clusters: string[]) => new Map([["api", clusters], ["argo-cd", clusters.slice(0, 1)]]);

function layout(target: EnvironmentData, changes: PinChange[], clusters: string[]) {
  return layoutClusterChanges({ target, basePins: collectPins(target, PATTERNS).pins, patterns: PATTERNS, changes, placement: placement(clusters) });
}

describe("what runs in each cluster", () => {
  it("a cluster's entry decides the fields it writes; the image is one: a tag alone does not keep the component's digest", () => {
    const target = production(["eu", "us"], { 1: { api: { imageTag: "v2" } } });
    const pins = effectivePins(collectPins(target, PATTERNS).pins, clustersOf(target), PATTERNS, placement(["eu", "us"]));
    const of = (cluster: string) => Object.fromEntries(pins.filter((p) => p.cluster === cluster && p.component === "api").map((p) => [p.field, p.value]));
    expect(of("eu")).toEqual({ chartRevision: C1, imageTag: "v1", imageDigest: D1 });
    expect(of("us")).toEqual({ chartRevision: C1, imageTag: "v2", imageDigest: "" });
    // Argo CD's own component runs in the first cluster only.
    expect([...new Set(pins.filter((p) => p.component === "argo-cd").map((p) => p.cluster))]).toEqual(["eu"]);
  });
});

describe("planPromotion into several clusters", () => {
  it("changes only the step's clusters, where each component runs, and says which clusters are earlier, current and still to come", () => {
    const plan = planPromotion({ source: staging, target: production(["eu", "us", "ap"]), patterns: PATTERNS, clusters: ["us"], placement: placement(["eu", "us", "ap"]) });
    expect(plan.changes.map((c) => [c.component, c.cluster, c.field, c.from, c.to])).toEqual([
      ["api", "us", "chartRevision", C1, C2],
      ["api", "us", "imageDigest", D1, D2],
      ["api", "us", "imageTag", "v1", "v2"],
    ]);
    expect(plan.clusters).toMatchObject({ all: ["eu", "us", "ap"], step: ["us"], earlier: ["eu"], remaining: ["eu", "ap"], current: [] });
    expect(plan.clusters?.view[0]).toEqual({ component: "api", field: "chartRevision", values: { eu: C1, us: C1, ap: C1 }, to: C2 });
  });

  it("without --clusters, every cluster; Argo CD's own component only where it runs", () => {
    const plan = planPromotion({ source: staging, target: production(["eu", "us"]), patterns: PATTERNS, placement: placement(["eu", "us"]) });
    expect(plan.changes.filter((c) => c.component === "argo-cd").map((c) => c.cluster)).toEqual(["eu"]);
    expect(plan.clusters).toMatchObject({ step: ["eu", "us"], earlier: [], remaining: [] });
  });

  it("a cluster already at the promoted pins is current, not to come; a source with its own cluster pins is ambiguous (PRM026)", () => {
    const ahead = production(["eu", "us"], { 0: { api: { chartRevision: C2, imageTag: "v2", imageDigest: D2 } } });
    const plan = planPromotion({ source: staging, target: ahead, patterns: PATTERNS, components: ["api"], clusters: ["us"], placement: placement(["eu", "us"]) });
    expect(plan.clusters).toMatchObject({ earlier: ["eu"], current: ["eu"], remaining: [] });
    const diverging = { name: "staging", data: { ...(staging.data as object), clusters: [{ name: "one", pins: { api: { imageTag: "v3" } } }] } };
    expect(() => planPromotion({ source: diverging, target: ahead, patterns: PATTERNS })).toThrowError(expect.objectContaining({ code: "PRM026" }));
  });

  it("never writes a branch into production (PRM015), and takes images into staging by digest only (PRM016)", () => {
    const moving = { name: "development", data: { components: { api: { enabled: true, chartRevision: "main", imageTag: "v2", imageDigest: D2 } } } };
    expect(() => planPromotion({ source: moving, target: production(["eu"]), patterns: PATTERNS })).toThrowError(expect.objectContaining({ code: "PRM015" }));
    const byTag = { name: "development", data: { components: { api: { enabled: true, chartRevision: C2, imageTag: "main" } } } };
    const stagingTarget = { name: "staging", data: { tier: "staging", components: { api: { enabled: true, chartRevision: C1, imageTag: "v1", imageDigest: D1 } } } };
    expect(() => planPromotion({ source: byTag, target: stagingTarget, patterns: PATTERNS })).toThrowError(expect.objectContaining({ code: "PRM016", message: expect.stringContaining("api (imageTag main) would run a tag without imageDigest") }));
    // Development takes what it is given.
    expect(planPromotion({ source: byTag, target: { ...stagingTarget, name: "dev", data: { ...stagingTarget.data, tier: "development" } }, patterns: PATTERNS }).changes).toHaveLength(3);
  });
});

describe("layoutClusterChanges: components: plus the fewest cluster pins", () => {
  const step = (target: EnvironmentData, clusters: string[], only: string[]) => planPromotion({ source: staging, target, patterns: PATTERNS, components: ["api"], clusters: only, placement: placement(clusters) }).changes;

  it("a first cluster ahead gets its own pins, the environment-wide ones stay for the others; the last cluster folds them back", () => {
    const two = ["eu", "us"];
    const first = layout(production(two), step(production(two), two, ["eu"]), two);
    expect(first.base).toEqual([]);
    expect(first.pins).toEqual(new Map([[0, { api: { chartRevision: C2, imageTag: "v2", imageDigest: D2 } }]]));
    const afterEu = production(two, { 0: first.pins.get(0) as Record<string, Record<string, string>> });
    const last = layout(afterEu, step(afterEu, two, ["us"]), two);
    expect(last.base.map((b) => [b.field, b.to])).toEqual([
      ["chartRevision", C2],
      ["imageTag", "v2"],
      ["imageDigest", D2],
    ]);
    expect(last.pins).toEqual(new Map([[0, undefined]]));
  });

  it("with three clusters the environment-wide pins stay while any cluster runs them, then follow the most clusters", () => {
    const three = ["eu", "us", "ap"];
    const a = layout(production(three), step(production(three), three, ["eu", "us"]), three);
    expect([a.base, [...a.pins.keys()]]).toEqual([[], [0, 1]]);
    // Rolling ap's neighbours back is another shape: eu at C3 (hand-set), us at C2, ap at C1. Move ap to C2: nobody runs C1 any more, most run C2.
    const mixed = production(three, { 0: { api: { chartRevision: C3 } }, 1: { api: { chartRevision: C2 } } });
    const change: PinChange = { path: ["components", "api", "chartRevision"], component: "api", field: "chartRevision", from: C1, to: C2, presentInTarget: true, cluster: "ap" };
    const moved = layout(mixed, [change], three);
    expect(moved.base.map((b) => b.to)).toEqual([C2]);
    expect(moved.pins).toEqual(new Map([[1, undefined]])); // eu keeps its C3 entry as it was
  });

  it("a rebuilt image (same tag, new digest) gives the cluster the whole image, never a digest alone", () => {
    const two = ["eu", "us"];
    const change: PinChange = { path: ["components", "api", "imageDigest"], component: "api", field: "imageDigest", from: D1, to: D3, presentInTarget: true, group: "image", cluster: "us" };
    expect(layout(production(two), [change], two).pins).toEqual(new Map([[1, { api: { imageTag: "v1", imageDigest: D3 } }]]));
  });

  it("refuses a cluster that would need to say 'no image' while the others have one (PRM012)", () => {
    const two = ["eu", "us"];
    const changes: PinChange[] = ["imageTag", "imageDigest"].map((field) => ({ path: ["components", "api", field], component: "api", field, from: "x", to: "", presentInTarget: true, group: "image", cluster: "us" }));
    expect(() => layout(production(two), changes, two)).toThrowError(PromotionError);
  });
});

describe("setClusterPins", () => {
  const TEXT = `tier: production   # commit SHAs only
clusters:
  - name: eu
    region: eu-west-1
  # us is registered by a Secret from the store
  - name: us
    server: https://us.example.com
    credentials:
      secretStore: vault
      key: clusters/us
components:
  api: {enabled: true, chartRevision: '${C1}'}
`;

  it("adds, rewrites and removes a cluster's pins block and leaves every other byte", () => {
    const added = setClusterPins("e.yaml", TEXT, 1, { api: { chartRevision: C2, imageTag: "1.10" } });
    expect(added).toBe(TEXT.replace("      key: clusters/us\n", `      key: clusters/us\n    pins:\n      api:\n        chartRevision: "${C2}"\n        imageTag: "1.10"\n`));
    const rewritten = setClusterPins("e.yaml", added, 1, { api: { chartRevision: C3 } });
    expect(rewritten).toBe(TEXT.replace("      key: clusters/us\n", `      key: clusters/us\n    pins:\n      api:\n        chartRevision: "${C3}"\n`));
    expect(setClusterPins("e.yaml", rewritten, 1, undefined)).toBe(TEXT);
    // The first cluster's block goes after its last key, before the comment that belongs to the next item.
    expect(setClusterPins("e.yaml", TEXT, 0, { api: { chartRevision: C2 } })).toContain(`    region: eu-west-1\n    pins:\n      api:\n        chartRevision: "${C2}"\n  # us is registered`);
    // Scalar edits of components: still work on the result.
    expect(applyScalarEdits("e.yaml", added, [{ path: ["components", "api", "chartRevision"], value: C3 }])).toContain(`chartRevision: '${C3}'}`);
  });

  it("refuses a cluster written as a flow mapping (PRM012) rather than reformatting it", () => {
    expect(() => setClusterPins("e.yaml", "clusters:\n  - {name: eu, region: x}\n", 0, { api: { chartRevision: C2 } })).toThrowError(expect.objectContaining({ code: "PRM012" }));
  });
});
