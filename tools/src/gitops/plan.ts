import type { ValidateFunction } from "ajv";
import { buildCatalog, type Catalog } from "../catalog/catalog.js";
import type { CatalogComponent } from "../catalog/chart-metadata.js";
import { parseComponentKinds, type ComponentKinds } from "../catalog/component-kinds.js";
import { LAYERS, layerIndex } from "../catalog/layers.js";
import type { PlannedFile } from "../files/planned-files.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import { compileCatalogValidator } from "./catalog-validator.js";
import { checkComponentValues, generatedValues, IMAGE_DIGEST_PARAMETER, IMAGE_TAG_PARAMETER, schemaDeclares, type ChartValues, type PinParameter } from "./component-values.js";
import { orderByDependencies } from "./dependency-graph.js";
import type { ComponentPin, EnvironmentSpec } from "./environment-model.js";
import type { EnvironmentPlan, PlannedCluster, PlannedComponent } from "./environment-plan.js";
import { readEnvironmentFile } from "./environment.js";
import { isPlainObject, mergeHelmValues } from "./helm-values.js";
import { argocdChartValues, isArgoCdChart } from "./manifests/argocd-config.js";
import { argocdSizingValues } from "./manifests/argocd-sizing.js";
import { applicationCount, checkClusters, clusterApplicationNames, effectivePin, overlayOf, planClusters, runsIn } from "./cluster-plan.js";
import type { RevisionLookup } from "./git-revisions.js";
import type { EnvironmentInput, GeneratorInputs } from "./inputs.js";
import { names } from "./manifests/conventions.js";
import { handWrittenPodSecurityLabels, planNamespaces } from "./namespace-plan.js";
import { problem, sortProblems, WARNING_CODES, type Problem, type SourceLocation } from "./problems.js";
import { renderEnvironment, summarizeEnvironment } from "./render-environment.js";
import { SYNC_IDENTITIES_COMPONENT, syncIdentityValues } from "./sync-identities.js";
import { verifyPins } from "./pins.js";
import { isReleaseImageTag } from "./revisions.js";
import { suggestKey } from "./schema-validation.js";
import { checkSyncWindows } from "./sync-window-check.js";
import { compileCached, validatorCacheKey, type ValidatorCache } from "./validator-cache.js";
import { contentDigest } from "./content-digest.js";
import { digestOf, type WorkCache } from "./work-cache.js";
import { parseYamlSource, withParsedData, type YamlSource } from "./yaml-source.js";
import { compareText } from "../text/compare-text.js";

export interface EnvironmentOutput {
  name: string;
  plan: EnvironmentPlan;
  /** Every file of apps/<env>/, paths relative to the root. */
  files: PlannedFile[];
  /** What the CLI reports of it (summarizeEnvironment). */
  summary: string;
}

export interface GitopsPlan {
  catalog: Catalog;
  environments: EnvironmentOutput[];
  /** Every error found; when not empty nothing may be written. */
  problems: Problem[];
  /** Problems that do not stop the run (see WARNING_CODES). */
  warnings: Problem[];
}

/** An environment.yaml that passed its own checks, waiting for its values files to be validated. */
interface CheckedEnvironment {
  input: EnvironmentInput;
  environment: EnvironmentSpec;
  locate: (path: (string | number)[], target?: "key" | "value") => SourceLocation;
  enabled: CatalogComponent[];
}

/**
 * Validates everything and computes every file to write, without touching the disk. All
 * problems of all environments are collected; when there is any, no environment yields files.
 */
export function planGitops(inputs: GeneratorInputs, options: PlanOptions = {}): GitopsPlan {
  return withParsedData(options.workCache, () => plan(inputs, options));
}

export interface PlanOptions {
  validatorCache?: ValidatorCache;
  /** What earlier runs derived from inputs that did not change: parsed texts, values found valid, rendered environments. */
  workCache?: WorkCache;
}

