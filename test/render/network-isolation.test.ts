import { describe, expect, it } from "vitest";
import { isRecord, type KubeObject } from "../../tools/src/kubernetes/manifests.js";
import { selectorMatches, selectsEverything, type LabelSelector } from "../../tools/src/kubernetes/label-selector.js";
import { ipv4RangesReached, policyTypes } from "../../tools/src/kubernetes/network-policy.js";
import { podTemplateOf } from "../../tools/src/kubernetes/pod-templates.js";
import { environmentNames } from "../gitops/support/generated.js";
import { componentApplications, type ComponentApplication } from "../support/component-renders.js";
import { placements, type Placement } from "./support.js";

/**
 * Issue 18, point 2: every namespace the platform deploys into denies all ingress and egress by
 * default, every pod the components render is selected by an allow policy for each direction, and
 * no egress rule reaches the cloud metadata (169.254.0.0/16) or shared (100.64.0.0/10) addresses.
 * Checked over every environment's renders as Argo CD renders them (test/support/component-renders.ts);
 * staging and production read the charts at their pinned commit.
 */

/** Link-local (RFC 3927; the cloud metadata endpoint 169.254.169.254) and shared address space (RFC 6598). */
const METADATA_RANGES = ["169.254.0.0/16", "100.64.0.0/10"];

interface Peer {
  ipBlock?: { cidr: string; except?: string[] };
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
}
interface PolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: { from?: Peer[] }[];
  egress?: { to?: Peer[] }[];
}
export interface Policy {
  namespace: string;
  name: string;
  spec: PolicySpec;
  from: string;
}
export interface PodTemplateRef {
  what: string;
  namespace: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
}

/**
 * Pods no NetworkPolicy can govern, so no policy is asked of them; each with its reason.
 */
const EXEMPT: { reason: string; applies: (pod: PodTemplateRef) => boolean }[] = [
  {
    // Kubernetes leaves NetworkPolicy behaviour for hostNetwork pods undefined: a network plugin either
    // tells their traffic apart, or "ignores hostNetwork pods when matching podSelector and
    // namespaceSelector" and treats their traffic as the node's (kubernetes.io/docs/concepts/
    // services-networking/network-policies/#networkpolicy-and-hostnetwork-pods). No policy can be relied
    // on to select them. kube-prometheus-stack's node-exporter DaemonSet is the one such pod.
    reason: "runs on the host network, where a NetworkPolicy's podSelector is not guaranteed to select it",
    applies: (pod) => pod.spec.hostNetwork === true,
  },
];

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Rollout", "Pod"]);

/** A namespace default deny: every pod, both directions, no rule. */
export function isDefaultDeny(spec: PolicySpec): boolean {
  const types = policyTypes(spec);
  return selectsEverything(spec.podSelector) && types.includes("Ingress") && types.includes("Egress") && (spec.ingress ?? []).length === 0 && (spec.egress ?? []).length === 0;
}

/** The metadata ranges an ipBlock still reaches after its `except` (IPv6 blocks cannot hold them). */
export function metadataReached(block: { cidr: string; except?: string[] }): string[] {
  return ipv4RangesReached(block, METADATA_RANGES);
}

/** (a) Namespaces that no default deny of the environment covers. */
export function namespacesWithoutDefaultDeny(namespaces: Iterable<string>, policies: readonly Policy[]): string[] {
  return [...new Set(namespaces)].filter((ns) => !policies.some((p) => p.namespace === ns && isDefaultDeny(p.spec))).sort();
}

/** (b) What a pod lacks: an allow policy (not the default deny) of its namespace selecting it, per direction. */
export function uncoveredDirections(pod: PodTemplateRef, policies: readonly Policy[]): string[] {
  if (EXEMPT.some((e) => e.applies(pod))) return [];
  const selecting = policies.filter((p) => p.namespace === pod.namespace && !isDefaultDeny(p.spec) && selectorMatches(p.spec.podSelector ?? {}, pod.labels));
  return ["Ingress", "Egress"].filter((type) => !selecting.some((p) => policyTypes(p.spec).includes(type)));
}

