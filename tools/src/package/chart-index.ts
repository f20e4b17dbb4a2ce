import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";

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
  return entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}