function plan(inputs: GeneratorInputs, options: PlanOptions): GitopsPlan {
  const catalog = buildCatalog(inputs.charts, inputs.upstream);
  const problems: Problem[] = [...catalog.problems];
  const environmentValidator = environmentValidatorOf(inputs.environmentSchema.schema, options.validatorCache, options.workCache);

  const checked: CheckedEnvironment[] = [];
  for (const input of inputs.environments) {
    const result = checkEnvironmentFile(input, inputs, catalog, environmentValidator(input.environment.text ?? ""));
    problems.push(...result.problems);
    if (result.checked) checked.push(result.checked);
  }

  // One question to Git for the pins and the overlays (one `git cat-file` for both).
  const overlays = overlayQuestions(checked);
  const revisions = askingFilesToo(inputs.revisions, overlays);
  problems.push(...verifyPins(checked.map((c) => ({ file: c.input.environment.file, environment: c.environment, enabled: c.enabled.map((component) => component.name), locate: (path) => c.locate(path) })), revisions));

  const needed = new Map<string, CatalogComponent>();
  for (const environment of checked) for (const component of environment.enabled) needed.set(component.name, component);
  const order = orderByDependencies(catalog.components, new Set(needed.keys()));
  problems.push(...order.problems);
  const charts = loadChartValues([...needed.values()], inputs, problems, options.validatorCache, options.workCache);
  const kinds = loadComponentKinds([...needed.keys()], inputs, problems);
  // The bootstrap installs Argo CD's chart package only after checking its sha256 (argocd-bootstrap.ts).
  for (const component of needed.values()) {
    if (component.source.kind === "upstream" && isArgoCdChart(component.source) && !component.source.digest) {
      problems.push(problem("GEN010", component.definedIn, `x-upstream.digest is missing: the bootstrap (apps/<env>/bootstrap/install-argo-cd.sh) verifies the ${component.source.chart} ${component.source.version} package against it before installing Argo CD.`, { path: "x-upstream.digest", fix: `Add "digest": "sha256:<hex>" with the sha256 of ${component.source.chart}-${component.source.version}.tgz (\`helm pull ${component.source.chart} --repo ${component.source.repoURL} --version ${component.source.version}\`, then \`sha256sum\`), after reviewing that package.` }));
    }
  }

  const readable = overlaysAtPins(checked, overlays, revisions);
  const environments: EnvironmentOutput[] = [];
  for (const environment of checked) {
    const result = planEnvironment(environment, order.waves, charts, kinds, readable);
    problems.push(...result.problems);
    environments.push({ name: environment.input.name, plan: result.plan, files: [], summary: "" });
  }
  const errors = sortProblems(problems.filter((p) => !WARNING_CODES.has(p.code)));
  const warnings = sortProblems(problems.filter((p) => WARNING_CODES.has(p.code)));
  if (errors.length > 0) return { catalog, environments: [], problems: errors, warnings };
  for (const output of environments) Object.assign(output, renderCached(output.plan, options.workCache));
  return { catalog, environments, problems: [], warnings };
}

