import type { IApplication, IApplicationSource, ISyncPolicy } from "../../kubernetes/argocd-types.js";
import type { ComponentSource } from "../../catalog/chart-metadata.js";
import { isArgoCdChart } from "./argocd-config.js";
import { layerIndex, type Layer } from "../../catalog/layers.js";
import { IMAGE_DIGEST_PARAMETER, IMAGE_TAG_PARAMETER } from "../component-values.js";
import type { EnvironmentSpec, SubscriptionSpec } from "../environment-model.js";
import type { EnvironmentPlan, PlannedCluster, PlannedComponent } from "../environment-plan.js";
import { projectNameOf } from "./projects.js";
import { ARGOCD_NAMESPACE, IN_CLUSTER, LABELS, names, PART_OF, repoPaths, RESOURCES_FINALIZER, SYNC_WAVE } from "./conventions.js";

/** The Application `kubectl apply` creates at bootstrap; it syncs the AppProjects and the layer Applications. */
export function rootApplication(environment: EnvironmentSpec): IApplication {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: names.root(environment.name),
      namespace: ARGOCD_NAMESPACE,
      labels: { [LABELS.partOf]: PART_OF, [LABELS.environment]: environment.name },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: names.gitopsProject(environment.name),
      source: { repoURL: environment.repository.url, targetRevision: environment.repository.revision, path: repoPaths.rootSource(environment.name) },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      syncPolicy: appOfAppsSyncPolicy(environment),
    },
  };
}

/**
 * The root's sync wave of the cluster registrations (after the home cluster's infrastructure, wave 0,
 * has brought up external-secrets and the secret stores the registrations are read from) and the
 * offset of the other clusters' layer Applications (waves 2, 3, 4: a cluster is deployed once it is
 * registered, and its layers in order).
 */
export const CLUSTER_REGISTRATIONS_WAVE = 1;
const OTHER_CLUSTER_LAYER_WAVE_OFFSET = 2;

/**
 * One Application per layer, in sync waves 0, 1, 2: with the Application health check in
 * argocd-cm, the platform layer starts only once every infrastructure Application is healthy.
 * Every cluster but the first (the home cluster, whose layers keep their names) has its own three,
 * `<env>-<cluster>-<layer>` in waves 2, 3, 4, reading apps/<env>/clusters/<cluster>/layers/<layer>/:
 * one cluster's failing layer holds back that cluster's next layer, not the other clusters'.
 */
export function layerApplication(environment: EnvironmentSpec, layer: Layer, cluster?: PlannedCluster): IApplication {
  const other = cluster !== undefined && !cluster.home;
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: other ? names.clusterLayerApplication(environment.name, cluster.name, layer) : names.layerApplication(environment.name, layer),
      namespace: ARGOCD_NAMESPACE,
      labels: { [LABELS.partOf]: PART_OF, [LABELS.environment]: environment.name, [LABELS.layer]: layer, ...(cluster ? { [LABELS.cluster]: cluster.name } : {}) },
      annotations: { [SYNC_WAVE]: String(layerIndex(layer) + (other ? OTHER_CLUSTER_LAYER_WAVE_OFFSET : 0)) },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: names.gitopsProject(environment.name),
      source: { repoURL: environment.repository.url, targetRevision: environment.repository.revision, path: other ? repoPaths.clusterLayerSource(environment.name, cluster.name, layer) : repoPaths.layerSource(environment.name, layer) },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
      syncPolicy: appOfAppsSyncPolicy(environment),
    },
  };
}

/**
 * A component's Application: the chart from this repository at the pinned revision, its values
 * file through a second `ref: values` source at the same revision, and the image tag pin as a
 * Helm parameter.
 */
export function componentApplication(plan: EnvironmentPlan, component: PlannedComponent): IApplication {
  const { environment } = plan;
  const env = environment.name;
  const syncOptions = ["CreateNamespace=true", "FailOnSharedResource=true", "PruneLast=true"];
  const ignoreDifferences = ignoredDifferences(component);
  if (ignoreDifferences.length > 0) syncOptions.push("RespectIgnoreDifferences=true");
  if (component.serverSideApply || component.layer === "infrastructure") syncOptions.push("ServerSideApply=true");
  const syncPolicy: ISyncPolicy = { ...workloadSyncPolicy(environment), syncOptions: syncOptions.sort() };
  // Every namespace gets its Pod Security labels (and, for workload namespaces, the environment's
  // namespaceLabels): the same labels from every Application deploying there (namespace-plan.ts).
  const namespace = plan.namespaces.find((n) => n.name === component.namespace);
  if (!namespace) throw new Error(`internal: namespace ${component.namespace} of ${component.name} is not planned`);
  syncPolicy.managedNamespaceMetadata = { labels: { ...namespace.labels } };
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: componentApplicationName(env, component),
      namespace: ARGOCD_NAMESPACE,
      labels: {
        [LABELS.partOf]: PART_OF,
        [LABELS.environment]: env,
        [LABELS.layer]: component.layer,
        [LABELS.group]: component.group,
        [LABELS.component]: component.name,
        ...(component.cluster ? { [LABELS.cluster]: component.cluster.name } : {}),
      },
      annotations: { [SYNC_WAVE]: String(component.wave), ...subscriptionAnnotations(environment.notifications.subscriptions) },
      // Deleting the Application of Argo CD itself must not delete Argo CD: no cascading finalizer there.
      ...(isArgoCdChart(component.source) ? {} : { finalizers: [RESOURCES_FINALIZER] }),
    },
    spec: {
      project: projectNameOf(env, component),
      sources: [chartSource(environment, component), { repoURL: environment.repository.url, targetRevision: component.chartRevision, ref: "values" }],
      destination: { server: component.cluster?.server ?? environment.destination.server, namespace: component.namespace },
      syncPolicy,
      ...(ignoreDifferences.length > 0 ? { ignoreDifferences } : {}),
      info: [
        ...(component.cluster ? [{ name: "Cluster", value: `${component.cluster.argocdName} (${component.cluster.region})` }] : []),
        { name: "Chart", value: describeSource(component.source) },
        { name: "Values", value: [repoPaths.valuesFile(env, component.name), ...(component.overlayValuesFile ? [component.overlayValuesFile] : [])].join(", then ") },
        { name: "Depends on", value: component.dependencies.length > 0 ? component.dependencies.join(", ") : "nothing" },
        { name: "Called by", value: component.calledBy.length > 0 ? component.calledBy.join(", ") : "nothing" },
      ],
    },
  };
}

