{{/*
authentication.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "authentication.configDir" -}}/etc/authentication{{- end -}}

{{/*
authentication.keyDir: the directory the JWT signing key set is mounted at (one `<kid>.pem` per key).
*/}}
{{- define "authentication.keyDir" -}}/etc/authentication/jwt-keys{{- end -}}

{{/*
authentication.postgresqlCaDir / authentication.postgresqlCaFile: where the PostgreSQL server's CA
certificate (`postgresql.caCertificate`) is mounted; the service and the migration Job verify the
server against it (libpq `sslrootcert`).
*/}}
{{- define "authentication.postgresqlCaDir" -}}/etc/postgresql-ca{{- end -}}
{{- define "authentication.postgresqlCaFile" -}}{{ include "authentication.postgresqlCaDir" . }}/ca.crt{{- end -}}

{{/*
authentication.hasSecretRef: "true" when a secret reference (secret-ref.json) names a source at all.
Usage: {{ if include "authentication.hasSecretRef" $client.clientSecret }}...{{ end }}
*/}}
{{- define "authentication.hasSecretRef" -}}
{{- $ref := . | default dict -}}
{{- if or (dig "existingSecret" "name" "" $ref) (dig "existingSecret" "key" "" $ref) (dig "externalSecret" "remoteRef" "key" "" $ref) -}}true{{- end -}}
{{- end -}}

{{/*
authentication.redisAuth: "true" when the service authenticates to Redis.
*/}}
{{- define "authentication.redisAuth" -}}
{{- if .Values.redis.auth.enabled -}}true{{- end -}}
{{- end -}}

