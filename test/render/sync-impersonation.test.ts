import { describe, expect, it } from "vitest";
import { serviceAccountToImpersonate, type DestinationServiceAccount } from "../../tools/src/argocd/sync-impersonation.js";
import { BUILT_IN_API_GROUPS, knownResources, resourceOf } from "../../tools/src/kubernetes/api-resources.js";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { rulesAllow, uncoveredBy, type PolicyRule } from "../../tools/src/kubernetes/rbac.js";
import { environmentNames, generatedObjects } from "../gitops/support/generated.js";
import { componentApplications, renderComponent, type ComponentApplication } from "../support/component-renders.js";
import { placements } from "./support.js";

/**
 * Issue 18, point 1: every layer applies with a service account of its own (Argo CD sync
 * impersonation, `destinationServiceAccounts`). Over every environment as generated and rendered:
 * each Application resolves to the identity its project names for its destination (Argo CD's own
 * matching, tools/src/argocd/sync-impersonation.ts), that identity exists in the renders, and for
 * the platform and application layers its RBAC allows every object the component renders, in its
 * own namespace only, and grants no kind the project does not whitelist.
 */

const SYNC_VERBS = ["create", "patch", "update", "delete", "get"];
const ROLE_KINDS = new Set(["Role", "ClusterRole"]);

