{{/*
common.probes.probe: the body of one probe (`httpGet`, `tcpSocket` or `grpc` plus timings) from a
probe value (see schemas/definitions/probe.json). gRPC probes need a port number, so port names are
resolved through `containerPorts`.
Usage: {{ include "common.probes.probe" (dict "root" $ "probe" .Values.livenessProbe "path" "livenessProbe") | trim | nindent 12 }}
*/}}
{{- define "common.probes.probe" -}}
{{- $probe := .probe -}}
{{- $type := $probe.type | default "httpGet" -}}
{{- $port := $probe.port | default "http" -}}
{{- if eq $type "httpGet" }}
httpGet:
  path: {{ $probe.path | default "/" | quote }}
  port: {{ ternary ($port | quote) (include "common.utils.portNumber" (dict "root" .root "port" $port "path" (printf "%s.port" .path))) (kindIs "string" $port) }}
  scheme: {{ $probe.scheme | default "HTTP" }}
{{- else if eq $type "tcpSocket" }}
tcpSocket:
  port: {{ ternary ($port | quote) (include "common.utils.portNumber" (dict "root" .root "port" $port "path" (printf "%s.port" .path))) (kindIs "string" $port) }}
{{- else if eq $type "grpc" }}
grpc:
  port: {{ include "common.utils.portNumber" (dict "root" .root "port" $port "path" (printf "%s.port" .path)) }}
{{- end }}
initialDelaySeconds: {{ $probe.initialDelaySeconds | default 0 | int }}
periodSeconds: {{ $probe.periodSeconds | default 10 | int }}
timeoutSeconds: {{ $probe.timeoutSeconds | default 1 | int }}
failureThreshold: {{ $probe.failureThreshold | default 3 | int }}
successThreshold: {{ $probe.successThreshold | default 1 | int }}
{{- end -}}

{{/*
common.probes.container: the `livenessProbe:`, `readinessProbe:` and `startupProbe:` entries of the
main container for each enabled probe value of the same name; named ports are checked against
`containerPorts`.
Usage: {{- with include "common.probes.container" (dict "root" $) | trim }}{{ . | nindent 10 }}{{ end }}
*/}}
{{- define "common.probes.container" -}}
{{- range $kind := list "livenessProbe" "readinessProbe" "startupProbe" }}
{{- $probe := get $.root.Values $kind -}}
{{- if and $probe $probe.enabled }}
{{ $kind }}:
  {{- include "common.probes.probe" (dict "root" $.root "probe" $probe "path" $kind) | trim | nindent 2 }}
{{- end }}
{{- end }}
{{- end -}}
