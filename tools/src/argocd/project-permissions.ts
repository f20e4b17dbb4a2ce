import { goMatches } from "./go-filepath-match.js";

/**
 * Whether an AppProject lets an Application deploy an object, with the semantics of argo-cd
 * v3.4.4 pkg/apis/application/v1alpha1/app_project_types.go:
 * - IsGroupKindNamePermitted (lines 399-418): namespaced kinds pass when the namespace whitelist is
 *   absent (nil) or matches, and the blacklist does not; cluster-scoped kinds need a matching
 *   cluster whitelist entry (an empty whitelist permits none), optionally by name;
 * - IsResourcePermitted (lines 425-433): a namespaced object's namespace must be a destination;
 * - isResourceInList / isNamedResourceInList (types.go 3621-3650): Go filepath.Match on group,
 *   kind and name.
 * Destinations are matched exactly or by "*" (gobwas/glob): the generator writes no other pattern,
 * and a pattern using more of glob's syntax is reported rather than guessed at.
 */
export interface GroupKind {
  group: string;
  kind: string;
  name?: string;
}

export interface ProjectSpec {
  destinations?: { server?: string; name?: string; namespace?: string }[];
  namespaceResourceWhitelist?: GroupKind[] | null;
  namespaceResourceBlacklist?: GroupKind[];
  clusterResourceWhitelist?: GroupKind[];
  clusterResourceBlacklist?: GroupKind[];
}

const inList = (list: readonly GroupKind[], group: string, kind: string) => list.some((item) => goMatches(item.kind, kind) && goMatches(item.group, group));
const inNamedList = (list: readonly GroupKind[], group: string, kind: string, name: string) =>
  list.some((item) => goMatches(item.kind, kind) && goMatches(item.group, group) && (!item.name || goMatches(item.name, name)));

export function isGroupKindNamePermitted(project: ProjectSpec, group: string, kind: string, name: string, namespaced: boolean): boolean {
  if (namespaced) {
    const whitelist = project.namespaceResourceWhitelist;
    const blacklist = project.namespaceResourceBlacklist ?? [];
    const white = whitelist === undefined || whitelist === null || (whitelist.length !== 0 && inList(whitelist, group, kind));
    const black = blacklist.length !== 0 && inList(blacklist, group, kind);
    return white && !black;
  }
  const whitelist = project.clusterResourceWhitelist ?? [];
  const blacklist = project.clusterResourceBlacklist ?? [];
  return whitelist.length !== 0 && inNamedList(whitelist, group, kind, name) && !(blacklist.length !== 0 && inNamedList(blacklist, group, kind, name));
}

function destinationPatternMatches(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return false;
  if (pattern === "*") return true;
  if (/[*?[\]{}!\\]/.test(pattern)) throw new Error(`destination pattern ${JSON.stringify(pattern)} uses glob syntax this check does not evaluate; write exact destinations.`);
  return pattern === value;
}

export function isDestinationPermitted(project: ProjectSpec, server: string, namespace: string): boolean {
  return (project.destinations ?? []).some((d) => destinationPatternMatches(d.server, server) && destinationPatternMatches(d.namespace ?? "", namespace));
}

/** Why an object may not be deployed by the project, or undefined when it may. */
export function resourcePermissionProblem(project: ProjectSpec, object: { group: string; kind: string; name: string; namespace?: string }, server: string): string | undefined {
  const namespaced = object.namespace !== undefined;
  if (!isGroupKindNamePermitted(project, object.group, object.kind, object.name, namespaced)) {
    return namespaced
      ? `${object.group || "core"}/${object.kind} is not in the project's namespaceResourceWhitelist (or is blacklisted)`
      : `cluster-scoped ${object.group || "core"}/${object.kind} ${object.name} is not in the project's clusterResourceWhitelist`;
  }
  if (namespaced && !isDestinationPermitted(project, server, object.namespace as string)) return `namespace ${object.namespace} is not a destination of the project`;
  return undefined;
}
