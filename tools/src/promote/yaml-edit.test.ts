import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { PromotionError } from "./errors.js";
import { applyScalarEdits } from "./yaml-edit.js";

const FILE = `# yaml-language-server: $schema=../../schemas/environment.json
# Production: promoted pins only.
name: production
tier: production   # immutable pins only
components:
  # alpha has its own namespace.
  alpha:
    enabled: true
    chartRevision: v0.1.0     # promoted 2025-01-01
    imageTag: "v1.0.0"
    namespace: alpha-prod

  beta: { enabled: true, chartRevision: 'v0.1.0', imageTag: v1.0.0, serverSideApply: true }
  gamma:
    enabled: false
`;

describe("applyScalarEdits", () => {
  it("changes only the bytes of the edited scalars, keeping quoting, comments, blank lines and flow style", () => {
    const out = applyScalarEdits("environment.yaml", FILE, [
      { path: ["components", "alpha", "chartRevision"], value: "v0.2.0" },
      { path: ["components", "alpha", "imageTag"], value: "v1.1.0" },
      { path: ["components", "beta", "chartRevision"], value: "v0.2.0" },
    ]);
    const expected = FILE.replace("chartRevision: v0.1.0     #", "chartRevision: v0.2.0     #").replace('imageTag: "v1.0.0"', 'imageTag: "v1.1.0"').replace("chartRevision: 'v0.1.0'", "chartRevision: 'v0.2.0'");
    expect(out).toBe(expected);
    expect(Buffer.from(out).length).toBe(Buffer.from(FILE).length);
  });

  it("is what a reformatting round trip would not be (the fixture has formatting to lose)", () => {
    const document = parseDocument(FILE);
    document.setIn(["components", "alpha", "chartRevision"], "v0.2.0");
    expect(document.toString()).not.toBe(FILE.replace("chartRevision: v0.1.0", "chartRevision: v0.2.0"));
  });

  it("quotes a new value that would not read back as the same string", () => {
    const out = applyScalarEdits("f.yaml", "tag: v1   # keep\nother: x\n", [{ path: ["tag"], value: "123" }]);
    expect(out).toBe('tag: "123"   # keep\nother: x\n');
    expect(parse(out)).toEqual({ tag: "123", other: "x" });
    const colon = applyScalarEdits("f.yaml", "tag: v1\n", [{ path: ["tag"], value: "a: b" }]);
    expect(parse(colon)).toEqual({ tag: "a: b" });
  });

  it("adds a missing key as one line with the mapping's indentation, or inside a flow mapping", () => {
    const block = applyScalarEdits("f.yaml", "components:\n  a:\n    enabled: true # on\n    namespace: x\n  b: {enabled: true}\nlast: 1\n", [
      { path: ["components", "a", "imageTag"], value: "v2" },
      { path: ["components", "b", "imageTag"], value: "v3" },
    ]);
    expect(block).toBe("components:\n  a:\n    enabled: true # on\n    namespace: x\n    imageTag: v2\n  b: {enabled: true, imageTag: v3}\nlast: 1\n");
  });

  it("adds a missing key after the sibling it belongs with (an image's digest after its tag), in block and flow mappings", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    const out = applyScalarEdits("environment.yaml", FILE, [
      { path: ["components", "alpha", "imageDigest"], value: digest, after: "imageTag" },
      { path: ["components", "beta", "imageDigest"], value: digest, after: "imageTag" },
      { path: ["components", "gamma", "imageDigest"], value: digest, after: "imageTag" },
    ]);
    expect(out).toBe(
      FILE.replace('    imageTag: "v1.0.0"\n', `    imageTag: "v1.0.0"\n    imageDigest: ${digest}\n`)
        .replace("imageTag: v1.0.0, serverSideApply", `imageTag: v1.0.0, imageDigest: ${digest}, serverSideApply`)
        .replace("  gamma:\n    enabled: false\n", `  gamma:\n    enabled: false\n    imageDigest: ${digest}\n`), // no imageTag there: at the end
    );
  });

  it("leaves a file alone when the values are already set", () => {
    expect(applyScalarEdits("f.yaml", FILE, [{ path: ["components", "alpha", "imageTag"], value: "v1.0.0" }])).toBe(FILE);
  });

  it("refuses aliases and block scalars instead of rewriting them", () => {
    const aliased = "base: &tag v1\ncomponents:\n  a:\n    imageTag: *tag\n";
    expect(() => applyScalarEdits("f.yaml", aliased, [{ path: ["components", "a", "imageTag"], value: "v2" }])).toThrowError(/PRM012|alias/);
    const block = "components:\n  a:\n    imageTag: |\n      v1\n";
    expect(() => applyScalarEdits("f.yaml", block, [{ path: ["components", "a", "imageTag"], value: "v2" }])).toThrowError(PromotionError);
  });

  it("refuses to add a key under a parent that is missing or not a mapping", () => {
    expect(() => applyScalarEdits("f.yaml", "components:\n  a: 1\n", [{ path: ["components", "a", "imageTag"], value: "v2" }])).toThrowError(/PRM012|not a mapping/);
  });

  it("reports malformed YAML with the file name", () => {
    expect(() => applyScalarEdits("environments/x/environment.yaml", "a: [\n", [{ path: ["a"], value: "b" }])).toThrowError(/environments\/x\/environment\.yaml: malformed YAML/);
  });
});
