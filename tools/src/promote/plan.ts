import { clustersOf, effectivePins, isComponentPin, pinKey, runsIn, type ClusterPins } from "./cluster-pins.js";
import { PromotionError } from "./errors.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { compareText } from "../text/compare-text.js";

export type PinValue = string | number | boolean;

/** One promotable value of one environment at a concrete path, e.g. components.mcp-server.imageTag. */
export interface Pin {
  /** Concrete path in environment.yaml. */
  path: string[];
  /** The key matched by the pattern's last wildcard (the component), or "" for an environment-wide pin. */
  component: string;
  /** The rest of the path after the component, dotted: `chartRevision`. */
  field: string;
  /** The value written in the file, or the schema default when the key is absent. */
  value: PinValue | undefined;
  /** Whether the key is written in the file (false: the value is the schema default). */
  written: boolean;
  /** The pattern's promotion group (`x-promotion-group`): pins of one component and group move together. */
  group?: string;
  /** The cluster of a multi-cluster environment this is the pin of (its effective value there); absent for one cluster. */
  cluster?: string;
}

export interface PinChange {
  path: string[];
  component: string;
  field: string;
  /** The target's value before the promotion (undefined: absent and no default). */
  from: PinValue | undefined;
  to: PinValue;
  /** False when the key must be added to the target file. */
  presentInTarget: boolean;
  /** The promotion group of the field (`image` for imageTag and imageDigest), when it has one. */
  group?: string;
  /**
   * The cluster whose pin this is, in an environment with `clusters:` (the change is of what runs
   * there: its `clusters[].pins` entry over the component's); absent for one cluster and for an
   * environment-wide pin.
   */
  cluster?: string;
}

/** The promotable field that is a Git revision of this repository (each Application's `targetRevision`). */
export const REVISION_FIELD = "chartRevision";
const FULL_SHA = /^[0-9a-f]{40}$/;

/** The pins that name an image: its tag, and the digest production pulls it by. */
export const IMAGE_TAG_FIELD = "imageTag";
export const IMAGE_DIGEST_FIELD = "imageDigest";

export interface SkippedComponent {
  component: string;
  reason: string;
}

export interface PromotionPlan {
  kind: "promotion" | "rollback";
  from: string;
  to: string;
  /** Ordered by component, then field. */
  changes: PinChange[];
  /** Components that exist in one environment only, or are disabled, and therefore move nothing. */
  skipped: SkippedComponent[];
  /** Number of promotable pins compared that already agree. */
  unchanged: number;
  /** For an environment with `clusters:`: which clusters this step changes and what each runs now. */
  clusters?: ClusterStep;
}

/** One step of a progressive promotion into an environment with several clusters. */
export interface ClusterStep {
  /** Every cluster of the target, in `clusters:` order. */
  all: string[];
  /** The clusters this step changes (`--clusters`, default all), in `clusters:` order. */
  step: string[];
  /** Clusters not in the step listed before its last cluster: they must already run the promoted pins (the cluster gate). */
  earlier: string[];
  /** Clusters outside the step that do not run the promoted pins yet: the steps still to come. */
  remaining: string[];
  /** Clusters outside the step that already run the promoted pins. */
  current: string[];
  /** For each promoted component field: what each cluster runs now (undefined where the component does not run), and the promoted value. */
  view: Array<{ component: string; field: string; values: Record<string, PinValue | undefined>; to: PinValue }>;
}

/** Where each component runs in an environment with clusters (component → cluster names); absent: everywhere. */
export type Placement = ReadonlyMap<string, readonly string[]>;

export interface EnvironmentData {
  name: string;
  /** environment.yaml parsed to plain data. */
  data: unknown;
}

/**
 * Compares every promotable pin of the source with the target and returns what must change in the
 * target. Only pins move: everything the schema does not mark promotable stays as the target has it.
 * A component takes part only when both environments list it and neither disables it.
 */
