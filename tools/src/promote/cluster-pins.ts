import { isDeepStrictEqual } from "node:util";
import { PromotionError } from "./errors.js";
import type { EnvironmentData, Pin, PinChange, PinValue, Placement } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";

/**
 * Pins per cluster. An environment with `clusters:` runs each component at its `components:` pins,
 * except in a cluster whose `clusters[].pins` names the component: there a field it writes wins, and
 * the fields of one promotion group (imageTag and imageDigest name one image) come from the entry
 * together (tools/src/gitops/cluster-plan.ts `effectivePin`, which the generator applies). A
 * progressive promotion changes what runs in some clusters: these functions read what runs where,
 * and lay a set of per-cluster changes back out as `components:` pins plus the fewest cluster pins.
 */

/** One cluster of an environment as written: its position in `clusters:` and its own pins. */
export interface ClusterPins {
  name: string;
  index: number;
  pins: Record<string, Record<string, PinValue>>;
}

/** The clusters of an environment's data, in `clusters:` order; empty for an environment in one cluster. */
export function clustersOf(environment: EnvironmentData): ClusterPins[] {
  const data = environment.data;
  const list = isRecord(data) && Array.isArray(data.clusters) ? data.clusters : [];
  return list.flatMap((cluster, index) => {
    if (!isRecord(cluster) || typeof cluster.name !== "string") return [];
    const pins: ClusterPins["pins"] = {};
    for (const [component, entry] of Object.entries(isRecord(cluster.pins) ? cluster.pins : {})) {
      if (isRecord(entry)) pins[component] = Object.fromEntries(Object.entries(entry).filter((e): e is [string, PinValue] => isPinValue(e[1])));
    }
    return [{ name: cluster.name, index, pins }];
  });
}

/** Whether a pin is a component's own (`components.<component>.<field>`): the kind a cluster may run differently. */
export function isComponentPin(path: readonly string[]): boolean {
  return path.length === 3 && path[0] === "components";
}

/** The fields of each promotion group among the component pins, and each field's schema default. */
function fieldInfo(patterns: readonly PromotablePattern[]): { groups: Map<string, string[]>; defaults: Map<string, unknown>; order: string[] } {
  const groups = new Map<string, string[]>();
  const defaults = new Map<string, unknown>();
  const order: string[] = [];
  for (const pattern of patterns) {
    const [first, second, third] = pattern.segments;
    if (pattern.segments.length !== 3 || first?.kind !== "key" || first.name !== "components" || second?.kind !== "any" || third?.kind !== "key") continue;
    order.push(third.name);
    defaults.set(third.name, pattern.default);
    if (pattern.group) groups.set(pattern.group, [...(groups.get(pattern.group) ?? []), third.name]);
  }
  return { groups, defaults, order };
}

/** Whether a component runs in a cluster (every cluster when the placement is not known). */
export function runsIn(placement: Placement | undefined, component: string, cluster: string): boolean {
  return placement === undefined || (placement.get(component)?.includes(cluster) ?? false);
}

/**
 * Each component pin as it runs in each cluster (the pin's `cluster` set, `written` true when the
 * cluster's own entry decides it). Environment-wide pins and clusters a component does not run in
 * are left out.
 */
export function effectivePins(basePins: readonly Pin[], clusters: readonly ClusterPins[], patterns: readonly PromotablePattern[], placement?: Placement): Pin[] {
  const { groups, defaults } = fieldInfo(patterns);
  const out: Pin[] = [];
  for (const cluster of clusters) {
    for (const pin of basePins) {
      if (!isComponentPin(pin.path) || !runsIn(placement, pin.component, cluster.name)) continue;
      const entry = cluster.pins[pin.component];
      if (entry && Object.hasOwn(entry, pin.field)) {
        out.push({ ...pin, cluster: cluster.name, value: entry[pin.field], written: true });
      } else if (entry && pin.group && (groups.get(pin.group) ?? []).some((field) => Object.hasOwn(entry, field))) {
        const fallback = defaults.get(pin.field);
        out.push({ ...pin, cluster: cluster.name, value: isPinValue(fallback) ? fallback : undefined, written: true });
      } else {
        out.push({ ...pin, cluster: cluster.name });
      }
    }
  }
  return out;
}

/** The key of a pin in a cluster (or of an environment-wide or one-cluster pin, with cluster ""). */
export function pinKey(cluster: string | undefined, path: readonly string[]): string {
  return `${cluster ?? ""}\u0000${path.join("\u0000")}`;
}

/** A `components:` pin to set: the plan-change shape the scalar editor takes. */
export type BaseEdit = Pick<PinChange, "path" | "component" | "field" | "to" | "presentInTarget" | "group">;

export interface ClusterLayout {
  /** `components:` (and environment-wide) pins to set. */
  base: BaseEdit[];
  /** The new `pins` of each cluster whose pins change, by index in `clusters:`; undefined removes the block. */
  pins: Map<number, Record<string, Record<string, PinValue>> | undefined>;
}

