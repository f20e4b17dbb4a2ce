import type { TrainStep } from "./config.js";
import { CONFIG_FILE } from "./config.js";
import { PromotionError } from "./errors.js";

/** One step as the promote workflow's matrix takes it: clusters comma-separated ("" for every cluster). */
export interface MatrixStep {
  name: string;
  from: string;
  to: string;
  clusters: string;
}

/**
 * The train of .github/promotion.yml checked against the environments it names (as committed):
 * every environment exists, a step names only clusters its target lists, the steps into one
 * target reach its clusters in their `clusters:` order (a later cluster first would only ever be
 * held back by the cluster gate) and reach every one of them. Returns the steps in the workflow
 * matrix's shape; a problem is PRM007 naming the step.
 */
export function trainMatrix(train: readonly TrainStep[], clustersOf: (environment: string) => string[] | undefined): MatrixStep[] {
  const problems: string[] = [];
  const reached = new Map<string, string[]>();
  train.forEach((step, index) => {
    const at = `train[${index}] (${step.from} → ${step.to})`;
    for (const environment of [step.from, step.to]) if (clustersOf(environment) === undefined) problems.push(`${at}: environments/${environment}/environment.yaml does not exist`);
    const clusters = clustersOf(step.to);
    if (clusters === undefined) return;
    if (step.clusters.length > 0 && clusters.length === 0) problems.push(`${at}: ${step.to} runs in one cluster (no clusters: in its environment.yaml); leave out clusters`);
    const unknown = step.clusters.filter((c) => !clusters.includes(c));
    if (clusters.length > 0 && unknown.length > 0) problems.push(`${at}: ${step.to} lists no cluster ${unknown.join(", ")} (clusters: ${clusters.join(", ")})`);
    const before = reached.get(step.to) ?? [];
    const now = step.clusters.length > 0 ? step.clusters.filter((c) => clusters.includes(c)) : clusters;
    const late = before.filter((c) => now.some((n) => clusters.indexOf(n) < clusters.indexOf(c)));
    if (late.length > 0) problems.push(`${at}: reaches ${now.join(", ")} after ${late.join(", ")}, which ${step.to} lists later; the cluster gate would hold the earlier steps back`);
    reached.set(step.to, [...before, ...now]);
  });
  for (const [environment, done] of reached) {
    const missing = (clustersOf(environment) ?? []).filter((c) => !done.includes(c));
    if (missing.length > 0) problems.push(`no step reaches ${missing.join(", ")} of ${environment}`);
  }
  if (problems.length > 0) throw new PromotionError("PRM007", `${CONFIG_FILE}: the train does not fit the environments: ${problems.join("; ")}.`, `Fix train: in ${CONFIG_FILE} (one step per {from, to, clusters}, the clusters of a target in its clusters: order; docs/train.md).`);
  return train.map((step) => ({ name: `${step.from} → ${step.to}${step.clusters.length > 0 ? ` (${step.clusters.join(", ")})` : ""}`, from: step.from, to: step.to, clusters: step.clusters.join(",") }));
}