/** environment.yaml against its schema, its name, its component list against the catalog, production image tags, dependencies (chartRevision pins: pins.ts). */
function checkEnvironmentFile(input: EnvironmentInput, inputs: GeneratorInputs, catalog: Catalog, validator: ValidateFunction): { checked?: CheckedEnvironment; problems: Problem[] } {
  const file = input.environment.file;
  if (input.environment.text === undefined) {
    return { problems: [problem("GEN005", file, `environments/${input.name}/ has no environment.yaml.`)] };
  }
  const read = readEnvironmentFile(input.name, file, input.environment.text, inputs.environmentSchema.schema, validator);
  if (!read.environment) return { problems: read.problems };
  const environment = read.environment;
  const locate = (path: (string | number)[], target: "key" | "value" = "value"): SourceLocation => read.source.locate(path, target).location;
  const problems: Problem[] = [];
  const known = new Map(catalog.components.map((c) => [c.name, c]));

  for (const name of Object.keys(environment.components)) {
    if (!known.has(name)) {
      problems.push(problem("GEN011", file, `component "${name}" is neither a chart under charts/ nor an upstream component under schemas/upstream/${didYouMean(name, [...known.keys()])}.`, { location: locate(["components", name], "key"), path: `components.${name}` }));
    }
  }
  for (const component of catalog.components) {
    if (!(component.name in environment.components)) {
      problems.push(problem("GEN012", file, `component ${component.name} (${component.definedIn}) is not listed under components, so it is not deployed in ${environment.name}.`, { location: locate(["components"], "key"), path: "components", fix: `Add \`${component.name}: {enabled: false}\` under \`components:\` to record that it stays out, or enable it with chartRevision, imageTag and a values file.` }));
    }
  }
  for (const values of input.valuesFiles) {
    if (!known.has(values.component)) {
      problems.push(problem("GEN011", values.file, `values file for "${values.component}", which is neither a chart under charts/ nor an upstream component under schemas/upstream/${didYouMean(values.component, [...known.keys()])}.`, { location: { line: 1, column: 1 }, fix: "Rename the file after a component of the catalog, or delete it." }));
    }
  }

  const enabled = catalog.components.filter((c) => environment.components[c.name]?.enabled === true);
  for (const component of enabled) {
    const pin = environment.components[component.name];
    if (!pin) continue;
    const at = (key: string) => ({ location: locate(["components", component.name, key]), path: `components.${component.name}.${key}` });
    if (environment.tier === "production" && pin.imageTag !== "" && !isReleaseImageTag(pin.imageTag)) {
      problems.push(problem("GEN031", file, `imageTag "${pin.imageTag}" of ${component.name} is a floating tag; production runs release tags only.`, at("imageTag")));
    }
    for (const dependency of component.dependencies) {
      if (known.has(dependency) && environment.components[dependency]?.enabled !== true) {
        problems.push(problem("GEN022", file, `${component.name} depends on ${dependency}, which is not enabled in ${environment.name}.`, { ...at("enabled"), fix: `Enable ${dependency} in ${file}, or disable ${component.name}.` }));
      }
    }
  }
  const namespaceOf = (component: CatalogComponent) => environment.components[component.name]?.namespace || component.namespace || environment.destination.namespaces[component.layer];
  problems.push(...checkClusters(environment, input, enabled, new Set(known.keys()), namespaceOf, file, locate));
  problems.push(...checkNames(environment, enabled, namespaceOf, file, locate));
  problems.push(...handWrittenPodSecurityLabels(environment, file, locate));
  problems.push(...checkSyncWindows(environment, file, locate));
  return { checked: { input, environment, locate, enabled }, problems };
}

