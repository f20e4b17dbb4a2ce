import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { cachedHelm, prefetchRenders } from "./render-cache.js";

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

describe("the render key", () => {
  const cacheDir = join(scratch, "keys");

  it("is every input of the render: the values' bytes (not their path) and every flag", () => {
    const dir = chart(join(scratch, "d"), "four");
    const values = join(scratch, "values.yaml");
    writeFileSync(values, "a: 1\n");
    const args = (file: string, kube = "1.33.0") => ["template", "demo", dir, "--values", file, "--kube-version", kube, "--api-versions", "policy/v1"];
    expect(cachedHelm("helm", args(values), [dir, values], { cacheDir }).cached).toBe(false);
    expect(cachedHelm("helm", args(values), [dir, values], { cacheDir }).cached).toBe(true);
    const sameBytes = join(scratch, "same-values.yaml");
    writeFileSync(sameBytes, "a: 1\n");
    expect(cachedHelm("helm", args(sameBytes), [dir, sameBytes], { cacheDir }).cached).toBe(true);
    writeFileSync(values, "a: 2\n");
    expect(cachedHelm("helm", args(values), [dir, values], { cacheDir, fresh: true }).cached).toBe(false);
    expect(cachedHelm("helm", args(values, "1.32.0"), [dir, values], { cacheDir }).cached).toBe(false);
    expect(cachedHelm("helm", [...args(values), "--api-versions", "monitoring.coreos.com/v1"], [dir, values], { cacheDir }).cached).toBe(false);
  });

  it("is the Helm binary as it is on disk: the same path rewritten is a new key", () => {
    const fake = join(scratch, "fake-helm");
    writeFileSync(fake, "#!/bin/sh\necho one\n", { mode: 0o755 });
    const dir = chart(join(scratch, "e"), "five");
    vi.stubEnv("HELM_BIN", fake);
    try {
      const first = cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir });
      expect([first.cached, first.stdout]).toEqual([false, "one\n"]);
      expect(cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir }).cached).toBe(true);
      // Same size, same path: only the file's identity (its change time) tells the new binary.
      writeFileSync(fake, "#!/bin/sh\necho two\n", { mode: 0o755 });
      const second = cachedHelm("helm", ["template", "demo", dir], [dir], { cacheDir });
      expect([second.cached, second.stdout]).toEqual([false, "two\n"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("prefetchRenders", () => {
  it("renders what the cache lacks, once per key, and cachedHelm then reads exactly what it would have rendered", async () => {
    const cacheDir = join(scratch, "prefetch");
    const good = chart(join(scratch, "f"), "six");
    const twin = chart(join(scratch, "g"), "six");
    const bad = chart(join(scratch, "h"), "{{ fail \"no\" }}");
    const job = (dir: string, binary: "helm" | "helm3" = "helm") => ({ binary, args: ["template", "demo", dir], paths: [dir] });
    const seen: string[] = [];
    const counts = await prefetchRenders([job(good), job(twin), job(good, "helm3"), job(bad)], { concurrency: 2, cacheDir, onRendered: (j, result) => seen.push(`${j.binary} ${j.args[2]} ${result.status}`) });
    expect(counts).toEqual({ rendered: 3, cached: 0, failedToStart: 0 });
    expect(seen.sort()).toEqual([`helm ${bad} 1`, `helm ${good} 0`, `helm ${twin} 0`, `helm3 ${good} 0`].sort());
    const prefetched = cachedHelm("helm", ["template", "demo", bad], [bad], { cacheDir });
    expect(prefetched.cached).toBe(true);
    const direct = cachedHelm("helm", ["template", "demo", bad], [bad], { cacheDir: join(scratch, "direct") });
    expect({ ...prefetched, cached: false }).toEqual(direct);
    expect(await prefetchRenders([job(good)], { concurrency: 2, cacheDir })).toEqual({ rendered: 0, cached: 1, failedToStart: 0 });
  });
});
