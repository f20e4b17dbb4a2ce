{{/*
argocd-secrets.duration: a number of seconds as a Go duration in its largest whole unit, the form
ExternalSecret's `refreshInterval` takes: 3600 -> 1h, 300 -> 5m, 90 -> 90s, 0 -> 0s.
Usage: {{ include "argocd-secrets.duration" .Values.refreshInterval }}
*/}}
{{- define "argocd-secrets.duration" -}}
{{- $seconds := int . -}}
{{- if and (gt $seconds 0) (eq (mod $seconds 3600) 0) -}}
{{- printf "%dh" (div $seconds 3600) -}}
{{- else if and (gt $seconds 0) (eq (mod $seconds 60) 0) -}}
{{- printf "%dm" (div $seconds 60) -}}
{{- else -}}
{{- printf "%ds" $seconds -}}
{{- end -}}
{{- end -}}

{{/*
argocd-secrets.source: the `refreshInterval` and `secretStoreRef` of every ExternalSecret of the chart.
Usage: {{ include "argocd-secrets.source" . | nindent 2 }}
*/}}
{{- define "argocd-secrets.source" -}}
refreshInterval: {{ include "argocd-secrets.duration" .Values.refreshInterval | quote }}
secretStoreRef:
  name: {{ .Values.secretStoreRef.name }}
  kind: {{ .Values.secretStoreRef.kind }}
{{- end -}}

{{/*
argocd-secrets.remoteRef: the `remoteRef` body of one entry ({key, property}); no property when empty.
Usage: {{ include "argocd-secrets.remoteRef" $ref | nindent 8 }}
*/}}
{{- define "argocd-secrets.remoteRef" -}}
key: {{ .key | quote }}
{{- with .property }}
property: {{ . | quote }}
{{- end }}
{{- end -}}

{{/*
argocd-secrets.validate: relations between values the schema cannot express.
*/}}
{{- define "argocd-secrets.validate" -}}
{{- $v := .Values -}}
{{- $oidc := $v.oidcClientSecret -}}
{{- if and $oidc.enabled (empty $oidc.remoteRef.key) -}}
{{- fail "argocd-secrets: oidcClientSecret is enabled but oidcClientSecret.remoteRef.key is empty. Set it to the key (path) of the OIDC client secret in the store, or set oidcClientSecret.enabled: false." -}}
{{- end -}}
{{- $readers := list -}}
{{- if $oidc.enabled -}}{{- $readers = append $readers "oidcClientSecret" -}}{{- end -}}
{{- if $v.notificationCredentials -}}{{- $readers = append $readers "notificationCredentials" -}}{{- end -}}
{{- if and $readers (empty $v.secretStoreRef.name) -}}
{{- fail (printf "argocd-secrets: %s %s from the secret store, but secretStoreRef.name is empty. Set secretStoreRef.name to the store's name (the secret-stores chart's vault-<environment>)." (join " and " $readers) (ternary "read" "reads" (gt (len $readers) 1))) -}}
{{- end -}}
{{- end -}}
