{{/*
plugin-marketplace.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "plugin-marketplace.configDir" -}}/etc/plugin-marketplace/config{{- end -}}

{{/*
plugin-marketplace.trustedKeysDir: where the trusted public keys (`<id>.pem`) are projected; a sibling
of the config directory, because a mount inside a ConfigMap volume is not reliable.
*/}}
{{- define "plugin-marketplace.trustedKeysDir" -}}/etc/plugin-marketplace/trusted-keys{{- end -}}

{{/*
plugin-marketplace.pluginsDir: where the plugin volume is mounted (`storage.type: pvc`).
*/}}
{{- define "plugin-marketplace.pluginsDir" -}}/var/lib/plugin-marketplace/plugins{{- end -}}

{{/*
plugin-marketplace.claimName: the PersistentVolumeClaim holding the plugins: `existingClaim`, else
the chart's `<fullname>-plugins`.
*/}}
{{- define "plugin-marketplace.claimName" -}}
{{- .Values.storage.persistence.existingClaim | default (include "common.names.suffixed" (dict "root" $ "suffix" "plugins")) -}}
{{- end -}}

{{/*
plugin-marketplace.pvc: "true" when plugins live on a PersistentVolumeClaim.
*/}}
{{- define "plugin-marketplace.pvc" -}}
{{- if eq .Values.storage.type "pvc" -}}true{{- end -}}
{{- end -}}

{{/*
plugin-marketplace.singleNodeVolume: "true" when the plugin volume can be attached to one node (or
pod) only: then a second replica cannot start and a rolling update would wait forever for the
volume, so the Deployment uses the Recreate strategy.
*/}}
{{- define "plugin-marketplace.singleNodeVolume" -}}
{{- if and (include "plugin-marketplace.pvc" .) (ne .Values.storage.persistence.accessMode "ReadWriteMany") -}}true{{- end -}}
{{- end -}}

{{/*
plugin-marketplace.s3AccessKeys: "true" when S3 is reached with an access key pair from Secrets.
*/}}
{{- define "plugin-marketplace.s3AccessKeys" -}}
{{- if and (eq .Values.storage.type "s3") (eq .Values.storage.s3.auth.mode "accessKey") -}}true{{- end -}}
{{- end -}}

{{/*
plugin-marketplace.validate: relations the schema cannot express. Fails with the values path and the fix.
*/}}
{{- define "plugin-marketplace.validate" -}}
{{- if include "plugin-marketplace.singleNodeVolume" . -}}
{{- if .Values.autoscaling.enabled -}}
{{- fail (printf "plugin-marketplace: autoscaling is enabled but plugins are stored on a %s volume, which one pod or node at a time can use. Use storage.type: s3, storage.persistence.accessMode: ReadWriteMany, or disable autoscaling." .Values.storage.persistence.accessMode) -}}
{{- end -}}
{{- if gt (.Values.replicaCount | int) 1 -}}
{{- fail (printf "plugin-marketplace: replicaCount is %d but plugins are stored on a %s volume, which one pod or node at a time can use. Use storage.type: s3, storage.persistence.accessMode: ReadWriteMany, or one replica." (.Values.replicaCount | int) .Values.storage.persistence.accessMode) -}}
{{- end -}}
{{- end -}}
{{- $verification := .Values.signatureVerification -}}
{{- if and (eq $verification.mode "enforce") (not $verification.trustedKeys) (not $verification.existingConfigMap) -}}
{{- fail "plugin-marketplace: signatureVerification.mode is enforce but no key is trusted, so every plugin would be rejected. Add signatureVerification.trustedKeys, set signatureVerification.existingConfigMap, or use mode: warn." -}}
{{- end -}}
{{- $ids := dict -}}
{{- range $index, $key := $verification.trustedKeys -}}
{{- if hasKey $ids $key.id -}}
{{- fail (printf "plugin-marketplace: signatureVerification.trustedKeys[%d] repeats the id %q; each id names one file <id>.pem. Rename or remove one of them." $index $key.id) -}}
{{- end -}}
{{- $_ := set $ids $key.id true -}}
{{- end -}}
{{- end -}}

