import type { Layer } from "../../catalog/layers.js";

export interface GroupKind {
  group: string;
  kind: string;
}

const gk = (group: string, ...kinds: string[]): GroupKind[] => kinds.map((kind) => ({ group, kind }));

/**
 * Namespaced kinds a workload of the application layer may create. The render test checks every
 * object of every chart against its project, so a chart needing a new kind fails there first and
 * the kind is added here deliberately. Secrets are absent on purpose: secret material only arrives
 * through ExternalSecrets.
 */
const APPLICATION_NAMESPACED: GroupKind[] = [
  ...gk("", "ConfigMap", "PersistentVolumeClaim", "Service", "ServiceAccount"),
  ...gk("apps", "Deployment", "StatefulSet"),
  ...gk("argoproj.io", "AnalysisTemplate", "Rollout"),
  ...gk("autoscaling", "HorizontalPodAutoscaler"),
  ...gk("batch", "CronJob", "Job"),
  ...gk("cert-manager.io", "Certificate"),
  ...gk("coordination.k8s.io", "Lease"),
  ...gk("external-secrets.io", "ExternalSecret"),
  ...gk("gateway.networking.k8s.io", "GRPCRoute", "HTTPRoute"),
  ...gk("monitoring.coreos.com", "PodMonitor", "PrometheusRule", "ServiceMonitor"),
  ...gk("networking.istio.io", "DestinationRule", "ServiceEntry", "Sidecar", "VirtualService"),
  ...gk("networking.k8s.io", "Ingress", "NetworkPolicy"),
  ...gk("policy", "PodDisruptionBudget"),
  ...gk("postgresql.cnpg.io", "Cluster"),
  ...gk("rbac.authorization.k8s.io", "Role", "RoleBinding"),
  ...gk("security.istio.io", "AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"),
  ...gk("telemetry.istio.io", "Telemetry"),
];

/** Shared platform services additionally run node agents, gateways and issuers. */
const PLATFORM_NAMESPACED: GroupKind[] = [
  ...APPLICATION_NAMESPACED,
  ...gk("apps", "DaemonSet"),
  ...gk("cert-manager.io", "Issuer"),
  ...gk("external-secrets.io", "SecretStore"),
  ...gk("gateway.networking.k8s.io", "Gateway"),
  ...gk("networking.istio.io", "Gateway"),
];

/**
 * What each layer's AppProject allows besides its own namespaces (which are whitelisted by name).
 * Infrastructure installs operators, so it may create any namespaced kind and the cluster-scoped
 * kinds operators bring; the higher layers get explicit lists.
 */
export const PROJECT_POLICY: Record<Layer, { namespaced: GroupKind[]; cluster: GroupKind[] }> = {
  infrastructure: {
    namespaced: gk("*", "*"),
    cluster: [
      ...gk("admissionregistration.k8s.io", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"),
      ...gk("apiextensions.k8s.io", "CustomResourceDefinition"),
      ...gk("apiregistration.k8s.io", "APIService"),
      ...gk("cert-manager.io", "ClusterIssuer"),
      ...gk("external-secrets.io", "ClusterSecretStore"),
      ...gk("gateway.networking.k8s.io", "GatewayClass"),
      ...gk("networking.k8s.io", "IngressClass"),
      ...gk("rbac.authorization.k8s.io", "ClusterRole", "ClusterRoleBinding"),
      ...gk("scheduling.k8s.io", "PriorityClass"),
      ...gk("storage.k8s.io", "StorageClass"),
    ],
  },
  platform: {
    namespaced: PLATFORM_NAMESPACED,
    cluster: gk("rbac.authorization.k8s.io", "ClusterRole", "ClusterRoleBinding"),
  },
  application: {
    namespaced: APPLICATION_NAMESPACED,
    cluster: [],
  },
};

export function sortGroupKinds<T extends GroupKind>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind));
}
