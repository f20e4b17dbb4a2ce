import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { resolveBinary, type BinaryName } from "../src/binaries/binaries.js";
import { bundleCli } from "../src/build/bundle-cli.js";
import { readGeneratorInputs } from "../src/gitops/inputs.js";
import { planGitops } from "../src/gitops/plan.js";
import { mayHoldAlias } from "../src/gitops/yaml-source.js";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";
import { plannedAppOfAppsValues, syntheticAppOfAppsValues, writeAppOfAppsChart, type AppOfAppsValues } from "./app-of-apps-chart.js";
import { cpuSeconds, linearFit, linearFit2, measure, runInRounds, type Case, type Measurement } from "./measure.js";
import { copyRepository } from "./repository-copy.js";
import { writeSyntheticRepository, type SyntheticSize } from "./synthetic-catalog.js";
import { BenchUsageError, parseBenchOptions, USAGE } from "./options.js";
import { toolSandbox, type ToolSandbox } from "./tool-sandbox.js";

/**
 * `npm run bench [-- --repeat 7 --components 200 --environments 10 --sections repository,synthetic,clusters,nx --dir <dir>]`
 * (`-- --help` prints the options; options.ts parses and checks them, a wrong one exits 2 with the usage)
 *
 * The generator as `nx run generate:gitops` runs it (the CLI bundled into tools/dist, rebuilt
 * here first, run from a copy with caches of its own: tool-sandbox.ts) beside `helm template` of
 * the classic app-of-apps chart rendering the same Applications (app-of-apps-chart.ts), Helm 4.1
 * and 3.17, one render per environment:
 * - this repository (a copy of its inputs and apps/): nothing changed, one values file changed, the
 *   largest chart schema changed (its validator recompiled), everything validated and rendered;
 * - the synthetic catalog (synthetic-catalog.ts), 200 components x 10 environments, and its growth;
 * - multi-cluster: 40 components x 3 environments with 1 to 50 production clusters;
 * - `nx run generate:gitops` with a cache hit, and what nx costs by itself.
 * The cases of a section run in rounds (every case once per round, medians over the rounds), so a
 * machine that slows down during the run slows them all. Wall time, user and system CPU time and
 * peak RSS come from GNU time; on a shared machine CPU time is the steadier figure. Not a test: it
 * prints a Markdown report, the targets of issue 16 (and 15) first.
 */
/** A row of the targets table. */
interface Target {
  what: string;
  generator: Measurement;
  helm?: Measurement;
  /** Shown as the target, and whether it is met. */
  target: string;
  met: boolean;
  /** What the ratio column shows (Helm / generator), when there is a Helm peer. */
  ratio?: number;
}

const seconds = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(3)} s`);
const mib = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(0)} MiB`);
const row = (label: string, m: Measurement) => `| ${label} | ${seconds(m.seconds)} | ${seconds(cpuSeconds(m))} | ${seconds(m.userSeconds)} | ${seconds(m.systemSeconds)} | ${mib(m.peakMiB)} |`;
const TABLE_HEAD = "| wall (median) | CPU user+sys (median) | user | system | peak RSS |\n|---|---|---|---|---|---|";

/** Every `kind: Application` the generator wrote under apps/<env>/. */
function generatedApplications(root: string, env: string): number {
  const dir = join(root, "apps", env);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".yaml"))
    .reduce((sum, file) => sum + (readFileSync(join(dir, file), "utf8").match(/^kind: Application$/gm) ?? []).length, 0);
}

/** `helm template` of the chart once per environment, Helm 4 and 3, after checking that it renders the generator's Applications. */
function helmCases(chartDir: string, environments: readonly AppOfAppsValues[], root: string): Case[] {
  const files = writeAppOfAppsChart(chartDir, environments);
  return (["helm", "helm3"] as BinaryName[]).map((binary) => {
    const helm = resolveBinary(binary);
    environments.forEach((values, i) => {
      const rendered = run(helm, ["template", "root", join(chartDir, "apps"), "-f", files[i]?.file as string]);
      if (rendered.status !== 0) throw new Error(`helm template failed for ${values.environment}: ${rendered.stderr}`);
      const count = (rendered.stdout.match(/^kind: Application$/gm) ?? []).length;
      const generated = generatedApplications(root, values.environment);
      if (count !== generated) throw new Error(`the Helm chart rendered ${count} Applications for ${values.environment}, the generator ${generated}`);
    });
    const script = files.map((f) => `"${helm}" template root "${join(chartDir, "apps")}" -f "${f.file}" > /dev/null`).join(" && ");
    return { label: `\`helm template\` app-of-apps chart, ${binary === "helm" ? "Helm 4.1" : "Helm 3.17"} (${environments.length} renders)`, run: () => measure("bash", ["-c", script]) };
  });
}

