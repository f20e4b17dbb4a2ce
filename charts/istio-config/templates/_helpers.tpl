{{/*
istio-config.metadata: a `metadata:` block with the standard labels in an explicit namespace (mesh-wide
objects go to the root namespace, the Gateway next to the ingress gateway pods, whatever the release
namespace is).
Usage: {{ include "istio-config.metadata" (dict "root" $ "name" "default" "namespace" "istio-system") }}
*/}}
{{- define "istio-config.metadata" -}}
metadata:
  name: {{ .name }}
  namespace: {{ .namespace }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root) | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
istio-config.validate: relations between values the schema cannot express.
*/}}
{{- define "istio-config.validate" -}}
{{- $gateway := .Values.gateway -}}
{{- if $gateway.enabled -}}
{{- if empty $gateway.hosts -}}
{{- fail "istio-config: gateway.hosts is empty. List the public host names the Gateway serves, or set gateway.enabled: false." -}}
{{- end -}}
{{- if and .Values.defaultDeny (not $gateway.allowIngressTraffic) -}}
{{- fail "istio-config: defaultDeny is on but gateway.allowIngressTraffic is off, so the mesh-wide deny would block every request at the ingress gateway. Set gateway.allowIngressTraffic: true." -}}
{{- end -}}
{{- end -}}
{{- if and .Values.telemetry.enabled (not (or .Values.telemetry.tracing.enabled .Values.telemetry.accessLogging.enabled)) -}}
{{- fail "istio-config: telemetry is enabled but configures neither tracing nor accessLogging. Enable one of them, or set telemetry.enabled: false." -}}
{{- end -}}
{{- end -}}
