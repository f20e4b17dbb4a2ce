import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBinary } from "../binaries/binaries.js";
import { repoRoot } from "../paths.js";
import { run } from "../process/run.js";
import { cachedCrdRegistry, ChartCrdError, loadCrdRegistry, loadCrdsFromChart } from "./crd-catalog.js";
import { compileCrds, validateAgainstCrds } from "./crd-schema.js";

// test/fixtures/crds/widgets-chart: a CRD in crds/, one emitted by a template when gadgets.enabled, a ConfigMap.
let work: string;
let tgz: string;
const cacheDir = () => join(work, "cache");
const names = (crds: readonly { metadata: { name: string } }[]) => crds.map((crd) => crd.metadata.name);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "crd-catalog-"));
  const packaged = run(resolveBinary("helm"), ["package", join(repoRoot, "test", "fixtures", "crds", "widgets-chart"), "--destination", work]);
  expect(packaged.stderr).toBe("");
  tgz = join(work, "widgets-0.1.0.tgz");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("loadCrdsFromChart", () => {
  it("returns the CRDs of crds/ and of templates, in render order, and nothing else", () => {
    const crds = loadCrdsFromChart(tgz, { gadgets: { enabled: true } }, { cacheDir: false });
    expect(names(crds)).toEqual(["widgets.example.com", "gadgets.example.com"]);
    expect(crds.every((crd) => crd.apiVersion === "apiextensions.k8s.io/v1" && crd.kind === "CustomResourceDefinition")).toBe(true);
  });

  it("renders with the values given: a template CRD behind a flag only when it is set", () => {
    expect(names(loadCrdsFromChart(tgz, {}, { cacheDir: false }))).toEqual(["widgets.example.com"]);
  });

  it("keeps them under the package's sha256 and reads them from there next time", () => {
    const values = { gadgets: { enabled: true } };
    loadCrdsFromChart(tgz, values, { cacheDir: cacheDir() });
    const sha256 = createHash("sha256").update(readFileSync(tgz)).digest("hex");
    const files = readdirSync(cacheDir()).filter((file) => file.startsWith(`${sha256}-`) && file.endsWith(".json"));
    expect(files).toHaveLength(1);
    // Change what is stored: the next load must return it, so it did not render again.
    const file = join(cacheDir(), files[0]!);
    writeFileSync(file, readFileSync(file, "utf8").replace('"name":"gadgets.example.com"', '"name":"from-cache.example.com"'));
    expect(names(loadCrdsFromChart(tgz, values, { cacheDir: cacheDir() }))).toEqual(["widgets.example.com", "from-cache.example.com"]);
    // Other values are another render.
    expect(names(loadCrdsFromChart(tgz, {}, { cacheDir: cacheDir() }))).toEqual(["widgets.example.com"]);
    expect(readdirSync(cacheDir()).filter((f) => f.startsWith(`${sha256}-`))).toHaveLength(2);
  });

  it("renders again when the cached file is unreadable", () => {
    const dir = join(work, "corrupt-cache");
    loadCrdsFromChart(tgz, {}, { cacheDir: dir });
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), "{ not json");
    expect(names(loadCrdsFromChart(tgz, {}, { cacheDir: dir }))).toEqual(["widgets.example.com"]);
  });

  it("gives CRDs compileCrds validates objects with", () => {
    const registry = compileCrds(loadCrdsFromChart(tgz, { gadgets: { enabled: true } }, { cacheDir: false }));
    const gadget = { apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g" }, spec: { color: "green" } };
    const widget = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 0 } };
    expect(validateAgainstCrds([gadget, widget], registry).map((p) => `${p.object} ${p.path} ${p.rule}`)).toEqual(["Gadget/g spec.color crd/invalid", "Widget/w spec.size crd/invalid"]);
  });

  it("a render that fails names the package, Helm's error and what to do", () => {
    expect(() => loadCrdsFromChart(tgz, { fail: true }, { cacheDir: false })).toThrow(ChartCrdError);
    expect(() => loadCrdsFromChart(tgz, { fail: true }, { cacheDir: false })).toThrow(
      new RegExp(`^${tgz.replaceAll(".", "\\.")}: helm template --include-crds failed \\(exit 1\\): .*values\\.fail is set[\\s\\S]*Fix the values passed for this chart`),
    );
  });

  it("an apiextensions.k8s.io/v1beta1 CRD is refused, naming its template", () => {
    expect(() => loadCrdsFromChart(tgz, { legacy: true }, { cacheDir: false })).toThrow(
      /widgets\/templates\/legacy-crd\.yaml renders CustomResourceDefinition legacies\.example\.com as apiextensions\.k8s\.io\/v1beta1, which Kubernetes >= 1\.22 does not serve/,
    );
  });

  it("a missing package says so", () => {
    expect(() => loadCrdsFromChart(join(work, "nope-1.0.0.tgz"))).toThrow(/nope-1\.0\.0\.tgz: no such chart package/);
  });
});