/** Validates each enabled component's values file and assembles the environment's plan. */
function planEnvironment(checked: CheckedEnvironment, waves: ReadonlyMap<string, number>, charts: ReadonlyMap<string, ChartValues>, kinds: ReadonlyMap<string, ComponentKinds>, readable: (revision: string, file: string) => boolean): { plan: EnvironmentPlan; problems: Problem[] } {
  const { input, environment, locate, enabled } = checked;
  const problems: Problem[] = [];
  const planned: PlannedComponent[] = [];
  const namespaceOf = (component: CatalogComponent) => environment.components[component.name]?.namespace || component.namespace || environment.destination.namespaces[component.layer];
  // The sync identities' chart gets every platform and application namespace with its labels and Role rules (sync-identities.ts).
  const identities = () => syncIdentityValues(environment, enabled.map((c) => ({ name: c.name, layer: c.layer, namespace: namespaceOf(c), kinds: kinds.get(c.name) ?? { namespaced: [], cluster: [] }, ...(c.podSecurity ? { podSecurity: c.podSecurity } : {}) })));
  const applications = applicationCount(environment, enabled.map((component) => ({ namespace: namespaceOf(component) })));
  const clusters = planClusters(environment, applications);
  for (const component of enabled) {
    const pin = environment.components[component.name];
    if (!pin) continue;
    const callers = enabled.filter((caller) => caller.dependencies.includes(component.name));
    const chart = charts.get(component.name);
    const callerValues = chart ? generatedValues(chart.schema, callers.map((caller) => ({ app: caller.name, namespace: namespaceOf(caller) }))) : {};
    // Argo CD's own values: environment.yaml's configuration, and the controller's sizing from the clusters and Applications (argocd-sizing.ts).
    const generated = isArgoCdChart(component.source)
      ? (mergeHelmValues(mergeHelmValues(callerValues, argocdChartValues(environment)), argocdSizingValues(clusters.length, applications)) as Record<string, unknown>)
      : component.name === SYNC_IDENTITIES_COMPONENT
        ? (mergeHelmValues(callerValues, identities()) as Record<string, unknown>)
        : callerValues;
    const takesImageTag = chart !== undefined && component.source.kind === "chart" && schemaDeclares(chart.schema, IMAGE_TAG_PARAMETER.split("."));
    const pinAt = (key: string) => ({ location: locate(["components", component.name, key]), path: `components.${component.name}.${key}` });
    if (chart && takesImageTag && pin.imageTag === "") {
      problems.push(problem("GEN032", input.environment.file, `${component.name} is enabled without an imageTag.`, { ...pinAt("enabled"), fix: `Add \`imageTag:\` to components.${component.name} (the tag of the image its chart deploys).` }));
    }
    if (chart && !takesImageTag && pin.imageTag !== "") {
      const why = component.source.kind === "upstream" ? `an upstream chart (${component.source.chart} ${component.source.version} from ${component.source.repoURL}), pinned by its version` : `its chart has no image.tag value`;
      problems.push(problem("GEN033", input.environment.file, `${component.name} takes no imageTag: ${why}.`, pinAt("imageTag")));
    }
    problems.push(...checkImageDigest(input.environment.file, environment, component, chart, takesImageTag, pin, pinAt));
    let values: Record<string, unknown> | undefined;
    const valuesFile = input.valuesFiles.find((v) => v.component === component.name);
    const parameters = chart ? pinParameters(input.environment.file, component.name, pin, takesImageTag, chart, locate) : [];
    if (!valuesFile) {
      problems.push(problem("GEN013", input.environment.file, `${component.name} is enabled but environments/${environment.name}/values/${component.name}.yaml does not exist.`, { location: locate(["components", component.name], "key"), path: `components.${component.name}` }));
    } else if (chart) {
      const result = checkComponentValues(chart, valuesFile, parameters, generated);
      problems.push(...result.problems);
      values = result.values;
    }
    const reported = new Set(problems.map(problemKey));
    const plannedIn = (cluster: PlannedCluster | undefined): PlannedComponent => {
      // A cluster's own pins (a progressive promotion underway) are checked like the component's, at their place in the file.
      const clusterIndex = cluster ? (environment.clusters ?? []).findIndex((c) => c.name === cluster.name) : -1;
      const override = clusterIndex >= 0 ? environment.clusters?.[clusterIndex]?.pins?.[component.name] : undefined;
      const clusterPin = effectivePin(pin, override);
      let clusterParameters = parameters;
      let pinnedValues = values;
      if (override) {
        const base = ["clusters", clusterIndex, "pins", component.name];
        const clusterPinAt = (key: string) => ({ location: locate([...base, key]), path: `clusters[${clusterIndex}].pins.${component.name}.${key}` });
        if (chart && !takesImageTag && override.imageTag !== undefined) problems.push(problem("GEN033", input.environment.file, `${component.name} takes no imageTag (in cluster ${cluster?.name}): its chart has no image.tag value.`, clusterPinAt("imageTag")));
        problems.push(...checkImageDigest(input.environment.file, environment, component, chart, takesImageTag, clusterPin, clusterPinAt));
        if (chart && (override.imageTag !== undefined || override.imageDigest !== undefined)) clusterParameters = pinParameters(input.environment.file, component.name, clusterPin, takesImageTag, chart, locate, base);
        if (valuesFile && chart && clusterParameters !== parameters) {
          const result = checkComponentValues(chart, valuesFile, clusterParameters, generated);
          problems.push(...result.problems.filter((p) => !reported.has(problemKey(p))));
          pinnedValues = result.values;
        }
      }
      // A cluster's overlay is validated merged after the environment's file, as Argo CD reads them;
      // what the environment's file alone gets wrong is reported once, above.
      const overlay = overlayOf(input, cluster, component.name);
      let clusterValues = pinnedValues;
      if (overlay && valuesFile && chart) {
        const result = checkComponentValues(chart, valuesFile, clusterParameters, generated, overlay);
        problems.push(...result.problems.filter((p) => !reported.has(problemKey(p))));
        // Argo CD reads the overlay at the pin, like the values file: until the pin contains it, the Application leaves it out (GEN047).
        if (!readable(clusterPin.chartRevision, overlay.file)) {
          problems.push(
            problem("GEN047", overlay.file, `chartRevision ${clusterPin.chartRevision} of ${component.name} does not contain this overlay, so Argo CD could not read it there; the Applications of ${component.name} in cluster ${cluster?.name} leave it out until a promotion pins a commit that has it.`, {
              location: { line: 1, column: 1 },
            }),
          );
          return plannedComponent(pinnedValues, cluster, undefined, clusterPin);
        }
        clusterValues = result.values;
      }
      return plannedComponent(clusterValues, cluster, overlay?.file, clusterPin);
    };
    const plannedComponent = (values: Record<string, unknown> | undefined, cluster: PlannedCluster | undefined, overlayValuesFile: string | undefined, pin: ComponentPin): PlannedComponent => ({
      name: component.name,
      description: component.description,
      layer: component.layer,
      group: component.group,
      dependencies: component.dependencies,
      wave: waves.get(component.name) ?? 0,
      namespace: namespaceOf(component),
      source: component.source,
      chartPath: component.source.kind === "chart" ? component.source.path : "",
      chartRevision: pin.chartRevision,
      imageTag: takesImageTag ? pin.imageTag : "",
      imageDigest: takesImageTag && takesImageDigest(chart) ? pin.imageDigest : "",
      serverSideApply: pin.serverSideApply || component.serverSideApply,
      replicasManagedByAutoscaler: isEnabled(values, "autoscaling"),
      trafficManagedByRollout: isEnabled(values, "rollout"),
      calledBy: callers.map((caller) => caller.name),
      generatedValues: generated,
      kinds: kinds.get(component.name) ?? { namespaced: [], cluster: [] },
      ...(component.podSecurity ? { podSecurity: component.podSecurity } : {}),
      ...(cluster ? { cluster } : {}),
      ...(overlayValuesFile ? { overlayValuesFile } : {}),
    });
    for (const cluster of clusters.length > 0 ? clusters : [undefined]) {
      if (!runsIn(cluster, namespaceOf(component))) continue;
      planned.push(plannedIn(cluster));
    }
  }
  // Cluster by cluster (the home cluster first), then as one cluster's components always were.
  const clusterIndex = (c: PlannedComponent) => (c.cluster ? clusters.indexOf(c.cluster) : 0);
  planned.sort((a, b) => clusterIndex(a) - clusterIndex(b) || layerIndex(a.layer) - layerIndex(b.layer) || a.wave - b.wave || compareText(a.name, b.name));
  // The home cluster runs every component, so its namespaces are every cluster's.
  const namespaces = planNamespaces(environment, planned.filter((c) => c.cluster === undefined || c.cluster.home));
  return { plan: { environment, components: planned, namespaces, ...(clusters.length > 0 ? { clusters } : {}) }, problems };
}

