{{/*
common.securityContext.pod: the pod `securityContext` body from `podSecurityContext`, on top of
Pod Security Standard "restricted" defaults (runAsNonRoot, UID/GID 10001, seccomp RuntimeDefault),
so a chart that forgets the key is still compliant. Empty strings and lists are left out.
Usage: {{ include "common.securityContext.pod" (dict "root" $ "context" .Values.podSecurityContext) | nindent 8 }}
*/}}
{{- define "common.securityContext.pod" -}}
{{- $defaults := dict "runAsNonRoot" true "runAsUser" 10001 "runAsGroup" 10001 "fsGroup" 10001 "fsGroupChangePolicy" "OnRootMismatch" -}}
{{- $context := deepCopy (.context | default .root.Values.podSecurityContext | default dict) -}}
{{- include "common.utils.setDefaults" (dict "target" $context "defaults" $defaults) -}}
{{- $out := dict -}}
{{- range $key := list "runAsNonRoot" "runAsUser" "runAsGroup" "fsGroup" "fsGroupChangePolicy" "supplementalGroups" -}}
{{- $value := get $context $key -}}
{{- if or (kindIs "bool" $value) (kindIs "float64" $value) (kindIs "int" $value) (kindIs "int64" $value) (not (empty $value)) -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- $_ := set $out "seccompProfile" (include "common.securityContext.seccompProfile" (dict "profile" $context.seccompProfile) | fromYaml) -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
common.securityContext.container: the container `securityContext` body from
`containerSecurityContext`, on top of restricted defaults (no privilege escalation, not privileged,
runAsNonRoot, read-only root filesystem, all capabilities dropped, seccomp RuntimeDefault).
Usage: {{ include "common.securityContext.container" (dict "root" $ "context" .Values.containerSecurityContext) | nindent 12 }}
*/}}
{{- define "common.securityContext.container" -}}
{{- $defaults := dict "runAsNonRoot" true "allowPrivilegeEscalation" false "privileged" false "readOnlyRootFilesystem" true -}}
{{- $context := deepCopy (.context | default .root.Values.containerSecurityContext | default dict) -}}
{{- include "common.utils.setDefaults" (dict "target" $context "defaults" $defaults) -}}
{{- $out := dict -}}
{{- range $key := list "runAsNonRoot" "allowPrivilegeEscalation" "privileged" "readOnlyRootFilesystem" -}}
{{- $_ := set $out $key (get $context $key) -}}
{{- end -}}
{{- $capabilities := $context.capabilities | default dict -}}
{{- $caps := dict "drop" ($capabilities.drop | default (list "ALL")) -}}
{{- with $capabilities.add -}}
{{- $_ := set $caps "add" . -}}
{{- end -}}
{{- $_ := set $out "capabilities" $caps -}}
{{- $_ := set $out "seccompProfile" (include "common.securityContext.seccompProfile" (dict "profile" $context.seccompProfile) | fromYaml) -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
common.securityContext.seccompProfile: a `seccompProfile` body; `RuntimeDefault` unless the given
profile says `Localhost` (then with its `localhostProfile`).
Usage: {{ include "common.securityContext.seccompProfile" (dict "profile" .Values.podSecurityContext.seccompProfile) }}
*/}}
{{- define "common.securityContext.seccompProfile" -}}
{{- $profile := .profile | default dict -}}
{{- if eq ($profile.type | default "RuntimeDefault") "Localhost" -}}
type: Localhost
localhostProfile: {{ $profile.localhostProfile | quote }}
{{- else -}}
type: RuntimeDefault
{{- end -}}
{{- end -}}
