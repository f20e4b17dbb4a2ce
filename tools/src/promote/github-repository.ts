import type { MergeMethod } from "./config.js";
import { PromotionError } from "./errors.js";
import { toPromotionError, type Operation, type PromotionOctokit } from "./github-client.js";

export interface PullSummary {
  number: number;
  nodeId: string;
  url: string;
  title: string;
  body: string;
  headRef: string;
  labels: string[];
  autoMergeEnabled: boolean;
  mergedAt: string | null;
}

export interface TreeChange {
  path: string;
  /** New text of the file, or null to delete it. */
  content: string | null;
}

export interface CommentSummary {
  id: number;
  body: string;
}

const CONTENTS_WRITE = "contents: write";
const PULLS_WRITE = "pull-requests: write";

/**
 * The GitHub REST (and one GraphQL) operations a promotion uses, on one repository. Each failure
 * becomes a PRM error that names the operation and the permission it needs; `calls` counts the
 * operations issued (retries excluded).
 */
export class GitHubRepository {
  calls = 0;

  constructor(
    private readonly octokit: PromotionOctokit,
    readonly owner: string,
    readonly repo: string,
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  private async call<T>(operation: Operation, request: () => Promise<T>, notFound?: () => T): Promise<T> {
    this.calls++;
    try {
      return await request();
    } catch (error) {
      if (notFound && (error as { status?: number }).status === 404) return notFound();
      throw toPromotionError(error, operation, this.fullName);
    }
  }

  private get repoParams() {
    return { owner: this.owner, repo: this.repo };
  }

  /** The commit a branch points at, or undefined when the branch does not exist. */
  branchHead(branch: string): Promise<string | undefined> {
    return this.call(
      { what: `read the branch ${branch}`, permission: "contents: read" },
      async () => (await this.octokit.rest.git.getRef({ ...this.repoParams, ref: `heads/${branch}` })).data.object.sha as string | undefined,
      () => undefined,
    );
  }

  commit(sha: string): Promise<{ tree: string; parents: string[] }> {
    return this.call({ what: `read commit ${sha.slice(0, 12)}`, permission: "contents: read" }, async () => {
      const { data } = await this.octokit.rest.git.getCommit({ ...this.repoParams, commit_sha: sha });
      return { tree: data.tree.sha, parents: data.parents.map((p) => p.sha) };
    });
  }

  /** One tree on top of `baseTree` holding every change inline: one request whatever the number of files. */
  createTree(baseTree: string, changes: readonly TreeChange[]): Promise<string> {
    return this.call({ what: "create the promotion tree", permission: CONTENTS_WRITE }, async () => {
      const tree = changes.map((c) =>
        c.content === null ? { path: c.path, mode: "100644" as const, type: "blob" as const, sha: null } : { path: c.path, mode: "100644" as const, type: "blob" as const, content: c.content },
      );
      return (await this.octokit.rest.git.createTree({ ...this.repoParams, base_tree: baseTree, tree })).data.sha;
    });
  }

  createCommit(message: string, tree: string, parents: string[]): Promise<string> {
    return this.call({ what: "create the promotion commit", permission: CONTENTS_WRITE }, async () => (await this.octokit.rest.git.createCommit({ ...this.repoParams, message, tree, parents })).data.sha);
  }

  createBranch(branch: string, sha: string): Promise<void> {
    return this.call({ what: `create the branch ${branch}`, permission: CONTENTS_WRITE }, async () => {
      await this.octokit.rest.git.createRef({ ...this.repoParams, ref: `refs/heads/${branch}`, sha });
    });
  }

  /** Points an existing branch at `sha`, replacing its history (the promotion branch is owned by the tool). */
  forceUpdateBranch(branch: string, sha: string): Promise<void> {
    return this.call({ what: `update the branch ${branch}`, permission: CONTENTS_WRITE }, async () => {
      await this.octokit.rest.git.updateRef({ ...this.repoParams, ref: `heads/${branch}`, sha, force: true });
    });
  }

  /** The open pull request from `branch` into `base`, found by its head branch. */
  findOpenPull(branch: string, base: string): Promise<PullSummary | undefined> {
    return this.call({ what: `look up the pull request of ${branch}`, permission: "pull-requests: read" }, async () => {
      const { data } = await this.octokit.rest.pulls.list({ ...this.repoParams, head: `${this.owner}:${branch}`, base, state: "open", per_page: 10 });
      const pull = data.find((p) => p.head.ref === branch);
      return pull ? summarize(pull) : undefined;
    });
  }

  /** Recently closed pull requests into `base` (one page, newest first): where rollback looks for merged promotions. */
  recentlyClosedPulls(base: string): Promise<PullSummary[]> {
    return this.call({ what: `list closed pull requests into ${base}`, permission: "pull-requests: read" }, async () => {
      const { data } = await this.octokit.rest.pulls.list({ ...this.repoParams, base, state: "closed", sort: "updated", direction: "desc", per_page: 100 });
      return data.map(summarize);
    });
  }

  /** Who opened a pull request and the commit its merge created (what rollback checks a promotion record against). */
  mergedPull(number: number): Promise<{ author: string | undefined; mergeCommit: string | null }> {
    return this.call({ what: `read pull request #${number}`, permission: "pull-requests: read" }, async () => {
      const { data } = await this.octokit.rest.pulls.get({ ...this.repoParams, pull_number: number });
      return { author: data.user?.login, mergeCommit: data.merge_commit_sha };
    });
  }

  createPull(input: { branch: string; base: string; title: string; body: string }): Promise<PullSummary> {
    return this.call({ what: "open the promotion pull request", permission: PULLS_WRITE }, async () => {
      const { data } = await this.octokit.rest.pulls.create({ ...this.repoParams, head: input.branch, base: input.base, title: input.title, body: input.body, maintainer_can_modify: false });
      return summarize(data);
    });
  }

  updatePull(number: number, input: { title: string; body: string }): Promise<PullSummary> {
    return this.call({ what: `update pull request #${number}`, permission: PULLS_WRITE }, async () => {
      const { data } = await this.octokit.rest.pulls.update({ ...this.repoParams, pull_number: number, title: input.title, body: input.body });
      return summarize(data);
    });
  }

  addLabels(number: number, labels: string[]): Promise<void> {
    return this.call({ what: `label pull request #${number}`, permission: PULLS_WRITE }, async () => {
      await this.octokit.rest.issues.addLabels({ ...this.repoParams, issue_number: number, labels });
    });
  }

  requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<void> {
    return this.call({ what: `request reviewers on pull request #${number}`, permission: PULLS_WRITE }, async () => {
      await this.octokit.rest.pulls.requestReviewers({ ...this.repoParams, pull_number: number, reviewers, team_reviewers: teamReviewers });
    });
  }

  enableAutoMerge(pullNodeId: string, method: MergeMethod): Promise<void> {
    return this.call({ what: "enable auto-merge", permission: `${CONTENTS_WRITE} and ${PULLS_WRITE}` }, async () => {
      await this.graphqlMutation(
        `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { clientMutationId }
        }`,
        { pullRequestId: pullNodeId, mergeMethod: method.toUpperCase() },
      );
    });
  }

  /** GraphQL answers 200 with `errors` for refused mutations; those become PRM049 with GitHub's words. */
  private async graphqlMutation(query: string, variables: Record<string, unknown>): Promise<void> {
    try {
      await this.octokit.graphql(query, variables);
    } catch (error) {
      const errors = (error as { errors?: Array<{ message?: string }> }).errors;
      if (Array.isArray(errors) && errors.length > 0) {
        throw new PromotionError("PRM049", `GitHub refused to enable auto-merge on ${this.fullName}: ${errors.map((e) => e.message).join("; ")}`);
      }
      throw error;
    }
  }

  comments(number: number): Promise<CommentSummary[]> {
    return this.call({ what: `read the comments of pull request #${number}`, permission: "pull-requests: read" }, async () => {
      const { data } = await this.octokit.rest.issues.listComments({ ...this.repoParams, issue_number: number, per_page: 100 });
      return data.map((c) => ({ id: Number(c.id), body: c.body ?? "" }));
    });
  }

  createComment(number: number, body: string): Promise<void> {
    return this.call({ what: `comment on pull request #${number}`, permission: PULLS_WRITE }, async () => {
      await this.octokit.rest.issues.createComment({ ...this.repoParams, issue_number: number, body });
    });
  }

  updateComment(id: number, body: string): Promise<void> {
    return this.call({ what: `update comment ${id}`, permission: PULLS_WRITE }, async () => {
      await this.octokit.rest.issues.updateComment({ ...this.repoParams, comment_id: id, body });
    });
  }

  deleteComment(id: number): Promise<void> {
    return this.call({ what: `delete comment ${id}`, permission: PULLS_WRITE }, async () => {
      await this.octokit.rest.issues.deleteComment({ ...this.repoParams, comment_id: id });
    });
  }

  /** Repository settings and the token's classic OAuth scopes (x-oauth-scopes; undefined for fine-grained and App tokens). */
  repository() {
    return this.call({ what: "read the repository settings", permission: "metadata: read" }, async () => {
      const response = await this.octokit.rest.repos.get(this.repoParams);
      const header = response.headers["x-oauth-scopes"];
      const scopes = typeof header === "string" ? header.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
      return { settings: response.data, scopes };
    });
  }

  branch(name: string) {
    return this.call({ what: `read the branch ${name}`, permission: "contents: read" }, async () => (await this.octokit.rest.repos.getBranch({ ...this.repoParams, branch: name })).data, () => undefined);
  }

  /** The branch protection rule, or a reason it could not be read (not protected, or the token may not read it). */
  branchProtection(name: string) {
    this.calls++;
    return this.octokit.rest.repos.getBranchProtection({ ...this.repoParams, branch: name }).then(
      (response) => ({ protection: response.data, unreadable: undefined as string | undefined }),
      (error: { status?: number; message?: string }) => {
        if (error.status === 404) return { protection: undefined, unreadable: undefined };
        if (error.status === 403) return { protection: undefined, unreadable: "the token may not read branch protection (that needs administration: read)" };
        throw toPromotionError(error, { what: `read the protection of ${name}`, permission: "administration: read" }, this.fullName);
      },
    );
  }

  labelExists(name: string): Promise<boolean> {
    return this.call(
      { what: `read the label ${name}`, permission: "metadata: read" },
      async () => {
        await this.octokit.rest.issues.getLabel({ ...this.repoParams, name });
        return true;
      },
      () => false,
    );
  }
}

interface PullLike {
  number: number;
  node_id: string;
  html_url: string;
  title: string;
  body: string | null;
  head: { ref: string };
  labels: Array<{ name?: string } | string>;
  auto_merge: unknown;
  merged_at: string | null;
}

function summarize(pull: PullLike): PullSummary {
  return {
    number: pull.number,
    nodeId: pull.node_id,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? "",
    headRef: pull.head.ref,
    labels: pull.labels.map((l) => (typeof l === "string" ? l : l.name ?? "")).filter(Boolean),
    autoMergeEnabled: pull.auto_merge !== null && pull.auto_merge !== undefined,
    mergedAt: pull.merged_at,
  };
}