/** Whether a chart of this repository has the `image.digest` value the digest pin is passed as. */
function takesImageDigest(chart: ChartValues | undefined): boolean {
  return chart !== undefined && schemaDeclares(chart.schema, IMAGE_DIGEST_PARAMETER.split("."));
}

/**
 * The image pins a chart of this repository gets as Helm parameters, validated with its values:
 * `image.tag` and `image.digest`. A missing tag is GEN032 and a digest the chart cannot take
 * GEN038 already; validating them against the chart's schema would only repeat those.
 */
function pinParameters(file: string, component: string, pin: ComponentPin, takesImageTag: boolean, chart: ChartValues, locate: CheckedEnvironment["locate"], base: (string | number)[] = ["components", component]): PinParameter[] {
  if (!takesImageTag) return [];
  const at = (key: string) => () => ({ file, location: locate([...base, key]) });
  const parameters: PinParameter[] = [];
  if (pin.imageTag !== "") parameters.push({ name: IMAGE_TAG_PARAMETER, value: pin.imageTag, locate: at("imageTag") });
  if (pin.imageDigest !== "" && takesImageDigest(chart)) parameters.push({ name: IMAGE_DIGEST_PARAMETER, value: pin.imageDigest, locate: at("imageDigest") });
  return parameters;
}

/**
 * The digest pin: production runs the images of this repository's charts by digest (GEN037), since a
 * tag, release tags included, can be pushed again to another image; a digest the component's chart
 * cannot take (an upstream chart, a chart without `image.digest`) is refused rather than ignored
 * (GEN038). The digest's form is the schema's (`sha256:` and 64 lowercase hex digits).
 */
