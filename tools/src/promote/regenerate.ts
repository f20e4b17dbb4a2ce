/**
 * The promotion's only door into the app-of-apps generator (tools/src/gitops). Everything the
 * promotion needs from it goes through these functions, so a change of the generator's API is
 * absorbed here.
 */
import { IMAGE_DIGEST_PARAMETER, IMAGE_TAG_PARAMETER } from "../gitops/component-values.js";
import { setHelmParameterInPlace } from "../gitops/helm-values.js";
import { InputProblems, readGeneratorInputs } from "../gitops/inputs.js";
import { names } from "../gitops/manifests/conventions.js";
import { compareEnvironment, writeEnvironment } from "../gitops/output.js";
import { planGitops } from "../gitops/plan.js";
import { formatProblem } from "../gitops/problems.js";
import { compileCached, diskValidatorCache, VALIDATOR_CACHE_DIR, validatorCacheKey, type ValidatorCache } from "../gitops/validator-cache.js";
import { readEnvironmentFile, type EnvironmentFileResult } from "../gitops/environment.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import type { ValidateFunction } from "ajv";

/** The Helm parameter the generator passes the image tag pin as (`image.tag`). */
export const IMAGE_TAG_HELM_PARAMETER = IMAGE_TAG_PARAMETER;

/** The Helm parameter the generator passes the image digest pin as, beside the tag (`image.digest`). */
export const IMAGE_DIGEST_HELM_PARAMETER = IMAGE_DIGEST_PARAMETER;

/** Repository paths the generator reads; a snapshot must contain them (plus apps/<env>/ it writes). */
export function generatorPaths(environment: string): string[] {
  return ["schemas/", "charts/", "environments/", `apps/${environment}/`];
}

/** What the promotion needs to know about an enabled component of the target environment. */
export interface TargetComponent {
  name: string;
  chartPath: string;
  chartRevision: string;
  imageTag: string;
  /** "" when the environment pins no digest (or the chart takes no image). */
  imageDigest: string;
  namespace: string;
  /** The Argo CD Application that deploys it (`<env>-<component>`, or `<env>-<cluster>-<component>` in a cluster other than the first); absent: `<env>-<component>`. */
  application?: string;
  /** The cluster it runs in, in an environment with `clusters:` (one entry per cluster it runs in); absent for one cluster. */
  cluster?: string;
  /** The cluster's values overlay it reads after the environment's values file, when it has one in effect. */
  overlayValuesFile?: string;
}

/**
 * The image pins of a component as the Helm values the generator's Application parameters amount
 * to: `image.tag`, and `image.digest` when pinned (what Argo CD passes with forceString).
 */
export function imagePinValues(component: Pick<TargetComponent, "imageTag" | "imageDigest">): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  setHelmParameterInPlace(values, IMAGE_TAG_HELM_PARAMETER, component.imageTag);
  if (component.imageDigest) setHelmParameterInPlace(values, IMAGE_DIGEST_HELM_PARAMETER, component.imageDigest);
  return values;
}

export type EnvironmentCheck = { ok: true; components: TargetComponent[]; outOfDate: string[] } | { ok: false; problems: string[] };
export type Regeneration = { ok: true; components: TargetComponent[]; written: string[]; removed: string[] } | { ok: false; problems: string[] };

/**
 * Validates one environment of a checkout and lists its enabled components; `outOfDate` lists apps/
 * files that differ from what the generator would write. Pins are verified in the Git repository
 * containing `repository` (a snapshot directory is not one: pass the clone it was taken from).
 */
export function checkEnvironment(root: string, environment: string, repository = root): EnvironmentCheck {
  const planned = planOne(root, environment, repository);
  if (!planned.ok) return planned;
  const comparison = compareEnvironment(root, environment, planned.output.files);
  return { ok: true, components: planned.components, outOfDate: [...comparison.written, ...comparison.removed].sort() };
}

/** Regenerates apps/<environment>/ of a checkout in place (normally a temporary snapshot of `repository`). */
export function regenerateEnvironment(root: string, environment: string, repository = root): Regeneration {
  const planned = planOne(root, environment, repository);
  if (!planned.ok) return planned;
  const result = writeEnvironment(root, environment, planned.output.files);
  return { ok: true, components: planned.components, written: result.written, removed: result.removed };
}

/**
 * The generator CLI's own cache of compiled validators (node_modules/.cache/generate-gitops): a
 * promotion plans its target two or three times, and compiling the environment and chart schemas
 * with ajv each time cost more than the rest of the plan.
 */
let validators: ValidatorCache | undefined;
const diskValidators = (): ValidatorCache => (validators ??= diskValidatorCache(VALIDATOR_CACHE_DIR));

/** Environment schemas compiled in this process, by the generator's validator key (the schema's content and ajv's). */
const environmentValidators = new Map<string, ValidateFunction>();

/**
 * An environment.yaml text checked as the generator checks it (checkEnvironmentText), with the
 * environment schema's validator compiled once per schema content and process instead of per call.
 */
export function checkEnvironmentSource(directoryName: string, text: string, schema: JsonSchema): EnvironmentFileResult {
  const key = validatorCacheKey(schema);
  let validate = environmentValidators.get(key);
  if (!validate) {
    validate = compileCached(schema, diskValidators());
    environmentValidators.set(key, validate);
  }
  return readEnvironmentFile(directoryName, `environments/${directoryName}/environment.yaml`, text, schema, validate);
}

function planOne(root: string, environment: string, repository: string) {
  let inputs;
  try {
    inputs = readGeneratorInputs(root, environment, { repository });
  } catch (error) {
    // Refused input files (a link leaving the repository, too large, not UTF-8): GEN problems, not a crash.
    if (error instanceof InputProblems) return { ok: false as const, problems: error.problems.map(formatProblem) };
    throw error;
  }
  const plan = planGitops(inputs, { validatorCache: diskValidators() });
  diskValidators().saveCompiledCode?.();
  const output = plan.environments.find((e) => e.name === environment);
  if (plan.problems.length > 0 || !output) {
    const problems = plan.problems.map(formatProblem);
    return { ok: false as const, problems: problems.length > 0 ? problems : [`the generator produced no output for ${environment}.`] };
  }
  const components: TargetComponent[] = output.plan.components.map((c) => ({
    name: c.name,
    chartPath: c.chartPath,
    chartRevision: c.chartRevision,
    imageTag: c.imageTag,
    imageDigest: c.imageDigest,
    namespace: c.namespace,
    application: c.cluster && !c.cluster.home ? names.clusterComponentApplication(environment, c.cluster.name, c.name) : names.componentApplication(environment, c.name),
    ...(c.cluster ? { cluster: c.cluster.name } : {}),
    ...(c.overlayValuesFile ? { overlayValuesFile: c.overlayValuesFile } : {}),
  }));
  return { ok: true as const, output, components };
}

/** The Argo CD Application the generator creates for a component of an environment (in its first cluster). */
export function applicationName(environment: string, component: string): string {
  return names.componentApplication(environment, component);
}

/** Where each component runs in an environment with clusters (component → cluster names, `clusters:` order); empty for one cluster. */
export function placementOf(components: readonly TargetComponent[]): Map<string, string[]> {
  const placement = new Map<string, string[]>();
  for (const c of components) if (c.cluster !== undefined) placement.set(c.name, [...(placement.get(c.name) ?? []), c.cluster]);
  return placement;
}
