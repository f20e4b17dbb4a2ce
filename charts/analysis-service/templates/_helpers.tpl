{{/*
analysis-service.configDir: the directory the ConfigMap is mounted at; the API and the workers read
config.yaml from it.
*/}}
{{- define "analysis-service.configDir" -}}/etc/analysis-service{{- end -}}

{{/*
analysis-service.workerTypes: every analysis type the chart knows, in a fixed order (YAML list).
*/}}
{{- define "analysis-service.workerTypes" -}}
- sast
- dast
- dependency
- secrets
{{- end -}}

{{/*
analysis-service.enabledWorkers: the analysis types whose workers run (YAML list, fixed order).
*/}}
{{- define "analysis-service.enabledWorkers" -}}
{{- $enabled := list -}}
{{- range $type := include "analysis-service.workerTypes" . | fromYamlArray -}}
{{- if (get $.Values.workers $type).enabled -}}
{{- $enabled = append $enabled $type -}}
{{- end -}}
{{- end -}}
{{- toYaml $enabled -}}
{{- end -}}

{{/*
analysis-service.stream: the Redis stream an analysis type is queued on.
Usage: {{ include "analysis-service.stream" (dict "root" $ "type" "sast") }}
*/}}
{{- define "analysis-service.stream" -}}
{{- (get .root.Values.workers .type).stream | default (printf "%s%s" .root.Values.queue.streamPrefix .type) -}}
{{- end -}}