function checkImageDigest(file: string, environment: EnvironmentSpec, component: CatalogComponent, chart: ChartValues | undefined, takesImageTag: boolean, pin: ComponentPin, pinAt: (key: string) => { location: SourceLocation; path: string }): Problem[] {
  if (!chart) return [];
  const digestParameter = takesImageDigest(chart);
  if (pin.imageDigest !== "" && !(takesImageTag && digestParameter)) {
    const why =
      component.source.kind === "upstream"
        ? `an upstream chart (${component.source.chart} ${component.source.version} from ${component.source.repoURL}), pinned by its version`
        : !takesImageTag
          ? "its chart has no image.tag value, so it deploys no image of its own"
          : "its chart has no image.digest value the digest could be passed as";
    const fix = component.source.kind === "chart" && takesImageTag ? `Give ${component.source.path} the common image block (schemas/definitions/image.json, which has image.digest) and regenerate its schema, or remove \`imageDigest\`.` : undefined;
    return [problem("GEN038", file, `${component.name} takes no imageDigest: ${why}.`, { ...pinAt("imageDigest"), ...(fix ? { fix } : {}) })];
  }
  if (environment.tier === "production" && takesImageTag && pin.imageDigest === "") {
    const fix = digestParameter
      ? `Add \`imageDigest: sha256:<64 hex>\` to components.${component.name}: the digest the image build pushed for ${pin.imageTag ? `tag ${pin.imageTag}` : "its tag"} (\`crane digest <image>:<tag>\`), recorded in staging first and promoted from there.`
      : `${component.source.kind === "chart" ? component.source.path : component.name} has no image.digest value: give it the common image block (schemas/definitions/image.json), regenerate its schema, then add \`imageDigest\` and promote it from staging.`;
    return [problem("GEN037", file, `${component.name} runs image tag ${pin.imageTag || "(none)"} without imageDigest; production pins every image of this repository's charts by digest (a tag can be pushed again to another image).`, { ...pinAt("enabled"), fix })];
  }
  return [];
}

/**
 * The kinds each needed component renders (schemas/component-kinds.json), from which the
 * AppProjects' whitelists are derived. A component without an entry is GEN019: its project would
 * permit none of its objects.
 */
function loadComponentKinds(needed: readonly string[], inputs: GeneratorInputs, problems: Problem[]): Map<string, ComponentKinds> {
  const { file, text } = inputs.componentKinds;
  if (text === undefined) {
    problems.push(problem("GEN019", file, `${file} does not exist; the AppProjects' resource whitelists are derived from it.`, { fix: `Restore ${file} from Git (it lists the kinds each component renders).` }));
    return new Map();
  }
  const parsed = parseComponentKinds(file, text);
  problems.push(...parsed.problems);
  for (const name of needed.filter((n) => !parsed.kinds.has(n)).sort()) {
    problems.push(problem("GEN019", file, `component ${name} has no entry, so its AppProject would permit none of the objects it renders.`, { location: { line: 1, column: 1 }, path: `components.${name}` }));
  }
  return parsed.kinds;
}

/** Every generated Application name must be a DNS label of at most 63 characters, and unique. */
function checkNames(environment: EnvironmentSpec, enabled: readonly CatalogComponent[], namespaceOf: (component: CatalogComponent) => string, file: string, locate: (path: (string | number)[], target?: "key" | "value") => SourceLocation): Problem[] {
  const problems: Problem[] = [];
  const env = environment.name;
  const owners = new Map<string, string>([[names.root(env), "the root Application"]]);
  for (const layer of LAYERS) owners.set(names.layerApplication(env, layer), `the ${layer} layer Application`);
  for (const component of enabled) {
    const name = names.componentApplication(env, component.name);
    const at = () => ({ location: locate(["components", component.name], "key"), path: `components.${component.name}` });
    if (name.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
      problems.push(problem("GEN040", file, `Application name "${name}" is ${name.length} characters; names must be DNS labels of at most 63.`, at()));
    }
    const owner = owners.get(name);
    if (owner) problems.push(problem("GEN041", file, `component ${component.name} would be the Application "${name}", which is already the name of ${owner}.`, at()));
    owners.set(name, `component ${component.name}`);
  }
  // The Applications of the other clusters: `<env>-<cluster>-<component>` and `<env>-<cluster>-<layer>` (GEN040 covers their length too).
  for (const extra of clusterApplicationNames(environment, enabled, namespaceOf)) {
    const at = () => (extra.component ? { location: locate(["components", extra.component], "key"), path: `components.${extra.component}` } : { location: locate(["clusters", extra.cluster, "name"]), path: `clusters[${extra.cluster}].name` });
    if (extra.name.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(extra.name)) {
      problems.push(
        problem("GEN040", file, `Application name "${extra.name}" (${extra.owner}) is ${extra.name.length} characters; names must be DNS labels of at most 63.`, {
          ...at(),
          fix: "Shorten the cluster's name (clusters[].name), the component's or the environment's: a component in a cluster other than the first is the Application `<env>-<cluster>-<component>`.",
        }),
      );
    }
    const owner = owners.get(extra.name);
    if (owner) problems.push(problem("GEN041", file, `${extra.owner} would be the Application "${extra.name}", which is already the name of ${owner}.`, at()));
    owners.set(extra.name, extra.owner);
  }
  return problems;
}

