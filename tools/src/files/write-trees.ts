import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

/** Files to create under a directory that does not exist yet (paths relative to it). */
export interface FileTree {
  dir: string;
  files: readonly { path: string; content: string }[];
}

/** Creates one tree in this thread. */
export function writeTree(tree: FileTree): void {
  const made = new Set<string>();
  for (const file of tree.files) {
    const path = join(tree.dir, file.path);
    const directory = dirname(path);
    if (!made.has(directory)) {
      mkdirSync(directory, { recursive: true });
      made.add(directory);
    }
    writeFileSync(path, file.content);
  }
}

/** writeTree for a worker thread: the same steps in plain CommonJS, so it runs from the bundle and from tsx alike. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { mkdirSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
try {
  for (const tree of workerData) {
    const made = new Set();
    for (const file of tree.files) {
      const path = join(tree.dir, file.path);
      const directory = dirname(path);
      if (!made.has(directory)) {
        mkdirSync(directory, { recursive: true });
        made.add(directory);
      }
      writeFileSync(path, file.content);
    }
  }
  parentPort.postMessage(null);
} catch (error) {
  parentPort.postMessage(String((error && error.message) || error));
}`;

/**
 * Creates the trees on up to `threads` worker threads, each tree wholly on one. Creating
 * thousands of files is mostly kernel work that locks per directory, so trees written side by
 * side on two cores take about two thirds of the time of one after the other. Rejects with the
 * first error; trees may then be partly written, and the caller removes them.
 */
export async function writeTreesInParallel(trees: readonly FileTree[], threads = Math.min(2, availableParallelism())): Promise<void> {
  const shares: FileTree[][] = Array.from({ length: Math.max(1, Math.min(threads, trees.length)) }, () => []);
  const load = shares.map(() => 0);
  // Largest first, each to the least loaded share.
  for (const tree of [...trees].sort((a, b) => b.files.length - a.files.length)) {
    const least = load.indexOf(Math.min(...load));
    shares[least]?.push(tree);
    load[least] = (load[least] ?? 0) + tree.files.length;
  }
  const failures = await Promise.all(
    shares
      .filter((share) => share.length > 0)
      .map(
        (share) =>
          new Promise<string | null>((resolve) => {
            const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: share });
            worker.once("message", (failure: string | null) => resolve(failure));
            worker.once("error", (error) => resolve(error.message));
            worker.once("exit", (code) => resolve(code === 0 ? null : `the file writer thread exited with code ${code}`));
          }),
      ),
  );
  const failure = failures.find((f) => f !== null);
  if (failure) throw new Error(failure);
}
