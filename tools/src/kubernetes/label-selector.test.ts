import { describe, expect, it } from "vitest";
import { LabelSelectorError, selectorMatches, selectsEverything } from "./label-selector.js";

const pod = { "app.kubernetes.io/name": "api", "app.kubernetes.io/component": "server", tier: "web" };

describe("selectorMatches", () => {
  it("selects everything with an empty selector and nothing with a null one", () => {
    expect(selectorMatches({}, pod)).toBe(true);
    expect(selectorMatches({}, {})).toBe(true);
    expect(selectorMatches({ matchLabels: {}, matchExpressions: [] }, pod)).toBe(true);
    expect(selectorMatches(null, pod)).toBe(false);
    expect(selectorMatches(undefined, pod)).toBe(false);
  });

  it("needs every matchLabels pair", () => {
    expect(selectorMatches({ matchLabels: { "app.kubernetes.io/name": "api" } }, pod)).toBe(true);
    expect(selectorMatches({ matchLabels: { "app.kubernetes.io/name": "api", tier: "db" } }, pod)).toBe(false);
    expect(selectorMatches({ matchLabels: { missing: "" } }, pod)).toBe(false);
    expect(selectorMatches({ matchLabels: { missing: "" } }, { missing: "" })).toBe(true);
  });

  it("evaluates In, NotIn, Exists and DoesNotExist, ANDed with matchLabels", () => {
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["web", "db"] }] }, pod)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["db"] }] }, pod)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "missing", operator: "In", values: ["x"] }] }, pod)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["db"] }] }, pod)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["web"] }] }, pod)).toBe(false);
    // NotIn matches objects without the key at all.
    expect(selectorMatches({ matchExpressions: [{ key: "missing", operator: "NotIn", values: ["x"] }] }, pod)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "Exists" }] }, pod)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "missing", operator: "Exists" }] }, pod)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "missing", operator: "DoesNotExist" }] }, pod)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, pod)).toBe(false);
    expect(selectorMatches({ matchLabels: { tier: "web" }, matchExpressions: [{ key: "app.kubernetes.io/component", operator: "In", values: ["worker"] }] }, pod)).toBe(false);
  });

  it("refuses the requirements the API server refuses, instead of guessing", () => {
    expect(() => selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: [] }] }, pod)).toThrow(LabelSelectorError);
    expect(() => selectorMatches({ matchExpressions: [{ key: "tier", operator: "Exists", values: ["web"] }] }, pod)).toThrow(/takes no values/);
    expect(() => selectorMatches({ matchExpressions: [{ key: "tier", operator: "Equals", values: ["web"] }] }, pod)).toThrow(/unknown operator "Equals"/);
  });

  it("does not take inherited properties for labels", () => {
    expect(selectorMatches({ matchExpressions: [{ key: "toString", operator: "Exists" }] }, pod)).toBe(false);
    expect(selectorMatches({ matchLabels: { constructor: "x" } }, pod)).toBe(false);
  });
});

describe("selectsEverything", () => {
  it("is true only for an empty selector", () => {
    expect(selectsEverything({})).toBe(true);
    expect(selectsEverything({ matchLabels: {} })).toBe(true);
    expect(selectsEverything({ matchLabels: { a: "b" } })).toBe(false);
    expect(selectsEverything({ matchExpressions: [{ key: "a", operator: "Exists" }] })).toBe(false);
    expect(selectsEverything(null)).toBe(false);
  });
});
