import { existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import type { SyntheticSize } from "./synthetic-catalog.js";

/** The benchmark's command line (`npm run bench -- <options>`), parsed with node:util's parseArgs. */
export interface BenchOptions {
  repeat: number;
  size: SyntheticSize;
  sections: Set<Section>;
  dir: string;
}

export const SECTIONS = ["repository", "synthetic", "clusters", "nx"] as const;
export type Section = (typeof SECTIONS)[number];

export const USAGE = `Usage: npm run bench [-- --repeat <n> --components <n> --environments <n> --sections ${SECTIONS.join(",")} --dir <directory>]
  --repeat        alternating rounds per case, medians reported (default 7)
  --components    components of the synthetic catalog (default 200)
  --environments  environments of the synthetic catalog (default 10)
  --sections      which sections to run, comma-separated (default all: ${SECTIONS.join(",")})
  --dir           where the scratch copies go (default the system's temporary directory)`;

/** A wrong command line: the message says what is wrong; the caller prints it with USAGE and exits 2. */
export class BenchUsageError extends Error {}

/** Parses the options; `"help"` for -h/--help. Throws BenchUsageError on anything else it cannot use. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        repeat: { type: "string" },
        components: { type: "string" },
        environments: { type: "string" },
        sections: { type: "string" },
        dir: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs' own messages name the option ("Unknown option '--x'", "Option '--repeat <value>' argument missing").
    throw new BenchUsageError((error as Error).message.split("\n")[0] ?? String(error));
  }
  if (values.help === true) return "help";
  const positive = (name: string, fallback: number): number => {
    const value = values[name];
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (typeof value !== "string" || !/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
      throw new BenchUsageError(`--${name} takes a positive whole number, not "${String(value)}"`);
    }
    return parsed;
  };
  const sections = new Set<Section>();
  for (const name of (typeof values.sections === "string" ? values.sections : SECTIONS.join(",")).split(",")) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new BenchUsageError(`--sections: unknown section "${name}" (known: ${SECTIONS.join(", ")})`);
    sections.add(name as Section);
  }
  const dir = typeof values.dir === "string" ? values.dir : tmpdir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BenchUsageError(`--dir: "${dir}" is not an existing directory`);
  return {
    repeat: positive("repeat", 7),
    size: { components: positive("components", 200), environments: positive("environments", 10) },
    sections,
    dir,
  };
}
