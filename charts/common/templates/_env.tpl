{{/*
common.secrets.source: which side of a secret reference (schemas/definitions/secret-ref.json) is
used: `existingSecret` or `externalSecret`. Fails, naming the values path, when neither or both are
set, when an existing Secret has no key, or when an external secret has no store.
Usage: {{ include "common.secrets.source" (dict "root" $ "ref" .Values.redis.auth.password "path" "redis.auth.password") }}
*/}}
{{- define "common.secrets.source" -}}
{{- $ref := .ref | default dict -}}
{{- $chart := include "common.names.name" . -}}
{{- $existingName := dig "existingSecret" "name" "" $ref -}}
{{- $existingKey := dig "existingSecret" "key" "" $ref -}}
{{- $remoteKey := dig "externalSecret" "remoteRef" "key" "" $ref -}}
{{- $store := dig "externalSecret" "secretStoreRef" "name" "" $ref -}}
{{- if and $existingName $remoteKey -}}
{{- fail (printf "%s: %s sets both existingSecret.name and externalSecret.remoteRef.key. Keep exactly one of them." $chart .path) -}}
{{- else if $existingName -}}
{{- if not $existingKey -}}
{{- fail (printf "%s: %s.existingSecret names Secret %q but no key. Set %s.existingSecret.key to the key holding the value." $chart .path $existingName .path) -}}
{{- end -}}
existingSecret
{{- else if $remoteKey -}}
{{- if not $store -}}
{{- fail (printf "%s: %s.externalSecret reads %q but names no store. Set %s.externalSecret.secretStoreRef.name." $chart .path $remoteKey .path) -}}
{{- end -}}
externalSecret
{{- else -}}
{{- if $existingKey -}}
{{- fail (printf "%s: %s.existingSecret has key %q but no Secret name. Set %s.existingSecret.name." $chart .path $existingKey .path) -}}
{{- end -}}
{{- fail (printf "%s: %s references no secret. Set %s.existingSecret.{name,key} or %s.externalSecret.{secretStoreRef.name,remoteRef.key}." $chart .path .path .path) -}}
{{- end -}}
{{- end -}}

{{/*
common.secrets.keyRef: the `secretKeyRef` body (name, key) of a secret reference. An external secret
is read from the Secret its ExternalSecret creates, `<fullname>-<suffix>`, key `value`.
Usage: {{ include "common.secrets.keyRef" (dict "root" $ "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") | nindent 14 }}
*/}}
{{- define "common.secrets.keyRef" -}}
{{- if eq (include "common.secrets.source" .) "existingSecret" -}}
name: {{ .ref.existingSecret.name }}
key: {{ .ref.existingSecret.key | quote }}
{{- else -}}
name: {{ include "common.names.suffixed" . }}
key: value
{{- end -}}
{{- end -}}

