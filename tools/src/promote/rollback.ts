import { PromotionError } from "./errors.js";
import type { PullSummary } from "./github-repository.js";
import { decodeMetadata, type PromotionMetadata } from "./pr-body.js";
import { clustersOf, effectivePins, isComponentPin, pinKey, runsIn } from "./cluster-pins.js";
import { collectPins, requireImageDigests, sortChanges, stepClusters, type EnvironmentData, type PinChange, type Placement, type PromotionPlan, type SkippedComponent } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { trustedPromotionPulls, type TrustInput } from "./rollback-trust.js";
import { compareText } from "../text/compare-text.js";

export interface RollbackPlan {
  plan: PromotionPlan;
  /** The merged promotion pull request being undone. */
  undoes: { number: number; url: string; metadata: PromotionMetadata };
}

/**
 * The rollback of the newest merged promotion into `target` that is still in effect: its pins are
 * set back to the values it replaced, as recorded in its hidden metadata block. A promotion is in
 * effect while at least one of its pins still has the value it set; pins changed since are left
 * alone and reported. Pins of one promotion group (a component's imageTag and imageDigest name one
 * image) are restored together or not at all: restoring the tag while keeping a newer digest would
 * run the newer image under the older tag's name. Rolling back again then reaches the promotion
 * before it, like a stack.
 */
export function planRollback(input: { pulls: readonly PullSummary[]; target: EnvironmentData; patterns: readonly PromotablePattern[]; components?: readonly string[]; clusters?: readonly string[]; placement?: Placement; listed?: number; ignored?: number }): RollbackPlan {
  const basePins = collectPins(input.target, input.patterns).pins;
  const targetClusters = clustersOf(input.target);
  const step = stepClusters(input.target, targetClusters, input.clusters);
  const current = new Map([...basePins, ...effectivePins(basePins, targetClusters, input.patterns, input.placement)].map((p) => [pinKey(p.cluster, p.path), p.value]));
  const groupOf = new Map(basePins.map((p) => [p.path.join("\u0000"), p.group]));
  const only = input.components && input.components.length > 0 ? new Set(input.components) : undefined;
  const promotions = input.pulls
    .filter((pull) => pull.mergedAt !== null)
    .map((pull) => ({ pull, metadata: decodeMetadata(pull.body) }))
    .filter((entry): entry is { pull: PullSummary; metadata: PromotionMetadata } => entry.metadata?.kind === "promotion" && entry.metadata.to === input.target.name)
    .sort((a, b) => compareText(b.pull.mergedAt as string, a.pull.mergedAt as string) || b.pull.number - a.pull.number);

  for (const { pull, metadata } of promotions) {
    let changes: PinChange[] = [];
    const skipped: SkippedComponent[] = [];
    const held = new Map<string, string[]>(); // cluster, component and group → fields that cannot be restored
    const holdKey = (cluster: string | undefined, component: string, group: string | undefined) => (group === undefined ? undefined : `${cluster ?? ""}\u0000${component}\u0000${group}`);
    for (const pin of metadata.pins) {
      if (only && !only.has(pin.component)) continue;
      // In several clusters: a recorded cluster's pin when the step includes it; a record from before the clusters, in each cluster of the step.
      const places = step && isComponentPin(pin.path) ? (pin.cluster !== undefined ? (step.includes(pin.cluster) ? [pin.cluster] : []) : step.filter((c) => runsIn(input.placement, pin.component, c))) : [pin.cluster];
      for (const cluster of places) {
        const where = cluster !== undefined ? ` in cluster ${cluster}` : "";
        const now = current.get(pinKey(cluster, pin.path));
        const group = groupOf.get(pin.path.join("\u0000"));
        const hold = () => {
          const key = holdKey(cluster, pin.component, group);
          if (key) held.set(key, [...(held.get(key) ?? []), pin.field]);
        };
        if (now !== pin.to) {
          skipped.push({ component: pin.component, reason: `${pin.field}${where} changed since #${pull.number} set it to ${pin.to} (now ${now ?? "(unset)"}); left as is` });
          hold();
        } else if (pin.from === null) {
          skipped.push({ component: pin.component, reason: `${pin.field}${where} had no value before #${pull.number}; remove it by hand if needed` });
          hold();
        } else {
          changes.push({ path: pin.path, component: pin.component, field: pin.field, from: now, to: pin.from, presentInTarget: true, ...(group ? { group } : {}), ...(cluster !== undefined ? { cluster } : {}) });
        }
      }
    }
    changes = changes.filter((change) => {
      const stuck = held.get(holdKey(change.cluster, change.component, change.group) ?? "");
      if (!stuck) return true;
      skipped.push({ component: change.component, reason: `${change.field}${change.cluster !== undefined ? ` in cluster ${change.cluster}` : ""} is restored only together with ${stuck.join(" and ")} (the ${change.group} pins name one thing); left as is` });
      return false;
    });
    if (changes.length === 0) continue;
    const sorted = sortChanges(changes);
    const changedClusters = new Set(sorted.map((c) => c.cluster).filter((c): c is string => c !== undefined));
    const clusters = step ? { all: targetClusters.map((c) => c.name), step: step.filter((c) => changedClusters.has(c)), earlier: [], remaining: [], current: [], view: [] } : undefined;
    const plan: PromotionPlan = { kind: "rollback", from: metadata.from, to: input.target.name, changes: sorted, skipped, unchanged: 0, ...(clusters ? { clusters } : {}) };
    requireImageDigests(plan, input.target, input.patterns, `the pins before #${pull.number} have no imageDigest for it`, input.placement);
    return { plan, undoes: { number: pull.number, url: pull.url, metadata } };
  }
  const seen = promotions.length === 0 ? "no merged promotion pull request with a promotion-metadata block" : `${promotions.length} merged promotion(s), none of whose pins are still in place${step && input.clusters ? ` in ${step.join(", ")}` : ""}`;
  const ignored = input.ignored ? ` (${input.ignored} untrusted record(s) ignored, see the warnings above)` : "";
  throw new PromotionError("PRM030", `nothing to roll back in ${input.target.name}: found ${seen} among the ${input.listed ?? input.pulls.length} most recently closed pull requests${ignored}.`);
}

/**
 * planRollback over only the pull requests whose promotion record can be trusted (see
 * trustedPromotionPulls): a record in any other pull request is ignored with a warning.
 */
export async function planTrustedRollback(
  input: Omit<TrustInput, "target"> & { target: EnvironmentData; components?: readonly string[]; clusters?: readonly string[]; /** Where each component runs now (the pins a rollback changes are today's). */ placement?: Placement },
): Promise<RollbackPlan> {
  const { trusted, ignored } = await trustedPromotionPulls({ ...input, target: input.target.name });
  return planRollback({ pulls: trusted, target: input.target, patterns: input.patterns, components: input.components, clusters: input.clusters, placement: input.placement, listed: input.pulls.length, ignored: ignored.length });
}
