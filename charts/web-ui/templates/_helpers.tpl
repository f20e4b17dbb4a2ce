{{/*
web-ui.statusPort: the loopback-only port of nginx's stub_status, read by the exporter sidecar.
*/}}
{{- define "web-ui.statusPort" -}}8081{{- end -}}

{{/*
web-ui.nginxConfigDir / web-ui.runtimeConfigDir: where the nginx server configuration and the
browser's runtime configuration are mounted (the latter inside the document root, as /runtime/).
*/}}
{{- define "web-ui.nginxConfigDir" -}}/etc/nginx/conf.d{{- end -}}
{{- define "web-ui.documentRoot" -}}/usr/share/nginx/html{{- end -}}
{{- define "web-ui.runtimeConfigDir" -}}{{ include "web-ui.documentRoot" . }}/runtime{{- end -}}

{{/*
web-ui.origin: the origin (`scheme://host[:port]`) of an absolute URL; nothing for a path.
*/}}
{{- define "web-ui.origin" -}}
{{- if regexMatch "^https?://" . -}}
{{- $url := urlParse . -}}
{{- printf "%s://%s" $url.scheme $url.host -}}
{{- end -}}
{{- end -}}

{{/*
web-ui.cspDirectives: the effective CSP directives (YAML map name -> sources): the configured ones,
with the origins the browser must reach for login and the API added to `connect-src`.
*/}}
{{- define "web-ui.cspDirectives" -}}
{{- $directives := deepCopy .Values.securityHeaders.contentSecurityPolicy.directives -}}
{{- $connect := get $directives "connect-src" | default (list "'self'") -}}
{{- range $url := list .Values.runtimeConfig.auth.issuerUrl .Values.runtimeConfig.apiBaseUrl .Values.runtimeConfig.mcpEndpoint -}}
{{- with include "web-ui.origin" $url -}}
{{- $connect = append $connect . -}}
{{- end -}}
{{- end -}}
{{- $_ := set $directives "connect-src" ($connect | uniq) -}}
{{- toYaml $directives -}}
{{- end -}}

{{/*
web-ui.csp: the Content-Security-Policy value: sorted directives, then upgrade-insecure-requests and report-uri.
*/}}
{{- define "web-ui.csp" -}}
{{- $csp := .Values.securityHeaders.contentSecurityPolicy -}}
{{- $parts := list -}}
{{- range $name, $sources := (include "web-ui.cspDirectives" . | fromYaml) -}}
{{- $parts = append $parts (trim (printf "%s %s" $name (join " " $sources))) -}}
{{- end -}}
{{- if $csp.upgradeInsecureRequests -}}
{{- $parts = append $parts "upgrade-insecure-requests" -}}
{{- end -}}
{{- with $csp.reportUri -}}
{{- $parts = append $parts (printf "report-uri %s" .) -}}
{{- end -}}
{{- join "; " $parts -}}
{{- end -}}

