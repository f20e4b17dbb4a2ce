import { createHash } from "node:crypto";
import { existsSync, readFileSync, readlinkSync, utimesSync } from "node:fs";
import { bundleDigest, runsBundled, sourceTreeDigest } from "./code-identity.js";
import { contentDigest } from "./content-digest.js";
import { join } from "node:path";
import { writeFileAtomically } from "../files/atomic-write.js";
import { keepNewestJsonFiles } from "../files/keep-newest.js";
import type { PlannedFile } from "../files/planned-files.js";
import { repoRoot } from "../paths.js";
import type { RevisionLookup, RevisionQuery } from "./git-revisions.js";
import type { GeneratorInputs } from "./inputs.js";
import type { Problem } from "./problems.js";
import { diskRenderedStore, type RenderedStore } from "./rendered-store.js";

/** Where the generator keeps the outcome of its last successful runs (see diskResultCache); deleting it only costs time. */
export const RESULT_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "generate-gitops", "results");

/** Bumped whenever what is stored, or how the key is made, changes. */
const FORMAT = "generate-gitops-result/2";

/** What a successful run yields: everything an identical later run needs to write or check apps/. */
export interface GeneratorRun {
  warnings: Problem[];
  environments: { name: string; summary: string; files: PlannedFile[] }[];
}

/** A question the planning asked the Git repository, with the answer in canonical form (see canonicalAnswer). */
export interface RecordedQuestion {
  query: RevisionQuery;
  answer: string;
}

/**
 * The outcome of a run, found again by everything it was computed from. Planning is a pure function
 * of the inputs (every file it reads is in GeneratorInputs), of the generator's code and of what
 * the Git repository answers about the pins; the key covers the first two, and a stored run is only
 * used when the repository still answers each question it asked the same way (branches move).
 */
export interface ResultCache {
  load(inputs: GeneratorInputs): GeneratorRun | undefined;
  store(inputs: GeneratorInputs, run: GeneratorRun, questions: readonly RecordedQuestion[]): void;
}

/** Passes every question on to `lookup` and records it with its answer. */
export function recordingLookup(lookup: RevisionLookup): { lookup: RevisionLookup; questions: RecordedQuestion[] } {
  const questions: RecordedQuestion[] = [];
  return {
    questions,
    lookup(query) {
      const result = lookup(query);
      questions.push({ query: structuredClone(query), answer: canonicalAnswer(result) });
      return result;
    },
  };
}

/** An answer as text that two equal answers share: maps and sets as sorted lists. */
export function canonicalAnswer(result: ReturnType<RevisionLookup>): string {
  return JSON.stringify(result, (_key, value: unknown) => {
    if (value instanceof Map) return ["map", [...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))];
    if (value instanceof Set) return ["set", [...value].sort()];
    return value;
  });
}

/**
 * The key of a run: the stored format, what the generator's output depends on besides its inputs
 * (`identity`, see generatorIdentity), and every input file's path and text (the Git lookup is not
 * part of it: its answers are checked when a run is loaded).
 */
export function resultCacheKey(inputs: GeneratorInputs, identity: string): string {
  return contentDigest(inputs, { skipFunctions: true, prefix: `${FORMAT}\u0000${identity}` });
}

/**
 * Runs kept in `dir`, one JSON file per key, written atomically; only the `keep` most recently
 * used are kept. Each environment's files are in `store` (shared with the work cache, which keeps
 * the same files), the entry holds their digests. A file that cannot be read or parsed, that holds
 * another key or format, or whose files are no longer in the store, is a miss; a cache that cannot
 * be written only costs time on the next run.
 */
