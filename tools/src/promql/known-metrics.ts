import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** One metric rules and dashboards may use, and who exposes it. */
export interface KnownMetric {
  name: string;
  type: "counter" | "gauge" | "histogram" | "summary" | "info";
  /** The component that exposes it (`kube-state-metrics`, `Argo CD application controller`, ...). */
  source: string;
  /** Where it is documented. */
  reference: string;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "info"]);

/**
 * Reads the allow-list of metrics (`metrics:` list of {name, type, source, reference}). A malformed
 * entry is an error naming the file and the entry, so the list stays documentation, not just names.
 */
export function parseKnownMetrics(text: string, file: string): Map<string, KnownMetric> {
  const document = parse(text) as { metrics?: unknown } | null;
  if (!document || !Array.isArray(document.metrics)) throw new Error(`${file}: expected a top-level "metrics:" list.`);
  const metrics = new Map<string, KnownMetric>();
  document.metrics.forEach((entry: unknown, index: number) => {
    const m = (entry ?? {}) as Partial<Record<keyof KnownMetric, unknown>>;
    const where = `${file}: metrics[${index}]${typeof m.name === "string" ? ` (${m.name})` : ""}`;
    if (typeof m.name !== "string" || !METRIC_NAME.test(m.name)) throw new Error(`${where}: "name" must be a Prometheus metric name.`);
    if (typeof m.type !== "string" || !TYPES.has(m.type)) throw new Error(`${where}: "type" must be one of ${[...TYPES].join(", ")}.`);
    for (const key of ["source", "reference"] as const) {
      if (typeof m[key] !== "string" || (m[key] as string).trim() === "") throw new Error(`${where}: "${key}" must say where the metric comes from.`);
    }
    if (metrics.has(m.name)) throw new Error(`${where}: listed twice.`);
    metrics.set(m.name, { name: m.name, type: m.type as KnownMetric["type"], source: m.source as string, reference: m.reference as string });
  });
  return metrics;
}

export function loadKnownMetrics(file: string): Map<string, KnownMetric> {
  return parseKnownMetrics(readFileSync(file, "utf8"), file);
}

/**
 * The series names a metric family exposes: a histogram `x` is queried as `x_bucket`, `x_sum` and
 * `x_count`, a summary as `x`, `x_sum` and `x_count`.
 */
export function seriesNames(metric: KnownMetric): string[] {
  if (metric.type === "histogram") return [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
  if (metric.type === "summary") return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
  return [metric.name];
}
