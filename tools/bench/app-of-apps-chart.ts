import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LAYERS } from "../src/catalog/layers.js";
import type { SyntheticComponent } from "./synthetic-catalog.js";

/**
 * The classic app-of-apps Helm chart (argocd-example-apps `apps/` pattern) rendering what the
 * generator writes for one environment: the root, one Application per layer and per component
 * (multi-source, pinned revision, image tag parameter, values file, callers), and the five
 * AppProjects. It validates nothing: that is the point of comparison.
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
{{- range .Values.layers }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $env }}-{{ .name }}
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
    path: apps/{{ $env }}/layers/{{ .name }}
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
  syncPolicy:
    automated: {prune: true, selfHeal: true}
{{- end }}
{{- range .Values.components }}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $env }}-{{ .name }}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: {{ .wave | quote }}
    notifications.argoproj.io/subscribe.on-sync-failed.slack: {{ $env }}-alerts
  finalizers:
    - resources-finalizer.argocd.argoproj.io
  labels:
    platform.mcp-security.io/environment: {{ $env }}
    platform.mcp-security.io/layer: {{ .layer }}
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
    server: https://kubernetes.default.svc
    namespace: {{ .namespace }}
  syncPolicy:
    automated: {prune: true, selfHeal: true}
    retry: {limit: 5, backoff: {duration: 5s, factor: 2, maxDuration: 3m}}
    syncOptions: [CreateNamespace=true, FailOnSharedResource=true, PruneLast=true]
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
    - server: https://kubernetes.default.svc
      namespace: '*'
{{- end }}
`;

export interface HelmEnvironmentValues {
  file: string;
  applications: number;
}

/** Writes the chart and one values file per environment; returns the values files. */
export function writeAppOfAppsChart(dir: string, components: readonly SyntheticComponent[], environments: number): HelmEnvironmentValues[] {
  mkdirSync(join(dir, "apps", "templates"), { recursive: true });
  writeFileSync(join(dir, "apps", "Chart.yaml"), "apiVersion: v2\nname: apps\nversion: 0.1.0\n");
  writeFileSync(join(dir, "apps", "templates", "applications.yaml"), APPLICATIONS);
  const waves = new Map<string, number>();
  for (const component of components) waves.set(component.name, Math.max(0, ...component.dependencies.map((d) => (waves.get(d) ?? 0) + 1)));
  const namespaceOf = (c: SyntheticComponent) => (c.layer === "application" ? "applications" : c.layer);
  const out: HelmEnvironmentValues[] = [];
  for (let env = 0; env < environments; env++) {
    const name = `env-${String(env).padStart(2, "0")}`;
    const production = env % 3 === 2;
    const values = {
      environment: name,
      repoURL: "https://example.com/platform.git",
      layers: LAYERS.map((layer, wave) => ({ name: layer, wave })),
      projects: ["default", `${name}-gitops`, ...LAYERS.map((layer) => `${name}-${layer}`)],
      components: components.map((c) => ({
        name: c.name,
        layer: c.layer,
        wave: waves.get(c.name) ?? 0,
        namespace: namespaceOf(c),
        revision: production ? "v1.0.0" : "main",
        imageTag: production ? "v1.0.0" : "main",
        callers: components.filter((caller) => caller.dependencies.includes(c.name)).map((caller) => ({ app: caller.name, namespace: namespaceOf(caller) })),
      })),
    };
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(values));
    out.push({ file, applications: 1 + LAYERS.length + components.length });
  }
  return out;
}
