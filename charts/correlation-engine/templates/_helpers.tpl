{{/*
correlation-engine.configDir / correlation-engine.rulesDir: where config.yaml and the rule sets are
mounted. Every rule ConfigMap (the chart's and each of rules.extraConfigMaps) gets its own
directory `<rulesDir>/<configmap name>`.
*/}}
{{- define "correlation-engine.configDir" -}}/etc/correlation-engine/config{{- end -}}
{{- define "correlation-engine.rulesDir" -}}/etc/correlation-engine/rules{{- end -}}

{{/*
correlation-engine.headlessName: the governing headless Service that gives each replica its stable
DNS name `<fullname>-<ordinal>.<headless>.<namespace>.svc`.
*/}}
{{- define "correlation-engine.headlessName" -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" "headless") -}}
{{- end -}}

{{/*
correlation-engine.rulesConfigMap: name of the ConfigMap holding the chart's rule sets.
*/}}
{{- define "correlation-engine.rulesConfigMap" -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" "rules") -}}
{{- end -}}

{{/*
correlation-engine.ruleSets: the enabled rule sets as rendered into the ConfigMap (YAML map of set
name -> {name, description, rules}), every rule with `enabled` resolved.
*/}}
{{- define "correlation-engine.ruleSets" -}}
{{- $sets := dict -}}
{{- range $name, $set := .Values.rules.ruleSets -}}
{{- if dig "enabled" true $set -}}
{{- $rules := list -}}
{{- range $set.rules -}}
{{- $rule := deepCopy . -}}
{{- $_ := set $rule "enabled" (dig "enabled" true $rule) -}}
{{- $_ := set $rule "groupBy" ($rule.groupBy | default list) -}}
{{- $rules = append $rules $rule -}}
{{- end -}}
{{- $_ := set $sets $name (dict "name" $name "description" ($set.description | default "") "rules" $rules) -}}
{{- end -}}
{{- end -}}
{{- toYaml $sets -}}
{{- end -}}

{{/*
correlation-engine.validations: what the schema cannot express: replicas within the partition
count, unique rule ids, rule windows within the state's reach, something to correlate with, and
mount paths that do not collide.
*/}}
{{- define "correlation-engine.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $replicas := include "common.workload.replicaCount" (dict "root" $) | int -}}
{{- $partitions := .Values.streams.partitions | int -}}
{{- if gt $replicas $partitions -}}
{{- fail (printf "%s: replicaCount (%d) is above streams.partitions (%d), so %d replica(s) would own no partition and idle. Lower replicaCount or raise streams.partitions." $chart $replicas $partitions (sub $replicas $partitions)) -}}
{{- end -}}
{{- $maxWindow := include "common.utils.durationMilliseconds" (dict "duration" .Values.state.maxWindow) | int64 -}}
{{- $ids := dict -}}
{{- $sets := include "correlation-engine.ruleSets" . | fromYaml -}}
{{- range $setName := keys $sets | sortAlpha -}}
{{- range $index, $rule := (get $sets $setName).rules -}}
{{- $path := printf "rules.ruleSets.%s.rules[%d]" $setName $index -}}
{{- if hasKey $ids $rule.id -}}
{{- fail (printf "%s: %s has id %q, which %s already uses. Rule ids must be unique across all rule sets." $chart $path $rule.id (get $ids $rule.id)) -}}
{{- end -}}
{{- $_ := set $ids $rule.id $path -}}
{{- $window := include "common.utils.durationMilliseconds" (dict "duration" $rule.window) | int64 -}}
{{- if gt $window $maxWindow -}}
{{- fail (printf "%s: %s (%s) has window %s, longer than state.maxWindow (%s), so its events would be dropped before the window closes. Shorten the window or raise state.maxWindow." $chart $path $rule.id $rule.window $.Values.state.maxWindow) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and (not $sets) (not .Values.rules.extraConfigMaps) -}}
{{- fail (printf "%s: no rule set is enabled and rules.extraConfigMaps is empty, so the engine would correlate nothing. Enable a set under rules.ruleSets or add a ConfigMap to rules.extraConfigMaps." $chart) -}}
{{- end -}}
{{- if has (include "correlation-engine.rulesConfigMap" .) .Values.rules.extraConfigMaps -}}
{{- fail (printf "%s: rules.extraConfigMaps lists %s, the ConfigMap this chart renders from rules.ruleSets. Remove it from extraConfigMaps." $chart (include "correlation-engine.rulesConfigMap" .)) -}}
{{- end -}}
{{- $statePath := .Values.state.mountPath | trimSuffix "/" -}}
{{- range $taken := list "/tmp" "/etc/correlation-engine" (include "correlation-engine.configDir" .) (include "correlation-engine.rulesDir" .) -}}
{{- if or (eq $statePath $taken) (hasPrefix (printf "%s/" $taken) $statePath) (hasPrefix (printf "%s/" $statePath) $taken) -}}
{{- fail (printf "%s: state.mountPath (%s) overlaps %s, which the chart mounts already. Use a path of its own, e.g. /var/lib/correlation-engine." $chart $.Values.state.mountPath $taken) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
correlation-engine.ruleDirectories: every rule directory the engine loads (YAML list).
*/}}
{{- define "correlation-engine.ruleDirectories" -}}
{{- $dirs := list -}}
{{- if include "correlation-engine.ruleSets" . | fromYaml -}}
{{- $dirs = append $dirs (printf "%s/%s" (include "correlation-engine.rulesDir" .) (include "correlation-engine.rulesConfigMap" .)) -}}
{{- end -}}
{{- range .Values.rules.extraConfigMaps -}}
{{- $dirs = append $dirs (printf "%s/%s" (include "correlation-engine.rulesDir" $) .) -}}
{{- end -}}
{{- toYaml $dirs -}}
{{- end -}}

{{/*
correlation-engine.config: config.yaml of the engine. Listen ports and health paths come from
containerPorts and the probes; the Redis password is named by its variable only.
*/}}
{{- define "correlation-engine.config" -}}
{{- include "correlation-engine.validations" . -}}
{{- $streams := .Values.streams -}}
{{- $redis := .Values.redis -}}
{{- $redisConfig := dict
  "address" (printf "%s:%d" $redis.host ($redis.port | int))
  "database" ($redis.database | int)
  "keyPrefix" $redis.keyPrefix
  "tls" (dict "enabled" $redis.tls.enabled "serverName" ($redis.tls.serverName | default $redis.host))
-}}
{{- if $redis.auth.enabled -}}
{{- with $redis.auth.username -}}
{{- $_ := set $redisConfig "username" . -}}
{{- end -}}
{{- $_ := set $redisConfig "passwordEnv" "REDIS_PASSWORD" -}}
{{- end -}}
{{- if $redis.sentinel.enabled -}}
{{- if not $redis.sentinel.addresses -}}
{{- fail (printf "%s: redis.sentinel.enabled is true but redis.sentinel.addresses is empty. List the Sentinels of the redis chart, e.g. redis-0.redis-headless.data.svc.cluster.local:26379." (include "common.names.name" (dict "root" $))) -}}
{{- end -}}
{{- $_ := set $redisConfig "sentinel" (dict "masterName" $redis.sentinel.masterName "addresses" $redis.sentinel.addresses) -}}
{{- end -}}
{{- $upstreams := dict -}}
{{- range $name := list "ingestion" "enrichment" "notification" -}}
{{- $upstream := get $.Values.upstreams $name -}}
{{- $_ := set $upstreams $name (dict "url" $upstream.url "timeoutSeconds" ($upstream.timeoutSeconds | int)) -}}
{{- end -}}
{{- toYaml (dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" .Values.config.logLevel "format" .Values.config.logFormat)
  "cluster" (dict
    "replicas" (include "common.workload.replicaCount" (dict "root" $) | int)
    "identityEnv" "POD_NAME"
    "peerDomain" (printf "%s.%s.svc.%s" (include "correlation-engine.headlessName" .) .Release.Namespace (dig "clusterDomain" "cluster.local" (.Values.global | default dict))))
  "streams" (dict
    "inputs" $streams.inputs
    "output" $streams.output
    "partitions" ($streams.partitions | int)
    "consumerGroup" $streams.consumerGroup
    "readCount" ($streams.readCount | int)
    "blockMilliseconds" ($streams.blockMilliseconds | int))
  "state" (dict
    "directory" .Values.state.mountPath
    "persistent" .Values.persistence.enabled
    "maxWindow" .Values.state.maxWindow
    "checkpointIntervalSeconds" (.Values.state.checkpointIntervalSeconds | int))
  "rules" (dict
    "directories" (include "correlation-engine.ruleDirectories" . | fromYamlArray)
    "reloadIntervalSeconds" (.Values.rules.reloadIntervalSeconds | int))
  "redis" $redisConfig
  "upstreams" $upstreams
) -}}
{{- end -}}

{{/*
correlation-engine.configData / correlation-engine.rulesData: the data of the two ConfigMaps (file
name -> content). Only config.yaml is checksummed into the pods: the engine re-reads rule files every
rules.reloadIntervalSeconds, so a rule change needs no restart.
*/}}
{{- define "correlation-engine.configData" -}}
config.yaml: {{ include "correlation-engine.config" . | quote }}
{{- end -}}

{{- define "correlation-engine.rulesData" -}}
{{- range $name, $set := include "correlation-engine.ruleSets" . | fromYaml }}
{{ printf "%s.yaml" $name }}: {{ toYaml $set | quote }}
{{- end }}
{{- end -}}

{{/*
correlation-engine.env: the container's own environment variables (YAML list). POD_NAME carries the
replica's ordinal, which decides the partitions it owns.
*/}}
{{- define "correlation-engine.env" -}}
- name: CORRELATION_ENGINE_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "correlation-engine.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if .Values.redis.auth.enabled }}
{{ include "common.env.secretVar" (dict "root" $ "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
{{- end }}
{{- end -}}

{{/*
correlation-engine.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "correlation-engine.secretRefs" -}}
{{- $refs := dict -}}
{{- if .Values.redis.auth.enabled -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
correlation-engine.volumes / correlation-engine.volumeMounts: the configuration, every rule
ConfigMap, and (without persistence) an emptyDir for the state. With persistence the state volume
comes from the StatefulSet's volumeClaimTemplates and is mounted by the statefulset template.
*/}}
{{- define "correlation-engine.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- if include "correlation-engine.ruleSets" . | fromYaml }}
- name: rules
  configMap:
    name: {{ include "correlation-engine.rulesConfigMap" . }}
{{- end }}
{{- range $index, $name := .Values.rules.extraConfigMaps }}
- name: {{ printf "extra-rules-%d" $index }}
  configMap:
    name: {{ $name }}
{{- end }}
{{- if not .Values.persistence.enabled }}
- name: state
  emptyDir:
    sizeLimit: {{ .Values.persistence.emptyDirSizeLimit }}
{{- end }}
{{- end -}}

{{- define "correlation-engine.volumeMounts" -}}
- name: config
  mountPath: {{ include "correlation-engine.configDir" . }}
  readOnly: true
{{- if include "correlation-engine.ruleSets" . | fromYaml }}
- name: rules
  mountPath: {{ printf "%s/%s" (include "correlation-engine.rulesDir" .) (include "correlation-engine.rulesConfigMap" .) }}
  readOnly: true
{{- end }}
{{- range $index, $name := .Values.rules.extraConfigMaps }}
- name: {{ printf "extra-rules-%d" $index }}
  mountPath: {{ printf "%s/%s" (include "correlation-engine.rulesDir" $) $name }}
  readOnly: true
{{- end }}
{{- if not .Values.persistence.enabled }}
- name: state
  mountPath: {{ .Values.state.mountPath }}
{{- end }}
{{- end -}}

{{/*
correlation-engine.podTemplate: common's pod template plus, with persistence, the mount of the
`state` claim. The claim is not a pod volume (the StatefulSet controller adds it from
volumeClaimTemplates), so the mount is added after common has validated the pod's own volumes.
*/}}
{{- define "correlation-engine.podTemplate" -}}
{{- $pod := include "common.workload.podTemplate" (dict
  "root" $
  "env" (include "correlation-engine.env" .)
  "volumes" (include "correlation-engine.volumes" .)
  "volumeMounts" (include "correlation-engine.volumeMounts" .)
  "podAnnotations" (dict "checksum/config" (include "common.configMap.checksum" (dict "data" (include "correlation-engine.configData" . | fromYaml))))
) | fromYaml -}}
{{- if .Values.persistence.enabled -}}
{{- $container := index $pod.spec.containers 0 -}}
{{- $_ := set $container "volumeMounts" (append $container.volumeMounts (dict "name" "state" "mountPath" .Values.state.mountPath)) -}}
{{- end -}}
{{- toYaml $pod -}}
{{- end -}}