/** The faster of the Helm cases. */
function fastest(results: Map<Case, Measurement>, cases: readonly Case[]): Measurement {
  return cases.map((c) => results.get(c) as Measurement).reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/** Appends a comment to a file, a different one each time: its content changes, its data does not. */
let edits = 0;
const touchComment = (file: string) => () => appendFileSync(file, `# bench edit ${++edits}\n`);

/** Rewrites a chart schema's description, a different one each time: the schema changes, so its validator is compiled again. */
function editSchema(file: string): () => void {
  const original = readFileSync(file, "utf8");
  return () => {
    const schema = JSON.parse(original) as { description?: string };
    schema.description = `${schema.description ?? ""} (bench edit ${++edits})`;
    writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  };
}

interface Section {
  title: string;
  lines: string[];
  targets: Target[];
}

function repositorySection(work: string, sandbox: ToolSandbox, repeat: number): Section {
  const root = copyRepository(join(work, "repository"));
  const generator = (...extra: string[]) => () => measure(process.execPath, [sandbox.cli, "--root", root, ...extra]);
  sandbox.forgetAll();
  const first = generator()();
  generator()();
  const inputs = readGeneratorInputs(root);
  const plan = planGitops(inputs);
  if (plan.problems.length > 0) throw new Error(`this repository does not generate: ${plan.problems.map((p) => p.message).join("; ")}`);
  const environments = plannedAppOfAppsValues(plan.environments.map((e) => e.plan));
  const helm = helmCases(join(work, "repository-helm"), environments, root);
  const applications = environments.reduce((sum, e) => sum + generatedApplications(root, e.environment), 0);
  const largestSchema = readdirSync(join(root, "charts"))
    .map((chart) => join(root, "charts", chart, "values.schema.json"))
    .filter((file) => existsSync(file))
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0] as string;
  // The first staging values file without YAML aliases (a file with aliases takes the slower, position-keeping parser).
  const valuesDir = join(root, "environments", "staging", "values");
  const valuesFile = join(valuesDir, readdirSync(valuesDir).sort().find((file) => !mayHoldAlias(readFileSync(join(valuesDir, file), "utf8"))) as string);

  const unchanged: Case = { label: "generator, nothing changed (result cache)", run: generator() };
  const check: Case = { label: "generator `--check`, nothing changed", run: generator("--check") };
  const values: Case = { label: `generator, one values file changed (${valuesFile.slice(root.length + 1)}: a comment added, so parsed and validated again)`, prepare: touchComment(valuesFile), run: generator() };
  const schema: Case = { label: `generator, largest chart schema changed (${largestSchema.slice(root.length + 1)}, ${Math.round(readFileSync(largestSchema).length / 1024)} KiB): its validator recompiled`, prepare: editSchema(largestSchema), run: generator() };
  const everything: Case = { label: "generator, everything validated and rendered (compiled validators cached)", prepare: sandbox.forgetRuns, run: generator() };
  const cases = [unchanged, check, values, schema, everything, ...helm];
  const results = runInRounds(cases, repeat);
  const helmBest = fastest(results, helm);
  const get = (c: Case) => results.get(c) as Measurement;
  const repoCases = [unchanged, check, values, schema, everything].map(get);
  return {
    title: `This repository: ${environments.length} environments, ${applications} Applications`,
    lines: [`| case ${TABLE_HEAD}`, row("generator, first run (no caches at all)", first), ...cases.map((c) => row(c.label, get(c)))],
    targets: [
      { what: "repository, nothing changed", generator: get(unchanged), target: "≤ 0.2 s", met: get(unchanged).seconds <= 0.2 },
      { what: "repository, nothing changed, against the per-environment Helm renders", generator: get(unchanged), helm: helmBest, ratio: helmBest.seconds / get(unchanged).seconds, target: "no slower than Helm (ratio ≥ 1)", met: get(unchanged).seconds <= helmBest.seconds },
      { what: "repository, a chart schema changed (validator recompiled)", generator: get(schema), target: "≤ 0.4 s", met: get(schema).seconds <= 0.4 },
      { what: "repository, one values file changed", generator: get(values), helm: helmBest, ratio: helmBest.seconds / get(values).seconds, target: "(reported)", met: true },
      { what: "repository, everything validated and rendered", generator: get(everything), helm: helmBest, ratio: helmBest.seconds / get(everything).seconds, target: "(reported)", met: true },
      { what: "repository, nothing changed: peak RSS", generator: { seconds: Number.NaN, peakMiB: get(unchanged).peakMiB }, target: "≤ 100 MiB", met: (get(unchanged).peakMiB ?? Number.POSITIVE_INFINITY) <= 100 },
      { what: "repository, peak RSS of every generator case above", generator: { seconds: Number.NaN, peakMiB: Math.max(...repoCases.map((m) => m.peakMiB ?? 0)) }, target: "≤ 100 MiB", met: Math.max(...repoCases.map((m) => m.peakMiB ?? 0)) <= 100 },
    ],
  };
}

