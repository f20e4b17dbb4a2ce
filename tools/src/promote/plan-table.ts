import type { ManifestDiff } from "./manifest-diff.js";
import { showValue, type PromotionPlan } from "./plan.js";

/**
 * The plan as an aligned text table (component, field, from, to; with the cluster in an environment
 * of several), then, for a step into some of several clusters, what each cluster runs now of the
 * promoted pins, and what is skipped.
 */
export function formatPlanTable(plan: PromotionPlan): string {
  const steps = plan.clusters;
  const header = steps ? ["COMPONENT", "CLUSTER", "FIELD", "FROM", "TO"] : ["COMPONENT", "FIELD", "FROM", "TO"];
  const rows = plan.changes.map((c) => [c.component || "(environment)", ...(steps ? [c.cluster ?? "(all)"] : []), c.field, showValue(c.from), showValue(c.to)]);
  const verb = plan.kind === "rollback" ? `Rollback of ${plan.to}` : `Promotion ${plan.from} → ${plan.to}`;
  const where = steps ? ` in cluster(s) ${steps.step.join(", ") || "(none)"} of ${steps.all.join(", ")}` : "";
  const out = [`${verb}${where}: ${plan.changes.length} pin(s) to change, ${plan.unchanged} already equal.`];
  if (rows.length > 0) out.push("", ...table(header, rows));
  if (steps && steps.view.length > 0) {
    out.push("", "What each cluster runs now (= already the promoted value, - the component does not run there):");
    const viewRows = steps.view.map((v) => [v.component, v.field, ...steps.all.map((c) => (v.values[c] === undefined ? "-" : v.values[c] === v.to ? "=" : showValue(v.values[c]))), showValue(v.to)]);
    out.push(...table(["COMPONENT", "FIELD", ...steps.all.map((c) => c.toUpperCase()), "PROMOTED"], viewRows));
  }
  if (steps && plan.kind === "promotion") {
    const say = (names: readonly string[]) => (names.length > 0 ? names.join(", ") : "none");
    out.push("", `Clusters: this step ${say(steps.step)}; earlier (must run these pins, Synced and Healthy): ${say(steps.earlier)}; already at these pins: ${say(steps.current)}; still to come: ${say(steps.remaining)}.`);
  }
  if (plan.skipped.length > 0) out.push("", "Not promoted:", ...plan.skipped.map((s) => `  ${s.component}: ${s.reason}`));
  return out.join("\n");
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The rendered-manifest diff of each changed component, for the terminal. */
export function formatManifestDiffs(environment: string, diffs: readonly ManifestDiff[]): string {
  if (diffs.length === 0) return `Rendered manifests of ${environment}: no component changes.`;
  const parts = [`Rendered manifests of ${environment} (helm template before → after):`];
  for (const diff of diffs) parts.push(diff.diff === "" ? `  ${diff.cluster === undefined ? diff.component : `${diff.component} (${diff.cluster})`}: ${diff.note ?? "no change"}` : diff.diff.trimEnd());
  return parts.join("\n");
}
