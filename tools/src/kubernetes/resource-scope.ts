import { isRecord } from "./manifests.js";

/**
 * Whether a kind is cluster-scoped. Built-in kinds: the cluster-scoped resources of the
 * Kubernetes 1.33 API (kubernetes/kubernetes pkg/registry/*: their strategies' NamespaceScoped()
 * returns false; the same list `kubectl api-resources --namespaced=false` prints). Custom kinds:
 * the `spec.scope` of their CustomResourceDefinition, which must be among the CRDs given (the ones
 * the platform installs). A kind known to neither is an error, never a guess.
 */
const CLUSTER_SCOPED_BUILT_INS: Record<string, readonly string[]> = {
  "": ["ComponentStatus", "Namespace", "Node", "PersistentVolume"],
  "admissionregistration.k8s.io": ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration"],
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "apiregistration.k8s.io": ["APIService"],
  "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
  "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
  "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
  "node.k8s.io": ["RuntimeClass"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "resource.k8s.io": ["DeviceClass", "ResourceSlice"],
  "scheduling.k8s.io": ["PriorityClass"],
  "storage.k8s.io": ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment", "VolumeAttributesClass"],
  "storagemigration.k8s.io": ["StorageVersionMigration"],
};

/** Built-in API groups whose every other kind is namespaced. */
const BUILT_IN_GROUPS = new Set([
  ...Object.keys(CLUSTER_SCOPED_BUILT_INS),
  "apps",
  "autoscaling",
  "batch",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "events.k8s.io",
  "policy",
  "authorization.k8s.io",
  "authentication.k8s.io",
]);

export function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? (apiVersion.split("/")[0] as string) : "";
}

export class UnknownScopeError extends Error {}

/** Group/kind → "Cluster" | "Namespaced" from CustomResourceDefinition objects. */
export function crdScopes(objects: readonly unknown[]): Map<string, "Cluster" | "Namespaced"> {
  const scopes = new Map<string, "Cluster" | "Namespaced">();
  for (const object of objects) {
    if (!isRecord(object) || object.kind !== "CustomResourceDefinition" || !isRecord(object.spec)) continue;
    const spec = object.spec as { group?: string; scope?: string; names?: { kind?: string } };
    if (spec.group && spec.names?.kind && (spec.scope === "Cluster" || spec.scope === "Namespaced")) scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope);
  }
  return scopes;
}

export function isClusterScoped(apiVersion: string, kind: string, customScopes: ReadonlyMap<string, "Cluster" | "Namespaced">): boolean {
  const group = groupOf(apiVersion);
  if (BUILT_IN_GROUPS.has(group)) return CLUSTER_SCOPED_BUILT_INS[group]?.includes(kind) ?? false;
  const scope = customScopes.get(`${group}/${kind}`);
  if (scope === undefined) throw new UnknownScopeError(`${apiVersion} ${kind}: no CustomResourceDefinition among the ones the platform installs defines it, so its scope is unknown.`);
  return scope === "Cluster";
}
