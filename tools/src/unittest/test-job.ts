import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
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
  if (suiteTemplates.some((template) => template.includes("*"))) return [...rendered.documents.keys()].sort();
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
  });
  if (outcome.ok) return { documents: parseRenderedFiles(outcome.files, environment.displayFile, job.location), succeeded: true };
  if (requireRenderSuccess) throw new TestSetupError(outcome.message);
  return translateRenderError(outcome.message, chart, suite);
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

/** parseManifestsFromOutputOfFiles: YAML documents for .yaml/.yml/.tpl, the raw text for .txt, nothing else. */
function parseRenderedFiles(files: Map<string, string>, displayFile: string, location: string): Map<string, GoMap[]> {
  const documents = new Map<string, GoMap[]>();
  for (const [key, raw] of files) {
    if (/\.(yaml|yml|tpl)$/.test(key)) {
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
      documents.set(key, manifests);
    } else if (key.endsWith(".txt")) documents.set(key, [{ raw }]);
  }
  return documents;
}

/** translateErrorToOutputFiles: the failing template gets one document `{raw: <message>}` for failedTemplate. */
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