/**
 * The chart source: a chart of this repository at the pinned revision with the image tag (and the
 * image digest, when pinned) as parameters, or an upstream chart at the version its catalog entry pins. Either way the values
 * file comes from the `ref: values` source and the generated values (callers) ride along.
 */
function chartSource(environment: EnvironmentSpec, component: PlannedComponent): IApplicationSource {
  const helm: NonNullable<IApplicationSource["helm"]> = {
    releaseName: component.name,
    // The cluster's overlay after the environment's file: Helm merges value files in order, the later winning.
    valueFiles: [`$values/${repoPaths.valuesFile(environment.name, component.name)}`, ...(component.overlayValuesFile ? [`$values/${component.overlayValuesFile}`] : [])],
    ...(Object.keys(component.generatedValues).length > 0 ? { valuesObject: component.generatedValues } : {}),
  };
  if (component.source.kind === "upstream") {
    return { repoURL: component.source.repoURL, chart: component.source.chart, targetRevision: component.source.version, helm };
  }
  const parameters = [
    ...(component.imageTag ? [{ name: IMAGE_TAG_PARAMETER, value: component.imageTag, forceString: true }] : []),
    ...(component.imageDigest ? [{ name: IMAGE_DIGEST_PARAMETER, value: component.imageDigest, forceString: true }] : []),
  ];
  return {
    repoURL: environment.repository.url,
    targetRevision: component.chartRevision,
    path: component.source.path,
    helm: parameters.length > 0 ? { ...helm, parameters } : helm,
  };
}

/** `<env>-<component>`, or `<env>-<cluster>-<component>` in a cluster other than the first. */
export function componentApplicationName(env: string, component: PlannedComponent): string {
  return component.cluster && !component.cluster.home ? names.clusterComponentApplication(env, component.cluster.name, component.name) : names.componentApplication(env, component.name);
}

export function describeSource(source: ComponentSource): string {
  return source.kind === "chart" ? source.path : `${source.chart} ${source.version} from ${source.repoURL}`;
}

/**
 * Fields other controllers own: the replica count under an autoscaler, and the route weights and
 * subsets an Argo Rollouts canary shifts. Argo CD neither reports nor reverts them.
 */
function ignoredDifferences(component: PlannedComponent): NonNullable<IApplication["spec"]["ignoreDifferences"]> {
  const ignored: NonNullable<IApplication["spec"]["ignoreDifferences"]> = [];
  if (component.replicasManagedByAutoscaler) {
    ignored.push(
      { group: "apps", kind: "Deployment", jsonPointers: ["/spec/replicas"] },
      { group: "apps", kind: "StatefulSet", jsonPointers: ["/spec/replicas"] },
      { group: "argoproj.io", kind: "Rollout", jsonPointers: ["/spec/replicas"] },
    );
  }
  if (component.trafficManagedByRollout) {
    ignored.push({ group: "networking.istio.io", kind: "DestinationRule", jsonPointers: ["/spec/subsets"] }, { group: "networking.istio.io", kind: "VirtualService", jsonPointers: ["/spec/http"] });
  }
  return ignored;
}

/** `notifications.argoproj.io/subscribe.<trigger>.<service>: a;b`, recipients of repeated subscriptions merged. */
export function subscriptionAnnotations(subscriptions: readonly SubscriptionSpec[]): Record<string, string> {
  const recipients = new Map<string, Set<string>>();
  for (const subscription of subscriptions) {
    const key = `notifications.argoproj.io/subscribe.${subscription.trigger}.${subscription.service}`;
    const set = recipients.get(key) ?? new Set<string>();
    for (const recipient of subscription.recipients) set.add(recipient);
    recipients.set(key, set);
  }
  return Object.fromEntries([...recipients].map(([key, set]) => [key, [...set].sort().join(";")]));
}

/** The environment's policy for workloads: automated or manual, with retries and backoff. */
function workloadSyncPolicy(environment: EnvironmentSpec): ISyncPolicy {
  const { syncPolicy } = environment;
  return {
    ...(syncPolicy.automated ? { automated: { prune: syncPolicy.prune, selfHeal: syncPolicy.selfHeal } } : {}),
    retry: retryOf(environment),
  };
}

/** Root and layer Applications only manage Application and AppProject objects: always automated, so new components appear without a manual step. */
function appOfAppsSyncPolicy(environment: EnvironmentSpec): ISyncPolicy {
  return { automated: { prune: true, selfHeal: true }, retry: retryOf(environment) };
}

function retryOf(environment: EnvironmentSpec): NonNullable<ISyncPolicy["retry"]> {
  const { retry } = environment.syncPolicy;
  return { limit: retry.limit, backoff: { duration: retry.duration, factor: retry.factor, maxDuration: retry.maxDuration } };
}
