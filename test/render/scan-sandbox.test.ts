import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatProblems } from "../../tools/src/kubernetes/index.js";
import { isRecord, type KubeObject } from "../../tools/src/kubernetes/manifests.js";
import { checkPodSecurity } from "../../tools/src/kubernetes/pod-security-admission.js";
import { ipv4RangesReached, policyTypes } from "../../tools/src/kubernetes/network-policy.js";
import { podTemplateOf } from "../../tools/src/kubernetes/pod-templates.js";
import { environmentNames } from "../gitops/support/generated.js";
import { componentApplications, renderComponent, type ComponentApplication } from "../support/component-renders.js";
import { levelOf, placements, type Placement } from "./support.js";

/**
 * Issue 18, point 3: the pods that process untrusted images, repositories and URLs (scanner-manager's
 * scan Jobs) run in a namespace of their own, the scan sandbox, and scanner-manager's rights reach
 * only that namespace. Checked over every environment's renders as Argo CD renders them: the scan
 * Job template is what scanner-manager's ConfigMap (`config.yaml`, key `jobs`) tells the manager to
 * create, and the sandbox is what the scan-sandbox component renders in its namespace.
 */

const MANAGER = "scanner-manager";
const SANDBOX = "scan-sandbox";

/** Kinds whose creation starts pods, which may then mount the namespace's Secrets or run as its ServiceAccounts. */
const POD_STARTING = ["pods", "jobs", "cronjobs", "deployments", "replicasets", "statefulsets", "daemonsets", "replicationcontrollers"];

/**
 * Addresses scan pods must never reach: RFC 1918 private networks, RFC 6598 shared address space
 * (carrier-grade NAT, also used for pod and node ranges), RFC 3927 link-local (the cloud metadata
 * endpoint 169.254.169.254) and loopback.
 */
const FORBIDDEN = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8"];

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
}
interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
interface Peer {
  ipBlock?: { cidr: string; except?: string[] };
  namespaceSelector?: Selector;
  podSelector?: Selector;
}
interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface PolicySpec {
  podSelector?: Selector;
  policyTypes?: string[];
  ingress?: { from?: Peer[] }[];
  egress?: { to?: Peer[]; ports?: { port?: number | string; protocol?: string }[] }[];
}

/** A pod as it will exist in a namespace: rendered by a component, or created at run time from the manager's Job template. */
interface SandboxPod {
  what: string;
  namespace: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
}

function applicationOf(env: string, component: string): ComponentApplication | undefined {
  return componentApplications().find((a) => a.env === env && a.component === component);
}

function destinationOf(app: ComponentApplication): string {
  return (app.application.spec as { destination: { namespace: string } }).destination.namespace;
}

/** The objects of an application that must render (a failed render fails the test that needs it). */
function objectsOf(app: ComponentApplication): KubeObject[] {
  const render = renderComponent(app).outputs[0]?.render;
  if (!render || render.status !== 0) throw new Error(`${app.file} does not render: ${render?.stderr ?? "no output"}`);
  return renderComponent(app).objects;
}

/** Every object of the environment with the namespace it lands in (components that do not render fail their own tests). */
function environmentPlacements(env: string): (Placement & { app: ComponentApplication })[] {
  return componentApplications()
    .filter((a) => a.env === env)
    .flatMap((app) => {
      try {
        return placements(app).map((p) => ({ ...p, app }));
      } catch {
        return [];
      }
    });
}

/** What scanner-manager is configured to create for each scan (its config.yaml `jobs` and `scanners`). */
interface ManagerSetup {
  namespace: string;
  serviceAccount: string;
  jobs: { namespace: string; serviceAccountName: string; automountServiceAccountToken?: boolean; labels: Record<string, string>; podSecurityContext: Record<string, unknown>; containerSecurityContext: Record<string, unknown>; scratchVolume?: { mountPath: string; sizeLimit: string }; [key: string]: unknown };
  scans: { maxConcurrent: number };
  scanners: Record<string, { image: string; imagePullSecrets?: unknown[]; resources: { requests: Record<string, string>; limits: Record<string, string> }; maxConcurrent: number }>;
}

