import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chartFiles, environmentFiles, fixtureCommit, modeline, removeTree, upstreamFiles, writeFixtureRepo, type FixtureEnvironment } from "../../../test/gitops/support/fixture-repo.js";
import { repoRoot } from "../paths.js";
import type { RevisionQuery } from "./git-revisions.js";
import { readGeneratorInputs } from "./inputs.js";
import { planGitops } from "./plan.js";
import { formatProblem, type Problem } from "./problems.js";

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

const CHARTS = {
  ...chartFiles({ name: "common", type: "library" }),
  ...chartFiles({ name: "cert-manager", layer: "infrastructure", group: "security" }),
  ...chartFiles({ name: "gateway", layer: "platform", group: "edge", dependencies: "cert-manager" }),
  ...chartFiles({ name: "portal", layer: "application", group: "ui", dependencies: "gateway" }),
};
const ALL_ON = {
  "cert-manager": { enabled: true, chartRevision: "main", imageTag: "main" },
  gateway: { enabled: true, chartRevision: "main", imageTag: "main" },
  portal: { enabled: true, chartRevision: "main", imageTag: "main" },
};
/** A well-formed image digest (what `crane digest` prints for a pushed image). */
const DIGEST = `sha256:${"4f".repeat(32)}`;

function plan(files: Record<string, string>, only?: string) {
  const root = writeFixtureRepo(files);
  roots.push(root);
  return planGitops(readGeneratorInputs(root, only));
}

function planWith(environment: Partial<FixtureEnvironment> & { name?: string }, charts: Record<string, string> = CHARTS) {
  return plan({ ...charts, ...environmentFiles({ name: "dev", components: ALL_ON, ...environment }) });
}

function only(problems: readonly Problem[]) {
  expect(problems, problems.map(formatProblem).join("\n")).toHaveLength(1);
  return problems[0] as Problem;
}

describe("planGitops on a valid catalog", () => {
  const result = planWith({});

  it("finds no problems and plans every enabled component in layer and wave order", () => {
    expect(result.problems).toEqual([]);
    const [environment] = result.environments;
    expect(environment?.plan.components.map((c) => [c.name, c.layer, c.wave, c.namespace])).toEqual([
      ["cert-manager", "infrastructure", 0, "infrastructure"],
      ["gateway", "platform", 1, "platform"],
      ["portal", "application", 2, "applications"],
    ]);
  });

  it("plans the whole apps/<env>/ tree", () => {
    const paths = result.environments[0]?.files.map((f) => f.path) ?? [];
    expect(paths).toContain("apps/dev/layers/application/dev-portal.yaml");
    expect(paths).toContain("apps/dev/root/projects/default.yaml");
    expect(paths).toContain("apps/dev/bootstrap/root-application.yaml");
    expect(paths).toEqual([...paths].sort());
  });

  it("is deterministic", () => {
    const again = planWith({});
    expect(again.environments[0]?.files).toEqual(result.environments[0]?.files);
  });

  it("leaves disabled components out", () => {
    const partial = planWith({ components: { ...ALL_ON, portal: { enabled: false } } });
    expect(partial.problems).toEqual([]);
    expect(partial.environments[0]?.plan.components.map((c) => c.name)).toEqual(["cert-manager", "gateway"]);
  });

  it("fills each component's callers from the other components' dependencies", () => {
    const components = result.environments[0]?.plan.components ?? [];
    expect(Object.fromEntries(components.map((c) => [c.name, [c.calledBy, c.generatedValues]]))).toEqual({
      "cert-manager": [["gateway"], { networkPolicy: { allowedCallers: [{ app: "gateway", namespace: "platform" }] } }],
      gateway: [["portal"], { networkPolicy: { allowedCallers: [{ app: "portal", namespace: "applications" }] } }],
      portal: [[], { networkPolicy: { allowedCallers: [] } }],
    });
  });

  it("detects autoscaled components from the merged values", () => {
    const autoscaled = planWith({ values: { portal: `${modeline("portal")}\nautoscaling:\n  enabled: true\n` } });
    expect(autoscaled.environments[0]?.plan.components.find((c) => c.name === "portal")?.replicasManagedByAutoscaler).toBe(true);
    expect(result.environments[0]?.plan.components.find((c) => c.name === "portal")?.replicasManagedByAutoscaler).toBe(false);
  });
});

