import type { PodSecurityException } from "../catalog/chart-metadata.js";
import type { EnvironmentSpec } from "./environment-model.js";
import type { PlannedComponent, PlannedNamespace, PodSecurityLevel } from "./environment-plan.js";
import { problem, type Problem, type SourceLocation } from "./problems.js";
import { compareText, sortKeys } from "../text/compare-text.js";

/**
 * The namespaces of an environment and the labels Argo CD puts on each (the `managedNamespaceMetadata`
 * of every Application deploying there, which must agree or Argo CD would flip them on every sync).
 *
 * Pod Security: every namespace enforces, audits and warns at "restricted" unless a component
 * deployed there declares that its pods need a weaker level (`podSecurity` in its catalog entry,
 * with the reason); the namespace then runs at the weakest level any of its components needs, and
 * the plan keeps each reason so apps/<env>/README.md and the tests can name it. The three modes use
 * the same level: a weaker `enforce` with a stricter `warn` would warn on every apply of the very
 * pods the exception is for. Labels and modes: kubernetes.io/docs/concepts/security/pod-security-admission
 * ("Pod Security Admission labels for namespaces": enforce, audit, warn; a namespace without labels
 * runs at the cluster default, "privileged" unless the admission configuration says otherwise).
 *
 * The environment's `destination.namespaceLabels` (e.g. `istio-injection: enabled`) go on the
 * namespaces of the platform and application layers only: infrastructure namespaces hold the mesh
 * itself, operators and node agents.
 */
export const POD_SECURITY_LABEL_PREFIX = "pod-security.kubernetes.io/";
const MODES = ["audit", "enforce", "warn"] as const;
const STRENGTH: Record<PodSecurityLevel, number> = { restricted: 2, baseline: 1, privileged: 0 };

export function planNamespaces(environment: EnvironmentSpec, components: readonly Pick<PlannedComponent, "name" | "layer" | "namespace" | "podSecurity">[]): PlannedNamespace[] {
  const byName = new Map<string, Pick<PlannedComponent, "name" | "layer" | "namespace" | "podSecurity">[]>();
  for (const component of components) byName.set(component.namespace, [...(byName.get(component.namespace) ?? []), component]);
  return [...byName.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, members]) => {
      const exceptions = members.flatMap((c) => (c.podSecurity ? [{ component: c.name, ...c.podSecurity }] : [])).sort((a, b) => compareText(a.component, b.component));
      const level = exceptions.reduce<PodSecurityLevel>((weakest, e) => (STRENGTH[e.level] < STRENGTH[weakest] ? e.level : weakest), "restricted");
      const workloads = members.some((c) => c.layer !== "infrastructure");
      const labels: Record<string, string> = { ...(workloads ? environment.destination.namespaceLabels : {}) };
      for (const mode of MODES) labels[`${POD_SECURITY_LABEL_PREFIX}${mode}`] = level;
      return { name, level, exceptions, labels: sortKeys(labels), components: members.map((c) => c.name).sort() };
    });
}

/**
 * Pod Security labels are the generator's: a level written in `destination.namespaceLabels` would
 * apply one level to namespaces whose components need different ones (GEN018).
 */
export function handWrittenPodSecurityLabels(environment: EnvironmentSpec, file: string, locate: (path: (string | number)[], target?: "key" | "value") => SourceLocation): Problem[] {
  return Object.keys(environment.destination.namespaceLabels)
    .filter((key) => key.startsWith(POD_SECURITY_LABEL_PREFIX))
    .map((key) =>
      problem("GEN018", file, `destination.namespaceLabels sets ${key}; the generator sets the Pod Security labels of every namespace itself ("restricted", or the level a component there declares it needs).`, {
        location: locate(["destination", "namespaceLabels", key], "key"),
        path: `destination.namespaceLabels["${key}"]`,
      }),
    );
}

export type { PodSecurityException };
