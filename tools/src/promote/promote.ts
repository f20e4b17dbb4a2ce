import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonSchema } from "../schemas/json-schema.js";
import { readInputFile } from "../files/read-input-file.js";
import { formatProblem } from "../gitops/problems.js";
import { checkSourceReadiness, type ArgoCdConnection } from "./argocd-gate.js";
import { checkEarlierClusters } from "./cluster-gate.js";
import { clustersOf, layoutClusterChanges, type BaseEdit } from "./cluster-pins.js";
import { CONFIG_FILE, readPromotionConfig } from "./config.js";
import { PromotionError } from "./errors.js";
import { freezeStatus, type SyncWindow } from "./freeze-windows.js";
import { hasCommit, resolveCommit, treeOf } from "./git.js";
import type { GitHubRepository, TreeChange } from "./github-repository.js";
import { renderManifestDiffs, type ChartRenderer, type ManifestDiff } from "./manifest-diff.js";
import { formatManifestDiffs, formatPlanTable } from "./plan-table.js";
import { collectPins, planPromotion, showValue, stepClusters, type EnvironmentData, type PinChange, type Placement, type PromotionPlan } from "./plan.js";
import { metadataOf, renderPrBody, type PrBody } from "./pr-body.js";
import { findPromotablePatterns, type PromotablePattern } from "./promotable-fields.js";
import { imageSourceOf, provenanceLinks, type Link } from "./provenance.js";
import { previewPublication, publishPromotion } from "./publish.js";
import { checkEnvironment, checkEnvironmentSource, generatorPaths, placementOf, regenerateEnvironment, type EnvironmentCheck, type TargetComponent } from "./regenerate.js";
import { createRedactor, secretsFromEnvironment, type Redactor } from "./redact.js";
import { planTrustedRollback } from "./rollback.js";
import { Workspace } from "./snapshot.js";
import { resolveSourceRevisions, type RevisionResolution } from "./source-revisions.js";
import { applyScalarEdits, setClusterPins, type ScalarEdit } from "./yaml-edit.js";

export interface PromotionRequest {
  /** The local clone: read only (history and objects), never modified. */
  root: string;
  /** Source environment; not needed for a rollback. */
  from?: string;
  to: string;
  base: string;
  components?: string[];
  dryRun: boolean;
  rollback: boolean;
  overrideFreeze?: string;
  /** For a target with `clusters:`: the clusters this step changes (default: all). */
  clusters?: string[];
  /** Go ahead although the cluster gate holds the step back; recorded in the pull request. */
  overrideGate?: string;
  /** The instant freeze windows are evaluated at (default: now). */
  now?: Date;
}

export interface PromotionContext {
  /** Absent only for a dry run without credentials: the plan is then made from the local base branch. */
  github?: GitHubRepository;
  /** Web address of the repository, for compare links (https://github.com/owner/name). */
  repositoryWebUrl: string;
  /** The source environment's Argo CD (ARGOCD_SERVER): the source gate. */
  argocd?: ArgoCdConnection;
  /** The target environment's Argo CD (ARGOCD_TARGET_SERVER): the cluster gate of a progressive step. */
  targetArgocd?: ArgoCdConnection;
  /** The plan, diffs and result (stdout). */
  out: (text: string) => void;
  /** Progress and warnings (stderr). */
  log: (text: string) => void;
  render?: ChartRenderer;
  /**
   * The run's one redactor (the CLI's, holding every credential of its environment); default: one
   * built from this process's environment. It covers the pull request title, description, every
   * continuation comment and the commit message, as it covers stdout and stderr.
   */
  redact?: Redactor;
  /** The command line to quote in the pull request footer. */
  command: string;
  bodyLimit?: number;
}

export interface PromotionOutcome {
  status: "nothing-to-promote" | "planned" | "created" | "updated" | "unchanged";
  plan: PromotionPlan;
  branch: string;
  baseCommit: string;
  changedFiles: string[];
  diffs: ManifestDiff[];
  body?: PrBody;
  pull?: { number: number; url: string };
  /** GitHub API operations issued (retries excluded). */
  apiCalls: number;
}

/**
 * `promote/staging-to-production`, or `promote/rollback-production` for a rollback; a step into some
 * clusters of several gets its own branch (and so its own pull request), `+` and the clusters:
 * `promote/staging-to-production+eu`. Re-running a step finds its branch and pull request again.
 */
