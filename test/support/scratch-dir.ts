import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Where the tests' scratch trees go. They write a great many small files and delete them again
 * (a copy of the repository per generator test, a chart copy per helm-unittest suite, Git fixtures);
 * on the 2-core machine's disk, creating and deleting a file costs about a millisecond of system
 * time: the bad-input tests' own process used 33 s of CPU there, most of it in copyFile and
 * unlink, and 5 s with its scratch files on /dev/shm. So a run puts its scratch files in a directory of
 * its own on /dev/shm when that is a file system programs can be run from (the tests write fake
 * `helm` and `git` scripts there and run them) with at least MIN_FREE_BYTES free; otherwise, or
 * when TMPDIR is set, the system's temporary directory stays in use. Nothing a test checks depends
 * on it: they read os.tmpdir(), which follows TMPDIR.
 */
export const MEMORY_FS = "/dev/shm";
export const MIN_FREE_BYTES = 2 * 1024 ** 3;
/** statfs(2) f_type of tmpfs (linux/magic.h TMPFS_MAGIC). */
const TMPFS_MAGIC = 0x01021994;

const PREFIX = "vitest-scratch-";

/** How long an abandoned scratch directory must have been left alone before it is removed. */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

/**
 * Scratch directories of runs that ended without their teardown (killed, interrupted), so memory is
 * not held until the next reboot: each is named after the process that made it, and one is removed
 * when that process is gone and nothing was created or removed in it for half an hour (a live run
 * makes and removes directories in it all the time; a process in another PID namespace may look
 * gone from here).
 */
export function removeAbandoned(base: string): void {
  for (const entry of readdirSync(base)) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(entry)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const dir = join(base, entry);
    try {
      if (Date.now() - statSync(dir).mtimeMs < ABANDONED_AFTER_MS) continue;
    } catch {
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface ScratchChoice {
  dir?: string;
  reason: string;
}

/** A fresh directory under `base` for this run, or why not. */
export function memoryScratchDir(base = MEMORY_FS, env: NodeJS.ProcessEnv = process.env, minFree = MIN_FREE_BYTES): ScratchChoice {
  if (env.TMPDIR) return { reason: `TMPDIR is set (${env.TMPDIR})` };
  let free: number;
  try {
    const stats = statfsSync(base);
    if (stats.type !== TMPFS_MAGIC) return { reason: `${base} is not a tmpfs` };
    free = stats.bavail * stats.bsize;
  } catch {
    return { reason: `${base} is not there` };
  }
  if (free < minFree) return { reason: `${base} has ${Math.round(free / 1024 ** 2)} MiB free, less than ${Math.round(minFree / 1024 ** 2)} MiB` };
  removeAbandoned(base);
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
    const probe = join(dir, "probe.sh");
    writeFileSync(probe, "#!/bin/sh\nexit 0\n");
    chmodSync(probe, 0o755);
    const ran = spawnSync(probe, { stdio: "ignore" });
    rmSync(probe, { force: true });
    if (ran.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      return { reason: `${base} does not run programs (mounted noexec?)` };
    }
    return { dir, reason: `${base} is a memory file system with room` };
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return { reason: `${base} is not writable: ${(error as Error).message}` };
  }
}