{{/*
analysis-service.validations: at least one analysis type runs, and each enabled worker's own
resources, autoscaling and disruption budget make sense. These run before common's checks, which
would report the same problems under the API's value paths.
*/}}
{{- define "analysis-service.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $enabled := include "analysis-service.enabledWorkers" . | fromYamlArray -}}
{{- if not $enabled -}}
{{- fail (printf "%s: workers enables no analysis type, so every queued analysis would wait forever. Enable at least one of workers.sast, workers.dast, workers.dependency, workers.secrets." $chart) -}}
{{- end -}}
{{- $streams := dict -}}
{{- range $type := $enabled -}}
{{- $worker := get $.Values.workers $type -}}
{{- $path := printf "workers.%s" $type -}}
{{- $stream := include "analysis-service.stream" (dict "root" $ "type" $type) -}}
{{- if hasKey $streams $stream -}}
{{- fail (printf "%s: %s.stream and workers.%s consume the same stream %q, so each would receive the other's analyses. Give each type its own stream." $chart $path (get $streams $stream) $stream) -}}
{{- end -}}
{{- $_ := set $streams $stream $type -}}
{{- if eq $stream $.Values.queue.deadLetterStream -}}
{{- fail (printf "%s: %s consumes %q, which is queue.deadLetterStream. Use another stream." $chart $path $stream) -}}
{{- end -}}
{{- if not $worker.resources -}}
{{- fail (printf "%s: %s.resources is missing. Every worker needs CPU and memory requests and limits; set %s.resources.requests and %s.resources.limits." $chart $path $path $path) -}}
{{- end -}}
{{- include "common.validations.resources" (dict "root" $ "resources" $worker.resources "path" (printf "%s.resources" $path)) -}}
{{- $hpa := $worker.autoscaling -}}
{{- if $hpa.enabled -}}
{{- if gt ($hpa.minReplicas | int) ($hpa.maxReplicas | int) -}}
{{- fail (printf "%s: %s.autoscaling.minReplicas (%d) is greater than %s.autoscaling.maxReplicas (%d). Lower minReplicas or raise maxReplicas." $chart $path ($hpa.minReplicas | int) $path ($hpa.maxReplicas | int)) -}}
{{- end -}}
{{- if and (not ($hpa.targetCPUUtilizationPercentage | int)) (not ($hpa.targetMemoryUtilizationPercentage | int)) (not $hpa.customMetrics) -}}
{{- fail (printf "%s: %s.autoscaling is enabled without a metric. Set its targetCPUUtilizationPercentage, targetMemoryUtilizationPercentage or customMetrics." $chart $path) -}}
{{- end -}}
{{- end -}}
{{- $pdb := $worker.pdb -}}
{{- if $pdb.enabled -}}
{{- $min := toString $pdb.minAvailable -}}
{{- $max := toString $pdb.maxUnavailable -}}
{{- if and (ne $min "") (ne $max "") -}}
{{- fail (printf "%s: %s.pdb sets both minAvailable (%s) and maxUnavailable (%s). Kubernetes accepts only one; set the other to \"\"." $chart $path $min $max) -}}
{{- end -}}
{{- if and (eq $min "") (eq $max "") -}}
{{- fail (printf "%s: %s.pdb is enabled but neither minAvailable nor maxUnavailable is set. Set one of them (e.g. %s.pdb.maxUnavailable: 1)." $chart $path $path) -}}
{{- end -}}
{{- if not $hpa.enabled -}}
{{- $replicas := $worker.replicaCount | int -}}
{{- if and (ne $min "") (ge ((trimSuffix "%" $min) | atoi) (ternary 100 $replicas (hasSuffix "%" $min))) -}}
{{- fail (printf "%s: %s.pdb.minAvailable (%s) with %s.replicaCount %d and autoscaling disabled leaves no pod evictable, so node drains hang. Raise replicaCount, enable autoscaling, lower minAvailable or disable the pdb." $chart $path $min $path $replicas) -}}
{{- end -}}
{{- if or (eq $max "0") (eq $max "0%") -}}
{{- fail (printf "%s: %s.pdb.maxUnavailable is %s, so no pod is ever evictable and node drains hang. Use at least 1." $chart $path $max) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
analysis-service.config: config.yaml of the API and the workers. Listen ports and health paths come
from containerPorts and the probes; the Redis password is named by its variable only.
*/}}
{{- define "analysis-service.config" -}}
{{- include "analysis-service.validations" . -}}
{{- $queue := .Values.queue -}}
{{- $redis := .Values.redis -}}
{{- $streams := dict -}}
{{- $workers := dict -}}
{{- range $type := include "analysis-service.workerTypes" . | fromYamlArray -}}
{{- $worker := get $.Values.workers $type -}}
{{- $stream := include "analysis-service.stream" (dict "root" $ "type" $type) -}}
{{- $_ := set $workers $type (dict "enabled" $worker.enabled "stream" $stream "concurrency" ($worker.concurrency | int) "timeoutSeconds" ($worker.timeoutSeconds | int)) -}}
{{- end -}}
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
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path
    "maxRequestBytes" (.Values.config.maxRequestBytes | int64))
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" .Values.config.logLevel "format" .Values.config.logFormat)
  "queue" (dict
    "consumerGroup" $queue.consumerGroup
    "readCount" ($queue.readCount | int)
    "blockMilliseconds" ($queue.blockMilliseconds | int)
    "claimIdleSeconds" ($queue.claimIdleSeconds | int)
    "maxDeliveries" ($queue.maxDeliveries | int)
    "deadLetterStream" $queue.deadLetterStream
    "maxLength" ($queue.maxLength | int64))
  "workers" $workers
  "redis" $redisConfig
  "upstreams" (dict
    "enrichment" (dict "url" .Values.upstreams.enrichment.url "timeoutSeconds" (.Values.upstreams.enrichment.timeoutSeconds | int))
    "scannerManager" (dict "url" .Values.upstreams.scannerManager.url "timeoutSeconds" (.Values.upstreams.scannerManager.timeoutSeconds | int)))
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
analysis-service.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and
the checksum annotation of every pod.
*/}}
{{- define "analysis-service.configData" -}}
config.yaml: {{ include "analysis-service.config" . | quote }}
{{- end -}}

