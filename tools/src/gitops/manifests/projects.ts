import type { IAppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject";
import type { IProjectRole } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ProjectRole";
import type { Layer } from "../../catalog/layers.js";
import type { ISyncWindow } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/SyncWindow";
import type { EnvironmentSpec } from "../environment-model.js";
import type { EnvironmentPlan } from "../environment-plan.js";
import { ARGOCD_NAMESPACE, IN_CLUSTER, LABELS, names, PART_OF, repoPaths, RESOURCES_FINALIZER, SYNC_OPTIONS, SYNC_WAVE } from "./conventions.js";
import { PROJECT_POLICY, sortGroupKinds } from "./project-policy.js";

const DENY_ALL = [{ group: "*", kind: "*" }];
/** Projects Argo CD must neither prune nor delete before the Applications that use them. */
const KEEP = { [SYNC_WAVE]: "-1", [SYNC_OPTIONS]: "Prune=false,Delete=false" };

/** An AppProject of the environment in the Argo CD namespace, with the platform's labels (and its layer's). */
function appProject(environment: EnvironmentSpec, name: string, spec: IAppProject["spec"], options: { layer?: Layer; annotations: Record<string, string>; finalizers?: string[] }): IAppProject {
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
 * A layer's project: this repository and the upstream chart repositories as sources, exactly the
 * namespaces its components use as destinations (and as the only Namespaces it may create), the
 * layer's resource policy, the environment's sync windows and its RBAC roles. Its components are
 * listed in apps/<env>/README.md, not in the description, which the CRD limits to 255 characters.
 */
export function layerProject(plan: EnvironmentPlan, layer: Layer): IAppProject {
  const { environment } = plan;
  const name = names.layerProject(environment.name, layer);
  const components = plan.components.filter((c) => c.layer === layer);
  const namespaces = [...new Set(components.map((c) => c.namespace))].sort();
  const policy = PROJECT_POLICY[layer];
  const spec: IAppProject["spec"] = {
    description: `${environment.name}: ${layer} layer, ${components.length} component${components.length === 1 ? "" : "s"}; listed in ${repoPaths.appsDir(environment.name)}/README.md.`,
    sourceRepos: [...new Set([environment.repository.url, ...environment.repository.upstreamChartRepositories, ...components.flatMap((c) => (c.source.kind === "upstream" ? [c.source.repoURL] : []))])].sort(),
    destinations: namespaces.map((namespace) => ({ server: environment.destination.server, namespace })),
    clusterResourceWhitelist: [...namespaces.map((namespace) => ({ group: "", kind: "Namespace", name: namespace })), ...sortGroupKinds(policy.cluster)],
    namespaceResourceWhitelist: sortGroupKinds(policy.namespaced),
    roles: projectRoles(environment, name),
    orphanedResources: { warn: true },
    ...syncWindowsOf(environment),
  };
  return appProject(environment, name, spec, { layer, annotations: { [SYNC_WAVE]: "-1" }, finalizers: [RESOURCES_FINALIZER] });
}

/**
 * The environment's sync windows, for every Application of a project. Every project of the
 * environment gets them, the gitops project too: a freeze that let the root and layer Applications
 * (automated, prune) sync would let a commit delete component Applications during it.
 */
function syncWindowsOf(environment: EnvironmentSpec): { syncWindows?: ISyncWindow[] } {
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
function projectRoles(environment: EnvironmentSpec, project: string): IProjectRole[] {
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
