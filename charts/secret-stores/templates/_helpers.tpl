{{/*
secret-stores.metadata: a `metadata:` block with the standard labels; `namespace` only when given
(ClusterSecretStores are cluster-scoped).
Usage: {{ include "secret-stores.metadata" (dict "root" $ "name" "vault-production") }}
*/}}
{{- define "secret-stores.metadata" -}}
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root) | nindent 4 }}
  {{- with .root.Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
secret-stores.readerName: the reader ServiceAccount of a `kubernetes` store.
Usage: {{ include "secret-stores.readerName" $store }}
*/}}
{{- define "secret-stores.readerName" -}}
{{- .kubernetes.serviceAccountName | default (printf "%s-reader" .name | trunc 63 | trimSuffix "-") -}}
{{- end -}}

{{/*
secret-stores.placeholder: the deterministic development value the fake store serves for a key
(and property): `dev-` and 24 hex characters of a hash. Not a secret by design.
Usage: {{ include "secret-stores.placeholder" (list "platform/development/redis" "password") }}
*/}}
{{- define "secret-stores.placeholder" -}}
{{- printf "dev-%s" (join "/" . | sha256sum | trunc 24) -}}
{{- end -}}

{{/*
secret-stores.validate: every store is named once and has the section its provider needs.
*/}}
{{- define "secret-stores.validate" -}}
{{- $seen := dict -}}
{{- range $index, $store := .Values.stores -}}
{{- if hasKey $seen $store.name -}}
{{- fail (printf "secret-stores: stores[%d] is named %q like stores[%d]. ClusterSecretStore names are cluster-wide; rename one of them." $index $store.name (get $seen $store.name)) -}}
{{- end -}}
{{- $_ := set $seen $store.name $index -}}
{{- if not (hasKey $store $store.provider) -}}
{{- fail (printf "secret-stores: stores[%d] (%s) uses provider %s but has no %s section. Add stores[%d].%s." $index $store.name $store.provider $store.provider $index $store.provider) -}}
{{- end -}}
{{- if eq $store.provider "vault" -}}
{{- $auth := $store.vault.auth | default dict -}}
{{- if not (hasKey $auth (ternary "kubernetes" "tokenSecretRef" (eq ($auth.method | default "kubernetes") "kubernetes"))) -}}
{{- fail (printf "secret-stores: stores[%d] (%s) logs in to Vault with method %q but has no vault.auth.%s. Add it, or change vault.auth.method." $index $store.name ($auth.method | default "kubernetes") (ternary "kubernetes" "tokenSecretRef" (eq ($auth.method | default "kubernetes") "kubernetes"))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