function syntheticRepository(work: string, size: SyntheticSize) {
  const root = mkdtempSync(join(work, `synthetic-${size.components}x${size.environments}${size.productionClusters ? `x${size.productionClusters}` : ""}-`));
  return { root, ...writeSyntheticRepository(root, size) };
}

function syntheticSection(work: string, sandbox: ToolSandbox, size: SyntheticSize, repeat: number): Section {
  const { root, components, environments } = syntheticRepository(work, size);
  const generator = () => measure(process.execPath, [sandbox.cli, "--root", root]);
  sandbox.forgetAll();
  const first = generator();
  generator();
  const helm = helmCases(join(work, "synthetic-helm"), syntheticAppOfAppsValues(components, environments), root);
  const applications = environments.reduce((sum, e) => sum + generatedApplications(root, e.name), 0);
  const valuesFile = join(root, "environments", "env-01", "values", `${components[0]?.name}.yaml`);
  const unchanged: Case = { label: "generator, nothing changed (result cache)", run: generator };
  const values: Case = { label: "generator, one values file changed (a comment added: parsed and validated again)", prepare: touchComment(valuesFile), run: generator };
  const everything: Case = { label: "generator, everything validated and rendered (compiled validators cached)", prepare: sandbox.forgetRuns, run: generator };
  const cases = [unchanged, values, everything, ...helm];
  const results = runInRounds(cases, repeat);
  const get = (c: Case) => results.get(c) as Measurement;
  const helmBest = fastest(results, helm);

  // Growth of the full run with components x environments.
  const sizes: SyntheticSize[] = [
    { components: Math.round(size.components / 4), environments: size.environments },
    { components: Math.round(size.components / 2), environments: size.environments },
    { components: Math.round(size.components / 2), environments: Math.max(1, Math.round(size.environments / 2)) },
    { components: size.components, environments: Math.max(1, Math.round(size.environments / 2)) },
    size,
  ];
  const growth = sizes.map((s) => {
    const synthetic = s === size ? root : syntheticRepository(work, s).root;
    measure(process.execPath, [sandbox.cli, "--root", synthetic]);
    return { size: s, case: { label: `${s.components} x ${s.environments} = ${s.components * s.environments}`, prepare: sandbox.forgetRuns, run: () => measure(process.execPath, [sandbox.cli, "--root", synthetic]) } as Case };
  });
  const grown = runInRounds(growth.map((g) => g.case), repeat);
  // A catalog costs per chart (its Chart.yaml, schema and defaults) and per chart in each environment (values, Application).
  const fit = linearFit2(growth.map((g) => ({ x1: g.size.components, x2: g.size.components * g.size.environments, seconds: cpuSeconds(grown.get(g.case) as Measurement) ?? (grown.get(g.case) as Measurement).seconds })));
  return {
    title: `Synthetic catalog: ${size.components} components x ${size.environments} environments, ${applications} Applications`,
    lines: [
      `| case ${TABLE_HEAD}`,
      row("generator, first run (no caches at all)", first),
      ...cases.map((c) => row(c.label, get(c))),
      "",
      `Growth of "everything validated and rendered" with components x environments:`,
      "",
      `| components x environments ${TABLE_HEAD}`,
      ...growth.map((g) => row(g.case.label, grown.get(g.case) as Measurement)),
      "",
      `Linear fit of CPU time: ${fit.intercept.toFixed(3)} s + ${(fit.b1 * 1000).toFixed(3)} ms per component + ${(fit.b2 * 1000).toFixed(3)} ms per component-environment (R² = ${fit.r2.toFixed(3)}).`,
    ],
    targets: [
      { what: `${size.components} x ${size.environments}, everything validated and rendered`, generator: get(everything), helm: helmBest, ratio: helmBest.seconds / get(everything).seconds, target: "≥ 1.5x faster than Helm", met: helmBest.seconds / get(everything).seconds >= 1.5 },
      { what: `${size.components} x ${size.environments}, one values file changed`, generator: get(values), helm: helmBest, ratio: helmBest.seconds / get(values).seconds, target: "≥ 1.5x faster than Helm", met: helmBest.seconds / get(values).seconds >= 1.5 },
      { what: `${size.components} x ${size.environments}, nothing changed`, generator: get(unchanged), helm: helmBest, ratio: helmBest.seconds / get(unchanged).seconds, target: "(reported)", met: true },
      { what: `${size.components} x ${size.environments}, growth of the full run (CPU, ${sizes.length} sizes, per component and per component-environment)`, generator: grown.get(growth[growth.length - 1]?.case as Case) as Measurement, target: "linear (R² ≥ 0.95)", met: fit.r2 >= 0.95 },
    ],
  };
}

