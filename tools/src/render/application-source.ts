/**
 * What Argo CD's repo-server needs to render one Helm Application: which chart (a path of this
 * repository at a revision, or an upstream chart at a pinned version), the release name, the
 * namespace, the value files (resolved through `$ref` sources), `valuesObject` and parameters.
 * Pure: it reads the Application object only. Semantics follow argo-cd v3.4.4
 * reposerver/repository/repository.go (helmTemplate: release name defaults to the Application's
 * name, namespace to the destination's; `$ref/path` value files read from the ref source's
 * revision) and pkg/apis/application/v1alpha1/types.go (a source with `chart` is a Helm repository
 * chart; a repoURL with the `oci://` scheme is an OCI artifact whose `chart` field is ignored).
 */
export interface HelmParameter {
  name: string;
  value: string;
  forceString?: boolean;
}

export interface ApplicationSource {
  repoURL: string;
  targetRevision?: string;
  path?: string;
  chart?: string;
  ref?: string;
  helm?: { releaseName?: string; valueFiles?: string[]; valuesObject?: Record<string, unknown>; parameters?: HelmParameter[] };
}

export interface ApplicationLike {
  metadata: { name: string };
  spec?: Record<string, unknown>;
}

export type ChartLocation =
  | { kind: "repository"; repoURL: string; revision: string; path: string }
  | { kind: "upstream"; repoURL: string; chart: string; version: string };

export interface ValueFile {
  /** The repository and revision the file is read from (the `$ref` source's). */
  repoURL: string;
  revision: string;
  path: string;
}

export interface RenderRequest {
  application: string;
  chart: ChartLocation;
  releaseName: string;
  namespace: string;
  valueFiles: ValueFile[];
  valuesObject?: Record<string, unknown>;
  parameters: HelmParameter[];
}

export class RenderRequestError extends Error {}

/** The render request of a (single- or multi-source) Helm Application. */
export function renderRequestOf(application: ApplicationLike): RenderRequest {
  const spec = (application.spec ?? {}) as { source?: ApplicationSource; sources?: ApplicationSource[]; destination?: { namespace?: string } };
  const sources = spec.sources ?? (spec.source ? [spec.source] : []);
  const name = application.metadata.name;
  const charts = sources.filter((s) => s.ref === undefined);
  if (charts.length !== 1) throw new RenderRequestError(`${name}: expected exactly one chart source besides ref sources, found ${charts.length}.`);
  const source = charts[0] as ApplicationSource;
  const revision = source.targetRevision ?? "HEAD";
  let chart: ChartLocation;
  if (source.repoURL.startsWith("oci://")) {
    throw new RenderRequestError(`${name}: repoURL ${source.repoURL} has the oci:// scheme, so Argo CD treats it as a plain OCI artifact and ignores chart "${source.chart ?? ""}"; write the registry without scheme (registry/path) with chart.`);
  } else if (source.chart !== undefined) {
    chart = { kind: "upstream", repoURL: source.repoURL, chart: source.chart, version: revision };
  } else if (source.path !== undefined) {
    chart = { kind: "repository", repoURL: source.repoURL, revision, path: source.path };
  } else {
    throw new RenderRequestError(`${name}: the chart source has neither chart nor path.`);
  }
  const refs = new Map(sources.filter((s) => s.ref !== undefined).map((s) => [`$${s.ref}`, s]));
  const valueFiles = (source.helm?.valueFiles ?? []).map((file): ValueFile => {
    if (!file.startsWith("$")) {
      if (chart.kind !== "repository") throw new RenderRequestError(`${name}: value file ${file} is relative to an upstream chart; use a $ref source.`);
      return { repoURL: chart.repoURL, revision: chart.revision, path: `${chart.path}/${file}` };
    }
    const [head, ...rest] = file.split("/");
    const ref = refs.get(head as string);
    if (!ref) throw new RenderRequestError(`${name}: value file ${file} names ${head}, which no source declares as ref.`);
    return { repoURL: ref.repoURL, revision: ref.targetRevision ?? "HEAD", path: rest.join("/") };
  });
  const namespace = spec.destination?.namespace;
  if (!namespace) throw new RenderRequestError(`${name}: spec.destination.namespace is not set.`);
  return {
    application: name,
    chart,
    releaseName: source.helm?.releaseName || name,
    namespace,
    valueFiles,
    ...(source.helm?.valuesObject ? { valuesObject: source.helm.valuesObject } : {}),
    parameters: source.helm?.parameters ?? [],
  };
}

export interface ClusterCapabilities {
  kubeVersion: string;
  apiVersions: readonly string[];
}

/**
 * `helm template` arguments in the order argo-cd v3.4.4 util/helm/cmd.go `template()` builds them
 * (lines 412-446): chart, --name-template, --namespace, --kube-version, --set (parameters),
 * --set-string (forceString parameters), --values (value files, then valuesObject written to a
 * file), --api-versions, --include-crds (Argo CD never sets skipCrds for our Applications).
 */
export function repoServerTemplateArgs(chartPath: string, request: RenderRequest, files: { valueFiles: readonly string[]; valuesObjectFile?: string }, cluster: ClusterCapabilities): string[] {
  const args = ["template", chartPath, "--name-template", request.releaseName, "--namespace", request.namespace, "--kube-version", cluster.kubeVersion];
  for (const p of request.parameters.filter((p) => !p.forceString)) args.push("--set", `${p.name}=${p.value}`);
  for (const p of request.parameters.filter((p) => p.forceString)) args.push("--set-string", `${p.name}=${p.value}`);
  for (const file of files.valueFiles) args.push("--values", file);
  if (files.valuesObjectFile) args.push("--values", files.valuesObjectFile);
  for (const api of cluster.apiVersions) args.push("--api-versions", api);
  args.push("--include-crds");
  return args;
}
