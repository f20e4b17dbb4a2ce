import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { materializeCommit } from "./git.js";

/** Temporary directories of one promotion run, removed together when it ends. */
export class Workspace {
  private readonly dirs: string[] = [];

  /** A fresh empty directory. */
  directory(label: string): string {
    const dir = mkdtempSync(join(tmpdir(), `promote-${label}-`));
    this.dirs.push(dir);
    return dir;
  }

  /** The files of `commit` under `prefixes`, written to a fresh directory (the local checkout is not touched). */
  snapshot(root: string, commit: string, prefixes: readonly string[], label: string): string {
    const dir = this.directory(label);
    materializeCommit(root, commit, prefixes, dir);
    return dir;
  }

  dispose(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
