import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleCli, validatorCodeDigest, validatorCodeInputs } from "./bundle-cli.js";

describe("the generator bundle", () => {
  it("keys cached validators by the modules that shape them, not by the whole generator", async () => {
    const inputs = await validatorCodeInputs();
    expect(inputs).toEqual(expect.arrayContaining(["tools/src/gitops/catalog-validator.ts", "tools/src/gitops/schema-validation.ts", "tools/src/gitops/helm-values.ts"]));
    expect(inputs.filter((input) => /render-environment|manifests|cli\/|plan\.ts/.test(input))).toEqual([]);
  });

  it("carries that digest, replacing the one computed from the sources", async () => {
    const bundle = readFileSync(await bundleCli("generate-gitops"), "utf8");
    expect(bundle).not.toContain("GENERATE_GITOPS_VALIDATOR_CODE");
    expect(bundle).toContain(JSON.stringify(await validatorCodeDigest()));
  });
});
