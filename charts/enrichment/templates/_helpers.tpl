{{/*
enrichment.configDir / enrichment.geoipDir: where the ConfigMap and the GeoIP databases are mounted.
*/}}
{{- define "enrichment.configDir" -}}/etc/enrichment{{- end -}}
{{- define "enrichment.geoipDir" -}}/var/lib/enrichment/geoip{{- end -}}

{{/*
enrichment.providers: the supported threat-intelligence providers: values key, name (config, Secret
suffix) and the variable holding the API key.
*/}}
{{- define "enrichment.providers" -}}
- key: virusTotal
  name: virustotal
  env: VIRUSTOTAL_API_KEY
- key: abuseIpDb
  name: abuseipdb
  env: ABUSEIPDB_API_KEY
- key: greyNoise
  name: greynoise
  env: GREYNOISE_API_KEY
{{- end -}}

{{/*
enrichment.enabledProviders: the enabled providers as a YAML list of {name, env, settings}.
*/}}
{{- define "enrichment.enabledProviders" -}}
{{- $enabled := list -}}
{{- range (include "enrichment.providers" . | fromYamlArray) -}}
{{- $settings := get $.Values.threatIntel.providers .key -}}
{{- if $settings.enabled -}}
{{- $enabled = append $enabled (dict "key" .key "name" .name "env" .env "settings" $settings) -}}
{{- end -}}
{{- end -}}
{{- toYaml $enabled -}}
{{- end -}}

{{/*
enrichment.geoipDownload: "true" when the service downloads the GeoIP databases itself.
*/}}
{{- define "enrichment.geoipDownload" -}}
{{- if and .Values.geoip.enabled (eq .Values.geoip.source "download") -}}true{{- end -}}
{{- end -}}

{{/*
enrichment.externalHosts: the external hosts the service calls (enabled providers, GeoIP downloads,
extraHosts), sorted and deduplicated, as a YAML list.
*/}}
{{- define "enrichment.externalHosts" -}}
{{- $hosts := list -}}
{{- range (include "enrichment.enabledProviders" . | fromYamlArray) -}}
{{- $hosts = append $hosts (urlParse .settings.baseUrl).hostname -}}
{{- end -}}
{{- if include "enrichment.geoipDownload" . -}}
{{- $hosts = concat $hosts .Values.geoip.download.hosts -}}
{{- end -}}
{{- $hosts = concat $hosts .Values.egressAllowList.extraHosts -}}
{{- toYaml ($hosts | uniq | sortAlpha) -}}
{{- end -}}

{{/*
enrichment.redisNamespace: the namespace of the Redis host (`<name>.<namespace>.svc...`), or the
release namespace for a short name.
*/}}
{{- define "enrichment.redisNamespace" -}}
{{- $labels := splitList "." .Values.redis.host -}}
{{- if and (ge (len $labels) 3) (eq (index $labels 2) "svc") -}}
{{- index $labels 1 -}}
{{- else -}}
{{- .Release.Namespace -}}
{{- end -}}
{{- end -}}

