import { expect, it } from "vitest";
import { applicationCharts } from "../../tools/src/charts/discover.js";
import { repoRoot } from "../../tools/src/paths.js";
import { HARNESS_SHARDS, harnessCharts } from "./support/chart-harness.js";

it("finds the charts to test, and its shards (chart-harness-<n>.test.ts) cover each chart exactly once", () => {
  const all = applicationCharts(repoRoot).map((c) => c.name).sort();
  expect(all.length).toBeGreaterThan(0);
  const sharded = Array.from({ length: HARNESS_SHARDS }, (_v, i) => harnessCharts(i + 1).map((c) => c.name)).flat().sort();
  if (!process.env.CHARTS) expect(sharded).toEqual(all);
  for (let shard = 1; shard <= HARNESS_SHARDS; shard++) expect(harnessCharts(shard).length, `shard ${shard}`).toBeGreaterThan(0);
});
