{{/*
common.configMap: a ConfigMap named `<fullname>` (or `<fullname>-<suffix>`) holding `data`, a map of
file name -> content (strings are written as-is, other values as YAML). Keys are sorted.
Usage: {{ include "common.configMap" (dict "root" $ "suffix" "config" "data" (dict "config.yaml" (include "mychart.config" $))) }}
*/}}
{{- define "common.configMap" -}}
apiVersion: v1
kind: ConfigMap
{{ include "common.metadata" . }}
data:
  {{- range $file, $content := .data }}
  {{ $file }}: |
    {{- (kindIs "string" $content | ternary $content (toYaml $content)) | trim | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
common.configMap.checksum: a sha256 of the same `data`, for a pod annotation such as
`checksum/config` so that a configuration change rolls the pods.
Usage: {{ include "common.configMap.checksum" (dict "data" $data) }}
*/}}
{{- define "common.configMap.checksum" -}}
{{- toJson .data | sha256sum -}}
{{- end -}}
