{{/*
Names and addresses of the redis chart. Every object is prefixed by the full name (`redis` when the
release is called `redis`): the StatefulSet and its pods `<name>-<n>`, the Services `<name>-headless`
and `<name>-master`, the Secret `<name>-passwords`, the ConfigMap `<name>-config`.
*/}}

{{/*
redis.sentinel: "true" in mode `sentinel`.
*/}}
{{- define "redis.sentinel" -}}
{{- if eq .Values.mode "sentinel" -}}true{{- end -}}
{{- end -}}

{{/*
redis.headless: the headless Service that gives every pod its stable host name.
*/}}
{{- define "redis.headless" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "headless") -}}
{{- end -}}

{{/*
redis.master: the Service of the standalone server (mode `standalone`).
*/}}
{{- define "redis.master" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "master") -}}
{{- end -}}

{{/*
redis.domain: `<name>-headless.<namespace>.svc.<clusterDomain>`, the domain of the pods' host names.
*/}}
{{- define "redis.domain" -}}
{{- $domain := dig "clusterDomain" "cluster.local" (.Values.global | default dict) -}}
{{- printf "%s.%s.svc.%s" (include "redis.headless" .) .Release.Namespace $domain -}}
{{- end -}}

{{/*
redis.podHost: the host name of pod number `ordinal`, which Sentinel announces and clients connect to.
Usage: {{ include "redis.podHost" (dict "root" $ "ordinal" 0) }}
*/}}
{{- define "redis.podHost" -}}
{{- printf "%s-%d.%s" (include "common.names.fullname" (dict "root" .root)) (.ordinal | int) (include "redis.domain" .root) -}}
{{- end -}}

{{/*
redis.masterHost: the host name of the standalone Service.
*/}}
{{- define "redis.masterHost" -}}
{{- $domain := dig "clusterDomain" "cluster.local" (.Values.global | default dict) -}}
{{- printf "%s.%s.svc.%s" (include "redis.master" .) .Release.Namespace $domain -}}
{{- end -}}

{{/*
redis.passwordsSecret: the Secret holding one key per user: the Secret `<name>-passwords` written by the
chart's ExternalSecret (`auth.passwords.source: externalSecret`), or `auth.passwords.existingSecret`.
*/}}
{{- define "redis.passwordsSecret" -}}
{{- if eq .Values.auth.passwords.source "externalSecret" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "passwords") -}}
{{- else -}}
{{- .Values.auth.passwords.existingSecret -}}
{{- end -}}
{{- end -}}

{{/*
redis.configName: the ConfigMap holding the configuration files and the scripts.
*/}}
{{- define "redis.configName" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "config") -}}
{{- end -}}
