{{/*
notification.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "notification.configDir" -}}/etc/notification{{- end -}}

{{/*
notification.hasSecretRef: "true" when a secret reference (secret-ref.json) names a source at all.
*/}}
{{- define "notification.hasSecretRef" -}}
{{- $ref := . | default dict -}}
{{- if or (dig "existingSecret" "name" "" $ref) (dig "existingSecret" "key" "" $ref) (dig "externalSecret" "remoteRef" "key" "" $ref) -}}true{{- end -}}
{{- end -}}

{{/*
notification.webhookSecretEnv: the variable holding a webhook endpoint's signing secret.
Usage: {{ include "notification.webhookSecretEnv" $endpoint.name }}
*/}}
{{- define "notification.webhookSecretEnv" -}}
{{- printf "WEBHOOK_%s_SIGNING_SECRET" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/*
notification.smtpAuth: "true" when e-mail is enabled and the relay needs a login.
*/}}
{{- define "notification.smtpAuth" -}}
{{- if and .Values.channels.email.enabled .Values.channels.email.smtp.username -}}true{{- end -}}
{{- end -}}

{{/*
notification.validations: relations between values the schema cannot express. Fails with
"notification: <values path> <problem>. <what to do>."
*/}}
{{- define "notification.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $email := .Values.channels.email -}}
{{- if $email.enabled -}}
{{- if not $email.smtp.host -}}
{{- fail (printf "%s: channels.email is enabled but channels.email.smtp.host is empty. Set the SMTP relay or disable e-mail." $chart) -}}
{{- end -}}
{{- if not $email.from -}}
{{- fail (printf "%s: channels.email is enabled but channels.email.from is empty. Set the sender address." $chart) -}}
{{- end -}}
{{- if not $email.recipients -}}
{{- fail (printf "%s: channels.email is enabled but channels.email.recipients is empty, so no e-mail would ever be sent. Add at least one recipient." $chart) -}}
{{- end -}}
{{- if and (eq $email.smtp.security "none") $email.smtp.username -}}
{{- fail (printf "%s: channels.email.smtp.security is none while channels.email.smtp.username is set, which would send the SMTP password in cleartext. Use starttls or tls." $chart) -}}
{{- end -}}
{{- end -}}
{{- $webhook := .Values.channels.webhook -}}
{{- if $webhook.enabled -}}
{{- if not $webhook.endpoints -}}
{{- fail (printf "%s: channels.webhook is enabled but channels.webhook.endpoints is empty. Add an endpoint or disable webhooks." $chart) -}}
{{- end -}}
{{- $names := dict -}}
{{- range $index, $endpoint := $webhook.endpoints -}}
{{- if hasKey $names $endpoint.name -}}
{{- fail (printf "%s: channels.webhook.endpoints[%d] reuses the endpoint name %q. Endpoint names must be unique." $chart $index $endpoint.name) -}}
{{- end -}}
{{- $_ := set $names $endpoint.name true -}}
{{- end -}}
{{- end -}}
{{- $initial := include "common.utils.durationMilliseconds" (dict "duration" .Values.delivery.initialBackoff) | int64 -}}
{{- $max := include "common.utils.durationMilliseconds" (dict "duration" .Values.delivery.maxBackoff) | int64 -}}
{{- if gt $initial $max -}}
{{- fail (printf "%s: delivery.initialBackoff (%s) is longer than delivery.maxBackoff (%s). Lower initialBackoff or raise maxBackoff." $chart .Values.delivery.initialBackoff .Values.delivery.maxBackoff) -}}
{{- end -}}
{{- if eq .Values.stream.name .Values.stream.deadLetterStream -}}
{{- fail (printf "%s: stream.deadLetterStream is the consumed stream %q itself, so failed notifications would be retried forever. Use another stream name." $chart .Values.stream.name) -}}
{{- end -}}
{{- end -}}

{{/*
notification.secretRefs: every secret the service reads (suffix -> {name, ref, path}), for the
environment and common.externalSecrets.
*/}}
{{- define "notification.secretRefs" -}}
{{- $refs := dict -}}
{{- if .Values.redis.auth.enabled -}}
{{- $_ := set $refs "redis-password" (dict "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- if .Values.channels.slack.enabled -}}
{{- $_ := set $refs "slack-webhook-url" (dict "name" "SLACK_WEBHOOK_URL" "ref" .Values.channels.slack.webhookUrl "path" "channels.slack.webhookUrl") -}}
{{- end -}}
{{- if include "notification.smtpAuth" . -}}
{{- $_ := set $refs "smtp-password" (dict "name" "SMTP_PASSWORD" "ref" .Values.channels.email.smtp.password "path" "channels.email.smtp.password") -}}
{{- end -}}
{{- if .Values.channels.webhook.enabled -}}
{{- range $index, $endpoint := .Values.channels.webhook.endpoints -}}
{{- if include "notification.hasSecretRef" $endpoint.signingSecret -}}
{{- $_ := set $refs (printf "webhook-%s" $endpoint.name) (dict "name" (include "notification.webhookSecretEnv" $endpoint.name) "ref" $endpoint.signingSecret "path" (printf "channels.webhook.endpoints[%d].signingSecret" $index)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
notification.config: the service's config.yaml. Secrets appear only as the names of the variables
holding them.
*/}}
{{- define "notification.config" -}}
{{- $values := .Values -}}
{{- $channels := $values.channels -}}
{{- $redis := $values.redis -}}
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
{{- $slack := dict "enabled" $channels.slack.enabled -}}
{{- if $channels.slack.enabled -}}
{{- $slack = dict "enabled" true "webhookUrlEnv" "SLACK_WEBHOOK_URL" "channel" $channels.slack.channel "minimumSeverity" $channels.slack.minimumSeverity "mentionOnCritical" $channels.slack.mentionOnCritical -}}
{{- end -}}
{{- $email := dict "enabled" $channels.email.enabled -}}
{{- if $channels.email.enabled -}}
{{- $smtp := $channels.email.smtp -}}
{{- $smtpConfig := dict "host" $smtp.host "port" ($smtp.port | int) "security" $smtp.security -}}
{{- if include "notification.smtpAuth" . -}}
{{- $_ := set $smtpConfig "username" $smtp.username -}}
{{- $_ := set $smtpConfig "passwordEnv" "SMTP_PASSWORD" -}}
{{- end -}}
{{- $email = dict "enabled" true "smtp" $smtpConfig "from" $channels.email.from "recipients" $channels.email.recipients "minimumSeverity" $channels.email.minimumSeverity -}}
{{- end -}}
{{- $webhook := dict "enabled" $channels.webhook.enabled -}}
{{- if $channels.webhook.enabled -}}
{{- $endpoints := list -}}
{{- range $channels.webhook.endpoints -}}
{{- $endpoint := dict "name" .name "url" .url "minimumSeverity" (.minimumSeverity | default $channels.webhook.minimumSeverity) -}}
{{- if include "notification.hasSecretRef" .signingSecret -}}
{{- $_ := set $endpoint "signingSecretEnv" (include "notification.webhookSecretEnv" .name) -}}
{{- end -}}
{{- $endpoints = append $endpoints $endpoint -}}
{{- end -}}
{{- $webhook = dict "enabled" true "timeout" $channels.webhook.timeout "endpoints" $endpoints -}}
{{- end -}}
{{- $stream := $values.stream -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.http | int))
    "healthPath" $values.livenessProbe.path
    "readinessPath" $values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" ($values.containerPorts.metrics | int)) "path" $values.serviceMonitor.path)
  "logging" (dict "level" $values.config.logLevel "format" $values.config.logFormat)
  "platformUrl" $values.config.platformUrl
  "channels" (dict "slack" $slack "email" $email "webhook" $webhook)
  "delivery" (dict
    "maxAttempts" ($values.delivery.maxAttempts | int)
    "initialBackoff" $values.delivery.initialBackoff
    "maxBackoff" $values.delivery.maxBackoff
    "workers" ($values.delivery.workers | int))
  "redis" $redisConfig
  "stream" (dict
    "name" $stream.name
    "consumerGroup" $stream.consumerGroup
    "consumerNameEnv" "POD_NAME"
    "batchSize" ($stream.batchSize | int)
    "blockTimeout" $stream.blockTimeout
    "claimMinIdleTime" $stream.claimMinIdleTime
    "deadLetterStream" $stream.deadLetterStream)
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
notification.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the
pods' checksum annotation.
*/}}
{{- define "notification.configData" -}}
config.yaml: {{ include "notification.config" . | quote }}
{{- end -}}

{{/*
notification.env: the container's own environment variables (YAML list): the config file, the pod
name (the stream consumer name) and every secret the config names by variable.
*/}}
{{- define "notification.env" -}}
- name: NOTIFICATION_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "notification.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- $refs := include "notification.secretRefs" . | fromYaml }}
{{- range $suffix := keys $refs | sortAlpha }}
{{- $entry := get $refs $suffix }}
{{ include "common.env.secretVar" (dict "root" $ "name" $entry.name "ref" $entry.ref "path" $entry.path "suffix" $suffix) }}
{{- end }}
{{- end -}}

{{/*
notification.volumes / notification.volumeMounts: the ConfigMap volume and its read-only mount.
*/}}
{{- define "notification.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- end -}}

{{- define "notification.volumeMounts" -}}
- name: config
  mountPath: {{ include "notification.configDir" . }}
  readOnly: true
{{- end -}}

{{/*
notification.isExternalHost: "true" for a host outside the cluster (a dotted name that is not a
`.svc` address).
Usage: {{ if include "notification.isExternalHost" "smtp.example.com" }}...{{ end }}
*/}}
{{- define "notification.isExternalHost" -}}
{{- if and (contains "." .) (not (regexMatch "\\.svc(\\.|$)" .)) -}}true{{- end -}}
{{- end -}}

{{/*
notification.externalDestinations: the external destinations of the enabled channels as a YAML list of
{suffix, host, port, portName, protocol}, one ServiceEntry each.
*/}}
{{- define "notification.externalDestinations" -}}
{{- $channels := .Values.channels -}}
{{- $destinations := list -}}
{{- if $channels.slack.enabled -}}
{{- $destinations = append $destinations (dict "suffix" "slack" "host" $channels.slack.apiHost "port" 443 "portName" "https" "protocol" "TLS") -}}
{{- end -}}
{{- if and $channels.email.enabled (include "notification.isExternalHost" $channels.email.smtp.host) -}}
{{- $smtp := $channels.email.smtp -}}
{{- $destinations = append $destinations (dict "suffix" "smtp" "host" $smtp.host "port" ($smtp.port | int) "portName" "smtp" "protocol" (ternary "TLS" "TCP" (eq $smtp.security "tls"))) -}}
{{- end -}}
{{- if $channels.webhook.enabled -}}
{{- range $channels.webhook.endpoints -}}
{{- $url := urlParse .url -}}
{{- if and (eq $url.scheme "https") (include "notification.isExternalHost" $url.hostname) -}}
{{- $port := regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) | default "443" | int -}}
{{- $destinations = append $destinations (dict "suffix" (printf "webhook-%s" .name) "host" $url.hostname "port" $port "portName" "https" "protocol" "TLS") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $destinations -}}
{{- end -}}