{{/*
enrichment.validations: relations between values the schema cannot express. Fails with
"enrichment: <values path> <problem>. <what to do>."
*/}}
{{- define "enrichment.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $geoip := .Values.geoip -}}
{{- if $geoip.enabled -}}
{{- if and (eq $geoip.source "download") (not $geoip.download.accountId) -}}
{{- fail (printf "%s: geoip.source is download but geoip.download.accountId is empty. Set the MaxMind account id (the license key goes in geoip.download.licenseKey) or use source: volume." $chart) -}}
{{- end -}}
{{- if and (eq $geoip.source "volume") (not $geoip.volume.existingClaim) -}}
{{- fail (printf "%s: geoip.source is volume but geoip.volume.existingClaim is empty. Name the PersistentVolumeClaim holding the databases or use source: download." $chart) -}}
{{- end -}}
{{- end -}}
{{- if not (hasPrefix .Values.redis.keyPrefix .Values.cache.keyPrefix) -}}
{{- fail (printf "%s: cache.keyPrefix %q does not start with redis.keyPrefix %q, the only keys the service's Redis user may use. Start the cache prefix with %q." $chart .Values.cache.keyPrefix .Values.redis.keyPrefix .Values.redis.keyPrefix) -}}
{{- end -}}
{{- if and .Values.istio.enabled .Values.egressAllowList.restrictSidecar -}}
{{- $namespace := include "enrichment.redisNamespace" . -}}
{{- $host := .Values.redis.host -}}
{{- $accepted := list "*/*" (printf "%s/*" $namespace) (printf "%s/%s" $namespace $host) -}}
{{- if eq $namespace .Release.Namespace -}}
{{- $accepted = concat $accepted (list "./*" (printf "./%s" $host)) -}}
{{- end -}}
{{- $reachable := false -}}
{{- range .Values.egressAllowList.meshHosts -}}
{{- if has . $accepted -}}
{{- $reachable = true -}}
{{- end -}}
{{- end -}}
{{- if not $reachable -}}
{{- fail (printf "%s: egressAllowList.restrictSidecar blocks Redis (%s in namespace %s): egressAllowList.meshHosts (%s) does not include it. Add \"%s/*\" to egressAllowList.meshHosts." $chart $host $namespace (join ", " .Values.egressAllowList.meshHosts) $namespace) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
enrichment.secretRefs: every secret the service reads (suffix -> {name, ref, path}), for the
environment and common.externalSecrets.
*/}}
{{- define "enrichment.secretRefs" -}}
{{- $refs := dict -}}
{{- if .Values.redis.auth.enabled -}}
{{- $_ := set $refs "redis-password" (dict "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- range (include "enrichment.enabledProviders" . | fromYamlArray) -}}
{{- $_ := set $refs (printf "%s-api-key" .name) (dict "name" .env "ref" .settings.apiKey "path" (printf "threatIntel.providers.%s.apiKey" .key)) -}}
{{- end -}}
{{- if include "enrichment.geoipDownload" . -}}
{{- $_ := set $refs "maxmind-license-key" (dict "name" "MAXMIND_LICENSE_KEY" "ref" .Values.geoip.download.licenseKey "path" "geoip.download.licenseKey") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
enrichment.config: the service's config.yaml. Secrets appear only as the names of the variables
holding them.
*/}}
{{- define "enrichment.config" -}}
{{- $values := .Values -}}
{{- $providers := list -}}
{{- range (include "enrichment.enabledProviders" . | fromYamlArray) -}}
{{- $providers = append $providers (dict
  "name" .name
  "baseUrl" .settings.baseUrl
  "apiKeyEnv" .env
  "timeout" .settings.timeout
  "requestsPerMinute" (.settings.requestsPerMinute | int)) -}}
{{- end -}}
{{- $geoip := dict "enabled" $values.geoip.enabled -}}
{{- if $values.geoip.enabled -}}
{{- $geoip = dict "enabled" true "editions" $values.geoip.editions "databaseDirectory" (include "enrichment.geoipDir" .) "source" $values.geoip.source -}}
{{- if include "enrichment.geoipDownload" . -}}
{{- $_ := set $geoip "download" (dict "accountId" $values.geoip.download.accountId "licenseKeyEnv" "MAXMIND_LICENSE_KEY" "updateInterval" $values.geoip.download.updateInterval) -}}
{{- end -}}
{{- end -}}
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
{{- $ttl := $values.cache.ttl -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.http | int))
    "healthPath" $values.livenessProbe.path
    "readinessPath" $values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" ($values.containerPorts.metrics | int)) "path" $values.serviceMonitor.path)
  "logging" (dict "level" $values.config.logLevel "format" $values.config.logFormat)
  "lookup" (dict "workers" ($values.config.workers | int) "timeout" $values.config.lookupTimeout)
  "providers" $providers
  "geoip" $geoip
  "cache" (dict
    "keyPrefix" $values.cache.keyPrefix
    "maxEntryBytes" ($values.cache.maxEntryBytes | int)
    "ttl" (dict
      "ipReputation" $ttl.ipReputation
      "domainReputation" $ttl.domainReputation
      "fileHash" $ttl.fileHash
      "geoip" $ttl.geoip
      "negative" $ttl.negative))
  "redis" $redisConfig
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
enrichment.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the pods'
checksum annotation.
*/}}
{{- define "enrichment.configData" -}}
config.yaml: {{ include "enrichment.config" . | quote }}
{{- end -}}

{{/*
enrichment.env: the container's own environment variables (YAML list): the config file and every
secret the config names by variable.
*/}}
{{- define "enrichment.env" -}}
- name: ENRICHMENT_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "enrichment.configDir" .) | quote }}
{{- $refs := include "enrichment.secretRefs" . | fromYaml }}
{{- range $suffix := keys $refs | sortAlpha }}
{{- $entry := get $refs $suffix }}
{{ include "common.env.secretVar" (dict "root" $ "name" $entry.name "ref" $entry.ref "path" $entry.path "suffix" $suffix) }}
{{- end }}
{{- end -}}

{{/*
enrichment.volumes / enrichment.volumeMounts: the ConfigMap, and the GeoIP databases: a size-limited
emptyDir the service downloads into, or a read-only PersistentVolumeClaim.
*/}}
{{- define "enrichment.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- if .Values.geoip.enabled }}
- name: geoip
  {{- if eq .Values.geoip.source "download" }}
  emptyDir:
    sizeLimit: {{ .Values.geoip.download.sizeLimit }}
  {{- else }}
  persistentVolumeClaim:
    claimName: {{ .Values.geoip.volume.existingClaim }}
    readOnly: true
  {{- end }}
{{- end }}
{{- end -}}

{{- define "enrichment.volumeMounts" -}}
- name: config
  mountPath: {{ include "enrichment.configDir" . }}
  readOnly: true
{{- if .Values.geoip.enabled }}
- name: geoip
  mountPath: {{ include "enrichment.geoipDir" . }}
  {{- if eq .Values.geoip.source "volume" }}
  readOnly: true
  {{- end }}
{{- end }}
{{- end -}}
