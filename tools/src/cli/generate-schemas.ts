import { parseArgs } from "node:util";
import { applicationCharts } from "../charts/discover.js";
import { repoRoot } from "../paths.js";

const USAGE = "Usage: nx run generate:schemas [-- [--check] [--chart <name>]...]";

/**
 * nx run generate:schemas [-- --check]
 * Bundles schemas/ into each chart's values.schema.json, values.yaml, README values table and
 * TypeScript types. --check writes nothing and fails when a committed file differs; --chart limits
 * the run to the named charts.
 */
async function main(argv: string[]): Promise<number> {
  const { tokens } = parseArgs({
    args: argv,
    options: { check: { type: "boolean" }, chart: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const charts: string[] = [];
  let check = false;
  for (const token of tokens) {
    // --chart needs a value and --check/--help take none; anything else is as wrong as an unknown word.
    const wellFormed = token.kind === "option" && (token.name === "chart" ? Boolean(token.value) : ["check", "help"].includes(token.name) && token.value === undefined);
    if (!wellFormed) {
      console.error(`generate-schemas: unknown argument "${argv[token.index]}". ${USAGE}`);
      return 2;
    }
    if (token.name === "help") {
      console.log(USAGE);
      return 0;
    }
    if (token.name === "check") check = true;
    else charts.push(token.value as string);
  }
  // A name that is no chart would plan nothing and report success; say so instead (library charts have no values).
  const known = applicationCharts(repoRoot).map((c) => c.name).sort();
  const unknown = charts.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`generate-schemas: no application chart ${unknown.map((n) => `"${n}"`).join(", ")} under charts/ (--chart takes a chart's directory name). Known charts: ${known.join(", ")}.`);
    return 2;
  }
  // The schema pipeline (json-schema-to-typescript, prettier) loads only now: a usage error or --help answers without it.
  const [{ formatSchemaProblems, planSchemaOutputs }, { findDrift, writePlannedFiles }] = await Promise.all([import("../schemas/plan.js"), import("../files/planned-files.js")]);
  const plan = await planSchemaOutputs(repoRoot, charts.length > 0 ? { charts } : {});
  if (plan.problems.length > 0) {
    console.error(`generate-schemas: ${plan.problems.length} problem(s); nothing was written.\n${formatSchemaProblems(plan.problems)}`);
    return 1;
  }
  if (check) {
    const drift = findDrift(repoRoot, plan.files);
    if (drift.length === 0) {
      console.log(`generate-schemas: ${plan.files.length} generated files are up to date.`);
      return 0;
    }
    console.error(drift.map((d) => d.patch).join("\n"));
    console.error(`generate-schemas: ${drift.length} file(s) out of date: ${drift.map((d) => d.path).join(", ")}. Run \`nx run generate:schemas\` and commit the result.`);
    return 1;
  }
  const { written, unchanged } = writePlannedFiles(repoRoot, plan.files);
  for (const path of written) console.log(`  wrote ${path}`);
  console.log(`generate-schemas: ${written.length} written, ${unchanged.length} unchanged.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
