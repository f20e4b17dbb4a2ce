{{/*
report-generator.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "report-generator.configDir" -}}/etc/report-generator{{- end -}}

{{/*
report-generator.scratchDir: the writable scratch directory (the root filesystem is read-only).
*/}}
{{- define "report-generator.scratchDir" -}}/var/lib/report-generator/scratch{{- end -}}

{{/*
report-generator.reportsDir: where reports are written with `objectStorage.backend: filesystem` (the
`reports` volume; the root filesystem is read-only).
*/}}
{{- define "report-generator.reportsDir" -}}/var/lib/report-generator/reports{{- end -}}

{{/*
report-generator.filesystem: "true" when reports are stored on the API pod's own volume instead of S3.
*/}}
{{- define "report-generator.filesystem" -}}
{{- if eq .Values.objectStorage.backend "filesystem" -}}true{{- end -}}
{{- end -}}

{{/*
report-generator.scheduledComponent: `app.kubernetes.io/component` of the scheduled-report pods; it
differs from the API's so the Service, PDB and policies of the API never select them.
*/}}
{{- define "report-generator.scheduledComponent" -}}scheduled-report{{- end -}}

{{/*
report-generator.accessKeys: "true" when S3 is the backend and reached with an access key pair from Secrets.
*/}}
{{- define "report-generator.accessKeys" -}}
{{- if and (eq .Values.objectStorage.backend "s3") (eq .Values.objectStorage.auth.mode "accessKey") -}}true{{- end -}}
{{- end -}}

