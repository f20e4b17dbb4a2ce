import type { ComponentKinds, GroupKind } from "../catalog/component-kinds.js";
import type { Layer } from "../catalog/layers.js";
import { resourceOf } from "../kubernetes/api-resources.js";
import type { PolicyRule } from "../kubernetes/rbac.js";
import type { EnvironmentSpec } from "./environment-model.js";
import type { PlannedComponent } from "./environment-plan.js";
import { ARGOCD_NAMESPACE } from "./manifests/conventions.js";
import { planNamespaces } from "./namespace-plan.js";
import { compareText } from "../text/compare-text.js";

/**
 * Argo CD sync impersonation (docs/operator-manual/app-sync-using-impersonation.md in argo-cd
 * v3.4.4): every Application syncs, prunes and is deleted as the ServiceAccount its AppProject's
 * `destinationServiceAccounts` names for its destination (controller/sync.go:285-305,
 * appcontroller.go:1235-1238). The identities:
 * - platform and application layers: `argocd-sync` in each namespace they deploy into, created by
 *   the `sync-identities` chart (infrastructure layer) with a Role granting exactly the kinds the
 *   components deployed there render;
 * - infrastructure layer and Argo CD's own project: `argocd-infrastructure-sync` in the argocd
 *   namespace, bound to cluster-admin (docs/security.md says why nothing narrower works);
 * - the app-of-apps (gitops project): `argocd-gitops-sync` in the argocd namespace, Applications and
 *   AppProjects there only.
 * The last two come with Argo CD itself (the argo-cd chart's extraObjects), so the bootstrap creates them.
 */
export const SYNC_IDENTITIES_COMPONENT = "sync-identities";
export const SYNC_SERVICE_ACCOUNT = "argocd-sync";
export const INFRASTRUCTURE_SYNC_SERVICE_ACCOUNT = "argocd-infrastructure-sync";
export const GITOPS_SYNC_SERVICE_ACCOUNT = "argocd-gitops-sync";

/** What sync may do with each kind it owns: create, update and patch it (apply), read it, delete it (prune, cascading deletion). */
export const SYNC_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"] as const;

/** The part of a planned component the sync identities are computed from. */
export type IdentityInput = Pick<PlannedComponent, "name" | "layer" | "namespace" | "podSecurity"> & { kinds: ComponentKinds };

/** Whether a component syncs as the `argocd-sync` identity of its namespace (platform and application layers, outside Argo CD's namespace). */
export function syncsAsNamespaceIdentity(component: { layer: Layer; namespace: string }): boolean {
  return component.layer !== "infrastructure" && component.namespace !== ARGOCD_NAMESPACE;
}

/** The namespaces that get a sync identity: where the platform and application layers deploy. */
export function syncIdentityNamespaces(components: readonly { layer: Layer; namespace: string }[]): string[] {
  return [...new Set(components.filter(syncsAsNamespaceIdentity).map((c) => c.namespace))].sort();
}

/** One rule per API group: the kinds' resources, with SYNC_VERBS. */
export function syncRules(kinds: readonly GroupKind[]): PolicyRule[] {
  const byGroup = new Map<string, Set<string>>();
  for (const { group, kind } of kinds) byGroup.set(group, (byGroup.get(group) ?? new Set()).add(resourceOf(group, kind)));
  return [...byGroup.entries()].sort(([a], [b]) => compareText(a, b)).map(([group, resources]) => ({ apiGroups: [group], resources: [...resources].sort(), verbs: [...SYNC_VERBS] }));
}

/**
 * The generated values of the sync-identities chart (`helm.valuesObject`): every namespace of the
 * platform and application layers with the labels its Applications give it (namespace-plan.ts) and
 * the rules of its Role: the namespaced kinds the components synced as that identity render there.
 */
export function syncIdentityValues(environment: EnvironmentSpec, components: readonly IdentityInput[]): { namespaces: { name: string; labels: Record<string, string>; rules: PolicyRule[] }[] } {
  const planned = planNamespaces(environment, components);
  return {
    namespaces: syncIdentityNamespaces(components).map((name) => {
      const members = components.filter((c) => c.namespace === name && syncsAsNamespaceIdentity(c));
      const kinds = new Map(members.flatMap((c) => c.kinds.namespaced).map((gk) => [`${gk.group}/${gk.kind}`, gk]));
      return { name, labels: planned.find((n) => n.name === name)?.labels ?? {}, rules: syncRules([...kinds.values()]) };
    }),
  };
}
