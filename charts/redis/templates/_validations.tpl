{{/*
redis.validate: relations between values the schema cannot express. Fails with
"redis: <values path> <problem>. <what to do>."
*/}}
{{- define "redis.validate" -}}
{{- $chart := include "common.names.name" (dict "root" .) -}}
{{- $v := .Values -}}
{{- $replicas := $v.replicaCount | int -}}
{{- if include "redis.sentinel" . -}}
{{- if lt $replicas 3 -}}
{{- fail (printf "%s: replicaCount is %d in mode sentinel; a failover needs a majority of Sentinels after one pod is lost, so run at least 3 pods (or mode: standalone)." $chart $replicas) -}}
{{- end -}}
{{- if gt ($v.sentinel.quorum | int) $replicas -}}
{{- fail (printf "%s: sentinel.quorum (%d) is above replicaCount (%d), so no failover could ever start. Lower the quorum to a majority, e.g. %d." $chart ($v.sentinel.quorum | int) $replicas (add (div $replicas 2) 1)) -}}
{{- end -}}
{{- if not $v.persistence.enabled -}}
{{- fail (printf "%s: persistence.enabled is false in mode sentinel; a primary that restarts empty would be replicated and empty its replicas. Enable persistence or use mode: standalone." $chart) -}}
{{- end -}}
{{- else if ne $replicas 1 -}}
{{- fail (printf "%s: replicaCount is %d in mode standalone, which runs exactly one server. Set replicaCount: 1, or mode: sentinel for replicas with failover." $chart $replicas) -}}
{{- end -}}
{{- if and $v.tls.enabled (not $v.tls.existingSecret) -}}
{{- fail (printf "%s: tls.enabled is true but tls.existingSecret is empty. Name the Secret of the cert-issuers Certificate (redis-tls)." $chart) -}}
{{- end -}}
{{- /* The NetworkPolicy is what keeps every other pod away from the servers and Sentinels (the ACL users' clients, the pods themselves and the scraper are its only peers): it cannot be switched off or opened. */ -}}
{{- if not $v.networkPolicy.enabled -}}
{{- fail (printf "%s: networkPolicy.enabled is false, which would let any pod of the cluster reach the servers and Sentinels. Keep it on; name the clients in auth.users[].client." $chart) -}}
{{- end -}}
{{- if not $v.networkPolicy.defaultDenyIngress -}}
{{- fail (printf "%s: networkPolicy.defaultDenyIngress is false, which admits every pod of the cluster. Keep it true; name the clients in auth.users[].client." $chart) -}}
{{- end -}}
{{- if and $v.serviceMonitor.enabled (not $v.metrics.enabled) -}}
{{- fail (printf "%s: serviceMonitor.enabled is true but metrics.enabled is false, so there is nothing to scrape. Enable metrics or disable the ServiceMonitor." $chart) -}}
{{- end -}}
{{- $passwords := $v.auth.passwords -}}
{{- if eq $passwords.source "externalSecret" -}}
{{- if not $passwords.externalSecret.secretStoreRef.name -}}
{{- fail (printf "%s: auth.passwords.source is externalSecret but auth.passwords.externalSecret.secretStoreRef.name is empty. Name the secret store, e.g. vault-production." $chart) -}}
{{- end -}}
{{- if not $passwords.externalSecret.remoteKey -}}
{{- fail (printf "%s: auth.passwords.source is externalSecret but auth.passwords.externalSecret.remoteKey is empty. Name the store key holding the passwords, e.g. platform/production/redis." $chart) -}}
{{- end -}}
{{- else if not $passwords.existingSecret -}}
{{- fail (printf "%s: auth.passwords.source is existingSecret but auth.passwords.existingSecret is empty. Name the Secret holding one key per user, or use source: externalSecret." $chart) -}}
{{- end -}}
{{- $reserved := dict "default" "the built-in user, disabled" "monitor" "the probes' and exporter's user" "replication" "the replicas' user" "sentinel" "the Sentinels' user" -}}
{{- $seen := dict -}}
{{- range $index, $user := $v.auth.users -}}
{{- $path := printf "auth.users[%d]" $index -}}
{{- if hasKey $reserved $user.name -}}
{{- fail (printf "%s: %s.name is %q, which is %s. Name the user after its service." $chart $path $user.name (get $reserved $user.name)) -}}
{{- end -}}
{{- if hasKey $seen $user.name -}}
{{- fail (printf "%s: %s.name %q is already %s. Each service gets one user." $chart $path $user.name (get $seen $user.name)) -}}
{{- end -}}
{{- $_ := set $seen $user.name $path -}}
{{- if not (or $user.keys $user.readOnlyKeys) -}}
{{- fail (printf "%s: %s (%s) has no keys or readOnlyKeys, so it could not read or write anything. Give it its key prefix, e.g. keys: [\"%s:*\"]." $chart $path $user.name $user.name) -}}
{{- end -}}
{{- /* Patterns without a literal `<prefix>:` (`*`, `*:*`, `a*`) are refused by the schema (auth.users[].keys). */ -}}
{{- end -}}
{{- end -}}
