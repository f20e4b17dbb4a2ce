import { PromotionError } from "./errors.js";
import type { PullSummary } from "./github-repository.js";
import { decodeMetadata, type PromotionMetadata } from "./pr-body.js";
import { collectPins, requireImageDigests, sortChanges, type EnvironmentData, type PinChange, type PromotionPlan, type SkippedComponent } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { trustedPromotionPulls, type TrustInput } from "./rollback-trust.js";

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
export function planRollback(input: { pulls: readonly PullSummary[]; target: EnvironmentData; patterns: readonly PromotablePattern[]; components?: readonly string[]; listed?: number; ignored?: number }): RollbackPlan {
  const targetPins = collectPins(input.target, input.patterns).pins;
  const current = new Map(targetPins.map((p) => [p.path.join("\u0000"), p.value]));
  const groupOf = new Map(targetPins.map((p) => [p.path.join("\u0000"), p.group]));
  const only = input.components && input.components.length > 0 ? new Set(input.components) : undefined;
  const promotions = input.pulls
    .filter((pull) => pull.mergedAt !== null)
    .map((pull) => ({ pull, metadata: decodeMetadata(pull.body) }))
    .filter((entry): entry is { pull: PullSummary; metadata: PromotionMetadata } => entry.metadata?.kind === "promotion" && entry.metadata.to === input.target.name)
    .sort((a, b) => (b.pull.mergedAt as string).localeCompare(a.pull.mergedAt as string) || b.pull.number - a.pull.number);

  for (const { pull, metadata } of promotions) {
    let changes: PinChange[] = [];
    const skipped: SkippedComponent[] = [];
    const held = new Map<string, string[]>(); // component and group → fields that cannot be restored
    const holdKey = (component: string, group: string | undefined) => (group === undefined ? undefined : `${component}\u0000${group}`);
    for (const pin of metadata.pins) {
      if (only && !only.has(pin.component)) continue;
      const now = current.get(pin.path.join("\u0000"));
      const group = groupOf.get(pin.path.join("\u0000"));
      const hold = () => {
        const key = holdKey(pin.component, group);
        if (key) held.set(key, [...(held.get(key) ?? []), pin.field]);
      };
      if (now !== pin.to) {
        skipped.push({ component: pin.component, reason: `${pin.field} changed since #${pull.number} set it to ${pin.to} (now ${now ?? "(unset)"}); left as is` });
        hold();
      } else if (pin.from === null) {
        skipped.push({ component: pin.component, reason: `${pin.field} had no value before #${pull.number}; remove it by hand if needed` });
        hold();
      } else {
        changes.push({ path: pin.path, component: pin.component, field: pin.field, from: now, to: pin.from, presentInTarget: true, ...(group ? { group } : {}) });
      }
    }
    changes = changes.filter((change) => {
      const stuck = held.get(holdKey(change.component, change.group) ?? "");
      if (!stuck) return true;
      skipped.push({ component: change.component, reason: `${change.field} is restored only together with ${stuck.join(" and ")} (the ${change.group} pins name one thing); left as is` });
      return false;
    });
    if (changes.length === 0) continue;
    const plan: PromotionPlan = { kind: "rollback", from: metadata.from, to: input.target.name, changes: sortChanges(changes), skipped, unchanged: 0 };
    requireImageDigests(plan, input.target, input.patterns, `the pins before #${pull.number} have no imageDigest for it`);
    return { plan, undoes: { number: pull.number, url: pull.url, metadata } };
  }
  const seen = promotions.length === 0 ? "no merged promotion pull request with a promotion-metadata block" : `${promotions.length} merged promotion(s), none of whose pins are still in place`;
  const ignored = input.ignored ? ` (${input.ignored} untrusted record(s) ignored, see the warnings above)` : "";
  throw new PromotionError("PRM030", `nothing to roll back in ${input.target.name}: found ${seen} among the ${input.listed ?? input.pulls.length} most recently closed pull requests${ignored}.`);
}

/**
 * planRollback over only the pull requests whose promotion record can be trusted (see
 * trustedPromotionPulls): a record in any other pull request is ignored with a warning.
 */
export async function planTrustedRollback(
  input: Omit<TrustInput, "target"> & { target: EnvironmentData; components?: readonly string[] },
): Promise<RollbackPlan> {
  const { trusted, ignored } = await trustedPromotionPulls({ ...input, target: input.target.name });
  return planRollback({ pulls: trusted, target: input.target, patterns: input.patterns, components: input.components, listed: input.pulls.length, ignored: ignored.length });
}