interface Project {
  metadata: { name: string };
  spec: { destinations: { server: string; namespace: string }[]; destinationServiceAccounts?: DestinationServiceAccount[]; namespaceResourceWhitelist?: { group: string; kind: string }[] };
}
interface Binding {
  kind: string;
  metadata: { name: string; namespace?: string };
  roleRef: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

const projectsOf = (env: string) => new Map(generatedObjects(env).filter((o) => o.object.kind === "AppProject").map((o) => [o.object.metadata.name, o.object as unknown as Project]));
const applicationsOf = (env: string) => generatedObjects(env).filter((o) => o.object.kind === "Application");
const destinationOf = (application: { spec?: unknown }) => (application.spec as { destination: { server: string; namespace: string } }).destination;

function renderedObjects(env: string, component: string): KubeObject[] {
  const app = componentApplications().find((a) => a.env === env && a.component === component);
  if (!app) throw new Error(`${env}: no ${component} Application`);
  const render = renderComponent(app).outputs[0]?.render;
  if (!render || render.status !== 0) throw new Error(`${app.file} does not render: ${render?.stderr ?? "no output"}`);
  return renderComponent(app).objects;
}

/** The rules a user holds in a namespace (undefined: cluster-wide), from the rendered roles and bindings. */
function rulesOf(objects: readonly KubeObject[], user: string, namespace: string | undefined): PolicyRule[] {
  const [, , saNamespace, saName] = user.split(":");
  const roles = objects.filter((o) => ROLE_KINDS.has(o.kind));
  const bindings = objects.filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") as unknown as Binding[];
  return bindings
    .filter((b) => b.kind === "ClusterRoleBinding" || b.metadata.namespace === namespace)
    .filter((b) => (b.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === saName && s.namespace === saNamespace))
    .flatMap((b) => {
      const role = roles.find((r) => r.kind === b.roleRef.kind && r.metadata?.name === b.roleRef.name && (r.kind === "ClusterRole" || r.metadata?.namespace === b.metadata.namespace));
      return ((role as { rules?: PolicyRule[] } | undefined)?.rules ?? []) as PolicyRule[];
    });
}

function expectedIdentity(project: string, env: string, namespace: string): string {
  // `${env}-clusters`: the cluster registrations' ExternalSecrets in argocd (docs/clusters.md), synced like Argo CD's own project.
  if (project === `${env}-gitops` || project === `${env}-infrastructure` || project === `${env}-argocd` || project === `${env}-clusters`) return project === `${env}-gitops` ? "system:serviceaccount:argocd:argocd-gitops-sync" : "system:serviceaccount:argocd:argocd-infrastructure-sync";
  return `system:serviceaccount:${namespace}:argocd-sync`;
}

const workload = (env: string, app: ComponentApplication) => [`${env}-platform`, `${env}-application`].includes((app.application.spec as { project: string }).project);

describe.each(environmentNames())("%s: sync impersonation", (env) => {
  it("argocd-cm switches impersonation on, in the bootstrap values and the argo-cd Application", () => {
    const argoCd = applicationsOf(env).find((a) => a.object.metadata.name === `${env}-argo-cd`);
    const values = (argoCd?.object.spec as { sources: { helm?: { valuesObject?: { configs?: { cm?: Record<string, string> } } } }[] }).sources[0]?.helm?.valuesObject;
    expect(values?.configs?.cm?.["application.sync.impersonation.enabled"]).toBe("true");
  });

  it("every Application resolves, with Argo CD's matching, to its layer's identity; one entry per destination, no catch-all", () => {
    const projects = projectsOf(env);
    const problems: string[] = [];
    for (const { file, object } of applicationsOf(env)) {
      const projectName = (object.spec as { project: string }).project;
      const project = projects.get(projectName);
      if (!project) {
        problems.push(`${file}: project ${projectName} is not generated`);
        continue;
      }
      const destination = destinationOf(object);
      const resolved = serviceAccountToImpersonate(project.spec.destinationServiceAccounts ?? [], destination);
      if ("error" in resolved) problems.push(`${file}: ${resolved.error} (Argo CD fails its sync)`);
      else if (resolved.user !== expectedIdentity(projectName, env, destination.namespace)) problems.push(`${file}: syncs as ${resolved.user}, expected ${expectedIdentity(projectName, env, destination.namespace)}`);
    }
    for (const [name, project] of projects) {
      const entries = project.spec.destinationServiceAccounts ?? [];
      const keys = (list: { server: string; namespace?: string }[]) => list.map((d) => `${d.server} ${d.namespace ?? ""}`).sort();
      if (JSON.stringify(keys(entries)) !== JSON.stringify(keys(project.spec.destinations))) problems.push(`${name}: destinationServiceAccounts ${JSON.stringify(keys(entries))} differ from its destinations ${JSON.stringify(keys(project.spec.destinations))}`);
    }
    expect(problems).toEqual([]);
  });

  it("the identities in Argo CD's namespace come with Argo CD: the app-of-apps may write Applications and AppProjects there only", () => {
    const objects = renderedObjects(env, "argo-cd");
    const sa = (name: string) => objects.some((o) => o.kind === "ServiceAccount" && o.metadata?.name === name && o.metadata?.namespace === "argocd");
    expect(sa("argocd-gitops-sync") && sa("argocd-infrastructure-sync")).toBe(true);
    const gitops = rulesOf(objects, "system:serviceaccount:argocd:argocd-gitops-sync", "argocd");
    for (const verb of SYNC_VERBS) for (const resource of ["applications", "appprojects"]) expect(rulesAllow(gitops, { verb, apiGroup: "argoproj.io", resource }), `${verb} ${resource}`).toBe(true);
    expect(rulesAllow(gitops, { verb: "get", apiGroup: "", resource: "secrets" })).toBe(false);
    const clusterBindings = objects.filter((o) => o.kind === "ClusterRoleBinding") as unknown as Binding[];
    expect(clusterBindings.filter((b) => (b.subjects ?? []).some((s) => s.name === "argocd-gitops-sync")).map((b) => b.metadata.name)).toEqual([]);
  });

  it("each platform and application component's identity may create, patch and delete every object the component renders, in its own namespace only, and read and patch that namespace", () => {
    const identities = renderedObjects(env, "sync-identities");
    const problems: string[] = [];
    for (const app of componentApplications().filter((a) => a.env === env && workload(env, a))) {
      const namespace = destinationOf(app.application).namespace;
      const user = `system:serviceaccount:${namespace}:argocd-sync`;
      const inNamespace = rulesOf(identities, user, namespace);
      const clusterWide = rulesOf(identities, user, undefined).filter((rule) => !inNamespace.includes(rule));
      for (const verb of ["get", "patch"]) if (!rulesAllow([...inNamespace, ...clusterWide], { verb, apiGroup: "", resource: "namespaces", name: namespace })) problems.push(`${app.file}: ${user} may not ${verb} its Namespace ${namespace} (CreateNamespace with managedNamespaceMetadata)`);
      for (const p of placements(app)) {
        const what = `${app.file}: ${p.group || "core"}/${p.kind} ${p.name}`;
        if (p.namespace === undefined) {
          problems.push(`${what} is cluster-scoped; the namespace identity may create nothing outside its namespace`);
          continue;
        }
        if (p.namespace !== namespace) {
          problems.push(`${what} lands in ${p.namespace}, outside the identity's namespace ${namespace}`);
          continue;
        }
        const resource = resourceOf(p.group, p.kind);
        for (const verb of SYNC_VERBS) if (!rulesAllow(inNamespace, { verb, apiGroup: p.group, resource, name: p.name })) problems.push(`${what}: ${user} may not ${verb} it`);
        // Kubernetes' escalation prevention: a Role, or a binding to one, needs its permissions held.
        if (p.kind === "Role") for (const rule of ((p.object as { rules?: PolicyRule[] }).rules ?? [])) for (const missing of uncoveredBy(inNamespace, rule)) problems.push(`${what} grants ${missing}, which ${user} does not hold (the API server refuses the Role)`);
      }
      // Nothing anywhere else: the identity's cluster-wide rights are its own Namespace only.
      for (const rule of clusterWide) if (JSON.stringify(rule.resources) !== '["namespaces"]' || JSON.stringify(rule.resourceNames) !== JSON.stringify([namespace])) problems.push(`${user} holds the cluster-wide ${JSON.stringify(rule)}`);
    }
    expect(problems).toEqual([]);
  });

  it("a namespace identity's generated rules grant only kinds its project whitelists, and each held rule is granted by a Role rendered there", () => {
    const application = applicationsOf(env).find((a) => a.object.metadata.name === `${env}-sync-identities`);
    expect(application, `${env}-sync-identities Application`).toBeDefined();
    const generated = ((application?.object.spec as { sources: { helm?: { valuesObject?: { namespaces?: { name: string; rules: PolicyRule[] }[] } } }[] }).sources[0]?.helm?.valuesObject?.namespaces ?? []);
    const projects = projectsOf(env);
    const problems: string[] = [];
    for (const { name, rules } of generated) {
      const project = [...projects.values()].find((p) => [`${env}-platform`, `${env}-application`].includes(p.metadata.name) && p.spec.destinations.some((d) => d.namespace === name));
      const allowed = new Set((project?.spec.namespaceResourceWhitelist ?? []).map((gk) => `${gk.group}/${resourceOf(gk.group, gk.kind)}`));
      for (const rule of rules) for (const group of rule.apiGroups ?? []) for (const resource of rule.resources ?? []) if (!allowed.has(`${group}/${resource}`)) problems.push(`${name}: the Role grants ${group || "core"}/${resource}, which ${project?.metadata.name ?? "no project"} does not whitelist`);
    }
    const identities = renderedObjects(env, "sync-identities");
    for (const role of identities.filter((o) => o.kind === "Role")) {
      const namespace = role.metadata?.namespace ?? "";
      const own = generated.find((g) => g.name === namespace)?.rules ?? [];
      const held = ((role as { rules?: PolicyRule[] }).rules ?? []).filter((rule) => !own.some((o) => JSON.stringify(o) === JSON.stringify(rule)));
      const granted = componentApplications()
        .filter((a) => a.env === env && workload(env, a) && destinationOf(a.application).namespace === namespace)
        .flatMap((a) => renderComponent(a).objects.filter((o) => o.kind === "Role").flatMap((o) => ((o as { rules?: PolicyRule[] }).rules ?? []) as PolicyRule[]));
      for (const rule of held) for (const missing of uncoveredBy(granted, { ...rule, resourceNames: [] })) problems.push(`${namespace}: held rule grants ${missing}, which no Role rendered there grants (a right nobody needs)`);
    }
    expect(problems).toEqual([]);
  });

  it("the resource names of custom kinds are the plurals of the CRDs the environment renders", () => {
    const crds = componentApplications()
      .filter((a) => a.env === env)
      .flatMap((a) => {
        try {
          return renderComponent(a).objects.filter((o) => o.kind === "CustomResourceDefinition");
        } catch {
          return [];
        }
      })
      .map((o) => (o as unknown as { spec: { group: string; names: { kind: string; plural: string } } }).spec);
    const problems: string[] = [];
    for (const entry of knownResources().filter((r) => !BUILT_IN_API_GROUPS.includes(r.group))) {
      const crd = crds.find((c) => c.group === entry.group && c.names.kind === entry.kind);
      if (crd && crd.names.plural !== entry.resource) problems.push(`${entry.group}/${entry.kind}: table says ${entry.resource}, the CRD ${crd.names.plural}`);
    }
    // Every custom kind a workload identity is granted is installed by a CRD of the environment.
    for (const app of componentApplications().filter((a) => a.env === env && workload(env, a))) {
      for (const p of placements(app).filter((x) => !BUILT_IN_API_GROUPS.includes(x.group))) if (!crds.some((c) => c.group === p.group && c.names.kind === p.kind)) problems.push(`${app.file}: ${p.group}/${p.kind} has no CRD in ${env}`);
    }
    expect(problems).toEqual([]);
  });
});
