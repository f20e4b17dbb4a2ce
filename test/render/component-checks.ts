import { describe, expect, it } from "vitest";
import { resourcePermissionProblem, type ProjectSpec } from "../../tools/src/argocd/project-permissions.js";
import { validateAgainstCrds } from "../../tools/src/kubernetes/crd-schema.js";
import { formatProblems, validateObject } from "../../tools/src/kubernetes/index.js";
import { checkPodSecurity } from "../../tools/src/kubernetes/pod-security-admission.js";
import { generatedObjects } from "../gitops/support/generated.js";
import { componentApplications, renderComponent, sourcesOf, type ComponentApplication } from "../support/component-renders.js";
import { crdRegistryOf, levelOf, placements } from "./support.js";

/**
 * Every component Application of every environment (this repository's charts and the upstream
 * charts), rendered exactly as Argo CD's repo-server renders it (tools/src/render: the chart at the
 * pinned revision or version, value files read at the `$values` revision, valuesObject,
 * parameters, release name, namespace, --include-crds, the cluster's API versions), under Helm 4
 * and Helm 3, and put through the checks the API server and Argo CD apply.
 */

/**
 * An upstream render as a comparable text: its documents that hold an object, in a fixed order.
 * Helm 3 and Helm 4 print documents holding only comments differently, and order some kinds
 * (hooks, kinds outside Helm's install order) differently; neither carries a difference Argo CD
 * would apply.
 */
function documentsOf(text: string): string {
  return text
    .split(/^---$/m)
    .map((document) => document.trim())
    .filter((document) => document.split("\n").some((line) => line.trim() !== "" && !line.trimStart().startsWith("#")))
    .sort()
    .join("\n---\n");
}

function projectOf(app: ComponentApplication): ProjectSpec & { sourceRepos: string[] } {
  const name = (app.application.spec as { project: string }).project;
  const project = generatedObjects(app.env).find((o) => o.object.kind === "AppProject" && o.object.metadata.name === name)?.object.spec;
  if (!project) throw new Error(`${app.file}: project ${name} is not generated for ${app.env}`);
  return project as unknown as ProjectSpec & { sourceRepos: string[] };
}

/** Defines the checks for every component Application of one environment. */
export function componentRenderChecks(env: string): void {
  const applications = componentApplications().filter((app) => app.env === env);
  // A component of a multi-cluster environment has one Application per cluster: the label names the cluster where there are several.
  const clusterOf = (app: ComponentApplication) => (app.application.metadata as { labels?: Record<string, string> }).labels?.["platform.mcp-security.io/cluster"];
  const cases = applications.map((app) => [`${app.env}/${app.component}${clusterOf(app) ? ` in cluster ${clusterOf(app)}` : ""}`, app] as const);

  it("include this repository's charts and the upstream charts", () => {
    expect(applications.filter((a) => a.upstream).length, `${env} upstream`).toBeGreaterThan(5);
    expect(applications.filter((a) => !a.upstream).length, `${env} ours`).toBeGreaterThan(5);
  });

  describe.each(cases)("%s as Argo CD renders it", (_label, app) => {
    it("renders under Helm 4 and Helm 3 to byte-identical documents, so the render depends on neither randomness nor the Helm major", () => {
      const outputs = renderComponent(app).outputs;
      for (const { label, render } of outputs) {
        expect(render.status, `${label} ${render.args.join(" ")}\n${render.stderr}`).toBe(0);
        expect(render.stderr, `${label} stderr`).not.toMatch(/error/i);
      }
      // Two independent renders: a random or time-dependent value differs between them. Every document
      // of an upstream chart must be byte-identical (see documentsOf for what may differ); ours must
      // match byte for byte as a whole.
      const comparable = (text: string) => (app.upstream ? documentsOf(text) : text);
      expect(comparable(outputs[1]?.render.stdout ?? ""), "Helm 3 and Helm 4 renders differ").toBe(comparable(outputs[0]?.render.stdout ?? ""));
      expect(renderComponent(app).objects.length).toBeGreaterThan(0);
    });

    it("every object validates strictly: custom resources against the real CRDs the environment installs, the rest against the Kubernetes models (unknown fields are errors)", () => {
      const registry = crdRegistryOf(app.env);
      const objects = renderComponent(app).objects;
      const custom = objects.filter((o) => registry.lookup(o.apiVersion, o.kind) !== undefined);
      const problems = [...validateAgainstCrds(custom, registry), ...objects.filter((o) => !custom.includes(o)).flatMap((object) => validateObject(object))];
      expect(problems, formatProblems(problems)).toEqual([]);
    });

    it("every pod passes Pod Security at the level of the namespace it lands in", () => {
      const problems = placements(app).flatMap((p) => (p.namespace ? checkPodSecurity(p.object, { level: levelOf(app.env, p.namespace as string) }).map((problem) => ({ ...problem, message: `${problem.message} (namespace ${p.namespace} enforces ${levelOf(app.env, p.namespace as string)})` })) : []));
      expect(problems, formatProblems(problems)).toEqual([]);
    });

    // Our charts only: upstream charts' policies are their maintainers' (issue 18 covers them).
    if (!app.upstream) it("its NetworkPolicies admit named pods only: no ingress peer selects a whole namespace (metrics included)", () => {
      const wide = renderComponent(app)
        .objects.filter((o) => o.kind === "NetworkPolicy")
        .flatMap((policy) => (((policy as { spec?: { ingress?: { from?: { namespaceSelector?: unknown; podSelector?: unknown; ipBlock?: unknown }[] }[] } }).spec?.ingress ?? []).flatMap((rule) => (rule.from ?? []).filter((peer) => peer.namespaceSelector !== undefined && peer.podSelector === undefined).map((peer) => `${policy.metadata?.name}: ${JSON.stringify(peer)}`))));
      expect(wide).toEqual([]);
    });

    it("its sources and every object it renders are permitted by its AppProject", () => {
      const project = projectOf(app);
      const server = (app.application.spec as { destination: { server: string } }).destination.server;
      for (const source of sourcesOf(app.application)) expect(project.sourceRepos, `${source.repoURL} is a source repository of the project`).toContain(source.repoURL);
      const refused = placements(app)
        .map((p) => ({ p, why: resourcePermissionProblem(project, { group: p.group, kind: p.kind, name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}) }, server) }))
        .filter((r) => r.why !== undefined)
        .map((r) => `${r.p.kind} ${r.p.namespace ? `${r.p.namespace}/` : ""}${r.p.name}: ${r.why}`);
      expect(refused, `${(app.application.spec as { project: string }).project} would refuse:\n${refused.join("\n")}`).toEqual([]);
    });
  });
}
