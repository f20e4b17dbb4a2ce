import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { runAssertion, type RenderedTemplates } from "./assert.js";
import { isGoMap, type GoMap } from "./go-values.js";
import { marshalGoYaml } from "./goyaml-emit.js";
import { decodeGoYaml, decodeGoYamlStream } from "./goyaml-parse.js";
import { parseRenderError } from "./render-error.js";
import { renderChart } from "./render.js";
import type { TestResult } from "./results.js";
import { buildValueOfSetPath, mergeTables } from "./set-values.js";
import type { SnapshotCache } from "./snapshot-cache.js";
import { setChartMetadata, type SuiteChart } from "./suite-chart.js";
import type { SuiteDefinition, TestJobDefinition } from "./suite-file.js";
import { isPartialTemplate, templateFileName, templateKey } from "./template-selection.js";

export interface TestJobEnvironment {
  helm: "helm" | "helm3";
  suite: SuiteDefinition;
  chart: SuiteChart;
  originalChartYaml: string;
  snapshots: SnapshotCache;
  displayFile: string;
  /** Where this job may write its merged values file. */
  workDirectory: string;
  runCommandHint: string;
  renderCacheDir?: string;
  /** Parsed rendered files shared by the jobs of one run (see ParsedFiles). */
  parsedFiles?: ParsedFiles;
}

class TestSetupError extends Error {}

/** Runs one test job the way helm-unittest's TestJob.RunV3 does, with one `helm template` call. */
export function runTestJob(job: TestJobDefinition, jobIndex: number, environment: TestJobEnvironment): TestResult {
  const started = performance.now();
  const { suite } = environment;
  const name = job.name || `tests[${jobIndex}]`;
  const finish = (result: Omit<TestResult, "name" | "durationMs">): TestResult => ({ name, durationMs: Math.round(performance.now() - started), ...result });
  const skipReason = suite.skipReason ?? job.skipReason;
  if (skipReason !== undefined) {
    environment.snapshots.keepTest(job.name);
    return finish({ passed: true, skipped: true, skipReason, assertions: [] });
  }
  const stop = (error: string): TestResult => {
    environment.snapshots.keepTest(job.name);
    return finish({ passed: false, skipped: false, error, assertions: [] });
  };
  if (environment.chart.wrapErrors.length > 0) return stop(environment.chart.wrapErrors.join("\n"));

  const requireRenderSuccess = job.asserts.every((assertion) => assertion.spec.requireRenderSuccess);
  let rendered: RenderedTemplates;
  try {
    rendered = renderJob(job, environment, requireRenderSuccess);
  } catch (error) {
    if (error instanceof TestSetupError) return stop(error.message);
    throw error;
  }

  let snapshotCounter = 0;
  const snapshots = {
    compare: (content: Parameters<SnapshotCache["compare"]>[2]) => environment.snapshots.compare(job.name, ++snapshotCounter, content),
    describeMissing: (index: number) =>
      `snapshot ${index} of test "${job.name}" is missing from ${environment.snapshots.displayFile}, and CI never creates snapshots. Run \`${environment.runCommandHint}\` locally, review the new snapshot and commit it.`,
  };
  if (rendered.postRendered) {
    // computeTemplatesWithPostRender (assertion.go:337-355): output without file markers is one "manifest.yaml".
    const keys = [...rendered.documents.keys()];
    if (keys.length === 1 && (keys[0] as string).endsWith("manifest.yaml")) {
      const only = keys[0] as string;
      const assertions = job.asserts.map((assertion, index) => {
        const documentIndex = job.documentIndex ?? assertion.documentIndex;
        return runAssertion(assertion, index, [only], documentIndex, assertion.documentSelector ?? job.documentSelector, rendered, snapshots);
      });
      return finish({ passed: assertions.every((assertion) => assertion.passed), skipped: false, assertions });
    }
  }
  const assertions = job.asserts.map((assertion, index) => {
    const documentIndex = job.documentIndex ?? assertion.documentIndex;
    const selector = assertion.documentSelector ?? job.documentSelector;
    return runAssertion(assertion, index, templatesToAssert(job, assertion.template, environment, rendered), documentIndex, selector, rendered, snapshots);
  });
  return finish({ passed: assertions.every((assertion) => assertion.passed), skipped: false, assertions });
}

