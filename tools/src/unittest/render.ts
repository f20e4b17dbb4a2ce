import { templateArgs } from "../helm/helm.js";
import { cachedHelm } from "../render/render-cache.js";
import { RAW_OUTPUT_KEY } from "./template-wrap.js";
import { cleanHelmError } from "./render-error.js";
import type { SuiteChart } from "./suite-chart.js";

/**
 * Helm rejects helm-unittest's default release name "RELEASE-NAME" (not a DNS label), so renders
 * without `release.name` use this stand-in of the same length and hyphen position (so `trunc` and
 * `trimSuffix "-"` behave alike) and the output is mapped back. `lower`/`sha256sum` of the name
 * cannot be mapped back; set `release.name` in such tests.
 */
export const DEFAULT_RELEASE_NAME = "RELEASE-NAME";
export const RELEASE_NAME_STAND_IN = "zq7rlsx-q9zk";
export const DEFAULT_NAMESPACE = "NAMESPACE";

export interface RenderRequest {
  helm: "helm" | "helm3";
  chart: SuiteChart;
  releaseName?: string;
  namespace?: string;
  upgrade: boolean;
  valuesFile?: string;
  kubeVersion?: string;
  apiVersions: string[];
  /** The render cache's directory (default: the project's). */
  cacheDir?: string;
}

export type RenderOutcome = { ok: true; files: Map<string, string> } | { ok: false; message: string };

/** One `helm template` run; returns each selected template's raw output, or the cleaned error. */
export function renderChart(request: RenderRequest): RenderOutcome {
  const args = templateArgs(request.chart.directory, {
    releaseName: request.releaseName ?? RELEASE_NAME_STAND_IN,
    namespace: request.namespace ?? DEFAULT_NAMESPACE,
    valuesFiles: request.valuesFile ? [request.valuesFile] : [],
    kubeVersion: request.kubeVersion,
    apiVersions: request.apiVersions,
  });
  if (request.upgrade) args.push("--is-upgrade");
  // Suites render the same chart with the same values many times (one render per test, as the plugin
  // does); the render cache keys each by the chart's and the values' content, so each distinct render
  // runs once. The suite chart and the values file are rewritten between tests: digest them afresh.
  const result = cachedHelm(request.helm, args, [request.chart.directory, ...(request.valuesFile ? [request.valuesFile] : [])], { fresh: true, cacheDir: request.cacheDir });
  const restore = (text: string) => (request.releaseName ? text : text.replaceAll(RELEASE_NAME_STAND_IN, DEFAULT_RELEASE_NAME).replaceAll(RELEASE_NAME_STAND_IN.toUpperCase(), DEFAULT_RELEASE_NAME));
  if (result.status !== 0) return { ok: false, message: restore(cleanHelmError(result.stderr, request.chart.sourceToKey)) };
  const files = new Map<string, string>();
  const documentPattern = new RegExp(`^# Source: (.+)\\n${RAW_OUTPUT_KEY}: (.*)$`, "gm");
  for (const match of result.stdout.matchAll(documentPattern)) {
    const key = request.chart.sourceToKey.get(match[1] as string);
    if (key === undefined) continue;
    // Helm's engine blanks "<no value>" in each file's output; the JSON wrapper hid it from that pass.
    files.set(key, restore((JSON.parse(match[2] as string) as string).replaceAll("<no value>", "")));
  }
  return { ok: true, files };
}
