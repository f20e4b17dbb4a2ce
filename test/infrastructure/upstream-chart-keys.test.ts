import { describe, expect, it } from "vitest";
import { effectiveSchema, isPlainObject, type JsonSchema } from "../../tools/src/schemas/json-schema.js";
import { ENVIRONMENTS, environmentValuesFile, readChartPackage, readYaml, upstreamChartPackage, upstreamComponents, type ChartNode, type UpstreamComponent } from "./support.js";

/**
 * Every key our schemas/upstream/<component>.json allows, and every key environments/<env>/values/<component>.yaml
 * sets, must be a key the pinned upstream chart reads: a key the chart does not know is silently
 * ignored by Helm, so a value that "configures" it configures nothing.
 *
 * "Knows" means: the key is in the chart's values.yaml at the pinned version (read from the package
 * itself), or in a subchart's values.yaml under the subchart's values key (alias, else name), or in
 * the `global` section of any of them. Keys below that are free-form by design (labels, annotations,
 * Kubernetes objects passed through `toYaml`, lists the chart ships empty) cannot be found in a
 * values.yaml; each such place is listed in ALLOWED below with the template that reads it, and the
 * test proves the template really contains that read.
 */

/** A path into values: object keys, `[]` for "every item of this list", `*` for "any key of this map". */
type ValuesPath = readonly string[];

interface AllowedKey {
  /** Where the free-form part starts; it covers everything below it. */
  path: ValuesPath;
  /** File inside the chart package (relative to the top chart) whose text proves the key is read. */
  template: string;
  /** Exact text of that file that reads the key. */
  reads: string;
  /** Why values.yaml cannot list it. */
  why: string;
}

/** Kubernetes `ResourceRequirements` the chart passes through `toYaml`; its values.yaml ships `{}` or a partial example. */
const RESOURCES = "Kubernetes ResourceRequirements passed through verbatim";

