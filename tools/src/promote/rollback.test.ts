import { describe, expect, it } from "vitest";
import { PromotionError } from "./errors.js";
import type { PullSummary } from "./github-repository.js";
import { encodeMetadata, type PromotionMetadata } from "./pr-body.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { planRollback } from "./rollback.js";

const PATTERNS: PromotablePattern[] = [
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "chartRevision" }], default: "main" },
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageTag" }], default: "", group: "image" },
  { segments: [{ kind: "key", name: "components" }, { kind: "any" }, { kind: "key", name: "imageDigest" }], default: "", group: "image" },
];
const [D1, D2, D3] = [1, 2, 3].map((n) => `sha256:${String(n).repeat(64)}`) as [string, string, string];

/** A merged promotion into production that moved api from (c1, v1, D1) to (c2, v2, D2). */
function promotion(pins: PromotionMetadata["pins"]): PullSummary {
  const metadata: PromotionMetadata = { version: 1, kind: "promotion", from: "staging", to: "production", baseCommit: "0".repeat(40), pins };
  return { number: 7, nodeId: "n7", url: "https://github.example/pull/7", title: "Promote", body: encodeMetadata(metadata), headRef: "promote/staging-to-production", labels: ["promotion"], autoMergeEnabled: false, mergedAt: "2025-01-02T00:00:00Z" };
}
const pin = (field: string, from: string, to: string) => ({ component: "api", field, path: ["components", "api", field], from, to });
const PULL = promotion([pin("chartRevision", "c1", "c2"), pin("imageDigest", D1, D2), pin("imageTag", "v1", "v2")]);
const production = (api: Record<string, unknown>) => ({ name: "production", data: { tier: "production", components: { api: { enabled: true, ...api } } } });

describe("planRollback and the image group", () => {
  it("restores an image's tag and digest together", () => {
    const { plan } = planRollback({ pulls: [PULL], target: production({ chartRevision: "c2", imageTag: "v2", imageDigest: D2 }), patterns: PATTERNS });
    expect(plan.changes.map((c) => [c.field, c.to])).toEqual([
      ["chartRevision", "c1"],
      ["imageDigest", D1],
      ["imageTag", "v1"],
    ]);
  });

  it("leaves both alone when one of them changed since: the old tag never runs under a newer digest", () => {
    const { plan } = planRollback({ pulls: [PULL], target: production({ chartRevision: "c2", imageTag: "v2", imageDigest: D3 }), patterns: PATTERNS });
    expect(plan.changes.map((c) => [c.field, c.to])).toEqual([["chartRevision", "c1"]]);
    expect(plan.skipped).toEqual([
      { component: "api", reason: `imageDigest changed since #7 set it to ${D2} (now ${D3}); left as is` },
      { component: "api", reason: "imageTag is restored only together with imageDigest (the image pins name one thing); left as is" },
    ]);
  });

  it("PRM014 when the pins before the promotion had no digest (a record from before digests) and production needs one", () => {
    const older = promotion([pin("imageDigest", "", D2), pin("imageTag", "v1", "v2")]);
    const attempt = () => planRollback({ pulls: [older], target: production({ chartRevision: "c2", imageTag: "v2", imageDigest: D2 }), patterns: PATTERNS });
    expect(attempt).toThrowError(PromotionError);
    expect(attempt).toThrowError("production pulls images by digest, but api (imageTag v1) would run without imageDigest: the pins before #7 have no imageDigest for it. Nothing was changed.");
  });
});
