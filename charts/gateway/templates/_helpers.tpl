{{/*
gateway.configDir: the directory the ConfigMap is mounted at; the gateway reads config.yaml from it.
*/}}
{{- define "gateway.configDir" -}}/etc/gateway{{- end -}}

{{/*
gateway.redisUsed: "true" when the rate-limit buckets live in Redis.
*/}}
{{- define "gateway.redisUsed" -}}
{{- if and .Values.rateLimit.enabled (eq .Values.rateLimit.store "redis") -}}true{{- end -}}
{{- end -}}

{{/*
gateway.redisAuth: "true" when the gateway uses Redis and authenticates to it.
*/}}
{{- define "gateway.redisAuth" -}}
{{- if and (include "gateway.redisUsed" .) .Values.redis.auth.enabled -}}true{{- end -}}
{{- end -}}

{{/*
gateway.hosts: the host names of the Istio Gateway (`istioGateway.hosts`, else `exposure.hosts`) as a YAML list.
Usage: {{ include "gateway.hosts" . | fromYamlArray }}
*/}}
{{- define "gateway.hosts" -}}
{{- toYaml (.Values.istioGateway.hosts | default .Values.exposure.hosts | default list) -}}
{{- end -}}

{{/*
gateway.gatewayName: name of the dedicated Istio Gateway (`istioGateway.name`, else the full name).
*/}}
{{- define "gateway.gatewayName" -}}
{{- .Values.istioGateway.name | default (include "common.names.fullname" (dict "root" $)) -}}
{{- end -}}

{{/*
gateway.tlsSecretName: the TLS Secret of the dedicated Gateway's HTTPS server, in the release namespace.
*/}}
{{- define "gateway.tlsSecretName" -}}
{{- .Values.istioGateway.tls.secretName | default (printf "%s-tls" (include "gateway.gatewayName" .)) -}}
{{- end -}}

{{/*
gateway.gatewayRef: the `<namespace>/<name>` reference of the dedicated Gateway, as exposures bind to it.
*/}}
{{- define "gateway.gatewayRef" -}}
{{- printf "%s/%s" .Release.Namespace (include "gateway.gatewayName" .) -}}
{{- end -}}

{{/*
gateway.prefixCovers: "true" when path prefix `prefix` matches every path `path` matches (on path-segment
boundaries: `/api` covers `/api` and `/api/v1`, not `/apis`).
Usage: {{ include "gateway.prefixCovers" (dict "prefix" "/api" "path" "/api/v1") }}
*/}}
{{- define "gateway.prefixCovers" -}}
{{- if or (eq .prefix "/") (eq .prefix .path) (hasPrefix (printf "%s/" .prefix) .path) -}}true{{- end -}}
{{- end -}}

{{/*
gateway.hostCovered: "true" when `host` is in `hosts` or matches one of its `*.` wildcards.
Usage: {{ include "gateway.hostCovered" (dict "host" "a.example.com" "hosts" $hosts) }}
*/}}
{{- define "gateway.hostCovered" -}}
{{- $host := .host -}}
{{- $covered := has $host .hosts -}}
{{- range .hosts -}}
{{- if and (hasPrefix "*." .) (hasSuffix (trimPrefix "*" .) $host) -}}
{{- $covered = true -}}
{{- end -}}
{{- end -}}
{{- if $covered -}}true{{- end -}}
{{- end -}}

{{/*
gateway.backendUrl: the in-cluster URL of a route's backend.
Usage: {{ include "gateway.backendUrl" (dict "root" $ "backend" $route.backend) }}
*/}}
{{- define "gateway.backendUrl" -}}
{{- $domain := dig "clusterDomain" "cluster.local" (.root.Values.global | default dict) -}}
{{- printf "http://%s.%s.svc.%s:%d" .backend.app (.backend.namespace | default .root.Release.Namespace) $domain (.backend.port | int) -}}
{{- end -}}

