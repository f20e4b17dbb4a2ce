import { createHash } from "node:crypto";
import { existsSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomically } from "../files/atomic-write.js";
import { keepNewestJsonFiles } from "../files/keep-newest.js";
import type { PlannedFile } from "../files/planned-files.js";
import { repoRoot } from "../paths.js";

/** Where the result and work caches keep environments' generated files, once for both (see diskRenderedStore). */
export const RENDERED_STORE_DIR = join(repoRoot, "node_modules", ".cache", "generate-gitops", "rendered");

/** An environment's files and its summary line. */
export interface RenderedEnvironment {
  files: PlannedFile[];
  summary: string;
}

/**
 * Environments' generated files stored by the digest of their content: the result cache
 * (result-cache.ts) and the work cache (work-cache.ts) both keep what a run generated, and each
 * used to write its own JSON copy of the whole output (5-6 MB for 200 components in 10
 * environments); they now keep digests, and an environment that did not change is not written
 * again.
 */
export interface RenderedStore {
  /** Stores an environment's files (unless stored already) and returns the digest to find them by. */
  put(rendered: RenderedEnvironment): string;
  /** The files stored under `digest`, a fresh copy; undefined when they are not (or no longer) there. */
  get(digest: string): RenderedEnvironment | undefined;
}

/**
 * One JSON file per digest in `dir`, written atomically; only the `keep` most recently used are
 * kept (an entry of either cache whose files were evicted is a miss). A file that cannot be read or
 * parsed is a miss (files are renamed into place whole, so the digest is not checked again on
 * every read); a store that cannot be written only costs time on the next run.
 */
export function diskRenderedStore(dir: string, keep = 256): RenderedStore {
  const fileOf = (digest: string) => join(dir, `${digest}.json`);
  return {
    put(rendered) {
      const text = JSON.stringify({ summary: rendered.summary, files: rendered.files.map((f) => ({ path: f.path, content: f.content })) });
      const digest = createHash("sha256").update(text).digest("hex");
      const file = fileOf(digest);
      try {
        if (existsSync(file)) touch(file);
        else {
          writeFileAtomically(file, text);
          keepNewestJsonFiles(dir, keep);
        }
      } catch {
        // Only time is lost: the caches then miss.
      }
      return digest;
    },
    get(digest) {
      if (!/^[0-9a-f]{64}$/.test(digest)) return undefined;
      const file = fileOf(digest);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return undefined;
      }
      let stored: Partial<RenderedEnvironment>;
      try {
        stored = JSON.parse(text) as Partial<RenderedEnvironment>;
      } catch {
        return undefined;
      }
      if (typeof stored.summary !== "string" || !Array.isArray(stored.files)) return undefined;
      touch(file);
      return { summary: stored.summary, files: stored.files };
    },
  };
}

/** Marks a file as just used, so that eviction (oldest first) keeps it. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Only its place in the eviction order is lost.
  }
}
