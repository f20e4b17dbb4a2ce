import type { PromotionConfig } from "./config.js";
import { isPromotionError } from "./errors.js";
import type { GitHubRepository, PullSummary, TreeChange } from "./github-repository.js";
import { isContinuationComment, type PrBody } from "./pr-body.js";

export interface Publication {
  branch: string;
  base: string;
  baseCommit: string;
  baseTree: string;
  changes: readonly TreeChange[];
  commitMessage: string;
  title: string;
  body: PrBody;
  config: PromotionConfig;
}

export interface PublishResult {
  /** created: a new pull request; updated: the open one was edited; unchanged: branch and description were already current. */
  action: "created" | "updated" | "unchanged";
  pull: PullSummary;
  commit: string;
  branchMoved: boolean;
}

/**
 * Commits the promotion through the Git Data API and opens or updates its pull request:
 * one tree (every file inline), one commit, one ref update, then the pull request found by its
 * head branch. Each step first looks at what is already there, so a run that died halfway (branch
 * pushed, pull request not opened) is completed by the next run and never duplicated, and a run
 * with nothing new changes nothing.
 */
export async function publishPromotion(github: GitHubRepository, publication: Publication, log: (line: string) => void): Promise<PublishResult> {
  const { branch, base } = publication;
  const tree = await github.createTree(publication.baseTree, publication.changes);
  const head = await github.branchHead(branch);
  let commit = head;
  let branchMoved = false;
  const reusable = head ? await isSameCommitContent(github, head, tree, publication.baseCommit) : false;
  if (!reusable) {
    commit = await github.createCommit(publication.commitMessage, tree, [publication.baseCommit]);
    if (head) await github.forceUpdateBranch(branch, commit);
    else await createOrMoveBranch(github, branch, commit);
    branchMoved = true;
    log(`${head ? "updated" : "created"} branch ${branch} at ${commit.slice(0, 12)}.`);
  } else {
    log(`branch ${branch} already holds this promotion (${(head as string).slice(0, 12)}).`);
  }

  const existing = await github.findOpenPull(branch, base);
  let pull: PullSummary;
  let action: PublishResult["action"];
  if (existing) {
    if (existing.title === publication.title && existing.body === publication.body.body) {
      pull = existing;
      action = branchMoved ? "updated" : "unchanged";
    } else {
      pull = await github.updatePull(existing.number, { title: publication.title, body: publication.body.body });
      action = "updated";
    }
  } else {
    const opened = await createOrFindPull(github, publication);
    pull = opened.pull;
    action = opened.created ? "created" : "updated";
  }
  await syncContinuations(github, pull.number, publication.body.continuations, action !== "created");
  const missingLabels = publication.config.labels.filter((label) => !pull.labels.includes(label));
  if (missingLabels.length > 0) await github.addLabels(pull.number, missingLabels);
  if (action === "created" && (publication.config.reviewers.length > 0 || publication.config.teamReviewers.length > 0)) {
    await github.requestReviewers(pull.number, publication.config.reviewers, publication.config.teamReviewers);
  }
  if (publication.config.autoMerge && !pull.autoMergeEnabled) await github.enableAutoMerge(pull.nodeId, publication.config.autoMerge);
  return { action, pull, commit: commit as string, branchMoved };
}

async function isSameCommitContent(github: GitHubRepository, head: string, tree: string, baseCommit: string): Promise<boolean> {
  const current = await github.commit(head);
  return current.tree === tree && current.parents.length === 1 && current.parents[0] === baseCommit;
}

/** A retried POST may have created the branch already: then move it instead of failing. */
async function createOrMoveBranch(github: GitHubRepository, branch: string, commit: string): Promise<void> {
  try {
    await github.createBranch(branch, commit);
  } catch (error) {
    if (isPromotionError(error) && error.code === "PRM043" && /already exists/i.test(error.message)) await github.forceUpdateBranch(branch, commit);
    else throw error;
  }
}

/** A retried POST may have opened the pull request already: then find and update it instead of failing. */
async function createOrFindPull(github: GitHubRepository, publication: Publication): Promise<{ pull: PullSummary; created: boolean }> {
  try {
    return { pull: await github.createPull({ branch: publication.branch, base: publication.base, title: publication.title, body: publication.body.body }), created: true };
  } catch (error) {
    if (!(isPromotionError(error) && error.code === "PRM043" && /already exists/i.test(error.message))) throw error;
    const found = await github.findOpenPull(publication.branch, publication.base);
    if (!found) throw error;
    return { pull: await github.updatePull(found.number, { title: publication.title, body: publication.body.body }), created: false };
  }
}

/** Keeps exactly one comment per continuation part: edits the existing ones, adds or deletes the difference. */
async function syncContinuations(github: GitHubRepository, number: number, parts: readonly string[], pullExisted: boolean): Promise<void> {
  const existing = pullExisted ? (await github.comments(number)).filter((c) => isContinuationComment(c.body)) : [];
  for (const [i, part] of parts.entries()) {
    const comment = existing[i];
    if (!comment) await github.createComment(number, part);
    else if (comment.body !== part) await github.updateComment(comment.id, part);
  }
  for (const stale of existing.slice(parts.length)) await github.deleteComment(stale.id);
}

/** What a real run would do, found with read-only calls (for --dry-run with credentials). */
export async function previewPublication(github: GitHubRepository, branch: string, base: string): Promise<{ branchExists: boolean; pull?: PullSummary }> {
  const head = await github.branchHead(branch);
  const pull = await github.findOpenPull(branch, base);
  return { branchExists: head !== undefined, pull };
}