const ALLOWED: Record<string, AllowedKey[]> = {
  "argo-cd": [
    { path: ["extraObjects"], template: "templates/extra-manifests.yaml", reads: "range .Values.extraObjects", why: "whole Kubernetes objects (the sync identities the generator adds), shipped as an empty list" },
    { path: ["configs", "cm"], template: "templates/_helpers.tpl", reads: '$config := omit .Values.configs.cm "create" "annotations"', why: "every other key is an argocd-cm entry" },
    { path: ["configs", "params"], template: "templates/_helpers.tpl", reads: '$config := omit .Values.configs.params "create" "annotations"', why: "every other key is an argocd-cmd-params-cm entry" },
    { path: ["configs", "rbac"], template: "templates/argocd-configs/argocd-rbac-cm.yaml", reads: 'omit .Values.configs.rbac "create" "annotations"', why: "every other key is an argocd-rbac-cm entry" },
    { path: ["controller", "resources"], template: "templates/argocd-application-controller/statefulset.yaml", reads: "toYaml .Values.controller.resources", why: RESOURCES },
    { path: ["server", "resources"], template: "templates/argocd-server/deployment.yaml", reads: "toYaml .Values.server.resources", why: RESOURCES },
    { path: ["repoServer", "resources"], template: "templates/argocd-repo-server/deployment.yaml", reads: "toYaml .Values.repoServer.resources", why: RESOURCES },
    { path: ["notifications", "notifiers"], template: "templates/argocd-configs/argocd-notifications-cm.yaml", reads: "with .Values.notifications.notifiers", why: "argocd-notifications-cm service entries" },
    { path: ["notifications", "templates"], template: "templates/argocd-configs/argocd-notifications-cm.yaml", reads: "with .Values.notifications.templates", why: "argocd-notifications-cm template entries" },
    { path: ["notifications", "triggers"], template: "templates/argocd-configs/argocd-notifications-cm.yaml", reads: "with .Values.notifications.triggers", why: "argocd-notifications-cm trigger entries" },
  ],
  "argo-rollouts": [
    { path: ["controller", "resources"], template: "templates/controller/deployment.yaml", reads: "toYaml .Values.controller.resources", why: RESOURCES },
    { path: ["controller", "metrics", "serviceMonitor", "additionalLabels"], template: "templates/controller/servicemonitor.yaml", reads: "range $key, $value := .Values.controller.metrics.serviceMonitor.additionalLabels", why: "labels map, shipped empty" },
  ],
  "cert-manager": [
    { path: ["resources"], template: "templates/deployment.yaml", reads: "with .Values.resources", why: RESOURCES },
    { path: ["webhook", "resources"], template: "templates/webhook-deployment.yaml", reads: "with .Values.webhook.resources", why: RESOURCES },
    { path: ["cainjector", "resources"], template: "templates/cainjector-deployment.yaml", reads: "with .Values.cainjector.resources", why: RESOURCES },
    { path: ["podDisruptionBudget", "minAvailable"], template: "templates/poddisruptionbudget.yaml", reads: "minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}", why: "only a comment in values.yaml (it is one of minAvailable/maxUnavailable)" },
    { path: ["webhook", "podDisruptionBudget", "minAvailable"], template: "templates/webhook-poddisruptionbudget.yaml", reads: "minAvailable: {{ .Values.webhook.podDisruptionBudget.minAvailable }}", why: "only a comment in values.yaml (it is one of minAvailable/maxUnavailable)" },
    { path: ["prometheus", "servicemonitor", "labels"], template: "templates/servicemonitor.yaml", reads: "with .Values.prometheus.servicemonitor.labels", why: "labels map, shipped empty" },
  ],
  "cloudnative-pg": [{ path: ["resources"], template: "templates/deployment.yaml", reads: "toYaml .Values.resources", why: RESOURCES }],
  "external-secrets": [
    { path: ["resources"], template: "templates/deployment.yaml", reads: "with .Values.resources", why: RESOURCES },
    { path: ["webhook", "resources"], template: "templates/webhook-deployment.yaml", reads: "with .Values.webhook.resources", why: RESOURCES },
    { path: ["certController", "resources"], template: "templates/cert-controller-deployment.yaml", reads: "with .Values.certController.resources", why: RESOURCES },
    { path: ["serviceMonitor", "additionalLabels"], template: "templates/servicemonitor.yaml", reads: "toYaml .Values.serviceMonitor.additionalLabels", why: "labels map, shipped empty" },
  ],
  "istio-ingressgateway": [
    { path: ["labels"], template: "templates/deployment.yaml", reads: "range $key, $val := .Values.labels", why: "pod labels map, shipped empty (`istio: ingressgateway` is what istio-config's Gateway selects)" },
    { path: ["service", "annotations"], template: "templates/service.yaml", reads: "merge (deepCopy .Values.service.annotations) .Values.annotations", why: "annotations map, shipped empty" },
    { path: ["podDisruptionBudget"], template: "templates/poddisruptionbudget.yaml", reads: "with .Values.podDisruptionBudget", why: "a PodDisruptionBudget spec passed through, shipped empty" },
    { path: ["topologySpreadConstraints"], template: "templates/deployment.yaml", reads: "with .Values.topologySpreadConstraints", why: "Kubernetes TopologySpreadConstraints passed through, shipped empty" },
    { path: ["securityContext"], template: "templates/deployment.yaml", reads: "toYaml .Values.securityContext | nindent 8", why: "Kubernetes PodSecurityContext passed through, shipped empty (the template then sets only the unprivileged-port sysctl)" },
  ],
  istiod: [
    { path: ["resources"], template: "templates/deployment.yaml", reads: 'include "istiod.resources" .Values.resources', why: `${RESOURCES} (values.yaml has requests only)` },
    { path: ["env"], template: "templates/deployment.yaml", reads: "range $key, $val := .Values.env", why: "environment variables map, shipped empty" },
    { path: ["seccompProfile"], template: "templates/deployment.yaml", reads: "toYaml .Values.seccompProfile | trim | indent 14", why: "Kubernetes SeccompProfile passed through, shipped empty" },
    { path: ["meshConfig"], template: "templates/configmap.yaml", reads: "mergeOverwrite $originalMesh .Values.meshConfig", why: "Istio MeshConfig passed through (the chart's comment: meshConfig.foo becomes the API)" },
  ],
  jaeger: [
    { path: ["allInOne", "resources"], template: "templates/allinone-deploy.yaml", reads: "with .Values.allInOne.resources", why: `${RESOURCES} (only a comment in values.yaml)` },
    { path: ["allInOne", "podSecurityContext"], template: "templates/allinone-deploy.yaml", reads: "toYaml .Values.allInOne.podSecurityContext", why: "Kubernetes PodSecurityContext passed through (values.yaml sets three of its fields)" },
    { path: ["allInOne", "securityContext"], template: "templates/allinone-deploy.yaml", reads: "toYaml .Values.allInOne.securityContext", why: "Kubernetes SecurityContext passed through, shipped empty" },
    { path: ["extraObjects"], template: "templates/extra-list.yaml", reads: "range .Values.extraObjects", why: "whole Kubernetes objects (the Badger PersistentVolumeClaim)" },
  ],
  "kiali-server": [
    { path: ["deployment", "resources"], template: "templates/deployment.yaml", reads: "toYaml .Values.deployment.resources", why: RESOURCES },
    // Kiali's config.yaml is .Values itself: these are Kiali server settings (kiali/kiali v2.29.0
    // config/config.go: PrometheusConfig.URL, GrafanaConfig, TracingConfig) that values.yaml does not list.
    { path: ["external_services", "prometheus", "url"], template: "templates/configmap.yaml", reads: '$cm := omit .Values "kiali_route_url"', why: "Kiali setting external_services.prometheus.url" },
    { path: ["external_services", "grafana"], template: "templates/configmap.yaml", reads: '$cm := omit .Values "kiali_route_url"', why: "Kiali settings external_services.grafana.*" },
    { path: ["external_services", "tracing"], template: "templates/configmap.yaml", reads: '$cm := omit .Values "kiali_route_url"', why: "Kiali settings external_services.tracing.*" },
  ],
  "kube-prometheus-stack": [
    { path: ["prometheusOperator", "resources"], template: "templates/prometheus-operator/deployment.yaml", reads: "toYaml .Values.prometheusOperator.resources", why: RESOURCES },
    { path: ["prometheus", "prometheusSpec", "resources"], template: "templates/prometheus/prometheus.yaml", reads: "toYaml .Values.prometheus.prometheusSpec.resources", why: RESOURCES },
    { path: ["prometheus", "prometheusSpec", "externalLabels"], template: "templates/prometheus/prometheus.yaml", reads: "toYaml .Values.prometheus.prometheusSpec.externalLabels", why: "labels map, shipped empty" },
    { path: ["prometheus", "prometheusSpec", "storageSpec"], template: "templates/prometheus/prometheus.yaml", reads: "toYaml .Values.prometheus.prometheusSpec.storageSpec", why: "Prometheus CR StorageSpec passed through, shipped empty" },
    { path: ["alertmanager", "alertmanagerSpec", "resources"], template: "templates/alertmanager/alertmanager.yaml", reads: "toYaml .Values.alertmanager.alertmanagerSpec.resources", why: RESOURCES },
    { path: ["alertmanager", "alertmanagerSpec", "storage"], template: "templates/alertmanager/alertmanager.yaml", reads: "toYaml .Values.alertmanager.alertmanagerSpec.storage", why: "Alertmanager CR StorageSpec passed through, shipped empty" },
    { path: ["alertmanager", "alertmanagerSpec", "alertmanagerConfigMatcherStrategy"], template: "templates/alertmanager/alertmanager.yaml", reads: "toYaml .Values.alertmanager.alertmanagerSpec.alertmanagerConfigMatcherStrategy", why: "Alertmanager CR field passed through, shipped empty" },
    { path: ["grafana", "resources"], template: "charts/grafana/templates/_pod.tpl", reads: "with .Values.resources", why: RESOURCES },
    { path: ["grafana", "grafana.ini"], template: "charts/grafana/templates/_config.tpl", reads: 'range $elem, $elemVal := index .Values "grafana.ini"', why: "grafana.ini sections and keys, written as they are" },
  ],
};

