import type { IAppProject, IProjectRole, ISyncWindow } from "../../kubernetes/argocd-types.js";
import type { Layer } from "../../catalog/layers.js";
import type { EnvironmentSpec } from "../environment-model.js";
import type { EnvironmentPlan, PlannedComponent } from "../environment-plan.js";
import { ARGOCD_NAMESPACE, IN_CLUSTER, LABELS, names, PART_OF, repoPaths, RESOURCES_FINALIZER, SYNC_OPTIONS, SYNC_WAVE } from "./conventions.js";
import { sortGroupKinds, type GroupKind } from "../../catalog/component-kinds.js";
import { LAYERS } from "../../catalog/layers.js";
import { GITOPS_SYNC_SERVICE_ACCOUNT, INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT, SYNC_IDENTITIES_COMPONENT, SYNC_SERVICE_ACCOUNT, syncIdentityNamespaces, syncsAsNamespaceIdentity } from "../sync-identities.js";
import { compareText } from "../../text/compare-text.js";

const DENY_ALL = [{ group: "*", kind: "*" }];
/** Projects Argo CD must neither prune nor delete before the Applications that use them. */
const KEEP = { [SYNC_WAVE]: "-1", [SYNC_OPTIONS]: "Prune=false,Delete=false" };

/** An AppProject of the environment in the Argo CD namespace, with the platform's labels (and its layer's). */
export function appProject(environment: EnvironmentSpec, name: string, spec: IAppProject["spec"], options: { layer?: Layer; annotations: Record<string, string>; finalizers?: string[] }): IAppProject {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AppProject",
    metadata: {
      name,
      namespace: ARGOCD_NAMESPACE,
      labels: { [LABELS.partOf]: PART_OF, [LABELS.environment]: environment.name, ...(options.layer ? { [LABELS.layer]: options.layer } : {}) },
      annotations: options.annotations,
      ...(options.finalizers ? { finalizers: options.finalizers } : {}),
    },
    spec,
  };
}

/**
 * Argo CD's built-in `default` project allows everything; locked down, an Application that forgets
 * its project cannot deploy anything. Never pruned or deleted: Argo CD would recreate it wide open.
 */
export function lockedDefaultProject(environment: EnvironmentSpec): IAppProject {
  const spec = {
    description: "Locked down: every Application must use the project of its layer.",
    sourceRepos: [],
    destinations: [],
    clusterResourceBlacklist: DENY_ALL,
    namespaceResourceBlacklist: DENY_ALL,
  };
  return appProject(environment, "default", spec, { annotations: KEEP });
}

/** The project of the root and layer Applications: they may only create Applications and AppProjects in the Argo CD namespace. */
export function gitopsProject(environment: EnvironmentSpec): IAppProject {
  const name = names.gitopsProject(environment.name);
  const spec = {
    description: `${environment.name}: the app-of-apps (root and layer Applications).`,
    sourceRepos: [environment.repository.url],
    destinations: [{ server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE }],
    destinationServiceAccounts: [{ server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE, defaultServiceAccount: `${ARGOCD_NAMESPACE}:${GITOPS_SYNC_SERVICE_ACCOUNT}` }],
    clusterResourceWhitelist: [],
    namespaceResourceWhitelist: [
      { group: "argoproj.io", kind: "AppProject" },
      { group: "argoproj.io", kind: "Application" },
    ],
    roles: projectRoles(environment, name),
    orphanedResources: { warn: true },
    ...syncWindowsOf(environment),
  };
  // The root Application belongs to this project: deleting it first would strand the root.
  return appProject(environment, name, spec, { annotations: KEEP });
}

/**
 * The project a component's Application belongs to: its layer's, except for the components
 * deployed into Argo CD's own namespace, which get a project of their own so that no other
 * component may write into the namespace holding Argo CD's credentials and configuration.
 */
export function projectNameOf(env: string, component: PlannedComponent): string {
  return component.namespace === ARGOCD_NAMESPACE ? names.argocdProject(env) : names.layerProject(env, component.layer);
}

/** The component projects of an environment: one per layer with components, and Argo CD's own. */
export function componentProjects(plan: EnvironmentPlan): IAppProject[] {
  const byName = new Map<string, PlannedComponent[]>();
  for (const component of plan.components) {
    const name = projectNameOf(plan.environment.name, component);
    byName.set(name, [...(byName.get(name) ?? []), component]);
  }
  const layerNames = LAYERS.map((layer) => names.layerProject(plan.environment.name, layer));
  // Every layer keeps its project (its layer Application refers to it) even with no component.
  for (const name of layerNames) if (!byName.has(name)) byName.set(name, []);
  return [...byName.entries()]
    .sort(([a], [b]) => projectOrder(a, layerNames) - projectOrder(b, layerNames) || compareText(a, b))
    .map(([name, components]) => componentProject(plan, name, LAYERS.find((layer) => names.layerProject(plan.environment.name, layer) === name) ?? "infrastructure", components));
}

const projectOrder = (name: string, layerNames: string[]) => (layerNames.includes(name) ? layerNames.indexOf(name) : -1);

/**
 * A component project: this repository and the upstream chart repositories as sources, exactly the
 * namespaces its components use as destinations (and as the only Namespaces it may create), exactly
 * the kinds its components render (schemas/component-kinds.json, kept equal to the renders by
 * test/render/component-kinds.test.ts), the environment's sync windows and its RBAC roles. Its
 * components are listed in apps/<env>/README.md, not in the description, which the CRD limits to
 * 255 characters.
 */