{{/*
authentication.clientSecretEnv: the variable holding a confidential client's secret.
Usage: {{ include "authentication.clientSecretEnv" $client.clientId }}
*/}}
{{- define "authentication.clientSecretEnv" -}}
{{- printf "OIDC_CLIENT_SECRET_%s" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/*
authentication.keySetSecretName: the Secret holding the signing key set: `jwt.keySet.existingSecret`, or
the Secret `<fullname>-jwt-keys` that the chart's ExternalSecret creates.
*/}}
{{- define "authentication.keySetSecretName" -}}
{{- if .Values.jwt.keySet.existingSecret -}}
{{- .Values.jwt.keySet.existingSecret -}}
{{- else -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" "jwt-keys") -}}
{{- end -}}
{{- end -}}

{{/*
authentication.validations: relations between values the schema cannot express. Fails with
"authentication: <values path> <problem>. <what to do>."
*/}}
{{- define "authentication.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $seen := dict -}}
{{- range $index, $client := .Values.oidc.clients -}}
{{- $path := printf "oidc.clients[%d]" $index -}}
{{- if hasKey $seen $client.clientId -}}
{{- fail (printf "%s: %s registers client %q a second time. Client ids must be unique; remove or rename one of them." $chart $path $client.clientId) -}}
{{- end -}}
{{- $_ := set $seen $client.clientId true -}}
{{- $grants := $client.grantTypes | default list -}}
{{- if eq $client.type "confidential" -}}
{{- if not (include "authentication.hasSecretRef" $client.clientSecret) -}}
{{- fail (printf "%s: %s (%s) is confidential but has no clientSecret. Set %s.clientSecret.existingSecret.{name,key} or %s.clientSecret.externalSecret.{secretStoreRef.name,remoteRef.key}." $chart $path $client.clientId $path $path) -}}
{{- end -}}
{{- else -}}
{{- if include "authentication.hasSecretRef" $client.clientSecret -}}
{{- fail (printf "%s: %s (%s) is public but has a clientSecret; a browser or native app cannot keep it secret. Remove %s.clientSecret or make the client confidential." $chart $path $client.clientId $path) -}}
{{- end -}}
{{- if has "client_credentials" $grants -}}
{{- fail (printf "%s: %s (%s) is public but allows client_credentials, which would let anyone act as the client. Remove the grant or make the client confidential." $chart $path $client.clientId) -}}
{{- end -}}
{{- end -}}
{{- if and (has "authorization_code" $grants) (not $client.redirectUris) -}}
{{- fail (printf "%s: %s (%s) allows authorization_code but has no redirectUris. Add the exact callback URI(s) to %s.redirectUris." $chart $path $client.clientId $path) -}}
{{- end -}}
{{- end -}}
{{- $keySet := .Values.jwt.keySet -}}
{{- $remoteKey := $keySet.externalSecret.remoteKey -}}
{{- if and $keySet.existingSecret $remoteKey -}}
{{- fail (printf "%s: jwt.keySet sets both existingSecret (%q) and externalSecret.remoteKey (%q). Keep exactly one of them." $chart $keySet.existingSecret $remoteKey) -}}
{{- end -}}
{{- if not (or $keySet.existingSecret $remoteKey) -}}
{{- fail (printf "%s: jwt.keySet names no signing keys. Set jwt.keySet.existingSecret or jwt.keySet.externalSecret.{secretStoreRef.name,remoteKey}." $chart) -}}
{{- end -}}
{{- if and $remoteKey (not $keySet.externalSecret.secretStoreRef.name) -}}
{{- fail (printf "%s: jwt.keySet.externalSecret reads %q but names no store. Set jwt.keySet.externalSecret.secretStoreRef.name." $chart $remoteKey) -}}
{{- end -}}
{{- $durations := dict -}}
{{- range $key := list "accessTokenTtl" "idTokenTtl" "refreshTokenTtl" -}}
{{- $_ := set $durations $key (include "common.utils.durationMilliseconds" (dict "duration" (get $.Values.jwt $key)) | int64) -}}
{{- end -}}
{{- range $key := list "accessTokenTtl" "idTokenTtl" -}}
{{- if gt (get $durations $key) (get $durations "refreshTokenTtl") -}}
{{- fail (printf "%s: jwt.%s (%s) is longer than jwt.refreshTokenTtl (%s). Refresh tokens must outlive the tokens they renew; shorten %s or lengthen refreshTokenTtl." $chart $key (get $.Values.jwt $key) $.Values.jwt.refreshTokenTtl $key) -}}
{{- end -}}
{{- end -}}
{{- $sessionTtl := include "common.utils.durationMilliseconds" (dict "duration" .Values.sessions.ttl) | int64 -}}
{{- $sessionIdle := include "common.utils.durationMilliseconds" (dict "duration" .Values.sessions.idleTimeout) | int64 -}}
{{- if gt $sessionIdle $sessionTtl -}}
{{- fail (printf "%s: sessions.idleTimeout (%s) is longer than sessions.ttl (%s), so it never applies. Shorten idleTimeout or lengthen ttl." $chart .Values.sessions.idleTimeout .Values.sessions.ttl) -}}
{{- end -}}
{{- if and .Values.metrics.alerts.enabled (not .Values.serviceMonitor.enabled) -}}
{{- fail (printf "%s: metrics.alerts.enabled needs the metrics scraped, but serviceMonitor.enabled is false. Enable serviceMonitor or disable the alerts." $chart) -}}
{{- end -}}
{{- end -}}

{{/*
authentication.config: the service's config.yaml. Listen ports, health paths and the metrics path come
from containerPorts, the probes and serviceMonitor, so the service answers where Kubernetes and
Prometheus ask. Secret material is never written here, only the variable or directory holding it.
*/}}
{{- define "authentication.config" -}}
{{- $values := .Values -}}
{{- $clients := list -}}
{{- range $values.oidc.clients -}}
{{- $client := dict
  "clientId" .clientId
  "name" (.name | default .clientId)
  "type" .type
  "grantTypes" .grantTypes
  "redirectUris" (.redirectUris | default list)
  "postLogoutRedirectUris" (.postLogoutRedirectUris | default list)
  "scopes" (.scopes | default (list "openid"))
  "audiences" (.audiences | default list)
-}}
{{- if eq .type "confidential" -}}
{{- $_ := set $client "secretEnv" (include "authentication.clientSecretEnv" .clientId) -}}
{{- end -}}
{{- $clients = append $clients $client -}}
{{- end -}}
{{- $redis := $values.redis -}}
{{- $redisConfig := dict
  "address" (printf "%s:%d" $redis.host ($redis.port | int))
  "database" ($redis.database | int)
  "keyPrefix" $redis.keyPrefix
  "tls" (dict "enabled" $redis.tls.enabled "serverName" ($redis.tls.serverName | default $redis.host))
-}}
{{- if include "authentication.redisAuth" . -}}
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
{{- $pg := $values.postgresql -}}
{{- $rate := $values.loginRateLimit -}}
{{- $hashing := $values.config.passwordHashing -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.http | int))
    "healthPath" $values.livenessProbe.path
    "readinessPath" $values.readinessProbe.path
    "trustForwardedHeaders" true)
  "metrics" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.metrics | int))
    "path" $values.serviceMonitor.path
    "failedAuthentications" (dict "labelByClient" $values.metrics.failedAuthentications.labelByClient))
  "logging" (dict "level" $values.config.logLevel "format" $values.config.logFormat)
  "oidc" (dict
    "issuer" $values.oidc.issuer
    "requirePkce" $values.oidc.requirePkce
    "consentScreen" $values.oidc.consentScreen
    "clients" $clients)
  "jwt" (dict
    "algorithm" $values.jwt.algorithm
    "activeKeyId" $values.jwt.activeKeyId
    "keyDirectory" (include "authentication.keyDir" .)
    "accessTokenTtl" $values.jwt.accessTokenTtl
    "idTokenTtl" $values.jwt.idTokenTtl
    "refreshTokenTtl" $values.jwt.refreshTokenTtl
    "jwksMaxAge" $values.jwt.jwksMaxAge)
  "database" (dict
    "host" $pg.host
    "port" ($pg.port | int)
    "database" $pg.database
    "username" $pg.username
    "sslMode" $pg.sslMode
    "sslRootCert" (include "authentication.postgresqlCaFile" .)
    "passwordEnv" "DATABASE_PASSWORD"
    "pool" (dict
      "maxOpenConnections" ($pg.pool.maxOpenConnections | int)
      "maxIdleConnections" ($pg.pool.maxIdleConnections | int)
      "connectionMaxLifetime" $pg.pool.connectionMaxLifetime))
  "redis" $redisConfig
  "sessions" (dict
    "ttl" $values.sessions.ttl
    "idleTimeout" $values.sessions.idleTimeout
    "cookieName" $values.sessions.cookieName)
  "loginRateLimit" (dict
    "enabled" $rate.enabled
    "perIp" (dict "requestsPerMinute" ($rate.perIp.requestsPerMinute | int) "burst" ($rate.perIp.burst | int))
    "perAccount" (dict "maxFailures" ($rate.perAccount.maxFailures | int) "window" $rate.perAccount.window "lockoutDuration" $rate.perAccount.lockoutDuration))
  "passwordHashing" (dict
    "algorithm" "argon2id"
    "memoryKiB" ($hashing.memoryKiB | int)
    "iterations" ($hashing.iterations | int)
    "parallelism" ($hashing.parallelism | int))
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
authentication.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the
pods' checksum annotation.
*/}}
{{- define "authentication.configData" -}}
config.yaml: {{ include "authentication.config" . | quote }}
{{- end -}}

