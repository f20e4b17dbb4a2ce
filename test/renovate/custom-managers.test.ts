import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { RE2JS } from "re2js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../../tools/src/paths.js";
import { extractWithRenovate, pinKey, readRenovateConfig, repositoryFiles, resolvedConfig, type CustomManager, type RenovateConfig } from "./renovate-support.js";

/**
 * Each custom manager of .github/renovate.json, run through Renovate's own file matching and regex
 * manager (the pinned devDependency), must find exactly the pins that parsing the files as JSON and
 * YAML finds: every pin, and nothing else.
 */

/** Images of this repository: their tags come from the environment (imageTag, by promotion), never from Renovate. */
const OWN_IMAGE = /^mcp-security-platform\//;

type ImageRef = { registry: string; repository: string; tag: string };

function isImageRef(value: unknown): value is ImageRef {
  const v = value as Record<string, unknown> | null;
  return typeof v === "object" && v !== null && typeof v.registry === "string" && typeof v.repository === "string" && typeof v.tag === "string";
}

/** Every image reference and `imageName` default of a chart schema, wherever it is nested. */
function imagesOf(schema: unknown): { refs: ImageRef[]; imageNames: string[] } {
  const refs: ImageRef[] = [];
  const imageNames: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== "object" || value === null) return;
    if (isImageRef(value)) refs.push(value);
    for (const [key, child] of Object.entries(value)) {
      const def = (child as { default?: unknown } | null)?.default;
      if (key === "imageName" && typeof def === "string") imageNames.push(def);
      walk(child);
    }
  };
  walk(schema);
  return { refs, imageNames };
}

/** The pins found by reading the files as data, independently of any regex. */
export function pinsFromFiles(files: string[], root = repoRoot): string[] {
  const pins: string[] = [];
  const read = (file: string) => readFileSync(join(root, file), "utf8");
  for (const file of files.filter((f) => /^schemas\/upstream\/[^/]+\.json$/.test(f))) {
    const upstream = (JSON.parse(read(file)) as { "x-upstream"?: { repoURL: string; chart: string; version: string } })["x-upstream"];
    if (!upstream) continue;
    if (upstream.repoURL.startsWith("https://")) {
      // Renovate stores a registryUrl as new URL(value).toString() (lib/modules/manager/custom/regex/utils.ts).
      pins.push(pinKey(file, { depName: upstream.chart, currentValue: upstream.version, datasource: "helm", registryUrls: [new URL(upstream.repoURL).toString()] }));
    } else {
      pins.push(pinKey(file, { depName: upstream.chart, packageName: `${upstream.repoURL}/${upstream.chart}`, currentValue: upstream.version, datasource: "docker" }));
    }
  }
  for (const file of files.filter((f) => /^environments\/[^/]+\/environment\.yaml$/.test(f))) {
    const version = (parseYaml(read(file)) as { argocd?: { version?: string } } | null)?.argocd?.version;
    if (version) pins.push(pinKey(file, { depName: "argocd", packageName: "quay.io/argoproj/argocd", currentValue: version, datasource: "docker" }));
  }
  for (const file of files.filter((f) => /^schemas\/charts\/[^/]+\.json$/.test(f))) {
    const { refs, imageNames } = imagesOf(JSON.parse(read(file)));
    for (const ref of refs.filter((r) => !OWN_IMAGE.test(r.repository))) {
      if (ref.tag !== "") {
        pins.push(pinKey(file, { depName: `${ref.registry}/${ref.repository}`, currentValue: ref.tag, datasource: "docker" }));
        continue;
      }
      // A third-party image whose tag defaults to the chart's appVersion: the pin is that appVersion.
      const chartFile = `charts/${file.replace(/^schemas\/charts\/|\.json$/g, "")}/Chart.yaml`;
      const appVersion = (parseYaml(read(chartFile)) as { appVersion?: string }).appVersion;
      pins.push(pinKey(chartFile, { depName: `${ref.registry}/${ref.repository}`, currentValue: appVersion, datasource: "docker" }));
    }
    for (const image of imageNames) {
      const [name, tag] = image.split(":");
      pins.push(pinKey(file, { depName: name, currentValue: tag, datasource: "docker" }));
    }
  }
  return pins.sort();
}

function pinsFromRenovate(config: RenovateConfig, files: string[], root = repoRoot): string[] {
  return config.customManagers.flatMap((manager) => extractWithRenovate(manager, files, config.ignorePaths, root)).sort();
}