describe("planGitops rejects bad input with one precise problem each", () => {
  it("GEN001 malformed environment.yaml", () => {
    const files = { ...CHARTS, ...environmentFiles({ name: "dev", components: ALL_ON }) };
    files["environments/dev/environment.yaml"] = "name: dev\ncomponents: [\n";
    expect(only(plan(files).problems)).toMatchObject({ code: "GEN001", file: "environments/dev/environment.yaml", location: { line: 3, column: 1 } });
  });

  it("GEN003 schema violation in environment.yaml", () => {
    const problem = only(planWith({ tier: "prod" as "production" }).problems);
    expect(problem).toMatchObject({ code: "GEN003", path: "tier", message: 'tier must be one of "development", "staging", "production" (got "prod").' });
  });

  it("GEN004 misspelled key in a values file, with the suggestion", () => {
    const problem = only(planWith({ values: { gateway: `${modeline("gateway")}\nreplicaCont: 2\n` } }).problems);
    expect(formatProblem(problem)).toBe(
      'environments/dev/values/gateway.yaml:2:1: GEN004 unknown key "replicaCont" in the top level of environments/dev/values/gateway.yaml. Did you mean "replicaCount"?\n    at replicaCont\n    fix: Rename "replicaCont" to "replicaCount".',
    );
  });

  it("GEN003 schema violation in a values file, located in the file", () => {
    const problem = only(planWith({ values: { gateway: `${modeline("gateway")}\nimage:\n  repository: x\nreplicaCount: 0\n` } }).problems);
    expect(problem).toMatchObject({ code: "GEN003", file: "environments/dev/values/gateway.yaml", location: { line: 4, column: 15 }, message: "replicaCount must be >= 1 (got 0)." });
  });

  it("GEN003 on the image tag pin points at environment.yaml", () => {
    const problem = only(planWith({ components: { ...ALL_ON, gateway: { enabled: true, chartRevision: "main", imageTag: "-bad" } } }).problems);
    expect(problem).toMatchObject({ code: "GEN003", file: "environments/dev/environment.yaml", path: "components.gateway.imageTag" });
  });

  it("GEN016 callers written by hand", () => {
    const problem = only(planWith({ values: { gateway: `${modeline("gateway")}\nnetworkPolicy:\n  allowedCallers:\n    - app: portal\n` } }).problems);
    expect(problem).toMatchObject({ code: "GEN016", location: { line: 3, column: 3 }, message: "networkPolicy.allowedCallers is generated from the other charts' platform.mcp-security.io/dependencies annotations and must not be set here." });
  });

  it("GEN006 environment name differs from its directory", () => {
    const files = { ...CHARTS, ...environmentFiles({ name: "dev", components: ALL_ON }) };
    files["environments/dev/environment.yaml"] = (files["environments/dev/environment.yaml"] as string).replace("name: dev", "name: qa");
    expect(only(plan(files).problems)).toMatchObject({ code: "GEN006", message: 'name "qa" differs from the directory name "dev".' });
  });

  it("GEN005 environment directory without environment.yaml", () => {
    expect(only(plan({ ...CHARTS, "environments/qa/values/.keep": "" }).problems)).toMatchObject({ code: "GEN005", file: "environments/qa/environment.yaml" });
  });

  it("GEN011 unknown component, with a suggestion", () => {
    const problem = only(planWith({ components: { ...ALL_ON, gatway: { enabled: false } } }).problems);
    expect(problem).toMatchObject({ code: "GEN011", path: "components.gatway", message: 'component "gatway" is neither a chart under charts/ nor an upstream component under schemas/upstream/ (did you mean "gateway"?).' });
  });

  it("GEN012 chart not listed in the environment: a warning, and the chart is not deployed there", () => {
    const { portal: _omitted, ...rest } = ALL_ON;
    const result = planWith({ components: rest });
    expect(result.problems).toEqual([]);
    expect(only(result.warnings)).toMatchObject({ code: "GEN012", message: "component portal (charts/portal/Chart.yaml) is not listed under components, so it is not deployed in dev." });
    expect(formatProblem(only(result.warnings))).toMatch(/^environments\/dev\/environment\.yaml:\d+:1: warning: GEN012 /);
    expect(result.environments[0]?.plan.components.map((c) => c.name)).toEqual(["cert-manager", "gateway"]);
  });

  it("GEN013 missing values file of an enabled component", () => {
    const files = { ...CHARTS, ...environmentFiles({ name: "dev", components: ALL_ON }) };
    delete files["environments/dev/values/portal.yaml"];
    expect(only(plan(files).problems)).toMatchObject({ code: "GEN013", message: "portal is enabled but environments/dev/values/portal.yaml does not exist." });
  });

  it("GEN014 values file without the schema modeline", () => {
    expect(only(planWith({ values: { portal: "replicaCount: 1\n" } }).problems)).toMatchObject({ code: "GEN014", file: "environments/dev/values/portal.yaml", location: { line: 1, column: 1 } });
  });

  it("GEN015 chart without a bundled schema", () => {
    const charts = { ...CHARTS };
    delete charts["charts/portal/values.schema.json"];
    expect(only(planWith({}, charts).problems)).toMatchObject({ code: "GEN015", message: "charts/portal has no values.schema.json." });
  });

  it("GEN020 unknown dependency", () => {
    const charts = { ...CHARTS, ...chartFiles({ name: "portal", layer: "application", dependencies: "auth" }) };
    expect(only(planWith({}, charts).problems)).toMatchObject({ code: "GEN020", file: "charts/portal/Chart.yaml" });
  });

  it("a chart no environment enables does not block generation with its dependencies", () => {
    const charts = { ...CHARTS, ...chartFiles({ name: "scanner", layer: "application", dependencies: "notification" }) };
    expect(planWith({ components: { ...ALL_ON, scanner: { enabled: false } } }, charts).problems).toEqual([]);
    expect(only(planWith({ components: { ...ALL_ON, scanner: { enabled: true, chartRevision: "main", imageTag: "main" } } }, charts).problems)).toMatchObject({ code: "GEN020", file: "charts/scanner/Chart.yaml" });
  });

  it("GEN021 dependency cycle", () => {
    const charts = { ...CHARTS, ...chartFiles({ name: "cert-manager", layer: "infrastructure", dependencies: "gateway" }), ...chartFiles({ name: "gateway", layer: "infrastructure", dependencies: "cert-manager" }) };
    expect(only(planWith({}, charts).problems)).toMatchObject({ code: "GEN021", message: "dependency cycle: cert-manager → gateway → cert-manager." });
  });

  it("GEN022 dependency disabled in the environment", () => {
    const problem = only(planWith({ components: { ...ALL_ON, gateway: { enabled: false } } }).problems);
    expect(problem).toMatchObject({ code: "GEN022", message: "portal depends on gateway, which is not enabled in dev." });
  });

  it("GEN030 and GEN031 moving pins in production: a branch and a tag (even one that exists) are refused, a commit SHA of main passes", () => {
    const files = { ...CHARTS, ...environmentFiles({ name: "dev", tier: "production", components: { "cert-manager": { enabled: true, chartRevision: fixtureCommit(), imageTag: "v1.0.0", imageDigest: DIGEST }, gateway: { enabled: true, chartRevision: "v1.0.0", imageTag: "v1.0.0", imageDigest: DIGEST }, portal: { enabled: true, chartRevision: "main", imageTag: "latest", imageDigest: DIGEST } } }) };
    const root = writeFixtureRepo(files, { tags: ["v1.0.0"] });
    roots.push(root);
    const problems = planGitops(readGeneratorInputs(root)).problems;
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ["GEN030", "components.gateway.chartRevision", 'chartRevision "v1.0.0" of gateway is not a full commit SHA; production runs only 40-character commit SHAs of main (a tag can be moved or deleted, a branch moves with every merge).'],
      ["GEN030", "components.portal.chartRevision", 'chartRevision "main" of portal is not a full commit SHA; production runs only 40-character commit SHAs of main (a tag can be moved or deleted, a branch moves with every merge).'],
      ["GEN031", "components.portal.imageTag", 'imageTag "latest" of portal is a floating tag; production runs release tags only.'],
    ]);
  });

  it("GEN040 generated name longer than 63 characters", () => {
    const long = "a".repeat(60);
    const charts = { ...CHARTS, ...chartFiles({ name: long, layer: "application" }) };
    expect(only(planWith({ components: { ...ALL_ON, [long]: { enabled: true, chartRevision: "main", imageTag: "main" } } }, charts).problems)).toMatchObject({ code: "GEN040" });
  });

  it("GEN041 component named like a layer Application", () => {
    const charts = { ...CHARTS, ...chartFiles({ name: "platform", layer: "application" }) };
    const problem = only(planWith({ components: { ...ALL_ON, platform: { enabled: true, chartRevision: "main", imageTag: "main" } } }, charts).problems);
    expect(problem).toMatchObject({ code: "GEN041", message: 'component platform would be the Application "dev-platform", which is already the name of the platform layer Application.' });
  });

  it("GEN002 duplicate component key", () => {
    const files = { ...CHARTS, ...environmentFiles({ name: "dev", components: ALL_ON }) };
    files["environments/dev/environment.yaml"] = `${files["environments/dev/environment.yaml"]}  portal:\n    enabled: false\n`;
    expect(only(plan(files).problems)).toMatchObject({ code: "GEN002", message: 'duplicate key: "portal" is defined more than once in the same mapping.' });
  });

  it("collects the problems of every environment and plans nothing", () => {
    const result = plan({
      ...CHARTS,
      ...environmentFiles({ name: "dev", components: { ...ALL_ON, gatway: { enabled: false } } }),
      ...environmentFiles({ name: "prod", tier: "production", components: ALL_ON }),
    });
    expect(result.environments).toEqual([]);
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(["GEN011", "GEN030", "GEN031", "GEN037"]));
  });

  it("reads only the environment asked for", () => {
    const result = plan({ ...CHARTS, ...environmentFiles({ name: "dev", components: ALL_ON }), ...environmentFiles({ name: "prod", tier: "production", components: ALL_ON }) }, "dev");
    expect(result.problems).toEqual([]);
    expect(result.environments.map((e) => e.name)).toEqual(["dev"]);
  });

  it("GEN037 a production image without a digest, at the component in environment.yaml; with the digest it plans and passes image.digest", () => {
    const production = (pins: Record<string, { enabled: boolean; chartRevision?: string; imageTag?: string; imageDigest?: string }>) => {
      const root = writeFixtureRepo({ ...CHARTS, ...environmentFiles({ name: "prod", tier: "production", components: pins }) });
      roots.push(root);
      return planGitops(readGeneratorInputs(root));
    };
    const pinned = (imageDigest?: string) => ({ enabled: true, chartRevision: fixtureCommit(), imageTag: "v1.0.0", ...(imageDigest !== undefined ? { imageDigest } : {}) });
    const missing = production({ "cert-manager": pinned(DIGEST), gateway: pinned(), portal: pinned(DIGEST) });
    const problem = only(missing.problems);
    expect(problem).toMatchObject({ code: "GEN037", file: "environments/prod/environment.yaml", path: "components.gateway.enabled", message: "gateway runs image tag v1.0.0 without imageDigest; production pins every image of this repository's charts by digest (a tag can be pushed again to another image)." });
    expect(formatProblem(problem)).toMatch(/^environments\/prod\/environment\.yaml:\d+:\d+: GEN037 .*\n {4}at components\.gateway\.enabled\n {4}fix: Add `imageDigest: sha256:<64 hex>` to components\.gateway: the digest the image build pushed for tag v1\.0\.0/);
    // An explicitly empty digest is no digest.
    expect(only(production({ "cert-manager": pinned(DIGEST), gateway: pinned(""), portal: pinned(DIGEST) }).problems)).toMatchObject({ code: "GEN037", path: "components.gateway.enabled" });

    const complete = production({ "cert-manager": pinned(DIGEST), gateway: pinned(DIGEST), portal: pinned(DIGEST) });
    expect(complete.problems).toEqual([]);
    expect(complete.environments[0]?.plan.components.map((c) => c.imageDigest)).toEqual([DIGEST, DIGEST, DIGEST]);
    const gateway = parse(complete.environments[0]?.files.find((f) => f.path === "apps/prod/layers/platform/prod-gateway.yaml")?.content ?? "null");
    expect(gateway.spec.sources[0].helm.parameters).toEqual([
      { name: "image.tag", value: "v1.0.0", forceString: true },
      { name: "image.digest", value: DIGEST, forceString: true },
    ]);
  });

  it("outside production a digest is optional, and when given it is passed as image.digest", () => {
    const result = planWith({ components: { ...ALL_ON, portal: { enabled: true, chartRevision: "main", imageTag: "main", imageDigest: DIGEST } } });
    expect(result.problems).toEqual([]);
    const read = (path: string) => parse(result.environments[0]?.files.find((f) => f.path === path)?.content ?? "null");
    expect(read("apps/dev/layers/application/dev-portal.yaml").spec.sources[0].helm.parameters).toEqual([
      { name: "image.tag", value: "main", forceString: true },
      { name: "image.digest", value: DIGEST, forceString: true },
    ]);
    expect(read("apps/dev/layers/platform/dev-gateway.yaml").spec.sources[0].helm.parameters).toEqual([{ name: "image.tag", value: "main", forceString: true }]);
  });

  it("GEN003 a malformed image digest, located at the pin in environment.yaml", () => {
    for (const bad of ["sha256:ABC", `sha256:${"A".repeat(64)}`, `sha512:${"a".repeat(64)}`, "a".repeat(64)]) {
      const problem = only(planWith({ components: { ...ALL_ON, gateway: { enabled: true, chartRevision: "main", imageTag: "main", imageDigest: bad } } }).problems);
      expect(problem).toMatchObject({ code: "GEN003", file: "environments/dev/environment.yaml", path: "components.gateway.imageDigest" });
    }
  });

  it("GEN038 a digest on a chart that takes no image.digest, pointing at the pin", () => {
    const schema = JSON.parse(CHARTS["charts/portal/values.schema.json"] as string);
    delete schema.properties.image.properties.digest;
    const charts = { ...CHARTS, "charts/portal/values.schema.json": JSON.stringify(schema) };
    const problem = only(planWith({ components: { ...ALL_ON, portal: { enabled: true, chartRevision: "main", imageTag: "main", imageDigest: DIGEST } } }, charts).problems);
    expect(problem).toMatchObject({ code: "GEN038", path: "components.portal.imageDigest", message: "portal takes no imageDigest: its chart has no image.digest value the digest could be passed as." });
    expect(problem.fix).toContain("schemas/definitions/image.json");
  });

  it("GEN032 a chart of this repository enabled without an image tag", () => {
    const problem = only(planWith({ components: { ...ALL_ON, portal: { enabled: true, chartRevision: "main" } } }).problems);
    expect(problem).toMatchObject({ code: "GEN032", message: "portal is enabled without an imageTag.", path: "components.portal.enabled" });
  });
});

