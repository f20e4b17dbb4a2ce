import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBinary } from "../binaries/binaries.js";
import { run } from "../process/run.js";
import { ChartNotFoundError, chartArchiveName, locateUpstreamChart, pullArgs, recordedDigest } from "./chart-locator.js";

const scratch = mkdtempSync(join(tmpdir(), "chart-locator-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tiny real chart packaged by Helm: what a chart repository serves. */
function packageChart(name: string, version: string): string {
  const dir = join(scratch, "src", `${name}-${version}`, name);
  mkdirSync(join(dir, "templates"), { recursive: true });
  writeFileSync(join(dir, "Chart.yaml"), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
  writeFileSync(join(dir, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
  const out = join(scratch, "packages");
  mkdirSync(out, { recursive: true });
  const result = run(resolveBinary("helm"), ["package", dir, "--destination", out]);
  expect(result.status, result.stderr).toBe(0);
  return join(out, chartArchiveName({ chart: name, version }));
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("pullArgs", () => {
  it("pulls from an https Helm repository with --repo, and from an OCI registry (written without scheme, as Argo CD wants it) with oci://", () => {
    expect(pullArgs({ repoURL: "https://charts.example.com", chart: "x", version: "1.2.3" }, "/d")).toEqual(["pull", "x", "--repo", "https://charts.example.com", "--version", "1.2.3", "--destination", "/d"]);
    expect(pullArgs({ repoURL: "quay.io/jetstack/charts", chart: "cert-manager", version: "v1.21.1" }, "/d")).toEqual(["pull", "oci://quay.io/jetstack/charts/cert-manager", "--version", "v1.21.1", "--destination", "/d"]);
  });

  it("reads a SHA256SUMS line in either text or binary mode", () => {
    const sums = `${"a".repeat(64)}  x-1.0.0.tgz\n${"b".repeat(64)} *y-2.0.0.tgz\n`;
    expect(recordedDigest(sums, "x-1.0.0.tgz")).toBe("a".repeat(64));
    expect(recordedDigest(sums, "y-2.0.0.tgz")).toBe("b".repeat(64));
    expect(recordedDigest(sums, "z-1.0.0.tgz")).toBeUndefined();
  });
});

describe("locateUpstreamChart", () => {
  let tgz: string;
  let server: Worker;
  let port: number;

  beforeAll(async () => {
    tgz = packageChart("demo", "1.2.3");
    const repo = join(scratch, "repo");
    mkdirSync(repo, { recursive: true });
    copyFileSync(tgz, join(repo, "demo-1.2.3.tgz"));
    expect(run(resolveBinary("helm"), ["repo", "index", repo]).status).toBe(0);
    // The stand-in repository runs on its own thread: helm pull runs synchronously on this one.
    server = new Worker(
      `const http = require("node:http"), fs = require("node:fs"), path = require("node:path"), { parentPort, workerData } = require("node:worker_threads");
       const s = http.createServer((req, res) => { const f = path.join(workerData, path.basename(req.url.split("?")[0])); if (!fs.existsSync(f)) { res.statusCode = 404; return res.end(); } res.end(fs.readFileSync(f)); });
       s.listen(0, "127.0.0.1", () => parentPort.postMessage(s.address().port));`,
      { eval: true, workerData: repo },
    );
    port = await new Promise<number>((resolve) => server.once("message", resolve));
  });
  afterAll(async () => {
    await server.terminate();
  });

  it("finds the package in $UPSTREAM_CHARTS, checked against its SHA256SUMS", () => {
    const dir = join(scratch, "offline");
    mkdirSync(dir, { recursive: true });
    copyFileSync(tgz, join(dir, "demo-1.2.3.tgz"));
    writeFileSync(join(dir, "SHA256SUMS"), `${sha(tgz)}  demo-1.2.3.tgz\n`);
    const found = locateUpstreamChart({ repoURL: "https://unused.invalid", chart: "demo", version: "1.2.3" }, { env: { UPSTREAM_CHARTS: dir }, cacheDir: join(scratch, "cache-a"), pull: false });
    expect(found).toBe(join(dir, "demo-1.2.3.tgz"));
  });

  it("refuses a package whose bytes differ from SHA256SUMS", () => {
    const dir = join(scratch, "tampered");
    mkdirSync(dir, { recursive: true });
    copyFileSync(tgz, join(dir, "demo-1.2.3.tgz"));
    writeFileSync(join(dir, "SHA256SUMS"), `${"0".repeat(64)}  demo-1.2.3.tgz\n`);
    expect(() => locateUpstreamChart({ repoURL: "https://unused.invalid", chart: "demo", version: "1.2.3" }, { env: { UPSTREAM_CHARTS: dir }, cacheDir: join(scratch, "cache-b"), pull: false })).toThrow(/has sha256 [0-9a-f]{64}, but .*SHA256SUMS records 0{64}/);
  });

  it("says so when $UPSTREAM_CHARTS names a missing directory", () => {
    expect(() => locateUpstreamChart({ repoURL: "https://unused.invalid", chart: "demo", version: "1.2.3" }, { env: { UPSTREAM_CHARTS: join(scratch, "nope") }, cacheDir: join(scratch, "cache-c") })).toThrow(/UPSTREAM_CHARTS=.*nope does not exist/);
  });

  it("without a local copy, pulls exactly the pinned version from the chart's repository into the cache, and reuses it", () => {
    const cacheDir = join(scratch, "cache-d");
    const pin = { repoURL: `http://127.0.0.1:${port}`, chart: "demo", version: "1.2.3" };
    const pulled = locateUpstreamChart(pin, { env: {}, cacheDir });
    expect(pulled).toBe(join(cacheDir, "demo-1.2.3.tgz"));
    expect(sha(pulled)).toBe(sha(tgz));
    expect(locateUpstreamChart(pin, { env: {}, cacheDir, pull: false })).toBe(pulled);
  });

  it("fails clearly, naming every place looked at, for a version in neither place", () => {
    const cacheDir = join(scratch, "cache-e");
    const dir = join(scratch, "offline");
    let error: unknown;
    try {
      locateUpstreamChart({ repoURL: `http://127.0.0.1:${port}`, chart: "demo", version: "9.9.9" }, { env: { UPSTREAM_CHARTS: dir }, cacheDir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain("chart demo 9.9.9");
    expect(message).toContain(join(dir, "demo-9.9.9.tgz"));
    expect(message).toContain(join(cacheDir, "demo-9.9.9.tgz"));
    expect(message).toMatch(/helm pull demo --repo http:\/\/127\.0\.0\.1:\d+ --version 9\.9\.9 .* failed/);
    expect(message).toMatch(/Fix: set UPSTREAM_CHARTS/);
  });
});
