import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { resolveBinary, type BinaryName } from "../src/binaries/binaries.js";
import { bundleCli, bundlePath } from "../src/build/bundle-cli.js";
import { readGeneratorInputs } from "../src/gitops/inputs.js";
import { writeEnvironments } from "../src/gitops/output.js";
import { planGitops } from "../src/gitops/plan.js";
import { renderEnvironment } from "../src/gitops/render-environment.js";
import { diskValidatorCache, VALIDATOR_CACHE_DIR } from "../src/gitops/validator-cache.js";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";
import { writeAppOfAppsChart } from "./app-of-apps-chart.js";
import { writeSyntheticRepository, type SyntheticSize } from "./synthetic-catalog.js";

/**
 * `npm run bench [-- --components 200 --environments 10 --repeat 5 --dir <dir>]`: the generator
 * against a synthetic catalog, alone and through nx, beside `helm template` of the equivalent
 * classic app-of-apps chart (Helm 4.1 and 3.17), and the generator's growth with components x
 * environments. "The generator" is what `nx run generate:gitops` runs: the CLI bundled into
 * tools/dist (rebuilt here first); the unbundled source through tsx is measured too.
 *
 * The cases run in rounds (every case once per round, medians over the rounds), so a machine that
 * speeds up or slows down during the run affects them alike. Wall time, user and system CPU time
 * (all threads and children) and peak RSS come from GNU time (`/usr/bin/time`), the peak being
 * that of the largest single process of the command. System time is mostly the kernel creating
 * files, which depends on the file system the catalog is on (`--dir`). Not a test: it prints a
 * Markdown report.
 */
const TIME = "/usr/bin/time";
const SOURCE_CLI = join(repoRoot, "tools/src/cli/generate-gitops.ts");

interface Measurement {
  seconds: number;
  userSeconds?: number;
  systemSeconds?: number;
  peakMiB?: number;
}

function measure(command: string, args: readonly string[], cwd = repoRoot): Measurement {
  if (existsSync(TIME)) {
    const result = run(TIME, ["-f", "BENCH %e %U %S %M", command, ...args], { cwd });
    const match = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr);
    if (result.status !== 0 || !match) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
    return { seconds: Number(match[1]), userSeconds: Number(match[2]), systemSeconds: Number(match[3]), peakMiB: Number(match[4]) / 1024 };
  }
  const start = performance.now();
  const result = run(command, args, { cwd });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds: (performance.now() - start) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function summarize(runs: readonly Measurement[]): Measurement {
  const medianOf = (pick: (m: Measurement) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  const peak = Math.max(...runs.map((r) => r.peakMiB ?? 0));
  return { seconds: medianOf((r) => r.seconds) as number, userSeconds: medianOf((r) => r.userSeconds), systemSeconds: medianOf((r) => r.systemSeconds), peakMiB: peak > 0 ? peak : undefined };
}

interface Case {
  label: string;
  /** Run before and after each measured run, unmeasured (e.g. emptying apps/, then filling it again). */
  prepare?: () => void;
  restore?: () => void;
  run: () => Measurement;
}

/** Every case once per round, `rounds` times; the median of each case. */
function runInRounds(cases: readonly Case[], rounds: number): Map<Case, Measurement> {
  const runs = new Map<Case, Measurement[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      c.prepare?.();
      runs.get(c)?.push(c.run());
      c.restore?.();
    }
  }
  return new Map(cases.map((c) => [c, summarize(runs.get(c) ?? [])]));
}

const generator = (root: string, ...extra: string[]) => measure(process.execPath, [bundlePath("generate-gitops"), "--root", root, ...extra]);
const generatorFromSource = (root: string) => measure(process.execPath, ["--import", "tsx", SOURCE_CLI, "--root", root]);
/**
 * Empties apps/ by moving it aside (the synthetic repository is deleted at the end): deleting
 * thousands of files right before a measured run makes the kernel's deferred work for that
 * deletion (journal, discard) slow the run's own file creation by several times on ext4, a cost
 * of the benchmark's preparation, not of the generator.
 */
let retired = 0;
const emptyApps = (root: string) => () => {
  if (!existsSync(join(root, "apps"))) return;
  mkdirSync(join(root, ".bench-retired"), { recursive: true });
  renameSync(join(root, "apps"), join(root, ".bench-retired", `apps-${retired++}`));
};

