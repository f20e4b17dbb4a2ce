/**
 * The resource name (plural) RBAC rules use for a kind: what `kubectl api-resources` prints in its
 * NAME column. Not guessed from the kind (Kubernetes' own UnsafeGuessKindToResource gets e.g.
 * Endpoints wrong); a kind missing here is an error naming this file.
 *
 * Built-in kinds: the `name` of the kind's entry in the API server's discovery documents,
 * kubernetes/kubernetes api/discovery/ (api__v1.json, apis__apps__v1.json, apis__autoscaling__v2.json,
 * apis__batch__v1.json, apis__coordination.k8s.io__v1.json, apis__networking.k8s.io__v1.json,
 * apis__policy__v1.json, apis__rbac.authorization.k8s.io__v1.json).
 * Custom kinds: `spec.names.plural` of their CustomResourceDefinition; test/render/sync-impersonation.test.ts
 * holds every custom entry to the CRDs each environment renders.
 */
const RESOURCES: Record<string, Record<string, string>> = {
  "": {
    ConfigMap: "configmaps",
    Endpoints: "endpoints",
    LimitRange: "limitranges",
    Namespace: "namespaces",
    PersistentVolumeClaim: "persistentvolumeclaims",
    Pod: "pods",
    ResourceQuota: "resourcequotas",
    Secret: "secrets",
    Service: "services",
    ServiceAccount: "serviceaccounts",
  },
  apps: { DaemonSet: "daemonsets", Deployment: "deployments", ReplicaSet: "replicasets", StatefulSet: "statefulsets" },
  autoscaling: { HorizontalPodAutoscaler: "horizontalpodautoscalers" },
  batch: { CronJob: "cronjobs", Job: "jobs" },
  "coordination.k8s.io": { Lease: "leases" },
  "networking.k8s.io": { Ingress: "ingresses", NetworkPolicy: "networkpolicies" },
  policy: { PodDisruptionBudget: "poddisruptionbudgets" },
  "rbac.authorization.k8s.io": { ClusterRole: "clusterroles", ClusterRoleBinding: "clusterrolebindings", Role: "roles", RoleBinding: "rolebindings" },
  // Custom resources (CRD spec.names.plural).
  "argoproj.io": { AnalysisTemplate: "analysistemplates", Rollout: "rollouts" },
  "cert-manager.io": { Certificate: "certificates", Issuer: "issuers" },
  "external-secrets.io": { ExternalSecret: "externalsecrets", SecretStore: "secretstores" },
  "monitoring.coreos.com": { PodMonitor: "podmonitors", PrometheusRule: "prometheusrules", ServiceMonitor: "servicemonitors" },
  "networking.istio.io": { DestinationRule: "destinationrules", Gateway: "gateways", ServiceEntry: "serviceentries", Sidecar: "sidecars", VirtualService: "virtualservices" },
  "security.istio.io": { AuthorizationPolicy: "authorizationpolicies", PeerAuthentication: "peerauthentications", RequestAuthentication: "requestauthentications" },
};

/** Built-in API groups (the rest of the table are custom resources, checked against CRDs). */
export const BUILT_IN_API_GROUPS: readonly string[] = ["", "apps", "autoscaling", "batch", "coordination.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io"];

/** Every entry of the table, for the tests that hold it to its sources. */
export function knownResources(): { group: string; kind: string; resource: string }[] {
  return Object.entries(RESOURCES).flatMap(([group, kinds]) => Object.entries(kinds).map(([kind, resource]) => ({ group, kind, resource })));
}

export class UnknownResourceError extends Error {
  constructor(group: string, kind: string) {
    super(`tools/src/kubernetes/api-resources.ts: no resource name for ${group === "" ? "core" : group}/${kind}; add its plural (the discovery document's "name", or the CRD's spec.names.plural) to the table.`);
    this.name = "UnknownResourceError";
  }
}

/** The RBAC resource name of a kind; throws UnknownResourceError when the table lacks it. */
export function resourceOf(group: string, kind: string): string {
  const resource = RESOURCES[group]?.[kind];
  if (resource === undefined) throw new UnknownResourceError(group, kind);
  return resource;
}
