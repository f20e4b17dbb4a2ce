import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { resolveBinary, type BinaryName } from "../src/binaries/binaries.js";
import { bundleCli, bundlePath } from "../src/build/bundle-cli.js";
import { readGeneratorInputs } from "../src/gitops/inputs.js";
import { writeEnvironment } from "../src/gitops/output.js";
import { planGitops } from "../src/gitops/plan.js";
import { renderEnvironment } from "../src/gitops/render-environment.js";
import { diskValidatorCache } from "../src/gitops/validator-cache.js";
import { repoRoot } from "../src/paths.js";
import { run } from "../src/process/run.js";
import { writeAppOfAppsChart } from "./app-of-apps-chart.js";
import { writeSyntheticRepository, type SyntheticSize } from "./synthetic-catalog.js";

/**
 * `npm run bench [-- --components 200 --environments 10]`: the generator against a synthetic
 * catalog, alone and through nx, beside `helm template` of the equivalent classic app-of-apps
 * chart (Helm 4.1 and 3.17), and the generator's growth with components x environments.
 * "The generator" is what `nx run generate:gitops` runs: the CLI bundled into tools/dist (rebuilt
 * here first); the unbundled source through tsx is measured too. Wall time, CPU time (user +
 * system, all threads and children) and peak RSS come from GNU time (`/usr/bin/time`), the peak
 * being that of the largest single process of the command. Not a test: it prints a Markdown report.
 */
const TIME = "/usr/bin/time";
const SOURCE_CLI = join(repoRoot, "tools/src/cli/generate-gitops.ts");

interface Measurement {
  seconds: number;
  cpuSeconds: number | undefined;
  peakMiB: number | undefined;
  status: number;
}

function measure(command: string, args: readonly string[], cwd = repoRoot): Measurement {
  if (existsSync(TIME)) {
    const result = run(TIME, ["-f", "BENCH %e %U %S %M", command, ...args], { cwd });
    const match = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr);
    if (result.status !== 0 || !match) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
    return { seconds: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]), peakMiB: Number(match[4]) / 1024, status: result.status };
  }
  const start = performance.now();
  const result = run(command, args, { cwd });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: undefined, peakMiB: undefined, status: result.status };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function repeat(times: number, once: () => Measurement): Measurement {
  const runs = Array.from({ length: times }, once);
  const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== undefined);
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: cpu.length > 0 ? median(cpu) : undefined, peakMiB: Math.max(...runs.map((r) => r.peakMiB ?? 0)) || undefined, status: 0 };
}

const generator = (root: string, ...extra: string[]) => measure(process.execPath, [bundlePath("generate-gitops"), "--root", root, ...extra]);
const generatorFromSource = (root: string) => measure(process.execPath, ["--import", "tsx", SOURCE_CLI, "--root", root]);

function syntheticRepository(size: SyntheticSize) {
  const root = mkdtempSync(join(tmpdir(), `gitops-bench-${size.components}x${size.environments}-`));
  const components = writeSyntheticRepository(root, size);
  return { root, components };
}

function parseArguments(argv: readonly string[]): SyntheticSize & { repeat: number } {
  const value = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    return index === -1 ? fallback : Number(argv[index + 1]);
  };
  return { components: value("--components", 200), environments: value("--environments", 10), repeat: value("--repeat", 3) };
}

function format(m: Measurement): string {
  return `${m.seconds.toFixed(2)} s | ${m.cpuSeconds === undefined ? "n/a" : `${m.cpuSeconds.toFixed(2)} s`} | ${m.peakMiB === undefined ? "n/a" : `${m.peakMiB.toFixed(0)} MiB`}`;
}

