import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface StoredCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

export interface StoredTreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  path: string;
  size?: number;
}

export interface NewTreeEntry {
  path: string;
  mode: string;
  /** An existing blob, or null to delete the path. */
  sha: string | null;
}

const ZERO = "0".repeat(40);

/**
 * The object store behind the stand-in: a real bare Git repository driven through plumbing
 * commands. Objects created through the API are real Git objects, so a local clone can `git fetch`
 * them and SHAs mean what they mean on GitHub.
 */
export class GitStore {
  private clock = Date.parse("2025-01-06T09:00:00Z") / 1000;

  constructor(readonly dir: string) {}

  private git(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): { status: number; stdout: Buffer; stderr: string } {
    const result = spawnSync("git", args, { cwd: this.dir, input: options.input, env: { ...process.env, ...options.env }, maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
  }

  private gitText(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): string {
    const result = this.git(args, options);
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout.toString("utf8");
  }

  objectType(sha: string): string | undefined {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    const result = this.git(["cat-file", "-t", sha]);
    return result.status === 0 ? result.stdout.toString("utf8").trim() : undefined;
  }

  readRef(ref: string): string | undefined {
    const result = this.git(["rev-parse", "--verify", "--quiet", ref]);
    return result.status === 0 ? result.stdout.toString("utf8").trim() : undefined;
  }

  updateRef(ref: string, sha: string): void {
    this.gitText(["update-ref", ref, sha]);
  }

  deleteRef(ref: string): void {
    this.gitText(["update-ref", "-d", ref]);
  }

  listRefs(prefix: string): Array<{ ref: string; sha: string }> {
    return this.gitText(["for-each-ref", "--format=%(refname) %(objectname)", prefix])
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [ref, sha] = line.split(" ") as [string, string];
        return { ref, sha };
      });
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    return this.git(["merge-base", "--is-ancestor", ancestor, descendant]).status === 0;
  }

  writeBlob(content: Buffer): string {
    return this.gitText(["hash-object", "-w", "--stdin"], { input: content }).trim();
  }

  readBlob(sha: string): Buffer {
    const result = this.git(["cat-file", "blob", sha]);
    if (result.status !== 0) throw new Error(`no blob ${sha}`);
    return result.stdout;
  }

  /** A new tree: `base` (or empty) with the entries set or (sha null) removed, through a throwaway index. */
  writeTree(base: string | undefined, entries: readonly NewTreeEntry[]): string {
    const indexDir = mkdtempSync(join(tmpdir(), "stand-in-index-"));
    const env = { GIT_INDEX_FILE: join(indexDir, "index") };
    try {
      this.gitText(base ? ["read-tree", base] : ["read-tree", "--empty"], { env });
      const lines = entries.map((e) => (e.sha === null ? `0 ${ZERO}\t${e.path}` : `${e.mode} ${e.sha}\t${e.path}`));
      if (lines.length > 0) this.gitText(["update-index", "--index-info"], { env, input: lines.join("\n") + "\n" });
      return this.gitText(["write-tree"], { env }).trim();
    } finally {
      rmSync(indexDir, { recursive: true, force: true });
    }
  }

  readTree(sha: string, recursive: boolean): StoredTreeEntry[] {
    const out = this.gitText(["ls-tree", "-l", ...(recursive ? ["-r"] : []), "-z", sha]);
    return out
      .split("\0")
      .filter(Boolean)
      .map((record) => {
        const tab = record.indexOf("\t");
        const [mode, type, objectSha, size] = record.slice(0, tab).split(/\s+/) as [string, StoredTreeEntry["type"], string, string];
        return { mode, type, sha: objectSha, path: record.slice(tab + 1), ...(size !== "-" ? { size: Number(size) } : {}) };
      });
  }

  /** A commit with a deterministic clock (one minute per commit), so test runs are reproducible. */
  writeCommit(input: { message: string; tree: string; parents: string[]; author?: { name: string; email: string } }): string {
    this.clock += 60;
    const author = input.author ?? { name: "promotion-bot", email: "promotion-bot@users.noreply.github.com" };
    const date = `${this.clock} +0000`;
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: "GitHub", GIT_COMMITTER_EMAIL: "noreply@github.com", GIT_COMMITTER_DATE: date };
    return this.gitText(["commit-tree", input.tree, ...input.parents.flatMap((p) => ["-p", p]), "-F", "-"], { env, input: input.message }).trim();
  }

  readCommit(sha: string): StoredCommit {
    const raw = this.gitText(["cat-file", "commit", sha]);
    const split = raw.indexOf("\n\n");
    const headers = raw.slice(0, split).split("\n");
    const person = (line: string | undefined) => {
      const match = /^\w+ (.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(line ?? "");
      return { name: match?.[1] ?? "", email: match?.[2] ?? "", date: new Date(Number(match?.[3] ?? 0) * 1000).toISOString().replace(".000Z", "Z") };
    };
    return {
      sha,
      tree: (headers.find((h) => h.startsWith("tree ")) ?? "").slice(5),
      parents: headers.filter((h) => h.startsWith("parent ")).map((h) => h.slice(7)),
      author: person(headers.find((h) => h.startsWith("author "))),
      committer: person(headers.find((h) => h.startsWith("committer "))),
      message: raw.slice(split + 2),
    };
  }

  /** The text of a file at a commit (for assertions). */
  fileAt(commit: string, path: string): string | undefined {
    const result = this.git(["cat-file", "blob", `${commit}:${path}`]);
    return result.status === 0 ? result.stdout.toString("utf8") : undefined;
  }

  /** Paths that differ between two commits (for assertions). */
  changedPaths(from: string, to: string): string[] {
    return this.gitText(["diff", "--name-only", from, to]).split("\n").filter(Boolean).sort();
  }
}
