import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LAYERS } from "../src/catalog/layers.js";
import type { EnvironmentPlan } from "../src/gitops/environment-plan.js";
import type { SyntheticComponent } from "./synthetic-catalog.js";

/**
 * The classic app-of-apps Helm chart (argocd-example-apps `apps/` pattern) rendering what the
 * generator writes for one environment: the root, one Application per layer, and per cluster one
 * Application per component (multi-source, pinned revision, image tag parameter, values file,
 * callers), the other clusters' layer Applications and their registrations' Application, and the
 * AppProjects. The chart loops over clusters and components itself, as the generator does. It
 * validates nothing: that is the point of comparison.
 */
const APPLICATIONS = `{{- $env := .Values.environment }}
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $env }}-root
  namespace: argocd
  finalizers:
    - resources-finalizer.argocd.argoproj.io
spec:
  project: {{ $env }}-gitops
  source:
    repoURL: {{ .Values.repoURL }}
    targetRevision: main
    path: apps/{{ $env }}/root
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
  syncPolicy:
    automated: {prune: true, selfHeal: true}
{{- range $cluster := .Values.clusters }}
{{- range $.Values.layers }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $cluster.prefix }}{{ .name }}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: {{ .wave | quote }}
  finalizers:
    - resources-finalizer.argocd.argoproj.io
spec:
  project: {{ $env }}-gitops
  source:
    repoURL: {{ $.Values.repoURL }}
    targetRevision: main
    path: apps/{{ $env }}/{{ if not $cluster.home }}clusters/{{ $cluster.name }}/{{ end }}layers/{{ .name }}
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
  syncPolicy:
    automated: {prune: true, selfHeal: true}
{{- end }}
{{- end }}
{{- if gt (len .Values.clusters) 1 }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $env }}-cluster-registrations
  namespace: argocd
spec:
  project: {{ $env }}-cluster-registrations
  source:
    repoURL: {{ .Values.repoURL }}
    targetRevision: main
    path: apps/{{ $env }}/cluster-registrations
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
{{- end }}
{{- range $cluster := .Values.clusters }}
{{- range $.Values.components }}
{{- if or $cluster.home (not .homeOnly) }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $cluster.prefix }}{{ .name }}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: {{ .wave | quote }}
    notifications.argoproj.io/subscribe.on-sync-failed.slack: {{ $env }}-alerts
  finalizers:
    - resources-finalizer.argocd.argoproj.io
  labels:
    platform.mcp-security.io/environment: {{ $env }}
    platform.mcp-security.io/layer: {{ .layer }}
    platform.mcp-security.io/cluster: {{ $cluster.name }}
spec:
  project: {{ $env }}-{{ .layer }}
  sources:
    - repoURL: {{ $.Values.repoURL }}
      targetRevision: {{ .revision }}
      path: charts/{{ .name }}
      helm:
        releaseName: {{ .name }}
        valueFiles:
          - $values/environments/{{ $env }}/values/{{ .name }}.yaml
        valuesObject:
          networkPolicy:
            allowedCallers: {{ toYaml .callers | nindent 14 }}
        parameters:
          - name: image.tag
            value: {{ .imageTag | quote }}
            forceString: true
    - repoURL: {{ $.Values.repoURL }}
      targetRevision: {{ .revision }}
      ref: values
  destination:
    server: {{ $cluster.server }}
    namespace: {{ .namespace }}
  syncPolicy:
    automated: {prune: true, selfHeal: true}
    retry: {limit: 5, backoff: {duration: 5s, factor: 2, maxDuration: 3m}}
    syncOptions: [CreateNamespace=true, FailOnSharedResource=true, PruneLast=true]
{{- end }}
{{- end }}
{{- end }}
{{- range .Values.projects }}
---
apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: {{ . }}
  namespace: argocd
spec:
  sourceRepos: [{{ $.Values.repoURL }}]
  destinations:
    - server: '*'
      namespace: '*'
{{- end }}
`;

/** One environment's values for the chart. */
export interface AppOfAppsValues {
  environment: string;
  repoURL: string;
  layers: { name: string; wave: number }[];
  projects: string[];
  /** The home cluster first (the in-cluster server, Application names `<env>-<x>`), then the others (`<env>-<cluster>-<x>`). */
  clusters: { name: string; server: string; home: boolean; prefix: string }[];
  /** `homeOnly`: deployed into Argo CD's namespace, so only in the home cluster (as the generator does). */
  components: { name: string; layer: string; wave: number; namespace: string; revision: string; imageTag: string; callers: { app: string; namespace: string }[]; homeOnly: boolean }[];
}

