{{/*
common.utils.setDefaults: sets each key of `defaults` that `target` lacks, in place; renders nothing.
Unlike sprig's `merge` it keeps an explicit `false`, `0` or "" in the target.
Usage: {{- include "common.utils.setDefaults" (dict "target" $map "defaults" (dict "enabled" true)) -}}
*/}}
{{- define "common.utils.setDefaults" -}}
{{- $target := .target -}}
{{- range $key, $value := .defaults -}}
{{- if not (hasKey $target $key) -}}
{{- $_ := set $target $key $value -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.utils.durationMilliseconds: milliseconds in a duration written as `<n>ms`, `<n>s`, `<n>m` or
`<n>h` (the forms the schemas accept); renders nothing for anything else.
Usage: {{ include "common.utils.durationMilliseconds" (dict "duration" "1m") }}
*/}}
{{- define "common.utils.durationMilliseconds" -}}
{{- $duration := toString .duration -}}
{{- if regexMatch "^[0-9]+ms$" $duration -}}
{{- trimSuffix "ms" $duration | atoi -}}
{{- else if regexMatch "^[0-9]+s$" $duration -}}
{{- mul (trimSuffix "s" $duration | atoi) 1000 -}}
{{- else if regexMatch "^[0-9]+m$" $duration -}}
{{- mul (trimSuffix "m" $duration | atoi) 60000 -}}
{{- else if regexMatch "^[0-9]+h$" $duration -}}
{{- mul (trimSuffix "h" $duration | atoi) 3600000 -}}
{{- end -}}
{{- end -}}

{{/*
common.utils.portNumber: the number of a port given as a `containerPorts` name or a number; fails
with the values path when the name is unknown.
Usage: {{ include "common.utils.portNumber" (dict "root" $ "port" "http" "path" "livenessProbe.port") }}
*/}}
{{- define "common.utils.portNumber" -}}
{{- $port := .port -}}
{{- if kindIs "string" $port -}}
{{- $ports := .root.Values.containerPorts | default dict -}}
{{- if not (hasKey $ports $port) -}}
{{- fail (printf "%s: %s refers to port %q, which is not a key of containerPorts (%s). Use one of those names or add the port to containerPorts." (include "common.names.name" .) .path $port (keys $ports | sortAlpha | join ", ")) -}}
{{- end -}}
{{- get $ports $port | int -}}
{{- else -}}
{{- $port | int -}}
{{- end -}}
{{- end -}}
