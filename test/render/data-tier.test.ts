import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { checkPodSecurity } from "../../tools/src/kubernetes/pod-security-admission.js";
import { environmentNames } from "../gitops/support/generated.js";
import { componentApplications, renderComponent, type ComponentApplication } from "../support/component-renders.js";
import { placements } from "./support.js";

/**
 * Issue 18, point 4: the data tier over the real renders of every environment (as Argo CD renders
 * them: staging and production at their pinned revisions).
 * - Every pod of the data namespace is isolated for ingress, and every peer its policies admit is
 *   named pods (a podSelector with labels), never a whole namespace, an address range or everyone.
 * - Every pod of the data namespace passes Pod Security "restricted".
 * - No Redis ACL user but the chart's own replication and Sentinel users may use every key or
 *   channel, and no service user's patterns reach another service's keys.
 * - Every PostgreSQL client connects with sslmode verify-full and a CA file mounted from a Secret.
 */

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] }[];
}
interface Peer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: unknown;
}
interface NetworkPolicySpec {
  podSelector?: Selector;
  policyTypes?: string[];
  ingress?: { from?: Peer[]; ports?: unknown[] }[];
}
/** A pod that runs in a namespace: from a rendered pod template, or one an operator creates for a rendered object. */
interface DataPod {
  what: string;
  labels: Labels;
}

/** The components whose Applications deploy the data tier; the namespaces they deploy into are the data namespaces. */
const DATA_COMPONENTS = ["postgresql", "redis"];

const applicationsOf = (env: string) => componentApplications().filter((a) => a.env === env);
const destinationOf = (app: ComponentApplication) => (app.application.spec as { destination: { namespace: string } }).destination.namespace;

function dataNamespaces(env: string): string[] {
  return [...new Set(applicationsOf(env).filter((a) => DATA_COMPONENTS.includes(a.component)).map(destinationOf))].sort();
}

/** Whether a label selector selects a set of labels (an empty selector selects everything, as in Kubernetes). */
export function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    if (e.operator === "Exists") return has;
    if (e.operator === "DoesNotExist") return !has;
    if (e.operator === "In") return has && (e.values ?? []).includes(labels[e.key] as string);
    return !has || !(e.values ?? []).includes(labels[e.key] as string);
  });
  return byLabels && byExpressions;
}

const named = (selector: Selector | undefined) => selector !== undefined && (Object.keys(selector.matchLabels ?? {}).length > 0 || (selector.matchExpressions ?? []).length > 0);

/**
 * What is wrong with the ingress a policy grants: a rule without `from` admits every source, a peer
 * without a podSelector with labels admits a whole namespace (or the whole namespace of the policy),
 * an ipBlock admits addresses rather than pods, and an empty namespaceSelector any namespace.
 */
export function wideIngress(name: string, spec: NetworkPolicySpec): string[] {
  return (spec.ingress ?? []).flatMap((rule, index) => {
    if (!rule.from || rule.from.length === 0) return [`${name}: ingress[${index}] has no "from", so every source is admitted`];
    return rule.from.flatMap((peer) => {
      if (peer.ipBlock !== undefined) return [`${name}: ingress[${index}] admits an address range ${JSON.stringify(peer.ipBlock)}, not named pods`];
      if (!named(peer.podSelector)) return [`${name}: ingress[${index}] admits ${JSON.stringify(peer)}: no podSelector with labels, so a whole namespace`];
      if (peer.namespaceSelector !== undefined && !named(peer.namespaceSelector)) return [`${name}: ingress[${index}] admits ${JSON.stringify(peer)}: an empty namespaceSelector is every namespace`];
      return [];
    });
  });
}

const isIngressPolicy = (spec: NetworkPolicySpec) => (spec.policyTypes ?? ["Ingress"]).includes("Ingress");

