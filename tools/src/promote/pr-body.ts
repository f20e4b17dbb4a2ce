import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { repoRoot } from "../paths.js";
import { PromotionError } from "./errors.js";
import type { ManifestDiff } from "./manifest-diff.js";
import type { PinChange, PinValue, PromotionPlan } from "./plan.js";
import { showValue } from "./plan.js";
import type { Link } from "./provenance.js";
import type { RevisionResolution } from "./source-revisions.js";

/** GitHub rejects a pull request description or comment longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;

const METADATA_PATTERN = /<!-- promotion-metadata:v1\n([\s\S]*?)\n-->/;
const CONTINUATION_MARKER = "<!-- promotion-continuation";

/** The machine-readable record of a promotion, hidden in its pull request description. */
export interface PromotionMetadata {
  version: 1;
  kind: "promotion" | "rollback";
  from: string;
  to: string;
  baseCommit: string;
  /** Each pin moved; `cluster` when the target runs in several clusters (the pin as it runs there). */
  pins: Array<{ component: string; field: string; path: string[]; from: PinValue | null; to: PinValue; cluster?: string }>;
  rollbackOf?: number;
  overrideFreeze?: string;
  /** A progressive step: the clusters it changes and those still to come. */
  clusters?: { step: string[]; remaining: string[] };
  /** The cluster gate was overridden: the reason given and what the gate found. */
  overrideGate?: { reason: string; problems: string[] };
  /** Moving source revisions pinned to their commits (development's `main`). */
  resolved?: Array<{ component: string; from: string; to: string }>;
}

export function metadataOf(plan: PromotionPlan, baseCommit: string, extra: { rollbackOf?: number; overrideFreeze?: string; overrideGate?: { reason: string; problems: string[] }; resolved?: readonly RevisionResolution[] }): PromotionMetadata {
  return {
    version: 1,
    kind: plan.kind,
    from: plan.from,
    to: plan.to,
    baseCommit,
    pins: plan.changes.map((c) => ({ component: c.component, field: c.field, path: c.path, from: c.from ?? null, to: c.to, ...(c.cluster !== undefined ? { cluster: c.cluster } : {}) })),
    ...(extra.rollbackOf !== undefined ? { rollbackOf: extra.rollbackOf } : {}),
    ...(extra.overrideFreeze !== undefined ? { overrideFreeze: extra.overrideFreeze } : {}),
    ...(plan.clusters ? { clusters: { step: plan.clusters.step, remaining: plan.clusters.remaining } } : {}),
    ...(extra.overrideGate ? { overrideGate: extra.overrideGate } : {}),
    ...(extra.resolved && extra.resolved.length > 0 ? { resolved: extra.resolved.map((r) => ({ component: r.component, from: r.from, to: r.to })) } : {}),
  };
}

/** An HTML comment GitHub does not display; `<` and `>` are escaped so no value can end the comment early. */
export function encodeMetadata(metadata: PromotionMetadata): string {
  const json = JSON.stringify(metadata).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `<!-- promotion-metadata:v1\n${json}\n-->`;
}

/** The metadata of a promotion pull request body, or undefined when it has none or it is not well-formed. */
export function decodeMetadata(body: string | null | undefined): PromotionMetadata | undefined {
  const match = body ? METADATA_PATTERN.exec(body) : null;
  if (!match) return undefined;
  try {
    const data = JSON.parse(match[1] as string) as PromotionMetadata;
    const valid =
      data.version === 1 &&
      (data.kind === "promotion" || data.kind === "rollback") &&
      typeof data.to === "string" &&
      Array.isArray(data.pins) &&
      data.pins.every((p) => Array.isArray(p.path) && p.path.every((s) => typeof s === "string") && ["string", "number", "boolean"].includes(typeof p.to) && (p.cluster === undefined || typeof p.cluster === "string"));
    return valid ? data : undefined;
  } catch {
    return undefined;
  }
}

export function isContinuationComment(body: string | undefined): boolean {
  return body?.startsWith(CONTINUATION_MARKER) ?? false;
}

export interface PrBodyInput {
  plan: PromotionPlan;
  metadata: PromotionMetadata;
  links: Map<PinChange, Link[]>;
  diffs: readonly ManifestDiff[];
  baseBranch: string;
  baseCommit: string;
  fileCount: number;
  overrideReason?: string;
  freezeReasons: readonly string[];
  notes: readonly string[];
  command: string;
  /** For a step into some clusters of several: the command of the next step (when clusters remain). */
  nextCommand?: string;
  /** The cluster gate was overridden: the reason and what the gate found. */
  gateOverride?: { reason: string; problems: readonly string[] };
  /** For tests: a smaller limit than GitHub's. */
  limit?: number;
}

export interface PrBody {
  body: string;
  /** Further parts of the rendered diff, each posted as a comment. */
  continuations: string[];
}

/** Found from the repository root, not this module's URL, so the bundled CLI (tools/dist/promote.mjs) finds it too. */
const PR_TEMPLATE = join(repoRoot, "tools/templates/promotion-pr.md.hbs");
let template: Handlebars.TemplateDelegate | undefined;

function compiledTemplate(): Handlebars.TemplateDelegate {
  template ??= Handlebars.compile(readFileSync(PR_TEMPLATE, "utf8"), { noEscape: true, strict: false });
  return template;
}

/**
 * Renders the pull request description from tools/templates/promotion-pr.md.hbs. When the rendered
 * diff would push it over GitHub's limit, the diff is cut into folded blocks at line boundaries:
 * as many as fit stay in the description, the rest go into continuation comments, each under the
 * limit too.
 */
