import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { escapingSymlinks } from "./commit-snapshot.js";

const scratch = mkdtempSync(join(tmpdir(), "commit-snapshot-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("escapingSymlinks", () => {
  it("keeps links inside the tree and reports absolute, climbing, chained and dangling ones", () => {
    const dir = join(scratch, "tree");
    mkdirSync(join(dir, "charts", "app", "charts"), { recursive: true });
    mkdirSync(join(dir, "charts", "common"), { recursive: true });
    mkdirSync(join(dir, "y"), { recursive: true });
    writeFileSync(join(dir, "charts", "common", "Chart.yaml"), "name: common\n");
    symlinkSync("../../common", join(dir, "charts", "app", "charts", "common"));
    symlinkSync("/proc/self/environ", join(dir, "charts", "leak"));
    symlinkSync("../../..", join(dir, "charts", "app", "up"));
    // Looks inside by its text, leaves once y/up is followed.
    symlinkSync("../..", join(dir, "y", "up"));
    symlinkSync("y/up/../..", join(dir, "chained"));
    symlinkSync("missing-file", join(dir, "dangling"));
    expect(escapingSymlinks(dir)).toEqual([
      "chained -> y/up/../..",
      "charts/app/up -> ../../..",
      "charts/leak -> /proc/self/environ",
      "dangling -> missing-file (dangling)",
      "y/up -> ../..",
    ]);
  });
});