export function planPromotion(input: { source: EnvironmentData; target: EnvironmentData; patterns: readonly PromotablePattern[]; components?: readonly string[]; clusters?: readonly string[]; placement?: Placement }): PromotionPlan {
  const { source, target, patterns } = input;
  const targetClusters = clustersOf(target);
  const step = stepClusters(target, targetClusters, input.clusters);
  const only = input.components && input.components.length > 0 ? new Set(input.components) : undefined;
  const sourcePins = collectPins(source, patterns);
  const targetPins = collectPins(target, patterns);
  const known = new Set([...sourcePins.owners.keys(), ...targetPins.owners.keys()].filter((c) => c !== ""));
  if (only) {
    const unknown = [...only].filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new PromotionError("PRM003", `--components names ${unknown.map((c) => `"${c}"`).join(", ")}, which neither environments/${source.name}/environment.yaml nor environments/${target.name}/environment.yaml lists (known: ${[...known].sort().join(", ") || "none"}).`);
    }
  }

  const skipped: SkippedComponent[] = [];
  const eligible = new Set<string>();
  for (const component of [...known].sort()) {
    if (only && !only.has(component)) continue;
    const inSource = sourcePins.owners.get(component);
    const inTarget = targetPins.owners.get(component);
    if (!inSource) skipped.push({ component, reason: `not listed in ${source.name}` });
    else if (!inTarget) skipped.push({ component, reason: `not listed in ${target.name}; add it there first (enabling a component is a decision per environment)` });
    else if (inSource.enabled === false) skipped.push({ component, reason: `disabled in ${source.name}` });
    else if (inTarget.enabled === false) skipped.push({ component, reason: `disabled in ${target.name}` });
    else eligible.add(component);
  }
  if (!only && (sourcePins.owners.has("") || targetPins.owners.has(""))) eligible.add("");

  // A source in several clusters promotes its `components:` pins; a cluster of it running other pins of a promoted component is ambiguous.
  const diverging = clustersOf(source).flatMap((cluster) => Object.keys(cluster.pins).filter((component) => eligible.has(component)).map((component) => `${component} in cluster ${cluster.name}`));
  if (diverging.length > 0) {
    throw new PromotionError("PRM026", `${source.name} runs other pins in some clusters than its components: pins (${diverging.join(", ")}: clusters[].pins of environments/${source.name}/environment.yaml), so which ones to promote is ambiguous.`);
  }

  const changes: PinChange[] = [];
  let unchanged = 0;
  const targetByKey = new Map([...targetPins.pins, ...effectivePins(targetPins.pins, targetClusters, patterns, input.placement)].map((p) => [pinKey(p.cluster, p.path), p]));
  for (const pin of sourcePins.pins) {
    if (!eligible.has(pin.component)) continue;
    if (pin.value === undefined) continue; // neither written nor defaulted in the source: nothing to promote
    // In several clusters a component's pin is compared with what runs in each cluster of the step.
    const places = step && isComponentPin(pin.path) ? step.filter((cluster) => runsIn(input.placement, pin.component, cluster)) : [undefined];
    for (const cluster of places) {
      const current = targetByKey.get(pinKey(cluster, pin.path));
      if (current?.value === pin.value) {
        unchanged++;
        continue;
      }
      changes.push({ path: pin.path, component: pin.component, field: pin.field, from: current?.value, to: pin.value, presentInTarget: current?.written ?? false, ...(pin.group ? { group: pin.group } : {}), ...(cluster !== undefined ? { cluster } : {}) });
    }
  }
  const sorted = sortChanges(changes);
  const plan: PromotionPlan = {
    kind: "promotion",
    from: source.name,
    to: target.name,
    changes: sorted,
    skipped,
    unchanged,
    ...(step ? { clusters: describeStep(targetClusters.map((c) => c.name), step, sorted, [...targetByKey.values()], sourcePins.pins, input.placement) } : {}),
  };
  requireImageDigests(plan, target, patterns, `environments/${source.name}/environment.yaml has no imageDigest for it`, input.placement);
  requireCommitRevisions(plan, target);
  return plan;
}

/**
 * Never a branch name into an environment that requires immutable pins: the promotion resolves a
 * moving source revision to its commit first (source-revisions.ts), so a branch here means that
 * step was skipped. Checked on the plan, before anything is edited.
 */
function requireCommitRevisions(plan: PromotionPlan, target: EnvironmentData): void {
  const tier = isRecord(target.data) ? target.data.tier : undefined;
  if (!requiresImmutablePins(tier)) return;
  const moving = plan.changes.filter((c) => c.field === REVISION_FIELD && (typeof c.to !== "string" || !FULL_SHA.test(c.to)));
  if (moving.length === 0) return;
  throw new PromotionError("PRM015", `${target.name} runs commit SHAs only, but the plan would write ${moving.map((c) => `${c.component} chartRevision ${String(c.to)}`).join(", ")}. Nothing was changed.`);
}

