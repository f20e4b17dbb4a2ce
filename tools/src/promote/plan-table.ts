import type { ManifestDiff } from "./manifest-diff.js";
import { showValue, type PromotionPlan } from "./plan.js";

/** The plan as an aligned text table (component, field, from, to), then what is skipped. */
export function formatPlanTable(plan: PromotionPlan): string {
  const header = ["COMPONENT", "FIELD", "FROM", "TO"];
  const rows = plan.changes.map((c) => [c.component || "(environment)", c.field, showValue(c.from), showValue(c.to)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join("  ").trimEnd();
  const verb = plan.kind === "rollback" ? `Rollback of ${plan.to}` : `Promotion ${plan.from} → ${plan.to}`;
  const out = [`${verb}: ${plan.changes.length} pin(s) to change, ${plan.unchanged} already equal.`];
  if (rows.length > 0) out.push("", line(header), ...rows.map(line));
  if (plan.skipped.length > 0) out.push("", "Not promoted:", ...plan.skipped.map((s) => `  ${s.component}: ${s.reason}`));
  return out.join("\n");
}

/** The rendered-manifest diff of each changed component, for the terminal. */
export function formatManifestDiffs(environment: string, diffs: readonly ManifestDiff[]): string {
  if (diffs.length === 0) return `Rendered manifests of ${environment}: no component changes.`;
  const parts = [`Rendered manifests of ${environment} (helm template before → after):`];
  for (const diff of diffs) parts.push(diff.diff === "" ? `  ${diff.component}: ${diff.note ?? "no change"}` : diff.diff.trimEnd());
  return parts.join("\n");
}
