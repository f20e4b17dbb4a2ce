import { parseArgs, type ParseArgsConfig } from "node:util";

export const USAGE = `Usage: nx run generate:promote -- --from <env> --to <env> [--clusters a,b] [options]
       nx run generate:promote -- --rollback --to <env> [options]
       nx run generate:promote -- --doctor [--repo owner/name] [--base main]
       nx run generate:promote -- --train-steps [--base main]

Promotes the promotable pins (every key schemas/environment.json marks "x-promotable", such as
chartRevision and imageTag) from one environment to another through ONE pull request on the branch
promote/<from>-to-<to>: prints the plan and the rendered-manifest diff, edits
environments/<to>/environment.yaml in place, regenerates apps/<to>/, commits through the GitHub API
and opens or updates the pull request. Into staging and production a source that follows a branch
is promoted as the commit the branch names now, and an image only with its digest.

  --from <env>              source environment (e.g. staging)
  --to <env>                target environment (e.g. production)
  --components a,b          promote only these components
  --clusters a,b            for a --to with clusters: (environment.yaml), change only these clusters;
                            one pull request per step (branch promote/<from>-to-<to>+a+b). The
                            clusters listed before them must already run the promoted pins, Synced
                            and Healthy in the target's Argo CD (ARGOCD_TARGET_SERVER)
  --override-gate <why>     go ahead although those earlier clusters are not ready; the reason and
                            what the gate found go into the pull request
  --dry-run                 plan and diff only: no commit, no branch, no pull request (read-only API
                            calls); an active freeze or a failing Argo CD gate only warns
  --rollback                open a pull request restoring the pins the last merged promotion into --to replaced
                            (with --clusters: in those clusters only)
  --override-freeze <why>   promote although a sync window freezes --to; the reason goes into the pull request
  --repo owner/name         GitHub repository (default: GITHUB_REPOSITORY, else the origin remote)
  --base <branch>           branch the pull request targets and the plan is made from (default: main)
  --root <dir>              local clone to read (default: the clone containing the current directory)
  --doctor                  check the token, the base branch, merge settings and labels; change nothing
  --train-steps             print the release train of .github/promotion.yml (train:) as JSON, checked
                            against the environments at the base branch: what promote.yml runs
  --help                    this text

Environment: GITHUB_TOKEN (or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and optionally
GITHUB_APP_INSTALLATION_ID), GITHUB_API_URL for GitHub Enterprise, ARGOCD_SERVER and ARGOCD_TOKEN
(the source environment's Argo CD) to require the source Applications to be Synced and Healthy at
the promoted pins, ARGOCD_TARGET_SERVER and ARGOCD_TARGET_TOKEN (the target's Argo CD) for the
cluster gate. Pull request labels, reviewers and auto-merge come from .github/promotion.yml.

Exit codes: 0 success (also nothing to promote), 1 promotion failed, 2 usage error, 3 held back by
a gate (the source or an earlier cluster is not Synced and Healthy at the pins yet: try later).`;