/**
 * Istio's charts keep every default under `_internal_defaults_do_not_set` and their
 * templates/zzz_profile.yaml merges it into `.Values` before any other template runs; for a chart
 * whose zzz_profile.yaml does that (checked, not assumed), the keys under it are the chart's keys.
 */
const PROFILE_DEFAULTS_KEY = "_internal_defaults_do_not_set";
const PROFILE_TEMPLATE = "templates/zzz_profile.yaml";
const PROFILE_READ = "$.Values._internal_defaults_do_not_set";

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = key in merged ? deepMerge(merged[key], value) : value;
  return merged;
}

/** The default values a chart's templates see: its values.yaml, its subcharts' under their keys, every `global`. */
function knownValues(chart: ChartNode): Record<string, unknown> {
  let values: Record<string, unknown> = chart.values;
  if (isPlainObject(values[PROFILE_DEFAULTS_KEY]) && chart.files.get(PROFILE_TEMPLATE)?.includes(PROFILE_READ)) {
    const { [PROFILE_DEFAULTS_KEY]: defaults, ...rest } = values;
    values = deepMerge(defaults, rest) as Record<string, unknown>;
  }
  let global = values.global;
  for (const [key, subchart] of chart.subcharts) {
    const { global: subGlobal, ...subValues } = knownValues(subchart);
    values = { ...values, [key]: deepMerge(subValues, values[key]) };
    global = deepMerge(subGlobal, global);
  }
  return global === undefined ? values : { ...values, global };
}

