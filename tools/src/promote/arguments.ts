export const USAGE = `Usage: nx run generate:promote -- --from <env> --to <env> [options]
       nx run generate:promote -- --rollback --to <env> [options]
       nx run generate:promote -- --doctor [--repo owner/name] [--base main]

Promotes the promotable pins (every key schemas/environment.json marks "x-promotable", such as
chartRevision and imageTag) from one environment to another through ONE pull request on the branch
promote/<from>-to-<to>: prints the plan and the rendered-manifest diff, edits
environments/<to>/environment.yaml in place, regenerates apps/<to>/, commits through the GitHub API
and opens or updates the pull request.

  --from <env>              source environment (e.g. staging)
  --to <env>                target environment (e.g. production)
  --components a,b          promote only these components
  --dry-run                 plan and diff only: no commit, no branch, no pull request (read-only API
                            calls); an active freeze or a failing Argo CD gate only warns
  --rollback                open a pull request restoring the pins the last merged promotion into --to replaced
  --override-freeze <why>   promote although a sync window freezes --to; the reason goes into the pull request
  --repo owner/name         GitHub repository (default: GITHUB_REPOSITORY, else the origin remote)
  --base <branch>           branch the pull request targets and the plan is made from (default: main)
  --root <dir>              local clone to read (default: the clone containing the current directory)
  --doctor                  check the token, the base branch, merge settings and labels; change nothing
  --help                    this text

Environment: GITHUB_TOKEN (or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and optionally
GITHUB_APP_INSTALLATION_ID), GITHUB_API_URL for GitHub Enterprise, ARGOCD_SERVER and ARGOCD_TOKEN
to require the source Applications to be Synced and Healthy at the promoted pins.
Pull request labels, reviewers and auto-merge come from .github/promotion.yml.

Exit codes: 0 success (also nothing to promote), 1 promotion failed or blocked, 2 usage error.`;

export interface CliOptions {
  from?: string;
  to?: string;
  base: string;
  components?: string[];
  dryRun: boolean;
  rollback: boolean;
  overrideFreeze?: string;
  repo?: { owner: string; name: string };
  root?: string;
  doctor: boolean;
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const BRANCH = /^[A-Za-z0-9._/-]+$/;

/** GitHub's rules for an owner (user or organization login) and a repository name. */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/;
export const REPOSITORY_RULES = "the owner is 1-39 letters, digits or dashes not starting with a dash; the name is 1-100 letters, digits, '.', '_' or '-' and not '.' or '..'.";

/** `owner/name` when both parts follow GitHub's rules (so neither can step out of the API path), else undefined. */
export function parseRepository(text: string): { owner: string; name: string } | undefined {
  const [owner, name, ...rest] = text.split("/");
  if (rest.length > 0 || owner === undefined || name === undefined) return undefined;
  if (!OWNER.test(owner) || !REPOSITORY.test(name) || name === "." || name === "..") return undefined;
  return { owner, name };
}

/** Parses the command line; returns the options, `help`, or what is wrong with it. */
export function parseArguments(argv: readonly string[]): CliOptions | { help: true } | { error: string } {
  const options: CliOptions = { base: "main", dryRun: false, rollback: false, doctor: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    const eq = argument.startsWith("--") ? argument.indexOf("=") : -1;
    const flag = eq === -1 ? argument : argument.slice(0, eq);
    const inline = eq === -1 ? undefined : argument.slice(eq + 1);
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return undefined;
      i++;
      return next;
    };
    const needs = (what: string): string | { error: string } => value() ?? { error: `${flag} needs ${what}.` };
    switch (flag) {
      case "--help":
      case "-h":
        return { help: true };
      case "--dry-run":
        options.dryRun = true;
        break;
      case "--rollback":
        options.rollback = true;
        break;
      case "--doctor":
        options.doctor = true;
        break;
      case "--from":
      case "--to": {
        const name = needs("an environment name");
        if (typeof name !== "string") return name;
        if (!NAME.test(name)) return { error: `${flag} "${name}" is not an environment name (lowercase letters, digits and dashes).` };
        options[flag === "--from" ? "from" : "to"] = name;
        break;
      }
      case "--components": {
        const list = needs("a comma-separated list of component names");
        if (typeof list !== "string") return list;
        const names = list.split(",").map((n) => n.trim()).filter((n) => n !== "");
        const bad = names.find((n) => !NAME.test(n));
        if (bad !== undefined || names.length === 0) return { error: `--components "${list}" must be comma-separated component names${bad ? ` ("${bad}" is not one)` : ""}.` };
        options.components = [...new Set(names)].sort();
        break;
      }
      case "--override-freeze": {
        const reason = needs('a reason, e.g. --override-freeze "hotfix for INC-123"');
        if (typeof reason !== "string") return reason;
        if (reason.trim() === "") return { error: "--override-freeze needs a non-empty reason." };
        options.overrideFreeze = reason.trim();
        break;
      }
      case "--repo": {
        const repo = needs("owner/name");
        if (typeof repo !== "string") return repo;
        const parsedRepo = parseRepository(repo);
        if (!parsedRepo) return { error: `--repo "${repo}" is not owner/name: ${REPOSITORY_RULES}` };
        options.repo = parsedRepo;
        break;
      }
      case "--base": {
        const base = needs("a branch name");
        if (typeof base !== "string") return base;
        if (!BRANCH.test(base)) return { error: `--base "${base}" is not a branch name.` };
        options.base = base;
        break;
      }
      case "--root": {
        const root = needs("a directory");
        if (typeof root !== "string") return root;
        options.root = root;
        break;
      }
      default:
        return { error: `unknown argument "${argument}".` };
    }
  }
  if (options.doctor) return options;
  if (!options.to) return { error: "--to is required (the environment to promote into)." };
  if (options.rollback && options.from) return { error: "--rollback restores earlier pins of --to; it takes no --from." };
  if (!options.rollback && !options.from) return { error: "--from is required (the environment to promote from), unless --rollback." };
  if (options.from === options.to) return { error: `--from and --to are both "${options.to}".` };
  return options;
}
