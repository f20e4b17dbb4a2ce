{{/*
scanner-manager.configDir: the directory the ConfigMap is mounted at; the manager reads config.yaml from it.
*/}}
{{- define "scanner-manager.configDir" -}}/etc/scanner-manager{{- end -}}

{{/*
scanner-manager.scanServiceAccount: the ServiceAccount the scan pods run as, in the sandbox namespace
(the scan-sandbox chart creates it without an API token and binds nothing to it).
*/}}
{{- define "scanner-manager.scanServiceAccount" -}}
{{- .Values.scans.jobs.serviceAccountName -}}
{{- end -}}

{{/*
scanner-manager.scanLabels: the labels the manager puts on every scan Job and pod (YAML map). The
sandbox's allow policy selects component and managed-by (scan-sandbox `scanPods.podLabels`), so they
must stay stable. `sidecar.istio.io/inject: "false"` keeps scan pods out of the mesh even where the
sandbox namespace is labelled `istio-injection: enabled`: istiod's injection webhook for such
namespaces only matches pods whose label is not "false" (istiod chart 1.30.3,
templates/mutatingwebhook.yaml:115-128, webhook `namespace.sidecar-injector.istio.io`: namespaceSelector
istio-injection In [enabled], objectSelector sidecar.istio.io/inject NotIn ["false"]; documented at
https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy).
A sidecar would give untrusted code a mesh identity, need egress to istiod and keep the Job from completing.
*/}}
{{- define "scanner-manager.scanLabels" -}}
app.kubernetes.io/name: {{ include "common.names.name" (dict "root" $) | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: scanner
app.kubernetes.io/part-of: {{ .Values.partOf | quote }}
app.kubernetes.io/managed-by: {{ include "common.names.name" (dict "root" $) | quote }}
sidecar.istio.io/inject: "false"
{{- end -}}

{{/*
scanner-manager.enabledScanners: names of the enabled scanners, sorted (YAML list).
*/}}
{{- define "scanner-manager.enabledScanners" -}}
{{- $names := list -}}
{{- range $name, $scanner := .Values.scanners -}}
{{- if dig "enabled" true $scanner -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- toYaml ($names | sortAlpha) -}}
{{- end -}}

{{/*
scanner-manager.validations.catalog: what the schema cannot express about the scanner catalog: at
least one scanner, each pinned to a version with complete resources, none allowed more concurrent
Jobs than the manager runs in total.
*/}}
{{- define "scanner-manager.validations.catalog" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $enabled := include "scanner-manager.enabledScanners" . | fromYamlArray -}}
{{- if (dig "imagePullSecrets" list (.Values.global | default dict)) -}}
{{- fail (printf "%s: global.imagePullSecrets is set, but scan pods run in namespace %s, which holds no Secret of the platform (untrusted code runs there), so scanner images could not use it. Pull images without a Secret (a mirror the nodes authenticate to, global.imageRegistry), or set the manager's own image.pullSecrets instead." $chart .Values.scans.namespace) -}}
{{- end -}}
{{- if not $enabled -}}
{{- fail (printf "%s: scanners enables no scanner, so every scan request would be refused. Enable at least one (e.g. scanners.trivy.enabled: true)." $chart) -}}
{{- end -}}
{{- $maxConcurrent := .Values.scans.maxConcurrent | int -}}
{{- range $name := $enabled -}}
{{- $scanner := get $.Values.scanners $name -}}
{{- $path := printf "scanners.%s" $name -}}
{{- $image := $scanner.image | default dict -}}
{{- if and (not $image.tag) (not $image.digest) -}}
{{- fail (printf "%s: %s.image has neither tag nor digest. Pin the scanner version with %s.image.tag or %s.image.digest (the manager's appVersion is no scanner version)." $chart $path $path $path) -}}
{{- end -}}
{{- include "common.validations.image" (dict "root" $ "image" $image "path" (printf "%s.image" $path)) -}}
{{- if $image.pullSecrets -}}
{{- fail (printf "%s: %s.image.pullSecrets names %s, but scan pods run in namespace %s, which holds no Secret of the platform (untrusted code runs there). Pull scanner images without a Secret: a public registry, or a mirror the nodes authenticate to (global.imageRegistry)." $chart $path (join ", " $image.pullSecrets) $.Values.scans.namespace) -}}
{{- end -}}
{{- if not $scanner.resources -}}
{{- fail (printf "%s: %s.resources is missing. Every scan Job needs CPU and memory requests and limits; set %s.resources.requests and %s.resources.limits." $chart $path $path $path) -}}
{{- end -}}
{{- include "common.validations.resources" (dict "root" $ "resources" $scanner.resources "path" (printf "%s.resources" $path)) -}}
{{- $scannerMax := dig "maxConcurrent" 1 $scanner | int -}}
{{- if gt $scannerMax $maxConcurrent -}}
{{- fail (printf "%s: %s.maxConcurrent (%d) is above scans.maxConcurrent (%d), so it can never be reached. Lower it or raise scans.maxConcurrent." $chart $path $scannerMax $maxConcurrent) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
scanner-manager.validations.database: the connection pool keeps at most as many idle connections as it opens.
*/}}
{{- define "scanner-manager.validations.database" -}}
{{- $pool := .Values.postgresql.pool -}}
{{- if gt ($pool.maxIdleConnections | int) ($pool.maxOpenConnections | int) -}}
{{- fail (printf "%s: postgresql.pool.maxIdleConnections (%d) is above postgresql.pool.maxOpenConnections (%d). Lower it to at most maxOpenConnections." (include "common.names.name" (dict "root" $)) ($pool.maxIdleConnections | int) ($pool.maxOpenConnections | int)) -}}
{{- end -}}
{{- end -}}

{{/*
scanner-manager.validations.sandbox: scan Jobs run in a namespace of their own. In the release
namespace a scan pod could mount the manager's Secrets or run as any ServiceAccount there.
*/}}
{{- define "scanner-manager.validations.sandbox" -}}
{{- if eq .Values.scans.namespace .Release.Namespace -}}
{{- fail (printf "%s: scans.namespace is %s, the release namespace. Scan pods process untrusted images, repositories and URLs and must not run beside the manager's Secrets and ServiceAccounts: set scans.namespace to the scan sandbox (scans, deployed by the scan-sandbox chart)." (include "common.names.name" (dict "root" $)) .Release.Namespace) -}}
{{- end -}}
{{- end -}}

{{/*
scanner-manager.catalog: the enabled scanners as the manager reads them: full image reference,
pull policy, arguments, resources, concurrency and deadline (no pull Secret: see validations.catalog).
*/}}
{{- define "scanner-manager.catalog" -}}
{{- $catalog := dict -}}
{{- $defaultTimeout := .Values.scans.defaultTimeoutSeconds | int -}}
{{- range $name := include "scanner-manager.enabledScanners" . | fromYamlArray -}}
{{- $scanner := get $.Values.scanners $name -}}
{{- $timeout := dig "timeoutSeconds" 0 $scanner | int -}}
{{- $_ := set $catalog $name (dict
  "description" ($scanner.description | default "")
  "image" (include "common.images.image" (dict "root" $ "image" $scanner.image))
  "imagePullPolicy" (dig "pullPolicy" "IfNotPresent" $scanner.image)
  "args" ($scanner.args | default list)
  "resources" (include "common.resources.render" (dict "root" $ "resources" $scanner.resources) | fromYaml)
  "maxConcurrent" (dig "maxConcurrent" 1 $scanner | int)
  "timeoutSeconds" (ternary $timeout $defaultTimeout (gt $timeout 0))
) -}}
{{- end -}}
{{- toYaml $catalog -}}
{{- end -}}

{{/*
scanner-manager.config: the manager's config.yaml. Listen ports and health paths come from
containerPorts and the probes. The scan Job template (`jobs`) places scan pods in the sandbox
namespace as its token-less runner ServiceAccount, with the restricted security contexts of the
chart (so scan pods pass Pod Security "restricted" like the manager itself) and an emptyDir as their
only volume: it names no Secret, ConfigMap or other ServiceAccount.
*/}}
{{- define "scanner-manager.config" -}}
{{- include "scanner-manager.validations.catalog" . -}}
{{- include "scanner-manager.validations.database" . -}}
{{- include "scanner-manager.validations.sandbox" . -}}
{{- $jobs := .Values.scans.jobs -}}
{{- $pg := .Values.postgresql -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" .Values.config.logLevel "format" .Values.config.logFormat)
  "scans" (dict
    "maxConcurrent" (.Values.scans.maxConcurrent | int)
    "queueSize" (.Values.scans.queueSize | int)
    "defaultTimeoutSeconds" (.Values.scans.defaultTimeoutSeconds | int))
  "jobs" (dict
    "namespace" .Values.scans.namespace
    "serviceAccountName" (include "scanner-manager.scanServiceAccount" .)
    "automountServiceAccountToken" false
    "ttlSecondsAfterFinished" ($jobs.ttlSecondsAfterFinished | int)
    "backoffLimit" ($jobs.backoffLimit | int)
    "labels" (include "scanner-manager.scanLabels" . | fromYaml)
    "priorityClassName" $jobs.priorityClassName
    "nodeSelector" ($jobs.nodeSelector | default dict)
    "tolerations" ($jobs.tolerations | default list)
    "podSecurityContext" (include "common.securityContext.pod" (dict "root" $) | fromYaml)
    "containerSecurityContext" (include "common.securityContext.container" (dict "root" $) | fromYaml)
    "scratchVolume" (dict "mountPath" "/tmp" "sizeLimit" $jobs.scratchSizeLimit))
  "scanners" (include "scanner-manager.catalog" . | fromYaml)
  "database" (dict
    "host" $pg.host
    "port" ($pg.port | int)
    "name" $pg.database
    "user" $pg.username
    "sslMode" $pg.sslMode
    "sslRootCert" (include "scanner-manager.postgresqlCaFile" .)
    "passwordEnv" "DATABASE_PASSWORD"
    "maxOpenConnections" ($pg.pool.maxOpenConnections | int)
    "maxIdleConnections" ($pg.pool.maxIdleConnections | int)
    "connMaxLifetimeSeconds" ($pg.pool.connMaxLifetimeSeconds | int))
  "upstreams" (dict
    "authentication" (dict "url" .Values.upstreams.authentication.url "timeoutSeconds" (.Values.upstreams.authentication.timeoutSeconds | int))
    "notification" (dict "url" .Values.upstreams.notification.url "timeoutSeconds" (.Values.upstreams.notification.timeoutSeconds | int)))
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
scanner-manager.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and
the pods' checksum annotation.
*/}}
{{- define "scanner-manager.configData" -}}
config.yaml: {{ include "scanner-manager.config" . | quote }}
{{- end -}}

{{/*
scanner-manager.env: the container's own environment variables (YAML list).
*/}}
{{- define "scanner-manager.env" -}}
- name: SCANNER_MANAGER_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "scanner-manager.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{ include "common.env.secretVar" (dict "root" $ "name" "DATABASE_PASSWORD" "ref" .Values.postgresql.password "path" "postgresql.password" "suffix" "postgresql-password") }}
{{- end -}}

{{/*
scanner-manager.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "scanner-manager.secretRefs" -}}
postgresql-password:
  ref: {{ toYaml .Values.postgresql.password | nindent 4 }}
  path: postgresql.password
postgresql-ca:
  ref: {{ toYaml .Values.postgresql.caCertificate | nindent 4 }}
  path: postgresql.caCertificate
{{- end -}}

{{/*
scanner-manager.volumes / scanner-manager.volumeMounts: the ConfigMap volume and its read-only mount.
*/}}
{{- define "scanner-manager.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{ include "common.secrets.fileVolume" (dict "root" $ "name" "postgresql-ca" "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate" "suffix" "postgresql-ca" "fileName" "ca.crt") }}
{{- end -}}

{{- define "scanner-manager.volumeMounts" -}}
- name: config
  mountPath: {{ include "scanner-manager.configDir" . }}
  readOnly: true
- name: postgresql-ca
  mountPath: {{ include "scanner-manager.postgresqlCaDir" . }}
  readOnly: true
{{- end -}}

{{/*
scanner-manager.postgresqlCaDir / scanner-manager.postgresqlCaFile: where the PostgreSQL server's CA
certificate (`postgresql.caCertificate`) is mounted; the manager verifies the server against it
(`sslRootCert`, libpq `sslrootcert`).
*/}}
{{- define "scanner-manager.postgresqlCaDir" -}}/etc/postgresql-ca{{- end -}}
{{- define "scanner-manager.postgresqlCaFile" -}}{{ include "scanner-manager.postgresqlCaDir" . }}/ca.crt{{- end -}}
