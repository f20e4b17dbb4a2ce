import { parse } from "yaml";
import type { PromotionConfig } from "./config.js";
import { readFileAt, resolveCommit } from "./git.js";
import { toPromotionError, type PromotionOctokit } from "./github-client.js";
import type { PullSummary } from "./github-repository.js";
import { decodeMetadata, type PromotionMetadata } from "./pr-body.js";
import { clustersOf, effectivePins, isComponentPin } from "./cluster-pins.js";
import { collectPins, type PinValue, type Placement } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";
import { checkEnvironment, generatorPaths, placementOf } from "./regenerate.js";
import { Workspace } from "./snapshot.js";

/** The head branches promotion pull requests are opened from (`promote/<from>-to-<to>`). */
export const PROMOTION_BRANCH_PREFIX = "promote/";

/** What GitHub says about a merged pull request beyond its list entry: who opened it and what was merged. */
export interface MergedPullFacts {
  /** Login of the pull request's author (`user.login`). */
  author: string | undefined;
  /** The commit the merge created on the base branch (`merge_commit_sha`). */
  mergeCommit: string | null;
}

/** Reads one pull request (GET /repos/{owner}/{repo}/pulls/{pull_number}). */
export interface MergedPullSource {
  mergedPull(number: number): Promise<MergedPullFacts>;
}

/** A MergedPullSource over an Octokit for one repository. */
export function mergedPullsVia(octokit: PromotionOctokit, owner: string, repo: string): MergedPullSource {
  return {
    async mergedPull(number) {
      try {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
        return { author: data.user?.login, mergeCommit: data.merge_commit_sha };
      } catch (error) {
        throw toPromotionError(error, { what: `read pull request #${number}`, permission: "pull-requests: read" }, `${owner}/${repo}`);
      }
    },
  };
}

export interface TrustInput {
  /** Merged and closed pull requests into the base branch, as listed. */
  pulls: readonly PullSummary[];
  /** The environment being rolled back. */
  target: string;
  patterns: readonly PromotablePattern[];
  /** Who promotions run as and the labels they carry (.github/promotion.yml). */
  rule: Pick<PromotionConfig, "identity" | "labels">;
  source: MergedPullSource;
  /** The local clone holding the base branch's history (every merge commit in it). */
  root: string;
  /** One line per ignored pull request. */
  warn: (line: string) => void;
  /**
   * Where each component ran at a commit of the base branch, for a target in several clusters; the
   * default asks the generator at that commit (placementAtCommit). Never today's placement: a
   * cluster or component moved since would change which pins the merge is read to have changed.
   */
  placementAt?: (commit: string) => Placement;
}

export interface TrustedPromotions {
  trusted: PullSummary[];
  /** Merged pull requests with a promotion block for the target that were ignored, with the reason. */
  ignored: Array<{ number: number; url: string; reason: string }>;
}

/**
 * The merged pull requests whose promotion-metadata block for `target` may be believed. Anyone who
 * can open a pull request can write such a block, so a block counts only when the pull request
 * (a) comes from a `promote/` head branch, (b) was opened by the promotion identity, (c) carries
 * every configured promotion label and (d) its merge commit changed exactly the pins the block
 * records, from and to the recorded values (so a block edited after the merge no longer matches).
 * The others are ignored with a warning naming the pull request and the reason.
 */
export async function trustedPromotionPulls(input: TrustInput): Promise<TrustedPromotions> {
  const result: TrustedPromotions = { trusted: [], ignored: [] };
  const workspace = new Workspace();
  const placements = new Map<string, Placement>();
  const placementAt = input.placementAt ?? ((commit: string) => placementAtCommit(input.root, input.target, commit, workspace));
  const resolved: TrustInput = {
    ...input,
    placementAt: (commit) => {
      let placement = placements.get(commit);
      if (!placement) {
        placement = placementAt(commit);
        placements.set(commit, placement);
      }
      return placement;
    },
  };
  try {
    for (const pull of input.pulls) {
      if (pull.mergedAt === null) continue;
      const metadata = decodeMetadata(pull.body);
      if (metadata?.kind !== "promotion" || metadata.to !== input.target) continue;
      const reason = await distrust(pull, metadata, resolved);
      if (reason === undefined) {
        result.trusted.push(pull);
      } else {
        result.ignored.push({ number: pull.number, url: pull.url, reason });
        input.warn(`warning: ignoring the promotion record in #${pull.number} (${pull.url}): ${reason}.`);
      }
    }
  } finally {
    workspace.dispose();
  }
  return result;
}

/**
 * Where each component of `environment` ran at `commit`: the generator's verdict on the snapshot of
 * that commit (the Applications it generates there, per cluster), as the promotion reads the
 * placement of the base commit. Throws when the generator rejects the environment at that commit:
 * then where its pins ran cannot be told, and the record is not believed.
 */
