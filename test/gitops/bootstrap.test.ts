import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { repoRoot } from "../../tools/src/paths.js";
import { environmentNames, kubectlKustomize, parseStream } from "./support/generated.js";

const environments = environmentNames();
const scratch = mkdtempSync(join(tmpdir(), "gitops-bootstrap-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const UPSTREAM_INSTALL = /^https:\/\/raw\.githubusercontent\.com\/argoproj\/argo-cd\/(v3\.\d+\.\d+)\/manifests\/(ha\/)?install\.yaml$/;

/** What the upstream install.yaml ships that the bootstrap patches: the three ConfigMaps, empty, without a namespace. */
function upstreamStub(without: string[] = []): string {
  return ["argocd-cm", "argocd-rbac-cm", "argocd-notifications-cm"]
    .filter((name) => !without.includes(name))
    .map((name) => stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "argocd" } } }))
    .join("---\n");
}

/**
 * The bootstrap kustomization with its one remote resource (the pinned upstream manifest) swapped
 * for a local stand-in, so everything the generator wrote is built offline.
 */
function buildOffline(env: string, stub: string) {
  const dir = join(scratch, `${env}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(repoRoot, "apps", env, "bootstrap", "argocd"), dir, { recursive: true });
  const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8")) as { resources: string[] };
  kustomization.resources = kustomization.resources.map((resource) => (UPSTREAM_INSTALL.test(resource) ? "upstream-install.yaml" : resource));
  writeFileSync(join(dir, "kustomization.yaml"), stringify(kustomization));
  writeFileSync(join(dir, "upstream-install.yaml"), stub);
  return kubectlKustomize(dir);
}

describe.each(environments)("bootstrap of %s", (env) => {
  const environment = parse(readFileSync(join(repoRoot, "environments", env, "environment.yaml"), "utf8")) as { argocd: { version: string; highAvailability?: boolean } };
  const kustomization = parse(readFileSync(join(repoRoot, "apps", env, "bootstrap", "argocd", "kustomization.yaml"), "utf8")) as { namespace: string; resources: string[]; components: string[] };

  it("installs the pinned Argo CD release (HA where the environment asks) into the argocd namespace", () => {
    const remote = kustomization.resources.filter((resource) => resource.includes("://"));
    expect(remote).toHaveLength(1);
    const [, version, ha] = UPSTREAM_INSTALL.exec(remote[0] as string) ?? [];
    expect(version).toBe(environment.argocd.version);
    expect(ha !== undefined).toBe(environment.argocd.highAvailability === true);
    expect(kustomization.namespace).toBe("argocd");
  });

  it("builds offline with the upstream manifest stood in for, patching (not replacing) the Argo CD ConfigMaps", () => {
    const result = buildOffline(env, upstreamStub());
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const objects = parseStream(result.stdout) as Array<{ kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; data?: Record<string, string> }>;
    const configMap = (name: string) => objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === name);
    expect(objects.find((o) => o.kind === "Namespace")?.metadata.name).toBe("argocd");
    for (const name of ["argocd-cm", "argocd-rbac-cm", "argocd-notifications-cm"]) {
      expect(configMap(name)?.metadata.namespace).toBe("argocd");
      expect(configMap(name)?.metadata.labels?.["app.kubernetes.io/part-of"], `${name} keeps the upstream labels`).toBe("argocd");
    }
    const cm = configMap("argocd-cm")?.data ?? {};
    expect(cm["admin.enabled"]).toBe("false");
    expect(cm.url).toMatch(/^https:\/\/argocd\./);
    expect(parse(cm["oidc.config"] as string)).toMatchObject({ clientSecret: expect.stringMatching(/^\$/) });
    expect(cm["resource.customizations.health.argoproj.io_Application"]).toContain("obj.status.health.status");
    expect(configMap("argocd-rbac-cm")?.data?.scopes).toBe("[groups]");
    const templates = Object.entries(configMap("argocd-notifications-cm")?.data ?? {}).filter(([key]) => key.startsWith("template."));
    expect(templates.length).toBeGreaterThan(0);
    for (const [, template] of templates) expect(template).toContain(`[${env}]`);
  });

  it("fails to build when the upstream manifest lacks a ConfigMap it patches (the patches target real objects)", () => {
    const result = buildOffline(env, upstreamStub(["argocd-rbac-cm"]));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("argocd-rbac-cm");
  });

  it("step two (root Application and AppProjects) builds offline and starts only the root", () => {
    const result = kubectlKustomize(join(repoRoot, "apps", env, "bootstrap"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const objects = parseStream(result.stdout);
    expect(objects.filter((o) => o.kind === "Application").map((o) => o.metadata.name)).toEqual([`${env}-root`]);
    expect(objects.filter((o) => o.kind === "AppProject").map((o) => o.metadata.name).sort()).toEqual(["default", `${env}-application`, `${env}-gitops`, `${env}-infrastructure`, `${env}-platform`]);
  });
});