/** (c) Egress ipBlocks that reach a metadata range, as messages. */
export function metadataEgress(policies: readonly Policy[]): string[] {
  return policies.flatMap((p) =>
    (p.spec.egress ?? []).flatMap((rule, index) =>
      (rule.to ?? []).flatMap((peer) => (peer.ipBlock ? metadataReached(peer.ipBlock).map((range) => `${p.from}: NetworkPolicy ${p.namespace}/${p.name} egress[${index}] ipBlock ${peer.ipBlock?.cidr} (except ${JSON.stringify(peer.ipBlock?.except ?? [])}) reaches ${range}`) : [])),
    ),
  );
}

function destinationOf(app: ComponentApplication): string {
  return (app.application.spec as { destination: { namespace: string } }).destination.namespace;
}

interface EnvironmentView {
  /** Components whose render failed: their objects are missing, so the checks below fail for them too. */
  failed: string[];
  namespaces: string[];
  policies: Policy[];
  pods: PodTemplateRef[];
}

const views = new Map<string, EnvironmentView>();

function environmentView(env: string): EnvironmentView {
  let view = views.get(env);
  if (view) return view;
  const apps = componentApplications().filter((a) => a.env === env);
  const failed: string[] = [];
  const placed: (Placement & { app: ComponentApplication })[] = [];
  for (const app of apps) {
    try {
      placed.push(...placements(app).map((p) => ({ ...p, app })));
    } catch (error) {
      failed.push(`${app.file}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const policies = placed.filter((p) => p.kind === "NetworkPolicy" && p.namespace).map((p) => ({ namespace: p.namespace as string, name: p.name, spec: ((p.object as { spec?: PolicySpec }).spec ?? {}) as PolicySpec, from: p.app.component }));
  const pods = placed.flatMap((p): PodTemplateRef[] => {
    if (!WORKLOAD_KINDS.has(p.kind) || !p.namespace) return [];
    const template = podTemplateOf(p.object as unknown as Record<string, unknown>);
    if (!template) return [];
    const owner = template.specPath.slice(0, -1).reduce<unknown>((node, key) => (isRecord(node) ? node[key as string] : undefined), p.object as KubeObject);
    const labels = (isRecord(owner) && isRecord(owner.metadata) ? (owner.metadata.labels as Record<string, string> | undefined) : undefined) ?? {};
    return [{ what: `${p.kind} ${p.namespace}/${p.name} (${p.app.component})`, namespace: p.namespace, labels, spec: template.spec }];
  });
  const namespaces = [...new Set([...apps.map(destinationOf), ...pods.map((p) => p.namespace)])].sort();
  view = { failed, namespaces, policies, pods };
  views.set(env, view);
  return view;
}

describe("the checks fail on the old forms", () => {
  const oldEnrichment: Policy = {
    namespace: "platform",
    name: "enrichment",
    from: "enrichment",
    spec: { podSelector: { matchLabels: { "app.kubernetes.io/name": "enrichment", "app.kubernetes.io/component": "server" } }, policyTypes: ["Ingress", "Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] } }] }] },
  };
  const defaultDeny: Policy = { namespace: "platform", name: "enrichment-default-deny", from: "enrichment", spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } };

  it("(a) a namespace with only workload policies, or a 'default deny' for one direction or with a rule, has no default deny", () => {
    expect(namespacesWithoutDefaultDeny(["platform"], [oldEnrichment])).toEqual(["platform"]);
    expect(namespacesWithoutDefaultDeny(["platform"], [{ ...defaultDeny, spec: { podSelector: {}, policyTypes: ["Ingress"] } }])).toEqual(["platform"]);
    expect(namespacesWithoutDefaultDeny(["platform"], [{ ...defaultDeny, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{}] } }])).toEqual(["platform"]);
    expect(namespacesWithoutDefaultDeny(["platform", "data"], [defaultDeny])).toEqual(["data"]);
  });

  it("(b) the migration Job that only the default deny selects, and an ingress-only policy, leave directions uncovered; host-network pods are exempt", () => {
    const migration: PodTemplateRef = { what: "Job platform/authentication-migrations", namespace: "platform", labels: { "app.kubernetes.io/name": "authentication", "app.kubernetes.io/component": "migrations" }, spec: {} };
    const mainPolicyOnly: Policy = { namespace: "platform", name: "authentication", from: "authentication", spec: { podSelector: { matchLabels: { "app.kubernetes.io/name": "authentication", "app.kubernetes.io/component": "server" } }, policyTypes: ["Ingress", "Egress"] } };
    expect(uncoveredDirections(migration, [defaultDeny, mainPolicyOnly])).toEqual(["Ingress", "Egress"]);
    const feedRefresh: PodTemplateRef = { what: "CronJob feed-refresh", namespace: "applications", labels: { "app.kubernetes.io/component": "feed-refresh" }, spec: {} };
    expect(uncoveredDirections(feedRefresh, [{ namespace: "applications", name: "feed-refresh", from: "x", spec: { podSelector: { matchLabels: { "app.kubernetes.io/component": "feed-refresh" } }, policyTypes: ["Ingress"] } }])).toEqual(["Egress"]);
    expect(uncoveredDirections({ ...feedRefresh, namespace: "other" }, [{ namespace: "applications", name: "p", from: "x", spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: [{}], egress: [{}] } }])).toEqual(["Ingress", "Egress"]);
    expect(uncoveredDirections({ ...feedRefresh, spec: { hostNetwork: true } }, [])).toEqual([]);
  });

  it("(c) 0.0.0.0/0 excepting only RFC 1918 reaches both metadata ranges; excepting them, or a CIDR outside them, does not", () => {
    expect(metadataEgress([oldEnrichment])).toHaveLength(2);
    expect(metadataReached({ cidr: "169.254.169.254/32" })).toEqual(["169.254.0.0/16"]);
    expect(metadataReached({ cidr: "100.0.0.0/8", except: ["100.64.0.0/11"] })).toEqual(["100.64.0.0/10"]);
    expect(metadataReached({ cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10"] })).toEqual([]);
    expect(metadataReached({ cidr: "10.0.0.10/32" })).toEqual([]);
    expect(metadataReached({ cidr: "::/0" })).toEqual([]);
  });
});

describe.each(environmentNames())("network isolation of %s", (env) => {
  it("every namespace a component targets or a pod lands in has a default deny (every pod, Ingress and Egress, no rule)", () => {
    const view = environmentView(env);
    const missing = namespacesWithoutDefaultDeny(view.namespaces, view.policies);
    const failed = view.failed.length > 0 ? `\ncomponents that did not render (their policies are missing): ${view.failed.join("; ")}` : "";
    expect(view.namespaces.length).toBeGreaterThan(0);
    expect(missing, `namespaces without a default-deny NetworkPolicy: ${missing.join(", ")}${failed}`).toEqual([]);
  });

  it("every rendered pod template is selected by an allow policy for Ingress and one for Egress (host-network pods excepted)", () => {
    const view = environmentView(env);
    const problems = view.pods.flatMap((pod) => {
      const missing = uncoveredDirections(pod, view.policies);
      return missing.length > 0 ? [`${pod.what}: no NetworkPolicy besides the default deny selects it for ${missing.join(" and ")} (labels ${JSON.stringify(pod.labels)})`] : [];
    });
    const exempt = view.pods.flatMap((pod) => EXEMPT.filter((e) => e.applies(pod)).map((e) => `${pod.what}: ${e.reason}`));
    expect(view.pods.length).toBeGreaterThan(exempt.length);
    expect(problems, `${problems.join("\n")}\n(exempt: ${exempt.join("; ")})`).toEqual([]);
  });

  it("no egress ipBlock reaches 169.254.0.0/16 (cloud metadata) or 100.64.0.0/10", () => {
    const view = environmentView(env);
    const problems = metadataEgress(view.policies);
    expect(view.policies.length).toBeGreaterThan(0);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
