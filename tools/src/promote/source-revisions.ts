import { PromotionError } from "./errors.js";
import { hasCommit, resolveCommit } from "./git.js";
import { collectPins, REVISION_FIELD, requiresImmutablePins, type EnvironmentData } from "./plan.js";
import type { PromotablePattern } from "./promotable-fields.js";

const FULL_SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{7,39}$/;

/** What a moving source revision was pinned to, for the plan and the pull request. */
export interface RevisionResolution {
  component: string;
  /** The revision the source names (a branch such as main, a tag, an abbreviated SHA). */
  from: string;
  /** The full commit SHA it names now. */
  to: string;
  /** Where the commit was read: `head of main on acme/gitops`, `tag v1.2.0 in the local clone`. */
  how: string;
}

/** Asks the remote where a branch points (undefined: no such branch); absent without credentials. */
export type BranchLookup = (branch: string) => Promise<string | undefined>;

export interface SourceRevisionInput {
  source: EnvironmentData;
  /** The target's tier: only staging and production require immutable pins. */
  targetTier: unknown;
  patterns: readonly PromotablePattern[];
  /** Components the step may promote (enabled in both environments, and --components). */
  components: ReadonlySet<string>;
  base: string;
  baseCommit: string;
  /** `owner/name` on GitHub, or undefined when the plan is made from the local clone. */
  repository?: string;
  branchHead?: BranchLookup;
  root: string;
}

/**
 * A source that follows a branch (development's `chartRevision: main`) cannot be copied into an
 * environment that requires immutable pins: the branch would move under it with every merge. Each
 * such revision is replaced by the commit it names now: the base branch by the base commit the
 * whole plan is made from (the head of the base branch on GitHub), another branch by its head on
 * GitHub (or, without credentials, the clone's origin/<branch>), a tag or an abbreviated SHA by the
 * commit the local clone resolves it to. The commit must be in the local clone, which renders the
 * diff and lets the generator check the pin. A revision that names nothing is PRM015.
 */
export async function resolveSourceRevisions(input: SourceRevisionInput): Promise<{ source: EnvironmentData; resolutions: RevisionResolution[] }> {
  if (!requiresImmutablePins(input.targetTier)) return { source: input.source, resolutions: [] };
  const file = `environments/${input.source.name}/environment.yaml`;
  const moving = collectPins(input.source, input.patterns).pins.filter((pin) => pin.field === REVISION_FIELD && input.components.has(pin.component) && typeof pin.value === "string" && !FULL_SHA.test(pin.value));
  if (moving.length === 0) return { source: input.source, resolutions: [] };
  const cache = new Map<string, { sha: string; how: string }>();
  const data = structuredClone(input.source.data) as Record<string, unknown>;
  const resolutions: RevisionResolution[] = [];
  for (const pin of moving) {
    const revision = pin.value as string;
    let found = cache.get(revision);
    if (!found) {
      found = await resolveOne(revision, input, `${pin.component} in ${file}`);
      cache.set(revision, found);
    }
    setIn(data, pin.path, found.sha);
    resolutions.push({ component: pin.component, from: revision, to: found.sha, how: found.how });
  }
  return { source: { name: input.source.name, data }, resolutions };
}

async function resolveOne(revision: string, input: SourceRevisionInput, where: string): Promise<{ sha: string; how: string }> {
  const remote = input.repository ?? "origin";
  let sha: string | undefined;
  let how: string;
  if (revision === input.base) {
    sha = input.baseCommit;
    how = `head of ${input.base} on ${remote}, the base of this plan`;
  } else if (input.branchHead) {
    sha = await input.branchHead(revision);
    how = `head of branch ${revision} on ${remote}`;
  } else {
    sha = resolveCommit(input.root, `refs/remotes/origin/${revision}`);
    how = `origin/${revision} in the local clone`;
    if (!sha) {
      sha = resolveCommit(input.root, `refs/heads/${revision}`);
      how = `branch ${revision} of the local clone`;
    }
  }
  if (!sha) {
    // Not a branch: a tag or an abbreviated commit of the local clone also names one commit now.
    sha = resolveCommit(input.root, `refs/tags/${revision}`);
    how = `tag ${revision} in the local clone`;
    if (!sha && SHORT_SHA.test(revision)) {
      sha = resolveCommit(input.root, revision);
      how = `commit ${revision} of the local clone`;
    }
  }
  if (!sha) {
    throw new PromotionError(
      "PRM015",
      `chartRevision "${revision}" of ${where} names no branch of ${input.branchHead ? remote : "the local clone (origin/" + revision + " or " + revision + ")"}, nor a tag or commit of the local clone, so it cannot be pinned to a commit for ${input.targetTier} (which runs commit SHAs only). Nothing was changed.`,
      `Push the branch ${revision} (or merge the change into ${input.base} and set chartRevision: ${input.base} in the source), or set chartRevision to a commit SHA; then promote again. If the branch exists, run \`git fetch origin\` first.`,
    );
  }
  if (!hasCommit(input.root, sha)) {
    throw new PromotionError("PRM015", `chartRevision "${revision}" of ${where} is at ${sha.slice(0, 12)} (${how}), which the local clone in ${input.root} does not have.`, `Run \`git fetch origin ${revision}\` (in CI: actions/checkout with fetch-depth: 0) and promote again.`);
  }
  return { sha, how };
}

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}