{{/*
gateway.validations: relations between values the schema cannot express. Fails with
"gateway: <values path> <problem>. <what to do>."
*/}}
{{- define "gateway.validations" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $names := dict -}}
{{- $earlier := list -}}
{{- range $index, $route := .Values.routes -}}
{{- if hasKey $names $route.name -}}
{{- fail (printf "%s: routes[%d] reuses the route name %q. Route names must be unique; rename one of them." $chart $index $route.name) -}}
{{- end -}}
{{- $_ := set $names $route.name true -}}
{{- range $position, $previous := $earlier -}}
{{- if include "gateway.prefixCovers" (dict "prefix" $previous "path" $route.pathPrefix) -}}
{{- fail (printf "%s: routes[%d] (%s, %s) is never reached: routes[%d] (%s) comes first and matches all its paths. Move the longer prefix before the shorter one." $chart $index $route.name $route.pathPrefix $position $previous) -}}
{{- end -}}
{{- end -}}
{{- $earlier = append $earlier $route.pathPrefix -}}
{{- end -}}
{{- $policy := .Values.networkPolicy -}}
{{- if and $policy.enabled $policy.egress.enabled -}}
{{- range $index, $route := .Values.routes -}}
{{- $namespace := $route.backend.namespace | default $.Release.Namespace -}}
{{- $port := $route.backend.port | int -}}
{{- $allowed := false -}}
{{- range $policy.egress.allowedApps -}}
{{- $ports := list -}}
{{- range .ports }}{{ $ports = append $ports (int . | toString) }}{{ end -}}
{{- if and (eq .app $route.backend.app) (eq (.namespace | default $.Release.Namespace) $namespace) (has (toString $port) $ports) -}}
{{- $allowed = true -}}
{{- end -}}
{{- end -}}
{{- if not $allowed -}}
{{- fail (printf "%s: routes[%d] (%s) forwards to %s:%d in namespace %s, which networkPolicy.egress.allowedApps does not allow, so the NetworkPolicy would drop the route's traffic. Add {app: %s, namespace: %s, ports: [%d]} to networkPolicy.egress.allowedApps." $chart $index $route.name $route.backend.app $port $namespace $route.backend.app $namespace $port) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and .Values.cors.enabled .Values.cors.allowCredentials (has "*" .Values.cors.allowOrigins) -}}
{{- fail (printf "%s: cors.allowOrigins contains \"*\" while cors.allowCredentials is true, which would let any web site act with the user's credentials. List the exact origins or disable allowCredentials." $chart) -}}
{{- end -}}
{{- $gateway := .Values.istioGateway -}}
{{- if $gateway.enabled -}}
{{- if not $gateway.selector -}}
{{- fail (printf "%s: istioGateway is enabled but istioGateway.selector is empty. Set the labels of the ingress gateway pods running in namespace %s (Istio reads the TLS Secret from their namespace), or bind to the shared platform Gateway with istioGateway.enabled: false." $chart .Release.Namespace) -}}
{{- end -}}
{{- $hosts := include "gateway.hosts" . | fromYamlArray -}}
{{- if not $hosts -}}
{{- fail (printf "%s: istioGateway has no hosts: istioGateway.hosts and exposure.hosts are both empty. Add the public host names to one of them or disable istioGateway." $chart) -}}
{{- end -}}
{{- if .Values.exposure.enabled -}}
{{- range .Values.exposure.hosts -}}
{{- if not (include "gateway.hostCovered" (dict "host" . "hosts" $hosts)) -}}
{{- fail (printf "%s: exposure.hosts contains %q, which istioGateway.hosts does not serve, so the Gateway would never route it to the gateway. Add it to istioGateway.hosts." $chart .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if eq $gateway.tls.mode "certManager" -}}
{{- $certManager := $gateway.tls.certManager -}}
{{- if not $certManager.issuerRef.name -}}
{{- fail (printf "%s: istioGateway.tls.mode is certManager but istioGateway.tls.certManager.issuerRef.name is empty. Name the (Cluster)Issuer that signs the certificate, or use tls.mode: secret." $chart) -}}
{{- end -}}
{{- $algorithm := $certManager.privateKey.algorithm -}}
{{- $size := $certManager.privateKey.size | int -}}
{{- if and (eq $algorithm "ECDSA") (not (has (toString $size) (list "256" "384" "521"))) -}}
{{- fail (printf "%s: istioGateway.tls.certManager.privateKey.size %d is not an ECDSA curve size. Use 256, 384 or 521." $chart $size) -}}
{{- end -}}
{{- if and (eq $algorithm "RSA") (lt $size 2048) -}}
{{- fail (printf "%s: istioGateway.tls.certManager.privateKey.size %d is too small for RSA. Use at least 2048." $chart $size) -}}
{{- end -}}
{{- $duration := include "common.utils.durationMilliseconds" (dict "duration" $certManager.duration) | int64 -}}
{{- $renewBefore := include "common.utils.durationMilliseconds" (dict "duration" $certManager.renewBefore) | int64 -}}
{{- if ge $renewBefore $duration -}}
{{- fail (printf "%s: istioGateway.tls.certManager.renewBefore (%s) is not shorter than duration (%s), so cert-manager would renew continuously. Shorten renewBefore." $chart $certManager.renewBefore $certManager.duration) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
gateway.config: the gateway's config.yaml. Listen ports, health paths and the metrics path come from
containerPorts, the probes and serviceMonitor; route upstreams are resolved to in-cluster URLs.
*/}}
{{- define "gateway.config" -}}
{{- $values := .Values -}}
{{- $routes := list -}}
{{- range $values.routes -}}
{{- $route := dict
  "name" .name
  "pathPrefix" .pathPrefix
  "upstream" (include "gateway.backendUrl" (dict "root" $ "backend" .backend))
  "timeout" (.timeout | default $values.limits.requestTimeout)
  "authentication" (.authentication | default "required")
-}}
{{- with .rewritePrefix -}}
{{- $_ := set $route "rewritePrefix" . -}}
{{- end -}}
{{- $routes = append $routes $route -}}
{{- end -}}
{{- $rate := $values.rateLimit -}}
{{- $rateConfig := dict
  "enabled" $rate.enabled
  "store" $rate.store
  "perClient" (dict "requestsPerMinute" ($rate.perClient.requestsPerMinute | int) "burst" ($rate.perClient.burst | int))
  "anonymous" (dict "requestsPerMinute" ($rate.anonymous.requestsPerMinute | int) "burst" ($rate.anonymous.burst | int))
-}}
{{- if include "gateway.redisUsed" . -}}
{{- $redis := $values.redis -}}
{{- $redisConfig := dict
  "address" (printf "%s:%d" $redis.host ($redis.port | int))
  "database" ($redis.database | int)
  "keyPrefix" $redis.keyPrefix
  "tls" (dict "enabled" $redis.tls.enabled "serverName" ($redis.tls.serverName | default $redis.host))
-}}
{{- if include "gateway.redisAuth" . -}}
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
{{- $_ := set $rateConfig "redis" $redisConfig -}}
{{- end -}}
{{- $cors := $values.cors -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" ($values.containerPorts.http | int))
    "healthPath" $values.livenessProbe.path
    "readinessPath" $values.readinessProbe.path
    "trustedProxyHops" ($values.config.trustedProxyHops | int)
    "accessLog" $values.config.accessLog)
  "metrics" (dict "listenAddress" (printf ":%d" ($values.containerPorts.metrics | int)) "path" $values.serviceMonitor.path)
  "logging" (dict "level" $values.config.logLevel "format" $values.config.logFormat)
  "authentication" (dict
    "issuer" $values.authentication.issuer
    "audience" $values.authentication.audience
    "jwksUrl" (printf "%s/.well-known/jwks.json" (trimSuffix "/" $values.authentication.url))
    "jwksCacheTtl" $values.authentication.jwksCacheTtl
    "timeoutSeconds" ($values.authentication.timeoutSeconds | int))
  "routes" $routes
  "cors" (dict
    "enabled" $cors.enabled
    "allowOrigins" $cors.allowOrigins
    "allowMethods" $cors.allowMethods
    "allowHeaders" $cors.allowHeaders
    "exposeHeaders" $cors.exposeHeaders
    "allowCredentials" $cors.allowCredentials
    "maxAgeSeconds" ($cors.maxAgeSeconds | int))
  "rateLimit" $rateConfig
  "limits" (dict
    "maxRequestBodyBytes" ($values.limits.maxRequestBodyBytes | int64)
    "maxHeaderBytes" ($values.limits.maxHeaderBytes | int64)
    "requestTimeout" $values.limits.requestTimeout)
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
gateway.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the pods'
checksum annotation.
*/}}
{{- define "gateway.configData" -}}
config.yaml: {{ include "gateway.config" . | quote }}
{{- end -}}

{{/*
gateway.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "gateway.secretRefs" -}}
{{- $refs := dict -}}
{{- if include "gateway.redisAuth" . -}}
{{- $_ := set $refs "redis-password" (dict "ref" .Values.redis.auth.password "path" "redis.auth.password") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
gateway.env: the container's own environment variables (YAML list).
*/}}
{{- define "gateway.env" -}}
- name: GATEWAY_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "gateway.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- if include "gateway.redisAuth" . }}
{{ include "common.env.secretVar" (dict "root" $ "name" "REDIS_PASSWORD" "ref" .Values.redis.auth.password "path" "redis.auth.password" "suffix" "redis-password") }}
{{- end }}
{{- end -}}

{{/*
gateway.volumes / gateway.volumeMounts: the ConfigMap volume and its read-only mount.
*/}}
{{- define "gateway.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- end -}}

{{- define "gateway.volumeMounts" -}}
- name: config
  mountPath: {{ include "gateway.configDir" . }}
  readOnly: true
{{- end -}}