/** The Applications the chart renders for these values: what the generator writes for the same environment. */
export function applicationCount(values: AppOfAppsValues): number {
  const others = values.clusters.filter((c) => !c.home).length;
  const components = values.clusters.reduce((sum, cluster) => sum + values.components.filter((c) => cluster.home || !c.homeOnly).length, 0);
  return 1 + values.layers.length * (1 + others) + (others > 0 ? 1 : 0) + components;
}

export interface HelmEnvironmentValues {
  file: string;
  applications: number;
}

/** Writes the chart under `<dir>/apps` and one values file per environment; returns the values files. */
export function writeAppOfAppsChart(dir: string, environments: readonly AppOfAppsValues[]): HelmEnvironmentValues[] {
  mkdirSync(join(dir, "apps", "templates"), { recursive: true });
  writeFileSync(join(dir, "apps", "Chart.yaml"), "apiVersion: v2\nname: apps\nversion: 0.1.0\n");
  writeFileSync(join(dir, "apps", "templates", "applications.yaml"), APPLICATIONS);
  return environments.map((values) => {
    const file = join(dir, `${values.environment}.json`);
    writeFileSync(file, JSON.stringify(values));
    return { file, applications: applicationCount(values) };
  });
}

const IN_CLUSTER = "https://kubernetes.default.svc";
const layers = () => LAYERS.map((layer, wave) => ({ name: layer, wave }));
const projects = (env: string, clusters: number) => ["default", `${env}-gitops`, ...LAYERS.map((layer) => `${env}-${layer}`), ...(clusters > 1 ? [`${env}-cluster-registrations`] : [])];
const clustersOf = (env: string, names: readonly { name: string; server: string }[]) =>
  names.length === 0 ? [{ name: "in-cluster", server: IN_CLUSTER, home: true, prefix: `${env}-` }] : names.map((c, i) => ({ name: c.name, server: i === 0 ? IN_CLUSTER : c.server, home: i === 0, prefix: i === 0 ? `${env}-` : `${env}-${c.name}-` }));

/** The chart's values for the synthetic catalog's environments (synthetic-catalog.ts), production with its clusters. */
export function syntheticAppOfAppsValues(components: readonly SyntheticComponent[], environments: readonly { name: string; production: boolean; clusters: readonly { name: string; server: string }[] }[]): AppOfAppsValues[] {
  const waves = new Map<string, number>();
  for (const component of components) waves.set(component.name, Math.max(0, ...component.dependencies.map((d) => (waves.get(d) ?? 0) + 1)));
  const namespaceOf = (c: SyntheticComponent) => (c.layer === "application" ? "applications" : c.layer);
  return environments.map(({ name, production, clusters }) => ({
    environment: name,
    repoURL: "https://example.com/platform.git",
    layers: layers(),
    projects: projects(name, clusters.length),
    clusters: clustersOf(name, clusters),
    components: components.map((c) => ({
      name: c.name,
      layer: c.layer,
      wave: waves.get(c.name) ?? 0,
      namespace: namespaceOf(c),
      revision: production ? "v1.0.0" : "main",
      imageTag: production ? "v1.0.0" : "main",
      callers: components.filter((caller) => caller.dependencies.includes(c.name)).map((caller) => ({ app: caller.name, namespace: namespaceOf(caller) })),
      homeOnly: false,
    })),
  }));
}

/** The chart's values for the environments the generator planned (this repository's). */
export function plannedAppOfAppsValues(plans: readonly EnvironmentPlan[]): AppOfAppsValues[] {
  return plans.map((plan) => {
    const env = plan.environment.name;
    const clusters = plan.clusters ?? [];
    const home = plan.components.filter((c) => c.cluster === undefined || c.cluster.home);
    const elsewhere = new Set(plan.components.filter((c) => c.cluster !== undefined && !c.cluster.home).map((c) => c.name));
    return {
      environment: env,
      repoURL: plan.environment.repository.url,
      layers: layers(),
      projects: projects(env, clusters.length),
      clusters: clustersOf(env, clusters),
      components: home.map((c) => ({
        name: c.name,
        layer: c.layer,
        wave: c.wave,
        namespace: c.namespace,
        revision: c.chartRevision,
        imageTag: c.imageTag,
        callers: c.calledBy.map((caller) => ({ app: caller, namespace: plan.components.find((p) => p.name === caller)?.namespace ?? "" })),
        homeOnly: clusters.length > 1 && !elsewhere.has(c.name),
      })),
    };
  });
}