describe("loadCrdRegistry", () => {
  const widget = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 0 } };
  const problemsOf = (registry: ReturnType<typeof loadCrdRegistry>) => validateAgainstCrds([widget], registry).map((p) => `${p.path}: ${p.message}`);
  const compiledFiles = (dir: string) => (existsSync(join(dir, "validators")) ? readdirSync(join(dir, "validators")).filter((f) => f.endsWith(".cjs")) : []);

  it("compiles the charts' CRDs once, then loads the compiled validators", () => {
    const dir = join(work, "registry-cache");
    const first = problemsOf(loadCrdRegistry([{ tgz }], { cacheDir: dir }));
    expect(first).toEqual(["spec.size: must be >= 1 (minimum), got 0 (widgets.example.com v1)"]);
    const [file] = compiledFiles(dir);
    expect(file).toBeDefined();
    // Replace the stored Widget validator: the next registry must report what it says, so it was loaded, not compiled.
    const path = join(dir, "validators", file!);
    const stored = `function stored(data) { stored.errors = [{ instancePath: "/spec", schemaPath: "#/stored", keyword: "stored", params: {}, message: "from the stored code", data: data.spec }]; return false; }`;
    writeFileSync(path, `${readFileSync(path, "utf8")}\n${stored}\nmodule.exports["widgets.example.com/v1"] = stored;`);
    expect(problemsOf(loadCrdRegistry([{ tgz }], { cacheDir: dir }))).toEqual(['spec: from the stored code, got {"size":0} (widgets.example.com v1)']);
  });

  it("other CRDs (here: other values) are another compiled file", () => {
    const dir = join(work, "registry-other");
    loadCrdRegistry([{ tgz }], { cacheDir: dir });
    loadCrdRegistry([{ tgz, values: { gadgets: { enabled: true } } }], { cacheDir: dir });
    expect(compiledFiles(dir)).toHaveLength(2);
  });

  it("compiles again and replaces a stored file that does not load", () => {
    const dir = join(work, "registry-broken");
    loadCrdRegistry([{ tgz }], { cacheDir: dir });
    const path = join(dir, "validators", compiledFiles(dir)[0]!);
    writeFileSync(path, "this is not JavaScript");
    expect(problemsOf(loadCrdRegistry([{ tgz }], { cacheDir: dir }))).toEqual(["spec.size: must be >= 1 (minimum), got 0 (widgets.example.com v1)"]);
    expect(readFileSync(path, "utf8")).not.toBe("this is not JavaScript");
  });

  it("cachedCrdRegistry does the same for CRD objects from anywhere, e.g. a render's", () => {
    const dir = join(work, "registry-objects");
    const crds = loadCrdsFromChart(tgz, {}, { cacheDir: false });
    expect(problemsOf(cachedCrdRegistry(crds, { cacheDir: dir }))).toHaveLength(1);
    expect(compiledFiles(dir)).toHaveLength(1);
    expect(problemsOf(cachedCrdRegistry(crds, { cacheDir: dir }))).toHaveLength(1);
    expect(compiledFiles(dir)).toHaveLength(1);
  });

  it("with cacheDir false, compiles and writes nothing", () => {
    const dir = join(work, "registry-none");
    expect(problemsOf(loadCrdRegistry([{ tgz }], { cacheDir: false }))).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });
});