/** The shortest prefix of `path` that the chart does not know, or undefined when it knows all of it. */
function firstUnknown(known: unknown, path: ValuesPath): ValuesPath | undefined {
  let node = known;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (segment === "[]") {
      if (!Array.isArray(node) || node.length === 0) return path.slice(0, i + 1);
      node = node.reduce((merged: unknown, item: unknown) => deepMerge(merged, item), undefined);
    } else if (segment === "*" || !isPlainObject(node) || !Object.hasOwn(node, segment)) {
      return path.slice(0, i + 1);
    } else {
      node = node[segment];
    }
  }
  return undefined;
}

/** Every property path a schema allows (properties, list items, map values; through $ref). */
function schemaPaths(root: JsonSchema, node: JsonSchema, path: ValuesPath = []): ValuesPath[] {
  const schema = effectiveSchema(root, node);
  const paths: ValuesPath[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) paths.push([...path, key], ...schemaPaths(root, property, [...path, key]));
  if (isPlainObject(schema.additionalProperties)) paths.push([...path, "*"], ...schemaPaths(root, schema.additionalProperties as JsonSchema, [...path, "*"]));
  if (isPlainObject(schema.items)) paths.push([...path, "[]"], ...schemaPaths(root, schema.items as JsonSchema, [...path, "[]"]));
  for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) paths.push(...schemaPaths(root, member, path));
  return paths;
}

/** Every key path a values document sets. */
function documentPaths(document: unknown, path: ValuesPath = []): ValuesPath[] {
  if (Array.isArray(document)) return document.flatMap((item) => [[...path, "[]"], ...documentPaths(item, [...path, "[]"])]);
  if (!isPlainObject(document)) return [];
  return Object.entries(document).flatMap(([key, value]) => [[...path, key], ...documentPaths(value, [...path, key])]);
}

function show(path: ValuesPath): string {
  return path.map((segment, i) => (segment === "[]" ? "[]" : /^[A-Za-z_*][\w-]*$/.test(segment) ? `${i === 0 ? "" : "."}${segment}` : `[${JSON.stringify(segment)}]`)).join("");
}