function clustersSection(work: string, sandbox: ToolSandbox, repeat: number): Section {
  const counts = [1, 10, 25, 50];
  const steps = counts.map((clusters) => {
    const size: SyntheticSize = { components: 40, environments: 3, productionClusters: clusters };
    const { root, components, environments } = syntheticRepository(work, size);
    measure(process.execPath, [sandbox.cli, "--root", root]);
    const helm = helmCases(join(work, `clusters-helm-${clusters}`), syntheticAppOfAppsValues(components, environments), root);
    const applications = environments.reduce((sum, e) => sum + generatedApplications(root, e.name), 0);
    const generator: Case = { label: `generator, ${clusters} production cluster(s), ${applications} Applications: everything validated and rendered`, prepare: sandbox.forgetRuns, run: () => measure(process.execPath, [sandbox.cli, "--root", root]) };
    const production = environments.find((e) => e.production)?.name as string;
    const values: Case = { label: `generator, ${clusters} production cluster(s): one values file changed`, prepare: touchComment(join(root, "environments", production, "values", `${components[0]?.name}.yaml`)), run: () => measure(process.execPath, [sandbox.cli, "--root", root]) };
    return { clusters, applications, generator, values, helm };
  });
  const results = runInRounds(steps.flatMap((s) => [s.generator, s.values, ...s.helm]), repeat);
  const get = (c: Case) => results.get(c) as Measurement;
  const fitOf = (pick: (s: (typeof steps)[number]) => Measurement) => linearFit(steps.map((s) => ({ units: s.applications, seconds: cpuSeconds(pick(s)) ?? pick(s).seconds })));
  const generatorFit = fitOf((s) => get(s.generator));
  const helmFit = fitOf((s) => fastest(results, s.helm));
  return {
    title: "Multi-cluster: 40 components x 3 environments, production in 1 to 50 clusters",
    lines: [
      `| case ${TABLE_HEAD}`,
      ...steps.flatMap((s) => [row(s.generator.label, get(s.generator)), row(s.values.label, get(s.values)), ...s.helm.map((h) => row(`${h.label}, ${s.clusters} cluster(s)`, get(h)))]),
      "",
      `Linear fit of CPU time per Application: generator ${generatorFit.intercept.toFixed(3)} s + ${(generatorFit.slope * 1000).toFixed(3)} ms (R² = ${generatorFit.r2.toFixed(3)}); Helm ${helmFit.intercept.toFixed(3)} s + ${(helmFit.slope * 1000).toFixed(3)} ms (R² = ${helmFit.r2.toFixed(3)}).`,
    ],
    targets: [
      ...steps.flatMap((s) => {
        const helmBest = fastest(results, s.helm);
        return [s.values, s.generator].map((c) => ({
          what: `multi-cluster, ${s.clusters} production cluster(s) (${s.applications} Applications), ${c === s.values ? "one values file changed" : "everything validated and rendered"}`,
          generator: get(c),
          helm: helmBest,
          ratio: helmBest.seconds / get(c).seconds,
          target: "faster than Helm",
          met: get(c).seconds < helmBest.seconds,
        }));
      }),
      { what: "multi-cluster, growth of the full run with the number of Applications (CPU)", generator: get(steps[steps.length - 1]?.generator as Case), target: "linear (R² ≥ 0.95)", met: generatorFit.r2 >= 0.95 },
    ],
  };
}

