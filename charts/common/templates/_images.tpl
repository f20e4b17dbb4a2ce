{{/*
common.images.image: the full image reference `<registry>/<repository>:<tag>[@<digest>]`.
`global.imageRegistry` overrides the registry; an empty tag falls back to the chart's appVersion.
Validate first with common.validations.image (the workload helpers do).
Usage: {{ include "common.images.image" (dict "root" $ "image" .Values.image) }}
*/}}
{{- define "common.images.image" -}}
{{- $image := .image | default .root.Values.image -}}
{{- $global := .root.Values.global | default dict -}}
{{- $registry := $global.imageRegistry | default $image.registry | default "" -}}
{{- $repository := ternary (printf "%s/%s" $registry $image.repository) $image.repository (ne $registry "") -}}
{{- $tag := $image.tag | default .root.Chart.AppVersion | toString -}}
{{- if $image.digest -}}
{{- if $tag -}}
{{- printf "%s:%s@%s" $repository $tag $image.digest -}}
{{- else -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- end -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
common.images.pullSecrets: the `imagePullSecrets:` block of a pod spec from `global.imagePullSecrets`
and each image's `pullSecrets` (deduplicated, order kept); renders nothing when there are none.
Usage: {{- with include "common.images.pullSecrets" (dict "root" $ "images" (list .Values.image)) | trim }}{{ . | nindent 6 }}{{ end }}
*/}}
{{- define "common.images.pullSecrets" -}}
{{- $global := .root.Values.global | default dict -}}
{{- $names := list -}}
{{- range ($global.imagePullSecrets | default list) -}}
{{- if kindIs "map" . -}}
{{- $names = append $names .name -}}
{{- else -}}
{{- $names = append $names . -}}
{{- end -}}
{{- end -}}
{{- range (.images | default (list .root.Values.image)) -}}
{{- range (.pullSecrets | default list) -}}
{{- $names = append $names . -}}
{{- end -}}
{{- end -}}
{{- $names = $names | uniq -}}
{{- if $names }}
imagePullSecrets:
{{- range $names }}
  - name: {{ . }}
{{- end }}
{{- end -}}
{{- end -}}