export function diskResultCache(dir: string, identity: string, keep = 8, store: RenderedStore = diskRenderedStore(`${dir}.rendered`)): ResultCache {
  const keys = new WeakMap<GeneratorInputs, string>();
  const keyOf = (inputs: GeneratorInputs) => {
    let key = keys.get(inputs);
    if (key === undefined) keys.set(inputs, (key = resultCacheKey(inputs, identity)));
    return key;
  };
  const fileOf = (key: string) => join(dir, `${key}.json`);
  return {
    load(inputs) {
      const key = keyOf(inputs);
      const file = fileOf(key);
      let stored: { format?: unknown; key?: unknown; questions?: RecordedQuestion[]; warnings?: Problem[]; environments?: { name: string; rendered: string }[] };
      try {
        stored = JSON.parse(readFileSync(file, "utf8")) as typeof stored;
      } catch {
        return undefined;
      }
      if (stored.format !== FORMAT || stored.key !== key || !Array.isArray(stored.questions) || !Array.isArray(stored.warnings) || !Array.isArray(stored.environments)) return undefined;
      for (const question of stored.questions) {
        if (canonicalAnswer(inputs.revisions(question.query)) !== question.answer) return undefined;
      }
      const environments: GeneratorRun["environments"] = [];
      for (const { name, rendered } of stored.environments) {
        const found = store.get(rendered);
        if (!found) return undefined;
        environments.push({ name, summary: found.summary, files: found.files });
      }
      try {
        const now = new Date();
        utimesSync(file, now, now);
      } catch {
        // Only its place in the eviction order is lost.
      }
      return { warnings: stored.warnings, environments };
    },
    store(inputs, run, questions) {
      const key = keyOf(inputs);
      try {
        const environments = run.environments.map(({ name, summary, files }) => ({ name, rendered: store.put({ summary, files }) }));
        writeFileAtomically(fileOf(key), JSON.stringify({ format: FORMAT, key, questions, warnings: run.warnings, environments }));
        keepNewestJsonFiles(dir, keep);
      } catch {
        // As above: only time is lost.
      }
    },
  };
}

/**
 * What the generator's output depends on besides its input files: its code (the bundle this module
 * is part of, which holds the environment README's template precompiled (tools/src/build/bundle-cli.ts),
 * or else every source and template under tools/), the packages installed beside it
 * (npm's record of node_modules), and the runtime: Node's version and flags, its ICU and time zone
 * data, and the variables its default locale and time zone come from (sorting and the sync window
 * checks use them). Undefined when the installed packages cannot be identified: then nothing is
 * cached.
 */
export function generatorIdentity(): string | undefined {
  const hash = createHash("sha256");
  hash.update(runsBundled() ? bundleDigest() : sourceTreeDigest());
  const installed = join(repoRoot, "node_modules", ".package-lock.json");
  if (!existsSync(installed)) return undefined;
  hash.update(readFileSync(installed));
  // ICU takes the default locale and time zone from these (reading them through Intl costs more than the rest of a cached run).
  const runtime = [process.version, process.versions.icu, process.versions.tz, process.versions.unicode, withoutProfiling(process.execArgv), localTimeZone(), ...RUNTIME_VARIABLES.map((name) => process.env[name] ?? null)];
  hash.update(JSON.stringify(runtime));
  return hash.digest("hex");
}

/** Node's profilers only observe: a profiled run may use what an unprofiled one stored. */
const PROFILING_FLAG = /^--(cpu-prof|heap-prof|prof)(-|=|$)|^--diagnostic-dir(=|$)/;
/** Profiler flags whose value may follow as the next argument (`--cpu-prof-dir /tmp/p`). */
const PROFILING_VALUE_FLAG = /^--((cpu|heap)-prof-(dir|name|interval)|diagnostic-dir)$/;

/** Node's flags without its profilers' (and their values). */
export function withoutProfiling(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (!PROFILING_FLAG.test(flag)) kept.push(flag);
    else if (PROFILING_VALUE_FLAG.test(flag)) i++;
  }
  return kept;
}

/** The environment variables that choose ICU's default locale and time zone, and its data. */
const RUNTIME_VARIABLES = ["LANG", "LANGUAGE", "LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MESSAGES", "TZ", "NODE_ICU_DATA", "NODE_OPTIONS"];

/** The system's time zone when TZ is not set: the zone file /etc/localtime links to. */
function localTimeZone(): string | null {
  try {
    return readlinkSync("/etc/localtime");
  } catch {
    return null;
  }
}

