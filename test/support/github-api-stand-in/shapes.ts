import type { components } from "@octokit/openapi-types";

/**
 * Response bodies of the stand-in, each typed with GitHub's published OpenAPI description
 * (@octokit/openapi-types): if a shape misses a required field or has a wrong type, the type check
 * fails, so the stand-in cannot drift from what GitHub really answers.
 */
type Schemas = components["schemas"];

export interface Site {
  /** http://127.0.0.1:<port> */
  api: string;
  web: string;
  owner: string;
  repo: string;
}

const EPOCH = "2025-01-06T09:00:00Z";

export function simpleUser(site: Site, login: string, id: number, type: "User" | "Bot" | "Organization" = "User"): Schemas["simple-user"] {
  const url = `${site.api}/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `${site.web}/avatars/${login}`,
    gravatar_id: "",
    url,
    html_url: `${site.web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

export interface RepositorySettings {
  private: boolean;
  archived: boolean;
  defaultBranch: string;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  allowAutoMerge: boolean;
  permissions?: { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean };
}

function repositoryUrls(site: Site) {
  const url = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${new URL(site.web).host}/${site.owner}/${site.repo}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${new URL(site.web).host}:${site.owner}/${site.repo}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${site.web}/${site.owner}/${site.repo}.git`,
    hooks_url: `${url}/hooks`,
    svn_url: `${site.web}/${site.owner}/${site.repo}`,
  };
}

export function repository(site: Site, settings: RepositorySettings): Schemas["repository"] {
  return {
    id: 1001,
    node_id: "R_1001",
    name: site.repo,
    full_name: `${site.owner}/${site.repo}`,
    license: null,
    forks: 0,
    owner: simpleUser(site, site.owner, 1, "Organization"),
    private: settings.private,
    html_url: `${site.web}/${site.owner}/${site.repo}`,
    description: "GitOps monorepo (stand-in)",
    fork: false,
    ...repositoryUrls(site),
    mirror_url: null,
    homepage: null,
    language: "TypeScript",
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 100,
    default_branch: settings.defaultBranch,
    open_issues_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    archived: settings.archived,
    disabled: false,
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    open_issues: 0,
    watchers: 0,
    allow_merge_commit: settings.allowMergeCommit,
    allow_squash_merge: settings.allowSquashMerge,
    allow_rebase_merge: settings.allowRebaseMerge,
    allow_auto_merge: settings.allowAutoMerge,
    ...(settings.permissions ? { permissions: settings.permissions } : {}),
  };
}

export function fullRepository(site: Site, settings: RepositorySettings): Schemas["full-repository"] {
  const base = repository(site, settings);
  return {
    ...base,
    owner: base.owner,
    has_discussions: false,
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    subscribers_count: 0,
    network_count: 0,
  };
}

export function gitRef(site: Site, ref: string, sha: string): Schemas["git-ref"] {
  const base = `${site.api}/repos/${site.owner}/${site.repo}`;
  return { ref, node_id: `REF_${Buffer.from(ref).toString("base64url")}`, url: `${base}/git/${ref}`, object: { type: "commit", sha, url: `${base}/git/commits/${sha}` } };
}

export function shortBlob(site: Site, sha: string): Schemas["short-blob"] {
  return { sha, url: `${site.api}/repos/${site.owner}/${site.repo}/git/blobs/${sha}` };
}

export function blob(site: Site, sha: string, content: Buffer): Schemas["blob"] {
  return { sha, node_id: `B_${sha}`, url: `${site.api}/repos/${site.owner}/${site.repo}/git/blobs/${sha}`, content: content.toString("base64"), encoding: "base64", size: content.length };
}

export function gitTree(site: Site, sha: string, entries: Array<{ path: string; mode: string; type: string; sha: string; size?: number }>): Schemas["git-tree"] {
  const base = `${site.api}/repos/${site.owner}/${site.repo}/git`;
  return {
    sha,
    url: `${base}/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.size !== undefined ? { size: e.size } : {}), url: `${base}/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}` })),
  };
}

