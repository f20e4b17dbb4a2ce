{{/*
common.service: the chart's Service: one port per `service.ports` entry (sorted by name), each
targeting the container port of the same name, selecting the main workload's pods.
Usage: {{ include "common.service" (dict "root" $) }}
*/}}
{{- define "common.service" -}}
{{- include "common.validations.ports" . -}}
{{- $service := .root.Values.service -}}
apiVersion: v1
kind: Service
{{ include "common.metadata" (dict "root" .root "labels" $service.labels "annotations" $service.annotations) }}
spec:
  type: {{ $service.type | default "ClusterIP" }}
  ports:
    {{- range $name, $port := $service.ports }}
    - name: {{ $name }}
      port: {{ $port.port | int }}
      targetPort: {{ $name }}
      protocol: TCP
      {{- with $port.appProtocol }}
      appProtocol: {{ . }}
      {{- end }}
      {{- if and (ne ($service.type | default "ClusterIP") "ClusterIP") $port.nodePort }}
      nodePort: {{ $port.nodePort | int }}
      {{- end }}
    {{- end }}
  selector:
    {{- include "common.labels.matchLabels" . | nindent 4 }}
{{- end -}}
