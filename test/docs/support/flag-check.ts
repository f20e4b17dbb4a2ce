import { KNOWN_PROGRAMS, SHELL_BUILTINS, type KnownProgram } from "./known-commands.js";
import { parseCommandLine, type SimpleCommand } from "./shell-words.js";

/** Programs whose `--help` the check reads (they are installed by `npm ci`). */
export type HelpProgram = "helm" | "helm3" | "kubectl";

/** Where the syntax check gets its facts; the doc test passes the real programs, unit tests a stub. */
export interface HelpLookup {
  /** `<program> <subcommand words> --help`: the help text, or undefined when the subcommand does not exist. */
  programHelp(program: HelpProgram, subcommand: readonly string[]): string | undefined;
  /** Flags every subcommand of the program takes that its help does not list (kubectl's `kubectl options`). */
  globalHelp(program: HelpProgram): string;
  /** `--help` of one of this repository's CLIs (`tools/src/cli/<name>.ts`), or undefined when the file does not exist. */
  cliHelp(cliPath: string): string | undefined;
  /** nx target (`generate:gitops`) → the CLI file its command runs. */
  nxTargets(): ReadonlyMap<string, string>;
}

const NPX_FLAGS = new Set(["--no-install", "--yes", "-y", "--no"]);
const ALWAYS_KNOWN = ["--help", "-h"];

/**
 * What is wrong with a documented command line, syntactically: an unknown program or subcommand,
 * or a flag the program does not have. Nothing is run except `--help`.
 */
export function checkCommandSyntax(line: string, lookup: HelpLookup, options: { placeholders: boolean }): string[] {
  const parsed = parseCommandLine(line, { placeholders: options.placeholders });
  if ("error" in parsed) return [parsed.error];
  return parsed.commands.flatMap((command) => checkSimpleCommand(command, lookup));
}

function checkSimpleCommand(command: SimpleCommand, lookup: HelpLookup): string[] {
  let words = command.words;
  if (words.length === 0) return [];
  if (words[0] === "npx") {
    words = words.slice(1);
    while (words.length > 0 && NPX_FLAGS.has(words[0] as string)) words = words.slice(1);
    if (words.length === 0) return ["npx without a program"];
  }
  const [program, ...args] = words as [string, ...string[]];
  if (program === "nx") return checkNx(args, lookup);
  if (program === "tsx") return checkTsx(args, lookup);
  if (program === "helm" || program === "helm3" || program === "kubectl") return checkHelpProgram(program, args, lookup);
  const known = KNOWN_PROGRAMS[program];
  if (known) return checkKnownProgram(program, known, args);
  if (SHELL_BUILTINS.has(program)) return [];
  // Programs a pipeline may end in to trim output; they run in run mode, so only their name matters.
  if (["grep", "head", "tail", "less", "wc", "sort"].includes(program)) return [];
  return [`unknown program "${program}": use one the repository installs (npx nx, npx tsx, npx helm, npx kubectl) or add it with its flags to test/docs/support/known-commands.ts`];
}

function checkNx(args: readonly string[], lookup: HelpLookup): string[] {
  if (args[0] !== "run" || args[1] === undefined) return [`nx ${args.join(" ")}: the docs use \`nx run <project>:<target> [-- <arguments>]\``];
  const target = args[1];
  const cli = lookup.nxTargets().get(target);
  if (!cli) return [`nx target "${target}" does not exist (known: ${[...lookup.nxTargets().keys()].join(", ")})`];
  const rest = args.slice(2);
  if (rest.length === 0) return [];
  if (rest[0] !== "--") return [`nx run ${target} ${rest.join(" ")}: pass the command's arguments after \`--\``];
  return checkCliFlags(cli, rest.slice(1), lookup);
}

function checkTsx(args: readonly string[], lookup: HelpLookup): string[] {
  const [file, ...rest] = args;
  if (file === undefined || !/^tools\/src\/cli\/[\w-]+\.ts$/.test(file)) return [`tsx ${file ?? ""}: the docs run only the CLIs under tools/src/cli/`];
  return checkCliFlags(file, rest, lookup);
}

function checkCliFlags(cli: string, args: readonly string[], lookup: HelpLookup): string[] {
  const help = lookup.cliHelp(cli);
  if (help === undefined) return [`${cli} does not exist`];
  const known = new Set([...optionFlags(help), ...ALWAYS_KNOWN]);
  return flagsOf(args)
    .filter((flag) => !known.has(flag))
    .map((flag) => `${cli} has no flag ${flag} (its --help lists ${[...known].sort().join(", ")})`);
}

function checkHelpProgram(program: HelpProgram, args: readonly string[], lookup: HelpLookup): string[] {
  const firstFlag = args.findIndex((a) => a.startsWith("-"));
  const subcommand = firstFlag === -1 ? args : args.slice(0, firstFlag);
  const help = lookup.programHelp(program, subcommand);
  if (help === undefined) return [`${program} ${subcommand.join(" ")}: no such subcommand`];
  const known = new Set([...optionFlags(help), ...optionFlags(lookup.globalHelp(program)), ...ALWAYS_KNOWN]);
  const terminator = args.indexOf("--");
  return flagsOf(terminator === -1 ? args : args.slice(0, terminator))
    .filter((flag) => !known.has(flag))
    .map((flag) => `${program} ${subcommand.slice(0, 1).join(" ")} has no flag ${flag}`);
}

function checkKnownProgram(program: string, known: KnownProgram, args: readonly string[]): string[] {
  const globals = new Set([...known.globalFlags, ...ALWAYS_KNOWN]);
  // The docs put global flags after the subcommand, so the subcommand is always the first words.
  const words = args;
  const path = Object.keys(known.subcommands)
    .filter((sub) => sub.split(" ").every((part, index) => words[index] === part))
    .sort((a, b) => b.length - a.length)[0];
  if (path === undefined) return [`${program} ${words.slice(0, 2).join(" ")}: not a subcommand listed in test/docs/support/known-commands.ts (see ${known.reference})`];
  const allowed = new Set([...(known.subcommands[path] as readonly string[]), ...globals]);
  const terminator = words.indexOf("--");
  return flagsOf(words.slice(path.split(" ").length, terminator === -1 ? undefined : terminator))
    .filter((flag) => !allowed.has(flag))
    .map((flag) => `${program} ${path} has no flag ${flag} in test/docs/support/known-commands.ts (see ${known.reference})`);
}

/** The flags among the arguments: `--name=value` counts as `--name`, `-abc` as `-a -b -c`. */
export function flagsOf(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    if (!arg.startsWith("-") || arg === "-" || arg === "--" || /^-\d/.test(arg)) return [];
    const name = flagName(arg);
    if (!name.startsWith("--") && name.length > 2) return [...name.slice(1)].map((c) => `-${c}`);
    return [name];
  });
}

function flagName(arg: string): string {
  const eq = arg.indexOf("=");
  return eq === -1 ? arg : arg.slice(0, eq);
}

/**
 * The flags a help text defines: those on option lines (lines that start, after indentation, with a
 * dash), before the description. Flags only mentioned in examples or prose do not count.
 */
export function optionFlags(help: string): string[] {
  const flags = new Set<string>();
  for (const line of help.split("\n")) {
    const option = /^\s+(-.*)$/.exec(line);
    if (!option) continue;
    const head = (option[1] as string).split(/(?<=\S)\s{2,}/)[0] as string;
    for (const match of head.matchAll(/(?<![\w-])(--?[A-Za-z0-9][A-Za-z0-9-]*)/g)) flags.add(match[1] as string);
  }
  return [...flags];
}