{{/*
plugin-marketplace.trustedKeysData: the trusted-keys ConfigMap data (`<id>.pem` -> PEM).
*/}}
{{- define "plugin-marketplace.trustedKeysData" -}}
{{- $data := dict -}}
{{- range .Values.signatureVerification.trustedKeys -}}
{{- $_ := set $data (printf "%s.pem" .id) .publicKey -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}

{{/*
plugin-marketplace.config: the service's config.yaml. Listen ports, health paths and the metrics path
come from containerPorts, the probes and serviceMonitor, so the service answers where Kubernetes and
Prometheus ask.
*/}}
{{- define "plugin-marketplace.config" -}}
{{- $config := .Values.config -}}
{{- $db := .Values.postgresql -}}
{{- $storage := .Values.storage -}}
{{- $storageConfig := dict "type" $storage.type -}}
{{- if include "plugin-marketplace.pvc" . -}}
{{- $_ := set $storageConfig "directory" (include "plugin-marketplace.pluginsDir" .) -}}
{{- else -}}
{{- $s3 := $storage.s3 -}}
{{- $_ := set $storageConfig "s3" (dict
  "endpoint" $s3.endpoint
  "region" $s3.region
  "bucket" $s3.bucket
  "prefix" $s3.prefix
  "forcePathStyle" $s3.forcePathStyle
  "serverSideEncryption" (dict "mode" $s3.serverSideEncryption.mode "kmsKeyId" $s3.serverSideEncryption.kmsKeyId)
  "credentials" (ternary "environment" "workloadIdentity" (eq $s3.auth.mode "accessKey"))) -}}
{{- end -}}
{{- $trusted := list -}}
{{- range .Values.signatureVerification.trustedKeys -}}
{{- $trusted = append $trusted (dict "id" .id "algorithm" .algorithm) -}}
{{- end -}}
{{- $document := dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" $config.logLevel "format" $config.logFormat)
  "uploads" (dict "maxPluginSizeBytes" (mul ($config.uploads.maxPluginSizeMB | int64) 1048576) "allowedArchiveTypes" $config.uploads.allowedArchiveTypes)
  "catalog" (dict "pageSizeLimit" ($config.catalog.pageSizeLimit | int) "cacheTtlSeconds" ($config.catalog.cacheTtlSeconds | int))
  "publishing" (dict "requireReview" $config.publishing.requireReview)
  "authentication" (dict
    "url" .Values.authentication.url
    "audience" .Values.authentication.audience
    "timeoutSeconds" (.Values.authentication.timeoutSeconds | int))
  "database" (dict
    "host" $db.host
    "port" ($db.port | int)
    "name" $db.database
    "user" $db.username
    "sslMode" $db.sslMode
    "sslRootCert" (include "plugin-marketplace.postgresqlCaFile" .)
    "passwordEnv" "POSTGRES_PASSWORD"
    "migrateOnStart" $db.migrateOnStart
    "pool" (dict
      "maxOpenConnections" ($db.pool.maxOpenConnections | int)
      "maxIdleConnections" ($db.pool.maxIdleConnections | int)
      "connMaxLifetimeSeconds" ($db.pool.connMaxLifetimeSeconds | int)))
  "storage" $storageConfig
  "signatures" (dict
    "mode" .Values.signatureVerification.mode
    "trustedKeysDir" (include "plugin-marketplace.trustedKeysDir" .)
    "trustedKeys" $trusted)
-}}
{{- toYaml $document -}}
{{- end -}}

{{/*
plugin-marketplace.configData: the ConfigMap data (file name -> content), shared by the ConfigMap and
the pods' checksum annotation.
*/}}
{{- define "plugin-marketplace.configData" -}}
config.yaml: {{ include "plugin-marketplace.config" . | quote }}
{{- end -}}

{{/*
plugin-marketplace.env: the container's own environment variables (YAML list).
*/}}
{{- define "plugin-marketplace.env" -}}
- name: PLUGIN_MARKETPLACE_CONFIG
  value: {{ printf "%s/config.yaml" (include "plugin-marketplace.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{ include "common.env.secretVar" (dict "root" $ "name" "POSTGRES_PASSWORD" "ref" .Values.postgresql.password "path" "postgresql.password" "suffix" "postgresql-password") }}
{{- if include "plugin-marketplace.s3AccessKeys" . }}
{{ include "common.env.secretVar" (dict "root" $ "name" "AWS_ACCESS_KEY_ID" "ref" .Values.storage.s3.auth.accessKeyId "path" "storage.s3.auth.accessKeyId" "suffix" "s3-access-key-id") }}
{{ include "common.env.secretVar" (dict "root" $ "name" "AWS_SECRET_ACCESS_KEY" "ref" .Values.storage.s3.auth.secretAccessKey "path" "storage.s3.auth.secretAccessKey" "suffix" "s3-secret-access-key") }}
{{- end }}
{{- end -}}

{{/*
plugin-marketplace.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "plugin-marketplace.secretRefs" -}}
{{- $refs := dict "postgresql-password" (dict "ref" .Values.postgresql.password "path" "postgresql.password") "postgresql-ca" (dict "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate") -}}
{{- if include "plugin-marketplace.s3AccessKeys" . -}}
{{- $_ := set $refs "s3-access-key-id" (dict "ref" .Values.storage.s3.auth.accessKeyId "path" "storage.s3.auth.accessKeyId") -}}
{{- $_ := set $refs "s3-secret-access-key" (dict "ref" .Values.storage.s3.auth.secretAccessKey "path" "storage.s3.auth.secretAccessKey") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
plugin-marketplace.volumes / plugin-marketplace.volumeMounts: the ConfigMap, the trusted keys (the
chart's ConfigMap and `existingConfigMap` projected into one directory) and, with `storage.type: pvc`,
the plugin volume; common.workload adds /tmp, extraVolumes and extraVolumeMounts.
*/}}
{{- define "plugin-marketplace.volumes" -}}
{{- $verification := .Values.signatureVerification -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{ include "common.secrets.fileVolume" (dict "root" $ "name" "postgresql-ca" "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate" "suffix" "postgresql-ca" "fileName" "ca.crt") }}
{{- if or $verification.trustedKeys $verification.existingConfigMap }}
- name: trusted-keys
  projected:
    sources:
      {{- if $verification.trustedKeys }}
      - configMap:
          name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "trusted-keys") }}
      {{- end }}
      {{- with $verification.existingConfigMap }}
      - configMap:
          name: {{ . }}
      {{- end }}
{{- end }}
{{- if include "plugin-marketplace.pvc" . }}
- name: plugins
  persistentVolumeClaim:
    claimName: {{ include "plugin-marketplace.claimName" . }}
{{- end }}
{{- end -}}

{{- define "plugin-marketplace.volumeMounts" -}}
{{- $verification := .Values.signatureVerification -}}
- name: config
  mountPath: {{ include "plugin-marketplace.configDir" . }}
  readOnly: true
- name: postgresql-ca
  mountPath: {{ include "plugin-marketplace.postgresqlCaDir" . }}
  readOnly: true
{{- if or $verification.trustedKeys $verification.existingConfigMap }}
- name: trusted-keys
  mountPath: {{ include "plugin-marketplace.trustedKeysDir" . }}
  readOnly: true
{{- end }}
{{- if include "plugin-marketplace.pvc" . }}
- name: plugins
  mountPath: {{ include "plugin-marketplace.pluginsDir" . }}
{{- end }}
{{- end -}}

{{/*
plugin-marketplace.postgresqlCaDir / plugin-marketplace.postgresqlCaFile: where the PostgreSQL server's
CA certificate (`postgresql.caCertificate`) is mounted; the service verifies the server against it
(`sslRootCert`, libpq `sslrootcert`).
*/}}
{{- define "plugin-marketplace.postgresqlCaDir" -}}/etc/postgresql-ca{{- end -}}
{{- define "plugin-marketplace.postgresqlCaFile" -}}{{ include "plugin-marketplace.postgresqlCaDir" . }}/ca.crt{{- end -}}