{{/*
analysis-service.env: the environment of the API (no `type`) or of a worker (YAML list).
Usage: {{ include "analysis-service.env" (dict "root" $ "type" "sast") }}
*/}}
{{- define "analysis-service.env" -}}
{{- $root := .root -}}
- name: ANALYSIS_SERVICE_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "analysis-service.configDir" $root) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- with .type }}
- name: ANALYSIS_WORKER_TYPE
  value: {{ . | quote }}
{{- end }}
{{- if $root.Values.redis.auth.enabled }}
{{ include "common.env.secretVar" (dict "root" $root "name" "REDIS_PASSWORD" "ref" $root.Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
{{- end }}
{{- end -}}

{{/*
analysis-service.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "analysis-service.secretRefs" -}}
{{- $refs := dict -}}
{{- if .Values.redis.auth.enabled -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
analysis-service.volumes / analysis-service.volumeMounts: the ConfigMap volume and its read-only
mount, shared by the API and the workers.
*/}}
{{- define "analysis-service.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- end -}}

{{- define "analysis-service.volumeMounts" -}}
- name: config
  mountPath: {{ include "analysis-service.configDir" . }}
  readOnly: true
{{- end -}}

{{/*
analysis-service.podAnnotations: the config checksum every pod carries, so a change rolls them all.
*/}}
{{- define "analysis-service.podAnnotations" -}}
checksum/config: {{ include "common.configMap.checksum" (dict "data" (include "analysis-service.configData" . | fromYaml)) }}
{{- end -}}

{{/*
analysis-service.workerValues: the chart's values as one worker Deployment sees them (YAML), so the
common object helpers render the worker's Deployment, HPA, PDB, Service, NetworkPolicy,
AuthorizationPolicy and ServiceMonitor unchanged: named `<fullname>-worker-<type>`, component
`worker-<type>`, the worker's own replicas, resources, autoscaling and budget, the shared
ServiceAccount, the Secrets of `secretEnv` as the API's ExternalSecrets create them, a metrics-only
Service, and no callers (workers only pull from Redis).
Usage: {{ include "analysis-service.workerValues" (dict "root" $ "type" "sast") | fromYaml }}
*/}}
{{- define "analysis-service.workerValues" -}}
{{- $root := .root -}}
{{- $worker := get $root.Values.workers .type -}}
{{- $values := deepCopy $root.Values -}}
{{- $_ := set $values "fullnameOverride" (include "common.names.suffixed" (dict "root" $root "suffix" (printf "worker-%s" .type))) -}}
{{- $_ := set $values "component" (printf "worker-%s" .type) -}}
{{- $_ := set $values "serviceAccount" (merge (dict "name" (include "common.names.serviceAccount" (dict "root" $root))) $values.serviceAccount) -}}
{{- $_ := set $values "replicaCount" $worker.replicaCount -}}
{{- $_ := set $values "resources" $worker.resources -}}
{{- $_ := set $values "autoscaling" $worker.autoscaling -}}
{{- $_ := set $values "pdb" $worker.pdb -}}
{{- $_ := set $values "terminationGracePeriodSeconds" $worker.terminationGracePeriodSeconds -}}
{{- with $worker.nodeSelector }}{{ $_ := set $values "nodeSelector" . }}{{ end -}}
{{- with $worker.tolerations }}{{ $_ := set $values "tolerations" . }}{{ end -}}
{{- $metricsPort := dig "ports" "metrics" dict $root.Values.service -}}
{{- $_ := set $values "service" (dict "type" "ClusterIP" "ports" (dict "metrics" $metricsPort) "annotations" $root.Values.service.annotations "labels" $root.Values.service.labels) -}}
{{- /* The API's ExternalSecrets create the secretEnv Secrets under the API's name; workers read those Secrets. */ -}}
{{- $secretEnv := dict -}}
{{- range $suffix, $entry := include "common.env.secretEnvRefs" (dict "root" $root) | fromYaml -}}
{{- $_ := set $secretEnv $entry.name (dict "existingSecret" (include "common.secrets.keyRef" (dict "root" $root "ref" $entry.ref "path" $entry.path "suffix" $suffix) | fromYaml)) -}}
{{- end -}}
{{- $_ := set $values "secretEnv" $secretEnv -}}
{{- $_ := set $values.networkPolicy "allowedCallers" list -}}
{{- $_ := set $values.networkPolicy "callerPorts" list -}}
{{- $_ := set $values.istio.authorizationPolicy "allowedCallers" list -}}
{{- toYaml $values -}}
{{- end -}}

{{/*
A worker's template context: a dict with the worker's values (analysis-service.workerValues) and the
chart's Chart and Release. Helpers cannot return dicts, so each workers-*.yaml template builds it inline:
  {{- $root := dict "Values" (include "analysis-service.workerValues" (dict "root" $ "type" $type) | fromYaml) "Chart" $.Chart "Release" $.Release "Capabilities" $.Capabilities "Template" $.Template }}
*/}}