/** `nx run generate:gitops` on this checkout: a cache hit, and what nx costs by itself. */
function nxSection(repeat: number): Section {
  const nx = join(repoRoot, "node_modules", ".bin", "nx");
  const nxRun = (...args: string[]) => () => measure(process.execPath, [nx, ...args]);
  // Fill nx's cache first (the generator writes nothing: apps/ is up to date).
  nxRun("run", "generate:gitops")();
  const cases: Case[] = [
    { label: "`nx run generate:gitops`, cache hit (with its dependsOn targets schemas and bundle, cache hits too)", run: nxRun("run", "generate:gitops") },
    { label: "`nx run generate:gitops --excludeTaskDependencies`, cache hit", run: nxRun("run", "generate:gitops", "--excludeTaskDependencies") },
    { label: "`nx run generate:gitops --skip-nx-cache --excludeTaskDependencies`: nx running the generator (result cache hit)", run: nxRun("run", "generate:gitops", "--skip-nx-cache", "--excludeTaskDependencies") },
    { label: "`node tools/dist/generate-gitops.mjs`, the same command without nx", run: () => measure(process.execPath, [join(repoRoot, "tools", "dist", "generate-gitops.mjs")]) },
    { label: "`nx show projects`: nx's start-up and project graph alone", run: nxRun("show", "projects") },
    { label: "`nx --version`: nx's start-up alone", run: nxRun("--version") },
    { label: "`git for-each-ref` of the gitops target's runtime input", run: () => measure("git", ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads", "refs/remotes", "refs/tags"]) },
  ];
  const results = runInRounds(cases, repeat);
  // With nx's daemon (nx.json sets useDaemonProcess: false): it keeps the project graph between runs. Stopped afterwards.
  const daemon: Case = { label: "`nx run generate:gitops`, cache hit, with the nx daemon (NX_DAEMON=true; nx.json turns it off)", run: () => measure("env", ["NX_DAEMON=true", process.execPath, nx, "run", "generate:gitops"]) };
  measure("env", ["NX_DAEMON=true", process.execPath, nx, "run", "generate:gitops"]);
  try {
    results.set(daemon, runInRounds([daemon], repeat).get(daemon) as Measurement);
    cases.push(daemon);
  } finally {
    run("env", ["NX_DAEMON=true", process.execPath, nx, "daemon", "--stop"], { cwd: repoRoot });
  }
  const get = (c: Case) => results.get(c) as Measurement;
  return {
    title: "nx on this checkout",
    lines: [`| case ${TABLE_HEAD}`, ...cases.map((c) => row(c.label, get(c)))],
    targets: [
      { what: "`nx run generate:gitops` with a cache hit", generator: get(cases[0] as Case), target: "(reported)", met: true },
      { what: "`nx run generate:gitops` with a cache hit, nx daemon on", generator: get(daemon), target: "(reported)", met: true },
    ],
  };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench: ${error.message}.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  await bundleCli("generate-gitops");
  const work = mkdtempSync(join(options.dir, "gitops-bench-"));
  const sections: Section[] = [];
  try {
    const sandbox = toolSandbox(join(work, "tool"));
    if (options.sections.has("repository")) sections.push(repositorySection(work, sandbox, options.repeat));
    if (options.sections.has("synthetic")) sections.push(syntheticSection(work, sandbox, options.size, options.repeat));
    if (options.sections.has("clusters")) sections.push(clustersSection(work, sandbox, options.repeat));
    if (options.sections.has("nx")) sections.push(nxSection(options.repeat));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`## Benchmark of the generator (issues 15 and 16)\n`);
  console.log(`Machine: ${process.platform}/${process.arch}, Node ${process.version}, ${availableParallelism()} CPUs, load average at the end ${load}; median of ${options.repeat} alternating rounds.\n`);
  console.log("| case | generator wall | generator CPU | Helm wall (faster of 4.1, 3.17) | Helm CPU | ratio Helm/generator (wall) | target | result |\n|---|---|---|---|---|---|---|---|");
  for (const t of sections.flatMap((s) => s.targets)) {
    const wall = Number.isNaN(t.generator.seconds) ? `peak ${mib(t.generator.peakMiB)}` : seconds(t.generator.seconds);
    console.log(`| ${t.what} | ${wall} | ${seconds(cpuSeconds(t.generator))} | ${t.helm ? seconds(t.helm.seconds) : "-"} | ${t.helm ? seconds(cpuSeconds(t.helm)) : "-"} | ${t.ratio === undefined ? "-" : `${t.ratio.toFixed(2)}x`} | ${t.target} | ${t.target === "(reported)" ? "-" : t.met ? "pass" : "FAIL"} |`);
  }
  for (const section of sections) console.log(`\n### ${section.title}\n\n${section.lines.join("\n")}`);
}

await main();
