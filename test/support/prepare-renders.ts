import { availableParallelism } from "node:os";
import { HELM_VERSIONS } from "../../tools/src/binaries/binaries.js";
import { ensureParsedManifests } from "../../tools/src/kubernetes/manifest-cache.js";
import { planApplicationRender } from "../../tools/src/render/render-application.js";
import { prefetchRenders, type RenderJob } from "../../tools/src/render/render-cache.js";
import { checkoutFor, componentApplications, renderSource, type ComponentApplication } from "./component-renders.js";

/**
 * Renders every component Application of every environment under both Helm majors before the test
 * files start, a Helm process per core, into the content-keyed render cache; and parses each Helm 4
 * render into the parsed-manifest cache as it arrives. A dozen test files read these renders: without
 * this, the first of them renders them one at a time, and two workers that need the same render at
 * once both run it. Nothing is decided here: an Application that cannot be planned or rendered is left
 * to the test that reads it, which renders it itself and reports why it fails.
 */
export async function prepareRenders(): Promise<{ jobs: number; rendered: number; cached: number; milliseconds: number }> {
  const started = performance.now();
  const owners = new Map<RenderJob, ComponentApplication>();
  for (const app of componentApplications()) {
    if (app.requestError) continue;
    for (const { binary } of HELM_VERSIONS) {
      try {
        const plan = planApplicationRender(app.request, binary, checkoutFor(app.env));
        owners.set(plan, app);
      } catch {
        // The render test of this Application reports it.
      }
    }
  }
  const parsed = HELM_VERSIONS[0]?.binary;
  const counts = await prefetchRenders([...owners.keys()], {
    concurrency: availableParallelism(),
    onRendered: (job, result) => {
      const app = owners.get(job);
      if (!app || job.binary !== parsed || result.status !== 0) return;
      try {
        ensureParsedManifests(result.stdout, renderSource(app));
      } catch {
        // A render that does not parse fails the tests that read it.
      }
    },
  });
  return { jobs: owners.size, rendered: counts.rendered, cached: counts.cached, milliseconds: Math.round(performance.now() - started) };
}