describe("upstream components (schemas/upstream/<name>.json)", () => {
  const UPSTREAM = { ...CHARTS, ...upstreamFiles({ name: "prometheus", namespace: "monitoring", repoURL: "https://prometheus-community.github.io/helm-charts", version: "75.1.0" }) };
  const withPrometheus = (pin: { enabled: boolean; chartRevision?: string; imageTag?: string; imageDigest?: string }, values?: string) =>
    plan({ ...UPSTREAM, ...environmentFiles({ name: "dev", components: { ...ALL_ON, prometheus: pin }, upstream: ["prometheus"], ...(values ? { values: { prometheus: values } } : {}) }) });

  it("deploys the pinned upstream chart with the environment's values from this repository", () => {
    const result = withPrometheus({ enabled: true, chartRevision: "main" });
    expect(result.problems).toEqual([]);
    const prometheus = result.environments[0]?.plan.components.find((c) => c.name === "prometheus");
    expect(prometheus).toMatchObject({ layer: "infrastructure", namespace: "monitoring", serverSideApply: true, imageTag: "", source: { kind: "upstream", chart: "prometheus", version: "75.1.0" } });
    const application = result.environments[0]?.files.find((f) => f.path === "apps/dev/layers/infrastructure/dev-prometheus.yaml")?.content ?? "";
    expect(application).toContain("chart: prometheus\n      helm:");
    expect(application).toContain('targetRevision: "75.1.0"');
    expect(application).toContain("$values/environments/dev/values/prometheus.yaml");
    expect(application).not.toContain("image.tag");
    const project = result.environments[0]?.files.find((f) => f.path === "apps/dev/root/projects/dev-infrastructure.yaml")?.content ?? "";
    expect(project).toContain("- https://prometheus-community.github.io/helm-charts");
  });

  it("validates its values against the upstream schema, with the modeline pointing at it", () => {
    expect(only(withPrometheus({ enabled: true, chartRevision: "main" }, `${modeline("prometheus", true)}\nreplicaCont: 2\n`).problems)).toMatchObject({ code: "GEN004", message: expect.stringContaining('Did you mean "replicaCount"?') });
    expect(only(withPrometheus({ enabled: true, chartRevision: "main" }, `${modeline("prometheus")}\nreplicaCount: 2\n`).problems)).toMatchObject({ code: "GEN014" });
  });

  it("GEN033 an image tag on an upstream component", () => {
    expect(only(withPrometheus({ enabled: true, chartRevision: "main", imageTag: "v1" }).problems)).toMatchObject({ code: "GEN033", path: "components.prometheus.imageTag", message: "prometheus takes no imageTag: an upstream chart (prometheus 75.1.0 from https://prometheus-community.github.io/helm-charts), pinned by its version." });
  });

  it("GEN038 an image digest on an upstream component", () => {
    expect(only(withPrometheus({ enabled: true, chartRevision: "main", imageDigest: DIGEST }).problems)).toMatchObject({ code: "GEN038", path: "components.prometheus.imageDigest", message: "prometheus takes no imageDigest: an upstream chart (prometheus 75.1.0 from https://prometheus-community.github.io/helm-charts), pinned by its version." });
  });

  it("a Helm chart from an OCI registry: bare registry path + chart in the Application, the same string in the project; oci:// is GEN010", () => {
    const fromRegistry = (repoURL: string) =>
      plan({ ...CHARTS, ...upstreamFiles({ name: "prometheus", namespace: "monitoring", repoURL, version: "75.1.0" }), ...environmentFiles({ name: "dev", components: { ...ALL_ON, prometheus: { enabled: true, chartRevision: "main" } }, upstream: ["prometheus"] }) });
    const result = fromRegistry("ghcr.io/prometheus-community/charts");
    expect(result.problems).toEqual([]);
    const read = (path: string) => parse(result.environments[0]?.files.find((f) => f.path === path)?.content ?? "null");
    const application = read("apps/dev/layers/infrastructure/dev-prometheus.yaml");
    expect(application.spec.sources[0]).toMatchObject({ repoURL: "ghcr.io/prometheus-community/charts", chart: "prometheus", targetRevision: "75.1.0" });
    expect(application.spec.sources[0].path).toBeUndefined();
    expect(read("apps/dev/root/projects/dev-infrastructure.yaml").spec.sourceRepos).toEqual(["ghcr.io/prometheus-community/charts", "https://example.com/platform.git"]);
    const oci = plan({ ...CHARTS, ...upstreamFiles({ name: "prometheus", repoURL: "oci://ghcr.io/prometheus-community/charts" }), ...environmentFiles({ name: "dev", components: ALL_ON }) });
    expect(oci.problems).toEqual([expect.objectContaining({ code: "GEN010", file: "schemas/upstream/prometheus.json", path: "x-upstream.repoURL", fix: expect.stringContaining('"repoURL": "ghcr.io/prometheus-community/charts"') })]);
  });

  it("GEN010 a broken x-upstream block, and a name defined twice", () => {
    const broken = upstreamFiles({ name: "prometheus", version: "^75" });
    expect(plan({ ...CHARTS, ...broken, ...environmentFiles({ name: "dev", components: ALL_ON }) }).problems).toEqual([
      expect.objectContaining({ code: "GEN010", file: "schemas/upstream/prometheus.json", path: "x-upstream.version", message: 'x-upstream.version is "^75"; it must be an exact chart version such as 1.2.3 (never a range).' }),
    ]);
    const twice = plan({ ...CHARTS, ...upstreamFiles({ name: "gateway" }), ...environmentFiles({ name: "dev", components: ALL_ON }) }).problems;
    expect(twice).toEqual([expect.objectContaining({ code: "GEN010", message: 'component "gateway" is defined twice: by charts/gateway/Chart.yaml and by schemas/upstream/gateway.json.' })]);
  });
});

describe("planGitops asking Git", () => {
  it("asks one question for every environment's pins and cluster overlays (one git cat-file)", () => {
    const inputs = readGeneratorInputs(repoRoot);
    const asked: RevisionQuery[] = [];
    const lookup = inputs.revisions;
    const result = planGitops({
      ...inputs,
      revisions: (query) => {
        asked.push(query);
        return lookup(query);
      },
    });
    expect(result.problems).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.files?.length).toBeGreaterThan(0);
    // The overlays at the pins were found in that answer: production's second cluster reads them.
    expect(result.environments.flatMap((e) => e.plan.components).filter((c) => c.overlayValuesFile !== undefined).length).toBeGreaterThan(0);
  });
});
