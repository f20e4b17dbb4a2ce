{{/*
common.resources.render: a container's `resources` body from a resources value (see
schemas/definitions/resources.json); empty entries are left out. Validate first with
common.validations.resources (the workload helpers do).
Usage: {{ include "common.resources.render" (dict "root" $ "resources" .Values.resources) | nindent 12 }}
*/}}
{{- define "common.resources.render" -}}
{{- $resources := .resources | default .root.Values.resources | default dict -}}
{{- $out := dict -}}
{{- range $section := list "requests" "limits" -}}
{{- $given := get $resources $section | default dict -}}
{{- $entries := dict -}}
{{- range $name := list "cpu" "memory" -}}
{{- $value := get $given $name -}}
{{- if and (not (kindIs "invalid" $value)) (ne (toString $value) "") -}}
{{- $_ := set $entries $name $value -}}
{{- end -}}
{{- end -}}
{{- if $entries -}}
{{- $_ := set $out $section $entries -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}