/** determineTemplatesToAssert + prefixTemplatesToAssert: assertion template, else test templates, else the suite's. */
function templatesToAssert(job: TestJobDefinition, assertionTemplate: string | undefined, environment: TestJobEnvironment, rendered: RenderedTemplates): string[] {
  const { chartName } = environment.chart;
  if (assertionTemplate) return [templateKey(chartName, assertionTemplate)];
  if (job.templates.length > 0) return job.templates.map((template) => templateKey(chartName, template));
  if (job.template) return [templateKey(chartName, job.template)];
  const suiteTemplates = environment.suite.templates.length > 0 ? environment.suite.templates : ["**"];
  // With a wildcard the plugin asserts on every file the render produced.
  if (suiteTemplates.some((template) => template.includes("*"))) return [...rendered.documents.keys(), ...(rendered.crdKeys ?? [])].filter((key, index, keys) => keys.indexOf(key) === index).sort();
  return suiteTemplates.map((template) => templateKey(chartName, template));
}

function renderJob(job: TestJobDefinition, environment: TestJobEnvironment, requireRenderSuccess: boolean): RenderedTemplates {
  const { suite, chart } = environment;
  const release = {
    name: job.release.name ?? suite.release.name,
    namespace: job.release.namespace ?? suite.release.namespace,
    revision: job.release.revision || suite.release.revision || 0,
    upgrade: job.release.upgrade || suite.release.upgrade || false,
  };
  if (release.revision > 1) {
    throw new TestSetupError(
      `${environment.displayFile}: ${job.location}: release.revision ${release.revision} is not supported by this runner: \`helm template\` always renders .Release.Revision as 1. Remove release.revision (or set it to 1), or assert on something else.`,
    );
  }
  const useSuiteVersion = job.capabilities.majorVersion === undefined && job.capabilities.minorVersion === undefined;
  const major = useSuiteVersion ? suite.capabilities.majorVersion : job.capabilities.majorVersion;
  const minor = useSuiteVersion ? suite.capabilities.minorVersion : job.capabilities.minorVersion;
  const kubeVersion = major !== undefined || minor !== undefined ? `${major ?? "1"}.${(minor ?? "33").replace(/\+$/, "")}.0` : undefined;
  setChartMetadata(chart, environment.originalChartYaml, job.chart.version ?? suite.chart.version, job.chart.appVersion ?? suite.chart.appVersion);

  const valuesFile = join(environment.workDirectory, "values.yaml");
  writeFileSync(valuesFile, marshalGoYaml(userValues(job, environment)));
  const outcome = renderChart({
    helm: environment.helm,
    chart,
    releaseName: release.name,
    namespace: release.namespace,
    upgrade: release.upgrade,
    valuesFile,
    kubeVersion,
    apiVersions: [...job.capabilities.apiVersions, ...suite.capabilities.apiVersions],
    cacheDir: environment.renderCacheDir,
  });
  if (job.kubernetesProvider ?? suite.kubernetesProvider) {
    throw new TestSetupError(
      `${environment.displayFile}: ${job.location}: kubernetesProvider is valid helm-unittest (it fakes the objects \`lookup\` finds, pkg/unittest/k8s_fake_client.go), but this runner renders with \`helm template\`, where lookup always returns an empty map. Run this suite with the real plugin (\`helm unittest ${relative(process.cwd(), dirname(dirname(suite.file))) || "."}\`, see README "helm-unittest"), or test without lookup.`,
    );
  }
  let rendered: RenderedTemplates;
  if (outcome.ok) rendered = { documents: new Map(), succeeded: true, files: outcome.files };
  else if (requireRenderSuccess) throw new TestSetupError(outcome.message);
  else rendered = translateRenderError(outcome.message, chart, suite);
  const postRenderer = job.postRenderer ?? suite.postRenderer;
  if (rendered.files) {
    const files = postRenderer ? runPostRenderer(postRenderer, rendered.files, environment.displayFile, job.location) : rendered.files;
    rendered = { ...rendered, documents: parseRenderedFiles(files, environment.displayFile, job.location, environment.parsedFiles), postRendered: postRenderer !== undefined };
  }
  if (suite.includeCrds) addCrds(rendered, chart, environment.displayFile, job.location);
  return rendered;
}

