import { problem, type Problem } from "../gitops/problems.js";
import { parseYamlSource } from "../gitops/yaml-source.js";
import { DNS_LABEL, type CatalogComponent, type PodSecurityException } from "./chart-metadata.js";
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
  /** Optional: the sha256 of the chart package (`sha256:<64 hex>`), which the bootstrap verifies before installing it. */
  digest?: string;
  /** Optional: the Pod Security level the chart's pods need when not "restricted", with the reason. */
  podSecurity?: PodSecurityException;
}

/** A Helm repository served over HTTPS (its index.yaml lists the chart): `https://charts.jetstack.io`. */
const HELM_REPOSITORY = /^https:\/\/[^\s/]+(\/\S*)?[^/\s]$/;
/**
 * A Helm chart in an OCI registry, written as Argo CD 3.x wants it: the registry host (a dot, or
 * `localhost`, with an optional port) and the path holding the chart, no scheme. Argo CD pulls
 * `oci://<repoURL>/<chart>`; the path is lowercase, as OCI repository names are.
 */
export const OCI_HELM_REPOSITORY = /^(localhost|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+)(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;

/**
 * Why an `oci://` repoURL is refused. Argo CD 3.x decides a source's type from its repoURL first:
 * `ApplicationSource.IsOCI()` is `strings.HasPrefix(RepoURL, "oci://")` and the repo-server's switch
 * tests it before `IsHelm()` (pkg/apis/application/v1alpha1/types.go:317, reposerver/repository/
 * repository.go:349-352 at v3.4.4), so an `oci://` source is fetched as a plain OCI artifact and its
 * `chart` is ignored. A Helm chart in an OCI registry is `repoURL: <registry>/<path>` + `chart:`
 * (docs/user-guide/helm.md:38, "the oci:// syntax is not included"); the repo-server then enables
 * OCI for it because the URL has no host part (util/helm/client.go:439-445, repository.go:2832).
 */
function ociScheme(value: string, file: string): { message: string; fix: string } {
  const bare = value.replace(/^oci:\/\//, "").replace(/\/+$/, "");
  return {
    message: `x-upstream.repoURL is ${JSON.stringify(value)}: Argo CD 3.x fetches any oci:// repoURL as a plain OCI artifact and ignores \`chart\`, so the Helm chart would not be found.`,
    fix: `Write the registry path without the scheme: "repoURL": ${JSON.stringify(bare)} in ${file} (Argo CD then pulls oci://${bare}/<chart> as a Helm chart; the generated AppProjects allow exactly that repoURL).`,
  };
}

/** A DNS label Kubernetes accepts as a namespace name and as a label value (the group and component labels): at most 63 characters. */
const isDnsLabel = (v: unknown): v is string => typeof v === "string" && v.length <= 63 && DNS_LABEL.test(v);

type Check = { test: (value: unknown) => boolean; expected: string; explain?: (value: unknown, file: string) => { message: string; fix: string } | undefined };

const CHECKS: Record<keyof UpstreamSource, Check> = {
  repoURL: {
    test: (v) => typeof v === "string" && (HELM_REPOSITORY.test(v) || OCI_HELM_REPOSITORY.test(v)),
    expected: 'an https:// Helm repository URL (e.g. "https://charts.jetstack.io") or, for a chart in an OCI registry, the registry path without a scheme (e.g. "quay.io/jetstack/charts"); no trailing slash',
    explain: (v, file) => (typeof v === "string" && v.startsWith("oci://") ? ociScheme(v, file) : undefined),
  },
  chart: { test: (v) => typeof v === "string" && DNS_LABEL.test(v), expected: "the chart's name in that repository" },
  version: { test: (v) => typeof v === "string" && /^v?\d+\.\d+\.\d+$/.test(v), expected: "an exact chart version such as 1.2.3 (never a range)" },
  layer: { test: isLayer, expected: `one of ${LAYERS.join(", ")}` },
  group: { test: isDnsLabel, expected: "a lowercase DNS label of at most 63 characters (it is a label value)" },
  dependencies: { test: (v) => Array.isArray(v) && v.every(isDnsLabel) && new Set(v).size === v.length, expected: "a list of distinct component names" },
  namespace: { test: isDnsLabel, expected: "the namespace to deploy to (a DNS label of at most 63 characters)" },
  serverSideApply: { test: (v) => typeof v === "boolean", expected: "true or false" },
  digest: {
    test: (v) => v === undefined || (typeof v === "string" && /^sha256:[0-9a-f]{64}$/.test(v)),
    expected: 'absent, or the sha256 of the chart package as "sha256:<64 lowercase hex>" (the second column of `sha256sum <chart>-<version>.tgz`)',
  },
  podSecurity: {
    test: (v) => v === undefined || isPodSecurityException(v),
    expected: 'absent (the pods run at Pod Security "restricted") or {"level": "baseline" | "privileged", "reason": "<which pods need what, at least 20 characters>"}',
  },
};

/** An exception names a level weaker than "restricted" and says, in a sentence, why the chart needs it. */
function isPodSecurityException(value: unknown): value is PodSecurityException {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { level, reason, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && (level === "baseline" || level === "privileged") && typeof reason === "string" && reason.trim().length >= 20;
}

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
  for (const [field, check] of Object.entries(CHECKS) as [keyof UpstreamSource, Check][]) {
    if (!check.test(upstream[field])) {
      const found = upstream[field] === undefined ? "is missing" : `is ${JSON.stringify(upstream[field])}`;
      const explained = check.explain?.(upstream[field], file);
      problems.push(problem("GEN010", file, explained?.message ?? `x-upstream.${field} ${found}; it must be ${check.expected}.`, { location: at(["x-upstream", field]), path: `x-upstream.${field}`, fix: explained?.fix }));
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
      source: { kind: "upstream", repoURL: valid.repoURL, chart: valid.chart, version: valid.version, ...(valid.digest ? { digest: valid.digest } : {}) },
      valuesSchemaFile: file,
      version: valid.version,
      description: String(schema?.description ?? ""),
      layer: valid.layer as CatalogComponent["layer"],
      group: valid.group,
      dependencies: [...valid.dependencies].sort(),
      locateDependencies: () => at(["x-upstream", "dependencies"]),
      namespace: valid.namespace,
      serverSideApply: valid.serverSideApply,
      ...(valid.podSecurity ? { podSecurity: { level: valid.podSecurity.level, reason: valid.podSecurity.reason.trim() } } : {}),
    },
  };
}
