{{/*
ACL users. The chart renders only the rules (which keys, channels and commands); the password of each
user stays in the passwords Secret, and the container start script prefixes each rule line with
`user <name> on #<sha256 of the password>` (scripts: redis.scripts.lib, build_acl). Lines of a rules file
are `<name> <rules>`.
*/}}

{{/*
redis.users.system: the chart's own users on the server, name -> rules:
- `monitor`: the probes and the exporter; statistics only, no key, no CONFIG (which would show
  `masterauth`, the replication password).
- `replication` (mode sentinel): replicas log in to the primary with it (`masteruser`).
- `sentinel` (mode sentinel): the Sentinels log in to the servers with it, with the commands Sentinel
  sends (valkey src/sentinel.c sentinelInstanceMapCommand calls).
*/}}
{{- define "redis.users.system" -}}
monitor: "resetkeys resetchannels -@all +ping +info +role +client|setname +client|list +slowlog|get +slowlog|len +latency|latest +latency|histogram +command|info"
{{- if include "redis.sentinel" . }}
replication: "resetkeys resetchannels -@all +psync +replconf +ping"
sentinel: "resetkeys allchannels -@all +multi +exec +slaveof +replicaof +ping +subscribe +publish +config|rewrite +role +info +client|setname +client|kill +script|kill"
{{- end }}
{{- end -}}

{{/*
redis.users.names: every user that needs a password (system users, then the service users in their
order), as a YAML list.
*/}}
{{- define "redis.users.names" -}}
{{- $names := keys (include "redis.users.system" . | fromYaml) | sortAlpha -}}
{{- range .Values.auth.users -}}
{{- $names = append $names .name -}}
{{- end -}}
{{- toYaml $names -}}
{{- end -}}

{{/*
redis.users.serviceRules: the rules of one service user on the server.
Usage: {{ include "redis.users.serviceRules" (dict "root" $ "user" $user) }}
*/}}
{{- define "redis.users.serviceRules" -}}
{{- $user := .user -}}
{{- $rules := list "resetkeys" -}}
{{- range ($user.keys | default list) -}}
{{- $rules = append $rules (printf "~%s" .) -}}
{{- end -}}
{{- range ($user.readOnlyKeys | default list) -}}
{{- $rules = append $rules (printf "%%R~%s" .) -}}
{{- end -}}
{{- $rules = append $rules "resetchannels" -}}
{{- range ($user.channels | default list) -}}
{{- $rules = append $rules (printf "&%s" .) -}}
{{- end -}}
{{- $rules = append $rules "-@all" -}}
{{- $rules = append $rules ($user.commands | default .root.Values.auth.clientCommands) -}}
{{- join " " $rules -}}
{{- end -}}

{{/*
redis.users.serverRules: the rules file of the servers (`users.rules`).
*/}}
{{- define "redis.users.serverRules" -}}
{{- range $name, $rules := include "redis.users.system" . | fromYaml }}
{{ $name }} {{ $rules }}
{{- end }}
{{- range .Values.auth.users }}
{{ .name }} {{ include "redis.users.serviceRules" (dict "root" $ "user" .) }}
{{- end }}
{{- end -}}

{{/*
redis.users.sentinelRules: the rules file of the Sentinels (`sentinel-users.rules`). The service users
may only discover the primary and follow failovers (the commands a Sentinel client sends, see the
Sentinel client guidelines), `monitor` may only PING, and `sentinel` (the Sentinels' own user, known
only to them) may do everything, including the `SENTINEL FAILOVER` of a primary's pre-stop hook.
*/}}
{{- define "redis.users.sentinelRules" -}}
monitor resetkeys resetchannels -@all +ping
sentinel resetkeys allchannels +@all
{{- range .Values.auth.users }}
{{ .name }} resetkeys allchannels -@all +ping +role +client|setname +client|setinfo +client|getname +client|id +subscribe +psubscribe +unsubscribe +punsubscribe +sentinel|get-master-addr-by-name +sentinel|get-primary-addr-by-name +sentinel|master +sentinel|primary +sentinel|replicas +sentinel|slaves +sentinel|sentinels +sentinel|myid
{{- end }}
{{- end -}}

{{/*
redis.users.property: the store property holding a user's password.
Usage: {{ include "redis.users.property" (dict "root" $ "name" "monitor" "property" "") }}
*/}}
{{- define "redis.users.property" -}}
{{- $external := .root.Values.auth.passwords.externalSecret -}}
{{- .property | default $external.sharedProperty | default (printf "%s%s" .name $external.propertySuffix) -}}
{{- end -}}

{{/*
redis.users.clients: the NetworkPolicy callers derived from the users' `client` (app defaults to the user
name), as a YAML list of callers.
*/}}
{{- define "redis.users.clients" -}}
{{- $callers := list -}}
{{- range .Values.auth.users -}}
{{- $client := .client | default dict -}}
{{- $callers = append $callers (dict "app" ($client.app | default .name) "namespace" ($client.namespace | default "") "serviceAccount" "") -}}
{{- end -}}
{{- toYaml $callers -}}
{{- end -}}