/**
 * Lays per-cluster changes out in the file. For each changed component and promotion group (a
 * field without a group is its own): when every cluster that runs the component will run the same
 * values, they go into `components:` and no cluster keeps an entry; otherwise `components:` keeps
 * its values while any cluster still runs them (so the environment-wide pins are what the clusters
 * that have not moved yet run, and a cluster added later starts there), else takes the values most
 * clusters run (on a tie, the first listed cluster's), and every cluster that differs gets the
 * whole group in its `pins`. Components the changes do not touch keep their entries as written.
 */
export function layoutClusterChanges(input: { target: EnvironmentData; basePins: readonly Pin[]; patterns: readonly PromotablePattern[]; changes: readonly PinChange[]; placement?: Placement }): ClusterLayout {
  const { target, basePins, patterns, changes, placement } = input;
  const clusters = clustersOf(target);
  const { groups, order } = fieldInfo(patterns);
  const desired = new Map(effectivePins(basePins, clusters, patterns, placement).map((p) => [pinKey(p.cluster, p.path), p.value]));
  const base: BaseEdit[] = [];
  for (const change of changes) {
    if (change.cluster === undefined) base.push({ path: change.path, component: change.component, field: change.field, to: change.to, presentInTarget: change.presentInTarget, ...(change.group ? { group: change.group } : {}) });
    else desired.set(pinKey(change.cluster, change.path), change.to);
  }
  const pins = new Map(clusters.map((c) => [c.index, structuredClone(c.pins)]));
  const touched = [...new Set(changes.filter((c) => c.cluster !== undefined).map((c) => c.component))].sort();
  for (const component of touched) {
    const own = basePins.filter((p) => p.component === component && isComponentPin(p.path));
    const running = clusters.filter((c) => runsIn(placement, component, c.name));
    const units: Pin[][] = [];
    for (const pin of own) {
      if (units.some((unit) => unit.includes(pin))) continue;
      const group = pin.group;
      units.push(group ? own.filter((p) => p.group === group && (groups.get(group) ?? []).includes(p.field)) : [pin]);
    }
    for (const unit of units) {
      const tuple = (cluster: string) => unit.map((p) => desired.get(pinKey(cluster, p.path)));
      const current = unit.map((p) => p.value);
      const tuples = running.map((c) => tuple(c.name));
      const chosen = tuples.every((t) => isDeepStrictEqual(t, tuples[0])) ? tuples[0] : tuples.some((t) => isDeepStrictEqual(t, current)) ? current : mostCommon(tuples);
      if (chosen === undefined) continue;
      unit.forEach((pin, i) => {
        const value = chosen[i];
        if (value !== undefined && value !== pin.value) base.push({ path: pin.path, component, field: pin.field, to: value, presentInTarget: pin.written, ...(pin.group ? { group: pin.group } : {}) });
      });
      for (const cluster of clusters) {
        const entries = pins.get(cluster.index) as ClusterPins["pins"];
        const entry = { ...(entries[component] ?? {}) };
        for (const pin of unit) delete entry[pin.field];
        const values = tuple(cluster.name);
        if (running.includes(cluster) && !isDeepStrictEqual(values, chosen)) {
          unit.forEach((pin, i) => {
            const value = values[i];
            // An empty value is the schema's "unset": the entry leaves it out (a group's missing field then reads as unset).
            if (value !== undefined && value !== "") entry[pin.field] = value;
          });
          if (unit.every((pin) => !Object.hasOwn(entry, pin.field))) {
            throw new PromotionError("PRM012", `${component} would run no ${unit.map((p) => p.field).join(" or ")} in cluster ${cluster.name} while the other clusters run one; a cluster's pins cannot say "unset".`, `Promote ${component} into every cluster at once (leave out --clusters), or set its pins by hand in environments/${target.name}/environment.yaml.`);
          }
        }
        const ordered = Object.fromEntries(order.filter((field) => Object.hasOwn(entry, field)).map((field) => [field, entry[field] as PinValue]));
        if (Object.keys(ordered).length > 0) entries[component] = ordered;
        else delete entries[component];
      }
    }
  }
  const changed = new Map<number, ClusterLayout["pins"] extends Map<number, infer V> ? V : never>();
  for (const cluster of clusters) {
    const after = pins.get(cluster.index) as ClusterPins["pins"];
    if (isDeepStrictEqual(after, cluster.pins)) continue;
    const sorted = Object.fromEntries(Object.keys(after).sort().map((component) => [component, after[component] as Record<string, PinValue>]));
    changed.set(cluster.index, Object.keys(sorted).length > 0 ? sorted : undefined);
  }
  return { base, pins: changed };
}

/** The tuple most clusters run; on a tie the one of the first cluster listed. */
function mostCommon<T>(tuples: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const candidate of tuples) {
    const count = tuples.filter((t) => isDeepStrictEqual(t, candidate)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function isPinValue(value: unknown): value is PinValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
