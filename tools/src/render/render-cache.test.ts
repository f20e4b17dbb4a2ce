import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedHelm } from "./render-cache.js";

const scratch = mkdtempSync(join(tmpdir(), "render-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function chart(dir: string, data: string): string {
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
  writeFileSync(join(dir, "templates", "cm.yaml"), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  value: ${data}\n`);
  return dir;
}

describe("cachedHelm", () => {
  const cacheDir = join(scratch, "cache");

  it("renders once per content: the same chart again is served from the cache, a changed byte is rendered anew", () => {
    const dir = chart(join(scratch, "a"), "one");
    const first = cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.cached).toBe(false);
    const again = cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir });
    expect(again).toEqual({ ...first, cached: true });
    // The same content at another path is the same render.
    const copy = chart(join(scratch, "b"), "one");
    expect(cachedHelm("helm", ["template", "demo", copy], [copy], { cacheDir }).cached).toBe(true);
    chart(dir, "two");
    const changed = cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir, fresh: true });
    expect(changed.cached).toBe(false);
    expect(changed.stdout).toContain("value: two");
  });

  it("keys by the Helm binary too: Helm 3 and Helm 4 renders of one chart are separate entries", () => {
    const dir = chart(join(scratch, "c"), "three");
    expect(cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir }).cached).toBe(false);
    expect(cachedHelm("helm3", ["template", "demo", dir], [dir], { cacheDir }).cached).toBe(false);
  });
});
