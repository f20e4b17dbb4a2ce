import { isRecord, objectLabel, sourceOf } from "./manifests.js";
import type { PodTemplate } from "./pod-templates.js";
import { formatPath, type PathSegment, type Problem } from "./problem.js";

/** Where a container is declared; Pod Security Admission visits all three lists (policy/visitor.go). */
export type ContainerRole = "container" | "init container" | "ephemeral container";

export interface ContainerRef {
  container: Record<string, unknown>;
  /** The container's securityContext, {} when unset. */
  securityContext: Record<string, unknown>;
  /** Path of the container in the object, e.g. ["spec", "template", "spec", "containers", 0]. */
  path: PathSegment[];
  role: ContainerRole;
  /** `container "name"`, the way messages name it. */
  label: string;
}

/** A pod spec read the way the checks need it: its securityContext and every container, with paths. */
export interface PodView {
  template: PodTemplate;
  spec: Record<string, unknown>;
  /** The pod's securityContext, {} when unset. */
  securityContext: Record<string, unknown>;
  containers: ContainerRef[];
}

/** Reports one finding of a check: where and what; the caller adds the object, source and rule. */
export type Finding = (path: PathSegment[], message: string) => void;

/** Reports one problem of a named rule. */
export type Report = (rule: string, path: PathSegment[], message: string) => void;

/** A Report that appends Problems naming obj (and its template, when known) to problems. */
export function reporterFor(obj: Record<string, unknown>, source: string | undefined, problems: Problem[]): Report {
  const object = objectLabel(obj);
  const where = source ?? sourceOf(obj);
  return (rule, path, message) =>
    problems.push({ object, ...(where ? { source: where } : {}), path: formatPath(path), message, rule });
}

const CONTAINER_LISTS: readonly [string, ContainerRole][] = [
  ["initContainers", "init container"],
  ["containers", "container"],
  ["ephemeralContainers", "ephemeral container"],
];

export function podViewOf(template: PodTemplate): PodView {
  const containers: ContainerRef[] = [];
  for (const [field, role] of CONTAINER_LISTS) {
    const list = template.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === "string" ? container.name : `#${index}`;
      containers.push({
        container,
        securityContext: record(container.securityContext),
        path: [...template.specPath, field, index],
        role,
        label: `${role} "${name}"`,
      });
    });
  }
  return { template, spec: template.spec, securityContext: record(template.spec.securityContext), containers };
}

/** Path of a field of the pod spec. */
export const podPath = (pod: PodView, ...rest: PathSegment[]): PathSegment[] => [...pod.template.specPath, ...rest];

/** Path of a field of the pod's securityContext. */
export const podSecurityPath = (pod: PodView, ...rest: PathSegment[]): PathSegment[] =>
  podPath(pod, "securityContext", ...rest);

/** Path of a field of a container's securityContext. */
export const containerSecurityPath = (ref: ContainerRef, ...rest: PathSegment[]): PathSegment[] => [
  ...ref.path,
  "securityContext",
  ...rest,
];

/**
 * The object at a field, {} when the field is unset or null: Kubernetes decodes `field: null` as an unset
 * pointer, so a check that looks at `x.y` sees the same thing for a missing and a null `x`.
 */
export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
