import { describe, expect, it } from "vitest";
import { PromotionError } from "./errors.js";
import { collectPins, planPromotion } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";

const PATTERNS: PromotablePattern[] = [
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "chartRevision" }], default: "main" },
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageTag" }], default: "latest" },
];

const staging = {
  name: "staging",
  data: {
    domain: "staging.example.com",
    components: {
      api: { enabled: true, chartRevision: "v2.0.0", imageTag: "v2.0.0", namespace: "api-staging" },
      web: { enabled: true, chartRevision: "v1.5.0", imageTag: "v1.4.0" },
      worker: { enabled: true, chartRevision: "v3.0.0", imageTag: "v3.0.0" },
      docs: { enabled: true, chartRevision: "v1.0.0", imageTag: "v1.0.0" },
      beta: { enabled: true, chartRevision: "v0.9.0", imageTag: "v0.9.0" },
    },
  },
};
const production = {
  name: "production",
  data: {
    domain: "example.com",
    components: {
      api: { enabled: true, chartRevision: "v1.0.0", imageTag: "v1.0.0", namespace: "api-prod" },
      web: { enabled: true, chartRevision: "v1.5.0", imageTag: "v1.3.0" },
      worker: { enabled: false },
      docs: { enabled: true, chartRevision: "v1.0.0", imageTag: "v1.0.0" },
      legacy: { enabled: true, chartRevision: "v0.1.0", imageTag: "v0.1.0" },
    },
  },
};

