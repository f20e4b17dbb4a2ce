import { readFileSync } from "node:fs";
import { loadCrdsFromChart } from "./crd-catalog.js";
import type { CustomResourceDefinition } from "./crd-schema.js";
import { CRD_COMPONENTS, pinFile, type BundleProvenance } from "./upstream-crds.js";
import { isRecord } from "./manifests.js";
import { locateUpstreamChart, sha256File, type ChartPin, type LocateOptions } from "../upstream/chart-locator.js";

export interface RenderedComponentCrds {
  source: BundleProvenance;
  crds: CustomResourceDefinition[];
}

/** The chart pin of a component (schemas/upstream/<component>.json `x-upstream`), or an error naming the file. */
export function readPin(component: string): ChartPin {
  const file = pinFile(component);
  let pin: unknown;
  try {
    pin = (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)["x-upstream"];
  } catch (error) {
    throw new Error(`${file}: cannot read the pin of ${component} (${(error as Error).message}); restore the file or remove ${component} from CRD_COMPONENTS in tools/src/kubernetes/upstream-crds.ts`, { cause: error });
  }
  if (!isRecord(pin) || typeof pin.repoURL !== "string" || typeof pin.chart !== "string" || typeof pin.version !== "string") {
    throw new Error(`${file}: "x-upstream" needs string repoURL, chart and version`);
  }
  return { repoURL: pin.repoURL, chart: pin.chart, version: pin.version };
}

/**
 * Renders the CRDs of every component of CRD_COMPONENTS from its pinned chart package (UPSTREAM_CHARTS, the chart
 * cache, or `helm pull`; see chart-locator.ts), recording the package's sha256.
 */
export function renderPinnedCrds(options: LocateOptions = {}): RenderedComponentCrds[] {
  return CRD_COMPONENTS.map(({ component, values }) => {
    const pin = readPin(component);
    const tgz = locateUpstreamChart(pin, options);
    const source: BundleProvenance = { component, repoURL: pin.repoURL, chart: pin.chart, version: pin.version, sha256: sha256File(tgz), values };
    return { source, crds: loadCrdsFromChart(tgz, values) };
  });
}