/** The step's clusters in `clusters:` order (all of them without --clusters); undefined for an environment in one cluster. */
export function stepClusters(target: EnvironmentData, clusters: readonly ClusterPins[], only: readonly string[] | undefined): string[] | undefined {
  const names = clusters.map((c) => c.name);
  if (only && only.length > 0) {
    if (names.length === 0) {
      throw new PromotionError("PRM023", `--clusters ${only.join(",")}: environments/${target.name}/environment.yaml lists no clusters, so ${target.name} runs in one cluster (destination.server) and is promoted as a whole.`, `Leave out --clusters for ${target.name}; list clusters in its environment.yaml first if it should run in several (docs/clusters.md).`);
    }
    const unknown = only.filter((name) => !names.includes(name));
    if (unknown.length > 0) {
      throw new PromotionError("PRM023", `--clusters names ${unknown.map((c) => `"${c}"`).join(", ")}, which environments/${target.name}/environment.yaml does not list (clusters: ${names.join(", ")}).`, `Pass cluster names from clusters: in environments/${target.name}/environment.yaml, comma-separated in train order (e.g. --clusters ${names[0]}).`);
    }
  }
  if (names.length === 0) return undefined;
  return names.filter((name) => !only || only.length === 0 || only.includes(name));
}

/** Which clusters the step skips over, which already run the promoted pins, which are still to come, and the matrix of what runs where. */
function describeStep(all: string[], step: string[], changes: readonly PinChange[], targetPins: readonly Pin[], sourcePins: readonly Pin[], placement: Placement | undefined): ClusterStep {
  const last = Math.max(...step.map((c) => all.indexOf(c)));
  const earlier = all.filter((c, i) => i < last && !step.includes(c));
  const promoted = new Map<string, PinValue>();
  const components = new Set(changes.filter((c) => c.cluster !== undefined).map((c) => c.component));
  for (const pin of sourcePins) if (components.has(pin.component) && isComponentPin(pin.path) && pin.value !== undefined) promoted.set(pin.path.join("\u0000"), pin.value);
  const running = new Map(targetPins.filter((p) => p.cluster !== undefined).map((p) => [pinKey(p.cluster, p.path), p.value]));
  const runsPromoted = (cluster: string) => [...promoted].every(([path, value]) => !running.has(`${cluster}\u0000${path}`) || running.get(`${cluster}\u0000${path}`) === value);
  const outside = all.filter((c) => !step.includes(c));
  const fields = [...new Set(changes.filter((c) => c.cluster !== undefined).map((c) => c.path.join("\u0000")))].sort();
  const view = fields.map((key) => {
    const path = key.split("\u0000");
    const component = path[1] as string;
    const values = Object.fromEntries(all.map((cluster) => [cluster, runsIn(placement, component, cluster) ? running.get(`${cluster}\u0000${key}`) : undefined]));
    return { component, field: path.slice(2).join("."), values, to: promoted.get(key) as PinValue };
  });
  return { all, step, earlier, remaining: outside.filter((c) => !runsPromoted(c)), current: outside.filter(runsPromoted), view };
}

/**
 * Production runs every image by digest (the generator's GEN037), so a plan may not leave a
 * production component with an image tag and no digest: promoting a tag without its digest would
 * either drop the digest production had (the new tag would then run unpinned) or keep the old one
 * (the pod would run the OLD image under the new tag's name). Checked on the target as it will be
 * after the plan, for every component whose imageTag or imageDigest the plan moves: PRM014 names
 * each one, before anything is edited.
 */
