import type { EnvironmentSpec } from "./environment-model.js";
import type { RevisionLookup, RevisionQuery } from "./git-revisions.js";
import { problem, type Problem, type SourceLocation } from "./problems.js";
import { isFullCommitSha } from "./revisions.js";

/** An environment.yaml that passed its schema, with what the pin checks need of it. */
export interface PinnedEnvironment {
  file: string;
  environment: EnvironmentSpec;
  /** Names of the enabled components (each has a `chartRevision`). */
  enabled: readonly string[];
  locate: (path: (string | number)[]) => SourceLocation;
}

interface Pin {
  env: PinnedEnvironment;
  component: string;
  revision: string;
  /** Where the pin is written when it is a cluster's own (`clusters[i].pins`), else components.<component>. */
  cluster?: { index: number; name: string };
}

/**
 * The chartRevision rules: production pins are full commit SHAs; every pin names a commit of the
 * repository the generator runs in; a production pin is in the history of the branch the
 * environment follows (`repository.revision`), which must exist too. All environments' pins are
 * answered by one call of `lookup` (one `git cat-file`, plus one `git rev-list` when there are
 * production pins).
 */
export function verifyPins(environments: readonly PinnedEnvironment[], lookup: RevisionLookup): Problem[] {
  const problems: Problem[] = [];
  const pins: Pin[] = environments.flatMap((env) => [
    ...env.enabled.map((component) => ({ env, component, revision: env.environment.components[component]?.chartRevision ?? "" })),
    // A cluster's own pins (a progressive promotion underway) follow the same rules; a pin of a component that does not run there is GEN048.
    ...(env.environment.clusters ?? []).flatMap((cluster, index) =>
      Object.entries(cluster.pins ?? {}).flatMap(([component, pin]) => (pin.chartRevision !== undefined && env.enabled.includes(component) ? [{ env, component, revision: pin.chartRevision, cluster: { index, name: cluster.name } }] : [])),
    ),
  ]);
  const at = (pin: Pin) =>
    pin.cluster
      ? { location: pin.env.locate(["clusters", pin.cluster.index, "pins", pin.component, "chartRevision"]), path: `clusters[${pin.cluster.index}].pins.${pin.component}.chartRevision` }
      : { location: pin.env.locate(["components", pin.component, "chartRevision"]), path: `components.${pin.component}.chartRevision` };
  const of = (pin: Pin) => `${pin.component}${pin.cluster ? ` in cluster ${pin.cluster.name}` : ""}`;
  const production = (pin: Pin) => pin.env.environment.tier === "production";

  for (const pin of pins.filter((p) => production(p) && !isFullCommitSha(p.revision))) {
    problems.push(
      problem("GEN030", pin.env.file, `chartRevision "${pin.revision}" of ${of(pin)} is not a full commit SHA; production runs only 40-character commit SHAs of ${pin.env.environment.repository.revision} (a tag can be moved or deleted, a branch moves with every merge).`, at(pin)),
    );
  }
  const checked = pins.filter((p) => !production(p) || isFullCommitSha(p.revision));
  if (environments.length === 0) return problems;

  const query: RevisionQuery = {
    revisions: [...new Set(checked.map((p) => p.revision))],
    branches: [...new Set(environments.map((env) => env.environment.repository.revision))],
    ancestry: environments.filter((env) => env.environment.tier === "production").map((env) => ({ branch: env.environment.repository.revision, commits: checked.filter((p) => p.env === env).map((p) => p.revision) })),
  };
  const result = lookup(query);
  if ("unavailable" in result) {
    const first = checked[0];
    const where = first ? at(first) : { location: environments[0]?.locate(["repository", "revision"]), path: "repository.revision" };
    problems.push(
      problem("GEN036", first?.env.file ?? (environments[0] as PinnedEnvironment).file, `${query.revisions.length} chartRevision pin(s) and ${query.branches.length} branch(es) of ${environments.length} environment(s) cannot be verified: ${result.unavailable}.`, where),
    );
    return problems;
  }
  const { commits, branches, outside } = result.answer;

  for (const env of environments) {
    const branch = env.environment.repository.revision;
    if (!branches.has(branch)) {
      problems.push(
        problem("GEN034", env.file, `repository.revision "${branch}" names no branch in this repository (neither refs/heads/${branch} nor refs/remotes/origin/${branch}); the root and layer Applications track it.`, {
          location: env.locate(["repository", "revision"]),
          path: "repository.revision",
          fix: `Set repository.revision to the branch Argo CD tracks (main), or fetch it: \`git fetch origin ${branch}\`.`,
        }),
      );
    }
  }
  for (const pin of checked) {
    const commit = commits.get(pin.revision);
    if (commit === undefined) {
      problems.push(problem("GEN034", pin.env.file, `chartRevision "${pin.revision}" of ${of(pin)} names no commit in this repository (no such commit, tag, branch or origin/${pin.revision}).`, at(pin)));
      continue;
    }
    const branch = pin.env.environment.repository.revision;
    if (production(pin) && outside.get(branch)?.has(commit)) {
      problems.push(
        problem("GEN035", pin.env.file, `chartRevision ${pin.revision} of ${of(pin)} is not in the history of ${branch} (neither the local ${branch} nor origin/${branch} contains it); production runs only commits merged into ${branch}.`, {
          ...at(pin),
          fix: `Promote a commit of ${branch}'s history from staging (merge the change first), or, if your ${branch} is behind, \`git fetch origin ${branch}\`.`,
        }),
      );
    }
  }
  return problems;
}
