import { PSA_CHECKS, type PsaCheck, type PsaCheckId } from "./pod-security-admission-checks.js";
import { podViewOf, reporterFor } from "./pod-security-admission-pod.js";
import { podTemplateOf } from "./pod-templates.js";
import type { Problem } from "./problem.js";

export { PSA_CHECKS, type PsaCheck, type PsaCheckId } from "./pod-security-admission-checks.js";

/** The levels of Pod Security Admission, i.e. the values of the `pod-security.kubernetes.io/enforce` label. */
export const POD_SECURITY_LEVELS = ["privileged", "baseline", "restricted"] as const;
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/**
 * The policy version the checks implement: what `enforce-version: latest` (the default) means on Kubernetes
 * 1.35 and 1.36, whose newest check versions are 1.35.
 */
export const PSA_POLICY_VERSION = "v1.35";

/** Prefix of the rule of every Pod Security Admission problem: `psa/<upstream check ID>`. */
export const PSA_RULE_PREFIX = "psa/";

export interface PodSecurityOptions {
  /** The namespace's level; "privileged" checks nothing. */
  level: PodSecurityLevel;
  /** Template to name in problems; defaults to the object's `# Source:` (see parseManifests). */
  source?: string;
}

export function isPodSecurityLevel(value: unknown): value is PodSecurityLevel {
  return typeof value === "string" && (POD_SECURITY_LEVELS as readonly string[]).includes(value);
}

/**
 * The checks a namespace of that level runs, as upstream's policy/registry.go composes them: baseline runs
 * the baseline checks; restricted runs the restricted checks and every baseline check no restricted check
 * overrides.
 */
export function psaChecksFor(level: PodSecurityLevel): readonly PsaCheck[] {
  if (!isPodSecurityLevel(level)) {
    throw new Error(
      `Unknown Pod Security level ${JSON.stringify(level)}; use one of ${POD_SECURITY_LEVELS.join(", ")} ` +
        "(the values of the pod-security.kubernetes.io/enforce namespace label).",
    );
  }
  if (level === "privileged") return [];
  if (level === "baseline") return PSA_CHECKS.filter((check) => check.level === "baseline");
  const overridden = new Set<PsaCheckId>(PSA_CHECKS.flatMap((check) => check.overrides));
  return PSA_CHECKS.filter((check) => check.level === "restricted" || !overridden.has(check.id));
}

/**
 * What Kubernetes' Pod Security Admission (policy version PSA_POLICY_VERSION) would object to in the pod spec
 * of a Pod or workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
 * Rollout) in a namespace of the given level. Each problem's rule is `psa/<check ID>`, the ID of the upstream
 * check in policy/check_*.go (e.g. `psa/runAsNonRoot`). Objects without a pod template yield no problems.
 * The project's own pod rules are checkProjectPodRules in pod-security.ts.
 */
export function checkPodSecurity(obj: Record<string, unknown>, options: PodSecurityOptions): Problem[] {
  const checks = psaChecksFor(options.level);
  const template = podTemplateOf(obj);
  if (!template || checks.length === 0) return [];
  const problems: Problem[] = [];
  const report = reporterFor(obj, options.source, problems);
  const pod = podViewOf(template);
  for (const check of checks) {
    check.run(pod, (path, message) => report(`${PSA_RULE_PREFIX}${check.id}`, path, message));
  }
  return problems;
}
