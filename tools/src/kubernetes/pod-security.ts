import { isRecord } from "./manifests.js";
import { checkPodSecurity } from "./pod-security-admission.js";
import {
  containerSecurityPath,
  podPath,
  podViewOf,
  record,
  reporterFor,
  type ContainerRef,
  type Report,
} from "./pod-security-admission-pod.js";
import { podTemplateOf } from "./pod-templates.js";
import type { Problem } from "./problem.js";

const REQUIRED_RESOURCES = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;

/** Prefix of the rule of every project pod rule: `project/<rule>`. */
export const PROJECT_RULE_PREFIX = "project/";

/**
 * The pod rules of this project's charts, beyond Pod Security Admission: a Linux pod
 * (`project/linux-only`: PSA's restricted level exempts `spec.os.name: windows` pods from its seccomp,
 * capabilities and allowPrivilegeEscalation checks, and our clusters run Linux nodes only), a read-only root
 * filesystem (`project/read-only-root-filesystem`), cpu and memory requests and limits (`project/resources`)
 * on every container but ephemeral ones, and liveness and readiness probes (`project/probes`) on the
 * containers of long-running pods. Objects without a pod template yield no problems.
 */
export function checkProjectPodRules(obj: Record<string, unknown>, options: { source?: string } = {}): Problem[] {
  const template = podTemplateOf(obj);
  if (!template) return [];
  const problems: Problem[] = [];
  const report = reporterFor(obj, options.source, problems);
  const pod = podViewOf(template);
  const os = record(pod.spec.os).name;
  if (os !== undefined && os !== null && os !== "linux") {
    report(`${PROJECT_RULE_PREFIX}linux-only`, podPath(pod, "os", "name"), `spec.os.name is ${String(os)}; this project runs Linux nodes only: set it to linux or leave spec.os unset`);
  }
  for (const ref of pod.containers) {
    if (ref.role === "ephemeral container") continue;
    checkReadOnlyRootFilesystem(ref, report);
    checkResources(ref, report);
    if (ref.role === "container" && !template.runsToCompletion) checkProbes(ref, report);
  }
  return problems;
}

/**
 * What every chart of this project must pass: Pod Security Admission "restricted" (rules `psa/<check ID>`,
 * see checkPodSecurity) and the project's pod rules (rules `project/...`, see checkProjectPodRules).
 */
export function checkPodSpecs(obj: Record<string, unknown>, options: { source?: string } = {}): Problem[] {
  return [...checkPodSecurity(obj, { level: "restricted", ...options }), ...checkProjectPodRules(obj, options)];
}

function checkReadOnlyRootFilesystem(ref: ContainerRef, report: Report): void {
  if (ref.securityContext.readOnlyRootFilesystem !== true) {
    report(`${PROJECT_RULE_PREFIX}read-only-root-filesystem`, containerSecurityPath(ref, "readOnlyRootFilesystem"), `${ref.label}: readOnlyRootFilesystem must be true; mount an emptyDir where the process writes`);
  }
}

function checkResources(ref: ContainerRef, report: Report): void {
  const resources = record(ref.container.resources);
  const missing = REQUIRED_RESOURCES.filter((name) => {
    const [section = "", resource = ""] = name.split(".");
    const value = record(resources[section])[resource];
    return value === undefined || value === null || value === "";
  });
  if (missing.length > 0) {
    report(`${PROJECT_RULE_PREFIX}resources`, [...ref.path, "resources"], `${ref.label}: missing resources ${missing.join(", ")}; every container needs cpu and memory requests and limits`);
  }
}

function checkProbes(ref: ContainerRef, report: Report): void {
  const missing = ["livenessProbe", "readinessProbe"].filter((probe) => !isRecord(ref.container[probe]));
  if (missing.length > 0) {
    report(`${PROJECT_RULE_PREFIX}probes`, ref.path, `${ref.label}: missing ${missing.join(" and ")}; long-running containers need both`);
  }
}
