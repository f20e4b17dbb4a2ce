import { PromotionError } from "./errors.js";
import type { PromotablePattern } from "./promotable-fields.js";

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
}

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
}

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
export function planPromotion(input: { source: EnvironmentData; target: EnvironmentData; patterns: readonly PromotablePattern[]; components?: readonly string[] }): PromotionPlan {
  const { source, target, patterns } = input;
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

  const changes: PinChange[] = [];
  let unchanged = 0;
  const targetByPath = new Map(targetPins.pins.map((p) => [p.path.join("\u0000"), p]));
  for (const pin of sourcePins.pins) {
    if (!eligible.has(pin.component)) continue;
    const current = targetByPath.get(pin.path.join("\u0000"));
    if (pin.value === undefined) continue; // neither written nor defaulted in the source: nothing to promote
    if (current?.value === pin.value) {
      unchanged++;
      continue;
    }
    changes.push({ path: pin.path, component: pin.component, field: pin.field, from: current?.value, to: pin.value, presentInTarget: current?.written ?? false, ...(pin.group ? { group: pin.group } : {}) });
  }
  const plan: PromotionPlan = { kind: "promotion", from: source.name, to: target.name, changes: sortChanges(changes), skipped, unchanged };
  requireImageDigests(plan, target, patterns, `environments/${source.name}/environment.yaml has no imageDigest for it`);
  return plan;
}

/**
 * Production runs every image by digest (the generator's GEN037), so a plan may not leave a
 * production component with an image tag and no digest: promoting a tag without its digest would
 * either drop the digest production had (the new tag would then run unpinned) or keep the old one
 * (the pod would run the OLD image under the new tag's name). Checked on the target as it will be
 * after the plan, for every component whose imageTag or imageDigest the plan moves: PRM014 names
 * each one, before anything is edited.
 */
export function requireImageDigests(plan: PromotionPlan, target: EnvironmentData, patterns: readonly PromotablePattern[], why: string): void {
  if (!isRecord(target.data) || target.data.tier !== "production") return;
  const touched = new Set(plan.changes.filter((c) => c.field === IMAGE_TAG_FIELD || c.field === IMAGE_DIGEST_FIELD).map((c) => c.component));
  if (touched.size === 0) return;
  const after = new Map(collectPins(target, patterns).pins.map((p) => [`${p.component}\u0000${p.field}`, p.value]));
  for (const change of plan.changes) after.set(`${change.component}\u0000${change.field}`, change.to);
  const unpinned = [...touched].sort().filter((component) => {
    const tag = after.get(`${component}\u0000${IMAGE_TAG_FIELD}`);
    const digest = after.get(`${component}\u0000${IMAGE_DIGEST_FIELD}`);
    return typeof tag === "string" && tag !== "" && (digest === undefined || digest === "");
  });
  if (unpinned.length === 0) return;
  const tags = unpinned.map((component) => `${component} (imageTag ${String(after.get(`${component}\u0000${IMAGE_TAG_FIELD}`))})`).join(", ");
  throw new PromotionError(
    "PRM014",
    `${target.name} pulls images by digest, but ${tags} would run without imageDigest: ${why}. Nothing was changed.`,
    plan.kind === "rollback"
      ? `Roll back by promoting a known-good tag and digest from ${plan.from} (or edit environments/${target.name}/environment.yaml by hand in a pull request): the recorded promotion cannot restore a digest it did not record.`
      : `Record the digest the image build pushed for that tag (\`crane digest <image>:<tag>\`) as imageDigest in environments/${plan.from}/environment.yaml, merge it, and promote again.`,
  );
}

export function sortChanges(changes: readonly PinChange[]): PinChange[] {
  return [...changes].sort((a, b) => a.component.localeCompare(b.component) || a.field.localeCompare(b.field));
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