async function main(): Promise<void> {
  const size = parseArguments(process.argv.slice(2));
  await bundleCli("generate-gitops");
  const validatorCache = join(repoRoot, "node_modules", ".cache", "generate-gitops", "validators");
  const rows: string[] = [];
  const cleanup: string[] = [];
  try {
    const { root, components } = syntheticRepository(size);
    cleanup.push(root);
    const applications = size.environments * (1 + 3 + size.components);
    const files = size.environments * (size.components + 23);
    console.error(`bench: synthetic catalog ${size.components} components x ${size.environments} environments in ${root}`);

    // The generator alone: first run (nothing generated yet, no compiled validators), then warm runs.
    rmSync(validatorCache, { recursive: true, force: true });
    rmSync(join(root, "apps"), { recursive: true, force: true });
    const cold = generator(root);
    const warmWrite = repeat(size.repeat, () => {
      rmSync(join(root, "apps"), { recursive: true, force: true });
      return generator(root);
    });
    const unchanged = repeat(size.repeat, () => generator(root));
    const check = repeat(size.repeat, () => generator(root, "--check"));
    const fromSource = repeat(size.repeat, () => {
      rmSync(join(root, "apps"), { recursive: true, force: true });
      return generatorFromSource(root);
    });
    rows.push(`| generator, first run (no compiled-validator cache, apps/ empty) | ${format(cold)} |`);
    rows.push(`| generator, apps/ empty (validators cached) | ${format(warmWrite)} |`);
    rows.push(`| generator, nothing changed | ${format(unchanged)} |`);
    rows.push(`| generator \`--check\` | ${format(check)} |`);
    rows.push(`| generator unbundled, through tsx (the development path), apps/ empty | ${format(fromSource)} |`);

    // Through nx: the target as configured, its own cache skipped (its inputs are this repository's, not the synthetic one).
    const nx = repeat(size.repeat, () => measure(process.execPath, [join(repoRoot, "node_modules/.bin/nx"), "run", "generate:gitops", "--skip-nx-cache", "--excludeTaskDependencies", "--", "--root", root]));
    rows.push(`| \`nx run generate:gitops\` (nx cache skipped) | ${format(nx)} |`);

    // The classic app-of-apps chart rendering the same Applications, one `helm template` per environment.
    const chartDir = mkdtempSync(join(tmpdir(), "gitops-bench-helm-"));
    cleanup.push(chartDir);
    const environments = writeAppOfAppsChart(chartDir, components, size.environments);
    for (const binary of ["helm", "helm3"] as BinaryName[]) {
      const helm = resolveBinary(binary);
      const script = environments.map((env) => `"${helm}" template root "${join(chartDir, "apps")}" -f "${env.file}" > /dev/null`).join(" && ");
      const rendered = run(helm, ["template", "root", join(chartDir, "apps"), "-f", environments[0]?.file as string]);
      const count = (rendered.stdout.match(/^kind: Application$/gm) ?? []).length;
      if (count !== environments[0]?.applications) throw new Error(`the Helm chart rendered ${count} Applications, expected ${environments[0]?.applications}`);
      const timing = repeat(size.repeat, () => measure("bash", ["-c", script]));
      rows.push(`| \`helm template\` app-of-apps chart, ${binary === "helm" ? "Helm 4.1" : "Helm 3.17"} (${size.environments} renders) | ${format(timing)} |`);
    }

    // In-process phases of the generator (validators cached), to show where the time goes.
    const phases = phaseTimings(root, diskValidatorCache(validatorCache));

    // Growth with components x environments (validators cached, apps/ empty each run).
    const growth: string[] = [];
    const sizes: SyntheticSize[] = [
      { components: Math.round(size.components / 4), environments: size.environments },
      { components: Math.round(size.components / 2), environments: size.environments },
      { components: size.components, environments: Math.max(1, Math.round(size.environments / 2)) },
      size,
    ];
    const points: { units: number; seconds: number }[] = [];
    for (const s of sizes) {
      const synthetic = s === size ? { root } : syntheticRepository(s);
      if (synthetic.root !== root) cleanup.push(synthetic.root);
      generator(synthetic.root);
      const timing = repeat(size.repeat, () => {
        rmSync(join(synthetic.root, "apps"), { recursive: true, force: true });
        return generator(synthetic.root);
      });
      points.push({ units: s.components * s.environments, seconds: timing.seconds });
      growth.push(`| ${s.components} x ${s.environments} = ${s.components * s.environments} | ${format(timing)} |`);
    }
    const fit = linearFit(points);

    console.log(`## Benchmark: ${size.components} components x ${size.environments} environments (${applications} Applications, ${files} files)\n`);
    console.log(`Machine: ${process.platform}/${process.arch}, Node ${process.version}, ${availableParallelism()} CPUs; median of ${size.repeat} runs.\n`);
    console.log("| what | wall time | CPU time | peak RSS |\n|---|---|---|---|");
    for (const row of rows) console.log(row);
    console.log(`\nGenerator phases (in process, validators cached): ${phases}\n`);
    console.log("| components x environments | wall time | CPU time | peak RSS |\n|---|---|---|---|");
    for (const row of growth) console.log(row);
    console.log(`\nLinear fit: ${fit.intercept.toFixed(2)} s + ${(fit.slope * 1000).toFixed(3)} ms per component-environment (R² = ${fit.r2.toFixed(3)}).`);
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

function phaseTimings(root: string, cache: ReturnType<typeof diskValidatorCache>): string {
  const t0 = performance.now();
  const inputs = readGeneratorInputs(root);
  const t1 = performance.now();
  const plan = planGitops(inputs, { validatorCache: cache });
  const t2 = performance.now();
  for (const environment of plan.environments) renderEnvironment(environment.plan);
  const t3 = performance.now();
  rmSync(join(root, "apps"), { recursive: true, force: true });
  for (const environment of plan.environments) writeEnvironment(root, environment.name, environment.files);
  const t4 = performance.now();
  const render = t3 - t2;
  return [
    `read ${((t1 - t0) / 1000).toFixed(2)} s`,
    `validate (parse, schema checks, values) ${((t2 - t1 - render) / 1000).toFixed(2)} s`,
    `render manifests ${(render / 1000).toFixed(2)} s`,
    `write ${((t4 - t3) / 1000).toFixed(2)} s`,
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
