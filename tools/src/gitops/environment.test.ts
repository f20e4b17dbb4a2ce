import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import { checkEnvironmentText } from "./environment.js";
import { formatProblem } from "./problems.js";

const schema = JSON.parse(readFileSync(join(repoRoot, "schemas/environment.json"), "utf8")) as JsonSchema;
const staging = readFileSync(join(repoRoot, "environments/staging/environment.yaml"), "utf8");

describe("checkEnvironmentText (the generator's checks for a promotion's source environment)", () => {
  it("accepts the committed staging environment and fills in its defaults", () => {
    const result = checkEnvironmentText("staging", staging, schema);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.environment?.name).toBe("staging");
    expect(Object.keys(result.environment?.components ?? {}).length).toBeGreaterThan(0);
  });

  it("refuses an environment that is a list instead of reading it as no pins", () => {
    const result = checkEnvironmentText("staging", "- name: staging\n- components: {}\n", schema);
    expect(result.environment).toBeUndefined();
    expect(result.problems.map((p) => [p.code, p.file, p.location?.line])).toEqual([["GEN003", "environments/staging/environment.yaml", 1]]);
  });

  it("refuses a name that is not the directory's", () => {
    const result = checkEnvironmentText("production", staging, schema);
    expect(result.problems.map((p) => p.code)).toEqual(["GEN006"]);
  });
});