/** The pod labels of a rendered workload (Deployment, StatefulSet, Job, CronJob, Rollout, ...) or Pod. */
function podLabelsOf(object: KubeObject): Labels | undefined {
  const spec = object.spec as { template?: { metadata?: { labels?: Labels } }; jobTemplate?: { spec?: { template?: { metadata?: { labels?: Labels } } } } } | undefined;
  if (object.kind === "Pod") return (object.metadata?.labels as Labels | undefined) ?? {};
  if (object.kind === "CronJob") return spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  if (spec?.template && ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Rollout"].includes(object.kind)) return spec.template.metadata?.labels ?? {};
  return undefined;
}

/**
 * The pods CloudNativePG creates for a Cluster: its instances and the Jobs it runs for them (initdb,
 * join), labelled as the operator labels them (cloudnative-pg v1.28.1 pkg/specs/pods.go:543-550 and
 * pkg/specs/jobs.go:338-360; docs/src/labels_annotations.md: `app.kubernetes.io/name` "will always be
 * `postgresql`"). They are not in any render, so a policy that forgets them is found only this way.
 */
function operatorPods(object: KubeObject): DataPod[] {
  if (object.kind !== "Cluster" || !object.apiVersion.startsWith("postgresql.cnpg.io/")) return [];
  const cluster = object.metadata?.name ?? "";
  const common = { "cnpg.io/cluster": cluster, "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": cluster, "app.kubernetes.io/component": "database", "app.kubernetes.io/managed-by": "cloudnative-pg" };
  return [
    { what: `CloudNativePG instance ${cluster}-1`, labels: { ...common, "cnpg.io/instanceName": `${cluster}-1`, "cnpg.io/podRole": "instance" } },
    { what: `CloudNativePG Job ${cluster}-1-initdb`, labels: { ...common, "cnpg.io/instanceName": `${cluster}-1`, "cnpg.io/jobRole": "initdb" } },
    { what: `CloudNativePG Job ${cluster}-2-join`, labels: { ...common, "cnpg.io/instanceName": `${cluster}-2`, "cnpg.io/jobRole": "join" } },
  ];
}

/** The objects every component renders into one namespace (empty for a component that does not render: its own render test fails). */
function objectsIn(env: string, namespace: string): { app: ComponentApplication; object: KubeObject }[] {
  return applicationsOf(env).flatMap((app) => {
    try {
      return placements(app)
        .filter((p) => p.namespace === namespace)
        .map((p) => ({ app, object: p.object }));
    } catch {
      return [];
    }
  });
}

/** The data tier's own renders; a data component that does not render fails here rather than pass with nothing to check. */
function dataRenders(env: string): { app: ComponentApplication; objects: KubeObject[] }[] {
  return applicationsOf(env)
    .filter((a) => DATA_COMPONENTS.includes(a.component))
    .map((app) => {
      const render = renderComponent(app);
      const failed = render.outputs.find((o) => o.render.status !== 0);
      if (failed) throw new Error(`${app.file}: ${failed.label} render failed:\n${failed.render.stderr}`);
      return { app, objects: render.objects };
    });
}

/** ACL users of the redis chart that administer the servers themselves and are never given to a service. */
const ADMIN_USERS = new Set(["replication", "sentinel"]);

/** A Redis glob pattern (`*`, `?`, `[...]`, `\` escapes; Valkey util.c stringmatchlen) as a regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "\\" && i + 1 < glob.length) source += `\\${glob[++i]}`;
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        const body = glob.slice(i + 1, end);
        source += `[${body.startsWith("^") ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s");
}

/** The text of a pattern before its first glob character. */
const literalPrefix = (pattern: string) => pattern.slice(0, pattern.search(/[*?[\\]/) === -1 ? pattern.length : pattern.search(/[*?[\\]/));

/**
 * What is wrong with the ACL rules of the servers (`users.rules`, lines `<user> <rules>`): a service
 * user with every key (`~*`, `%R~*`, `allkeys`) or channel (`&*`, `allchannels`), a selector `(...)`
 * (which grants keys of its own), key or channel rules before `resetkeys`/`resetchannels`, a pattern
 * without a literal `<prefix>:`, or a pattern that matches keys under another user's prefix. The rule
 * grammar is Valkey's (valkey-doc topics/acl.md, "ACL rules").
 */
export function aclProblems(rules: string): string[] {
  const users = rules
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...tokens] = line.split(/\s+/);
      return { name: name as string, tokens };
    });
  const problems: string[] = [];
  const patterns = new Map<string, { keys: string[]; channels: string[] }>();
  for (const { name, tokens } of users) {
    if (ADMIN_USERS.has(name)) continue;
    const keys: string[] = [];
    const channels: string[] = [];
    let keysReset = false;
    let channelsReset = false;
    for (const token of tokens) {
      if (token === "resetkeys") keysReset = true;
      else if (token === "resetchannels") channelsReset = true;
      else if (token === "allkeys" || token === "allchannels" || token === "reset" || token.startsWith("(")) problems.push(`${name}: "${token}" reaches every key or channel`);
      else if (/^(%(R|W|RW))?~/.test(token)) {
        if (!keysReset) problems.push(`${name}: key rule "${token}" comes before resetkeys`);
        keys.push(token.slice(token.indexOf("~") + 1));
      } else if (token.startsWith("&")) {
        if (!channelsReset) problems.push(`${name}: channel rule "${token}" comes before resetchannels`);
        channels.push(token.slice(1));
      }
    }
    if (!keysReset) problems.push(`${name}: no resetkeys`);
    if (!channelsReset) problems.push(`${name}: no resetchannels`);
    for (const pattern of [...keys, ...channels]) {
      const prefix = literalPrefix(pattern);
      if (prefix !== pattern && !prefix.includes(":")) problems.push(`${name}: pattern "${pattern}" has no literal "<prefix>:" before its first glob character, so it reaches other services' keys or channels`);
    }
    patterns.set(name, { keys, channels });
  }
  // Another user's key space, probed with a key under each of its literal prefixes.
  for (const [name, own] of patterns) {
    for (const [other, theirs] of patterns) {
      if (other === name) continue;
      for (const pattern of theirs.keys) {
        const probe = `${literalPrefix(pattern)}probe`;
        const reaching = own.keys.filter((p) => globToRegExp(p).test(probe));
        if (reaching.length > 0 && !theirs.keys.some((p) => own.keys.includes(p))) problems.push(`${name}: ${reaching.map((p) => `"${p}"`).join(", ")} reaches ${other}'s key ${probe}`);
      }
    }
  }
  return problems;
}

