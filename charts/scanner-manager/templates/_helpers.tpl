{{/*
scanner-manager.configDir: the directory the ConfigMap is mounted at; the manager reads config.yaml from it.
*/}}
{{- define "scanner-manager.configDir" -}}/etc/scanner-manager{{- end -}}

{{/*
scanner-manager.scanServiceAccount: the ServiceAccount the scan pods run as (`<fullname>-scanner`
unless `scans.jobs.serviceAccount.name` is set; `default` when it is neither created nor named).
*/}}
{{- define "scanner-manager.scanServiceAccount" -}}
{{- $sa := .Values.scans.jobs.serviceAccount -}}
{{- if $sa.name -}}
{{- $sa.name -}}
{{- else if $sa.create -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" "scanner") -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/*
scanner-manager.scanLabels: the labels the manager puts on every scan Job and pod (YAML map). The
scan pods' NetworkPolicy selects them, so they must stay stable.
*/}}
{{- define "scanner-manager.scanLabels" -}}
app.kubernetes.io/name: {{ include "common.names.name" (dict "root" $) | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/component: scanner
app.kubernetes.io/part-of: {{ .Values.partOf | quote }}
app.kubernetes.io/managed-by: {{ include "common.names.name" (dict "root" $) | quote }}
sidecar.istio.io/inject: {{ ternary "true" "false" (and .Values.istio.enabled .Values.scans.jobs.istioSidecar) | quote }}
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
scanner-manager.validations.rbac: the Role must not end up bound to the namespace's default ServiceAccount.
*/}}
{{- define "scanner-manager.validations.rbac" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- if and .Values.rbac.create (not .Values.serviceAccount.create) (not .Values.serviceAccount.name) -}}
{{- fail (printf "%s: rbac.create binds the Role to the pods' ServiceAccount, but serviceAccount.create is false and serviceAccount.name is empty, which would grant it to the namespace's default ServiceAccount. Set serviceAccount.name or serviceAccount.create: true." $chart) -}}
{{- end -}}
{{- end -}}

{{/*
scanner-manager.catalog: the enabled scanners as the manager reads them: full image reference,
pull policy and secrets, arguments, resources, concurrency and deadline.
*/}}
{{- define "scanner-manager.catalog" -}}
{{- $catalog := dict -}}
{{- $defaultTimeout := .Values.scans.defaultTimeoutSeconds | int -}}
{{- range $name := include "scanner-manager.enabledScanners" . | fromYamlArray -}}
{{- $scanner := get $.Values.scanners $name -}}
{{- $pullSecrets := include "common.images.pullSecrets" (dict "root" $ "images" (list $scanner.image)) | fromYaml -}}
{{- $timeout := dig "timeoutSeconds" 0 $scanner | int -}}
{{- $_ := set $catalog $name (dict
  "description" ($scanner.description | default "")
  "image" (include "common.images.image" (dict "root" $ "image" $scanner.image))
  "imagePullPolicy" (dig "pullPolicy" "IfNotPresent" $scanner.image)
  "imagePullSecrets" (dig "imagePullSecrets" list $pullSecrets)
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
containerPorts and the probes; the scan Job template carries the restricted security contexts of
the chart, so scan pods pass Pod Security "restricted" like the manager itself.
*/}}
{{- define "scanner-manager.config" -}}
{{- include "scanner-manager.validations.catalog" . -}}
{{- include "scanner-manager.validations.database" . -}}
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
    "namespace" .Release.Namespace
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

{{/*
scanner-manager.roleRules: the Role's rules. Jobs are the manager's only write; pods (and, when
asked, their logs) are read to follow a scan. Nothing cluster-scoped, nothing else in the namespace.
*/}}
{{- define "scanner-manager.roleRules" -}}
- apiGroups:
    - batch
  resources:
    - jobs
  verbs:
    - create
    - delete
    - get
    - list
    - watch
- apiGroups:
    - ""
  resources:
    - pods
  verbs:
    - get
    - list
    - watch
{{- if .Values.rbac.readPodLogs }}
- apiGroups:
    - ""
  resources:
    - pods/log
  verbs:
    - get
{{- end }}
{{- end -}}
