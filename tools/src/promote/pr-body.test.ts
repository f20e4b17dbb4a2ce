import { describe, expect, it } from "vitest";
import type { ManifestDiff } from "./manifest-diff.js";
import { decodeMetadata, diffBlocks, encodeMetadata, GITHUB_BODY_LIMIT, isContinuationComment, metadataOf, renderPrBody, type PrBodyInput } from "./pr-body.js";
import type { PromotionPlan } from "./plan.js";

const plan: PromotionPlan = {
  kind: "promotion",
  from: "staging",
  to: "production",
  changes: [
    { path: ["components", "api", "chartRevision"], component: "api", field: "chartRevision", from: "v1.0.0", to: "v1.1.0", presentInTarget: true },
    { path: ["components", "api", "imageTag"], component: "api", field: "imageTag", from: "v1.0.0", to: "v1.1.0", presentInTarget: true },
  ],
  skipped: [{ component: "worker", reason: "disabled in production" }],
  unchanged: 1,
};

function input(diffs: ManifestDiff[], extra: Partial<PrBodyInput> = {}): PrBodyInput {
  return {
    plan,
    metadata: metadataOf(plan, "a".repeat(40), {}),
    links: new Map([[plan.changes[0] as PromotionPlan["changes"][number], [{ text: "compare", url: "https://github.com/o/r/compare/v1.0.0...v1.1.0" }]]]),
    diffs,
    baseBranch: "main",
    baseCommit: "a".repeat(40),
    fileCount: 3,
    freezeReasons: [],
    notes: [],
    command: "nx run generate:promote -- --from staging --to production",
    ...extra,
  };
}

function bigDiff(component: string, lines: number): ManifestDiff {
  const body = Array.from({ length: lines }, (_, i) => `+  line-${component}-${i}: ${"x".repeat(60)}`);
  return { component, diff: [`--- a/production/${component}`, `+++ b/production/${component}`, "@@ -1,0 +1,1 @@", ...body].join("\n") + "\n" };
}

describe("promotion metadata", () => {
  it("round-trips through the hidden block, even with --> in a value", () => {
    const metadata = metadataOf(plan, "b".repeat(40), { overrideFreeze: "hotfix --> now <b>", rollbackOf: 7 });
    const body = `intro\n${encodeMetadata(metadata)}\nrest`;
    expect(body.match(/-->/g)?.length).toBe(1);
    expect(decodeMetadata(body)).toEqual(metadata);
  });

  it("ignores bodies without a block or with a damaged one", () => {
    expect(decodeMetadata("no metadata here")).toBeUndefined();
    expect(decodeMetadata(null)).toBeUndefined();
    expect(decodeMetadata("<!-- promotion-metadata:v1\n{not json\n-->")).toBeUndefined();
    expect(decodeMetadata('<!-- promotion-metadata:v1\n{"version":2,"kind":"promotion","to":"p","pins":[]}\n-->')).toBeUndefined();
  });
});

describe("renderPrBody", () => {
  it("renders the pin table with provenance, skipped components and the folded diff", () => {
    const { body, continuations } = renderPrBody(input([bigDiff("api", 3)]));
    expect(continuations).toEqual([]);
    expect(body).toContain("| api | `chartRevision` | `v1.0.0` | `v1.1.0` | [compare](https://github.com/o/r/compare/v1.0.0...v1.1.0) |");
    expect(body).toContain("| api | `imageTag` | `v1.0.0` | `v1.1.0` | — |");
    expect(body).toContain("- worker: disabled in production");
    expect(body).toContain("<details><summary>api: rendered diff</summary>");
    expect(body).toContain("```diff\n--- a/production/api");
    expect(decodeMetadata(body)?.pins).toHaveLength(2);
    expect(body).not.toContain("Freeze window overridden");
  });

  it("states a freeze override and its reason", () => {
    const { body } = renderPrBody(input([], { overrideReason: "INC-42 | hotfix", freezeReasons: ["deny window #1 is active"] }));
    expect(body).toContain("**Freeze window overridden.** INC-42 \\| hotfix");
    expect(body).toContain("> - deny window #1 is active");
  });

  it("splits a diff over the limit into the description and continuation comments, losing no line", () => {
    const diffs = [bigDiff("api", 2500), bigDiff("web", 10)];
    const { body, continuations } = renderPrBody(input(diffs));
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(continuations.length).toBeGreaterThan(1);
    for (const part of continuations) {
      expect(part.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(isContinuationComment(part)).toBe(true);
    }
    expect(body).toContain(`continues in ${continuations.length} comment(s)`);
    expect(decodeMetadata(body)).toBeDefined();
    const all = [body, ...continuations].join("\n");
    const diffLines = (text: string) => text.split("\n").filter((l) => /^(\+ {2}line-|--- a\/|\+\+\+ b\/|@@)/.test(l));
    expect(diffLines(all)).toEqual(diffs.flatMap((d) => d.diff.trimEnd().split("\n")));
  });

  it("honours a smaller limit, and fails with PRM047 when even the table does not fit", () => {
    const { body, continuations } = renderPrBody(input([bigDiff("api", 200)], { limit: 8000 }));
    expect(body.length).toBeLessThanOrEqual(8000);
    expect(continuations.every((c) => c.length <= 8000)).toBe(true);
    expect(() => renderPrBody(input([bigDiff("api", 200)], { limit: 500 }))).toThrowError(/PRM047|characters before any diff/);
  });
});

describe("diffBlocks", () => {
  it("uses a fence longer than any backtick run in the diff", () => {
    const [block] = diffBlocks([{ component: "api", diff: "+ value: ````x````\n" }], 10_000);
    expect(block).toContain("`````diff\n");
  });

  it("shows a note for a component without a rendered diff", () => {
    expect(diffBlocks([{ component: "api", diff: "", note: "the rendered manifests are identical" }], 1000)[0]).toContain("api: the rendered manifests are identical");
  });
});
