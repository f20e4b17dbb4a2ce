import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { repoRoot } from "../../paths.js";

/**
 * Test support: Argo CD Application objects in the states a parent's health check and the
 * notification triggers must tell apart, shaped as Argo CD v3.4.4 writes them.
 *
 * Specs are the ones this repository generates (apps/production/...). Statuses follow the
 * controller: `status.sync` as `CompareAppState` builds it (controller/state.go:565-581:
 * `comparedTo` carries the spec's destination and sources, `revisions` one per source, and
 * `revision` only for a single source), operations as auto-sync requests them
 * (controller/appcontroller.go:2224-2242) and `SyncAppState` records them
 * (controller/sync.go:97-117, 170-171: a multi-source sync result has `revisions` and an empty
 * `revision`), retries as a Running phase with `finishedAt` (controller/appcontroller.go:1537-1549),
 * conditions with the types and messages the controller writes (types.go:1864-1881,
 * controller/state.go:335 and 627, util/argo/argo.go:664), resource health kept out of the
 * Application (`resourceHealthSource: appTree`, the 3.x default: docs/operator-manual/upgrading/2.14-3.0.md).
 * The field layout of `status` is that of the captured Application in controller/testdata/diff-cache.yaml.
 */

/** Tests reach deep into Application objects; typing every path buys nothing there. */
export type Loose = any;

const LAYERS = join(repoRoot, "apps", "production", "layers");
const ROOT = join(repoRoot, "apps", "production", "root");

function readApplications(dir: string): Loose[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml")
    .sort()
    .map((file) => parse(readFileSync(join(dir, file), "utf8")) as Loose)
    .filter((object) => object?.kind === "Application");
}

/** The generated Applications the states are built on: a chart of this repository, an upstream chart (both multi-source) and a layer (single source). */
export function generatedApplications(): { chartComponent: Loose; upstreamComponent: Loose; layer: Loose } {
  const components = readdirSync(LAYERS).sort().flatMap((layer) => readApplications(join(LAYERS, layer)));
  const chartComponent = components.find((app) => app.spec.sources?.[0]?.path !== undefined);
  const upstreamComponent = components.find((app) => app.spec.sources?.[0]?.chart !== undefined);
  const layer = readApplications(ROOT).find((app) => app.spec.source !== undefined);
  if (!chartComponent || !upstreamComponent || !layer) {
    throw new Error(`apps/production has no multi-source Application of a local chart, of an upstream chart, or no single-source layer Application: run \`npx nx run generate:gitops\``);
  }
  return { chartComponent: structuredClone(chartComponent), upstreamComponent: structuredClone(upstreamComponent), layer: structuredClone(layer) };
}

/** Commit SHAs Argo CD resolves Git revisions to. */
export const COMMITS = { before: "5f0c1e2d3b4a59687766554433221100ffeeddcc", after: "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3" } as const;

const TIME = { started: "2026-11-30T09:00:00Z", finished: "2026-11-30T09:00:42Z", reconciled: "2026-11-30T09:01:10Z", earlier: "2026-11-30T08:59:30Z" } as const;

/** What Argo CD resolves a source to: a Helm repository chart's version, else the Git commit. */
function resolved(source: Loose, commit: string): string {
  return source.chart !== undefined ? source.targetRevision : commit;
}

function isMultiSource(app: Loose): boolean {
  return Array.isArray(app.spec.sources) && app.spec.sources.length > 0;
}

/** `status.sync` as compared at `commit` against the spec the Application had then. */
export function syncStatus(spec: Loose, status: "Synced" | "OutOfSync" | "Unknown", commit: string): Loose {
  const comparedTo: Loose = { destination: spec.destination, ...(spec.ignoreDifferences ? { ignoreDifferences: spec.ignoreDifferences } : {}) };
  if (spec.sources?.length > 0) return { comparedTo: { ...comparedTo, sources: spec.sources }, revisions: spec.sources.map((s: Loose) => resolved(s, commit)), status };
  return { comparedTo: { ...comparedTo, source: spec.source }, revision: resolved(spec.source, commit), status };
}

