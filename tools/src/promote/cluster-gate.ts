import { checkSourceReadiness, type ArgoCdConnection } from "./argocd-gate.js";
import { showValue, type ClusterStep } from "./plan.js";
import type { TargetComponent } from "./regenerate.js";

export interface ClusterGateResult {
  /** The Applications Argo CD reported Synced and Healthy at the promoted pins. */
  checked: string[];
  /** What holds the step back, one line per cluster or Application. */
  problems: string[];
  /** True when the only thing missing is an Argo CD to ask (ARGOCD_TARGET_SERVER). */
  unasked: boolean;
}

/**
 * Nothing is promoted past a cluster that is not there yet. For each cluster a step skips over
 * (`earlier`): the environment file at the base commit must already give it the promoted pins of
 * every component the step changes (what the plan shows per cluster), and the target's Argo CD
 * must report each of those Applications (`<env>-<component>` in the first cluster,
 * `<env>-<cluster>-<component>` in the others, as the generator names them) Synced and Healthy at
 * exactly those pins (the same judgement as the source gate, argocd-gate.ts).
 */
export async function checkEarlierClusters(input: {
  environment: string;
  clusters: ClusterStep;
  /** Components the step changes in some cluster. */
  changed: ReadonlySet<string>;
  /** The target's components at the base commit, one per cluster each runs in. */
  components: readonly TargetComponent[];
  connection?: ArgoCdConnection;
  resolveRevision: (revision: string) => string | undefined;
}): Promise<ClusterGateResult> {
  const result: ClusterGateResult = { checked: [], problems: [], unasked: false };
  let asked = true;
  for (const cluster of input.clusters.earlier) {
    const stale = input.clusters.view.filter((row) => input.changed.has(row.component) && row.values[cluster] !== undefined && row.values[cluster] !== row.to);
    if (stale.length > 0) {
      result.problems.push(`${cluster} does not run the promoted pins yet (${stale.map((row) => `${row.component} ${row.field} ${showValue(row.values[cluster])}, not ${showValue(row.to)}`).join("; ")})`);
      continue;
    }
    const applications = input.components.filter((c) => c.cluster === cluster && input.changed.has(c.name));
    if (applications.length === 0) continue;
    if (!input.connection) {
      asked = false;
      result.problems.push(`${cluster} runs the promoted pins, but whether ${applications.map((a) => a.application ?? a.name).join(", ")} ${applications.length > 1 ? "are" : "is"} Synced and Healthy was not checked: ARGOCD_TARGET_SERVER (the Argo CD of ${input.environment}) is not set`);
      continue;
    }
    for (const readiness of await checkSourceReadiness(input.connection, input.environment, applications, input.resolveRevision)) {
      if (readiness.ready) result.checked.push(readiness.application);
      else result.problems.push(`${cluster}: ${readiness.application}: ${readiness.problems.join(", ")}`);
    }
  }
  // Only a missing Argo CD (nothing found wrong) is "unasked": a cluster that does not run the pins is not ready either way.
  result.unasked = !asked && result.problems.every((p) => p.includes("was not checked"));
  return result;
}