{{/*
report-generator.scheduledReports: the enabled scheduled reports as a YAML map name -> settings with
the optional keys filled in (map entries arrive exactly as written in the values).
*/}}
{{- define "report-generator.scheduledReports" -}}
{{- $reports := dict -}}
{{- range $name, $report := (.Values.scheduledReports | default dict) -}}
{{- if and $report (dig "enabled" true $report) -}}
{{- $_ := set $reports $name (dict
  "schedule" ($report.schedule | default "")
  "timeZone" ($report.timeZone | default "")
  "template" ($report.template | default "")
  "format" ($report.format | default $.Values.config.defaultFormat)
  "parameters" ($report.parameters | default dict)
  "suspend" ($report.suspend | default false)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $reports -}}
{{- end -}}

{{/*
report-generator.validate: relations the schema cannot express. Fails with the values path and the fix.
*/}}
{{- define "report-generator.validate" -}}
{{- $formats := .Values.config.formats -}}
{{- if include "report-generator.filesystem" . -}}
{{- $why := "reports are stored on a volume of one API pod (objectStorage.backend: filesystem), which no other pod sees" -}}
{{- if .Values.autoscaling.enabled -}}
{{- fail (printf "report-generator: autoscaling is enabled but %s. Disable autoscaling or use objectStorage.backend: s3." $why) -}}
{{- end -}}
{{- if gt (.Values.replicaCount | int) 1 -}}
{{- fail (printf "report-generator: replicaCount is %d but %s. Set replicaCount: 1 or use objectStorage.backend: s3." (.Values.replicaCount | int) $why) -}}
{{- end -}}
{{- $scheduled := keys (include "report-generator.scheduledReports" . | fromYaml) | sortAlpha -}}
{{- if $scheduled -}}
{{- fail (printf "report-generator: scheduledReports has enabled entries (%s) but %s: a scheduled run writes into its own pod's volume and its report is lost when the run ends. Set scheduledReports.<name>.enabled: false for each, or use objectStorage.backend: s3." (join ", " $scheduled) $why) -}}
{{- end -}}
{{- end -}}
{{- if not (has .Values.config.defaultFormat $formats) -}}
{{- fail (printf "report-generator: config.defaultFormat %q is not one of config.formats (%s). Add it to config.formats or choose another default." .Values.config.defaultFormat (join ", " $formats)) -}}
{{- end -}}
{{- range $name, $report := (include "report-generator.scheduledReports" . | fromYaml) -}}
{{- range $key := list "schedule" "template" -}}
{{- if not (get $report $key) -}}
{{- fail (printf "report-generator: scheduledReports.%s.%s is not set. Give the report a %s or disable it (enabled: false)." $name $key $key) -}}
{{- end -}}
{{- end -}}
{{- if not (has $report.format $formats) -}}
{{- fail (printf "report-generator: scheduledReports.%s.format %q is not one of config.formats (%s). Add it to config.formats or change the report's format." $name $report.format (join ", " $formats)) -}}
{{- end -}}
{{- $cronJobName := printf "%s-%s" (include "common.names.fullname" (dict "root" $)) $name -}}
{{- if gt (len $cronJobName) 52 -}}
{{- fail (printf "report-generator: scheduledReports.%s makes the CronJob name %q (%d characters), above the 52 Kubernetes allows. Shorten the report name or fullnameOverride." $name $cronJobName (len $cronJobName)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
report-generator.storageConfig: the `storage` section of config.yaml. `type: s3` with the bucket
settings and where credentials come from, or `type: filesystem` with the `directory` of the `reports`
volume (the shape plugin-marketplace's service reads for its volume).
*/}}
{{- define "report-generator.storageConfig" -}}
{{- $storage := .Values.objectStorage -}}
{{- if include "report-generator.filesystem" . -}}
{{- toYaml (dict "type" "filesystem" "directory" (include "report-generator.reportsDir" .)) -}}
{{- else -}}
{{- toYaml (dict
  "type" "s3"
  "endpoint" $storage.endpoint
  "region" $storage.region
  "bucket" $storage.bucket
  "prefix" $storage.prefix
  "forcePathStyle" $storage.forcePathStyle
  "serverSideEncryption" (dict "mode" $storage.serverSideEncryption.mode "kmsKeyId" $storage.serverSideEncryption.kmsKeyId)
  "credentials" (ternary "environment" "workloadIdentity" (eq $storage.auth.mode "accessKey"))) -}}
{{- end -}}
{{- end -}}

{{/*
report-generator.config: the service's config.yaml. Listen ports, health paths and the metrics path
come from containerPorts, the probes and serviceMonitor, so the service answers where Kubernetes and
Prometheus ask; the schedules are the enabled `scheduledReports`, so the API lists what the CronJobs run.
*/}}
{{- define "report-generator.config" -}}
{{- $config := .Values.config -}}
{{- $upstreams := .Values.upstreams -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" $config.logLevel "format" $config.logFormat)
  "reports" (dict
    "formats" $config.formats
    "defaultFormat" $config.defaultFormat
    "render" (dict
      "maxConcurrent" ($config.render.maxConcurrent | int)
      "timeoutSeconds" ($config.render.timeoutSeconds | int)
      "maxPages" ($config.render.maxPages | int))
    "retentionDays" ($config.retentionDays | int)
    "downloadUrlTtlSeconds" ($config.downloadUrlTtlSeconds | int)
    "scratchDir" (include "report-generator.scratchDir" .))
  "storage" (include "report-generator.storageConfig" . | fromYaml)
  "upstreams" (dict
    "riskAssessment" (dict "url" $upstreams.riskAssessment.url "timeoutSeconds" ($upstreams.riskAssessment.timeoutSeconds | int))
    "vulnerabilityAnalyzer" (dict "url" $upstreams.vulnerabilityAnalyzer.url "timeoutSeconds" ($upstreams.vulnerabilityAnalyzer.timeoutSeconds | int)))
  "schedules" (include "report-generator.scheduledReports" . | fromYaml)
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
report-generator.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and the
pods' checksum annotation.
*/}}
{{- define "report-generator.configData" -}}
config.yaml: {{ include "report-generator.config" . | quote }}
{{- end -}}

{{/*
report-generator.env: the container's own environment variables (YAML list), the same in the API and
the scheduled-report pods.
*/}}
{{- define "report-generator.env" -}}
- name: REPORT_GENERATOR_CONFIG
  value: {{ printf "%s/config.yaml" (include "report-generator.configDir" .) | quote }}
- name: TMPDIR
  value: {{ include "report-generator.scratchDir" . | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- if include "report-generator.accessKeys" . }}
{{ include "common.env.secretVar" (dict "root" $ "name" "AWS_ACCESS_KEY_ID" "ref" .Values.objectStorage.auth.accessKeyId "path" "objectStorage.auth.accessKeyId" "suffix" "s3-access-key-id") }}
{{ include "common.env.secretVar" (dict "root" $ "name" "AWS_SECRET_ACCESS_KEY" "ref" .Values.objectStorage.auth.secretAccessKey "path" "objectStorage.auth.secretAccessKey" "suffix" "s3-secret-access-key") }}
{{- end }}
{{- end -}}

{{/*
report-generator.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "report-generator.secretRefs" -}}
{{- $refs := dict -}}
{{- if include "report-generator.accessKeys" . -}}
{{- $_ := set $refs "s3-access-key-id" (dict "ref" .Values.objectStorage.auth.accessKeyId "path" "objectStorage.auth.accessKeyId") -}}
{{- $_ := set $refs "s3-secret-access-key" (dict "ref" .Values.objectStorage.auth.secretAccessKey "path" "objectStorage.auth.secretAccessKey") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
report-generator.volumes / report-generator.volumeMounts: the ConfigMap (read-only), the scratch
space (an emptyDir with a size limit, or a generic ephemeral volume) and, with
`objectStorage.backend: filesystem`, the `reports` emptyDir; shared by the API and the scheduled-report
pods (validate refuses scheduled reports on the filesystem backend); common.workload adds /tmp,
extraVolumes and extraVolumeMounts.
*/}}
{{- define "report-generator.volumes" -}}
{{- $scratch := .Values.scratch -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
- name: scratch
{{- if eq $scratch.type "ephemeral" }}
  ephemeral:
    volumeClaimTemplate:
      metadata:
        labels:
          app.kubernetes.io/name: {{ include "common.names.name" (dict "root" $) }}
          app.kubernetes.io/instance: {{ .Release.Name }}
      spec:
        accessModes:
          - ReadWriteOnce
        {{- with $scratch.ephemeral.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $scratch.ephemeral.size }}
{{- else }}
  emptyDir:
    sizeLimit: {{ $scratch.sizeLimit }}
    {{- with $scratch.medium }}
    medium: {{ . }}
    {{- end }}
{{- end }}
{{- if include "report-generator.filesystem" . }}
- name: reports
  emptyDir:
    sizeLimit: {{ .Values.objectStorage.filesystem.sizeLimit }}
{{- end }}
{{- end -}}

{{- define "report-generator.volumeMounts" -}}
- name: config
  mountPath: {{ include "report-generator.configDir" . }}
  readOnly: true
- name: scratch
  mountPath: {{ include "report-generator.scratchDir" . }}
{{- if include "report-generator.filesystem" . }}
- name: reports
  mountPath: {{ include "report-generator.reportsDir" . }}
{{- end }}
{{- end -}}

{{/*
report-generator.cronJob: the CronJob of one scheduled report (`name`, `report`: its filled-in
settings). The pod runs the same image, configuration, environment, scratch space and ServiceAccount as
the API, under the restricted security contexts, with component `scheduled-report` and no probes
(it runs to completion). In the mesh its sidecar runs as a native sidecar so the Job can finish.
Usage: {{ include "report-generator.cronJob" (dict "root" $ "name" "weekly-executive-summary" "report" $report "checksum" $checksum) }}
*/}}
{{- define "report-generator.cronJob" -}}
{{- $root := .root -}}
{{- $values := .root.Values -}}
{{- $job := $values.scheduledReportJob -}}
{{- $report := .report -}}
{{- $component := include "report-generator.scheduledComponent" . -}}
{{- $context := dict "root" $root "component" $component -}}
{{- include "common.validations.resources" (dict "root" $root "resources" $job.resources "path" "scheduledReportJob.resources") -}}
{{- $volumes := concat (list (dict "name" "tmp" "emptyDir" dict)) (include "report-generator.volumes" $root | fromYamlArray) ($values.extraVolumes | default list) -}}
{{- $mounts := concat (list (dict "name" "tmp" "mountPath" "/tmp")) (include "report-generator.volumeMounts" $root | fromYamlArray) ($values.extraVolumeMounts | default list) -}}
{{- include "common.validations.volumes" (dict "root" $root "volumes" $volumes "mounts" $mounts) -}}
{{- $annotations := merge (dict "checksum/config" .checksum) (deepCopy ($values.podAnnotations | default dict)) -}}
{{- if $values.istio.enabled -}}
{{- $_ := set $annotations "sidecar.istio.io/nativeSidecar" "true" -}}
{{- end -}}
{{- $labels := dict "report-generator.mcp-security.io/report" .name -}}
apiVersion: batch/v1
kind: CronJob
{{ include "common.metadata" (dict "root" $root "suffix" .name "component" $component "labels" $labels) }}
spec:
  schedule: {{ $report.schedule | quote }}
  {{- with $report.timeZone }}
  timeZone: {{ . }}
  {{- end }}
  suspend: {{ $report.suspend }}
  concurrencyPolicy: {{ $job.concurrencyPolicy }}
  startingDeadlineSeconds: {{ $job.startingDeadlineSeconds | int }}
  successfulJobsHistoryLimit: {{ $job.successfulJobsHistoryLimit | int }}
  failedJobsHistoryLimit: {{ $job.failedJobsHistoryLimit | int }}
  jobTemplate:
    metadata:
      labels:
        {{- include "common.labels.standard" (dict "root" $root "component" $component "labels" $labels) | nindent 8 }}
    spec:
      backoffLimit: {{ $job.backoffLimit | int }}
      activeDeadlineSeconds: {{ $job.activeDeadlineSeconds | int }}
      ttlSecondsAfterFinished: {{ $job.ttlSecondsAfterFinished | int }}
      template:
        metadata:
          labels:
            {{- merge (include "common.labels.pod" $context | fromYaml) $labels | toYaml | nindent 12 }}
          annotations:
            {{- toYaml $annotations | nindent 12 }}
        spec:
          restartPolicy: Never
          serviceAccountName: {{ include "common.names.serviceAccount" $context }}
          automountServiceAccountToken: {{ $values.serviceAccount.automountServiceAccountToken }}
          enableServiceLinks: false
          securityContext:
            {{- include "common.securityContext.pod" $context | nindent 12 }}
          {{- with include "common.images.pullSecrets" $context | trim }}
          {{- . | nindent 10 }}
          {{- end }}
          {{- with $values.priorityClassName }}
          priorityClassName: {{ . }}
          {{- end }}
          {{- with $values.nodeSelector }}
          nodeSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $values.tolerations }}
          tolerations:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $values.affinity }}
          affinity:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          containers:
            - name: report
              image: {{ include "common.images.image" $context }}
              imagePullPolicy: {{ $values.image.pullPolicy }}
              args:
                - generate
                - --scheduled
                - {{ .name }}
              {{- with include "common.env.container" (dict "root" $root "env" (include "report-generator.env" $root)) | trim }}
              {{- . | nindent 14 }}
              {{- end }}
              resources:
                {{- include "common.resources.render" (dict "root" $root "resources" $job.resources) | nindent 16 }}
              securityContext:
                {{- include "common.securityContext.container" $context | nindent 16 }}
              volumeMounts:
                {{- toYaml $mounts | nindent 16 }}
          volumes:
            {{- toYaml $volumes | nindent 12 }}
{{- end -}}

{{/*
report-generator.scheduledPolicyRoot: the values the scheduled-report pods' NetworkPolicy and
AuthorizationPolicy are rendered from: the chart's, with no callers, no metrics scraping and no
exposure, so both policies admit nothing (egress settings are kept). Returned as YAML; the template
rebuilds a root context from it.
*/}}
{{- define "report-generator.scheduledPolicyValues" -}}
{{- $values := deepCopy .Values -}}
{{- $_ := set $values.networkPolicy "allowedCallers" list -}}
{{- $_ := set $values.networkPolicy.metrics "enabled" false -}}
{{- $_ := set $values.istio.authorizationPolicy "allowedCallers" list -}}
{{- $_ := set $values.istio.sidecar "excludeInboundPorts" list -}}
{{- toYaml $values -}}
{{- end -}}