export function placementAtCommit(root: string, environment: string, commit: string, workspace: Workspace): Placement {
  const snapshot = workspace.snapshot(root, commit, generatorPaths(environment), `placement-${commit.slice(0, 12)}`);
  const check = checkEnvironment(snapshot, environment, root);
  if (!check.ok) throw new Error(`the generator rejects environments/${environment} at ${commit.slice(0, 12)}, so where its components ran cannot be told: ${check.problems[0] ?? ""}`);
  return placementOf(check.components);
}

/** Why a pull request's block is not to be believed, or undefined when it is. */
async function distrust(pull: PullSummary, metadata: PromotionMetadata, input: TrustInput): Promise<string | undefined> {
  if (!pull.headRef.startsWith(PROMOTION_BRANCH_PREFIX)) return `its head branch ${pull.headRef} is not a ${PROMOTION_BRANCH_PREFIX}* promotion branch`;
  const missing = input.rule.labels.filter((label) => !pull.labels.includes(label));
  if (missing.length > 0) return `it lacks the promotion label(s) ${missing.join(", ")}`;
  const facts = await input.source.mergedPull(pull.number);
  if (facts.author !== input.rule.identity) return `it was opened by ${facts.author ?? "(unknown)"}, not by the promotion identity ${input.rule.identity} (identity in .github/promotion.yml)`;
  if (!facts.mergeCommit) return "GitHub reports no merge commit for it";
  return mergedDiffMismatch(facts.mergeCommit, metadata, input);
}

type PinRecord = { from: PinValue | null; to: PinValue };

/** Compares the pins the merge commit changed in the target's environment.yaml with the recorded ones. */
function mergedDiffMismatch(mergeCommit: string, metadata: PromotionMetadata, input: TrustInput): string | undefined {
  const file = `environments/${input.target}/environment.yaml`;
  const parent = resolveCommit(input.root, `${mergeCommit}^1`);
  if (!parent) return `its merge commit ${mergeCommit.slice(0, 12)} is not in the local clone ${input.root} (run \`git fetch origin\` and roll back again)`;
  let merged: Map<string, PinRecord>;
  try {
    merged = changedPins(pinsAt(input, parent, file), pinsAt(input, mergeCommit, file));
  } catch (error) {
    return `the pins of ${file} at its merge commit ${mergeCommit.slice(0, 12)} cannot be read (${(error as Error).message})`;
  }
  const recorded = new Map(metadata.pins.map((p) => [where(p.cluster, p.path), { from: p.from ?? null, to: p.to }]));
  const differences: string[] = [];
  for (const [path, pin] of recorded) {
    const actual = merged.get(path);
    if (!actual) differences.push(`${path} is recorded but the merge did not change it`);
    else if (actual.from !== pin.from || actual.to !== pin.to) differences.push(`${path} is recorded as ${show(pin)} but the merge changed it ${show(actual)}`);
  }
  for (const [path, actual] of merged) if (!recorded.has(path)) differences.push(`the merge changed ${path} ${show(actual)}, which is not recorded`);
  return differences.length === 0 ? undefined : `its record does not match what its merge commit ${mergeCommit.slice(0, 12)} changed in ${file}: ${differences.sort().join("; ")}`;
}

/**
 * The pins of the file at a commit, as they run: in an environment with clusters each component pin
 * per cluster (its `clusters[].pins` entry over `components:`), in the clusters the component ran
 * in at that commit, as promotions record them.
 */
function pinsAt(input: TrustInput, commit: string, file: string): Map<string, PinValue | null> {
  const text = readFileAt(input.root, commit, file);
  if (text === undefined) return new Map();
  const environment = { name: input.target, data: parse(text) as unknown };
  const base = collectPins(environment, input.patterns).pins;
  const clusters = clustersOf(environment);
  const pins = clusters.length > 0 ? [...base.filter((p) => !isComponentPin(p.path)), ...effectivePins(base, clusters, input.patterns, input.placementAt?.(commit))] : base;
  return new Map(pins.map((p) => [where(p.cluster, p.path), p.value ?? null]));
}

/** `components.api.imageTag`, or `us:components.api.imageTag` for a pin as it runs in a cluster. */
function where(cluster: string | undefined, path: readonly string[]): string {
  return `${cluster === undefined ? "" : `${cluster}:`}${path.join(".")}`;
}

function changedPins(before: Map<string, PinValue | null>, after: Map<string, PinValue | null>): Map<string, PinRecord> {
  const changed = new Map<string, PinRecord>();
  for (const [path, to] of after) {
    const from = before.get(path) ?? null;
    if (to !== null && to !== from) changed.set(path, { from, to });
  }
  return changed;
}

function show(pin: PinRecord): string {
  return `${pin.from === null ? "(unset)" : String(pin.from)} → ${String(pin.to)}`;
}
