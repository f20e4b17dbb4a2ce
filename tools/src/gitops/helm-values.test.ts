import { describe, expect, it } from "vitest";
import { mergeHelmValues, setHelmParameter } from "./helm-values.js";

describe("mergeHelmValues (Helm's coalescing of a values file over values.yaml)", () => {
  const chart = { replicaCount: 2, image: { repository: "app", tag: "" }, tolerations: [{ key: "a" }], pdb: { enabled: true, maxUnavailable: 1 } };

  it("merges maps key by key and lets the override win on scalars", () => {
    expect(mergeHelmValues(chart, { replicaCount: 3, image: { tag: "v1" } })).toEqual({ ...chart, replicaCount: 3, image: { repository: "app", tag: "v1" } });
  });

  it("replaces lists instead of merging them", () => {
    expect(mergeHelmValues(chart, { tolerations: [{ key: "b" }] })).toMatchObject({ tolerations: [{ key: "b" }] });
  });

  it("deletes a key set to null, and drops nulls that have nothing to delete", () => {
    const merged = mergeHelmValues(chart, { pdb: { maxUnavailable: null }, extra: { a: null, b: 1 } }) as Record<string, unknown>;
    expect(merged.pdb).toEqual({ enabled: true });
    expect(merged.extra).toEqual({ b: 1 });
  });

  it("replaces a map by a scalar and a scalar by a map", () => {
    expect(mergeHelmValues({ a: { b: 1 } }, { a: "x" })).toEqual({ a: "x" });
    expect(mergeHelmValues({ a: "x" }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it("does not modify its inputs", () => {
    const base = structuredClone(chart);
    const override = { image: { tag: "v1" } };
    mergeHelmValues(base, override);
    expect(base).toEqual(chart);
    expect(override).toEqual({ image: { tag: "v1" } });
  });
});

describe("setHelmParameter (Argo CD helm.parameters / --set)", () => {
  it("sets a dotted path, creating maps on the way, without touching the input", () => {
    const values = { image: { repository: "app" } };
    expect(setHelmParameter(values, "image.tag", "v1")).toEqual({ image: { repository: "app", tag: "v1" } });
    expect(setHelmParameter({}, "a.b.c", 1)).toEqual({ a: { b: { c: 1 } } });
    expect(values).toEqual({ image: { repository: "app" } });
  });
});