interface Options extends SyntheticSize {
  repeat: number;
  dir: string;
}

function parseArguments(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const number = (flag: string, fallback: number) => Number(value(flag) ?? fallback);
  return { components: number("--components", 200), environments: number("--environments", 10), repeat: number("--repeat", 5), dir: value("--dir") ?? tmpdir() };
}

function syntheticRepository(dir: string, size: SyntheticSize) {
  const root = mkdtempSync(join(dir, `gitops-bench-${size.components}x${size.environments}-`));
  const components = writeSyntheticRepository(root, size);
  return { root, components };
}

const seconds = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)} s`);

function row(label: string, m: Measurement): string {
  return `| ${label} | ${seconds(m.seconds)} | ${seconds(m.userSeconds)} | ${seconds(m.systemSeconds)} | ${m.peakMiB === undefined ? "n/a" : `${m.peakMiB.toFixed(0)} MiB`} |`;
}

const TABLE_HEAD = "| wall time | user CPU | system CPU | peak RSS |\n|---|---|---|---|---|";

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const size: SyntheticSize = { components: options.components, environments: options.environments };
  await bundleCli("generate-gitops");
  const cleanup: string[] = [];
  try {
    const { root, components } = syntheticRepository(options.dir, size);
    cleanup.push(root);
    const applications = size.environments * (1 + 3 + size.components);
    const files = size.environments * (size.components + 23);
    console.error(`bench: synthetic catalog ${size.components} components x ${size.environments} environments in ${root}`);

    // First run: nothing generated yet, no compiled validators. Then one more run, so V8's code cache of the validators exists.
    rmSync(VALIDATOR_CACHE_DIR, { recursive: true, force: true });
    emptyApps(root)();
    const cold = generator(root);
    emptyApps(root)();
    generator(root);

    // The classic app-of-apps chart rendering the same Applications, one `helm template` per environment.
    const chartDir = mkdtempSync(join(options.dir, "gitops-bench-helm-"));
    cleanup.push(chartDir);
    const environments = writeAppOfAppsChart(chartDir, components, size.environments);
    const helmCases: Case[] = (["helm", "helm3"] as BinaryName[]).map((binary) => {
      const helm = resolveBinary(binary);
      const rendered = run(helm, ["template", "root", join(chartDir, "apps"), "-f", environments[0]?.file as string]);
      const count = (rendered.stdout.match(/^kind: Application$/gm) ?? []).length;
      if (count !== environments[0]?.applications) throw new Error(`the Helm chart rendered ${count} Applications, expected ${environments[0]?.applications}`);
      const script = environments.map((env) => `"${helm}" template root "${join(chartDir, "apps")}" -f "${env.file}" > /dev/null`).join(" && ");
      return { label: `\`helm template\` app-of-apps chart, ${binary === "helm" ? "Helm 4.1" : "Helm 3.17"} (${size.environments} renders)`, run: () => measure("bash", ["-c", script]) };
    });

    const unchanged: Case = { label: "generator, nothing changed (validate, render, compare with apps/)", run: () => generator(root) };
    // The next cases need apps/ complete, hence the restore.
    const written: Case = { label: `generator, apps/ empty (validate, render, create ${files} files)`, prepare: emptyApps(root), run: () => generator(root), restore: () => generator(root) };
    const cases: Case[] = [
      unchanged,
      { label: "generator `--check`", run: () => generator(root, "--check") },
      written,
      { label: "generator unbundled, through tsx (the development path), nothing changed", run: () => generatorFromSource(root) },
      // Through nx: the target as configured, its own cache skipped (its inputs are this repository's, not the synthetic one).
      { label: "`nx run generate:gitops` (nx cache skipped), nothing changed", run: () => measure(process.execPath, [join(repoRoot, "node_modules/.bin/nx"), "run", "generate:gitops", "--skip-nx-cache", "--excludeTaskDependencies", "--", "--root", root]) },
      ...helmCases,
    ];
    const results = runInRounds(cases, options.repeat);

    // In-process phases of the generator (validators cached), to show where the time goes.
    const phases = await phaseTimings(root, diskValidatorCache(VALIDATOR_CACHE_DIR));

    // Growth with components x environments: the "nothing changed" run at four sizes.
    const sizes: SyntheticSize[] = [
      { components: Math.round(size.components / 4), environments: size.environments },
      { components: Math.round(size.components / 2), environments: size.environments },
      { components: size.components, environments: Math.max(1, Math.round(size.environments / 2)) },
      size,
    ];
    const growthCases = sizes.map((s) => {
      const synthetic = s === size ? root : syntheticRepository(options.dir, s).root;
      if (synthetic !== root) cleanup.push(synthetic);
      generator(synthetic);
      generator(synthetic);
      return { size: s, case: { label: `${s.components} x ${s.environments} = ${s.components * s.environments}`, run: () => generator(synthetic) } };
    });
    const growth = runInRounds(growthCases.map((g) => g.case), options.repeat);
    const fit = linearFit(growthCases.map((g) => ({ units: g.size.components * g.size.environments, seconds: (growth.get(g.case) as Measurement).seconds })));

    const helmFastest = Math.min(...helmCases.map((c) => (results.get(c) as Measurement).seconds));
    const verdict = (c: Case) => {
      const ratio = helmFastest / (results.get(c) as Measurement).seconds;
      return ratio >= 1 ? `${ratio.toFixed(2)}x faster than` : `${(1 / ratio).toFixed(2)}x slower than`;
    };

    console.log(`## Benchmark: ${size.components} components x ${size.environments} environments (${applications} Applications, ${files} files)\n`);
    console.log(`Machine: ${process.platform}/${process.arch}, Node ${process.version}, ${availableParallelism()} CPUs; catalog under ${options.dir}; median of ${options.repeat} rounds.\n`);
    console.log(`| what ${TABLE_HEAD}`);
    console.log(row("generator, first run (no compiled-validator cache, apps/ empty)", cold));
    for (const c of cases) console.log(row(c.label, results.get(c) as Measurement));
    console.log(`\nAgainst the faster Helm render: the generator with nothing changed is ${verdict(unchanged)} it; with apps/ empty, ${verdict(written)} it.`);
    console.log(`\nGenerator phases (in process, validators cached): ${phases}\n`);
    console.log(`| components x environments (nothing changed) ${TABLE_HEAD}`);
    for (const g of growthCases) console.log(row(g.case.label, growth.get(g.case) as Measurement));
    console.log(`\nLinear fit: ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(3)} ms per component-environment (R² = ${fit.r2.toFixed(3)}).`);
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