const FILE_MARKER = "#### file:";
const FILE_SEPARATOR = `---\n${FILE_MARKER}`;

/**
 * postRender + MergeAndPostRender + SplitManifests (test_job.go:417-511 at v1.1.0): every file's
 * output, sorted by key, as `---\n#### file: <key>\n<trimmed output>\n` on the command's stdin; the
 * output is split back at those markers, or kept whole as "manifest.yaml" when they are gone.
 * The command runs like Helm's exec post-renderer (pkg/postrender/exec.go): stdin in, stdout out,
 * a non-zero exit or an empty output is an error.
 */
export function runPostRenderer(settings: { cmd: string; args: string[] }, files: Map<string, string>, displayFile: string, location: string): Map<string, string> {
  const input = [...files.keys()]
    .sort()
    .map((key) => `${FILE_SEPARATOR} ${key}\n${(files.get(key) as string).trim()}\n`)
    .join("");
  const result = spawnSync(settings.cmd, settings.args, { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const where = `${displayFile}: ${location}: postRenderer ${JSON.stringify(settings.cmd)}`;
  if (result.error) throw new TestSetupError(`${where} could not run: ${result.error.message}; cmd must be an executable on PATH or a path relative to the working directory.`);
  if (result.status !== 0) throw new TestSetupError(`${where} failed (exit ${result.status}): ${result.stderr.trim()}`);
  if (result.stdout.trim() === "") throw new TestSetupError(`${where} produced empty output`);
  const output = new Map<string, string>();
  const blocks = result.stdout.split(new RegExp(`(?=${FILE_SEPARATOR.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`));
  for (const block of blocks) {
    const match = /#### file: (.*)/.exec(block);
    if (!match) continue;
    const prefix = `---\n${match[0]}\n`;
    output.set(match[1] as string, block.startsWith(prefix) ? block.slice(prefix.length) : block);
  }
  if (output.size === 0) output.set("manifest.yaml", result.stdout);
  return output;
}

/** includeCrds (test_job.go:590-601): each chart's and subchart's crds/*.yaml|yml|json, keyed `<chart>/crds/<file>`. */
function addCrds(rendered: RenderedTemplates, chart: SuiteChart, displayFile: string, location: string): void {
  const keys: string[] = [];
  const visit = (directory: string, route: string) => {
    const crds = join(directory, "crds");
    if (existsSync(crds)) {
      for (const file of listFilesRecursively(crds)) {
        if (!/\.(yaml|yml|json)$/.test(file)) continue;
        const key = `${route}/${relative(directory, file).split("\\").join("/")}`;
        const raw = readFileSync(file, "utf8");
        rendered.documents.set(key, parseRenderedFiles(new Map([[key.replace(/\.json$/, ".yaml"), raw]]), displayFile, location).values().next().value ?? []);
        keys.push(key);
      }
    }
    const charts = join(directory, "charts");
    if (!existsSync(charts)) return;
    for (const entry of readdirSync(charts, { withFileTypes: true })) {
      const subchart = join(charts, entry.name);
      const chartFile = join(subchart, "Chart.yaml");
      if (entry.isDirectory() && existsSync(chartFile)) {
        const name = /^name:\s*["']?([^"'\s]+)/m.exec(readFileSync(chartFile, "utf8"))?.[1] ?? entry.name;
        visit(subchart, `${route}/charts/${name}`);
      }
    }
  };
  visit(chart.directory, chart.chartName);
  rendered.crdKeys = keys.sort();
}

function listFilesRecursively(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFilesRecursively(join(directory, entry.name)) : [join(directory, entry.name)]))
    .sort();
}

/** helm-unittest's getUserValues: suite then test values files, then suite `set`, then test `set`. */
function userValues(job: TestJobDefinition, environment: TestJobEnvironment): GoMap {
  const { suite } = environment;
  let values: GoMap = {};
  for (const file of [...suite.values, ...job.values]) {
    const path = isAbsolute(file) ? file : join(dirname(suite.file), file);
    if (!existsSync(path))
      throw new TestSetupError(`${environment.displayFile}: ${job.location}: values file "${file}" does not exist (looked for ${path}); values files are relative to the suite file.`);
    const content = decodeGoYaml(readFileSync(path, "utf8"), file);
    if (content !== null && !isGoMap(content)) throw new TestSetupError(`${environment.displayFile}: ${job.location}: values file "${file}" must contain a mapping.`);
    values = mergeTables(content ?? {}, values);
  }
  for (const entry of [...suite.set, ...job.set]) {
    try {
      values = mergeTables(buildValueOfSetPath(entry.value, entry.path), values);
    } catch (error) {
      throw new TestSetupError(`${environment.displayFile}: ${job.location}: ${(error as Error).message}`);
    }
  }
  return values;
}

/**
 * Parsed documents by rendered file key and text, for one runChartSuites call: jobs of a chart often
 * render a template to the same text (tests that change one value, the same defaults in two suites),
 * and each text is parsed once. Only successful parses are kept; a failure is parsed (and reported
 * with its own job's location) again.
 */
export type ParsedFiles = Map<string, GoMap[]>;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** parseManifestsFromOutputOfFiles: YAML documents for .yaml/.yml/.tpl, the raw text for .txt, nothing else. */
export function parseRenderedFiles(files: Map<string, string>, displayFile: string, location: string, parsed?: ParsedFiles): Map<string, GoMap[]> {
  const documents = new Map<string, GoMap[]>();
  for (const [key, raw] of files) {
    if (/\.(yaml|yml|tpl)$/.test(key)) {
      const memoKey = `${key}\0${raw}`;
      const known = parsed?.get(memoKey);
      if (known) {
        documents.set(key, known);
        continue;
      }
      let decoded;
      try {
        decoded = decodeGoYamlStream(raw, key);
      } catch (error) {
        throw new TestSetupError(`${displayFile}: ${location}: ${(error as Error).message}`);
      }
      const manifests: GoMap[] = [];
      for (const document of decoded) {
        if (document === undefined || document === null) continue;
        if (!isGoMap(document)) throw new TestSetupError(`${displayFile}: ${location}: ${key} renders a document that is not a mapping; Kubernetes manifests must be YAML mappings.`);
        if (Object.keys(document).length > 0) manifests.push(document);
      }
      // Shared by every job that rendered the same bytes: frozen, so an assertion that changed one would fail loudly.
      if (parsed) parsed.set(memoKey, deepFreeze(manifests));
      documents.set(key, manifests);
    } else if (key.endsWith(".txt")) documents.set(key, [{ raw }]);
  }
  return documents;
}

/** translateErrorToOutputFiles: the failing template gets one document `{raw: <message>}` for failedTemplate. */
// (Its documents are final: the plugin's post-renderer only sees rendered files.)
function translateRenderError(message: string, chart: SuiteChart, suite: SuiteDefinition): RenderedTemplates {
  const { filePath, content } = parseRenderError(message);
  if (filePath === "" && content === "") return { documents: new Map(), succeeded: false, error: message };
  const documents = new Map<string, GoMap[]>();
  const store = (key: string) => {
    if (/\.(yaml|yml|tpl)$/.test(key)) documents.set(key, [{ raw: content }]);
    else if (key.endsWith(".txt")) documents.set(key, [{ raw: marshalGoYaml({ raw: content }) }]);
  };
  if (isPartialTemplate(filePath)) {
    for (const template of suite.templates.length > 0 ? suite.templates : ["**"]) store(templateKey(chart.chartName, templateFileName(template)));
  } else store(filePath);
  return { documents, succeeded: false };
}
