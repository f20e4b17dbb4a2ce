/**
 * The promotion command's error catalogue. Every failure carries a stable code so that the docs'
 * troubleshooting table, the tests and CI logs point at the same entry: `cause` explains what
 * usually leads there and `fix` what to do about it.
 */
export const PROMOTION_ERRORS = {
  PRM001: { title: "Invalid command line", cause: "An unknown flag, a missing flag value or an impossible combination (such as --from equal to --to).", fix: "Run `nx run generate:promote -- --help` for the usage." },
  PRM002: { title: "Unknown environment", cause: "--from or --to names no directory under environments/ at the base commit.", fix: "Pass the name of an environment under environments/ (as committed on the base branch)." },
  PRM003: { title: "Unknown component", cause: "--components names a component the source and target environments do not list.", fix: "Use component names from `components:` in environment.yaml (comma-separated, no spaces needed)." },
  PRM004: { title: "Unreadable environment file", cause: "environment.yaml of the source or target does not parse, or a promotable pin has an unexpected shape (not a plain scalar).", fix: "Fix the file (run `nx run generate:gitops -- --check` for a full report), commit it, then promote again." },
  PRM005: { title: "No GitHub credentials", cause: "Neither GITHUB_TOKEN nor a GitHub App (GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY) is set; only --dry-run works without credentials.", fix: "Export GITHUB_TOKEN (a token with contents: write and pull-requests: write), or configure a GitHub App." },
  PRM006: { title: "Repository unknown", cause: "No --repo was given, GITHUB_REPOSITORY is not set (or is not a valid owner/name) and the `origin` remote is not a GitHub URL.", fix: "Pass --repo owner/name (owner: letters, digits and dashes; name: letters, digits, '.', '_' and '-')." },
  PRM007: { title: "Invalid promotion configuration", cause: ".github/promotion.yml does not parse or has an unknown key or a value of the wrong type.", fix: "Fix .github/promotion.yml: keys labels, reviewers, teamReviewers (lists of names), autoMerge (false, merge, squash or rebase) and imageSources (component: URL)." },
  PRM008: { title: "Not a GitOps repository at the base commit", cause: "The base commit has no schemas/environment.json: --root points at another repository, --base names the wrong branch, or the files are not committed yet.", fix: "Run the promotion in a clone of this repository (or pass --root), and make sure schemas/ and environments/ are committed on the base branch." },
  PRM009: { title: "Invalid GitHub URL", cause: "GITHUB_API_URL or GITHUB_SERVER_URL is not an absolute URL, is not https (the token would travel in cleartext; plain http is allowed only to localhost for tests), or carries credentials, a query or a fragment.", fix: "Unset GITHUB_API_URL for github.com, or set it to your GitHub Enterprise API, e.g. https://github.example.com/api/v3." },
  PRM010: { title: "Base commit not available locally", cause: "The head of the base branch on GitHub is not in the local clone (the clone is shallow or behind), so the promotion cannot read the files it must edit.", fix: "Run `git fetch origin <base>` (in CI: actions/checkout with fetch-depth: 0) and promote again." },
  PRM011: { title: "Git command failed", cause: "The directory is not a Git repository, or a read-only git command (rev-parse, ls-tree, cat-file) failed.", fix: "Run the command inside a clone of the repository (or pass --root); the message shows git's own error." },
  PRM012: { title: "Pin cannot be edited in place", cause: "A promotable value is an alias, a block scalar or sits in a structure the byte-preserving editor cannot change without reformatting the file.", fix: "Write the pin as a plain or quoted scalar (`imageTag: v1.2.3`) in the target environment.yaml, commit, and promote again." },
  PRM013: { title: "Regeneration failed", cause: "After the pins were applied the generator rejected the target environment (for example a moving branch promoted into production, or a missing values file).", fix: "Fix the reported problems (they carry GEN codes from `nx run generate:gitops`), commit, and promote again." },
  PRM014: { title: "Image digest missing for production", cause: "The plan would give a production component an image tag without its digest: the source environment records no imageDigest for it (or, for a rollback, the promotion being undone recorded none). Production pulls images by digest (GEN037).", fix: "Record the digest the image build pushed for the tag (`crane digest <image>:<tag>`) as imageDigest in the source environment, merge it, and promote again." },
  PRM015: { title: "Moving revision cannot be pinned", cause: "Promoting into staging or production, a source chartRevision names a branch (or tag) that does not exist on GitHub or in the local clone, or whose commit the local clone lacks, so it cannot be turned into the commit SHA those environments require.", fix: "Push the branch (or merge the change into the base branch and pin that), or pin a commit SHA in the source environment; run `git fetch origin` so the clone has the commit, then promote again." },
  PRM016: { title: "Mutable image reference", cause: "Promoting into staging (which, like production, takes images only by digest from a promotion), a component's image tag in the source has no imageDigest: a tag such as main is pushed again with every build.", fix: "Record the digest the image build pushed for the tag (`crane digest <image>:<tag>`) as imageDigest in the source environment, merge it, and promote again." },
  PRM020: { title: "Freeze window active", cause: "A deny sync window of the target environment is active, or allow windows exist and none is active.", fix: "Wait until the window ends, or pass --override-freeze \"<reason>\"; the reason is recorded in the pull request." },
  PRM021: { title: "Source environment not ready", cause: "The Argo CD gate found a source Application that is not Synced and Healthy at the revisions being promoted.", fix: "Wait for the source environment to sync and become healthy (check the Application in Argo CD), or unset ARGOCD_SERVER to skip the gate." },
  PRM022: { title: "Argo CD unreachable", cause: "ARGOCD_SERVER is set but its API did not answer, refused ARGOCD_TOKEN or returned something unexpected.", fix: "Check ARGOCD_SERVER (host or URL of the Argo CD API) and that ARGOCD_TOKEN is a valid token with `applications, get` permission." },
  PRM023: { title: "Unknown cluster", cause: "--clusters names a cluster the target's environment.yaml does not list under clusters:, or the target runs in one cluster.", fix: "Pass names from clusters: in environments/<to>/environment.yaml (comma-separated, in train order), or leave out --clusters for an environment in one cluster." },
  PRM024: { title: "Earlier cluster not ready", cause: "A step of a progressive promotion skips over clusters listed before its own (the train order) that do not run the promoted pins yet, or that Argo CD does not report Synced and Healthy at them.", fix: "Promote the earlier clusters first (--clusters <earlier>) and wait until their Applications are Synced and Healthy; or pass --override-gate \"<reason>\" to go ahead, which is recorded in the pull request." },
  PRM025: { title: "Cluster gate cannot ask Argo CD", cause: "A step of a progressive promotion must check that the earlier clusters are Synced and Healthy, but ARGOCD_TARGET_SERVER (the target environment's Argo CD) is not set, or ARGOCD_TARGET_TOKEN is empty.", fix: "Export ARGOCD_TARGET_SERVER and ARGOCD_TARGET_TOKEN (a token of the target's Argo CD with applications, get), or pass --override-gate \"<reason>\"." },
  PRM026: { title: "Source runs different pins per cluster", cause: "The source environment has clusters whose own pins (clusters[].pins) differ from its components: pins for a promoted component, so it is ambiguous which to promote.", fix: "Finish the source's progressive promotion first (every cluster at the same pins), or promote the other components with --components." },
  PRM030: { title: "Nothing to roll back", cause: "No merged promotion pull request into this environment still has its pins in place.", fix: "Check the merged `promote/*` pull requests; promote a known-good revision explicitly instead." },
  PRM040: { title: "Bad credentials (401)", cause: "GitHub rejected the token: it is expired, revoked, mistyped, or meant for another GitHub host.", fix: "Create a new token (or check GITHUB_API_URL for GitHub Enterprise) and export it as GITHUB_TOKEN." },
  PRM041: { title: "Permission denied (403)", cause: "The token is valid but may not do this: it lacks a permission, SSO is not authorized for it, or a ruleset forbids the change.", fix: "Grant the permission named in the message (contents: write, pull-requests: write), authorize SSO for the token, or run `--doctor`." },
  PRM042: { title: "Not found (404)", cause: "The repository or branch does not exist, or the token cannot see the repository (GitHub answers 404 rather than 403 for private repositories).", fix: "Check --repo and --base, and that the token has access to the repository." },
  PRM043: { title: "Rejected by GitHub (422)", cause: "GitHub refused the request as invalid (for example a base branch that does not exist, or a pull request body over the limit).", fix: "Read GitHub's message in the error; run `--doctor` to check the repository settings." },
  PRM044: { title: "Conflict (409)", cause: "The repository is empty, archived, or a concurrent change conflicted with this one.", fix: "Make sure the base branch has commits and the repository is not archived, then run the promotion again." },
  PRM045: { title: "Rate limited", cause: "GitHub's primary or secondary rate limit was still exceeded after waiting and retrying.", fix: "Wait for the reset time in the message and run again; in CI, avoid running many promotions at once." },
  PRM046: { title: "GitHub unavailable", cause: "GitHub answered with server errors (5xx) or the connection failed, even after retries with backoff.", fix: "Run the promotion again later: it resumes where it stopped (the branch and the pull request are found and reused)." },
  PRM047: { title: "Pull request body too large", cause: "The pin table and notes alone exceed GitHub's 65,536-character limit, so splitting the rendered diff cannot help.", fix: "Promote fewer components at a time with --components." },
  PRM048: { title: "GitHub App authentication failed", cause: "GITHUB_APP_ID / GITHUB_APP_PRIVATE_KEY are wrong, or the App is not installed on the repository.", fix: "Check the App ID and private key, install the App on the repository (or set GITHUB_APP_INSTALLATION_ID)." },
  PRM049: { title: "Auto-merge not available", cause: "The configuration asks for auto-merge but the repository does not allow it, or the base branch has no protection rule that auto-merge could wait for.", fix: "Enable 'Allow auto-merge' in the repository settings and protect the base branch, or set autoMerge: false in .github/promotion.yml." },
  PRM050: { title: "Unexpected GitHub response", cause: "GitHub answered with a status or a shape the promotion does not handle.", fix: "Run again with the same arguments; if it persists, report the message (it contains no credentials)." },
} as const satisfies Record<string, { title: string; cause: string; fix: string }>;

export type PromotionErrorCode = keyof typeof PROMOTION_ERRORS;

/** A failure the user can act on: which code, what happened (with the file or endpoint) and what to do. */
export class PromotionError extends Error {
  readonly code: PromotionErrorCode;
  readonly fix: string;

  constructor(code: PromotionErrorCode, message: string, fix?: string) {
    super(message);
    this.name = "PromotionError";
    this.code = code;
    this.fix = fix ?? PROMOTION_ERRORS[code].fix;
  }
}

export function isPromotionError(error: unknown): error is PromotionError {
  return error instanceof PromotionError;
}

/** `CODE message` and the fix on the next line, as printed by the CLI. */
export function formatPromotionError(error: PromotionError): string {
  return `${error.code} ${error.message}\n    fix: ${error.fix}`;
}
