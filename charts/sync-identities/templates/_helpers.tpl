{{/*
sync-identities.name: the name of every object of one namespace's sync identity. The ServiceAccount
is the one the platform and application AppProjects name in destinationServiceAccounts
(tools/src/gitops/sync-identities.ts SYNC_SERVICE_ACCOUNT); the cluster-scoped objects carry the
namespace in their name.
*/}}
{{- define "sync-identities.serviceAccount" -}}argocd-sync{{- end -}}

{{/* metadata of one object: name, optional namespace, the standard labels. Usage: include "sync-identities.metadata" (dict "root" $ "name" $name "namespace" $ns) */}}
{{- define "sync-identities.metadata" -}}
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root) | nindent 4 }}
{{- end -}}
