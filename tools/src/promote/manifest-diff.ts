import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { stringify } from "yaml";
import { templateArgs } from "../helm/helm.js";
import { cachedHelm } from "../render/render-cache.js";
import { resolveCommit } from "./git.js";
import { childEnvironment } from "./redact.js";
import { imagePinValues, type TargetComponent } from "./regenerate.js";
import type { Workspace } from "./snapshot.js";

export interface ManifestDiff {
  component: string;
  /** The cluster whose Application this renders, in an environment with several; absent for one cluster. */
  cluster?: string;
  /** Unified diff of `helm template` before and after; empty when the manifests are identical. */
  diff: string;
  /** Why there is no diff, or what could not be rendered. */
  note?: string;
}

export type ChartRenderer = (chartDir: string, options: { releaseName: string; namespace: string; valuesFiles: string[] }) => { status: number; stdout: string; stderr: string };

/**
 * `helm template` through the content-keyed render cache the rest of the repository uses
 * (tools/src/render/render-cache.ts): the key is the Helm binary, the arguments and the bytes of the
 * chart directory and of every values file, so a promotion that renders what an earlier run (or
 * the other side of this diff) rendered reads it back instead of starting Helm. The snapshot and
 * values paths are temporary, so each is digested afresh. Helm runs with a minimal environment: no
 * credential of the promotion is visible to it or to what it reads. `cacheDir` is for tests.
 */
export function helmRenderer(options: { cacheDir?: string } = {}): ChartRenderer {
  return (chartDir, render) => cachedHelm("helm", templateArgs(chartDir, render), [chartDir, ...render.valuesFiles], { fresh: true, env: childEnvironment(), ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}) });
}

export const renderWithHelm: ChartRenderer = helmRenderer();

interface RenderedState {
  label: string;
  manifests?: string;
  problem?: string;
}

/**
 * The rendered-manifest diff of each changed component of the target environment, the way Argo CD
 * will render it: the chart AND the environment's values file are read at the pinned chartRevision
 * (both Application sources use it), with the pinned image tag and digest as string parameters. Each revision
 * is read from the local clone's history into a temporary directory, so the diff is the same
 * whatever is checked out and works offline; a revision the clone does not have is reported, not
 * guessed.
 */
export function renderManifestDiffs(input: {
  root: string;
  environment: string;
  before: readonly TargetComponent[];
  after: readonly TargetComponent[];
  components: readonly string[];
  /** For an environment with clusters: the clusters to render each component in (those whose pins change). */
  clusters?: ReadonlyMap<string, readonly string[]>;
  workspace: Workspace;
  render?: ChartRenderer;
}): ManifestDiff[] {
  const render = input.render ?? renderWithHelm;
  const snapshots = new Map<string, string>();
  const valuesDir = input.workspace.directory("image-tags");
  // Clusters without an overlay of their own render a component exactly alike: rendered once, reused.
  const rendered = new Map<string, RenderedState>();
  const renderState = (component: string, state: TargetComponent | undefined, side: "before" | "after"): RenderedState => {
    if (!state) return { label: "(not deployed)", manifests: "" };
    const key = JSON.stringify([component, state.chartPath, state.chartRevision, state.imageTag, state.imageDigest, state.namespace, state.overlayValuesFile ?? ""]);
    const known = rendered.get(key);
    if (known) return known;
    const result = renderOnce(component, state, side);
    rendered.set(key, result);
    return result;
  };
  const renderOnce = (component: string, state: TargetComponent, side: "before" | "after"): RenderedState => {
    const label = `${state.chartPath}@${state.chartRevision}, image ${state.imageTag}${state.imageDigest ? `@${state.imageDigest}` : ""}`;
    const commit = resolveCommit(input.root, state.chartRevision);
    if (!commit) return { label, problem: `revision ${state.chartRevision} is not in the local clone (run \`git fetch --tags origin\`)` };
    let dir = snapshots.get(commit);
    if (!dir) {
      dir = input.workspace.snapshot(input.root, commit, ["charts/", `environments/${input.environment}/values/`, `environments/${input.environment}/clusters/`], `render-${commit.slice(0, 12)}`);
      snapshots.set(commit, dir);
    }
    const chartDir = join(dir, state.chartPath);
    if (!existsSync(join(chartDir, "Chart.yaml"))) return { label, problem: `${state.chartPath} does not exist at ${state.chartRevision}` };
    const valuesFile = join(dir, "environments", input.environment, "values", `${component}.yaml`);
    if (!existsSync(valuesFile)) return { label, problem: `environments/${input.environment}/values/${component}.yaml does not exist at ${state.chartRevision}` };
    // A cluster's overlay is read after the environment's values file, at the same revision (as its Application does).
    const overlayFile = state.overlayValuesFile ? join(dir, state.overlayValuesFile) : undefined;
    if (overlayFile && !existsSync(overlayFile)) return { label, problem: `${state.overlayValuesFile} does not exist at ${state.chartRevision}` };
    const tagFile = join(valuesDir, `${component}-${state.cluster ?? ""}-${side}.yaml`);
    // A values file rather than --set: the tag and digest stay strings (Argo CD passes them with forceString).
    writeFileSync(tagFile, stringify(imagePinValues(state)));
    const result = render(chartDir, { releaseName: component, namespace: state.namespace, valuesFiles: [valuesFile, ...(overlayFile ? [overlayFile] : []), tagFile] });
    if (result.status !== 0) return { label, problem: `helm template failed at ${state.chartRevision}: ${result.stderr.trim().split("\n").slice(0, 3).join(" ")}` };
    return { label, manifests: result.stdout };
  };

  const targets: Array<{ component: string; cluster: string | undefined }> = [...input.components].sort().flatMap((component): Array<{ component: string; cluster: string | undefined }> => (input.clusters ? (input.clusters.get(component) ?? []).map((cluster) => ({ component, cluster })) : [{ component, cluster: undefined }]));
  return targets.map(({ component, cluster }): ManifestDiff => {
    const find = (states: readonly TargetComponent[]) => states.find((c) => c.name === component && c.cluster === cluster);
    const before = renderState(component, find(input.before), "before");
    const after = renderState(component, find(input.after), "after");
    const at = cluster === undefined ? {} : { cluster };
    const problems = [before.problem, after.problem].filter((p): p is string => p !== undefined);
    if (problems.length > 0) return { component, ...at, diff: "", note: `not rendered: ${problems.join("; ")}` };
    if (before.manifests === after.manifests) return { component, ...at, diff: "", note: "the rendered manifests are identical" };
    const name = cluster === undefined ? component : `${cluster}/${component}`;
    const diff = createTwoFilesPatch(`a/${input.environment}/${name}`, `b/${input.environment}/${name}`, before.manifests ?? "", after.manifests ?? "", before.label, after.label);
    return { component, ...at, diff: stripIndexHeader(diff) };
  });
}

/** `createTwoFilesPatch` may start with an `Index:`/`====` banner that adds nothing to a PR diff. */
function stripIndexHeader(patch: string): string {
  return patch.replace(/^(Index:[^\n]*\n)?=+\n/, "");
}
