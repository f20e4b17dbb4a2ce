import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ENVIRONMENT_SCHEMA, InputProblems, listEnvironmentNames, readGeneratorInputs, type GeneratorInputs } from "../gitops/inputs.js";
import { generate } from "../gitops/generate.js";
import { findEnvironmentDrift, listGeneratedEnvironments, removeEnvironment, writeEnvironments, type DriftEntry, type EnvironmentWrite } from "../gitops/output.js";
import { formatProblem, problem, PROBLEM_CATALOG } from "../gitops/problems.js";
import { diskResultCache, generatorIdentity, RESULT_CACHE_DIR, type GeneratorRun } from "../gitops/result-cache.js";
import { diskValidatorCache, VALIDATOR_CACHE_DIR } from "../gitops/validator-cache.js";
import { diskWorkCache, WORK_CACHE_DIR } from "../gitops/work-cache.js";
import { diskRenderedStore, RENDERED_STORE_DIR } from "../gitops/rendered-store.js";
import { keepYoungGenerationSmall } from "../gitops/young-generation.js";
import { repoRoot } from "../paths.js";

const USAGE = `Usage: nx run generate:gitops [-- [--check] [--environment <name>] [--root <dir>] [--prune-environments]]
       tsx tools/src/cli/generate-gitops.ts [--check] [--env <name>] [--root <dir>] [--prune-environments]

Generates apps/<env>/ (the Argo CD app-of-apps) from charts/ and environments/.
  --check                       write nothing; exit 1 and print a diff when apps/ is out of date
  --env, --environment <name>   only this environment
  --root <dir>                  repository root to read and write (default: this checkout)
  --prune-environments          delete apps/<env>/ of environments no longer under environments/
                                (without it such a directory is an error: a renamed environment
                                must not silently delete its output)
  --codes                       print the error catalogue (code, problem, what to do) as a Markdown table

Exit codes: 0 success, 1 validation problems or drift, 2 usage error.`;