{{/*
web-ui.securityHeaders: the headers nginx adds to every response, as a YAML map name -> value.
*/}}
{{- define "web-ui.securityHeaders" -}}
{{- $headers := .Values.securityHeaders -}}
{{- $out := dict
  "X-Content-Type-Options" "nosniff"
  "X-Frame-Options" $headers.frameOptions
  "Referrer-Policy" $headers.referrerPolicy
  "Cross-Origin-Opener-Policy" $headers.crossOriginOpenerPolicy
  "Cross-Origin-Resource-Policy" $headers.crossOriginResourcePolicy
-}}
{{- if $headers.contentSecurityPolicy.enabled -}}
{{- $_ := set $out (ternary "Content-Security-Policy-Report-Only" "Content-Security-Policy" $headers.contentSecurityPolicy.reportOnly) (include "web-ui.csp" .) -}}
{{- end -}}
{{- $hsts := $headers.strictTransportSecurity -}}
{{- if $hsts.enabled -}}
{{- $value := printf "max-age=%d" ($hsts.maxAgeSeconds | int) -}}
{{- if $hsts.includeSubDomains }}{{ $value = printf "%s; includeSubDomains" $value }}{{ end -}}
{{- if $hsts.preload }}{{ $value = printf "%s; preload" $value }}{{ end -}}
{{- $_ := set $out "Strict-Transport-Security" $value -}}
{{- end -}}
{{- $permissions := list -}}
{{- range $feature, $allow := $headers.permissionsPolicy -}}
{{- $permissions = append $permissions (printf "%s=%s" $feature $allow) -}}
{{- end -}}
{{- with $permissions -}}
{{- $_ := set $out "Permissions-Policy" (join ", " .) -}}
{{- end -}}
{{- range $name, $value := $headers.extra -}}
{{- $_ := set $out $name $value -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
web-ui.validate: relations the schema cannot express. Fails with the values path and the fix.
*/}}
{{- define "web-ui.validate" -}}
{{- $csp := .Values.securityHeaders.contentSecurityPolicy -}}
{{- if $csp.enabled -}}
{{- $directive := ternary "script-src" "default-src" (hasKey $csp.directives "script-src") -}}
{{- range $source := (get $csp.directives $directive | default list) -}}
{{- if has $source (list "'unsafe-inline'" "'unsafe-eval'") -}}
{{- fail (printf "web-ui: securityHeaders.contentSecurityPolicy.directives.%s contains %s, which lets injected scripts run and defeats the policy. Remove it (the React build needs neither; use a nonce or hash source for a script that must stay inline)." $directive $source) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $hsts := .Values.securityHeaders.strictTransportSecurity -}}
{{- if and $hsts.enabled $hsts.preload (or (not $hsts.includeSubDomains) (lt ($hsts.maxAgeSeconds | int) 31536000)) -}}
{{- fail "web-ui: securityHeaders.strictTransportSecurity.preload needs includeSubDomains and maxAgeSeconds of at least 31536000 (one year); browsers' preload lists refuse anything less. Adjust them or drop preload." -}}
{{- end -}}
{{- if .Values.metricsExporter.enabled -}}
{{- if not (hasKey .Values.containerPorts "metrics") -}}
{{- fail "web-ui: metricsExporter is enabled but containerPorts has no \"metrics\" port for it to listen on. Add containerPorts.metrics or disable metricsExporter." -}}
{{- end -}}
{{- include "common.validations.image" (dict "root" $ "image" .Values.metricsExporter.image "path" "metricsExporter.image") -}}
{{- include "common.validations.resources" (dict "root" $ "resources" .Values.metricsExporter.resources "path" "metricsExporter.resources") -}}
{{- else if .Values.serviceMonitor.enabled -}}
{{- fail "web-ui: serviceMonitor is enabled but metricsExporter is off, so nothing serves metrics. Enable metricsExporter or disable serviceMonitor." -}}
{{- end -}}
{{- range $name, $port := .Values.containerPorts -}}
{{- if eq ($port | int) (include "web-ui.statusPort" $ | int) -}}
{{- fail (printf "web-ui: containerPorts.%s is %d, the loopback port of nginx's stub_status. Choose another port." $name ($port | int)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
web-ui.nginxConfig: the nginx server configuration (default.conf, included in the http block of the
image's nginx.conf). Every location that sets a header includes the security headers again, because
nginx drops inherited add_header directives in such a location.
*/}}
{{- define "web-ui.nginxConfig" -}}
{{- $server := .Values.server -}}
{{- $headers := printf "include %s/security-headers.inc;" (include "web-ui.nginxConfigDir" .) -}}
# Generated by the web-ui chart.
log_format web_ui_json escape=json '{"time":"$time_iso8601","remote_addr":"$remote_addr","method":"$request_method","uri":"$request_uri","status":$status,"bytes":$body_bytes_sent,"duration":$request_time,"user_agent":"$http_user_agent","request_id":"$http_x_request_id"}';

server {
    listen {{ .Values.containerPorts.http | int }};
    server_name _;
    root {{ include "web-ui.documentRoot" . }};
    index index.html;
    charset utf-8;
    server_tokens off;
    absolute_redirect off;
    client_max_body_size {{ $server.clientMaxBodySize }};
{{- if $server.accessLog }}
    access_log /dev/stdout web_ui_json;
{{- else }}
    access_log off;
{{- end }}
{{- range $server.trustedProxyCidrs }}
    set_real_ip_from {{ . }};
{{- end }}
{{- if $server.trustedProxyCidrs }}
    real_ip_header X-Forwarded-For;
    real_ip_recursive on;
{{- end }}
{{- if $server.gzip }}
    gzip on;
    gzip_vary on;
    gzip_min_length 1024;
    gzip_types text/css application/javascript application/json image/svg+xml text/plain;
{{- end }}

    {{ $headers }}

    location = {{ .Values.livenessProbe.path }} {
        access_log off;
        default_type text/plain;
        return 200 "ok\n";
    }

    location = /runtime/config.json {
        add_header Cache-Control "no-store" always;
        {{ $headers }}
    }

    location /assets/ {
        add_header Cache-Control "public, max-age={{ $server.assetCacheMaxAgeSeconds | int }}, immutable" always;
        {{ $headers }}
        try_files $uri =404;
    }

    location / {
        add_header Cache-Control "no-cache" always;
        {{ $headers }}
        try_files $uri $uri/ /index.html;
    }
}
{{- if .Values.metricsExporter.enabled }}

# stub_status for the metrics exporter sidecar, reachable from inside the pod only.
server {
    listen 127.0.0.1:{{ include "web-ui.statusPort" . }};
    access_log off;
    location = /stub_status {
        stub_status;
    }
}
{{- end }}
{{- end -}}

{{/*
web-ui.securityHeadersConfig: security-headers.inc, the add_header lines (not named *.conf, so the
image's nginx.conf does not include it on its own).
*/}}
{{- define "web-ui.securityHeadersConfig" -}}
{{- range $name, $value := (include "web-ui.securityHeaders" . | fromYaml) }}
add_header {{ $name }} "{{ $value }}" always;
{{- end }}
{{- end -}}

{{/*
web-ui.runtimeConfig: config.json, what the browser app reads at start.
*/}}
{{- define "web-ui.runtimeConfig" -}}
{{- $config := .Values.runtimeConfig -}}
{{- toPrettyJson (dict
  "apiBaseUrl" $config.apiBaseUrl
  "mcpEndpoint" $config.mcpEndpoint
  "auth" (dict
    "issuerUrl" ($config.auth.issuerUrl | default "/auth")
    "clientId" $config.auth.clientId
    "scopes" $config.auth.scopes
    "redirectPath" $config.auth.redirectPath)
  "environment" (dict "name" $config.environment.name "bannerColor" $config.environment.bannerColor)
  "features" ($config.features | default dict)) -}}
{{- end -}}

{{/*
web-ui.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the pods'
checksum annotation.
*/}}
{{- define "web-ui.configData" -}}
default.conf: {{ include "web-ui.nginxConfig" . | quote }}
security-headers.inc: {{ include "web-ui.securityHeadersConfig" . | trim | quote }}
config.json: {{ include "web-ui.runtimeConfig" . | quote }}
{{- end -}}

{{/*
web-ui.volumes / web-ui.volumeMounts: the nginx configuration (replacing the image's default.conf) and
the runtime configuration inside the document root, both read-only from the chart's ConfigMap;
common.workload adds /tmp (nginx-unprivileged keeps its pid and temp files there).
*/}}
{{- define "web-ui.volumes" -}}
{{- $configMap := include "common.names.suffixed" (dict "root" $ "suffix" "config") -}}
- name: nginx-config
  configMap:
    name: {{ $configMap }}
    items:
      - key: default.conf
        path: default.conf
      - key: security-headers.inc
        path: security-headers.inc
- name: runtime-config
  configMap:
    name: {{ $configMap }}
    items:
      - key: config.json
        path: config.json
{{- end -}}

{{- define "web-ui.volumeMounts" -}}
- name: nginx-config
  mountPath: {{ include "web-ui.nginxConfigDir" . }}
  readOnly: true
- name: runtime-config
  mountPath: {{ include "web-ui.runtimeConfigDir" . }}
  readOnly: true
{{- end -}}

{{/*
web-ui.exporterContainer: the nginx-prometheus-exporter sidecar (restricted security context, probes,
resources), listening on containerPorts.metrics.
*/}}
{{- define "web-ui.exporterContainer" -}}
{{- $exporter := .Values.metricsExporter -}}
{{- $port := .Values.containerPorts.metrics | int -}}
name: metrics-exporter
image: {{ include "common.images.image" (dict "root" $ "image" $exporter.image) }}
imagePullPolicy: {{ $exporter.image.pullPolicy }}
args:
  - {{ printf "--nginx.scrape-uri=http://127.0.0.1:%s/stub_status" (include "web-ui.statusPort" .) }}
  - {{ printf "--web.listen-address=:%d" $port }}
  - {{ printf "--web.telemetry-path=%s" .Values.serviceMonitor.path }}
ports:
  - name: metrics
    containerPort: {{ $port }}
    protocol: TCP
livenessProbe:
  tcpSocket:
    port: metrics
  periodSeconds: 20
  timeoutSeconds: 2
  failureThreshold: 3
readinessProbe:
  tcpSocket:
    port: metrics
  periodSeconds: 10
  timeoutSeconds: 2
  failureThreshold: 3
resources:
  {{- include "common.resources.render" (dict "root" $ "resources" $exporter.resources) | nindent 2 }}
securityContext:
  {{- include "common.securityContext.container" (dict "root" $) | nindent 2 }}
{{- end -}}