export function gitCommit(site: Site, commit: { sha: string; tree: string; parents: string[]; message: string; author: { name: string; email: string; date: string }; committer: { name: string; email: string; date: string } }): Schemas["git-commit"] {
  const base = `${site.api}/repos/${site.owner}/${site.repo}/git`;
  const web = `${site.web}/${site.owner}/${site.repo}`;
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    url: `${base}/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message.replace(/\n$/, ""),
    tree: { sha: commit.tree, url: `${base}/trees/${commit.tree}` },
    parents: commit.parents.map((p) => ({ sha: p, url: `${base}/commits/${p}`, html_url: `${web}/commit/${p}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string;
}

export function label(site: Site, record: LabelRecord): Schemas["label"] {
  return { id: record.id, node_id: `LA_${record.id}`, url: `${site.api}/repos/${site.owner}/${site.repo}/labels/${encodeURIComponent(record.name)}`, name: record.name, description: record.description, color: record.color, default: false };
}

export interface PullRecord {
  number: number;
  id: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  labels: LabelRecord[];
  requestedReviewers: string[];
  requestedTeams: string[];
  autoMerge: { method: "merge" | "squash" | "rebase" } | null;
  author: string;
}

function pullCommon(site: Site, pull: PullRecord, heads: { head: string; base: string }, settings: RepositorySettings) {
  const repoUrl = `${site.api}/repos/${site.owner}/${site.repo}`;
  const html = `${site.web}/${site.owner}/${site.repo}/pull/${pull.number}`;
  const url = `${repoUrl}/pulls/${pull.number}`;
  const author = simpleUser(site, pull.author, 41898282, "Bot");
  const repo = repository(site, settings);
  return {
    url,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${repoUrl}/issues/${pull.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${repoUrl}/issues/${pull.number}/comments`,
    statuses_url: `${repoUrl}/statuses/${heads.head}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: author,
    body: pull.body,
    milestone: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedReviewers.map((login, i) => simpleUser(site, login, 5000 + i)),
    head: { label: `${site.owner}:${pull.head}`, ref: pull.head, repo, sha: heads.head, user: repo.owner },
    base: { label: `${site.owner}:${pull.base}`, ref: pull.base, repo, sha: heads.base, user: repo.owner },
    _links: {
      comments: { href: `${repoUrl}/issues/${pull.number}/comments` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${heads.head}` },
      html: { href: html },
      issue: { href: `${repoUrl}/issues/${pull.number}` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
      self: { href: url },
    },
    author_association: "NONE" as const,
    auto_merge: pull.autoMerge ? { enabled_by: author, merge_method: pull.autoMerge.method, commit_title: pull.title, commit_message: "" } : null,
    draft: pull.draft,
  };
}

function team(site: Site, slug: string, id: number): Schemas["team"] {
  const url = `${site.api}/orgs/${site.owner}/teams/${slug}`;
  return { id, node_id: `T_${id}`, name: slug, slug, description: null, permission: "pull", url, html_url: `${site.web}/orgs/${site.owner}/teams/${slug}`, members_url: `${url}/members{/member}`, repositories_url: `${url}/repos`, type: "organization", parent: null };
}

export function pullRequestSimple(site: Site, pull: PullRecord, heads: { head: string; base: string }, settings: RepositorySettings): Schemas["pull-request-simple"] {
  return {
    ...pullCommon(site, pull, heads, settings),
    labels: pull.labels.map((l) => label(site, l)).map((l) => ({ ...l, description: l.description ?? "" })),
    requested_teams: pull.requestedTeams.map((slug, i) => team(site, slug, 7000 + i)),
  };
}

export function pullRequest(site: Site, pull: PullRecord, heads: { head: string; base: string }, settings: RepositorySettings, stats: { changedFiles: number; commits: number }): Schemas["pull-request"] {
  const common = pullCommon(site, pull, heads, settings);
  return {
    ...common,
    labels: pull.labels.map((l) => label(site, l)),
    requested_teams: pull.requestedTeams.map((slug, i) => {
      const { parent: _parent, permissions: _permissions, access_source: _access, ...simple } = team(site, slug, 7000 + i);
      return simple;
    }),
    merged: pull.mergedAt !== null,
    mergeable: pull.state === "open" ? true : null,
    rebaseable: pull.state === "open" ? true : null,
    mergeable_state: pull.state === "open" ? "clean" : "unknown",
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: 0,
    deletions: 0,
    changed_files: stats.changedFiles,
  };
}

export interface CommentRecord {
  id: number;
  issue: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export function issueComment(site: Site, comment: CommentRecord): Schemas["issue-comment"] {
  const repoUrl = `${site.api}/repos/${site.owner}/${site.repo}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `${site.web}/${site.owner}/${site.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
    body: comment.body,
    user: simpleUser(site, "promotion-bot", 41898282, "Bot"),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoUrl}/issues/${comment.issue}`,
    author_association: "NONE",
  };
}

export interface ProtectionSettings {
  requiredApprovingReviewCount: number;
  requiredStatusChecks: string[];
}

export function branchProtection(site: Site, branch: string, protection: ProtectionSettings): Schemas["branch-protection"] {
  const url = `${site.api}/repos/${site.owner}/${site.repo}/branches/${branch}/protection`;
  return {
    url,
    enabled: true,
    required_status_checks: { url: `${url}/required_status_checks`, contexts: protection.requiredStatusChecks, checks: protection.requiredStatusChecks.map((context) => ({ context, app_id: null })), strict: true },
    required_pull_request_reviews: { url: `${url}/required_pull_request_reviews`, dismiss_stale_reviews: true, require_code_owner_reviews: false, required_approving_review_count: protection.requiredApprovingReviewCount },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
  };
}

export function branchWithProtection(site: Site, branch: string, commit: { sha: string; tree: string; parents: string[]; message: string; author: { name: string; email: string; date: string }; committer: { name: string; email: string; date: string } }, protection: ProtectionSettings | undefined): Schemas["branch-with-protection"] {
  const repoUrl = `${site.api}/repos/${site.owner}/${site.repo}`;
  const web = `${site.web}/${site.owner}/${site.repo}`;
  return {
    name: branch,
    commit: {
      url: `${repoUrl}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: `C_${commit.sha}`,
      html_url: `${web}/commit/${commit.sha}`,
      comments_url: `${repoUrl}/commits/${commit.sha}/comments`,
      commit: {
        url: `${repoUrl}/git/commits/${commit.sha}`,
        author: commit.author,
        committer: commit.committer,
        message: commit.message.replace(/\n$/, ""),
        comment_count: 0,
        tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
      },
      author: null,
      committer: null,
      parents: commit.parents.map((p) => ({ sha: p, url: `${repoUrl}/commits/${p}`, html_url: `${web}/commit/${p}` })),
    },
    _links: { html: `${web}/tree/${branch}`, self: `${repoUrl}/branches/${branch}` },
    protected: protection !== undefined,
    protection: protection ? branchProtection(site, branch, protection) : { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
    protection_url: `${repoUrl}/branches/${branch}/protection`,
  };
}

export function installation(site: Site, id: number, appId: number): Schemas["installation"] {
  return {
    id,
    account: simpleUser(site, site.owner, 1, "Organization"),
    repository_selection: "selected",
    access_tokens_url: `${site.api}/app/installations/${id}/access_tokens`,
    repositories_url: `${site.api}/installation/repositories`,
    html_url: `${site.web}/organizations/${site.owner}/settings/installations/${id}`,
    app_id: appId,
    target_id: 1,
    target_type: "Organization",
    permissions: { contents: "write", pull_requests: "write", metadata: "read" },
    events: [],
    created_at: EPOCH,
    updated_at: EPOCH,
    single_file_name: null,
    app_slug: "promotion-bot",
    suspended_by: null,
    suspended_at: null,
  };
}

export function installationToken(token: string, expiresAt: string): Schemas["installation-token"] {
  return { token, expires_at: expiresAt, permissions: { contents: "write", pull_requests: "write", metadata: "read" }, repository_selection: "selected" };
}

export function errorBody(message: string, errors?: Array<{ resource: string; field?: string; code: string; message?: string }>): { message: string; documentation_url: string; status: string; errors?: unknown[] } {
  return { message, documentation_url: "https://docs.github.com/rest", status: "", ...(errors ? { errors } : {}) };
}