interface Options {
  check: boolean;
  prune: boolean;
  env?: string;
  root: string;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  codes: { type: "boolean" },
  check: { type: "boolean" },
  "prune-environments": { type: "boolean" },
  env: { type: "string", short: "e" },
  environment: { type: "string" },
  root: { type: "string" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs splits the words; its tokens are read in order, so the first problem is reported and --help/--codes win over what follows. */
function parseArguments(argv: readonly string[]): Options | { help: true } | { codes: true } | { error: string } {
  const options: Options = { check: false, prune: false, root: repoRoot };
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option" || !Object.hasOwn(OPTIONS, token.name)) return { error: `unknown argument "${argv[token.index]}".` };
    const name = token.name as keyof typeof OPTIONS;
    if (OPTIONS[name].type === "boolean" && token.value !== undefined) return { error: `${token.rawName} takes no value.` };
    if (name === "help") return { help: true };
    if (name === "codes") return { codes: true };
    if (name === "check") options.check = true;
    else if (name === "prune-environments") options.prune = true;
    else if (name === "root") {
      if (!token.value) return { error: "--root needs a directory." };
      options.root = resolve(token.value);
    } else {
      if (!token.value) return { error: "--env needs an environment name." };
      options.env = token.value;
    }
  }
  return options;
}

function usageError(code: "GEN090" | "GEN091", message: string): number {
  console.error(`generate-gitops: ${code} ${message}\n    fix: ${PROBLEM_CATALOG[code].fix}\n\n${USAGE}`);
  return 2;
}

async function main(argv: readonly string[]): Promise<number> {
  keepYoungGenerationSmall();
  const parsed = parseArguments(argv);
  if ("help" in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ("codes" in parsed) {
    console.log(["| Code | Problem | What to do |", "|---|---|---|", ...Object.entries(PROBLEM_CATALOG).map(([code, entry]) => `| ${code} | ${entry.title} | ${entry.fix.replace(/\|/g, "\\|")} |`)].join("\n"));
    return 0;
  }
  if ("error" in parsed) return usageError("GEN090", parsed.error);
  const { root, env, check, prune } = parsed;
  if (!existsSync(join(root, ENVIRONMENT_SCHEMA))) return usageError("GEN090", `${root} is not a repository root: it has no ${ENVIRONMENT_SCHEMA}.`);
  const known = listEnvironmentNames(root);
  if (env !== undefined && !known.includes(env)) {
    return usageError("GEN091", `no environment "${env}" under environments/ (known: ${known.join(", ") || "none"}).`);
  }

  let inputs: GeneratorInputs;
  try {
    inputs = readGeneratorInputs(root, env);
  } catch (error) {
    if (!(error instanceof InputProblems)) throw error;
    for (const p of error.problems) console.error(formatProblem(p));
    console.error(`\ngenerate-gitops: ${error.problems.length} input file(s) refused; nothing was written.`);
    return 1;
  }
  const identity = generatorIdentity();
  const rendered = diskRenderedStore(RENDERED_STORE_DIR);
  const caches = identity ? { resultCache: diskResultCache(RESULT_CACHE_DIR, identity, undefined, rendered), workCache: diskWorkCache(WORK_CACHE_DIR, identity, root, undefined, rendered) } : {};
  const plan = generate(inputs, { validatorCache: diskValidatorCache(VALIDATOR_CACHE_DIR), ...caches });
  for (const warning of plan.warnings) console.error(formatProblem(warning));
  if (plan.problems.length > 0) {
    for (const p of plan.problems) console.error(formatProblem(p));
    const files = new Set(plan.problems.map((p) => p.file));
    console.error(`\ngenerate-gitops: ${plan.problems.length} problem(s) in ${files.size} file(s); nothing was written.`);
    return 1;
  }
  // Environments that disappeared from environments/ leave stale output behind, unless only one environment was asked for.
  const stale = env === undefined ? listGeneratedEnvironments(root).filter((name) => !known.includes(name)) : [];
  if (stale.length > 0 && !prune && !check) {
    for (const name of stale) {
      console.error(formatProblem(problem("GEN092", `apps/${name}`, `apps/${name}/ was generated for environments/${name}/, which no longer exists; it is kept.`)));
    }
    console.error(`\ngenerate-gitops: ${stale.length} generated environment(s) without a source; nothing was written.`);
    return 1;
  }
  return check ? runCheck(root, plan.environments, stale) : runWrite(root, plan.environments, stale);
}

type EnvironmentOutput = GeneratorRun["environments"][number];

async function runWrite(root: string, outputs: readonly EnvironmentOutput[], stale: readonly string[]): Promise<number> {
  let written: EnvironmentWrite[];
  try {
    written = await writeEnvironments(root, outputs.map((output) => ({ environment: output.name, files: output.files })));
  } catch (error) {
    console.error(`generate-gitops: could not write ${join(root, "apps")}: ${(error as Error).message}\n    nothing under apps/ was changed.\n    fix: make apps/ and its environment directories writable directories (not files) with free space, then run again.`);
    return 1;
  }
  const results: EnvironmentWrite[] = [];
  for (const [i, output] of outputs.entries()) {
    const result = written[i] as EnvironmentWrite;
    results.push(result);
    console.log(`generate-gitops: ${output.name}: ${output.summary}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed.`);
    for (const path of result.written) console.log(`  wrote ${path}`);
    for (const path of result.removed) console.log(`  removed ${path}`);
  }
  for (const name of stale) {
    const result = removeEnvironment(root, name);
    results.push(result);
    console.log(`generate-gitops: ${name}: no longer under environments/: ${result.removed.length} removed.`);
  }
  const total = (pick: (r: EnvironmentWrite) => string[]) => results.reduce((sum, r) => sum + pick(r).length, 0);
  console.log(`generate-gitops: ${outputs.length} environment(s): ${total((r) => r.written)} written, ${total((r) => r.unchanged)} unchanged, ${total((r) => r.removed)} removed.`);
  return 0;
}

function runCheck(root: string, outputs: readonly EnvironmentOutput[], stale: readonly string[]): number {
  const drift: DriftEntry[] = [];
  for (const output of outputs) {
    const found = findEnvironmentDrift(root, output.name, output.files);
    drift.push(...found);
    console.log(`generate-gitops --check: ${output.name}: ${output.summary}: ${found.length === 0 ? "up to date" : `${found.length} file(s) out of date`}.`);
  }
  for (const name of stale) drift.push(...findEnvironmentDrift(root, name, []));
  if (drift.length === 0) {
    console.log(`generate-gitops --check: apps/ is up to date (${outputs.length} environment(s)).`);
    return 0;
  }
  console.error(drift.map((d) => d.patch).join("\n"));
  console.error(`generate-gitops --check: ${drift.length} file(s) out of date: ${drift.map((d) => `${d.path} (${d.kind})`).join(", ")}.\n    fix: run \`nx run generate:gitops${stale.length > 0 ? " -- --prune-environments" : ""}\` and commit apps/.`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