/** The revisions `status.sync` names, one per source. */
export function revisionsOf(app: Loose): string[] {
  const sync = app.status.sync;
  return sync.revisions ?? [sync.revision];
}

type Phase = "Running" | "Succeeded" | "Failed" | "Error" | "Terminating";

/** `status.operationState` of an auto-sync of `spec` at `commit`. */
export function operationState(spec: Loose, commit: string, phase: Phase, message: string, finished: boolean): Loose {
  const multi = spec.sources?.length > 0;
  const revisions = multi ? spec.sources.map((s: Loose) => resolved(s, commit)) : [resolved(spec.source, commit)];
  const retry = spec.syncPolicy?.retry ? { retry: spec.syncPolicy.retry } : {};
  const sync = multi
    ? { prune: true, revisions, sources: spec.sources, syncOptions: spec.syncPolicy?.syncOptions }
    : { prune: true, revision: revisions[0], source: spec.source };
  const syncResult = multi
    ? { resources: [{ group: "apps", kind: "Deployment", message: "deployment.apps/workload configured", name: "workload", namespace: spec.destination.namespace, status: "Synced", syncPhase: "Sync", version: "v1" }], revision: "", revisions, sources: spec.sources }
    : { resources: [{ group: "argoproj.io", kind: "Application", message: "application.argoproj.io/child configured", name: "child", namespace: "argocd", status: "Synced", syncPhase: "Sync", version: "v1alpha1" }], revision: revisions[0], source: spec.source };
  return {
    ...(finished ? { finishedAt: TIME.finished } : {}),
    message,
    operation: { initiatedBy: { automated: true }, ...retry, sync },
    phase,
    startedAt: TIME.started,
    syncResult,
  };
}

function withStatus(app: Loose, status: Loose): Loose {
  return { ...structuredClone(app), status: { controllerNamespace: "argocd", resourceHealthSource: "appTree", sourceType: "Helm", ...structuredClone(status) } };
}

/** The spec after a promotion: the first source pinned to another revision (chartRevision), or, for a layer, another path. */
export function promoted(app: Loose): Loose {
  const next = structuredClone(app);
  if (isMultiSource(next)) {
    for (const source of next.spec.sources) source.targetRevision = source.chart !== undefined ? `${source.targetRevision}-next` : "v0.2.0";
  } else {
    next.spec.source.targetRevision = "release-next";
  }
  return next;
}

/** The spec with another image tag (a Helm parameter, not a revision), as an imageTag promotion changes it. */
export function withNewImageTag(app: Loose): Loose {
  const next = structuredClone(app);
  const parameter = next.spec.sources?.[0]?.helm?.parameters?.find((p: Loose) => p.name === "image.tag");
  if (!parameter) throw new Error(`${app.metadata.name} has no image.tag Helm parameter in its first source`);
  parameter.value = `${parameter.value}-next`;
  return next;
}

const healthy = (time: string = TIME.reconciled) => ({ lastTransitionTime: time, status: "Healthy" });

/**
 * Each state of one generated Application, as Argo CD leaves the object (before: synced at
 * COMMITS.before with the generated spec; after: a promoted spec).
 */