function managerSetup(env: string): ManagerSetup {
  const app = applicationOf(env, MANAGER);
  if (!app) throw new Error(`${env} deploys no ${MANAGER}`);
  const objects = objectsOf(app);
  const deployment = objects.find((o) => o.kind === "Deployment");
  const configMap = objects.find((o) => o.kind === "ConfigMap" && typeof (o as { data?: Record<string, string> }).data?.["config.yaml"] === "string");
  if (!deployment || !configMap) throw new Error(`${app.file}: no Deployment or no ConfigMap with config.yaml`);
  const config = parse((configMap as unknown as { data: Record<string, string> }).data["config.yaml"] as string) as Omit<ManagerSetup, "namespace" | "serviceAccount">;
  const serviceAccount = String((deployment as unknown as { spec: { template: { spec: { serviceAccountName?: string } } } }).spec.template.spec.serviceAccountName ?? "default");
  return { namespace: deployment.metadata?.namespace ?? destinationOf(app), serviceAccount, jobs: config.jobs, scans: config.scans, scanners: config.scanners };
}

function sandboxNamespace(env: string): string {
  const app = applicationOf(env, SANDBOX);
  if (!app) throw new Error(`${env} deploys no ${SANDBOX} component: scan Jobs have no sandbox to run in`);
  return destinationOf(app);
}

/** The pod scanner-manager creates for one scanner, from its Job template (what its config.yaml describes). */
function scanPod(setup: ManagerSetup, scanner: string): SandboxPod {
  const { jobs } = setup;
  const entry = setup.scanners[scanner] as ManagerSetup["scanners"][string];
  const volumes = jobs.scratchVolume ? [{ name: "scratch", emptyDir: { sizeLimit: jobs.scratchVolume.sizeLimit } }] : [];
  return {
    what: `scan pod of ${scanner} (scanner-manager's Job template)`,
    namespace: jobs.namespace,
    labels: jobs.labels ?? {},
    spec: {
      restartPolicy: "Never",
      serviceAccountName: jobs.serviceAccountName,
      ...(jobs.automountServiceAccountToken === undefined ? {} : { automountServiceAccountToken: jobs.automountServiceAccountToken }),
      securityContext: jobs.podSecurityContext,
      ...(entry.imagePullSecrets && entry.imagePullSecrets.length > 0 ? { imagePullSecrets: entry.imagePullSecrets } : {}),
      containers: [{ name: "scanner", image: entry.image, securityContext: jobs.containerSecurityContext, resources: entry.resources, ...(jobs.scratchVolume ? { volumeMounts: [{ name: "scratch", mountPath: jobs.scratchVolume.mountPath }] } : {}) }],
      volumes,
    },
  };
}

/** Every pod that will run in the sandbox: the pods rendered there and the scan pods of every enabled scanner. */
function sandboxPods(env: string): SandboxPod[] {
  const setup = managerSetup(env);
  const scans = Object.keys(setup.scanners ?? {}).map((scanner) => scanPod(setup, scanner));
  const namespace = sandboxNamespace(env);
  const rendered = environmentPlacements(env)
    .filter((p) => p.namespace === namespace)
    .flatMap((p) => {
      const template = podTemplateOf(p.object as unknown as Record<string, unknown>);
      if (!template) return [];
      const metadata = template.specPath.slice(0, -1).reduce<unknown>((node, key) => (isRecord(node) ? node[key as string] : undefined), p.object);
      const labels = (isRecord(metadata) && isRecord(metadata.metadata) ? (metadata.metadata.labels as Record<string, string>) : undefined) ?? {};
      return [{ what: `${p.kind} ${p.name} (${p.app.component})`, namespace, labels, spec: template.spec }];
    });
  return [...rendered, ...scans];
}

