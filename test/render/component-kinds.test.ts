import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENT_KINDS_FILE, formatGroupKind, parseComponentKinds } from "../../tools/src/catalog/component-kinds.js";
import { repoRoot } from "../../tools/src/paths.js";
import { environmentNames, generatedObjects } from "../gitops/support/generated.js";
import { componentApplications, renderComponent } from "../support/component-renders.js";
import { placements } from "./support.js";
import { compareText } from "../../tools/src/text/compare-text.js";

/**
 * Issue 18.1: every AppProject permits exactly what its components render. The generator derives
 * the whitelists from schemas/component-kinds.json; here that file is held to the renders of every
 * environment (this repository's charts and the upstream charts, as Argo CD renders them): a kind a
 * component renders and the file lacks would be refused at sync, and a kind the file lists that no
 * environment renders would be a permission nobody uses.
 */

const declared = parseComponentKinds(COMPONENT_KINDS_FILE, readFileSync(join(repoRoot, COMPONENT_KINDS_FILE), "utf8"));

/** What each component renders across every environment, by scope, as group/Kind strings. */
function renderedKinds(): Map<string, { namespaced: Set<string>; cluster: Set<string> }> {
  const byComponent = new Map<string, { namespaced: Set<string>; cluster: Set<string> }>();
  for (const app of componentApplications()) {
    const entry = byComponent.get(app.component) ?? { namespaced: new Set<string>(), cluster: new Set<string>() };
    byComponent.set(app.component, entry);
    let rendered: ReturnType<typeof placements>;
    try {
      rendered = renderComponent(app).objects.length > 0 ? placements(app) : [];
    } catch {
      rendered = []; // a render that fails fails its own render test (component-checks.ts)
    }
    for (const p of rendered) entry[p.namespace ? "namespaced" : "cluster"].add(formatGroupKind({ group: p.group, kind: p.kind }));
  }
  return byComponent;
}

describe(`${COMPONENT_KINDS_FILE}: the kinds each component renders`, () => {
  it("parses without problems", () => {
    expect(declared.problems).toEqual([]);
  });

  it("lists exactly what each component renders in some environment, no more, no less", () => {
    const rendered = renderedKinds();
    const differences: string[] = [];
    const expectedEntries: Record<string, { namespaced: string[]; cluster: string[] }> = {};
    for (const [component, kinds] of [...rendered].sort(([a], [b]) => compareText(a, b))) {
      const entry = declared.kinds.get(component);
      const want = { namespaced: [...kinds.namespaced].sort(), cluster: [...kinds.cluster].sort() };
      const have = { namespaced: (entry?.namespaced ?? []).map(formatGroupKind).sort(), cluster: (entry?.cluster ?? []).map(formatGroupKind).sort() };
      for (const scope of ["namespaced", "cluster"] as const) {
        const missing = want[scope].filter((k) => !have[scope].includes(k));
        const unused = have[scope].filter((k) => !want[scope].includes(k));
        if (missing.length > 0) differences.push(`${component} renders ${scope} ${missing.join(", ")}, which the file does not list (its project would refuse them)`);
        if (unused.length > 0) differences.push(`${component} lists ${scope} ${unused.join(", ")}, which no environment renders (a permission nobody uses)`);
      }
      if (JSON.stringify(want) !== JSON.stringify(have)) expectedEntries[component] = want;
    }
    for (const component of declared.kinds.keys()) if (!rendered.has(component)) differences.push(`${component} has an entry but is deployed in no environment`);
    expect(differences, `write these entries into ${COMPONENT_KINDS_FILE}:\n${JSON.stringify(expectedEntries, null, 2)}`).toEqual([]);
  });
});