describe("planPromotion", () => {
  it("lists exactly the promotable pins that differ, component by component", () => {
    const plan = planPromotion({ source: staging, target: production, patterns: PATTERNS });
    expect(plan.changes.map((c) => [c.component, c.field, c.from, c.to])).toEqual([
      ["api", "chartRevision", "v1.0.0", "v2.0.0"],
      ["api", "imageTag", "v1.0.0", "v2.0.0"],
      ["web", "imageTag", "v1.3.0", "v1.4.0"],
    ]);
    expect(plan.changes.every((c) => c.presentInTarget)).toBe(true);
    expect(plan.unchanged).toBe(3); // web chartRevision, docs chartRevision and imageTag
    expect(plan.skipped).toEqual([
      { component: "beta", reason: "not listed in production; add it there first (enabling a component is a decision per environment)" },
      { component: "legacy", reason: "not listed in staging" },
      { component: "worker", reason: "disabled in production" },
    ]);
  });

  it("never plans an environment-specific value (namespace, domain, enabled)", () => {
    const plan = planPromotion({ source: staging, target: production, patterns: PATTERNS });
    const fields = new Set(plan.changes.map((c) => c.path.at(-1)));
    expect([...fields].sort()).toEqual(["chartRevision", "imageTag"]);
    expect(plan.changes.some((c) => c.path.includes("namespace") || c.path[0] === "domain")).toBe(false);
  });

  it("limits the plan to --components and rejects names neither environment lists", () => {
    const plan = planPromotion({ source: staging, target: production, patterns: PATTERNS, components: ["web"] });
    expect(plan.changes.map((c) => `${c.component}.${c.field}`)).toEqual(["web.imageTag"]);
    expect(() => planPromotion({ source: staging, target: production, patterns: PATTERNS, components: ["web", "nope"] })).toThrowError(/PRM003|"nope"/);
    try {
      planPromotion({ source: staging, target: production, patterns: PATTERNS, components: ["nope"] });
    } catch (error) {
      expect((error as PromotionError).code).toBe("PRM003");
    }
  });

  it("compares against schema defaults when a key is left out, and marks keys to add", () => {
    const source = { name: "a", data: { components: { x: { enabled: true, chartRevision: "v2" } } } };
    const target = { name: "b", data: { components: { x: { enabled: true, imageTag: "v1" } } } };
    const plan = planPromotion({ source, target, patterns: PATTERNS });
    expect(plan.changes).toEqual([
      { path: ["components", "x", "chartRevision"], component: "x", field: "chartRevision", from: "main", to: "v2", presentInTarget: false },
      { path: ["components", "x", "imageTag"], component: "x", field: "imageTag", from: "v1", to: "latest", presentInTarget: true },
    ]);
  });

  it("plans environment-wide pins (no wildcard) unless --components narrows the promotion", () => {
    const patterns: PromotablePattern[] = [{ segments: [{ kind: "key", name: "argocd" }, { kind: "key", name: "version" }], default: undefined }];
    const plan = planPromotion({ source: { name: "a", data: { argocd: { version: "v3.4.8" } } }, target: { name: "b", data: { argocd: { version: "v3.4.1" } } }, patterns });
    expect(plan.changes.map((c) => [c.component, c.field, c.to])).toEqual([["", "argocd.version", "v3.4.8"]]);
  });

  describe("image pins: tag and digest", () => {
    const IMAGE_PATTERNS: PromotablePattern[] = [
      ...PATTERNS.slice(0, 1),
      { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageTag" }], default: "", group: "image" },
      { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageDigest" }], default: "", group: "image" },
    ];
    const [D1, D2] = [`sha256:${"1".repeat(64)}`, `sha256:${"2".repeat(64)}`];
    const env = (name: string, tier: string, api: Record<string, unknown>) => ({ name, data: { tier, components: { api: { enabled: true, chartRevision: "c1", ...api }, web: { enabled: true, chartRevision: "c1", imageTag: "v1", imageDigest: D1 } } } });

    it("moves a new image as its tag and its digest, both in the image group", () => {
      const plan = planPromotion({ source: env("staging", "staging", { imageTag: "v2", imageDigest: D2 }), target: env("production", "production", { imageTag: "v1", imageDigest: D1 }), patterns: IMAGE_PATTERNS });
      expect(plan.changes.map((c) => [c.component, c.field, c.from, c.to, c.group])).toEqual([
        ["api", "imageDigest", D1, D2, "image"],
        ["api", "imageTag", "v1", "v2", "image"],
      ]);
      // A digest the target lacks is added (after imageTag when the file is edited).
      const added = planPromotion({ source: env("staging", "staging", { imageTag: "v2", imageDigest: D2 }), target: env("qa", "staging", { imageTag: "v1" }), patterns: IMAGE_PATTERNS });
      expect(added.changes.find((c) => c.field === "imageDigest")).toMatchObject({ from: "", to: D2, presentInTarget: false });
    });

    it("PRM014: a tag without its digest cannot reach production, whether the digest would be dropped or left behind", () => {
      const source = env("staging", "staging", { imageTag: "v2" });
      const attempt = () => planPromotion({ source, target: env("production", "production", { imageTag: "v1", imageDigest: D1 }), patterns: IMAGE_PATTERNS });
      expect(attempt).toThrowError(PromotionError);
      try {
        attempt();
      } catch (error) {
        expect((error as PromotionError).code).toBe("PRM014");
        expect((error as PromotionError).message).toBe("production pulls images by digest, but api (imageTag v2) would run without imageDigest: environments/staging/environment.yaml has no imageDigest for it. Nothing was changed.");
        expect((error as PromotionError).fix).toContain("as imageDigest in environments/staging/environment.yaml");
      }
      // Narrowed to a component whose image does not move, the promotion goes through.
      expect(planPromotion({ source, target: env("production", "production", { imageTag: "v1", imageDigest: D1 }), patterns: IMAGE_PATTERNS, components: ["web"] }).changes).toEqual([]);
      // Staging takes images by digest from a promotion too (PRM016: a tag can be pushed again).
      expect(() => planPromotion({ source, target: env("qa", "staging", { imageTag: "v1", imageDigest: D1 }), patterns: IMAGE_PATTERNS })).toThrowError(expect.objectContaining({ code: "PRM016" }));
      // Into development the missing digest is carried as such: the target's old digest is not kept under the new tag.
      const development = planPromotion({ source, target: env("qa", "development", { imageTag: "v1", imageDigest: D1 }), patterns: IMAGE_PATTERNS });
      expect(development.changes.map((c) => [c.field, c.to])).toEqual([
        ["imageDigest", ""],
        ["imageTag", "v2"],
      ]);
    });
  });

  it("rejects a promotable value that is not a plain scalar", () => {
    const bad = { name: "staging", data: { components: { api: { enabled: true, chartRevision: ["v1"], imageTag: "v1" } } } };
    expect(() => collectPins(bad, PATTERNS)).toThrowError(PromotionError);
  });
});
