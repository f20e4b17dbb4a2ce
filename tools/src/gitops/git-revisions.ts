import { spawnSync } from "node:child_process";
import { childEnvironment } from "../process/child-env.js";

/**
 * What the generator asks the Git repository about the pins of every environment, in one go: which
 * commit each revision names, and which commits are outside a branch's history.
 */
export interface RevisionQuery {
  /** Revisions to resolve to commits: `chartRevision` pins (branch, tag or commit SHA). */
  revisions: readonly string[];
  /** Branches to resolve (`repository.revision`): the local branch and origin's, whichever exist. */
  branches: readonly string[];
  /** Commits (full SHAs) that must be in a branch's history; checked when the branch resolves. */
  ancestry: readonly { branch: string; commits: readonly string[] }[];
  /** Files to look for at a revision, as `<revision>:<path>` (a cluster's values overlay at a component's pin). */
  files?: readonly string[];
}

export interface RevisionAnswer {
  /** Each asked revision → the commit it names in this repository; absent when it names none. */
  commits: ReadonlyMap<string, string>;
  /** Each asked branch → its tips here (local and origin's, deduplicated); absent when neither exists. */
  branches: ReadonlyMap<string, readonly string[]>;
  /** Per branch of `ancestry`: the asked commits that are not in its history. */
  outside: ReadonlyMap<string, ReadonlySet<string>>;
  /** The asked `files` that exist (absent: none asked, or none found). */
  files?: ReadonlySet<string>;
}

/** Answers a query, or says why the repository cannot be asked (not a Git repository, no git). */
export type RevisionLookup = (query: RevisionQuery) => { answer: RevisionAnswer } | { unavailable: string };

const FULL_SHA = /^[0-9a-f]{40}$/;
/** The remote a clone's branches come from; CI checkouts (actions/checkout) only have origin's branches. */
const REMOTE = "origin";

/**
 * Asks the repository containing `dir` with at most 1 + (number of distinct branches with
 * commits to check, normally 1) git processes: `git cat-file --batch-check` resolves every
 * revision and branch (`<rev>^{commit}` lines), then `git rev-list --stdin` (`<commit>` and `^<tip>` lines)
 * lists what of the pins is outside each branch's history.
 */
export function gitRevisionLookup(dir: string): RevisionLookup {
  return (query) => {
    const lines: string[] = [];
    const lineOf = new Map<string, number>();
    const ask = (name: string): number => {
      let index = lineOf.get(name);
      if (index === undefined) lineOf.set(name, (index = lines.push(`${name}^{commit}`) - 1));
      return index;
    };
    // A revision is a SHA, a tag or a local branch (`<rev>`), or a branch only origin has.
    const revisionLines = query.revisions.map((revision) => [ask(revision), ...(FULL_SHA.test(revision) ? [] : [ask(`refs/remotes/${REMOTE}/${revision}`)])] as const);
    const branchLines = query.branches.map((branch) => [ask(`refs/heads/${branch}`), ask(`refs/remotes/${REMOTE}/${branch}`)] as const);
    // `<revision>:<path>` names the file's blob when the revision has it.
    const fileLines = (query.files ?? []).map((file) => lines.push(file) - 1);
    if (lines.length === 0) return { answer: { commits: new Map(), branches: new Map(), outside: new Map() } };

    const resolved = git(dir, ["cat-file", "--batch-check=%(objectname)"], `${lines.join("\n")}\n`);
    if ("unavailable" in resolved) return resolved;
    // One output line per input line: the object name, or `<input> missing` / `<input> ambiguous`.
    const found = resolved.stdout.split("\n").slice(0, lines.length).map((line) => (FULL_SHA.test(line) ? line : undefined));
    const commits = new Map<string, string>();
    query.revisions.forEach((revision, i) => {
      const commit = (revisionLines[i] ?? []).map((line) => found[line]).find((c) => c !== undefined);
      if (commit) commits.set(revision, commit);
    });
    const branches = new Map<string, string[]>();
    query.branches.forEach((branch, i) => {
      const tips = [...new Set((branchLines[i] ?? []).map((line) => found[line]).filter((c): c is string => c !== undefined))];
      if (tips.length > 0) branches.set(branch, tips);
    });

    const files = new Set((query.files ?? []).filter((_, i) => found[fileLines[i] as number] !== undefined));

    const outside = new Map<string, Set<string>>();
    const known = new Set(commits.values());
    for (const { branch, commits: asked } of mergeAncestry(query.ancestry)) {
      const tips = branches.get(branch) ?? [];
      const present = asked.filter((commit) => known.has(commit));
      if (tips.length === 0 || present.length === 0) continue;
      // Commits reachable from the pins but not from the branch; a pin in that list is outside the branch's history.
      const walked = git(dir, ["rev-list", "--stdin"], `${[...present, ...tips.map((tip) => `^${tip}`)].join("\n")}\n`);
      if ("unavailable" in walked) return walked;
      const listed = new Set(walked.stdout.split("\n"));
      outside.set(branch, new Set(present.filter((commit) => listed.has(commit))));
    }
    return { answer: { commits, branches, outside, ...(query.files ? { files } : {}) } };
  };
}

/** One entry per branch, commits deduplicated, in first-asked order. */
function mergeAncestry(ancestry: RevisionQuery["ancestry"]): { branch: string; commits: string[] }[] {
  const merged = new Map<string, Set<string>>();
  for (const { branch, commits } of ancestry) {
    const set = merged.get(branch) ?? new Set<string>();
    for (const commit of commits) set.add(commit);
    merged.set(branch, set);
  }
  return [...merged].map(([branch, commits]) => ({ branch, commits: [...commits] }));
}

function git(dir: string, args: readonly string[], input: string): { stdout: string } | { unavailable: string } {
  const result = spawnSync("git", args, { cwd: dir, input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: childEnvironment(process.env, { GIT_TERMINAL_PROMPT: "0" }) });
  // git exits before reading its input outside a repository: that is an EPIPE error beside the exit status that explains it.
  if (result.error && (result.status === null || result.status === 0)) return { unavailable: `git could not be run in ${dir}: ${result.error.message}` };
  if (result.status !== 0) return { unavailable: `git ${args[0]} failed in ${dir}: ${(result.stderr.trim().split("\n")[0] ?? "").trim() || `exit status ${result.status}`}` };
  return { stdout: result.stdout };
}
