{{/*
common.labels.component: the `app.kubernetes.io/component` value: the dict's `component`, else
`.Values.component`, else `server`.
Usage: {{ include "common.labels.component" (dict "root" $ "component" "worker") }}
*/}}
{{- define "common.labels.component" -}}
{{- .component | default .root.Values.component | default "server" -}}
{{- end -}}

{{/*
common.labels.version: the `app.kubernetes.io/version` value: the image tag, else the chart's
appVersion, made label-safe.
Usage: {{ include "common.labels.version" (dict "root" $) }}
*/}}
{{- define "common.labels.version" -}}
{{- $image := .root.Values.image | default dict -}}
{{- $version := $image.tag | default .root.Chart.AppVersion | default .root.Chart.Version | toString -}}
{{- $version | replace "+" "_" | trunc 63 | trimSuffix "-" | trimSuffix "." | trimSuffix "_" -}}
{{- end -}}

{{/*
common.labels.matchLabels: the immutable selector labels of a workload (name, instance, component).
Renders a YAML map without indentation.
Usage: {{ include "common.labels.matchLabels" (dict "root" $ "component" "server") | nindent 6 }}
*/}}
{{- define "common.labels.matchLabels" -}}
{{- toYaml (include "common.labels.matchLabelsDict" . | fromYaml) -}}
{{- end -}}

{{/*
common.labels.matchLabelsDict: the selector labels as YAML in a fixed order, the source of
common.labels.matchLabels and common.labels.standard (use those instead).
Usage: {{ include "common.labels.matchLabelsDict" (dict "root" $) | fromYaml }}
*/}}
{{- define "common.labels.matchLabelsDict" -}}
app.kubernetes.io/name: {{ include "common.names.name" . | quote }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
app.kubernetes.io/component: {{ include "common.labels.component" . | quote }}
{{- end -}}

{{/*
common.labels.standard: the labels of every object: selector labels plus version, part-of,
managed-by, helm.sh/chart, and `commonLabels` (the chart's own labels win on conflict). Extra
labels passed as `labels` are added the same way. Renders a sorted YAML map without indentation.
Usage: {{ include "common.labels.standard" (dict "root" $ "labels" .Values.service.labels) | nindent 4 }}
*/}}
{{- define "common.labels.standard" -}}
{{- $own := include "common.labels.matchLabelsDict" . | fromYaml -}}
{{- $_ := set $own "app.kubernetes.io/version" (include "common.labels.version" .) -}}
{{- $_ := set $own "app.kubernetes.io/part-of" (.root.Values.partOf | default "mcp-security-platform") -}}
{{- $_ := set $own "app.kubernetes.io/managed-by" .root.Release.Service -}}
{{- $_ := set $own "helm.sh/chart" (include "common.names.chart" .) -}}
{{- $labels := merge $own (deepCopy (.labels | default dict)) (deepCopy (.root.Values.commonLabels | default dict)) -}}
{{- toYaml $labels -}}
{{- end -}}

{{/*
common.labels.pod: the labels of pod templates: the standard labels without `helm.sh/chart` (a chart
release alone must not restart pods), plus `podLabels` and the Istio injection label.
Usage: {{ include "common.labels.pod" (dict "root" $) | nindent 8 }}
*/}}
{{- define "common.labels.pod" -}}
{{- $labels := include "common.labels.standard" . | fromYaml -}}
{{- $labels = omit $labels "helm.sh/chart" -}}
{{- $istio := .root.Values.istio | default dict -}}
{{- if hasKey $istio "enabled" -}}
{{- $_ := set $labels "sidecar.istio.io/inject" (ternary "true" "false" (eq (toString $istio.enabled) "true")) -}}
{{- end -}}
{{- $labels = merge $labels (deepCopy (.root.Values.podLabels | default dict)) -}}
{{- toYaml $labels -}}
{{- end -}}

{{/*
common.metadata: the `metadata:` block of an object: name (the full name, or `<fullname>-<suffix>`,
or `name`), namespace, standard labels and `commonAnnotations` merged with `annotations`.
Usage: {{ include "common.metadata" (dict "root" $ "suffix" "config" "labels" (dict) "annotations" (dict)) }}
*/}}
{{- define "common.metadata" -}}
{{- $name := .name | default (ternary (include "common.names.suffixed" .) (include "common.names.fullname" .) (not (empty .suffix))) -}}
{{- $annotations := merge (deepCopy (.annotations | default dict)) (deepCopy (.root.Values.commonAnnotations | default dict)) -}}
metadata:
  name: {{ $name }}
  namespace: {{ include "common.names.namespace" . }}
  labels:
    {{- include "common.labels.standard" . | nindent 4 }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