interface DatabaseClient {
  where: string;
  sslMode: unknown;
  sslRootCert: unknown;
}

/** Every `database`-like mapping with an `sslMode` in a parsed config file. */
function sslSettings(value: unknown, path: string): { path: string; sslMode: unknown; sslRootCert: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sslSettings(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own = "sslMode" in record ? [{ path, sslMode: record.sslMode, sslRootCert: record.sslRootCert }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => sslSettings(v, `${path}.${k}`))];
}

interface PodSpecView {
  volumes?: { name: string; secret?: { secretName?: string; items?: { key: string; path: string }[] }; configMap?: { name?: string }; projected?: { sources?: { configMap?: { name?: string } }[] } }[];
  containers?: { name: string; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string }[] }[];
}

function podSpecOf(object: KubeObject): PodSpecView | undefined {
  const spec = object.spec as { template?: { spec?: PodSpecView }; jobTemplate?: { spec?: { template?: { spec?: PodSpecView } } } } | undefined;
  if (object.kind === "CronJob") return spec?.jobTemplate?.spec?.template?.spec;
  return podLabelsOf(object) === undefined ? undefined : object.kind === "Pod" ? (object.spec as PodSpecView) : spec?.template?.spec;
}

/** Why a container of a pod spec does not have `file` as a file of a mounted Secret (undefined when it does). */
export function caFileProblem(pod: PodSpecView, container: { volumeMounts?: { name: string; mountPath: string }[] }, file: unknown): string | undefined {
  if (typeof file !== "string" || file === "") return "no CA file (sslRootCert) is configured";
  const mount = (container.volumeMounts ?? []).find((m) => file.startsWith(`${m.mountPath.replace(/\/$/, "")}/`));
  if (!mount) return `${file} is on no volume mount`;
  const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
  if (!volume?.secret?.secretName) return `${file} is on volume ${mount.name}, which is not a Secret`;
  const relativePath = posix.relative(mount.mountPath, file);
  const items = volume.secret.items;
  if (items ? !items.some((i) => i.path === relativePath) : false) return `${file}: Secret ${volume.secret.secretName} has no item at ${relativePath}`;
  return undefined;
}

/**
 * The PostgreSQL clients of an environment and what is wrong with each: a config file of a ConfigMap
 * with a mapping holding `sslMode` (every service chart writes its database settings so), read by the
 * pods that mount that ConfigMap, and every container with a `*SSLMODE` variable (the migration Job).
 */
