import { effectiveSchema, isPlainObject, type JsonSchema } from "../schemas/json-schema.js";

/** The schema keyword that marks a value as moving from environment to environment on promotion. */
export const PROMOTABLE_KEYWORD = "x-promotable";

/**
 * The schema keyword that binds promotable values of one owner (component) together: values of the
 * same group describe one thing (`imageTag` and `imageDigest` one image), so a rollback restores
 * them together or not at all.
 */
export const PROMOTION_GROUP_KEYWORD = "x-promotion-group";

/** One step of a promotable path: a fixed key, or any key of a map (`additionalProperties`). */
export type PatternSegment = { kind: "key"; name: string } | { kind: "any" };

export interface PromotablePattern {
  segments: PatternSegment[];
  /** The schema's default for the value, used when an environment leaves the key out. */
  default: unknown;
  /** The value's promotion group (`x-promotion-group`), when it belongs to one. */
  group?: string;
}

/**
 * Every place the environment schema marks `"x-promotable": true`, as a path pattern such as
 * `components.*.chartRevision`. Nothing is hard-coded: adding the keyword to another key of the
 * schema makes it promotable. Array items are not walked (a list index is no stable identity).
 */
export function findPromotablePatterns(root: JsonSchema): PromotablePattern[] {
  const found: PromotablePattern[] = [];
  const walk = (node: JsonSchema, segments: PatternSegment[], visiting: Set<JsonSchema>) => {
    if (visiting.has(node)) return;
    const schema = effectiveSchema(root, node);
    if (schema[PROMOTABLE_KEYWORD] === true && segments.length > 0) {
      const group = schema[PROMOTION_GROUP_KEYWORD];
      found.push({ segments, default: schema.default, ...(typeof group === "string" && group !== "" ? { group } : {}) });
      return;
    }
    const next = new Set(visiting).add(node);
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, [...segments, { kind: "key", name }], next);
    if (isPlainObject(schema.additionalProperties)) walk(schema.additionalProperties as JsonSchema, [...segments, { kind: "any" }], next);
    for (const child of Object.values(isPlainObject(schema.patternProperties) ? (schema.patternProperties as Record<string, JsonSchema>) : {})) {
      walk(child, [...segments, { kind: "any" }], next);
    }
    // Conditional branches may declare properties too (`then: { properties: ... }`).
    for (const keyword of ["then", "else"] as const) {
      const branch = schema[keyword];
      if (isPlainObject(branch)) walk(branch as JsonSchema, segments, next);
    }
  };
  walk(root, [], new Set());
  return dedupe(found);
}

/** `components.*.chartRevision` */
export function displayPattern(pattern: PromotablePattern): string {
  return pattern.segments.map((s) => (s.kind === "any" ? "*" : s.name)).join(".");
}

function dedupe(patterns: PromotablePattern[]): PromotablePattern[] {
  const seen = new Set<string>();
  return patterns.filter((p) => {
    const key = displayPattern(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