/**
 * Reads each needed component's values schema (and, for a chart of this repository, its
 * values.yaml) and compiles all the schemas together (see compileCatalogValidator).
 */
function loadChartValues(components: readonly CatalogComponent[], inputs: GeneratorInputs, problems: Problem[], cache: ValidatorCache | undefined, work: WorkCache | undefined): Map<string, ChartValues> {
  const schemas = new Map<string, object>();
  const loaded = new Map<string, { schemaFile: string; defaults: YamlSource }>();
  for (const component of components) {
    const files = component.source.kind === "chart" ? inputs.chartValues.get(component.name) : undefined;
    const schemaText = component.source.kind === "chart" ? files?.schema.text : inputs.upstream.find((u) => u.name === component.name)?.text;
    const valuesText = component.source.kind === "chart" ? files?.values.text : "";
    if (schemaText === undefined || valuesText === undefined) {
      const missing = [schemaText === undefined ? "values.schema.json" : "", valuesText === undefined ? "values.yaml" : ""].filter(Boolean);
      problems.push(problem("GEN015", component.definedIn, `charts/${component.name} has no ${missing.join(" and ")}.`));
      continue;
    }
    let schema: unknown;
    try {
      schema = JSON.parse(schemaText);
    } catch (error) {
      problems.push(problem("GEN015", component.valuesSchemaFile, `the schema is not valid JSON: ${(error as Error).message}`));
      continue;
    }
    const defaults = parseYamlSource(files?.values.file ?? component.valuesSchemaFile, valuesText);
    if (defaults.problems.length > 0) {
      problems.push(...defaults.problems);
      continue;
    }
    schemas.set(component.name, schema as object);
    loaded.set(component.name, { schemaFile: component.valuesSchemaFile, defaults });
  }
  const { validator, broken, keys } = compileCatalogValidator(schemas, cache);
  for (const [component, message] of broken) {
    problems.push(problem("GEN015", loaded.get(component)?.schemaFile ?? component, `ajv cannot compile the schema: ${message}`));
  }
  const charts = new Map<string, ChartValues>();
  for (const [component, { schemaFile, defaults }] of loaded) {
    if (broken.has(component)) continue;
    charts.set(component, {
      component,
      schemaFile,
      schema: schemas.get(component) as JsonSchema,
      validate: validateCached(component, (values) => validator.validate(component, values), keys.get(component), defaults.text, work),
      defaults: defaults.data ?? {},
      defaultsSource: defaults,
    });
  }
  return charts;
}

/**
 * The validator of environment.yaml for a given text: compiled (or loaded) when first called, and
 * not called for a text found valid before against the same schema (the verdict follows from the
 * schema and the text the data is parsed from).
 */
function environmentValidatorOf(schema: JsonSchema, cache: ValidatorCache | undefined, work: WorkCache | undefined): (text: string) => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const compiledValidator = () => (compiled ??= compileCached(schema, cache));
  const schemaKey = work ? validatorCacheKey(schema) : "";
  return (text) => {
    const key = digestOf(`environment\u0000${schemaKey}\u0000${text}`);
    const validate = ((data: unknown) => {
      if (work?.isValid(key)) {
        validate.errors = null;
        return true;
      }
      const real = compiledValidator();
      const valid = real(data) as boolean;
      validate.errors = real.errors;
      if (valid) work?.rememberValid(key);
      return valid;
    }) as ValidateFunction;
    return validate;
  };
}

/**
 * A chart's validation, skipped for values found valid before against the same validator (its key
 * covers the schema, ajv and the code that compiled it), recognized by what they were merged from:
 * the chart's defaults and the values files' texts, the generated values and the pin parameters
 * (digesting those costs far less than digesting the merged values). Only a verdict of "valid" is
 * kept: errors are reported with lines that belong to this run's files.
 */
