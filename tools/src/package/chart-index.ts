import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { compareText } from "../text/compare-text.js";

export interface IndexEntry {
  name: string;
  version: string;
  urls: string[];
  digest: string;
}

/** The entries of a chart repository index.yaml, flattened and sorted by name then version. */
export function readChartIndex(file: string): IndexEntry[] {
  const index = parseYaml(readFileSync(file, "utf8")) as { entries?: Record<string, Array<Record<string, unknown>>> } | null;
  const entries: IndexEntry[] = [];
  for (const [name, versions] of Object.entries(index?.entries ?? {})) {
    for (const v of versions) {
      entries.push({
        name,
        version: String(v.version),
        urls: Array.isArray(v.urls) ? v.urls.map(String) : [],
        digest: String(v.digest ?? ""),
      });
    }
  }
  return entries.sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
}
