import { describe, expect, it } from "vitest";
import type { IApplication, IAppProject } from "../../tools/src/kubernetes/argocd-types.js";
import { readGeneratorInputs } from "../../tools/src/gitops/inputs.js";
import { APPPROJECT_DESCRIPTION_MAX_LENGTH } from "../../tools/src/gitops/manifests/conventions.js";
import { planGitops } from "../../tools/src/gitops/plan.js";
import { formatProblem } from "../../tools/src/gitops/problems.js";
import { environmentObjects } from "../../tools/src/gitops/render-environment.js";
import { repoRoot } from "../../tools/src/paths.js";

/**
 * The AppProjects the generator makes for this repository's environments (planned in memory from
 * environments/, so the check does not depend on apps/ being regenerated first).
 */
const plan = planGitops(readGeneratorInputs(repoRoot));
const environments = plan.environments.map((output) => {
  const objects = environmentObjects(output.plan).map((o) => o.object);
  return {
    name: output.name,
    spec: output.plan.environment,
    projects: objects.filter((o): o is IAppProject => o.kind === "AppProject"),
    applications: objects.filter((o): o is IApplication => o.kind === "Application"),
  };
});

describe("the repository's environments plan", () => {
  it("without problems, every environment", () => {
    expect(plan.problems.map(formatProblem)).toEqual([]);
    expect(environments.map((e) => e.name)).toEqual(["development", "production", "staging"]);
  });
});

describe.each(environments)("$name: AppProjects", ({ spec, projects, applications }) => {
  it("every project but the locked default carries the environment's sync windows, the gitops project of the root and layer Applications included", () => {
    const windowed = projects.filter((p) => p.metadata?.name !== "default");
    expect(windowed.map((p) => p.metadata?.name)).toContain(`${spec.name}-gitops`);
    expect(windowed.map((p) => p.metadata?.name)).toContain(`${spec.name}-argocd`);
    // gitops, argocd, three layers, and in several clusters the cluster registrations' project.
    expect(windowed).toHaveLength((spec.clusters ?? []).length > 1 ? 6 : 5);
    const expected = spec.syncWindows.length === 0 ? undefined : spec.syncWindows.map((w) => ({ kind: w.kind, schedule: w.schedule, duration: w.duration, timeZone: w.timeZone, manualSync: w.manualSync, applications: ["*"], ...(w.description ? { description: w.description } : {}) }));
    for (const project of windowed) expect(project.spec.syncWindows, project.metadata?.name).toEqual(expected);
    // Every Application of the environment is in one of these projects, so no Application syncs outside a freeze.
    const names = new Set(windowed.map((p) => p.metadata?.name));
    for (const application of applications) expect(names.has(application.spec.project), `${application.metadata?.name} is in ${application.spec.project}`).toBe(true);
  });

  it(`descriptions are within the CRD's maxLength of ${APPPROJECT_DESCRIPTION_MAX_LENGTH} characters`, () => {
    for (const project of projects) expect((project.spec.description ?? "").length, project.metadata?.name).toBeLessThanOrEqual(APPPROJECT_DESCRIPTION_MAX_LENGTH);
  });

  it("every Application source's repoURL is literally in its project's sourceRepos, and no Helm chart source uses oci://", () => {
    // Argo CD compares NormalizeGitURL(repoURL) with NormalizeGitURL(pattern) by glob (argo-cd v3.4.4
    // pkg/apis/application/v1alpha1/app_project_types.go:458-479): the same string without glob characters always matches.
    const byName = new Map(projects.map((p) => [p.metadata?.name, p]));
    for (const application of applications) {
      const allowed = byName.get(application.spec.project)?.spec.sourceRepos ?? [];
      for (const source of application.spec.sources ?? [application.spec.source]) {
        expect(allowed, `${application.metadata?.name}: ${source?.repoURL}`).toContain(source?.repoURL);
        expect(source?.repoURL).not.toMatch(/[*?[\]{}\\]/);
        if (source?.chart) expect(source.repoURL, `${application.metadata?.name} is a Helm chart source`).not.toMatch(/^oci:\/\//);
      }
    }
    for (const project of projects) for (const repo of project.spec.sourceRepos ?? []) expect(repo).not.toMatch(/^oci:\/\//);
  });
});
