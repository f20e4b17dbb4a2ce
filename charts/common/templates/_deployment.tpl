{{/*
Workload skeleton shared by the Deployment (here) and the Argo Rollout (_rollout.tpl).

Arguments every workload helper accepts besides "root" (all optional):
  env           YAML list (string) of the chart's own EnvVars, rendered before extraEnv and secretEnv
  volumes       YAML list (string) of the chart's own volumes (e.g. its ConfigMap)
  volumeMounts  YAML list (string) of the chart's own mounts
  podAnnotations dict of annotations the chart adds (e.g. a config checksum)
  command, args lists overriding the image's entrypoint/arguments
  component     `app.kubernetes.io/component` (default `.Values.component`)
*/}}

{{/*
common.workload: the chart's main workload: an Argo Rollout when `rollout.enabled`, else a
Deployment. Runs common.validations.all first.
Usage: {{ include "common.workload" (dict "root" $ "env" (include "mychart.env" $) "volumes" (include "mychart.volumes" $) "volumeMounts" (include "mychart.volumeMounts" $) "podAnnotations" (dict "checksum/config" "...")) }}
*/}}
{{- define "common.workload" -}}
{{- include "common.validations.all" . -}}
{{- if dig "enabled" false (.root.Values.rollout | default dict) -}}
{{- include "common.rollout" . -}}
{{- else -}}
{{- include "common.deployment" . -}}
{{- end -}}
{{- end -}}

{{/*
common.workload.replicas: the `replicas:` line, left out while the HPA owns the replica count.
Usage: {{- with include "common.workload.replicas" (dict "root" $) | trim }}{{ . | nindent 2 }}{{ end }}
*/}}
{{- define "common.workload.replicas" -}}
{{- if not (dig "enabled" false (.root.Values.autoscaling | default dict)) -}}
replicas: {{ include "common.workload.replicaCount" . }}
{{- end -}}
{{- end -}}

{{/*
common.workload.replicaCount: `replicaCount` as an integer (an explicit 0 is kept; 1 when the chart
has no such key).
Usage: {{ include "common.workload.replicaCount" (dict "root" $) | int }}
*/}}
{{- define "common.workload.replicaCount" -}}
{{- ternary .root.Values.replicaCount 1 (hasKey .root.Values "replicaCount") | int -}}
{{- end -}}

{{/*
common.workload.revisionHistoryLimit: `revisionHistoryLimit` as an integer (3 when the chart has no
such key).
Usage: {{ include "common.workload.revisionHistoryLimit" (dict "root" $) }}
*/}}
{{- define "common.workload.revisionHistoryLimit" -}}
{{- ternary .root.Values.revisionHistoryLimit 3 (hasKey .root.Values "revisionHistoryLimit") | int -}}
{{- end -}}

{{/*
common.deployment: an apps/v1 Deployment (rolling update that never drops below the desired count).
Usage: {{ include "common.deployment" (dict "root" $ ...workload arguments...) }}
*/}}
{{- define "common.deployment" -}}
apiVersion: apps/v1
kind: Deployment
{{ include "common.metadata" . }}
spec:
  {{- with include "common.workload.replicas" . | trim }}
  {{- . | nindent 2 }}
  {{- end }}
  revisionHistoryLimit: {{ include "common.workload.revisionHistoryLimit" . }}
  selector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    {{- include "common.workload.podTemplate" . | nindent 4 }}
{{- end -}}