export function requireImageDigests(plan: PromotionPlan, target: EnvironmentData, patterns: readonly PromotablePattern[], why: string, placement?: Placement): void {
  const tier = isRecord(target.data) ? target.data.tier : undefined;
  if (!requiresImmutablePins(tier)) return;
  const key = (cluster: string | undefined, component: string, field: string) => `${cluster ?? ""}\u0000${component}\u0000${field}`;
  const touched = new Map<string, { cluster?: string; component: string }>();
  for (const c of plan.changes) if (c.field === IMAGE_TAG_FIELD || c.field === IMAGE_DIGEST_FIELD) touched.set(key(c.cluster, c.component, ""), { ...(c.cluster !== undefined ? { cluster: c.cluster } : {}), component: c.component });
  if (touched.size === 0) return;
  const basePins = collectPins(target, patterns).pins;
  const after = new Map([...basePins, ...effectivePins(basePins, clustersOf(target), patterns, placement)].map((p) => [key(p.cluster, p.component, p.field), p.value]));
  for (const change of plan.changes) after.set(key(change.cluster, change.component, change.field), change.to);
  const unpinned = [...touched.values()]
    .sort((a, b) => compareText(a.component, b.component) || compareText(a.cluster ?? "", b.cluster ?? ""))
    .filter(({ cluster, component }) => {
      const tag = after.get(key(cluster, component, IMAGE_TAG_FIELD));
      const digest = after.get(key(cluster, component, IMAGE_DIGEST_FIELD));
      return typeof tag === "string" && tag !== "" && (digest === undefined || digest === "");
    });
  if (unpinned.length === 0) return;
  const tags = unpinned.map(({ cluster, component }) => `${component}${cluster !== undefined ? ` in cluster ${cluster}` : ""} (imageTag ${String(after.get(key(cluster, component, IMAGE_TAG_FIELD)))})`).join(", ");
  const record = `Record the digest the image build pushed for that tag (\`crane digest <image>:<tag>\`) as imageDigest in environments/${plan.from}/environment.yaml, merge it, and promote again.`;
  const back = `Roll back by promoting a known-good tag and digest from ${plan.from} (or edit environments/${target.name}/environment.yaml by hand in a pull request): the recorded promotion cannot restore a digest it did not record.`;
  if (tier === "production") {
    throw new PromotionError("PRM014", `${target.name} pulls images by digest, but ${tags} would run without imageDigest: ${why}. Nothing was changed.`, plan.kind === "rollback" ? back : record);
  }
  throw new PromotionError(
    "PRM016",
    `${target.name} (tier ${String(tier)}) takes only immutable image references, but ${tags} would run a tag without imageDigest: ${why}. A tag can be pushed again to another image, so what was tested in ${plan.from} would not be what runs in ${target.name}. Nothing was changed.`,
    plan.kind === "rollback" ? back : `${record} A tag that moves with every build (such as main) is promoted by its digest: the build records the digest of each push.`,
  );
}

/**
 * Staging and production require immutable pins from a promotion: a chartRevision that is a commit
 * SHA (a branch moves with every merge) and an image by digest (a tag can be pushed again).
 * Development may follow a branch.
 */
export function requiresImmutablePins(tier: unknown): boolean {
  return tier === "staging" || tier === "production";
}

export function sortChanges(changes: readonly PinChange[]): PinChange[] {
  return [...changes].sort((a, b) => compareText(a.component, b.component) || compareText(a.field, b.field));
}

interface CollectedPins {
  pins: Pin[];
  /** Each owner (component, or "" for environment-wide pins) with its `enabled` flag when it has one. */
  owners: Map<string, { enabled?: boolean }>;
}

/** Expands the schema's promotable patterns against one environment's data. */
export function collectPins(environment: EnvironmentData, patterns: readonly PromotablePattern[]): CollectedPins {
  const pins: Pin[] = [];
  const owners = new Map<string, { enabled?: boolean }>();
  for (const pattern of patterns) {
    const lastWildcard = pattern.segments.map((s) => s.kind).lastIndexOf("any");
    const expand = (node: unknown, index: number, path: string[]) => {
      if (index === pattern.segments.length) {
        const component = lastWildcard === -1 ? "" : (path[lastWildcard] as string);
        const field = path.slice(lastWildcard + 1).join(".");
        const written = node !== undefined;
        const value = written ? node : pattern.default;
        if (value !== undefined && !isPinValue(value)) {
          throw new PromotionError("PRM004", `environments/${environment.name}/environment.yaml: ${path.join(".")} is ${Array.isArray(value) ? "a list" : typeof value}; a promotable pin must be a plain value (a string such as v1.2.3).`);
        }
        if (lastWildcard === -1) owners.set("", {});
        pins.push({ path, component, field, value: value as PinValue | undefined, written, ...(pattern.group ? { group: pattern.group } : {}) });
        return;
      }
      const segment = pattern.segments[index] as PatternSegmentLike;
      if (segment.kind === "key") {
        const child = isRecord(node) ? node[segment.name] : undefined;
        // A fixed key below a missing parent still yields the pin (with its default) once an owner exists.
        if (node !== undefined && !isRecord(node)) return;
        expand(child, index + 1, [...path, segment.name]);
        return;
      }
      if (!isRecord(node)) return;
      for (const key of Object.keys(node).sort()) {
        const child = node[key];
        if (index === lastWildcard) {
          owners.set(key, { enabled: isRecord(child) && typeof child.enabled === "boolean" ? child.enabled : undefined });
          if (!isRecord(child)) continue;
        }
        expand(child, index + 1, [...path, key]);
      }
    };
    expand(environment.data, 0, []);
  }
  return { pins, owners };
}

type PatternSegmentLike = PromotablePattern["segments"][number];

function isPinValue(value: unknown): value is PinValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value is shown in tables and PR bodies: `(unset)` for a missing one. */
export function showValue(value: PinValue | undefined): string {
  return value === undefined ? "(unset)" : String(value);
}
