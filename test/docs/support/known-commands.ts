/**
 * Programs the docs may use that this repository does not install, so their flags cannot be read
 * from a `--help`: for each, the subcommands the docs use and the flags each accepts, copied from
 * the program's reference. A documented command with a subcommand or flag missing here fails the
 * doc test: check the reference, then add it.
 *
 * - git: https://git-scm.com/docs (git 2.4x)
 * - argocd: https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd/ (Argo CD 3.x CLI)
 * - npm: https://docs.npmjs.com/cli/v10/commands
 */
export interface KnownProgram {
  reference: string;
  /** Flags every subcommand accepts (the program's global or persistent flags). */
  globalFlags: readonly string[];
  /** Subcommand path (words joined by a space) → its flags. Longest path wins. */
  subcommands: Readonly<Record<string, readonly string[]>>;
}

const ARGOCD_OUTPUT = ["-o", "--output"];
const ARGOCD_SELECTOR = ["-l", "--selector"];

export const KNOWN_PROGRAMS: Readonly<Record<string, KnownProgram>> = {
  git: {
    reference: "https://git-scm.com/docs",
    globalFlags: [],
    subcommands: {
      add: ["-A", "--all", "-p", "--patch"],
      clone: ["-b", "--branch", "--depth", "--origin"],
      commit: ["-a", "--all", "-m", "--message", "-s", "--signoff"],
      diff: ["--stat", "--name-only", "--cached", "--exit-code"],
      fetch: ["--tags", "--prune", "--all"],
      log: ["--oneline", "-n", "--max-count", "--merges", "--first-parent", "--grep", "-p", "--patch", "--stat", "--format"],
      pull: ["--ff-only", "--rebase"],
      push: ["-u", "--set-upstream", "--tags", "--force-with-lease"],
      restore: ["--source", "--staged", "--worktree"],
      revert: ["--no-edit", "-m", "--mainline", "-n", "--no-commit"],
      show: ["--stat", "--name-only", "--format"],
      status: ["-s", "--short"],
      switch: ["-c", "--create", "--detach"],
      tag: ["-a", "--annotate", "-m", "--message", "-s", "--sign", "-l", "--list"],
    },
  },
  argocd: {
    reference: "https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd/",
    globalFlags: ["--server", "--grpc-web", "--auth-token", "--insecure", "--plaintext", "--port-forward", "--port-forward-namespace", "--core", "--config", "-h", "--help"],
    subcommands: {
      login: ["--sso", "--sso-port", "--username", "--password", "--name", "--skip-test-tls"],
      "account get-user-info": [...ARGOCD_OUTPUT],
      "app list": ["-p", "--project", "-r", "--repo", "-c", "--cluster", ...ARGOCD_SELECTOR, ...ARGOCD_OUTPUT],
      "app get": ["--refresh", "--hard-refresh", "--show-operation", "--show-params", ...ARGOCD_OUTPUT],
      "app sync": ["--prune", "--dry-run", "--resource", "--revision", "--force", "--async", "--timeout", "--retry-limit", "--server-side", "--apply-out-of-sync-only", "--preview-changes", "--local", "--strategy", "--replace", "--label", "--assumeYes", ...ARGOCD_SELECTOR],
      "app wait": ["--health", "--sync", "--operation", "--degraded", "--suspended", "--timeout", "--resource", ...ARGOCD_SELECTOR],
      "app history": [...ARGOCD_OUTPUT],
      "app diff": ["--refresh", "--hard-refresh", "--local", "--revision", "--server-side-generate", "--exit-code"],
      "app manifests": ["--source", "--revision"],
      "app resources": ["--orphaned", ...ARGOCD_OUTPUT],
      "app logs": ["--kind", "--name", "--namespace", "--group", "-c", "--container", "-f", "--follow", "--tail", "--since-seconds"],
      "app terminate-op": [],
      "app delete": ["--cascade", "-p", "--propagation-policy", "-y", "--yes", "--wait", ...ARGOCD_SELECTOR],
      "proj windows list": [...ARGOCD_OUTPUT],
    },
  },
  npm: {
    reference: "https://docs.npmjs.com/cli/v10/commands",
    globalFlags: [],
    subcommands: { ci: [], test: [], run: [] },
  },
};

/**
 * Shell builtins the docs may use, and `sh` running a script of this repository (the generated
 * bootstrap script, whose path the page checks verify); they take no flags worth checking.
 */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set(["cd", "export", "sh"]);
