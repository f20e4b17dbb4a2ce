import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../paths.js";
import { parsePromotionConfig, readPromotionConfig } from "./config.js";
import { trainMatrix } from "./train.js";

const ENVIRONMENTS: Record<string, string[]> = { development: [], staging: [], production: ["eu", "us"] };
const clustersOf = (environment: string) => ENVIRONMENTS[environment];
const step = (from: string, to: string, clusters: string[] = []) => ({ from, to, clusters });

describe("the release train of .github/promotion.yml", () => {
  it("parses train: steps strictly (PRM007 naming the step)", () => {
    expect(parsePromotionConfig("train:\n  - {from: development, to: staging}\n  - {from: staging, to: production, clusters: [eu, eu]}\n").train).toEqual([step("development", "staging"), step("staging", "production", ["eu"])]);
    expect(() => parsePromotionConfig("train: {from: a, to: b}\n")).toThrowError(/train must be a list of steps/);
    expect(() => parsePromotionConfig("train:\n  - {from: staging, to: production, cluster: [eu]}\n")).toThrowError('train[0] has the unknown key "cluster" (known: from, to, clusters).');
    expect(() => parsePromotionConfig("train:\n  - {from: staging, to: staging}\n")).toThrowError("train[0] promotes staging into itself.");
    expect(() => parsePromotionConfig("train:\n  - {from: staging, to: production, clusters: []}\n")).toThrowError(/train\[0\]\.clusters must be a non-empty list/);
  });

  it("becomes the workflow's matrix when it fits the environments", () => {
    expect(trainMatrix([step("development", "staging"), step("staging", "production", ["eu"]), step("staging", "production", ["us"])], clustersOf)).toEqual([
      { name: "development → staging", from: "development", to: "staging", clusters: "" },
      { name: "staging → production (eu)", from: "staging", to: "production", clusters: "eu" },
      { name: "staging → production (us)", from: "staging", to: "production", clusters: "us" },
    ]);
  });

  it.each([
    ["an environment that does not exist", [step("dev", "staging")], "environments/dev/environment.yaml does not exist"],
    ["a cluster the target does not list", [step("staging", "production", ["eu", "ap"])], "production lists no cluster ap (clusters: eu, us)"],
    ["clusters for a target in one cluster", [step("development", "staging", ["eu"])], "staging runs in one cluster"],
    ["a later cluster before an earlier one", [step("staging", "production", ["us"]), step("staging", "production", ["eu"])], "reaches eu after us, which production lists later"],
    ["a cluster no step reaches", [step("staging", "production", ["eu"])], "no step reaches us of production"],
  ])("refuses %s (PRM007)", (_, train, message) => {
    expect(() => trainMatrix(train, clustersOf)).toThrowError(expect.objectContaining({ code: "PRM007", message: expect.stringContaining(message) }));
  });

  it("the committed train fits the committed environments", () => {
    const config = readPromotionConfig(repoRoot);
    const committed = (environment: string) => {
      try {
        const data = parse(readFileSync(join(repoRoot, "environments", environment, "environment.yaml"), "utf8")) as { clusters?: Array<{ name: string }> };
        return (data.clusters ?? []).map((c) => c.name);
      } catch {
        return undefined;
      }
    };
    expect(trainMatrix(config.train, committed).map((s) => s.name)).toEqual(["development → staging", "staging → production (eu)", "staging → production (us)"]);
  });
});