function difference(config: RenovateConfig, files: string[], root = repoRoot): { missed: string[]; extra: string[] } {
  const expected = pinsFromFiles(files, root);
  const found = pinsFromRenovate(config, files, root);
  return { missed: expected.filter((p) => !found.includes(p)), extra: found.filter((p) => !expected.includes(p)) };
}

let config: RenovateConfig;
const files = repositoryFiles();

beforeAll(async () => {
  config = await resolvedConfig(readRenovateConfig());
});

describe("Renovate's custom managers against this repository's files", () => {
  it("find every pin and nothing else", () => {
    const pins = pinsFromFiles(files);
    // The pin locations exist (a vacuous equality would prove nothing).
    expect(pins.filter((p) => p.startsWith("schemas/upstream/")).length).toBeGreaterThanOrEqual(11);
    expect(pins.filter((p) => p.startsWith("environments/")).length).toBeGreaterThanOrEqual(3);
    expect(difference(config, files)).toEqual({ missed: [], extra: [] });
  });

  it("each manager finds something, and no pin twice", () => {
    for (const manager of config.customManagers) {
      expect(extractWithRenovate(manager, files, config.ignorePaths).length, manager.description).toBeGreaterThan(0);
    }
    const all = pinsFromRenovate(config, files);
    expect(all.length).toBe(new Set(all).size);
  });

  it("our own images' tags are left to the promotion command", () => {
    expect(pinsFromRenovate(config, files).filter((p) => /mcp-security-platform\//.test(p))).toEqual([]);
  });

  it("every fileMatch and matchString compiles under RE2 (the engine the hosted bot uses: no lookaround, no backreference)", () => {
    const patterns = config.customManagers.flatMap((m) => [...m.fileMatch, ...m.matchStrings]);
    for (const pattern of patterns) expect(() => RE2JS.compile(pattern), pattern).not.toThrow();
    expect(() => RE2JS.compile("(?<v>x)(?=y)")).toThrow();
  });
});

describe("the custom-manager check fails on a broken manager or a pin it cannot see", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "renovate-pins-"));
    for (const file of files.filter((f) => /^(schemas\/(upstream|charts)\/|environments\/|charts\/[^/]+\/Chart\.yaml$)/.test(f))) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(root, file));
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const withManager = (index: number, change: (m: CustomManager) => CustomManager): RenovateConfig => ({
    ...config,
    customManagers: config.customManagers.map((m, i) => (i === index ? change(m) : m)),
  });
  const helm = () => config.customManagers.findIndex((m) => m.datasourceTemplate === "helm");

  it("agrees on the copy (control)", () => {
    expect(difference(config, repositoryFilesOf(root), root)).toEqual({ missed: [], extra: [] });
  });

  it("reports a pin the regex does not see (x-upstream keys in another order)", () => {
    const file = "schemas/upstream/argo-cd.json";
    const original = readFileSync(join(root, file), "utf8");
    const schema = JSON.parse(original) as { "x-upstream": Record<string, unknown> };
    const { version, ...rest } = schema["x-upstream"];
    writeFileSync(join(root, file), JSON.stringify({ ...schema, "x-upstream": { version, ...rest } }, null, 2));
    try {
      expect(difference(config, repositoryFilesOf(root), root).missed).toEqual([expect.stringContaining("schemas/upstream/argo-cd.json: argo-cd 10.")]);
    } finally {
      writeFileSync(join(root, file), original);
    }
  });

  it("reports a match that is not a pin (the Helm manager without its https:// anchor takes the OCI chart too)", () => {
    const loose = withManager(helm(), (m) => ({ ...m, matchStrings: m.matchStrings.map((s) => s.replace("https://", "")) }));
    const { extra } = difference(loose, repositoryFilesOf(root), root);
    expect(extra.join("\n")).toMatch(/cert-manager\.json: cert-manager v1\.\d+\.\d+ \(helm\)/);
  });

  it("reports a file the manager does not look at", () => {
    const narrow = withManager(helm(), (m) => ({ ...m, fileMatch: ["^schemas/upstream/argo-[^/]+\\.json$"] }));
    expect(difference(narrow, repositoryFilesOf(root), root).missed.length).toBeGreaterThan(5);
  });
});

/** Every file under a planted copy, as repository-relative paths. */
function repositoryFilesOf(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}