export function componentProject(plan: EnvironmentPlan, name: string, layer: Layer, components: readonly PlannedComponent[]): IAppProject {
  const { environment } = plan;
  // The sync-identities chart writes into every platform and application namespace (their Namespace and sync identity).
  const written = components.some((c) => c.name === SYNC_IDENTITIES_COMPONENT) ? syncIdentityNamespaces(plan.components) : [];
  const namespaces = [...new Set([...components.map((c) => c.namespace), ...written])].sort();
  const what = name === names.argocdProject(environment.name) ? "Argo CD's namespace" : `${layer} layer`;
  // In several clusters a component has one Application per cluster: count components, and permit each cluster's (server, namespace) pairs only.
  const count = new Set(components.map((c) => c.name)).size;
  const serverOf = (c: PlannedComponent) => c.cluster?.server ?? environment.destination.server;
  const pairs = components.flatMap((c) => [c.namespace, ...(c.name === SYNC_IDENTITIES_COMPONENT ? written : [])].map((namespace) => ({ server: serverOf(c), namespace })));
  const destinations = [...new Map(pairs.map((d) => [`${d.server} ${d.namespace}`, d])).values()].sort(
    (a, b) => compareText(a.namespace, b.namespace) || (a.server === b.server ? 0 : a.server === environment.destination.server ? -1 : b.server === environment.destination.server ? 1 : compareText(a.server, b.server)),
  );
  const spec: IAppProject["spec"] = {
    description: `${environment.name}: ${what}, ${count} component${count === 1 ? "" : "s"}; listed in ${repoPaths.appsDir(environment.name)}/README.md.`,
    sourceRepos: [...new Set([environment.repository.url, ...environment.repository.upstreamChartRepositories, ...components.flatMap((c) => (c.source.kind === "upstream" ? [c.source.repoURL] : []))])].sort(),
    destinations: destinations.map(({ server, namespace }) => ({ server, namespace })),
    destinationServiceAccounts: destinations.map(({ server, namespace }) => ({ server, namespace, defaultServiceAccount: syncIdentityOf(components, namespace) })),
    // Namespaces by name only: a component rendering a Namespace (sync-identities) may create no other.
    clusterResourceWhitelist: [...namespaces.map((namespace) => ({ group: "", kind: "Namespace", name: namespace })), ...unionOf(components.map((c) => c.kinds.cluster)).filter((gk) => !(gk.group === "" && gk.kind === "Namespace"))],
    namespaceResourceWhitelist: unionOf(components.map((c) => c.kinds.namespaced)),
    roles: projectRoles(environment, name),
    orphanedResources: { warn: true },
    ...syncWindowsOf(environment),
  };
  return appProject(environment, name, spec, { layer, annotations: { [SYNC_WAVE]: "-1" }, finalizers: [RESOURCES_FINALIZER] });
}

/**
 * The ServiceAccount a project's Applications deploying into a namespace sync as (Argo CD sync
 * impersonation, `<namespace>:<name>`; see sync-identities.ts): the namespace's own `argocd-sync`
 * for the platform and application layers, `argocd-infrastructure-sync` in Argo CD's namespace for
 * the infrastructure layer and Argo CD's project. One entry per destination and no catch-all, so a
 * destination without an identity fails its sync (controller/sync.go:609-610) instead of falling
 * back to a wider one.
 */
function syncIdentityOf(components: readonly PlannedComponent[], namespace: string): string {
  const deployedThere = components.filter((c) => c.namespace === namespace);
  return deployedThere.length > 0 && deployedThere.every(syncsAsNamespaceIdentity) ? `${namespace}:${SYNC_SERVICE_ACCOUNT}` : `${ARGOCD_NAMESPACE}:${INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT}`;
}

/** A layer's project (see componentProject). */
export function layerProject(plan: EnvironmentPlan, layer: Layer): IAppProject {
  const name = names.layerProject(plan.environment.name, layer);
  return componentProject(plan, name, layer, plan.components.filter((c) => projectNameOf(plan.environment.name, c) === name));
}


function unionOf(lists: readonly GroupKind[][]): GroupKind[] {
  const byKey = new Map(lists.flat().map((gk) => [`${gk.group}/${gk.kind}`, { group: gk.group, kind: gk.kind }]));
  return sortGroupKinds([...byKey.values()]);
}

/**
 * The environment's sync windows, for every Application of a project. Every project of the
 * environment gets them, the gitops project too: a freeze that let the root and layer Applications
 * (automated, prune) sync would let a commit delete component Applications during it.
 */
export function syncWindowsOf(environment: EnvironmentSpec): { syncWindows?: ISyncWindow[] } {
  if (environment.syncWindows.length === 0) return {};
  return {
    syncWindows: environment.syncWindows.map((window) => ({
      kind: window.kind,
      schedule: window.schedule,
      duration: window.duration,
      timeZone: window.timeZone,
      manualSync: window.manualSync,
      applications: ["*"],
      ...(window.description ? { description: window.description } : {}),
    })),
  };
}

/** `read-only` may view the project's Applications; `deployer` may also sync them. */
export function projectRoles(environment: EnvironmentSpec, project: string): IProjectRole[] {
  const { rbac } = environment.argocd;
  const role = (name: string, description: string, actions: string[], groups: string[]): IProjectRole => ({
    name,
    description,
    policies: actions.map((action) => `p, proj:${project}:${name}, applications, ${action}, ${project}/*, allow`),
    ...(groups.length > 0 ? { groups: [...groups].sort() } : {}),
  });
  return [
    role("deployer", "View and sync the project's Applications.", ["get", "sync"], rbac.deployerGroups),
    role("read-only", "View the project's Applications.", ["get"], rbac.readOnlyGroups),
  ];
}