function databaseClients(env: string): { clients: DatabaseClient[]; problems: string[] } {
  const clients: DatabaseClient[] = [];
  const problems: string[] = [];
  for (const app of applicationsOf(env).filter((a) => !a.upstream)) {
    // A component that does not render fails its own render test; the clients that do are still checked (at least four must be found).
    let objects: KubeObject[];
    try {
      objects = renderComponent(app).objects;
    } catch {
      continue;
    }
    const pods = objects.map((object) => ({ object, spec: podSpecOf(object) })).filter((p): p is { object: KubeObject; spec: PodSpecView } => p.spec !== undefined);
    for (const configMap of objects.filter((o) => o.kind === "ConfigMap")) {
      for (const [file, text] of Object.entries((configMap.data as Record<string, string> | undefined) ?? {})) {
        let document: unknown;
        try {
          document = parse(text);
        } catch {
          continue;
        }
        for (const setting of sslSettings(document, file)) {
          const where = `${app.component}: ConfigMap ${configMap.metadata?.name} ${setting.path}`;
          clients.push({ where, ...setting });
          if (setting.sslMode !== "verify-full") problems.push(`${where}: sslMode ${JSON.stringify(setting.sslMode)}, not verify-full`);
          const readers = pods.filter((p) => (p.spec.volumes ?? []).some((v) => v.configMap?.name === configMap.metadata?.name || (v.projected?.sources ?? []).some((s) => s.configMap?.name === configMap.metadata?.name)));
          if (readers.length === 0) problems.push(`${where}: no pod mounts the ConfigMap`);
          for (const reader of readers) {
            for (const container of reader.spec.containers ?? []) {
              const problem = caFileProblem(reader.spec, container, setting.sslRootCert);
              if (problem) problems.push(`${where}, ${reader.object.kind} ${reader.object.metadata?.name} container ${container.name}: ${problem}`);
            }
          }
        }
      }
    }
    for (const { object, spec } of pods) {
      for (const container of spec.containers ?? []) {
        const env = container.env ?? [];
        for (const mode of env.filter((e) => /SSLMODE$/.test(e.name))) {
          const where = `${app.component}: ${object.kind} ${object.metadata?.name} container ${container.name} ${mode.name}`;
          const rootCert = env.find((e) => e.name === mode.name.replace(/SSLMODE$/, "SSLROOTCERT"))?.value;
          clients.push({ where, sslMode: mode.value, sslRootCert: rootCert });
          if (mode.value !== "verify-full") problems.push(`${where}: ${JSON.stringify(mode.value)}, not verify-full`);
          const problem = caFileProblem(spec, container, rootCert);
          if (problem) problems.push(`${where}: ${problem}`);
        }
      }
    }
  }
  return { clients, problems };
}

describe("the data tier checks", () => {
  it("find a namespace-only peer, an empty rule and an address range, and accept named pods", () => {
    const spec: NetworkPolicySpec = {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "platform" } } }] }, {}, { from: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }, { from: [{ podSelector: {} }] }],
    };
    expect(wideIngress("p", spec)).toHaveLength(4);
    expect(wideIngress("p", { ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "platform" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "authentication" } } }] }] })).toEqual([]);
  });

  it("find every key, every channel, patterns without a prefix and a pattern reaching another user's keys", () => {
    expect(aclProblems("enrichment resetkeys ~* resetchannels -@all +@all")).toEqual(expect.arrayContaining([expect.stringContaining('pattern "*"')]));
    expect(aclProblems("enrichment allkeys allchannels -@all +@all").join("\n")).toMatch(/"allkeys" reaches every key/);
    expect(aclProblems("enrichment ~enrichment:* resetkeys resetchannels").join("\n")).toMatch(/comes before resetkeys/);
    expect(aclProblems("authentication resetkeys ~auth:* resetchannels\nenrichment resetkeys ~enrichment:* ~a* resetchannels").join("\n")).toMatch(/enrichment: "a\*" reaches authentication's key auth:probe/);
    expect(aclProblems("sentinel resetkeys allchannels +@all\nauthentication resetkeys ~auth:* resetchannels &auth:* -@all\nenrichment resetkeys ~enrichment:* resetchannels &enrichment:* -@all")).toEqual([]);
  });

  it("find a client that does not verify the server or has no CA file", () => {
    const pod: PodSpecView = { volumes: [{ name: "ca", secret: { secretName: "postgresql-ca-public", items: [{ key: "ca.crt", path: "ca.crt" }] } }, { name: "config", configMap: { name: "c" } }] };
    const container = { volumeMounts: [{ name: "ca", mountPath: "/etc/postgresql-ca" }, { name: "config", mountPath: "/etc/app" }] };
    expect(caFileProblem(pod, container, "/etc/postgresql-ca/ca.crt")).toBeUndefined();
    expect(caFileProblem(pod, container, undefined)).toMatch(/no CA file/);
    expect(caFileProblem(pod, container, "/etc/app/ca.crt")).toMatch(/not a Secret/);
    expect(caFileProblem(pod, container, "/etc/postgresql-ca/other.crt")).toMatch(/no item/);
  });
});

