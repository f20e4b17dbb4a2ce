import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../tools/src/catalog/catalog.js";
import { formatProblems, validateObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { environmentNames, errorsIn, generatedObjects, kubectlKustomize, parseStream, runGenerator, runGeneratorFromSource } from "./support/generated.js";
import { compareText } from "../../tools/src/text/compare-text.js";

const environments = environmentNames();

describe("apps/ committed in the repository", () => {
  it("is what the generator produces (`nx run generate:gitops -- --check` passes)", () => {
    const result = runGenerator(["--check"]);
    expect(errorsIn(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
    for (const env of environments) expect(result.stdout).toContain(`generate-gitops --check: ${env}: `);
  });

  it("is also what the unbundled source produces through tsx (the bundle changes nothing)", () => {
    const bundled = runGenerator(["--check"]);
    const source = runGeneratorFromSource(["--check"]);
    expect(source.status).toBe(0);
    expect({ stdout: source.stdout, stderr: source.stderr }).toEqual({ stdout: bundled.stdout, stderr: bundled.stderr });
  });

  it.each(environments)("%s: every generated object passes the Argo CD / Kubernetes models with unknown fields rejected", (env) => {
    const objects = generatedObjects(env);
    expect(objects.length).toBeGreaterThan(10);
    const problems = objects.flatMap(({ file, object }) => validateObject(object, { source: file }));
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it("the validation used above rejects a misspelled Application field", () => {
    const [env] = environments;
    const application = generatedObjects(env as string).find((o) => o.object.kind === "Application" && o.file.includes("/layers/"));
    expect(application).toBeDefined();
    const broken = structuredClone(application?.object) as Record<string, any>;
    broken.spec.sources[0].helm.valueFile = broken.spec.sources[0].helm.valueFiles;
    expect(validateObject(broken).map((p) => p.rule)).toContain("schema/unknown-field");
  });

  it.each(environments)("%s: `kubectl kustomize environments/<env>` builds offline to the root, the AppProjects and every Application", (env) => {
    const result = kubectlKustomize(join(repoRoot, "environments", env));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const built = parseStream(result.stdout);
    const expected = generatedObjects(env).filter((o) => !o.file.includes("/bootstrap/argocd/"));
    expect(built.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(expected.map((o) => `${o.object.kind}/${o.object.metadata.name}`).sort());
    const names = built.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toContain(`Application/${env}-root`);
    expect(names).toContain("AppProject/default");
    for (const layer of ["infrastructure", "platform", "application"]) {
      expect(names).toContain(`Application/${env}-${layer}`);
      expect(names).toContain(`AppProject/${env}-${layer}`);
    }
  });

  it.each(environments)("%s: names are unique DNS labels of at most 63 characters", (env) => {
    const objects = generatedObjects(env).map((o) => o.object);
    const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const object of objects.filter((o) => o.kind === "Application" || o.kind === "AppProject")) {
      expect(object.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    }
  });

  it.each(environments)("%s: layer Applications come up in the order infrastructure, platform, application (in every cluster; another cluster once registered)", (env) => {
    const root = generatedObjects(env).filter((o) => o.file.startsWith(`apps/${env}/root/`) && !o.file.startsWith(`apps/${env}/root/projects/`)).map((o) => o.object);
    const wave = (name: string) => Number(root.find((o) => o.metadata.name === name)?.metadata.annotations?.["argocd.argoproj.io/sync-wave"]);
    const layers = root
      .filter((o) => o.kind === "Application" && /-(infrastructure|platform|application)$/.test(o.metadata.name) && o.metadata.name.startsWith(`${env}-`))
      .sort((a, b) => wave(a.metadata.name) - wave(b.metadata.name) || compareText(a.metadata.name, b.metadata.name));
    // The clusters other than the first, from their layer Applications `<env>-<cluster>-infrastructure`.
    const clusters = root.filter((o) => o.metadata.name.endsWith("-infrastructure") && o.metadata.name !== `${env}-infrastructure`).map((o) => o.metadata.name.slice(env.length + 1, -"-infrastructure".length));
    const prefixes = [`${env}-`, ...clusters.map((cluster) => `${env}-${cluster}-`)];
    expect(layers.map((o) => o.metadata.name).sort()).toEqual(prefixes.flatMap((prefix) => ["infrastructure", "platform", "application"].map((layer) => `${prefix}${layer}`)).sort());
    for (const prefix of prefixes) {
      const own = ["infrastructure", "platform", "application"].map((layer) => wave(`${prefix}${layer}`));
      expect(own, prefix).toEqual([...own].sort((a, b) => a - b));
      expect(new Set(own).size, prefix).toBe(3);
    }
    // Another cluster's infrastructure starts after its registration, which starts after the home cluster's infrastructure.
    if (clusters.length > 0) {
      expect(wave(`${env}-clusters`)).toBeGreaterThan(wave(`${env}-infrastructure`));
      for (const cluster of clusters) expect(wave(`${env}-${cluster}-infrastructure`), cluster).toBeGreaterThan(wave(`${env}-clusters`));
    }
  });

  const catalog = loadCatalog(repoRoot).components;
  const waveOf = (env: string) =>
    new Map(
      generatedObjects(env)
        .map((o) => o.object)
        .filter((o) => o.kind === "Application" && o.metadata.name.startsWith(`${env}-`))
        .map((o) => [o.metadata.name.slice(env.length + 1), { wave: Number(o.metadata.annotations?.["argocd.argoproj.io/sync-wave"] ?? 0), layer: catalog.find((c) => `${c.name}` === o.metadata.name.slice(env.length + 1))?.layer }]),
    );

  it.each(environments)("%s: every component syncs after the same-layer components it depends on", (env) => {
    const waves = waveOf(env);
    const late: string[] = [];
    for (const component of catalog.filter((c) => waves.has(c.name))) {
      for (const dependency of component.dependencies.filter((d) => waves.get(d)?.layer === component.layer)) {
        if ((waves.get(dependency)?.wave as number) >= (waves.get(component.name)?.wave as number)) late.push(`${dependency} (wave ${waves.get(dependency)?.wave}) is not before ${component.name} (wave ${waves.get(component.name)?.wave})`);
      }
    }
    expect(late).toEqual([]);
  });

  it.each(environments)("%s: CRD providers sync before their users (operators before clusters, Istio before policies, Prometheus operator before rules)", (env) => {
    const waves = waveOf(env);
    const pairs = [
      ["cloudnative-pg", "postgresql"],
      ["istio-base", "istiod"],
      ["istiod", "istio-ingressgateway"],
      ["istiod", "istio-config"],
      ["kube-prometheus-stack", "monitoring-config"],
      ["cert-manager", "cert-issuers"],
      ["external-secrets", "secret-stores"],
    ].filter(([provider, user]) => waves.has(provider as string) && waves.has(user as string));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [provider, user] of pairs) expect(waves.get(provider as string)?.wave, `${provider} before ${user}`).toBeLessThan(waves.get(user as string)?.wave as number);
    // Argo Rollouts' CRDs (infrastructure) exist before any later-layer chart renders a Rollout.
    if (waves.has("argo-rollouts")) expect(waves.get("argo-rollouts")?.layer).toBe("infrastructure");
  });
});