export interface CliOptions {
  from?: string;
  to?: string;
  base: string;
  components?: string[];
  dryRun: boolean;
  rollback: boolean;
  overrideFreeze?: string;
  clusters?: string[];
  overrideGate?: string;
  repo?: { owner: string; name: string };
  root?: string;
  doctor: boolean;
  trainSteps: boolean;
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

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  "dry-run": { type: "boolean" },
  rollback: { type: "boolean" },
  doctor: { type: "boolean" },
  "train-steps": { type: "boolean" },
  from: { type: "string" },
  to: { type: "string" },
  components: { type: "string" },
  "override-freeze": { type: "string" },
  clusters: { type: "string" },
  "override-gate": { type: "string" },
  repo: { type: "string" },
  base: { type: "string" },
  root: { type: "string" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

const NEEDS: Record<string, string> = {
  from: "an environment name",
  to: "an environment name",
  components: "a comma-separated list of component names",
  "override-freeze": 'a reason, e.g. --override-freeze "hotfix for INC-123"',
  clusters: "a comma-separated list of cluster names",
  "override-gate": 'a reason, e.g. --override-gate "eu degraded by an unrelated node failure, INC-77"',
  repo: "owner/name",
  base: "a branch name",
  root: "a directory",
};

/**
 * Parses the command line; returns the options, `help`, or what is wrong with it. node:util's
 * parseArgs splits the words (`--to=production`, `-h`, `--`); its tokens are then read in order, so
 * the first problem is the one reported and `--help` wins over anything after it. A value that
 * starts with `--` is taken for a forgotten value (`--from --to production`), not as the value.
 */
export function parseArguments(argv: readonly string[]): CliOptions | { help: true } | { error: string } {
  const options: CliOptions = { base: "main", dryRun: false, rollback: false, doctor: false, trainSteps: false };
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option" || !Object.hasOwn(OPTIONS, token.name)) return { error: `unknown argument "${argv[token.index]}".` };
    const name = token.name as keyof typeof OPTIONS;
    const flag = token.rawName;
    if (OPTIONS[name].type === "boolean") {
      if (token.value !== undefined) return { error: `${flag} takes no value.` };
      if (name === "help") return { help: true };
      if (name === "dry-run") options.dryRun = true;
      else if (name === "rollback") options.rollback = true;
      else if (name === "train-steps") options.trainSteps = true;
      else options.doctor = true;
      continue;
    }
    const value = token.value === undefined || (!token.inlineValue && token.value.startsWith("--")) ? undefined : token.value;
    if (value === undefined) return { error: `${flag} needs ${NEEDS[name]}.` };
    switch (name) {
      case "from":
      case "to":
        if (!NAME.test(value)) return { error: `${flag} "${value}" is not an environment name (lowercase letters, digits and dashes).` };
        options[name] = value;
        break;
      case "components": {
        const names = value.split(",").map((n) => n.trim()).filter((n) => n !== "");
        const bad = names.find((n) => !NAME.test(n));
        if (bad !== undefined || names.length === 0) return { error: `--components "${value}" must be comma-separated component names${bad ? ` ("${bad}" is not one)` : ""}.` };
        options.components = [...new Set(names)].sort();
        break;
      }
      case "clusters": {
        const names = value.split(",").map((n) => n.trim()).filter((n) => n !== "");
        const bad = names.find((n) => !NAME.test(n));
        if (bad !== undefined || names.length === 0) return { error: `--clusters "${value}" must be comma-separated cluster names${bad ? ` ("${bad}" is not one)` : ""}.` };
        // Kept as given: the order that counts is the one of clusters: in environment.yaml.
        options.clusters = [...new Set(names)];
        break;
      }
      case "override-freeze":
      case "override-gate": {
        if (value.trim() === "") return { error: `${flag} needs a non-empty reason.` };
        if (name === "override-freeze") options.overrideFreeze = value.trim();
        else options.overrideGate = value.trim();
        break;
      }
      case "repo": {
        const parsedRepo = parseRepository(value);
        if (!parsedRepo) return { error: `--repo "${value}" is not owner/name: ${REPOSITORY_RULES}` };
        options.repo = parsedRepo;
        break;
      }
      case "base":
        if (!BRANCH.test(value)) return { error: `--base "${value}" is not a branch name.` };
        options.base = value;
        break;
      case "root":
        options.root = value;
        break;
    }
  }
  if (options.doctor || options.trainSteps) return options;
  if (!options.to) return { error: "--to is required (the environment to promote into)." };
  if (options.rollback && options.from) return { error: "--rollback restores earlier pins of --to; it takes no --from." };
  if (!options.rollback && !options.from) return { error: "--from is required (the environment to promote from), unless --rollback." };
  if (options.from === options.to) return { error: `--from and --to are both "${options.to}".` };
  if (options.rollback && options.overrideGate) return { error: "--override-gate is for a promotion step; a rollback is not gated on the earlier clusters." };
  return options;
}
