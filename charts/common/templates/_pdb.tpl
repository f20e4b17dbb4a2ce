{{/*
common.pdb: a policy/v1 PodDisruptionBudget for the main workload's pods while `pdb.enabled`;
validated by common.validations.pdb (one of minAvailable/maxUnavailable, and satisfiable).
Usage: {{ include "common.pdb" (dict "root" $) }}
*/}}
{{- define "common.pdb" -}}
{{- $pdb := .root.Values.pdb | default dict -}}
{{- if $pdb.enabled -}}
{{- include "common.validations.pdb" . -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
{{ include "common.metadata" . }}
spec:
  {{- if and (not (kindIs "invalid" $pdb.minAvailable)) (ne (toString $pdb.minAvailable) "") }}
  minAvailable: {{ $pdb.minAvailable | toYaml }}
  {{- else }}
  maxUnavailable: {{ $pdb.maxUnavailable | toYaml }}
  {{- end }}
  {{- with $pdb.unhealthyPodEvictionPolicy }}
  unhealthyPodEvictionPolicy: {{ . }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}