function isPrefix(prefix: ValuesPath, path: ValuesPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function unique(paths: ValuesPath[]): ValuesPath[] {
  return [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()];
}

const components = upstreamComponents();
const charts = new Map<string, ChartNode>();

/** The pinned package of a component, read once per file; a missing package fails the test that needs it. */
function chartOf(component: UpstreamComponent): ChartNode {
  let chart = charts.get(component.name);
  if (chart === undefined) {
    chart = readChartPackage(upstreamChartPackage(component.upstream));
    charts.set(component.name, chart);
  }
  return chart;
}

function pinOf(component: UpstreamComponent): string {
  return `${component.upstream.chart} ${component.upstream.version}`;
}

/** The unknown prefixes of `paths` that ALLOWED does not cover. */
function unexplained(component: UpstreamComponent, paths: ValuesPath[]): ValuesPath[] {
  const known = knownValues(chartOf(component));
  const allowed = ALLOWED[component.name] ?? [];
  return unique(paths.map((p) => firstUnknown(known, p)).filter((p): p is ValuesPath => p !== undefined)).filter((p) => !allowed.some((a) => isPrefix(a.path, p)));
}

function everyUnknown(component: UpstreamComponent): ValuesPath[] {
  const known = knownValues(chartOf(component));
  const schema = component.schema as JsonSchema;
  const fromValues = ENVIRONMENTS.flatMap((environment) => documentPaths(readYaml(environmentValuesFile(environment, component.name))));
  return unique([...schemaPaths(schema, schema), ...fromValues].map((p) => firstUnknown(known, p)).filter((p): p is ValuesPath => p !== undefined));
}

describe.each(components.map((c) => [c.name, c] as const))("%s: the keys we set exist in the pinned upstream chart", (name, component) => {
  it("every key the schema allows is in the chart's values.yaml (or read by the template ALLOWED names)", () => {
    const schema = component.schema as JsonSchema;
    const missing = unexplained(component, schemaPaths(schema, schema)).map(
      (p) => `${component.file} allows \`${show(p)}\`, which ${pinOf(component)} does not have in its values.yaml (nor any subchart's): remove it from the schema, or, if a chart template reads it, add it to ALLOWED["${name}"] with that template`,
    );
    expect(missing, `\n${missing.join("\n")}`).toEqual([]);
  });

  it.each(ENVIRONMENTS.map((e) => [e] as const))("every key environments/%s sets is in the chart", (environment) => {
    const file = environmentValuesFile(environment, name);
    const missing = unexplained(component, documentPaths(readYaml(file))).map(
      (p) => `${file.slice(file.indexOf("environments/"))} sets \`${show(p)}\`, which ${pinOf(component)} does not read: remove it, or use the key the chart's values.yaml names`,
    );
    expect(missing, `\n${missing.join("\n")}`).toEqual([]);
  });

  it("every ALLOWED entry names a template of the chart that reads it, and is needed", () => {
    const chart = chartOf(component);
    const unknown = everyUnknown(component);
    const problems = (ALLOWED[name] ?? []).flatMap((entry) => {
      const text = chart.files.get(entry.template);
      if (text === undefined) return [`ALLOWED["${name}"] ${show(entry.path)}: ${entry.template} is not a file of ${pinOf(component)}`];
      if (!text.includes(entry.reads)) return [`ALLOWED["${name}"] ${show(entry.path)}: ${entry.template} of ${pinOf(component)} does not contain \`${entry.reads}\``];
      if (!unknown.some((p) => isPrefix(entry.path, p))) return [`ALLOWED["${name}"] ${show(entry.path)}: nothing the schema allows or the values set needs it any more; remove the entry`];
      return [];
    });
    expect(problems, `\n${problems.join("\n")}`).toEqual([]);
  });
});

describe("the key walk", () => {
  const chart: ChartNode = {
    name: "parent",
    path: "parent",
    values: { a: { b: 1, labels: {} }, list: [{ x: 1 }], empty: [], global: { g: 1 }, [PROFILE_DEFAULTS_KEY]: { hidden: 1 } },
    files: new Map(),
    subcharts: new Map([["sub", { name: "child", path: "parent/charts/child", values: { c: 1, global: { h: 1 } }, files: new Map(), subcharts: new Map() }]]),
  };
  const known = knownValues(chart);

  it("finds keys of the chart, of its subcharts under their key, and of every global section", () => {
    for (const path of [["a", "b"], ["list", "[]", "x"], ["sub", "c"], ["global", "g"], ["global", "h"]]) expect(firstUnknown(known, path), show(path)).toBeUndefined();
  });

  it("reports the first unknown key, a key under a free-form map and an item of a list shipped empty", () => {
    expect(firstUnknown(known, ["a", "c", "d"])).toEqual(["a", "c"]);
    expect(firstUnknown(known, ["a", "labels", "*"])).toEqual(["a", "labels", "*"]);
    expect(firstUnknown(known, ["empty", "[]", "kind"])).toEqual(["empty", "[]"]);
    expect(firstUnknown(known, ["a", "b", "deeper"])).toEqual(["a", "b", "deeper"]);
  });

  it("reads Istio's hidden defaults only where zzz_profile.yaml merges them", () => {
    expect(firstUnknown(known, ["hidden"])).toEqual(["hidden"]);
    const profiled = knownValues({ ...chart, files: new Map([[PROFILE_TEMPLATE, `{{- $defaults := ${PROFILE_READ} }}`]]) });
    expect(firstUnknown(profiled, ["hidden"])).toBeUndefined();
  });

  it("walks schema properties, map values and list items through $ref", () => {
    const schema: JsonSchema = { type: "object", properties: { m: { type: "object", additionalProperties: { $ref: "#/definitions/d" } }, l: { type: "array", items: { type: "object", properties: { k: { type: "string" } } } } }, definitions: { d: { type: "object", properties: { v: { type: "string" } } } } };
    expect(schemaPaths(schema, schema).map(show)).toEqual(["m", "m.*", "m.*.v", "l", "l[]", "l[].k"]);
    expect(documentPaths({ a: [{ b: 1 }], "x.y": { z: true } }).map(show)).toEqual(["a", "a[]", "a[].b", '["x.y"]', '["x.y"].z']);
  });
});