export function applicationStates(app: Loose): Record<string, Loose> {
  const next = promoted(app);
  const spec = app.spec;
  const nextSpec = next.spec;
  const succeededBefore = operationState(spec, COMMITS.before, "Succeeded", "successfully synced (all tasks run)", true);
  const comparisonErrorMessage = `Failed to load target state: failed to generate manifest for source 1 of ${nextSpec.sources?.length ?? 1}: rpc error: code = Unknown desc = Manifest generation error (cached): chart version not found`;
  const states: Record<string, Loose> = {
    "no status yet": structuredClone(app),
    "Synced and Healthy at its sources": withStatus(app, { health: healthy(), operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "new sources not compared yet": withStatus(next, { health: healthy(), operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "OutOfSync at new revisions": withStatus(next, { health: healthy(), operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "sync requested": { ...withStatus(next, { health: healthy(), operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }), operation: operationState(nextSpec, COMMITS.after, "Running", "", false).operation },
    "sync Running": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Running", "waiting for healthy state of apps/Deployment/workload", false), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "sync retrying after a failed attempt": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Running", "one or more objects failed to apply, reason: admission webhook denied the request. Retrying attempt #1 at 9:01AM.", true), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "sync blocked by a sync window": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Running", "Sync operation blocked by sync window", false), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "sync Failed": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Failed", "one or more objects failed to apply, reason: admission webhook \"validate.kyverno.svc\" denied the request", true), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "sync Error": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Error", "rpc error: code = Unknown desc = Manifest generation error (cached): chart version not found", true), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "failed sync superseded by a Synced revision": withStatus(next, { health: healthy(), operationState: operationState(spec, COMMITS.before, "Failed", "one or more synchronization tasks completed unsuccessfully", true), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "Synced", COMMITS.after) }),
    "sync finished, not compared since": withStatus(next, { health: healthy(TIME.earlier), operationState: operationState(nextSpec, COMMITS.after, "Succeeded", "successfully synced (all tasks run)", true), reconciledAt: TIME.earlier, sync: syncStatus(nextSpec, "Synced", COMMITS.after) }),
    "Synced and Healthy at new revisions": withStatus(next, { health: healthy(), operationState: operationState(nextSpec, COMMITS.after, "Succeeded", "successfully synced (all tasks run)", true), reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "Synced", COMMITS.after) }),
    ComparisonError: withStatus(next, {
      conditions: [{ lastTransitionTime: TIME.reconciled, message: comparisonErrorMessage, type: "ComparisonError" }],
      health: healthy(),
      operationState: succeededBefore,
      reconciledAt: TIME.reconciled,
      sync: syncStatus(nextSpec, "Unknown", COMMITS.after),
    }),
    InvalidSpecError: (() => {
      const moved = structuredClone(next);
      const first = isMultiSource(moved) ? moved.spec.sources[0] : moved.spec.source;
      first.repoURL = "https://github.com/example/forked-charts.git";
      // refreshAppConditions stops before comparing (appcontroller.go:1784-1799): comparedTo stays at the previous spec.
      return withStatus(moved, {
        conditions: [{ message: `application repo ${first.repoURL} is not permitted in project '${moved.spec.project}'`, type: "InvalidSpecError" }],
        health: { lastTransitionTime: TIME.reconciled, status: "Unknown" },
        operationState: succeededBefore,
        reconciledAt: TIME.earlier,
        sync: syncStatus(spec, "Unknown", COMMITS.before),
      });
    })(),
    "resources Missing": withStatus(next, { health: { lastTransitionTime: TIME.reconciled, status: "Missing" }, reconciledAt: TIME.reconciled, sync: syncStatus(nextSpec, "OutOfSync", COMMITS.after) }),
    "Synced, health Missing": withStatus(app, { health: { lastTransitionTime: TIME.reconciled, status: "Missing" }, operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "Synced, health Unknown": withStatus(app, { health: { lastTransitionTime: TIME.reconciled, status: "Unknown" }, operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "Synced, Suspended": withStatus(app, { health: { lastTransitionTime: TIME.reconciled, status: "Suspended" }, operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "Synced, Progressing": withStatus(app, { health: { lastTransitionTime: TIME.reconciled, status: "Progressing" }, operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
    "Synced, Degraded": withStatus(app, { health: { lastTransitionTime: TIME.reconciled, status: "Degraded" }, operationState: succeededBefore, reconciledAt: TIME.reconciled, sync: syncStatus(spec, "Synced", COMMITS.before) }),
  };
  return states;
}
