import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveBinary } from "../../tools/src/binaries/binaries.js";
import { APPLICATION_HEALTH_LUA } from "../../tools/src/gitops/manifests/application-health.js";
import { parseManifests, type KubeObject } from "../../tools/src/kubernetes/index.js";
import { repoRoot } from "../../tools/src/paths.js";
import { run } from "../../tools/src/process/run.js";
import { DEFAULT_CLUSTER } from "../../tools/src/render/render-application.js";
import { cachedHelm } from "../../tools/src/render/render-cache.js";
import { locateUpstreamChart } from "../../tools/src/upstream/chart-locator.js";
import { componentApplications, environmentSpec, renderComponent } from "../support/component-renders.js";
import { environmentNames, filesUnder, kubectlKustomize, parseStream } from "./support/generated.js";

/**
 * One Argo CD: the bootstrap installs the `argo-cd` component's chart with the same version, release
 * name, namespace and values as the self-managing Application, so what the bootstrap creates is
 * exactly what Argo CD then manages (issue: a second set of controllers, `argo-cd-argocd-*`, beside
 * the bootstrap's `argocd-*`, both reconciling the same Applications).
 */
const environments = environmentNames();

/** The words of the generated bootstrap script's line that runs `"$helm" <verb>` (words are unquoted, single- or double-quoted). */
function scriptLine(env: string, verb: "pull" | "upgrade"): string[] {
  const script = readFileSync(join(repoRoot, "apps", env, "bootstrap", "install-argo-cd.sh"), "utf8");
  const line = script.split("\n").find((l) => l.startsWith(`"$helm" ${verb} `));
  expect(line, `the script runs "$helm" ${verb} once`).toBeDefined();
  return [...(line as string).slice('"$helm" '.length).matchAll(/'((?:[^']|'\\'')*)'|("[^"]*")|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : ((m[2] ?? m[3]) as string)));
}

/** The helm arguments of the install line, without the trailing "$@". */
function scriptArgs(env: string): string[] {
  const words = scriptLine(env, "upgrade");
  expect(words.at(-1)).toBe('"$@"');
  return words.slice(0, -1);
}

function option(args: string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === name ? [args[i + 1] as string] : []));
}

const identity = (o: KubeObject) => `${o.apiVersion.split("/").length > 1 ? o.apiVersion.split("/")[0] : "core"}/${o.kind} ${o.metadata?.namespace ?? "-"}/${o.metadata?.name}`;