function selects(selector: Selector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = key in labels;
    if (operator === "In" && !(has && values.includes(labels[key] as string))) return false;
    if (operator === "NotIn" && has && values.includes(labels[key] as string)) return false;
    if (operator === "Exists" && !has) return false;
    if (operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function policiesIn(env: string, namespace: string): { name: string; spec: PolicySpec }[] {
  return environmentPlacements(env)
    .filter((p) => p.kind === "NetworkPolicy" && p.namespace === namespace)
    .map((p) => ({ name: p.name, spec: ((p.object as { spec?: PolicySpec }).spec ?? {}) as PolicySpec }));
}

/** Forbidden ranges an ipBlock peer still reaches after its `except`. */
function forbiddenReached(block: { cidr: string; except?: string[] }): string[] {
  return ipv4RangesReached(block, FORBIDDEN);
}

/**
 * What one egress rule of a sandbox policy lets a scan pod reach beyond what a scan needs (public
 * IPv4 and cluster DNS): an empty `to` (everything), IPv6 blocks, forbidden IPv4 ranges, pods other
 * than the DNS pods on port 53.
 */
function egressProblems(policy: string, rule: NonNullable<PolicySpec["egress"]>[number], dnsNamespace = "kube-system"): string[] {
  if (!rule.to || rule.to.length === 0) return [`${policy}: an egress rule without \`to\` reaches every address`];
  return rule.to.flatMap((peer) => {
    if (peer.ipBlock) {
      if (peer.ipBlock.cidr.includes(":")) return [`${policy}: IPv6 block ${peer.ipBlock.cidr} (the sandbox allows public IPv4 only)`];
      return forbiddenReached(peer.ipBlock).map((cidr) => `${policy}: ${peer.ipBlock?.cidr} reaches ${cidr}`);
    }
    const dns =
      peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === dnsNamespace &&
      Object.keys(peer.podSelector?.matchLabels ?? {}).length > 0 &&
      (rule.ports ?? []).length > 0 &&
      (rule.ports ?? []).every((p) => Number(p.port) === 53);
    return dns ? [] : [`${policy}: reaches pods in the cluster (${JSON.stringify(peer)}${rule.ports ? ` on ${JSON.stringify(rule.ports)}` : ", every port"})`];
  });
}

function grantsPodStart(rules: Rule[]): boolean {
  return rules.some((rule) => {
    const groupsOk = (rule.apiGroups ?? []).length > 0;
    const verbs = rule.verbs ?? [];
    const resources = rule.resources ?? [];
    return groupsOk && (verbs.includes("create") || verbs.includes("*")) && resources.some((r) => r === "*" || POD_STARTING.includes(r));
  });
}

/** Whether a binding subject includes the given ServiceAccount (directly or through its groups). */
function includes(subject: Subject, name: string, namespace: string): boolean {
  if (subject.kind === "ServiceAccount") return subject.name === name && (subject.namespace ?? "") === namespace;
  if (subject.kind === "Group") return ["system:serviceaccounts", `system:serviceaccounts:${namespace}`, "system:authenticated"].includes(subject.name);
  return false;
}

// Kubernetes quantities (apimachinery resource.Quantity): decimal and binary suffixes, millicores.
const SUFFIX: Record<string, number> = { m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
function quantity(value: unknown): number {
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(String(value));
  const factor = match ? SUFFIX[match[2] as string] : undefined;
  if (!match || factor === undefined) throw new Error(`not a quantity: ${JSON.stringify(value)}`);
  return Number(match[1]) * factor;
}

/**
 * The most of one resource the manager's scans can hold at once: at most `scans.maxConcurrent`
 * scans, each scanner at most its own `maxConcurrent`; greedy by the largest per-pod amount, which is
 * the maximum for a single resource.
 */
function worstCase(setup: ManagerSetup, amount: (s: ManagerSetup["scanners"][string]) => number): number {
  let left = setup.scans.maxConcurrent;
  let total = 0;
  for (const scanner of Object.values(setup.scanners).sort((a, b) => amount(b) - amount(a))) {
    const pods = Math.min(left, scanner.maxConcurrent);
    total += pods * amount(scanner);
    left -= pods;
  }
  return total;
}

describe("IPv4 helpers", () => {
  it("find a forbidden range that an ipBlock still reaches, and none that its except covers", () => {
    expect(forbiddenReached({ cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] })).toEqual(["100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8"]);
    expect(forbiddenReached({ cidr: "0.0.0.0/0", except: FORBIDDEN })).toEqual([]);
    expect(forbiddenReached({ cidr: "169.254.169.254/32" })).toEqual(["169.254.0.0/16"]);
    expect(forbiddenReached({ cidr: "169.254.0.0/16", except: ["169.254.0.0/17", "169.254.128.0/17"] })).toEqual([]);
    expect(forbiddenReached({ cidr: "203.0.113.0/24" })).toEqual([]);
  });

  it("read quantities as Kubernetes does", () => {
    expect([quantity("500m"), quantity("2"), quantity(4), quantity("1Gi"), quantity("512Mi"), quantity("1G")]).toEqual([0.5, 2, 4, 2 ** 30, 2 ** 29, 1e9]);
  });
});

describe.each(environmentNames())("the scan sandbox of %s", (env) => {
  it("is a namespace of its own, where scanner-manager creates its scan Jobs", () => {
    const setup = managerSetup(env);
    const sandbox = sandboxNamespace(env);
    expect(sandbox, "the sandbox must not be the manager's namespace").not.toBe(setup.namespace);
    expect(setup.jobs.namespace, `scanner-manager creates scan Jobs in ${setup.jobs.namespace}, not in the sandbox ${sandbox}`).toBe(sandbox);
  });

  it("scanner-manager's ServiceAccount may start pods in the sandbox namespace and nowhere else (no ClusterRoleBinding, no Role elsewhere)", () => {
    const setup = managerSetup(env);
    const sandbox = sandboxNamespace(env);
    const objects = environmentPlacements(env);
    const roles = new Map(objects.filter((p) => p.kind === "Role" || p.kind === "ClusterRole").map((p) => [`${p.kind}/${p.namespace ?? ""}/${p.name}`, ((p.object as { rules?: Rule[] }).rules ?? []) as Rule[]]));
    const wrong: string[] = [];
    let grantedInSandbox = false;
    for (const binding of objects.filter((p) => p.kind === "RoleBinding" || p.kind === "ClusterRoleBinding")) {
      const { subjects = [], roleRef } = binding.object as unknown as { subjects?: Subject[]; roleRef: { kind: string; name: string } };
      if (!subjects.some((s) => includes(s, setup.serviceAccount, setup.namespace))) continue;
      const key = roleRef.kind === "Role" ? `Role/${binding.namespace}/${roleRef.name}` : `ClusterRole//${roleRef.name}`;
      const rules = roles.get(key);
      const where = `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ""}${binding.name} (${binding.app.component})`;
      if (!rules) {
        wrong.push(`${where}: binds ${roleRef.kind} ${roleRef.name}, which no component renders (built-in roles such as edit and admin create Jobs)`);
        continue;
      }
      if (!grantsPodStart(rules)) continue;
      if (binding.kind === "ClusterRoleBinding") wrong.push(`${where}: lets it start pods in every namespace`);
      else if (binding.namespace !== sandbox) wrong.push(`${where}: lets it start pods in ${binding.namespace}`);
      else grantedInSandbox = true;
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    expect(grantedInSandbox, `no RoleBinding in ${sandbox} lets ${setup.namespace}/${setup.serviceAccount} create Jobs: no scan could start`).toBe(true);
  });

  it("every pod of the sandbox runs without an API token, as a token-less ServiceAccount of the sandbox, mounting nothing but an emptyDir", () => {
    const sandbox = sandboxNamespace(env);
    const accounts = new Map(
      environmentPlacements(env)
        .filter((p) => p.kind === "ServiceAccount" && p.namespace === sandbox)
        .map((p) => [p.name, (p.object as { automountServiceAccountToken?: boolean }).automountServiceAccountToken]),
    );
    const problems = sandboxPods(env).flatMap((pod) => {
      const found: string[] = [];
      const account = String(pod.spec.serviceAccountName ?? "default");
      if (pod.namespace !== sandbox) found.push(`runs in ${pod.namespace}, not in the sandbox ${sandbox}`);
      if (pod.spec.automountServiceAccountToken !== false) found.push("does not set automountServiceAccountToken: false");
      if (!accounts.has(account)) found.push(`runs as ServiceAccount ${account}, which the sandbox does not render`);
      else if (accounts.get(account) !== false) found.push(`runs as ServiceAccount ${account}, which mounts its token`);
      if (pod.spec.imagePullSecrets) found.push(`names pull Secrets ${JSON.stringify(pod.spec.imagePullSecrets)}`);
      const volumes = (pod.spec.volumes ?? []) as Record<string, unknown>[];
      for (const volume of volumes.filter((v) => Object.keys(v).some((k) => k !== "name" && k !== "emptyDir"))) found.push(`mounts ${JSON.stringify(volume)}`);
      return found.map((f) => `${pod.what}: ${f}`);
    });
    expect(sandboxPods(env).length).toBeGreaterThan(0);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every pod of the sandbox is selected by a NetworkPolicy for ingress and one for egress, admits no connection, and scan pods reach DNS and public HTTPS", () => {
    const problems = sandboxPods(env).flatMap((pod) => {
      const selecting = policiesIn(env, pod.namespace).filter((p) => selects(p.spec.podSelector, pod.labels));
      const found: string[] = [];
      if (!selecting.some((p) => policyTypes(p.spec).includes("Ingress"))) found.push("no NetworkPolicy restricts its ingress");
      if (!selecting.some((p) => policyTypes(p.spec).includes("Egress"))) found.push("no NetworkPolicy restricts its egress");
      for (const p of selecting.filter((p) => (p.spec.ingress ?? []).length > 0)) found.push(`${p.name} admits ingress ${JSON.stringify(p.spec.ingress)}`);
      if (pod.what.startsWith("scan pod")) {
        const rules = selecting.flatMap((p) => p.spec.egress ?? []);
        if (!rules.some((r) => (r.to ?? []).some((peer) => peer.podSelector !== undefined) && (r.ports ?? []).some((port) => Number(port.port) === 53))) found.push("cannot resolve names (no egress to the DNS pods on 53)");
        if (!rules.some((r) => (r.to ?? []).some((peer) => peer.ipBlock?.cidr === "0.0.0.0/0") && (r.ports ?? []).some((port) => Number(port.port) === 443))) found.push("cannot reach public addresses on 443");
      }
      return found.map((f) => `${pod.what} in ${pod.namespace}: ${f}`);
    });
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("no egress rule that applies to a sandbox pod reaches private, shared (100.64.0.0/10), link-local (169.254.0.0/16, cloud metadata) or loopback addresses, IPv6, or pods other than DNS", () => {
    const problems = sandboxPods(env).flatMap((pod) => {
      const egress = policiesIn(env, pod.namespace).filter((p) => selects(p.spec.podSelector, pod.labels) && policyTypes(p.spec).includes("Egress"));
      if (egress.length === 0) return [`${pod.what} in ${pod.namespace}: no egress policy, so it reaches every address`];
      return egress.flatMap((p) => (p.spec.egress ?? []).flatMap((rule) => egressProblems(p.name, rule))).map((f) => `${pod.what}: ${f}`);
    });
    expect(problems, [...new Set(problems)].join("\n")).toEqual([]);
  });

  it("has a ResourceQuota and a LimitRange that bound the sandbox and fit scanner-manager's catalog", () => {
    const setup = managerSetup(env);
    const sandbox = sandboxNamespace(env);
    const objects = environmentPlacements(env).filter((p) => p.namespace === sandbox);
    const quota = objects.find((p) => p.kind === "ResourceQuota")?.object as { spec?: { hard?: Record<string, string> } } | undefined;
    const limitRange = objects.find((p) => p.kind === "LimitRange")?.object as { spec?: { limits?: { type: string; default?: Record<string, string>; defaultRequest?: Record<string, string>; max?: Record<string, string> }[] } } | undefined;
    expect(quota, `no ResourceQuota in ${sandbox}`).toBeDefined();
    expect(limitRange, `no LimitRange in ${sandbox}`).toBeDefined();
    const hard = quota?.spec?.hard ?? {};
    expect(Object.keys(hard).sort()).toEqual(expect.arrayContaining(["limits.cpu", "limits.memory", "pods", "requests.cpu", "requests.memory"]));
    const container = limitRange?.spec?.limits?.find((l) => l.type === "Container");
    for (const field of ["default", "defaultRequest", "max"] as const) expect(Object.keys(container?.[field] ?? {}).sort(), `LimitRange ${field}`).toEqual(["cpu", "memory"]);

    // What the manager may run at once must fit, or the API server refuses scans the manager admitted.
    const needs = {
      pods: Math.min(setup.scans.maxConcurrent, Object.values(setup.scanners).reduce((n, s) => n + s.maxConcurrent, 0)),
      "requests.cpu": worstCase(setup, (s) => quantity(s.resources.requests.cpu)),
      "requests.memory": worstCase(setup, (s) => quantity(s.resources.requests.memory)),
      "limits.cpu": worstCase(setup, (s) => quantity(s.resources.limits.cpu)),
      "limits.memory": worstCase(setup, (s) => quantity(s.resources.limits.memory)),
    };
    const short = Object.entries(needs).filter(([key, need]) => quantity(hard[key]) < need).map(([key, need]) => `${key}: quota ${hard[key]}, scanner-manager may need ${key.endsWith("memory") ? `${need / 2 ** 30}Gi` : need}`);
    for (const [name, scanner] of Object.entries(setup.scanners)) {
      for (const resource of ["cpu", "memory"] as const) {
        if (quantity(scanner.resources.limits[resource]) > quantity(container?.max?.[resource])) short.push(`${name}: limit ${resource} ${scanner.resources.limits[resource]} is above the LimitRange max ${container?.max?.[resource]}`);
      }
    }
    expect(short, short.join("\n")).toEqual([]);
  });

  it("enforces Pod Security restricted, which the scan pods pass, and keeps them out of the mesh", () => {
    const sandbox = sandboxNamespace(env);
    expect(levelOf(env, sandbox), `namespace ${sandbox}`).toBe("restricted");
    const problems = sandboxPods(env).flatMap((pod) => checkPodSecurity({ apiVersion: "v1", kind: "Pod", metadata: { name: pod.what, labels: pod.labels }, spec: pod.spec }, { level: "restricted" }));
    expect(problems, formatProblems(problems)).toEqual([]);
    const meshed = sandboxPods(env).filter((pod) => pod.what.startsWith("scan pod") && pod.labels["sidecar.istio.io/inject"] !== "false");
    expect(meshed.map((pod) => pod.what)).toEqual([]);
  });
});
