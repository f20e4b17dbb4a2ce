/**
 * Variables a child process (git, helm, tar) may see: what it needs to find programs, its
 * configuration and caches, and the locale. Everything else, above all credentials such as
 * GITHUB_TOKEN or ARGOCD_TOKEN, is left out, so a chart, a git hook or a symlink to
 * /proc/self/environ finds nothing worth taking.
 */
export const CHILD_VARIABLES = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME"] as const;

/** The minimal environment for a child process, taken from `env`, plus `extra`. */
export function childEnvironment(env: NodeJS.ProcessEnv = process.env, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const name of CHILD_VARIABLES) {
    const value = env[name];
    if (value !== undefined) out[name] = value;
  }
  return { ...out, ...extra };
}
