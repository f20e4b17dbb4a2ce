import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MODULE = fileURLToPath(new URL("./young-generation.ts", import.meta.url));

/** The new space's size (both semi-spaces, bytes) before and after allocating objects of which a quarter survive, in a fresh process. */
function newSpaceAllocating(keepSmall: boolean): { before: number; after: number } {
  const script = `
    import { getHeapSpaceStatistics } from "node:v8";
    import { keepYoungGenerationSmall } from ${JSON.stringify(MODULE)};
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
    if (${keepSmall}) keepYoungGenerationSmall();
    const before = newSpace();
    const kept = [];
    for (let i = 0; i < 1_000_000; i++) { const o = { i, text: "value " + i }; if (i % 4 === 0) kept.push(o); }
    console.log(before, newSpace(), kept.length);`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(child.stderr).toBe("");
  const [before, after, kept] = child.stdout.trim().split(" ").map(Number);
  expect(kept).toBe(250_000);
  return { before: before as number, after: after as number };
}

describe("keepYoungGenerationSmall", () => {
  it("stops V8 from growing the new space, which otherwise grows under the same allocations", () => {
    const grows = newSpaceAllocating(false);
    expect(grows.after).toBeGreaterThanOrEqual(2 * grows.before);
    const kept = newSpaceAllocating(true);
    expect(kept.after).toBe(kept.before);
    expect(kept.after).toBeLessThan(grows.after);
  });
});