{{/*
common.env.secretVar: one environment variable read from a secret reference.
Usage: {{ include "common.env.secretVar" (dict "root" $ "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
*/}}
{{- define "common.env.secretVar" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      {{- include "common.secrets.keyRef" . | nindent 6 }}
{{- end -}}

{{/*
common.env.secretEnvRefs: the `secretEnv` entries as a YAML map of ExternalSecret suffix ->
{name, ref, path}, the form common.env.container and common.externalSecrets consume.
Usage: {{ include "common.env.secretEnvRefs" (dict "root" $) | fromYaml }}
*/}}
{{- define "common.env.secretEnvRefs" -}}
{{- $refs := dict -}}
{{- range $name, $ref := (.root.Values.secretEnv | default dict) -}}
{{- $suffix := printf "env-%s" ($name | lower | replace "_" "-") -}}
{{- $_ := set $refs $suffix (dict "name" $name "ref" $ref "path" (printf "secretEnv.%s" $name)) -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
common.env.container: the `env:` entry of the main container: the chart's own variables (`env`, a
YAML list), then `extraEnv` (order kept), then `secretEnv` (sorted by name); nothing when empty.
Fails when a variable is set twice or an `extraEnv` entry has both `value` and `valueFrom`.
Usage: {{- with include "common.env.container" (dict "root" $ "env" (include "mychart.env" $)) | trim }}{{ . | nindent 10 }}{{ end }}
*/}}
{{- define "common.env.container" -}}
{{- $root := .root -}}
{{- $chart := include "common.names.name" . -}}
{{- $items := list -}}
{{- with .env -}}
{{- $items = concat $items (fromYamlArray .) -}}
{{- end -}}
{{- range $index, $var := ($root.Values.extraEnv | default list) -}}
{{- if and (hasKey $var "value") (hasKey $var "valueFrom") -}}
{{- fail (printf "%s: extraEnv[%d] (%s) sets both value and valueFrom. Keep one of them." $chart $index $var.name) -}}
{{- end -}}
{{- $items = append $items $var -}}
{{- end -}}
{{- range $suffix, $entry := (include "common.env.secretEnvRefs" . | fromYaml) -}}
{{- $items = append $items (include "common.env.secretVar" (dict "root" $root "name" $entry.name "ref" $entry.ref "path" $entry.path "suffix" $suffix) | fromYamlArray | first) -}}
{{- end -}}
{{- $seen := dict -}}
{{- range $items -}}
{{- if hasKey $seen .name -}}
{{- fail (printf "%s: environment variable %s is set twice (chart defaults, extraEnv and secretEnv share one namespace). Remove one of them." $chart .name) -}}
{{- end -}}
{{- $_ := set $seen .name true -}}
{{- end -}}
{{- if $items }}
env:
  {{- toYaml $items | nindent 2 }}
{{- end -}}
{{- end -}}

{{/*
common.externalSecrets: one `external-secrets.io/v1` ExternalSecret per secret reference that uses
`externalSecret`: the chart's own references (`refs`: suffix -> {ref, path}) and every `secretEnv`
entry. Each creates the Secret `<fullname>-<suffix>` with the value under key `value`.
Usage: {{ include "common.externalSecrets" (dict "root" $ "refs" (dict "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password"))) }}
*/}}
{{- define "common.externalSecrets" -}}
{{- $root := .root -}}
{{- $all := merge (deepCopy (.refs | default dict)) (include "common.env.secretEnvRefs" . | fromYaml) -}}
{{- range $suffix, $entry := $all -}}
{{- if eq (include "common.secrets.source" (dict "root" $root "ref" $entry.ref "path" $entry.path)) "externalSecret" }}
{{- $external := $entry.ref.externalSecret }}
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
{{ include "common.metadata" (dict "root" $root "suffix" $suffix) }}
spec:
  refreshInterval: {{ $external.refreshInterval | default "1h" | quote }}
  secretStoreRef:
    name: {{ $external.secretStoreRef.name }}
    kind: {{ $external.secretStoreRef.kind | default "ClusterSecretStore" }}
  target:
    name: {{ include "common.names.suffixed" (dict "root" $root "suffix" $suffix) }}
    creationPolicy: Owner
  data:
    - secretKey: value
      remoteRef:
        key: {{ $external.remoteRef.key | quote }}
        {{- with $external.remoteRef.property }}
        property: {{ . | quote }}
        {{- end }}
        {{- with $external.remoteRef.version }}
        version: {{ . | quote }}
        {{- end }}
{{- end }}
{{- end -}}
{{- end -}}

{{/*
common.secrets.fileVolume: a `secret` volume (list item) that holds one secret reference as the single
file `fileName`: the existing Secret's key, or the key `value` of the Secret `<fullname>-<suffix>` its
ExternalSecret creates (list the reference in the chart's common.externalSecrets refs too).
Usage: {{ include "common.secrets.fileVolume" (dict "root" $ "name" "postgresql-ca" "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate" "suffix" "postgresql-ca" "fileName" "ca.crt") }}
*/}}
{{- define "common.secrets.fileVolume" -}}
{{- $keyRef := include "common.secrets.keyRef" . | fromYaml -}}
- name: {{ .name }}
  secret:
    secretName: {{ $keyRef.name }}
    items:
      - key: {{ $keyRef.key | quote }}
        path: {{ .fileName }}
{{- end -}}
