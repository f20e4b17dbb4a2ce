import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveBinary } from "../../../tools/src/binaries/binaries.js";
import { run } from "../../../tools/src/process/run.js";
import type { HelpLookup, HelpProgram } from "./flag-check.js";

/** Every project.json the nx workspace has (one today: tools/). */
const PROJECT_FILES = ["tools/project.json"];

/**
 * The syntax check's facts from the real programs: the pinned helm, helm3 and kubectl (`--help`),
 * this repository's CLIs (`npx tsx <cli> --help`) and the nx targets of its project.json files.
 * Every answer is cached: a help text is read once per test run.
 */
export function installedHelp(root: string): HelpLookup {
  const cache = new Map<string, string | undefined>();
  const cached = (key: string, read: () => string | undefined) => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key);
  };
  let targets: Map<string, string> | undefined;
  return {
    programHelp(program: HelpProgram, subcommand: readonly string[]) {
      return cached(`${program} ${subcommand.join(" ")}`, () => {
        const result = run(resolveBinary(program), [...subcommand, "--help"], { cwd: root });
        const text = `${result.stdout}${result.stderr}`;
        return result.status === 0 && !/unknown command/i.test(text) ? text : undefined;
      });
    },
    globalHelp(program: HelpProgram) {
      if (program !== "kubectl") return "";
      return cached("kubectl options", () => run(resolveBinary("kubectl"), ["options"], { cwd: root }).stdout) ?? "";
    },
    cliHelp(cliPath: string) {
      return cached(`cli ${cliPath}`, () => {
        if (!existsSync(join(root, cliPath))) return undefined;
        const result = run(join(root, "node_modules", ".bin", "tsx"), [cliPath, "--help"], { cwd: root });
        if (result.status !== 0) throw new Error(`${cliPath} --help exited ${result.status}: ${result.stderr}`);
        return result.stdout;
      });
    },
    nxTargets() {
      targets ??= readNxTargets(root);
      return targets;
    },
  };
}

/**
 * `<project>:<target>` → the CLI its nx:run-commands command runs: `tsx tools/src/cli/<name>.ts`,
 * or `node tools/dist/<name>.mjs`, that CLI bundled (tools/src/build/bundle-cli.ts).
 */
export function readNxTargets(root: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const file of PROJECT_FILES) {
    const project = JSON.parse(readFileSync(join(root, file), "utf8")) as { name: string; targets: Record<string, { options?: { command?: string } }> };
    for (const [name, target] of Object.entries(project.targets)) {
      const command = target.options?.command ?? "";
      const bundled = /\bnode tools\/dist\/([\w-]+)\.mjs\b/.exec(command)?.[1];
      const cli = /\btsx (tools\/src\/cli\/[\w-]+\.ts)\b/.exec(command)?.[1] ?? (bundled ? `tools/src/cli/${bundled}.ts` : undefined);
      if (cli) targets.set(`${project.name}:${name}`, cli);
    }
  }
  return targets;
}