{{/*
authentication.secretRefs: the chart's own secret references (suffix -> {ref, path}) for
common.externalSecrets and the environment.
*/}}
{{- define "authentication.secretRefs" -}}
{{- $refs := dict -}}
{{- $_ := set $refs "postgresql-password" (dict "ref" .Values.postgresql.password "path" "postgresql.password" "name" "DATABASE_PASSWORD") -}}
{{- $_ := set $refs "postgresql-ca" (dict "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate") -}}
{{- if include "authentication.redisAuth" . -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password" "name" "REDIS_PASSWORD") -}}
{{- end -}}
{{- range $index, $client := .Values.oidc.clients -}}
{{- if eq $client.type "confidential" -}}
{{- $_ := set $refs (printf "client-%s" $client.clientId) (dict "ref" $client.clientSecret "path" (printf "oidc.clients[%d].clientSecret" $index) "name" (include "authentication.clientSecretEnv" $client.clientId)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
authentication.env: the container's own environment variables (YAML list): the config file, the pod
identity and every secret the config names by variable (database, Redis, client secrets).
*/}}
{{- define "authentication.env" -}}
- name: AUTH_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "authentication.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- $refs := include "authentication.secretRefs" . | fromYaml }}
{{- range $suffix := keys $refs | sortAlpha }}
{{- $entry := get $refs $suffix }}
{{- if $entry.name }}
{{ include "common.env.secretVar" (dict "root" $ "name" $entry.name "ref" $entry.ref "path" $entry.path "suffix" $suffix) }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
authentication.volumes / authentication.volumeMounts: the ConfigMap and the signing key set, both
read-only. The key set is a Secret volume, so added or removed keys reach running pods without a restart.
*/}}
{{- define "authentication.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
- name: jwt-keys
  secret:
    secretName: {{ include "authentication.keySetSecretName" . }}
    defaultMode: 288
{{ include "common.secrets.fileVolume" (dict "root" $ "name" "postgresql-ca" "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate" "suffix" "postgresql-ca" "fileName" "ca.crt") }}
{{- end -}}

{{- define "authentication.volumeMounts" -}}
- name: config
  mountPath: {{ include "authentication.configDir" . }}
  readOnly: true
- name: jwt-keys
  mountPath: {{ include "authentication.keyDir" . }}
  readOnly: true
- name: postgresql-ca
  mountPath: {{ include "authentication.postgresqlCaDir" . }}
  readOnly: true
{{- end -}}

{{/*
authentication.hookAnnotations: annotations that make an object a pre-install/pre-upgrade Helm hook and
an Argo CD PreSync hook. `weight` orders the hook objects (ServiceAccount and secrets before the Job).
Usage: {{ include "authentication.hookAnnotations" (dict "weight" -10 "deletePolicy" "before-hook-creation") | fromYaml }}
*/}}
{{- define "authentication.hookAnnotations" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ .weight | quote }}
helm.sh/hook-delete-policy: {{ .helmDeletePolicy }}
argocd.argoproj.io/hook: PreSync
argocd.argoproj.io/hook-delete-policy: {{ .argocdDeletePolicy }}
argocd.argoproj.io/sync-wave: {{ .weight | quote }}
{{- end -}}

{{/*
authentication.migrationPasswordSuffix: suffix of the ExternalSecret (and Secret) the migration Job
reads the database password from when it comes from a secret store.
*/}}
{{- define "authentication.migrationPasswordSuffix" -}}migrations-postgresql-password{{- end -}}

{{/*
authentication.migrationCaSuffix: suffix of the ExternalSecret (and Secret) the migration Job reads the
PostgreSQL CA certificate from when it comes from a secret store.
*/}}
{{- define "authentication.migrationCaSuffix" -}}migrations-postgresql-ca{{- end -}}
