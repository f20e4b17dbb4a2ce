{{/*
Configuration files (ConfigMap `<name>-config`). Nothing secret: the start scripts append what
depends on the pod or on a password (ACL file, replication, Sentinel's monitor and credentials) to a
copy in the in-memory `/run` volume.
*/}}

{{/*
redis.config.tls: the TLS directives shared by the server and the Sentinel: TLS-only ports, no client
certificates required, TLS towards the other servers.
Usage: {{ include "redis.config.tls" (dict "root" $ "port" 6379) }}
*/}}
{{- define "redis.config.tls" -}}
{{- if .root.Values.tls.enabled -}}
port 0
tls-port {{ .port | int }}
tls-cert-file /etc/redis/tls/tls.crt
tls-key-file /etc/redis/tls/tls.key
tls-ca-cert-file /etc/redis/tls/ca.crt
tls-auth-clients no
tls-replication yes
{{- else -}}
port {{ .port | int }}
{{- end -}}
{{- end -}}

{{/*
redis.config.server: valkey.conf.
*/}}
{{- define "redis.config.server" -}}
{{- $config := .Values.config -}}
# valkey.conf rendered by the redis chart; start-server.sh appends the runtime part.
bind * -::*
protected-mode no
{{ include "redis.config.tls" (dict "root" $ "port" .Values.containerPorts.redis) }}
dir /data
# The users (the default user disabled), built at start from the passwords Secret.
aclfile /run/redis/users.acl
maxmemory {{ $config.maxmemory }}
maxmemory-policy {{ $config.maxmemoryPolicy }}
{{- if .Values.persistence.enabled }}
appendonly yes
appendfsync {{ $config.appendfsync }}
save "{{ $config.save }}"
{{- else }}
# No persistence: no snapshots, no append-only file.
appendonly no
save ""
{{- end }}
{{- if include "redis.sentinel" . }}
# Replicas keep serving reads while the link to the primary is down; writes go to the primary only.
replica-serve-stale-data yes
replica-read-only yes
{{- end }}
{{- end -}}

{{/*
redis.config.sentinel: sentinel.conf (mode sentinel), before the monitored primary.
*/}}
{{- define "redis.config.sentinel" -}}
# sentinel.conf rendered by the redis chart; start-sentinel.sh appends the monitored primary.
bind * -::*
protected-mode no
{{ include "redis.config.tls" (dict "root" $ "port" .Values.containerPorts.sentinel) }}
dir /run/sentinel
aclfile /run/sentinel/users.acl
# Pods are known by host name (stable across restarts, and the names the certificate carries).
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
{{- end -}}

{{/*
redis.config.monitor: the Sentinel settings of the monitored primary (written after `sentinel monitor`).
*/}}
{{- define "redis.config.monitor" -}}
{{- $sentinel := .Values.sentinel -}}
sentinel down-after-milliseconds {{ $sentinel.masterName }} {{ $sentinel.downAfterMilliseconds | int }}
sentinel failover-timeout {{ $sentinel.masterName }} {{ $sentinel.failoverTimeout | int }}
sentinel parallel-syncs {{ $sentinel.masterName }} {{ $sentinel.parallelSyncs | int }}
sentinel auth-user {{ $sentinel.masterName }} sentinel
sentinel sentinel-user sentinel
{{- end -}}

{{/*
redis.config.data: the ConfigMap data (file name -> content), shared by the ConfigMap and the pods'
checksum annotation.
*/}}
{{- define "redis.config.data" -}}
valkey.conf: {{ include "redis.config.server" . | quote }}
users.rules: {{ include "redis.users.serverRules" . | trim | quote }}
lib.sh: {{ include "redis.scripts.lib" . | quote }}
start-server.sh: {{ include "redis.scripts.startServer" . | quote }}
probe.sh: {{ include "redis.scripts.probe" . | quote }}
{{- if include "redis.sentinel" . }}
sentinel.conf: {{ include "redis.config.sentinel" . | quote }}
sentinel-monitor.conf: {{ include "redis.config.monitor" . | quote }}
sentinel-users.rules: {{ include "redis.users.sentinelRules" . | trim | quote }}
start-sentinel.sh: {{ include "redis.scripts.startSentinel" . | quote }}
pre-stop.sh: {{ include "redis.scripts.preStop" . | quote }}
{{- end }}
{{- end -}}
