import type { PromotionConfig } from "./config.js";
import type { GitHubRepository } from "./github-repository.js";

export interface DoctorCheck {
  status: "ok" | "warn" | "fail";
  title: string;
  detail: string;
  fix?: string;
}

export interface DoctorInput {
  base: string;
  config: PromotionConfig;
  authentication: "token" | "app";
  /** True inside GitHub Actions (GITHUB_ACTIONS=true). */
  inActions: boolean;
}

/**
 * Repository preflight: can this token do a promotion here, and what will the pull request meet?
 * Checks access and the token's rights, the base branch and its protection, the merge methods and
 * auto-merge the repository allows, the configured labels, and warns about the workflow token.
 */
export async function runDoctor(github: GitHubRepository, input: DoctorInput): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const { settings, scopes } = await github.repository();
  const permissions = settings.permissions;
  if (permissions === undefined) {
    checks.push({ status: "warn", title: "token permissions", detail: `GitHub did not report the token's permissions on ${github.fullName} (typical of App installation tokens).`, fix: "Make sure the token has contents: write and pull-requests: write." });
  } else if (!permissions.push) {
    checks.push({ status: "fail", title: "token permissions", detail: `the token may not push to ${github.fullName} (granted: ${grantedOf(permissions)}).`, fix: "Grant contents: write and pull-requests: write (fine-grained token or App), or the repo scope (classic token)." });
  } else {
    checks.push({ status: "ok", title: "token permissions", detail: `the token may push to ${github.fullName} (granted: ${grantedOf(permissions)}).` });
  }
  if (scopes !== undefined) {
    const enough = scopes.includes("repo") || (!settings.private && scopes.includes("public_repo"));
    checks.push(
      enough
        ? { status: "ok", title: "token scopes", detail: `classic token scopes: ${scopes.join(", ") || "(none)"}.` }
        : { status: "fail", title: "token scopes", detail: `classic token scopes ${scopes.join(", ") || "(none)"} do not include ${settings.private ? "repo" : "repo or public_repo"}.`, fix: "Add the repo scope, or use a fine-grained token with contents: write and pull-requests: write." },
    );
  }
  if (settings.archived) checks.push({ status: "fail", title: "repository", detail: `${github.fullName} is archived: nothing can be pushed.`, fix: "Unarchive the repository." });

  const branch = await github.branch(input.base);
  if (!branch) {
    checks.push({ status: "fail", title: "base branch", detail: `${input.base} does not exist on ${github.fullName} (default branch: ${settings.default_branch}).`, fix: `Pass --base ${settings.default_branch}, or create ${input.base}.` });
  } else if (!branch.protected) {
    checks.push({ status: "warn", title: "base branch", detail: `${input.base} exists but is not protected: a promotion could be merged without review or checks, and auto-merge has nothing to wait for.`, fix: `Protect ${input.base} (required reviews and status checks).` });
  } else {
    const { protection, unreadable } = await github.branchProtection(input.base);
    const reviews = protection?.required_pull_request_reviews?.required_approving_review_count;
    const contexts = protection?.required_status_checks?.contexts ?? [];
    const detail = protection
      ? `${input.base} is protected: ${reviews ? `${reviews} approving review(s)` : "no required reviews"}, ${contexts.length > 0 ? `required checks ${contexts.join(", ")}` : "no required status checks"}.`
      : `${input.base} is protected (${unreadable ?? "rule details not available"}).`;
    checks.push({ status: "ok", title: "base branch", detail });
  }

  const methods = [settings.allow_merge_commit ? "merge" : undefined, settings.allow_squash_merge ? "squash" : undefined, settings.allow_rebase_merge ? "rebase" : undefined].filter((m): m is string => m !== undefined);
  checks.push({ status: methods.length > 0 ? "ok" : "fail", title: "merge methods", detail: methods.length > 0 ? `the repository allows ${methods.join(", ")} merges.` : "the repository allows no merge method.", ...(methods.length > 0 ? {} : { fix: "Enable at least one merge method in the repository settings." }) });
  const autoMerge = input.config.autoMerge;
  if (autoMerge) {
    if (!settings.allow_auto_merge) checks.push({ status: "fail", title: "auto-merge", detail: "the configuration enables auto-merge, but the repository does not allow it.", fix: "Enable 'Allow auto-merge' in the repository settings, or set autoMerge: false in .github/promotion.yml." });
    else if (!methods.includes(autoMerge)) checks.push({ status: "fail", title: "auto-merge", detail: `the configuration auto-merges with ${autoMerge}, which the repository does not allow.`, fix: `Use one of ${methods.join(", ")} in .github/promotion.yml.` });
    else checks.push({ status: "ok", title: "auto-merge", detail: `promotion pull requests will auto-merge (${autoMerge}) once the base branch's requirements pass.` });
  } else {
    checks.push({ status: "ok", title: "auto-merge", detail: `not configured (the repository ${settings.allow_auto_merge ? "allows" : "does not allow"} it).` });
  }

  for (const label of input.config.labels) {
    const exists = await github.labelExists(label);
    checks.push(exists ? { status: "ok", title: "label", detail: `"${label}" exists.` } : { status: "warn", title: "label", detail: `"${label}" does not exist; GitHub creates it with a default color on first use.`, fix: `Create the label "${label}" to choose its color and description.` });
  }

  if (input.authentication === "token") {
    checks.push({
      status: "warn",
      title: "workflow token",
      detail: `pull requests opened with a workflow's GITHUB_TOKEN do not trigger other workflows, so CI would not run on the promotion pull request${input.inActions ? " (this run is inside GitHub Actions)" : ""}.`,
      fix: "In the workflow, authenticate as a GitHub App (GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY) or with a dedicated token instead of github.token.",
    });
  } else {
    checks.push({ status: "ok", title: "workflow token", detail: "authenticating as a GitHub App: its pull requests trigger workflows." });
  }
  return checks;
}

export function formatDoctor(repository: string, apiUrl: string, checks: readonly DoctorCheck[]): string {
  const marks = { ok: "ok  ", warn: "WARN", fail: "FAIL" };
  const lines = [`promote --doctor: ${repository} via ${apiUrl}`];
  for (const check of checks) {
    lines.push(`  ${marks[check.status]} ${check.title}: ${check.detail}`);
    if (check.fix && check.status !== "ok") lines.push(`       fix: ${check.fix}`);
  }
  const failures = checks.filter((c) => c.status === "fail").length;
  const warnings = checks.filter((c) => c.status === "warn").length;
  lines.push(failures > 0 ? `${failures} check(s) failed, ${warnings} warning(s): fix the failures before promoting.` : `ready to promote (${warnings} warning(s)).`);
  return lines.join("\n");
}

function grantedOf(permissions: Record<string, boolean | undefined>): string {
  return Object.entries(permissions)
    .filter(([, granted]) => granted)
    .map(([name]) => name)
    .join(", ");
}
