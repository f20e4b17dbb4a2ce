import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { BinaryName } from "../binaries/binaries.js";
import { writeFileAtomically } from "../files/atomic-write.js";
import { commitSnapshot, resolveRevision } from "../git/commit-snapshot.js";
import { DEFAULT_KUBE_VERSION, PLATFORM_API_VERSIONS } from "../helm/helm.js";
import { locateUpstreamChart } from "../upstream/chart-locator.js";
import { repoServerTemplateArgs, type ClusterCapabilities, type RenderRequest } from "./application-source.js";
import { cachedHelm, RENDER_CACHE_DIR, type CachedRender } from "./render-cache.js";

/** The repository the Applications read from, as this machine has it. */
export interface RepositoryCheckout {
  root: string;
  /** The repository URL the Applications name (environment.yaml `repository.url`). */
  url: string;
  /**
   * Revisions the working tree stands for: the branch development follows (its tip is what you
   * are about to push). Every other revision is read from the commit it names.
   */
  workingTreeRevisions: ReadonlySet<string>;
}

export const DEFAULT_CLUSTER: ClusterCapabilities = { kubeVersion: DEFAULT_KUBE_VERSION, apiVersions: PLATFORM_API_VERSIONS };

export class RenderInputError extends Error {}

/**
 * Commits that full SHAs resolved to, by repository: an object's name never changes what it names, so
 * `git rev-parse` runs once per SHA and process instead of once per value file of every render.
 * Branches and tags move, and are resolved every time; so is a SHA that did not resolve.
 */
const resolvedShas = new Map<string, string>();

function resolveCommit(root: string, revision: string): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(revision)) return resolveRevision(root, revision);
  // The directory's inode too: a scratch repository made later at the same path is another repository.
  const key = `${root}\0${statSync(root).ino}\0${revision}`;
  let commit = resolvedShas.get(key);
  if (commit === undefined) {
    commit = resolveRevision(root, revision);
    if (commit !== undefined) resolvedShas.set(key, commit);
  }
  return commit;
}

/** What the chart path, the value files and the snapshot prefixes resolve to on this machine. */
function repositoryDirectory(checkout: RepositoryCheckout, revision: string): string {
  if (checkout.workingTreeRevisions.has(revision)) return checkout.root;
  const commit = resolveCommit(checkout.root, revision);
  if (!commit) throw new RenderInputError(`revision ${revision} does not resolve in ${checkout.root}: Argo CD would report "Unable to resolve '${revision}'". Pin a commit of this repository.`);
  return commitSnapshot(checkout.root, commit, ["apps", "charts", "environments"]);
}

/** Where each value file of the request is on this machine (at the revision the Application reads it). */
export function valueFilePaths(request: RenderRequest, checkout: RepositoryCheckout): string[] {
  return request.valueFiles.map((file) => {
    if (file.repoURL !== checkout.url) throw new RenderInputError(`${request.application}: value file ${file.path} comes from ${file.repoURL}, not this repository.`);
    const path = join(repositoryDirectory(checkout, file.revision), file.path);
    if (!existsSync(path)) throw new RenderInputError(`${request.application}: value file ${file.path} does not exist at ${file.revision}; Argo CD fails the render.`);
    return path;
  });
}

export interface ApplicationRender extends CachedRender {
  args: string[];
  binary: BinaryName;
}

/** The `helm template` command line of one Application and the files and folders it reads (which key its cache entry). */
export interface RenderPlan {
  binary: BinaryName;
  args: string[];
  paths: string[];
}

/** What `helm template` the repo-server would run for one Application, with the chart and value files resolved on this machine. */
export function planApplicationRender(request: RenderRequest, binary: BinaryName, checkout: RepositoryCheckout, cluster: ClusterCapabilities = DEFAULT_CLUSTER): RenderPlan {
  const paths: string[] = [];
  let chartPath: string;
  if (request.chart.kind === "upstream") {
    chartPath = locateUpstreamChart({ repoURL: request.chart.repoURL, chart: request.chart.chart, version: request.chart.version });
  } else {
    if (request.chart.repoURL !== checkout.url) throw new RenderInputError(`${request.application}: chart repository ${request.chart.repoURL} is not this repository (${checkout.url}).`);
    chartPath = join(repositoryDirectory(checkout, request.chart.revision), request.chart.path);
    if (!existsSync(join(chartPath, "Chart.yaml"))) throw new RenderInputError(`${request.application}: ${request.chart.path} has no Chart.yaml at ${request.chart.revision}.`);
  }
  paths.push(chartPath);
  const valueFiles = valueFilePaths(request, checkout);
  paths.push(...valueFiles);
  let valuesObjectFile: string | undefined;
  if (request.valuesObject) {
    const text = stringify(request.valuesObject);
    valuesObjectFile = join(RENDER_CACHE_DIR, "values-objects", `${createHash("sha256").update(text).digest("hex")}.yaml`);
    // Named by its content, and written whole (another test worker may be reading it).
    if (!existsSync(valuesObjectFile)) writeFileAtomically(valuesObjectFile, text);
    paths.push(valuesObjectFile);
  }
  const args = repoServerTemplateArgs(chartPath, request, { valueFiles, ...(valuesObjectFile ? { valuesObjectFile } : {}) }, cluster);
  return { binary, args, paths };
}

/** `helm template` of one Application, exactly as the repo-server runs it, through the render cache. */
export function renderApplication(request: RenderRequest, binary: BinaryName, checkout: RepositoryCheckout, cluster: ClusterCapabilities = DEFAULT_CLUSTER): ApplicationRender {
  const plan = planApplicationRender(request, binary, checkout, cluster);
  // The working tree may change between runs; snapshots and packages never do.
  return { ...cachedHelm(binary, plan.args, plan.paths), args: plan.args, binary };
}