function validateCached(component: string, validate: ChartValues["validate"], key: string | undefined, defaults: string, work: WorkCache | undefined): ChartValues["validate"] {
  if (!work || key === undefined) return validate;
  const chart = `${component}\u0000${key}\u0000${digestOf(defaults)}`;
  return (values, origin) => {
    if (!origin) return validate(values);
    let digest: string;
    try {
      digest = contentDigest(origin, { prefix: chart });
    } catch {
      return validate(values);
    }
    if (work.isValid(digest)) return null;
    const errors = validate(values);
    if (errors === null) work.rememberValid(digest);
    return errors;
  };
}

/** An environment's files and summary, taken from an earlier run that rendered the same plan (rendering reads nothing else). */
function renderCached(plan: EnvironmentPlan, work: WorkCache | undefined): { files: PlannedFile[]; summary: string } {
  const render = () => ({ files: renderEnvironment(plan), summary: summarizeEnvironment(plan) });
  if (!work) return render();
  let digest: string;
  try {
    digest = contentDigest(plan);
  } catch {
    return render();
  }
  const rendered = work.rendered(digest);
  if (rendered) return rendered;
  const fresh = render();
  work.rememberRendered(digest, fresh);
  return fresh;
}

/**
 * Which overlays Argo CD can read at their component's pin: at the branch the environment follows
 * (`repository.revision`) the working tree stands for the tip about to be pushed (as in
 * tools/src/render/render-application.ts); any other pin (a commit SHA in staging and production)
 * is asked of the repository, all overlays of all environments in one `git cat-file`.
 */
function overlaysAtPins(checked: readonly CheckedEnvironment[], asked: readonly string[], revisions: RevisionLookup): (revision: string, file: string) => boolean {
  const following = new Set(checked.map((c) => c.environment.repository.revision));
  if (asked.length === 0) return (revision) => following.has(revision);
  const result = revisions({ revisions: [], branches: [], ancestry: [], files: asked });
  const present = "answer" in result ? (result.answer.files ?? new Set<string>()) : new Set<string>();
  return (revision, file) => following.has(revision) || present.has(`${revision}:${file}`);
}

/** `<revision>:<file>` of every overlay at a pin other than the branch its environment follows, sorted. */
function overlayQuestions(checked: readonly CheckedEnvironment[]): string[] {
  const asked = new Set<string>();
  for (const { input, environment } of checked) {
    for (const overlay of input.clusterValuesFiles ?? []) {
      const revision = environment.clusters?.find((c) => c.name === overlay.cluster)?.pins?.[overlay.component]?.chartRevision ?? environment.components[overlay.component]?.chartRevision;
      if (revision && revision !== environment.repository.revision) asked.add(`${revision}:${overlay.file}`);
    }
  }
  return [...asked].sort();
}

/**
 * A lookup that asks for `files` with the first question (the pins'), and answers a later question
 * for exactly those files from that answer, so that Git is started once for both.
 */
function askingFilesToo(lookup: RevisionLookup, files: readonly string[]): RevisionLookup {
  if (files.length === 0) return lookup;
  let first: ReturnType<RevisionLookup> | undefined;
  return (query) => {
    const onlyTheseFiles = query.revisions.length === 0 && query.branches.length === 0 && query.ancestry.length === 0 && query.files?.join("\n") === files.join("\n");
    if (first !== undefined && onlyTheseFiles) return "unavailable" in first ? first : { answer: { commits: new Map(), branches: new Map(), outside: new Map(), files: first.answer.files ?? new Set() } };
    if (first !== undefined || onlyTheseFiles) return lookup(query);
    first = lookup({ ...query, files: [...(query.files ?? []), ...files] });
    return first;
  };
}

function problemKey(p: Problem): string {
  return `${p.file}:${p.location?.line ?? 0}:${p.location?.column ?? 0}:${p.code}:${p.message}`;
}

/** Whether a chart feature switched on by the common `<feature>.enabled` convention is on in the merged values. */
function isEnabled(values: Record<string, unknown> | undefined, feature: string): boolean {
  const section = values?.[feature];
  return isPlainObject(section) && section.enabled === true;
}

function didYouMean(name: string, candidates: readonly string[]): string {
  const close = suggestKey(name, candidates);
  return close ? ` (did you mean "${close}"?)` : "";
}
