import { problem, type Problem } from "../gitops/problems.js";
import { parseYamlSource } from "../gitops/yaml-source.js";
import { DNS_LABEL, type CatalogComponent } from "./chart-metadata.js";
import { isLayer, LAYERS } from "./layers.js";

/** The `x-upstream` block of schemas/upstream/<name>.json: where an upstream chart comes from and how it is deployed. */
export interface UpstreamSource {
  repoURL: string;
  chart: string;
  version: string;
  layer: string;
  group: string;
  dependencies: string[];
  namespace: string;
  serverSideApply: boolean;
}

const CHECKS: Record<keyof UpstreamSource, { test: (value: unknown) => boolean; expected: string }> = {
  repoURL: { test: (v) => typeof v === "string" && /^(https:\/\/|oci:\/\/)\S+[^/]$/.test(v), expected: "an https:// or oci:// chart repository URL without a trailing slash" },
  chart: { test: (v) => typeof v === "string" && DNS_LABEL.test(v), expected: "the chart's name in that repository" },
  version: { test: (v) => typeof v === "string" && /^v?\d+\.\d+\.\d+$/.test(v), expected: "an exact chart version such as 1.2.3 (never a range)" },
  layer: { test: isLayer, expected: `one of ${LAYERS.join(", ")}` },
  group: { test: (v) => typeof v === "string" && DNS_LABEL.test(v), expected: "a lowercase DNS label" },
  dependencies: { test: (v) => Array.isArray(v) && v.every((d) => typeof d === "string" && DNS_LABEL.test(d)) && new Set(v).size === v.length, expected: "a list of distinct component names" },
  namespace: { test: (v) => typeof v === "string" && DNS_LABEL.test(v), expected: "the namespace to deploy to" },
  serverSideApply: { test: (v) => typeof v === "boolean", expected: "true or false" },
};

/**
 * Reads one upstream component from its values schema. The schema is what environments' values
 * files are validated against; its `x-upstream` block is the catalog entry.
 */
export function parseUpstreamComponent(name: string, file: string, text: string): { component?: CatalogComponent; problems: Problem[] } {
  const source = parseYamlSource(file, text);
  if (source.problems.length > 0) return { problems: source.problems };
  const schema = source.data as Record<string, unknown> | undefined;
  const upstream = schema?.["x-upstream"] as Partial<UpstreamSource> | undefined;
  const at = (path: (string | number)[]) => source.locate(path, "key").location;
  if (typeof upstream !== "object" || upstream === null || Array.isArray(upstream)) {
    return { problems: [problem("GEN010", file, `upstream component "${name}" has no "x-upstream" object saying where its chart comes from.`, { location: at([]), fix: `Add "x-upstream": {repoURL, chart, version, layer, group, dependencies, namespace, serverSideApply} to ${file}.` })] };
  }
  const problems: Problem[] = [];
  for (const [field, check] of Object.entries(CHECKS) as [keyof UpstreamSource, (typeof CHECKS)[keyof UpstreamSource]][]) {
    if (!check.test(upstream[field])) {
      const found = upstream[field] === undefined ? "is missing" : `is ${JSON.stringify(upstream[field])}`;
      problems.push(problem("GEN010", file, `x-upstream.${field} ${found}; it must be ${check.expected}.`, { location: at(["x-upstream", field]), path: `x-upstream.${field}` }));
    }
  }
  for (const key of Object.keys(upstream).filter((k) => !(k in CHECKS))) {
    problems.push(problem("GEN010", file, `x-upstream.${key} is not a field the generator reads (${Object.keys(CHECKS).join(", ")}).`, { location: at(["x-upstream", key]), path: `x-upstream.${key}` }));
  }
  if ((upstream.dependencies ?? []).includes(name)) {
    problems.push(problem("GEN021", file, `dependency cycle: ${name} → ${name} (the component lists itself).`, { location: at(["x-upstream", "dependencies"]), path: "x-upstream.dependencies" }));
  }
  if (problems.length > 0) return { problems };
  const valid = upstream as UpstreamSource;
  return {
    problems,
    component: {
      name,
      definedIn: file,
      source: { kind: "upstream", repoURL: valid.repoURL, chart: valid.chart, version: valid.version },
      valuesSchemaFile: file,
      version: valid.version,
      description: String(schema?.description ?? ""),
      layer: valid.layer as CatalogComponent["layer"],
      group: valid.group,
      dependencies: [...valid.dependencies].sort(),
      locateDependencies: () => at(["x-upstream", "dependencies"]),
      namespace: valid.namespace,
      serverSideApply: valid.serverSideApply,
    },
  };
}
