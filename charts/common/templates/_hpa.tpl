{{/*
common.hpa: an autoscaling/v2 HorizontalPodAutoscaler for the main workload (the Deployment, or the
Rollout when `rollout.enabled`) while `autoscaling.enabled`; CPU and memory utilisation targets
plus `customMetrics`, and `behavior` when set.
Usage: {{ include "common.hpa" (dict "root" $) }}
*/}}
{{- define "common.hpa" -}}
{{- $hpa := .root.Values.autoscaling | default dict -}}
{{- if $hpa.enabled -}}
{{- include "common.validations.autoscaling" . -}}
{{- $behavior := dict -}}
{{- range $direction, $rules := ($hpa.behavior | default dict) -}}
{{- if $rules -}}
{{- $_ := set $behavior $direction $rules -}}
{{- end -}}
{{- end -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
{{ include "common.metadata" . }}
spec:
  scaleTargetRef:
    {{- if include "common.rollout.enabled" . }}
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    {{- else }}
    apiVersion: apps/v1
    kind: Deployment
    {{- end }}
    name: {{ include "common.names.fullname" . }}
  minReplicas: {{ $hpa.minReplicas | int }}
  maxReplicas: {{ $hpa.maxReplicas | int }}
  metrics:
    {{- range $resource := list "cpu" "memory" }}
    {{- $target := get $hpa (printf "target%sUtilizationPercentage" (ternary "CPU" "Memory" (eq $resource "cpu"))) | default 0 | int }}
    {{- if $target }}
    - type: Resource
      resource:
        name: {{ $resource }}
        target:
          type: Utilization
          averageUtilization: {{ $target }}
    {{- end }}
    {{- end }}
    {{- with $hpa.customMetrics }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
{{- end -}}
