import type { Layer } from "../catalog/layers.js";
import type { Environment } from "../generated/environment.js";

/**
 * An environment.yaml after validation against schemas/environment.json, with every default of the
 * schema filled in. (The schema pipeline also emits `Environment` in tools/src/generated/environment.ts,
 * the optional-field view of the same file as written.)
 */
export interface EnvironmentSpec {
  name: string;
  description: string;
  tier: "development" | "staging" | "production";
  repository: { url: string; revision: string; upstreamChartRepositories: string[] };
  destination: { server: string; namespaces: Record<Layer, string>; namespaceLabels: Record<string, string> };
  domain: string;
  argocd: {
    version: string;
    highAvailability: boolean;
    oidc: { name: string; issuer: string; clientID: string; clientSecretKey: string; requestedScopes: string[] };
    rbac: { defaultRole: "" | "role:readonly"; adminGroups: string[]; readOnlyGroups: string[]; deployerGroups: string[] };
  };
  syncPolicy: {
    automated: boolean;
    prune: boolean;
    selfHeal: boolean;
    retry: { limit: number; duration: string; factor: number; maxDuration: string };
  };
  syncWindows: SyncWindowSpec[];
  notifications: { subscriptions: SubscriptionSpec[] };
  /**
   * Empty (or absent, in objects built by hand) for an environment in one cluster
   * (`destination.server`); else the first is the one Argo CD runs in.
   */
  clusters?: ClusterSpec[];
  components: Record<string, ComponentPin>;
}

/** One cluster of a multi-cluster environment, as written (see schemas/environment.json `clusters`). */
export interface ClusterSpec {
  name: string;
  /** Absent for the first cluster, whose server is `destination.server`. */
  server?: string;
  region: string;
  labels: Record<string, string>;
  /** Where the secret store holds the credentials Argo CD connects with (every cluster but the first). */
  credentials?: { secretStore: string; key: string };
  /** Pins this cluster runs instead of the component's (a progressive promotion underway); absent or empty: none. */
  pins?: Record<string, ClusterPin>;
}

/** A component's pins in one cluster, as written: a field left out is the component's (see effectivePin). */
export interface ClusterPin {
  chartRevision?: string;
  imageTag?: string;
  imageDigest?: string;
}

export interface SyncWindowSpec {
  kind: "allow" | "deny";
  schedule: string;
  duration: string;
  timeZone: string;
  manualSync: boolean;
  description: string;
}

export type NotificationTrigger = "on-deployed" | "on-health-degraded" | "on-sync-failed" | "on-sync-succeeded" | "on-sync-status-unknown";
export type NotificationService = "slack" | "pagerdutyv2";

export interface SubscriptionSpec {
  trigger: NotificationTrigger;
  service: NotificationService;
  recipients: string[];
}

export interface ComponentPin {
  enabled: boolean;
  chartRevision: string;
  imageTag: string;
  /** `sha256:<64 hex>` of the image `imageTag` names; "" when not pinned by digest. */
  imageDigest: string;
  namespace: string;
  serverSideApply: boolean;
}

/** Compile-time guard: the resolved view keeps exactly the top-level keys of the generated type of environment.yaml. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
export const ENVIRONMENT_KEYS_MATCH_SCHEMA: SameKeys<EnvironmentSpec, Environment> = true;
