import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { HELM_VERSIONS } from "../../tools/src/binaries/binaries.js";
import type { KubeObject } from "../../tools/src/kubernetes/index.js";
import { parseManifestsCached } from "../../tools/src/kubernetes/manifest-cache.js";
import { repoRoot } from "../../tools/src/paths.js";
import { renderRequestOf, type ApplicationSource, type RenderRequest } from "../../tools/src/render/application-source.js";
import { renderApplication, type ApplicationRender, type RepositoryCheckout } from "../../tools/src/render/render-application.js";
import { environmentNames, generatedObjects, type GeneratedObject } from "../gitops/support/generated.js";

/**
 * Every component Application of every environment (the Applications under apps/<env>/layers/),
 * rendered as Argo CD's repo-server renders it (tools/src/render), under both Helm majors. Renders
 * are cached on disk by content, so the test files that read them share one render per run.
 */
export interface ComponentApplication {
  env: string;
  file: string;
  application: GeneratedObject["object"];
  /** What the repo-server would be asked to render; throws (see requestError) when Argo CD could not. */
  request: RenderRequest;
  requestError?: string;
  /** The component: the Application's Helm release name. */
  component: string;
  upstream: boolean;
}

export interface ComponentRender {
  outputs: { label: string; render: ApplicationRender }[];
  /** Parsed objects of the Helm 4 render (empty when it failed). */
  objects: KubeObject[];
}

type EnvironmentSpec = { repository: { url: string; revision: string }; destination: { server: string; namespaces: Record<string, string> } };
const environmentSpecs = new Map<string, EnvironmentSpec>();

/** environments/<env>/environment.yaml of this checkout (read once per process: the tests never write it); a copy to change. */
export function environmentSpec(env: string): EnvironmentSpec {
  let spec = environmentSpecs.get(env);
  if (!spec) {
    spec = parse(readFileSync(join(repoRoot, "environments", env, "environment.yaml"), "utf8")) as EnvironmentSpec;
    environmentSpecs.set(env, spec);
  }
  return structuredClone(spec);
}

export function checkoutFor(env: string): RepositoryCheckout {
  const { repository } = environmentSpec(env);
  return { root: repoRoot, url: repository.url, workingTreeRevisions: new Set([repository.revision]) };
}

let applications: ComponentApplication[] | undefined;

export function componentApplications(): ComponentApplication[] {
  applications ??= environmentNames().flatMap((env) =>
    generatedObjects(env)
      .filter((o) => o.object.kind === "Application" && o.file.includes("/layers/"))
      .map((o): ComponentApplication => {
        const sources = sourcesOf(o.object);
        const chartSource = sources.find((s) => s.ref === undefined);
        const fallback = { env, file: o.file, application: o.object, component: chartSource?.helm?.releaseName ?? o.object.metadata.name, upstream: chartSource?.chart !== undefined };
        try {
          const request = renderRequestOf(o.object);
          return { ...fallback, request, component: request.releaseName, upstream: request.chart.kind === "upstream" };
        } catch (error) {
          return { ...fallback, request: undefined as unknown as RenderRequest, requestError: (error as Error).message };
        }
      }),
  );
  return applications;
}

export const sourcesOf = (application: GeneratedObject["object"]) => (application.spec as { sources: ApplicationSource[] }).sources;

const renders = new Map<string, ComponentRender>();

/** What a component's parsed objects name as their source when no `# Source:` comment does. */
export const renderSource = (app: ComponentApplication) => `${app.env}/${app.application.metadata.name}`;

/** The renders of one component Application (memoised in the process, cached on disk across processes). */
export function renderComponent(app: ComponentApplication): ComponentRender {
  const key = renderSource(app);
  let result = renders.get(key);
  if (!result) {
    if (app.requestError) throw new Error(app.requestError);
    const checkout = checkoutFor(app.env);
    const outputs = HELM_VERSIONS.map(({ label, binary }) => ({ label, render: renderApplication(app.request, binary, checkout) }));
    // Rendering failures (a pin that does not resolve, a chart version nowhere to be found) fail the tests that read the render.
    const first = outputs[0]?.render;
    const objects = first && first.status === 0 ? parseManifestsCached(first.stdout, key) : [];
    result = { outputs, objects };
    renders.set(key, result);
  }
  return result;
}

/** The objects a component renders in an environment, by component name. */
export function objectsOf(env: string, component: string): KubeObject[] {
  const app = componentApplications().find((a) => a.env === env && a.component === component);
  return app ? renderComponent(app).objects : [];
}
