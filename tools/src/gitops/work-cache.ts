import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomically } from "../files/atomic-write.js";
import { keepNewestJsonFiles } from "../files/keep-newest.js";
import { repoRoot } from "../paths.js";
import { diskRenderedStore, type RenderedEnvironment, type RenderedStore } from "./rendered-store.js";

export type { RenderedEnvironment } from "./rendered-store.js";

/** Where the generator keeps what it derived from unchanged inputs (see diskWorkCache); deleting it only costs time. */
export const WORK_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "generate-gitops", "work");

/** Bumped whenever what is stored changes. */
const FORMAT = "generate-gitops-work/3";

/**
 * What a run derived from its inputs, kept for the next run when only some inputs change (the
 * result cache, result-cache.ts, covers a run whose inputs are all unchanged). Each entry is keyed
 * by the content it was derived from, so a changed input is simply not found:
 * - parsed: a YAML or JSON text's data (yaml-source.ts), by the text's digest;
 * - valid: values that passed a chart's schema, by the digest of the validator's key and the values;
 * - rendered: an environment's files, by the digest of its plan (render-environment.ts renders a
 *   plan and nothing else); the files themselves are in a RenderedStore shared with the result cache.
 * The code that derives them is part of the cache's identity: another generator does not see them.
 */
export interface WorkCache {
  parsed(text: string): unknown;
  rememberParsed(text: string, data: unknown): void;
  isValid(key: string): boolean;
  rememberValid(key: string): void;
  rendered(digest: string): RenderedEnvironment | undefined;
  rememberRendered(digest: string, rendered: RenderedEnvironment): void;
  /** Keeps what this run used and added (the entries it did not use are dropped). */
  save(): void;
}

/** No entry found: data that cannot be stored as JSON as it is (NaN, infinities, -0) is never stored. */
export const NOT_CACHED = Symbol("not cached");

export const digestOf = (text: string): string => createHash("sha256").update(text).digest("hex");

interface Stored {
  format: string;
  identity: string;
  parsed: Record<string, string>;
  valid: string[];
  /** The digest of a plan, and the digest of its files in the store. */
  rendered: Record<string, string>;
}

/**
 * One JSON file per generator identity and repository root in `dir`, holding what the last run
 * there used: repositories (a checkout, a test's fixture, the benchmark's catalog) do not evict
 * each other's entries, and the file never holds more than one run's worth. Only the `keep` most
 * recently written files are kept. A file that cannot be read or parsed, or that holds another
 * format or identity, is empty; one that cannot be written only costs time on the next run. An
 * environment's files are in `store`; a rendering whose files are no longer there is a miss.
 */
export function diskWorkCache(dir: string, identity: string, root: string, keep = 16, store: RenderedStore = diskRenderedStore(`${dir}.rendered`)): WorkCache {
  const file = join(dir, `${digestOf(`${identity}\u0000${root}`)}.json`);
  let stored: Stored = { format: FORMAT, identity, parsed: {}, valid: [], rendered: {} };
  try {
    const read = JSON.parse(readFileSync(file, "utf8")) as Stored;
    if (read.format === FORMAT && read.identity === identity) stored = read;
  } catch {
    // Nothing stored yet, or unreadable: start empty.
  }
  const valid = new Set(stored.valid);
  const used: Stored = { format: FORMAT, identity, parsed: {}, valid: [], rendered: {} };
  const usedValid = new Set<string>();
  let changed = false;
  const textDigests = new Map<string, string>();
  const textDigest = (text: string) => {
    let digest = textDigests.get(text);
    if (digest === undefined) textDigests.set(text, (digest = digestOf(text)));
    return digest;
  };
  return {
    parsed(text) {
      const digest = textDigest(text);
      const json = used.parsed[digest] ?? stored.parsed[digest];
      if (json === undefined) return NOT_CACHED;
      used.parsed[digest] = json;
      return JSON.parse(json) as unknown;
    },
    rememberParsed(text, data) {
      // NaN and the infinities (`.nan`, `.inf`, a number too large) are written `null` by JSON, and
      // -0 needs a `-0` or `-.0` in the text: without either, the data is plain JSON as it is.
      const plain = JSON.stringify(data) as string | undefined;
      const json = plain === undefined || plain.includes("null") || NEGATIVE_ZERO.test(text) ? jsonExactly(data) : plain;
      if (json === undefined) return;
      used.parsed[textDigest(text)] = json;
      changed = true;
    },
    isValid(key) {
      if (usedValid.has(key)) return true;
      if (!valid.has(key)) return false;
      usedValid.add(key);
      return true;
    },
    rememberValid(key) {
      usedValid.add(key);
      changed = true;
    },
    rendered(digest) {
      const files = used.rendered[digest] ?? stored.rendered[digest];
      const rendered = typeof files === "string" ? store.get(files) : undefined;
      if (rendered === undefined) return undefined;
      used.rendered[digest] = files as string;
      return rendered;
    },
    rememberRendered(digest, rendered) {
      used.rendered[digest] = store.put(rendered);
      changed = true;
    },
    save() {
      used.valid = [...usedValid].sort();
      const dropped = Object.keys(stored.parsed).length !== Object.keys(used.parsed).length || stored.valid.length !== used.valid.length || Object.keys(stored.rendered).length !== Object.keys(used.rendered).length;
      if (!changed && !dropped) return;
      try {
        writeFileAtomically(file, JSON.stringify(used));
        keepNewestJsonFiles(dir, keep);
      } catch {
        // Only time is lost.
      }
    },
  };
}

/** Every way YAML can write -0 starts with `-0` or `-.0` (`-0`, `-0.0`, `-0e3`, `-0x0`, `-.0`). */
const NEGATIVE_ZERO = /-\.?0/;

/** The JSON of plain data when parsing it gives the same data back; undefined for NaN, infinities and -0, which JSON cannot hold. */
function jsonExactly(data: unknown): string | undefined {
  let exact = true;
  const json = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) exact = false;
    return value;
  });
  return exact && json !== undefined ? json : undefined;
}