{{/*
common.workload.podTemplate: the pod template (metadata and spec) of the main workload: one
container running as non-root with a read-only root filesystem and an emptyDir at /tmp, resources,
probes, the ServiceAccount without API token unless asked, pull secrets, scheduling and topology spread.
Usage: {{- include "common.workload.podTemplate" (dict "root" $ ...workload arguments...) | nindent 4 }}
*/}}
{{- define "common.workload.podTemplate" -}}
{{- $root := .root -}}
{{- $values := .root.Values -}}
{{- $name := include "common.names.name" . -}}
{{- $annotations := merge (deepCopy (.podAnnotations | default dict)) (deepCopy ($values.podAnnotations | default dict)) -}}
{{- $istio := $values.istio | default dict -}}
{{- if $istio.enabled -}}
{{- $excluded := list -}}
{{- range (dig "sidecar" "excludeInboundPorts" list $istio) -}}
{{- $excluded = append $excluded (include "common.utils.portNumber" (dict "root" $root "port" . "path" "istio.sidecar.excludeInboundPorts")) -}}
{{- end -}}
{{- if $excluded -}}
{{- $_ := set $annotations "traffic.sidecar.istio.io/excludeInboundPorts" ($excluded | uniq | join ",") -}}
{{- end -}}
{{- end -}}
{{- $volumes := list (dict "name" "tmp" "emptyDir" dict) -}}
{{- with .volumes }}{{ $volumes = concat $volumes (fromYamlArray .) }}{{ end -}}
{{- $volumes = concat $volumes ($values.extraVolumes | default list) -}}
{{- $mounts := list (dict "name" "tmp" "mountPath" "/tmp") -}}
{{- with .volumeMounts }}{{ $mounts = concat $mounts (fromYamlArray .) }}{{ end -}}
{{- $mounts = concat $mounts ($values.extraVolumeMounts | default list) -}}
{{- include "common.validations.volumes" (dict "root" $root "volumes" $volumes "mounts" $mounts) -}}
metadata:
  labels:
    {{- include "common.labels.pod" . | nindent 4 }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ include "common.names.serviceAccount" . }}
  automountServiceAccountToken: {{ dig "automountServiceAccountToken" false ($values.serviceAccount | default dict) }}
  enableServiceLinks: false
  securityContext:
    {{- include "common.securityContext.pod" . | nindent 4 }}
  {{- with include "common.images.pullSecrets" . | trim }}
  {{- . | nindent 2 }}
  {{- end }}
  {{- with $values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds | default 30 | int }}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with include "common.workload.topologySpread" . | trim }}
  {{- . | nindent 2 }}
  {{- end }}
  containers:
    - name: {{ $name }}
      image: {{ include "common.images.image" . }}
      imagePullPolicy: {{ dig "pullPolicy" "IfNotPresent" ($values.image | default dict) }}
      {{- with .command }}
      command:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .args }}
      args:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.containerPorts }}
      ports:
        {{- range $portName, $port := . }}
        - name: {{ $portName }}
          containerPort: {{ $port | int }}
          protocol: TCP
        {{- end }}
      {{- end }}
      {{- with include "common.env.container" . | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      {{- with include "common.probes.container" . | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      resources:
        {{- include "common.resources.render" . | nindent 8 }}
      securityContext:
        {{- include "common.securityContext.container" . | nindent 8 }}
      volumeMounts:
        {{- toYaml $mounts | nindent 8 }}
  volumes:
    {{- toYaml $volumes | nindent 4 }}
{{- end -}}

{{/*
common.workload.topologySpread: the `topologySpreadConstraints:` entry from the zone/hostname toggles
and `custom` constraints of `topologySpreadConstraints`; each selects the workload's own pods unless
it brings a labelSelector. Nothing when no constraint is enabled.
Usage: {{- with include "common.workload.topologySpread" (dict "root" $) | trim }}{{ . | nindent 6 }}{{ end }}
*/}}
{{- define "common.workload.topologySpread" -}}
{{- $spread := .root.Values.topologySpreadConstraints | default dict -}}
{{- $selector := dict "matchLabels" (include "common.labels.matchLabels" . | fromYaml) -}}
{{- $constraints := list -}}
{{- range $toggle := list (list "zone" "topology.kubernetes.io/zone") (list "hostname" "kubernetes.io/hostname") -}}
{{- $settings := get $spread (index $toggle 0) | default dict -}}
{{- if $settings.enabled -}}
{{- $constraints = append $constraints (dict "maxSkew" ($settings.maxSkew | default 1 | int) "topologyKey" (index $toggle 1) "whenUnsatisfiable" ($settings.whenUnsatisfiable | default "ScheduleAnyway") "labelSelector" $selector) -}}
{{- end -}}
{{- end -}}
{{- range ($spread.custom | default list) -}}
{{- $constraint := deepCopy . -}}
{{- if not (hasKey $constraint "labelSelector") -}}
{{- $_ := set $constraint "labelSelector" $selector -}}
{{- end -}}
{{- $constraints = append $constraints $constraint -}}
{{- end -}}
{{- with $constraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}
