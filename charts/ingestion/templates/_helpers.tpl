{{/*
ingestion.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "ingestion.configDir" -}}/etc/ingestion{{- end -}}

{{/*
ingestion.validations: relations between values the schema cannot express. Fails with
"ingestion: <values path> <problem>. <what to do>."
*/}}
{{- define "ingestion.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $limits := .Values.limits -}}
{{- if gt ($limits.maxEventBytes | int64) ($limits.maxRequestBodyBytes | int64) -}}
{{- fail (printf "%s: limits.maxEventBytes (%d) is larger than limits.maxRequestBodyBytes (%d), so the largest allowed event could never arrive. Lower maxEventBytes or raise maxRequestBodyBytes." $chart ($limits.maxEventBytes | int64) ($limits.maxRequestBodyBytes | int64)) -}}
{{- end -}}
{{- $queue := .Values.queue -}}
{{- if and (eq $queue.onFull "trim") (eq ($queue.maxLength | int64) 0) -}}
{{- fail (printf "%s: queue.onFull is trim but queue.maxLength is 0 (unbounded), so nothing would ever be trimmed. Set queue.maxLength or use onFull: reject." $chart) -}}
{{- end -}}
{{- $requestTimeout := include "common.utils.durationMilliseconds" (dict "duration" $limits.requestTimeout) | int64 -}}
{{- $publishTimeout := include "common.utils.durationMilliseconds" (dict "duration" $queue.publishTimeout) | int64 -}}
{{- if ge $publishTimeout $requestTimeout -}}
{{- fail (printf "%s: queue.publishTimeout (%s) is not shorter than limits.requestTimeout (%s), so a slow publish times the whole request out without a clear answer. Shorten publishTimeout." $chart $queue.publishTimeout $limits.requestTimeout) -}}
{{- end -}}
{{- $grace := mul (.Values.terminationGracePeriodSeconds | int64) 1000 -}}
{{- if le $grace $requestTimeout -}}
{{- fail (printf "%s: terminationGracePeriodSeconds (%d) does not exceed limits.requestTimeout (%s), so pods are killed with requests and batches still in flight during scale-in. Raise terminationGracePeriodSeconds." $chart (.Values.terminationGracePeriodSeconds | int) $limits.requestTimeout) -}}
{{- end -}}
{{- end -}}

{{/*
ingestion.config: the service's config.yaml. Listen ports, health paths and the metrics path come from
containerPorts, the probes and serviceMonitor.
*/}}
{{- define "ingestion.config" -}}
{{- $values := .Values -}}
{{- $redis := $values.redis -}}
{{- $redisConfig := dict
  "address" (printf "%s:%d" $redis.host ($redis.port | int))
  "database" ($redis.database | int)
  "keyPrefix" $redis.keyPrefix
  "poolSize" ($redis.poolSize | int)
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
{{- $limits := $values.limits -}}
{{- $queue := $values.queue -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.http | int))
    "healthPath" $values.livenessProbe.path
    "readinessPath" $values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" ($values.containerPorts.metrics | int)) "path" $values.serviceMonitor.path)
  "logging" (dict "level" $values.config.logLevel "format" $values.config.logFormat)
  "authentication" (dict
    "issuer" $values.authentication.issuer
    "audience" $values.authentication.audience
    "requiredScope" $values.authentication.requiredScope
    "jwksUrl" (printf "%s/.well-known/jwks.json" (trimSuffix "/" $values.authentication.url))
    "jwksCacheTtl" $values.authentication.jwksCacheTtl)
  "limits" (dict
    "maxRequestBodyBytes" ($limits.maxRequestBodyBytes | int64)
    "maxEventBytes" ($limits.maxEventBytes | int64)
    "maxEventsPerRequest" ($limits.maxEventsPerRequest | int)
    "maxConcurrentRequests" ($limits.maxConcurrentRequests | int)
    "requestTimeout" $limits.requestTimeout
    "allowedContentTypes" $limits.allowedContentTypes)
  "rateLimit" (dict
    "enabled" $values.rateLimit.enabled
    "eventsPerSecond" ($values.rateLimit.eventsPerSecond | int)
    "burst" ($values.rateLimit.burst | int))
  "queue" (dict
    "stream" $queue.stream
    "maxLength" ($queue.maxLength | int64)
    "batchSize" ($queue.batchSize | int)
    "flushInterval" $queue.flushInterval
    "maxInFlightBatches" ($queue.maxInFlightBatches | int)
    "publishTimeout" $queue.publishTimeout
    "onFull" $queue.onFull)
  "redis" $redisConfig
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
ingestion.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the pods'
checksum annotation.
*/}}
{{- define "ingestion.configData" -}}
config.yaml: {{ include "ingestion.config" . | quote }}
{{- end -}}

{{/*
ingestion.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "ingestion.secretRefs" -}}
{{- $refs := dict -}}
{{- if .Values.redis.auth.enabled -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
ingestion.env: the container's own environment variables (YAML list). GOMAXPROCS follows the CPU limit
so the runtime does not schedule more threads than the container may use.
*/}}
{{- define "ingestion.env" -}}
- name: INGESTION_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "ingestion.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: GOMAXPROCS
  valueFrom:
    resourceFieldRef:
      resource: limits.cpu
      divisor: "1"
{{- if .Values.redis.auth.enabled }}
{{ include "common.env.secretVar" (dict "root" $ "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
{{- end }}
{{- end -}}

{{/*
ingestion.volumes / ingestion.volumeMounts: the ConfigMap volume and its read-only mount.
*/}}
{{- define "ingestion.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- end -}}

{{- define "ingestion.volumeMounts" -}}
- name: config
  mountPath: {{ include "ingestion.configDir" . }}
  readOnly: true
{{- end -}}
