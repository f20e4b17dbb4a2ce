{{/*
common.serviceAccount: the chart's ServiceAccount when `serviceAccount.create` (nothing otherwise),
with `automountServiceAccountToken` from the values (false by default).
Usage: {{ include "common.serviceAccount" (dict "root" $) }}
*/}}
{{- define "common.serviceAccount" -}}
{{- $sa := .root.Values.serviceAccount | default dict -}}
{{- if $sa.create -}}
apiVersion: v1
kind: ServiceAccount
{{ include "common.metadata" (dict "root" .root "name" (include "common.names.serviceAccount" .) "annotations" $sa.annotations) }}
automountServiceAccountToken: {{ $sa.automountServiceAccountToken | default false }}
{{- end -}}
{{- end -}}
