import { cachedCrdRegistry } from "../../tools/src/kubernetes/crd-catalog.js";
import type { CrdRegistry } from "../../tools/src/kubernetes/crd-schema.js";
import { crdScopes, groupOf, isClusterScoped } from "../../tools/src/kubernetes/resource-scope.js";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { isPodSecurityLevel, type PodSecurityLevel } from "../../tools/src/kubernetes/pod-security-admission.js";
import { componentApplications, renderComponent, type ComponentApplication } from "../support/component-renders.js";

/**
 * The objects of every component of an environment that renders; a component that does not render
 * fails its own render test, and must not hide the checks of the others.
 */
function renderedObjectsOf(env: string): { app: ComponentApplication; objects: KubeObject[] }[] {
  return componentApplications()
    .filter((a) => a.env === env)
    .flatMap((app) => {
      try {
        return [{ app, objects: renderComponent(app).objects }];
      } catch {
        return [];
      }
    });
}
import { generatedObjects } from "../gitops/support/generated.js";

/** What a component's objects land on: namespace (undefined when cluster-scoped), group, kind, name. */
export interface Placement {
  object: KubeObject;
  group: string;
  kind: string;
  name: string;
  namespace?: string;
}

const scopesByEnv = new Map<string, Map<string, "Cluster" | "Namespaced">>();

/** Scopes of every custom kind the environment installs (from every CRD any component renders). */
export function customScopes(env: string): Map<string, "Cluster" | "Namespaced"> {
  let scopes = scopesByEnv.get(env);
  if (!scopes) {
    scopes = crdScopes(renderedObjectsOf(env).flatMap((r) => r.objects));
    scopesByEnv.set(env, scopes);
  }
  return scopes;
}

/**
 * Where each object lands as Argo CD applies it: a namespaced object without a namespace goes to the
 * Application's destination namespace; a cluster-scoped object has none.
 */
export function placements(app: ComponentApplication): Placement[] {
  const destination = (app.application.spec as { destination: { namespace: string } }).destination.namespace;
  return renderComponent(app).objects.map((object) => {
    const cluster = isClusterScoped(object.apiVersion, object.kind, customScopes(app.env));
    return { object, group: groupOf(object.apiVersion), kind: object.kind, name: object.metadata?.name ?? "", ...(cluster ? {} : { namespace: object.metadata?.namespace ?? destination }) };
  });
}

/**
 * The Pod Security level each namespace of an environment enforces: the `pod-security.kubernetes.io/enforce`
 * label Argo CD puts on it (managedNamespaceMetadata of the Applications that create it) or a rendered
 * Namespace object carries. Unlabelled namespaces run at Kubernetes' default, "privileged".
 */
const levelsByEnv = new Map<string, Map<string, { level: PodSecurityLevel; from: string[] }>>();

export function namespaceLevels(env: string): Map<string, { level: PodSecurityLevel; from: string[] }> {
  // Read for every object of every pod check: computed once per environment and process.
  let known = levelsByEnv.get(env);
  if (!known) {
    known = computeNamespaceLevels(env);
    levelsByEnv.set(env, known);
  }
  return known;
}

function computeNamespaceLevels(env: string): Map<string, { level: PodSecurityLevel; from: string[] }> {
  const levels = new Map<string, { level: PodSecurityLevel; from: string[] }>();
  const note = (namespace: string, value: unknown, from: string) => {
    if (value === undefined) return;
    if (!isPodSecurityLevel(value)) throw new Error(`${from}: pod-security.kubernetes.io/enforce is ${JSON.stringify(value)}, not a Pod Security level`);
    const known = levels.get(namespace);
    if (known && known.level !== value) throw new Error(`namespace ${namespace} is labelled ${known.level} by ${known.from.join(", ")} and ${value} by ${from}: Argo CD would flip it on every sync`);
    levels.set(namespace, { level: value, from: [...(known?.from ?? []), from] });
  };
  for (const { file, object } of generatedObjects(env).filter((o) => o.object.kind === "Application")) {
    const spec = object.spec as { destination: { namespace: string }; syncPolicy?: { managedNamespaceMetadata?: { labels?: Record<string, string> } } };
    note(spec.destination.namespace, spec.syncPolicy?.managedNamespaceMetadata?.labels?.["pod-security.kubernetes.io/enforce"], file);
  }
  for (const { app, objects } of renderedObjectsOf(env)) {
    for (const object of objects.filter((o) => o.kind === "Namespace")) {
      note(object.metadata?.name ?? "", (object.metadata?.labels as Record<string, string> | undefined)?.["pod-security.kubernetes.io/enforce"], `${app.file} (rendered Namespace)`);
    }
  }
  return levels;
}

export function levelOf(env: string, namespace: string): PodSecurityLevel {
  return namespaceLevels(env).get(namespace)?.level ?? "privileged";
}

const registries = new Map<string, CrdRegistry>();

/**
 * The real CustomResourceDefinitions of an environment: every CRD its components render (the
 * operators' charts at their pinned versions, with the values the environment gives them), compiled
 * with the API server's structural-schema semantics (tools/src/kubernetes/crd-schema.ts).
 */
export function crdRegistryOf(env: string): CrdRegistry {
  let registry = registries.get(env);
  if (!registry) {
    registry = cachedCrdRegistry(renderedObjectsOf(env).flatMap((r) => r.objects).filter((o) => o.kind === "CustomResourceDefinition"));
    registries.set(env, registry);
  }
  return registry;
}
