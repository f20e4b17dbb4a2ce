import { isRecord } from "./manifests.js";
import type { PathSegment } from "./problem.js";

/** The pod spec an object carries, and where. */
export interface PodTemplate {
  spec: Record<string, unknown>;
  /** Path of the pod spec in the object, e.g. ["spec", "template", "spec"]. */
  specPath: PathSegment[];
  /** Annotations of the pod (template) metadata, where AppArmor's legacy annotations live. */
  annotations: Record<string, unknown>;
  annotationsPath: PathSegment[];
  /** Pods that run to completion (Job, CronJob, bare Pods that never restart) need no health probes. */
  runsToCompletion: boolean;
}

const TEMPLATE_PATHS: Record<string, { template: PathSegment[]; runsToCompletion: boolean }> = {
  "apps Deployment": { template: ["spec", "template"], runsToCompletion: false },
  "apps StatefulSet": { template: ["spec", "template"], runsToCompletion: false },
  "apps DaemonSet": { template: ["spec", "template"], runsToCompletion: false },
  "apps ReplicaSet": { template: ["spec", "template"], runsToCompletion: false },
  " ReplicationController": { template: ["spec", "template"], runsToCompletion: false },
  "batch Job": { template: ["spec", "template"], runsToCompletion: true },
  "batch CronJob": { template: ["spec", "jobTemplate", "spec", "template"], runsToCompletion: true },
  "argoproj.io Rollout": { template: ["spec", "template"], runsToCompletion: false },
};

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

/**
 * The pod spec of a Pod or of a workload's pod template. Undefined for other kinds and for workloads without
 * an inline template (an Argo Rollout with workloadRef); a missing required template is the model
 * validation's finding.
 */
export function podTemplateOf(obj: Record<string, unknown>): PodTemplate | undefined {
  const group = apiGroup(String(obj.apiVersion ?? ""));
  if (group === "" && obj.kind === "Pod") {
    const spec = obj.spec;
    if (!isRecord(spec)) return undefined;
    const annotations = at(obj, ["metadata", "annotations"]);
    return {
      spec,
      specPath: ["spec"],
      annotations: isRecord(annotations) ? annotations : {},
      annotationsPath: ["metadata", "annotations"],
      runsToCompletion: spec.restartPolicy === "Never" || spec.restartPolicy === "OnFailure",
    };
  }
  const layout = TEMPLATE_PATHS[`${group} ${String(obj.kind)}`];
  if (!layout) return undefined;
  const template = at(obj, layout.template);
  if (!isRecord(template) || !isRecord(template.spec)) return undefined;
  const annotations = at(template, ["metadata", "annotations"]);
  return {
    spec: template.spec,
    specPath: [...layout.template, "spec"],
    annotations: isRecord(annotations) ? annotations : {},
    annotationsPath: [...layout.template, "metadata", "annotations"],
    runsToCompletion: layout.runsToCompletion,
  };
}

function at(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = current[String(segment)];
  }
  return current;
}
