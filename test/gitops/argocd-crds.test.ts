/**
 * The generated Applications and AppProjects against the CRDs Argo CD really installs: those of the argo-cd chart
 * pinned in schemas/upstream/argo-cd.json (10.1.1, Argo CD v3.4.4), checked with the API server's semantics
 * (tools/src/kubernetes/crd-schema.ts). validateObject uses the same CRDs, committed without their descriptions
 * (tools/src/kubernetes/upstream-crds/argo-cd.json, kept equal to this chart's by tools/src/kubernetes/upstream-crds.test.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveBinary } from "../../tools/src/binaries/binaries.js";
import { loadCrdRegistry, loadCrdsFromChart } from "../../tools/src/kubernetes/crd-catalog.js";
import { validateAgainstCrds, type CrdRegistry, type CustomResourceDefinition } from "../../tools/src/kubernetes/crd-schema.js";
import { setSourceOf, type KubeObject } from "../../tools/src/kubernetes/manifests.js";
import { formatProblems } from "../../tools/src/kubernetes/problem.js";
import { validateObject } from "../../tools/src/kubernetes/validate.js";
import { repoRoot } from "../../tools/src/paths.js";
import { run } from "../../tools/src/process/run.js";
import { locateUpstreamChart, type ChartPin } from "../../tools/src/upstream/chart-locator.js";
import { environmentNames, generatedObjects } from "./support/generated.js";

/** The argo-cd chart the platform deploys (its pin, as the generator reads it). */
const pin = (JSON.parse(readFileSync(join(repoRoot, "schemas", "upstream", "argo-cd.json"), "utf8")) as { "x-upstream": ChartPin })["x-upstream"];

/** argoproj/argo-cd manifests/crds/*.yaml at the chart's appVersion: sha256 of each CRD's spec (see the file). */
const upstream = JSON.parse(readFileSync(join(repoRoot, "test", "fixtures", "crds", "argo-cd-v3.4.4-crds.json"), "utf8")) as {
  source: { repository: string; tag: string; commit: string };
  crds: Record<string, { file: string; specSha256: string }>;
};

/** JSON with object keys sorted at every level, so the digest does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const ARGO_KINDS = new Set(["Application", "AppProject"]);
let chart: string;
let crds: CustomResourceDefinition[];
let registry: CrdRegistry;

beforeAll(() => {
  chart = locateUpstreamChart({ repoURL: pin.repoURL, chart: pin.chart, version: pin.version });
  crds = loadCrdsFromChart(chart);
  registry = loadCrdRegistry([{ tgz: chart }]);
});

describe(`the pinned argo-cd chart ${pin.version} installs Argo CD's own CRDs`, () => {
  it("its appVersion is the tag the upstream digests were taken at", () => {
    const shown = run(resolveBinary("helm"), ["show", "chart", chart]);
    expect(shown.status, shown.stderr).toBe(0);
    const { appVersion } = parse(shown.stdout) as { appVersion: string };
    const fixture = "test/fixtures/crds/argo-cd-v3.4.4-crds.json";
    expect(appVersion, `argo-cd ${pin.version} is Argo CD ${appVersion}: record the specSha256 of ${upstream.source.repository} manifests/crds at ${appVersion} in ${fixture}`).toBe(upstream.source.tag);
  });

  it(`each CRD's spec is the one in ${upstream.source.repository} manifests/crds at ${upstream.source.tag}`, () => {
    const rendered = Object.fromEntries(crds.map((crd) => [crd.metadata.name, createHash("sha256").update(canonicalJson(crd.spec)).digest("hex")]));
    const expected = Object.fromEntries(Object.entries(upstream.crds).map(([name, { specSha256 }]) => [name, specSha256]));
    expect(rendered).toEqual(expected);
  });
});

describe.each(environmentNames())("apps/%s", (env) => {
  it("every generated Application and AppProject passes the argo-cd chart's CRDs (the API server's checks)", () => {
    const objects = generatedObjects(env)
      .filter(({ object }) => ARGO_KINDS.has(object.kind))
      .map(({ file, object }) => {
        setSourceOf(object, file);
        return object as KubeObject;
      });
    expect(new Set(objects.map((o) => o.kind))).toEqual(ARGO_KINDS);
    for (const object of objects) expect(registry.lookup(object.apiVersion, object.kind)?.version, `${object.apiVersion} ${object.kind}`).toBeDefined();
    expect(formatProblems(validateAgainstCrds(objects, registry))).toBe("");
  });
});

describe("AppProject spec.description (appprojects.argoproj.io: maxLength 255)", () => {
  const project = (description: string): KubeObject => ({
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AppProject",
    metadata: { name: "example", namespace: "argocd" },
    spec: { description, sourceRepos: ["*"], destinations: [{ server: "https://kubernetes.default.svc", namespace: "*" }] },
  });

  it("255 characters pass", () => {
    expect(validateAgainstCrds([project("x".repeat(255))], registry)).toEqual([]);
  });

  it("256 characters fail, naming the field and the limit", () => {
    expect(validateAgainstCrds([project("x".repeat(256))], registry)).toEqual([
      {
        object: "AppProject/example",
        path: "spec.description",
        rule: "crd/invalid",
        message: "must be at most 255 characters long (maxLength), but is 256; shorten it (appprojects.argoproj.io v1alpha1)",
      },
    ]);
  });

  it("characters, not bytes: 255 two-byte characters pass", () => {
    expect(validateAgainstCrds([project("é".repeat(255))], registry)).toEqual([]);
  });

  it("validateObject reports it too, as schema/invalid", () => {
    expect(validateObject(project("x".repeat(255)))).toEqual([]);
    expect(validateObject(project("x".repeat(256))).map((p) => `${p.path} ${p.rule}`)).toEqual(["spec.description schema/invalid"]);
  });
});

describe("Application", () => {
  it("a misspelled field is an unknown field with the likely correction", () => {
    const application = generatedObjects(environmentNames()[0]!).find(({ object, file }) => object.kind === "Application" && file.includes("/layers/"));
    expect(application).toBeDefined();
    const broken = structuredClone(application!.object) as unknown as KubeObject & { spec: { sources: { helm: Record<string, unknown> }[] } };
    const helm = broken.spec.sources[0]!.helm;
    helm.valueFile = helm.valueFiles;
    delete helm.valueFiles;
    const problems = validateAgainstCrds([broken], registry);
    expect(problems.map((p) => `${p.path} ${p.rule}`)).toEqual(["spec.sources[0].helm.valueFile crd/unknown-field"]);
    expect(problems[0]?.message).toContain('did you mean "valueFiles"?');
  });
});
