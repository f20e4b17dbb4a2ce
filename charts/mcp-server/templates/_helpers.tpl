{{/*
mcp-server.configDir: the directory the ConfigMap is mounted at; the server reads config.yaml from it.
*/}}
{{- define "mcp-server.configDir" -}}/etc/mcp-server{{- end -}}

{{/*
mcp-server.redisAuth: "true" when the server authenticates to Redis.
*/}}
{{- define "mcp-server.redisAuth" -}}
{{- if .Values.redis.auth.enabled -}}true{{- end -}}
{{- end -}}

{{/*
mcp-server.config: the server's config.yaml. Listen ports, health paths and the metrics path come from
containerPorts, the probes and serviceMonitor, so the server always answers where Kubernetes and
Prometheus ask.
*/}}
{{- define "mcp-server.config" -}}
{{- $config := .Values.config -}}
{{- $limits := $config.limits -}}
{{- $redis := .Values.redis -}}
{{- $server := dict
  "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
  "transport" "streamable-http"
  "mcpPath" $config.mcpPath
  "healthPath" .Values.livenessProbe.path
  "readinessPath" .Values.readinessProbe.path
-}}
{{- $redisConfig := dict
  "address" (printf "%s:%d" $redis.host ($redis.port | int))
  "database" ($redis.database | int)
  "keyPrefix" $redis.keyPrefix
  "tls" (dict "enabled" $redis.tls.enabled "serverName" ($redis.tls.serverName | default $redis.host))
-}}
{{- if include "mcp-server.redisAuth" . -}}
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
  "server" $server
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" $config.logLevel "format" $config.logFormat)
  "tools" (dict "allowList" ($config.tools.allowList | default list))
  "limits" (dict
    "maxConcurrentSessions" ($limits.maxConcurrentSessions | int)
    "requestTimeoutSeconds" ($limits.requestTimeoutSeconds | int)
    "maxPayloadBytes" ($limits.maxPayloadBytes | int64)
    "sessionIdleTimeoutSeconds" ($limits.sessionIdleTimeoutSeconds | int))
  "rateLimit" (dict
    "enabled" $config.rateLimit.enabled
    "requestsPerMinute" ($config.rateLimit.requestsPerMinute | int)
    "burst" ($config.rateLimit.burst | int))
  "authentication" (dict
    "url" .Values.authentication.url
    "audience" .Values.authentication.audience
    "timeoutSeconds" (.Values.authentication.timeoutSeconds | int))
  "redis" $redisConfig
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
mcp-server.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the
pods' checksum annotation.
*/}}
{{- define "mcp-server.configData" -}}
config.yaml: {{ include "mcp-server.config" . | quote }}
{{- end -}}

{{/*
mcp-server.env: the container's own environment variables (YAML list).
*/}}
{{- define "mcp-server.env" -}}
- name: MCP_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "mcp-server.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- if include "mcp-server.redisAuth" . }}
{{ include "common.env.secretVar" (dict "root" $ "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
{{- end }}
{{- end -}}

{{/*
mcp-server.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "mcp-server.secretRefs" -}}
{{- $refs := dict -}}
{{- if include "mcp-server.redisAuth" . -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
mcp-server.volumes / mcp-server.volumeMounts: the ConfigMap volume and its read-only mount, passed to
common.workload (which adds /tmp, extraVolumes and extraVolumeMounts).
*/}}
{{- define "mcp-server.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- end -}}

{{- define "mcp-server.volumeMounts" -}}
- name: config
  mountPath: {{ include "mcp-server.configDir" . }}
  readOnly: true
{{- end -}}
