{{/*
common.serviceMonitor: a monitoring.coreos.com/v1 ServiceMonitor scraping `serviceMonitor.port` of
the chart's Service while `serviceMonitor.enabled`; `serviceMonitor.labels` let the Prometheus
instance select it.
Usage: {{ include "common.serviceMonitor" (dict "root" $) }}
*/}}
{{- define "common.serviceMonitor" -}}
{{- $monitor := .root.Values.serviceMonitor | default dict -}}
{{- if $monitor.enabled -}}
{{- include "common.validations.serviceMonitor" . -}}
{{- include "common.validations.ports" . -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
{{ include "common.metadata" (dict "root" .root "labels" $monitor.labels) }}
spec:
  selector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ include "common.names.namespace" . }}
  endpoints:
    - port: {{ $monitor.port | default "metrics" }}
      path: {{ $monitor.path | default "/metrics" }}
      scheme: {{ $monitor.scheme | default "http" }}
      interval: {{ $monitor.interval | default "30s" }}
      scrapeTimeout: {{ $monitor.scrapeTimeout | default "10s" }}
      honorLabels: {{ $monitor.honorLabels | default false }}
      {{- with $monitor.relabelings }}
      relabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $monitor.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
{{- end -}}