describe.each(environmentNames())("the data tier of %s", (env) => {
  const namespaces = dataNamespaces(env);

  it("is deployed into its own namespace", () => {
    expect(namespaces).toEqual(["data"]);
  });

  it("isolates every pod of the data namespace for ingress and admits named pods only", () => {
    dataRenders(env);
    for (const namespace of namespaces) {
      const objects = objectsIn(env, namespace);
      const pods: DataPod[] = objects.flatMap(({ app, object }) => {
        const labels = podLabelsOf(object);
        return [...(labels ? [{ what: `${app.component}: ${object.kind} ${object.metadata?.name}`, labels }] : []), ...operatorPods(object)];
      });
      expect(pods.length, `pods in ${namespace}`).toBeGreaterThan(0);
      expect(pods.some((p) => p.labels["cnpg.io/cluster"]), "the PostgreSQL instances are among them").toBe(true);
      const policies = objects.filter(({ object }) => object.kind === "NetworkPolicy").map(({ object }) => ({ name: object.metadata?.name ?? "", spec: object.spec as NetworkPolicySpec }));
      const problems = pods.flatMap((pod) => {
        const selecting = policies.filter((p) => isIngressPolicy(p.spec) && selects(p.spec.podSelector, pod.labels));
        if (selecting.length === 0) return [`${pod.what}: no NetworkPolicy selects it for ingress, so every pod of the cluster may connect`];
        return selecting.flatMap((p) => wideIngress(p.name, p.spec).map((why) => `${pod.what}: ${why}`));
      });
      expect([...new Set(problems)], [...new Set(problems)].join("\n")).toEqual([]);
    }
  });

  it("runs every pod of the data namespace at Pod Security restricted", () => {
    dataRenders(env);
    for (const namespace of namespaces) {
      const objects = objectsIn(env, namespace);
      const problems = objects.flatMap(({ app, object }) => checkPodSecurity(object as Record<string, unknown>, { level: "restricted" }).map((p) => `${app.component}: ${p.message}`));
      // The operator's pods: CloudNativePG's defaults are restricted (read-only root, no privilege
      // escalation, ALL capabilities dropped, RuntimeDefault seccomp, non-root; cloudnative-pg v1.28.1
      // docs/src/security.md) unless the Cluster overrides them.
      const overrides = objects
        .filter(({ object }) => object.kind === "Cluster" && object.apiVersion.startsWith("postgresql.cnpg.io/"))
        .flatMap(({ object }) => ["securityContext", "podSecurityContext", "seccompProfile"].filter((field) => (object.spec as Record<string, unknown>)[field] !== undefined).map((field) => `Cluster ${object.metadata?.name} overrides spec.${field}`));
      expect([...problems, ...overrides], [...problems, ...overrides].join("\n")).toEqual([]);
    }
  });

  it("gives no Redis service user every key or channel, nor another service's keys", () => {
    const redis = dataRenders(env).find((r) => r.app.component === "redis");
    expect(redis, "redis is deployed").toBeDefined();
    const rules = redis?.objects.filter((o) => o.kind === "ConfigMap").map((o) => (o.data as Record<string, string> | undefined)?.["users.rules"]).find((r) => r !== undefined);
    expect(rules, "the redis chart renders its ACL rules (users.rules)").toBeDefined();
    const users = (rules ?? "").split("\n").filter((line) => line.trim() && !ADMIN_USERS.has(line.trim().split(/\s+/)[0] as string));
    expect(users.length, "service users").toBeGreaterThan(1);
    const problems = aclProblems(rules ?? "");
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("connects every PostgreSQL client with sslmode verify-full and a CA file from a Secret", () => {
    const { clients, problems } = databaseClients(env);
    expect(clients.length, "PostgreSQL clients found").toBeGreaterThanOrEqual(4);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