describe.each(environments)("bootstrap of %s", (env) => {
  const self = componentApplications().find((a) => a.env === env && a.upstream && a.request.chart.kind === "upstream" && a.request.chart.chart === "argo-cd");
  const spec = environmentSpec(env) as unknown as { argocd: { version: string; highAvailability?: boolean } };

  it("has a self-managing argo-cd component", () => {
    expect(self, `environments/${env}/environment.yaml enables the argo-cd component`).toBeDefined();
  });

  it("installs the same chart, version, release name, namespace and values as the argo-cd Application", () => {
    const args = scriptArgs(env);
    const request = self!.request;
    if (request.chart.kind !== "upstream") throw new Error("argo-cd is an upstream chart");
    // It installs the package it pulled (and verified): the pinned chart and version from the chart's repository.
    expect(args.slice(0, 4)).toEqual(["upgrade", "--install", request.releaseName, '"$package"']);
    const pull = scriptLine(env, "pull");
    expect(pull.slice(0, 2)).toEqual(["pull", request.chart.chart]);
    expect(option(pull, "--repo")).toEqual([request.chart.repoURL]);
    expect(option(pull, "--version")).toEqual([request.chart.version]);
    expect(option(args, "--namespace")).toEqual([request.namespace]);
    const values = option(args, "--values");
    expect(values).toEqual([...request.valueFiles.map((f) => f.path), `apps/${env}/bootstrap/argo-cd-values.yaml`]);
    expect(parse(readFileSync(join(repoRoot, values[1] as string), "utf8")), "the bootstrap's generated values are the Application's valuesObject").toEqual(request.valuesObject);
  });

  it("renders exactly the objects the self-managing Application renders (one set of Argo CD controllers)", () => {
    const args = scriptArgs(env);
    const request = self!.request;
    if (request.chart.kind !== "upstream") throw new Error("argo-cd is an upstream chart");
    const chart = locateUpstreamChart({ repoURL: request.chart.repoURL, chart: request.chart.chart, version: request.chart.version });
    expect(option(scriptLine(env, "pull"), "--version")).toEqual([request.chart.version]);
    const valueFiles = option(args, "--values").map((file) => join(repoRoot, file));
    // What `helm upgrade --install` applies: the templates (and crds/, which --include-crds adds) rendered for the cluster.
    const template = ["template", args[2] as string, chart, "--namespace", option(args, "--namespace")[0] as string, "--kube-version", DEFAULT_CLUSTER.kubeVersion, ...DEFAULT_CLUSTER.apiVersions.flatMap((a) => ["--api-versions", a]), ...valueFiles.flatMap((f) => ["--values", f]), "--include-crds"];
    const bootstrap = cachedHelm("helm", template, [chart, ...valueFiles]);
    expect(bootstrap.status, bootstrap.stderr).toBe(0);
    const managed = renderComponent(self!).objects;
    const installed = parseManifests(bootstrap.stdout, "bootstrap");
    expect(installed.map(identity).sort()).toEqual(managed.map(identity).sort());
    expect(managed.map(identity).filter((id) => / [^/]+\/argo-cd-argocd-/.test(id)), "no objects of a second Argo CD").toEqual([]);
    expect(managed.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet").map((o) => o.metadata?.name)).toContain("argocd-repo-server");
  });

  it("runs the Argo CD version environment.yaml names, which is the pinned chart's appVersion", () => {
    const request = self!.request;
    if (request.chart.kind !== "upstream") throw new Error("argo-cd is an upstream chart");
    const chart = locateUpstreamChart({ repoURL: request.chart.repoURL, chart: request.chart.chart, version: request.chart.version });
    const show = run(resolveBinary("helm"), ["show", "chart", chart]);
    expect(show.status, show.stderr).toBe(0);
    expect((parse(show.stdout) as { appVersion: string }).appVersion, `argo-cd chart ${request.chart.version}'s appVersion`).toBe(spec.argocd.version);
    const images = renderComponent(self!)
      .objects.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind))
      .flatMap((o) => ((o as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers ?? []).map((c) => c.image))
      .filter((image) => /argoproj\/argocd:/.test(image));
    expect(images.length).toBeGreaterThan(3);
    for (const image of images) expect(image.split(":").at(-1)).toBe(spec.argocd.version);
  });

  it("is highly available where environment.yaml says so", () => {
    const objects = renderComponent(self!).objects as (KubeObject & { spec?: { replicas?: number; minReplicas?: number; scaleTargetRef?: { name: string } } })[];
    const replicas = (name: string) => objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec?.scaleTargetRef?.name === name)?.spec?.minReplicas ?? objects.find((o) => ["Deployment", "StatefulSet"].includes(o.kind) && o.metadata?.name === name)?.spec?.replicas ?? 1;
    const ha = ["argocd-application-controller", "argocd-server", "argocd-repo-server"].every((name) => replicas(name) >= 2) && objects.some((o) => o.kind === "StatefulSet" && /redis-ha-server$/.test(o.metadata?.name ?? ""));
    expect(ha).toBe(spec.argocd.highAvailability === true);
  });

  it("configures Argo CD as environment.yaml decides (SSO, no admin, the Application health check, RBAC, notifications)", () => {
    const configMap = (name: string) => renderComponent(self!).objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === name) as (KubeObject & { data?: Record<string, string> }) | undefined;
    const cm = configMap("argocd-cm")?.data ?? {};
    expect(cm["admin.enabled"]).toBe("false");
    expect(cm.url).toMatch(/^https:\/\/argocd\./);
    expect(parse(cm["oidc.config"] as string)).toMatchObject({ clientSecret: expect.stringMatching(/^\$/) });
    expect(cm["resource.customizations.health.argoproj.io_Application"]).toBe(APPLICATION_HEALTH_LUA);
    expect(configMap("argocd-rbac-cm")?.data?.scopes).toBe("[groups]");
    const templates = Object.entries(configMap("argocd-notifications-cm")?.data ?? {}).filter(([key]) => key.startsWith("template."));
    expect(templates.length).toBeGreaterThan(0);
    for (const [, template] of templates) expect(template).toContain(`[${env}]`);
  });

  it("step two (root Application and AppProjects) builds offline and starts only the root", () => {
    const result = kubectlKustomize(join(repoRoot, "apps", env, "bootstrap"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const objects = parseStream(result.stdout);
    expect(objects.filter((o) => o.kind === "Application").map((o) => o.metadata.name)).toEqual([`${env}-root`]);
    // An environment in several clusters adds the project of its cluster registrations (docs/clusters.md).
    const registrations = ((parse(readFileSync(join(repoRoot, "environments", env, "environment.yaml"), "utf8")) as { clusters?: unknown[] }).clusters ?? []).length > 1 ? [`${env}-clusters`] : [];
    expect(objects.filter((o) => o.kind === "AppProject").map((o) => o.metadata.name).sort()).toEqual(["default", `${env}-application`, `${env}-argocd`, ...registrations, `${env}-gitops`, `${env}-infrastructure`, `${env}-platform`]);
  });

  it("installs Argo CD's chart package only when its sha256 is the recorded x-upstream.digest, and refuses a tampered one", () => {
    const request = self!.request;
    if (request.chart.kind !== "upstream") throw new Error("argo-cd is an upstream chart");
    const real = locateUpstreamChart({ repoURL: request.chart.repoURL, chart: request.chart.chart, version: request.chart.version });
    const recorded = (JSON.parse(readFileSync(join(repoRoot, "schemas/upstream/argo-cd.json"), "utf8")) as { "x-upstream": { digest: string } })["x-upstream"].digest;
    expect(recorded, "x-upstream.digest is the sha256 of the package the tests render").toBe(`sha256:${createHash("sha256").update(readFileSync(real)).digest("hex")}`);
    // A stand-in for helm: `pull` copies the package given in PACKAGE to --destination, `upgrade` records its arguments.
    const dir = mkdtempSync(join(tmpdir(), "bootstrap-"));
    const stub = join(dir, "helm");
    writeFileSync(stub, ['#!/bin/sh', 'if [ "$1" = pull ]; then while [ "$#" -gt 0 ]; do if [ "$1" = --destination ]; then cp "$PACKAGE" "$2/argo-cd-' + request.chart.version + '.tgz"; fi; shift; done; exit 0; fi', 'echo "$@" > "$RECORD"', ""].join("\n"));
    chmodSync(stub, 0o755);
    const script = join(repoRoot, "apps", env, "bootstrap", "install-argo-cd.sh");
    const runWith = (pkg: string) => {
      const record = join(dir, `record-${basename(pkg)}`);
      const result = spawnSync("sh", [script], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HELM: stub, PACKAGE: pkg, RECORD: record }, encoding: "utf8" });
      return { ...result, installed: existsSync(record) ? readFileSync(record, "utf8") : undefined };
    };
    const good = runWith(real);
    expect(good.status, good.stderr).toBe(0);
    expect(good.installed).toMatch(new RegExp(`^upgrade --install argo-cd \\S+/argo-cd-${request.chart.version.replace(/\./g, "\\.")}\\.tgz --namespace argocd `));
    const tampered = join(dir, "tampered.tgz");
    writeFileSync(tampered, Buffer.concat([readFileSync(real), Buffer.from("x")]));
    const bad = runWith(tampered);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("refusing to install a package other than the reviewed one");
    expect(bad.installed, "nothing was installed").toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies nothing fetched from a URL at bootstrap (everything applied is in this repository or the pinned chart)", () => {
    const remote = filesUnder(join(repoRoot, "apps", env)).filter((f) => f.endsWith("kustomization.yaml")).flatMap((f) => ((parse(readFileSync(join(repoRoot, "apps", env, f), "utf8")) as { resources?: string[] }).resources ?? []).filter((r) => r.includes("://")).map((r) => `${f}: ${r}`));
    expect(remote).toEqual([]);
  });
});