export function promotionBranch(request: Pick<PromotionRequest, "from" | "to" | "rollback">, plan?: Pick<PromotionPlan, "clusters">): string {
  const branch = request.rollback ? `promote/rollback-${request.to}` : `promote/${request.from}-to-${request.to}`;
  const step = plan?.clusters;
  return step && step.step.length < step.all.length ? `${branch}+${step.step.join("+")}` : branch;
}

/**
 * One promotion end to end: plan against the base branch's head, gate, edit, regenerate, render the
 * diff and the description, then (unless dry-run) publish. The base commit is read from the local
 * clone's object store into a temporary snapshot, so the checkout is never modified.
 */
export async function runPromotion(request: PromotionRequest, context: PromotionContext): Promise<PromotionOutcome> {
  const { github } = context;
  const workspace = new Workspace();
  try {
    const baseCommit = await resolveBaseCommit(request, github);
    const snapshot = workspace.snapshot(request.root, baseCommit, [...generatorPaths(request.to), CONFIG_FILE], "base");
    const config = readPromotionConfig(snapshot);
    const schema = readEnvironmentSchema(snapshot, request.base, baseCommit);
    const patterns = findPromotablePatterns(schema);
    const targetFile = `environments/${request.to}/environment.yaml`;
    const targetText = readEnvironmentText(snapshot, request.to, baseCommit);
    const target: EnvironmentData = { name: request.to, data: parseEnvironment(request.to, targetText, schema) };
    const targetTier = isRecord(target.data) ? target.data.tier : undefined;
    // A cluster the target does not list (PRM023) is refused before anything else runs.
    if (request.clusters) stepClusters(target, clustersOf(target), request.clusters);
    // In several clusters the generator says where each component runs (Argo CD's own components only in the first).
    let before: EnvironmentCheck | undefined = clustersOf(target).length > 0 ? checkTarget(snapshot, request, baseCommit) : undefined;
    const placement = before?.ok ? placementOf(before.components) : undefined;

    let plan: PromotionPlan;
    let rollbackOf: number | undefined;
    let resolutions: RevisionResolution[] = [];
    if (request.rollback) {
      if (!github) throw new PromotionError("PRM005", "--rollback reads the merged promotion pull requests from GitHub, so it needs credentials even with --dry-run.");
      const rollback = await planTrustedRollback({ pulls: await github.recentlyClosedPulls(request.base), target, patterns, components: request.components, clusters: request.clusters, placement, rule: config, source: github, root: request.root, warn: context.log });
      plan = rollback.plan;
      rollbackOf = rollback.undoes.number;
      context.log(`rolling back #${rollback.undoes.number} (${rollback.undoes.url}).`);
    } else {
      const from = request.from as string;
      const source: EnvironmentData = { name: from, data: parseEnvironment(from, readEnvironmentText(snapshot, from, baseCommit), schema) };
      // A source that follows a branch is promoted as the commit the branch names now (never the branch's name).
      const resolved = await resolveSourceRevisions({
        source,
        targetTier,
        patterns,
        components: promotableComponents(source, target, patterns, request.components),
        base: request.base,
        baseCommit,
        root: request.root,
        ...(github ? { repository: github.fullName, branchHead: (branch: string) => github.branchHead(branch) } : {}),
      });
      resolutions = resolved.resolutions;
      plan = planPromotion({ source: resolved.source, target, patterns, components: request.components, clusters: request.clusters, placement });
    }
    const branch = promotionBranch(request, plan);
    context.out(formatPlanTable(plan));
    for (const line of describeResolutions(request.from as string, resolutions)) context.out(line);
    const outcome = (status: PromotionOutcome["status"], extra: Partial<PromotionOutcome> = {}): PromotionOutcome => ({ status, plan, branch, baseCommit, changedFiles: [], diffs: [], apiCalls: github?.calls ?? 0, ...extra });
    if (plan.changes.length === 0) {
      context.out(`\nNothing to promote: every promotable pin of ${request.to} already matches${request.rollback ? "" : ` ${request.from}`}. Nothing was changed.`);
      return outcome("nothing-to-promote");
    }

    const freeze = freezeStatus(targetFile, ((target.data as { syncWindows?: SyncWindow[] } | null)?.syncWindows ?? []) as SyncWindow[], request.now ?? new Date());
    if (freeze.blocked && request.overrideFreeze === undefined) {
      const frozen = new PromotionError("PRM020", `${request.to} is frozen: ${freeze.reasons.join("; ")} (${targetFile}, syncWindows).`);
      // A dry run still shows the plan; it only warns that the real run would stop here.
      if (!request.dryRun) throw frozen;
      context.log(`a real run would stop here: ${frozen.code} ${frozen.message}`);
    }
    if (freeze.blocked && request.overrideFreeze !== undefined) context.log(`freeze window overridden: ${freeze.reasons.join("; ")}. Reason: ${request.overrideFreeze}`);

    const resolveRevision = (revision: string) => resolutions.find((r) => r.from === revision)?.to ?? resolveCommit(request.root, revision);
    if (context.argocd && !request.rollback) {
      try {
        await gateOnArgoCd(context.argocd, request, snapshot, plan, resolveRevision, context.log);
      } catch (error) {
        if (!request.dryRun || !(error instanceof PromotionError) || error.code !== "PRM021") throw error;
        context.log(`a real run would stop here: ${error.code} ${error.message}`);
      }
    }

    before ??= checkTarget(snapshot, request, baseCommit);
    if (!before.ok) throw new PromotionError("PRM013", `${request.to} is already invalid at ${request.base} (${baseCommit.slice(0, 12)}), before any pin moves:\n${before.problems.join("\n")}`);
    const gateOverride = await gateOnEarlierClusters(request, plan, before.components, context);
    const edited = editTarget(targetFile, targetText, plan, target, patterns, placement);
    writeFileSync(join(snapshot, targetFile), edited);
    const after = regenerateEnvironment(snapshot, request.to, request.root);
    if (!after.ok) throw new PromotionError("PRM013", `the generator rejects ${request.to} with the promoted pins:\n${after.problems.join("\n")}`);
    const changes: TreeChange[] = [
      { path: targetFile, content: edited },
      ...after.written.map((path) => ({ path, content: readFileSync(join(snapshot, path), "utf8") })),
      ...after.removed.map((path) => ({ path, content: null })),
    ];
    const changedComponents = [...new Set(plan.changes.map((c) => c.component).filter((c) => c !== ""))];
    const redact = context.redact ?? createRedactor(secretsFromEnvironment(process.env));
    // In several clusters each changed component is rendered in each cluster its pins change in.
    const clusterDiffs = plan.clusters ? clustersByComponent(plan) : undefined;
    // Redacted before the description is cut into parts, so each part's size is what is posted.
    const diffs = renderManifestDiffs({ root: request.root, environment: request.to, before: before.components, after: after.components, components: changedComponents, ...(clusterDiffs ? { clusters: clusterDiffs } : {}), workspace, render: context.render }).map((d) => ({
      ...d,
      diff: redact(d.diff),
      ...(d.note !== undefined ? { note: redact(d.note) } : {}),
    }));
    context.out(`\n${formatManifestDiffs(request.to, diffs)}`);

    const notes: string[] = [...describeResolutions(request.from as string, resolutions)];
    if (before.outOfDate.length > 0) notes.push(`apps/${request.to}/ was out of date at the base commit, so this pull request also brings ${before.outOfDate.length} generated file(s) up to date.`);
    for (const diff of diffs) if (diff.note?.startsWith("not rendered")) notes.push(`${diff.component}: rendered diff ${diff.note}.`);
    const links = new Map<PinChange, Link[]>();
    for (const change of plan.changes) {
      const chartPath = after.components.find((c) => c.name === change.component && c.cluster === change.cluster)?.chartPath ?? after.components.find((c) => c.name === change.component)?.chartPath ?? `charts/${change.component}`;
      const chartYaml = join(snapshot, chartPath, "Chart.yaml");
      const imageSource = config.imageSources[change.component] ?? imageSourceOf(existsSync(chartYaml) ? readFileSync(chartYaml, "utf8") : undefined);
      links.set(change, provenanceLinks(change, { repositoryWebUrl: context.repositoryWebUrl, imageSource }));
    }
    const overrideReason = freeze.blocked ? request.overrideFreeze : undefined;
    const metadata = metadataOf(plan, baseCommit, { rollbackOf, overrideFreeze: overrideReason, ...(gateOverride ? { overrideGate: gateOverride } : {}), resolved: resolutions });
    const rendered = renderPrBody({
      plan,
      metadata,
      links,
      diffs,
      baseBranch: request.base,
      baseCommit,
      fileCount: changes.length,
      overrideReason,
      freezeReasons: freeze.blocked ? freeze.reasons : [],
      notes,
      command: context.command,
      ...(plan.clusters && plan.clusters.remaining.length > 0 && plan.kind === "promotion" ? { nextCommand: nextStepCommand(request, plan.clusters.remaining) } : {}),
      ...(gateOverride ? { gateOverride } : {}),
      limit: context.bodyLimit,
    });
    // Everything published passes the redactor again, whatever part of it a secret came through.
    const body: PrBody = { body: redact(rendered.body), continuations: rendered.continuations.map(redact) };
    const inClusters = plan.clusters && plan.clusters.step.length < plan.clusters.all.length ? ` (${plan.clusters.step.join(", ")})` : "";
    const title = redact(plan.kind === "rollback" ? `Roll back ${request.to}${inClusters}: undo #${rollbackOf}` : `Promote ${plan.from} → ${plan.to}${inClusters}: ${changedComponents.join(", ") || "environment pins"}`);
    const changedFiles = changes.map((c) => c.path).sort();
    context.out(`\n${changedFiles.length} file(s) change on ${branch}: ${changedFiles.join(", ")}`);

    if (request.dryRun) {
      if (github) {
        const preview = await previewPublication(github, branch, request.base);
        context.out(`\nDry run: would ${preview.pull ? `update pull request #${preview.pull.number} (${preview.pull.url})` : `open a pull request from ${branch} into ${request.base}`}${preview.branchExists ? ` and move the existing branch ${branch}` : ""}. Nothing was changed.`);
      } else {
        context.out(`\nDry run without GitHub credentials: planned against the local ${request.base} (${baseCommit.slice(0, 12)}). Nothing was changed.`);
      }
      return outcome("planned", { changedFiles, diffs, body });
    }
    if (!github) throw new PromotionError("PRM005", "publishing the promotion needs GitHub credentials.");
    const commitMessage = redact(`${title}\n\n${plan.changes.map((c) => `${c.component || "(environment)"}${c.cluster !== undefined ? ` in ${c.cluster}` : ""} ${c.field}: ${showValue(c.from)} → ${showValue(c.to)}`).join("\n")}\n`);
    const result = await publishPromotion(
      github,
      { branch, base: request.base, baseCommit, baseTree: treeOf(request.root, baseCommit), changes, commitMessage, title, body, config },
      context.log,
    );
    const verb = { created: "Opened pull request", updated: "Updated pull request", unchanged: "Already up to date: pull request" }[result.action];
    context.out(`\n${verb} #${result.pull.number}: ${result.pull.url}`);
    return outcome(result.action, { changedFiles, diffs, body, pull: { number: result.pull.number, url: result.pull.url } });
  } finally {
    workspace.dispose();
  }
}

/**
 * The plan's changes as edits of the target file. A key the target lacks is added after the field
 * of its promotion group before it in the schema (imageDigest after imageTag), so the two pins of
 * an image stay side by side.
 */
function scalarEdits(changes: readonly BaseEdit[], patterns: readonly PromotablePattern[]): ScalarEdit[] {
  const fields = patterns.map((p) => ({ field: p.segments.at(-1)?.kind === "key" ? (p.segments.at(-1) as { name: string }).name : "", group: p.group }));
  return changes.map((change) => {
    if (change.presentInTarget || !change.group) return { path: change.path, value: change.to };
    const index = fields.findIndex((f) => f.field === change.path.at(-1) && f.group === change.group);
    const before = fields.slice(0, Math.max(index, 0)).filter((f) => f.group === change.group).at(-1);
    return { path: change.path, value: change.to, ...(before ? { after: before.field } : {}) };
  });
}

async function resolveBaseCommit(request: PromotionRequest, github: GitHubRepository | undefined): Promise<string> {
  if (github) {
    const head = await github.branchHead(request.base);
    if (!head) throw new PromotionError("PRM042", `the base branch ${request.base} does not exist on ${github.fullName}.`, "Pass the branch promotions merge into with --base (usually main).");
    if (!hasCommit(request.root, head)) {
      throw new PromotionError("PRM010", `${request.base} on ${github.fullName} is at ${head.slice(0, 12)}, which the local clone in ${request.root} does not have.`, `Run \`git fetch origin ${request.base}\` (in CI: actions/checkout with fetch-depth: 0) and promote again.`);
    }
    return head;
  }
  const local = resolveCommit(request.root, `refs/remotes/origin/${request.base}`) ?? resolveCommit(request.root, request.base);
  if (!local) throw new PromotionError("PRM010", `the local clone in ${request.root} has no branch ${request.base} (nor origin/${request.base}).`, `Fetch it (git fetch origin ${request.base}) or pass --base.`);
  return local;
}

function readEnvironmentSchema(snapshot: string, base: string, baseCommit: string): JsonSchema {
  const path = join(snapshot, "schemas", "environment.json");
  if (!existsSync(path)) throw new PromotionError("PRM008", `${base} (${baseCommit.slice(0, 12)}) has no schemas/environment.json, so there is nothing to promote from or to.`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as JsonSchema;
  } catch (error) {
    throw new PromotionError("PRM008", `schemas/environment.json at ${base} (${baseCommit.slice(0, 12)}) is not valid JSON: ${(error as Error).message}`);
  }
}

/** The environment file at the base commit, with the generator's input limits (links, size, UTF-8). */
function readEnvironmentText(snapshot: string, environment: string, baseCommit: string): string {
  const file = `environments/${environment}/environment.yaml`;
  const read = readInputFile(snapshot, file);
  if (read.kind === "missing") throw new PromotionError("PRM002", `${file} does not exist at the base commit ${baseCommit.slice(0, 12)}.`);
  if (read.kind === "refused") throw new PromotionError("PRM004", `${file} ${read.refusal.message}.`);
  return read.text;
}

/**
 * The environment's data, after the generator's own checks of the file (linear duplicate-key and
 * alias limits, the schema, name = directory): a list or a misspelled key is an error, never "0 pins".
 */
function parseEnvironment(environment: string, text: string, schema: JsonSchema): unknown {
  const result = checkEnvironmentSource(environment, text, schema);
  if (result.problems.length > 0) throw new PromotionError("PRM004", result.problems.map(formatProblem).join("\n"));
  return result.source.data;
}

async function gateOnArgoCd(argocd: ArgoCdConnection, request: PromotionRequest, snapshot: string, plan: PromotionPlan, resolveRevision: (revision: string) => string | undefined, log: (text: string) => void): Promise<void> {
  const from = request.from as string;
  const source = checkEnvironment(snapshot, from, request.root);
  if (!source.ok) throw new PromotionError("PRM013", `${from} is invalid at the base commit:\n${source.problems.join("\n")}`);
  const names = new Set(plan.changes.map((c) => c.component));
  const components = source.components.filter((c) => names.has(c.name));
  const results = await checkSourceReadiness(argocd, from, components, resolveRevision);
  const failing = results.filter((r) => !r.ready);
  if (failing.length > 0) {
    throw new PromotionError("PRM021", `${from} is not ready to promote: ${failing.map((f) => `${f.application}: ${f.problems.join(", ")}`).join("; ")}.`);
  }
  log(`Argo CD gate: ${results.map((r) => r.application).join(", ")} Synced and Healthy at the promoted pins.`);
}

/**
 * The target environment.yaml with the plan applied. In several clusters the per-cluster changes
 * are laid out as `components:` pins plus each cluster's own `pins` (cluster-pins.ts); otherwise
 * each change is one scalar edit.
 */
function editTarget(file: string, text: string, plan: PromotionPlan, target: EnvironmentData, patterns: readonly PromotablePattern[], placement: Placement | undefined): string {
  if (!plan.changes.some((c) => c.cluster !== undefined)) return applyScalarEdits(file, text, scalarEdits(plan.changes, patterns));
  const layout = layoutClusterChanges({ target, basePins: collectPins(target, patterns).pins, patterns, changes: plan.changes, placement });
  let edited = layout.base.length > 0 ? applyScalarEdits(file, text, scalarEdits(layout.base, patterns)) : text;
  for (const [index, pins] of [...layout.pins].sort((a, b) => a[0] - b[0])) edited = setClusterPins(file, edited, index, pins);
  return edited;
}

/** The target checked by the generator at the base commit, before any pin moves. */
function checkTarget(snapshot: string, request: PromotionRequest, baseCommit: string): EnvironmentCheck {
  const check = checkEnvironment(snapshot, request.to, request.root);
  if (!check.ok) throw new PromotionError("PRM013", `${request.to} is already invalid at ${request.base} (${baseCommit.slice(0, 12)}), before any pin moves:\n${check.problems.join("\n")}`);
  return check;
}

/** Components enabled in both environments (and named by --components): those whose source revisions are resolved. */
function promotableComponents(source: EnvironmentData, target: EnvironmentData, patterns: readonly PromotablePattern[], only: readonly string[] | undefined): Set<string> {
  const inSource = collectPins(source, patterns).owners;
  const inTarget = collectPins(target, patterns).owners;
  return new Set([...inSource.keys()].filter((c) => c !== "" && inTarget.has(c) && inSource.get(c)?.enabled !== false && inTarget.get(c)?.enabled !== false && (!only || only.length === 0 || only.includes(c))));
}

/** One line per moving revision pinned: `development's chartRevision main is pinned as <sha> (head of main on acme/gitops): alpha, beta.` */
function describeResolutions(from: string, resolutions: readonly RevisionResolution[]): string[] {
  const byRevision = new Map<string, RevisionResolution[]>();
  for (const r of resolutions) byRevision.set(`${r.from}\u0000${r.to}`, [...(byRevision.get(`${r.from}\u0000${r.to}`) ?? []), r]);
  return [...byRevision.values()].map((group) => {
    const first = group[0] as RevisionResolution;
    return `${from}'s chartRevision ${first.from} is pinned as ${first.to} (${first.how}): ${group.map((r) => r.component).join(", ")}.`;
  });
}

/** Each component with per-cluster changes → the clusters they are in (`clusters:` order). */
function clustersByComponent(plan: PromotionPlan): Map<string, string[]> {
  const order = plan.clusters?.all ?? [];
  const map = new Map<string, string[]>();
  for (const change of plan.changes) {
    if (change.cluster === undefined) continue;
    const list = map.get(change.component) ?? [];
    if (!list.includes(change.cluster)) map.set(change.component, [...list, change.cluster].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  }
  return map;
}

/** The command of the train's next step: the next cluster still to come. */
function nextStepCommand(request: PromotionRequest, remaining: readonly string[]): string {
  return `nx run generate:promote -- --from ${request.from} --to ${request.to} --clusters ${remaining[0]}${request.base !== "main" ? ` --base ${request.base}` : ""}`;
}

/**
 * The cluster gate of a progressive step: every cluster it skips over (listed before its last
 * cluster, not in it) must already run the promoted pins and be Synced and Healthy at them in the
 * target's Argo CD (ARGOCD_TARGET_SERVER), Application by Application. Otherwise the step stops
 * (PRM024; PRM025 when there is no Argo CD to ask), warns in a dry run, or, with --override-gate,
 * goes ahead and returns what it found, to be recorded in the pull request.
 */
async function gateOnEarlierClusters(request: PromotionRequest, plan: PromotionPlan, components: readonly TargetComponent[], context: PromotionContext): Promise<{ reason: string; problems: string[] } | undefined> {
  if (request.rollback || !plan.clusters || plan.clusters.earlier.length === 0 || plan.changes.length === 0) return undefined;
  const gate = await checkEarlierClusters({ environment: request.to, clusters: plan.clusters, changed: new Set(plan.changes.filter((c) => c.cluster !== undefined).map((c) => c.component)), components, connection: context.targetArgocd, resolveRevision: (revision) => resolveCommit(request.root, revision) });
  const step = plan.clusters.step.join(", ");
  if (gate.problems.length === 0) {
    context.log(`cluster gate: ${plan.clusters.earlier.join(", ")} run the promoted pins, Synced and Healthy (${gate.checked.join(", ")}).`);
    return undefined;
  }
  if (request.overrideGate !== undefined) {
    context.log(`cluster gate overridden: ${gate.problems.join("; ")}. Reason: ${request.overrideGate}`);
    return { reason: request.overrideGate, problems: gate.problems };
  }
  const error = gate.unasked
    ? new PromotionError("PRM025", `the step into ${step} of ${request.to} comes after ${plan.clusters.earlier.join(", ")}, whose health cannot be checked: ${gate.problems.join("; ")}.`)
    : new PromotionError("PRM024", `the step into ${step} of ${request.to} comes after ${plan.clusters.earlier.join(", ")}, which ${plan.clusters.earlier.length > 1 ? "are" : "is"} not ready: ${gate.problems.join("; ")}.`, `Promote ${plan.clusters.earlier.join(", ")} first (\`${nextStepCommand(request, plan.clusters.earlier)}\`) and wait until its Applications are Synced and Healthy at these pins; or go ahead with --override-gate "<reason>", which is recorded in the pull request.`);
  if (!request.dryRun) throw error;
  context.log(`a real run would stop here: ${error.code} ${error.message}`);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