async function phaseTimings(root: string, cache: ReturnType<typeof diskValidatorCache>): Promise<string> {
  const t0 = performance.now();
  const inputs = readGeneratorInputs(root);
  const t1 = performance.now();
  // The pins of every environment are verified by one call (one git cat-file, one git rev-list for production's).
  let pins = 0;
  const lookup = inputs.revisions;
  inputs.revisions = (query) => {
    const start = performance.now();
    const answer = lookup(query);
    pins += performance.now() - start;
    return answer;
  };
  const plan = planGitops(inputs, { validatorCache: cache });
  const t2 = performance.now();
  // planGitops rendered already; render copies of the plans again (rendering keeps its objects per plan) to time it alone.
  const copies = plan.environments.map((environment) => structuredClone(environment.plan));
  const t3 = performance.now();
  for (const copy of copies) renderEnvironment(copy);
  const render = performance.now() - t3;
  emptyApps(root)();
  const t4 = performance.now();
  await writeEnvironments(root, plan.environments.map((environment) => ({ environment: environment.name, files: environment.files })));
  const t5 = performance.now();
  return [
    `read ${((t1 - t0) / 1000).toFixed(2)} s`,
    `validate (parse, schema checks, values) ${((t2 - t1 - render - pins) / 1000).toFixed(2)} s`,
    `verify pins in Git ${(pins / 1000).toFixed(3)} s`,
    `render manifests ${(render / 1000).toFixed(2)} s`,
    `write into an empty apps/ ${((t5 - t4) / 1000).toFixed(2)} s`,
  ].join(", ");
}

function linearFit(points: readonly { units: number; seconds: number }[]): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.units, 0) / n;
  const my = points.reduce((s, p) => s + p.seconds, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.units - mx) * (p.seconds - my), 0);
  const sxx = points.reduce((s, p) => s + (p.units - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.seconds - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.seconds - (intercept + slope * p.units)) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

await main();