describe.each(environmentNames())("%s: every project permits only what its components render", (env) => {
  it("each whitelisted kind of a project is listed for one of the project's components", () => {
    const projects = generatedObjects(env).filter((o) => o.object.kind === "AppProject" && (o.object.spec as { namespaceResourceWhitelist?: unknown[] }).namespaceResourceWhitelist?.length);
    const applications = generatedObjects(env).filter((o) => o.object.kind === "Application" && o.file.includes("/layers/"));
    const problems: string[] = [];
    for (const { object: project } of projects) {
      if (project.metadata.name === `${env}-gitops`) {
        // The app-of-apps project: the root and layer Applications create Applications and AppProjects, nothing else.
        const spec = project.spec as { namespaceResourceWhitelist: { group: string; kind: string }[]; clusterResourceWhitelist: unknown[] };
        expect(spec.namespaceResourceWhitelist.map(formatGroupKind)).toEqual(["argoproj.io/AppProject", "argoproj.io/Application"]);
        expect(spec.clusterResourceWhitelist).toEqual([]);
        continue;
      }
      if (project.metadata.name === `${env}-clusters`) {
        // The cluster registrations' project (docs/clusters.md): ExternalSecrets that write Argo CD's cluster Secrets, nothing else.
        const spec = project.spec as { namespaceResourceWhitelist: { group: string; kind: string }[]; clusterResourceWhitelist: unknown[] };
        expect(spec.namespaceResourceWhitelist.map(formatGroupKind)).toEqual(["external-secrets.io/ExternalSecret"]);
        expect(spec.clusterResourceWhitelist).toEqual([]);
        continue;
      }
      const members = applications.filter((a) => (a.object.spec as { project: string }).project === project.metadata.name).map((a) => (a.object.spec as { sources: { helm?: { releaseName?: string } }[] }).sources[0]?.helm?.releaseName ?? "");
      const allowed = new Set(members.flatMap((m) => [...(declared.kinds.get(m)?.namespaced ?? []), ...(declared.kinds.get(m)?.cluster ?? [])].map(formatGroupKind)));
      const spec = project.spec as { namespaceResourceWhitelist: { group: string; kind: string }[]; clusterResourceWhitelist: { group: string; kind: string; name?: string }[] };
      for (const gk of [...spec.namespaceResourceWhitelist, ...spec.clusterResourceWhitelist.filter((c) => c.kind !== "Namespace")]) {
        if (gk.group === "*" || gk.kind === "*") problems.push(`${project.metadata.name} permits the wildcard ${formatGroupKind(gk)}`);
        else if (!allowed.has(formatGroupKind(gk))) problems.push(`${project.metadata.name} permits ${formatGroupKind(gk)}, which none of its components (${members.join(", ")}) renders`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("no platform or application project may create cluster-wide RBAC, PeerAuthentication, RequestAuthentication or Telemetry, and only Argo CD's project writes into Argo CD's namespace", () => {
    const problems: string[] = [];
    for (const { object: project } of generatedObjects(env).filter((o) => o.object.kind === "AppProject")) {
      const spec = project.spec as { namespaceResourceWhitelist?: { group: string; kind: string }[]; clusterResourceWhitelist?: { group: string; kind: string }[]; destinations?: { namespace: string }[] };
      const name = project.metadata.name;
      const workload = name.endsWith("-platform") || name.endsWith("-application");
      if (workload) {
        for (const gk of spec.clusterResourceWhitelist ?? []) if (gk.kind !== "Namespace") problems.push(`${name} may create the cluster-scoped ${formatGroupKind(gk)}`);
        for (const gk of spec.namespaceResourceWhitelist ?? []) if (["PeerAuthentication", "RequestAuthentication", "Telemetry"].includes(gk.kind)) problems.push(`${name} may create ${formatGroupKind(gk)}, which could switch its own mTLS or authentication off`);
      }
      const intoArgocd = (spec.destinations ?? []).some((d) => d.namespace === "argocd");
      // The cluster registrations' project writes there too, ExternalSecrets only (checked above).
      if (intoArgocd && ![`${env}-argocd`, `${env}-gitops`, `${env}-clusters`].includes(name)) problems.push(`${name} may deploy into the argocd namespace`);
    }
    expect(problems).toEqual([]);
  });
});