export function renderPrBody(input: PrBodyInput): PrBody {
  const limit = input.limit ?? GITHUB_BODY_LIMIT;
  const render = (diffBlocks: string[], continuationCount: number) =>
    compiledTemplate()({
      metadata: encodeMetadata(input.metadata),
      rollback: input.plan.kind === "rollback",
      rollbackOf: input.metadata.rollbackOf,
      from: input.plan.from,
      to: input.plan.to,
      overrideReason: input.overrideReason ? cell(input.overrideReason) : undefined,
      clusters: input.plan.clusters
        ? {
            step: list(input.plan.clusters.step),
            verb: input.plan.clusters.step.length > 1 ? "are" : "is",
            current: input.plan.clusters.current.length > 0 ? list(input.plan.clusters.current) : undefined,
            remaining: input.plan.clusters.remaining.length > 0 ? list(input.plan.clusters.remaining) : undefined,
            next: input.nextCommand,
          }
        : undefined,
      gateOverride: input.gateOverride ? { reason: cell(input.gateOverride.reason), problems: input.gateOverride.problems.map(cell) } : undefined,
      freezeReasons: input.freezeReasons.map(cell),
      rows: input.plan.changes.map((change) => ({
        component: change.component || "(environment)",
        cluster: change.cluster ?? "(all)",
        note: input.gateOverride && change.cluster !== undefined ? "⚠ cluster gate overridden" : undefined,
        field: change.field,
        from: showValue(change.from),
        to: showValue(change.to),
        links: input.links.get(change) ?? [],
      })),
      skipped: input.plan.skipped.map((s) => ({ component: s.component, reason: cell(s.reason) })),
      notes: input.notes.map(cell),
      baseBranch: input.baseBranch,
      baseCommit: input.baseCommit,
      fileCount: input.fileCount,
      diffBlocks,
      continued: continuationCount > 0,
      continuationCount,
      command: input.command,
    });

  const continuationHeader = (n: number, total: number) => `${CONTINUATION_MARKER} ${n}/${total} -->\n**Rendered manifests of ${input.plan.to}, part ${n + 1} of ${total + 1}** (continued from the description)\n\n`;
  const commentBudget = limit - continuationHeader(999, 999).length - 16;
  const blocks = diffBlocks(input.diffs, commentBudget);
  const whole = render(blocks, 0);
  if (whole.length <= limit) return { body: whole, continuations: [] };

  // Room left for diff blocks in the description, assuming a generous count of continuations.
  const skeleton = render([], 999);
  if (skeleton.length > limit - 200) {
    throw new PromotionError("PRM047", `the pull request description is ${skeleton.length} characters before any diff; GitHub allows ${limit}.`);
  }
  let room = limit - skeleton.length;
  const inBody: string[] = [];
  let next = 0;
  while (next < blocks.length && (blocks[next] as string).length + 2 <= room) {
    room -= (blocks[next] as string).length + 2;
    inBody.push(blocks[next++] as string);
  }
  const parts = packUnderBudget(blocks.slice(next), commentBudget, 2);
  const continuations = parts.map((part, i) => continuationHeader(i + 1, parts.length) + part.join("\n\n") + "\n");
  return { body: render(inBody, parts.length), continuations };
}

/**
 * Each component's diff as folded `<details>` blocks of at most `maxChars`, cut at line
 * boundaries; the fence is longer than any backtick run inside the diff.
 */
export function diffBlocks(diffs: readonly ManifestDiff[], maxChars: number): string[] {
  const blocks: string[] = [];
  for (const diff of diffs) {
    if (diff.diff === "") {
      blocks.push(`<details><summary>${diffName(diff)}: ${diff.note ?? "no change"}</summary>\n\n</details>`);
      continue;
    }
    const fence = "`".repeat(Math.max(3, longestBacktickRun(diff.diff) + 1));
    const wrap = (lines: string[], part: number | undefined) =>
      `<details><summary>${diffName(diff)}${part === undefined ? "" : ` (part ${part})`}: rendered diff</summary>\n\n${fence}diff\n${lines.join("\n")}\n${fence}\n</details>`;
    const overhead = wrap([], 9999).length;
    const budget = maxChars - overhead;
    const lines = diff.diff.replace(/\n$/, "").split("\n").map((line) => (line.length > budget ? `${line.slice(0, budget - 20)} …(line cut)` : line));
    const chunks = packUnderBudget(lines, budget, 1);
    chunks.forEach((c, i) => blocks.push(wrap(c, chunks.length > 1 ? i + 1 : undefined)));
  }
  return blocks;
}

/** `alpha`, or `alpha (us)` for a component's diff in one cluster of several. */
export function diffName(diff: Pick<ManifestDiff, "component" | "cluster">): string {
  return diff.cluster === undefined ? diff.component : `${diff.component} (${diff.cluster})`;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** Cluster names as `**eu**, **us**`. */
function list(names: readonly string[]): string {
  return names.map((name) => `**${name}**`).join(", ");
}

/** Text safe inside a Markdown table cell or a one-line quote. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/**
 * Groups texts in order, starting a new group when the next text (plus its separator) would push
 * the group past `budget`; a text longer than the budget gets a group of its own.
 */
function packUnderBudget(texts: readonly string[], budget: number, separatorLength: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let used = 0;
  for (const text of texts) {
    if (group.length > 0 && used + text.length + separatorLength > budget) {
      groups.push(group);
      group = [];
      used = 0;
    }
    group.push(text);
    used += text.length + separatorLength;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
