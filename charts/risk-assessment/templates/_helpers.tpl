{{/*
risk-assessment.configDir: the directory holding config.yaml and scoring.yaml (one projected volume
made of the two ConfigMaps).
*/}}
{{- define "risk-assessment.configDir" -}}/etc/risk-assessment{{- end -}}

{{/*
risk-assessment.severities: the ratings from the most to the least severe (YAML list).
*/}}
{{- define "risk-assessment.severities" -}}
- critical
- high
- medium
- low
{{- end -}}

{{/*
risk-assessment.validations.scoring: the relations inside the scoring model that the schema cannot
express: weights add up to 1, thresholds strictly descend and remediation deadlines never shrink
from critical to low.
*/}}
{{- define "risk-assessment.validations.scoring" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- $scoring := .Values.scoring -}}
{{- $sum := 0.0 -}}
{{- $terms := list -}}
{{- range $factor := list "cvss" "exploitability" "assetCriticality" "exposure" "threatIntelligence" -}}
{{- $weight := get $scoring.weights $factor | float64 -}}
{{- $sum = addf $sum $weight -}}
{{- $terms = append $terms (printf "%s %g" $factor $weight) -}}
{{- end -}}
{{- $deviation := subf $sum 1.0 -}}
{{- if or (gt $deviation 0.0001) (lt $deviation -0.0001) -}}
{{- fail (printf "%s: scoring.weights add up to %g (%s), not 1. Adjust them so the score stays on the 0-10 scale." $chart $sum (join ", " $terms)) -}}
{{- end -}}
{{- $severities := include "risk-assessment.severities" . | fromYamlArray -}}
{{- range $index, $severity := $severities -}}
{{- if gt $index 0 -}}
{{- $above := index $severities (sub $index 1) -}}
{{- $upper := get $scoring.thresholds $above | float64 -}}
{{- $lower := get $scoring.thresholds $severity | float64 -}}
{{- if le $upper $lower -}}
{{- fail (printf "%s: scoring.thresholds.%s (%g) must be above scoring.thresholds.%s (%g): thresholds descend strictly from critical to low." $chart $above $upper $severity $lower) -}}
{{- end -}}
{{- $shorter := get $scoring.remediationSlaDays $above | int -}}
{{- $longer := get $scoring.remediationSlaDays $severity | int -}}
{{- if gt $shorter $longer -}}
{{- fail (printf "%s: scoring.remediationSlaDays.%s (%d) is longer than scoring.remediationSlaDays.%s (%d): a more severe risk must not get more time. Shorten the %s deadline or lengthen the %s one." $chart $above $shorter $severity $longer $above $severity) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if gt (.Values.postgresql.pool.maxIdleConnections | int) (.Values.postgresql.pool.maxOpenConnections | int) -}}
{{- fail (printf "%s: postgresql.pool.maxIdleConnections (%d) is above postgresql.pool.maxOpenConnections (%d). Lower it to at most maxOpenConnections." $chart (.Values.postgresql.pool.maxIdleConnections | int) (.Values.postgresql.pool.maxOpenConnections | int)) -}}
{{- end -}}
{{- end -}}

{{/*
risk-assessment.scoring: scoring.yaml, the validated risk model.
*/}}
{{- define "risk-assessment.scoring" -}}
{{- include "risk-assessment.validations.scoring" . -}}
{{- $scoring := .Values.scoring -}}
{{- $weights := dict -}}
{{- range $factor, $weight := $scoring.weights -}}
{{- $_ := set $weights $factor ($weight | float64) -}}
{{- end -}}
{{- $thresholds := dict -}}
{{- $slas := dict -}}
{{- range $severity := include "risk-assessment.severities" . | fromYamlArray -}}
{{- $_ := set $thresholds $severity (get $scoring.thresholds $severity | float64) -}}
{{- $_ := set $slas $severity (get $scoring.remediationSlaDays $severity | int) -}}
{{- end -}}
{{- toYaml (dict
  "model" "weighted-sum"
  "scale" (dict "min" 0 "max" 10)
  "weights" $weights
  "thresholds" $thresholds
  "remediationSlaDays" $slas
  "knownExploitedMultiplier" ($scoring.knownExploitedMultiplier | float64)
  "acceptedRiskReviewDays" ($scoring.acceptedRiskReviewDays | int)
) -}}
{{- end -}}

{{/*
risk-assessment.config: config.yaml of the service. Listen ports and health paths come from
containerPorts and the probes; the database password is named by its variable only.
*/}}
{{- define "risk-assessment.config" -}}
{{- $pg := .Values.postgresql -}}
{{- toYaml (dict
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" .Values.config.logLevel "format" .Values.config.logFormat)
  "scoringFile" (printf "%s/scoring.yaml" (include "risk-assessment.configDir" .))
  "recalculation" (dict
    "intervalMinutes" (.Values.recalculation.intervalMinutes | int)
    "batchSize" (.Values.recalculation.batchSize | int))
  "database" (dict
    "host" $pg.host
    "port" ($pg.port | int)
    "name" $pg.database
    "user" $pg.username
    "sslMode" $pg.sslMode
    "sslRootCert" (include "risk-assessment.postgresqlCaFile" .)
    "passwordEnv" "DATABASE_PASSWORD"
    "maxOpenConnections" ($pg.pool.maxOpenConnections | int)
    "maxIdleConnections" ($pg.pool.maxIdleConnections | int)
    "connMaxLifetimeSeconds" ($pg.pool.connMaxLifetimeSeconds | int))
  "upstreams" (dict
    "vulnerabilityAnalyzer" (dict "url" .Values.upstreams.vulnerabilityAnalyzer.url "timeoutSeconds" (.Values.upstreams.vulnerabilityAnalyzer.timeoutSeconds | int))
    "analysisService" (dict "url" .Values.upstreams.analysisService.url "timeoutSeconds" (.Values.upstreams.analysisService.timeoutSeconds | int)))
) -}}
{{- end -}}

{{/*
risk-assessment.configData / risk-assessment.scoringData: the data of the two ConfigMaps (file name
-> content), shared with the pods' checksum annotations.
*/}}
{{- define "risk-assessment.configData" -}}
config.yaml: {{ include "risk-assessment.config" . | quote }}
{{- end -}}

{{- define "risk-assessment.scoringData" -}}
scoring.yaml: {{ include "risk-assessment.scoring" . | quote }}
{{- end -}}

{{/*
risk-assessment.env: the container's own environment variables (YAML list).
*/}}
{{- define "risk-assessment.env" -}}
- name: RISK_ASSESSMENT_CONFIG_FILE
  value: {{ printf "%s/config.yaml" (include "risk-assessment.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{ include "common.env.secretVar" (dict "root" $ "name" "DATABASE_PASSWORD" "ref" .Values.postgresql.password "path" "postgresql.password" "suffix" "postgresql-password") }}
{{- end -}}

{{/*
risk-assessment.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "risk-assessment.secretRefs" -}}
postgresql-password:
  ref: {{ toYaml .Values.postgresql.password | nindent 4 }}
  path: postgresql.password
postgresql-ca:
  ref: {{ toYaml .Values.postgresql.caCertificate | nindent 4 }}
  path: postgresql.caCertificate
{{- end -}}

{{/*
risk-assessment.volumes / risk-assessment.volumeMounts: both ConfigMaps projected into one read-only
directory.
*/}}
{{- define "risk-assessment.volumes" -}}
- name: config
  projected:
    sources:
      - configMap:
          name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
      - configMap:
          name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "scoring") }}
{{ include "common.secrets.fileVolume" (dict "root" $ "name" "postgresql-ca" "ref" .Values.postgresql.caCertificate "path" "postgresql.caCertificate" "suffix" "postgresql-ca" "fileName" "ca.crt") }}
{{- end -}}

{{- define "risk-assessment.volumeMounts" -}}
- name: config
  mountPath: {{ include "risk-assessment.configDir" . }}
  readOnly: true
- name: postgresql-ca
  mountPath: {{ include "risk-assessment.postgresqlCaDir" . }}
  readOnly: true
{{- end -}}

{{/*
risk-assessment.postgresqlCaDir / risk-assessment.postgresqlCaFile: where the PostgreSQL server's CA
certificate (`postgresql.caCertificate`) is mounted; the service verifies the server against it
(`sslRootCert`, libpq `sslrootcert`).
*/}}
{{- define "risk-assessment.postgresqlCaDir" -}}/etc/postgresql-ca{{- end -}}
{{- define "risk-assessment.postgresqlCaFile" -}}{{ include "risk-assessment.postgresqlCaDir" . }}/ca.crt{{- end -}}
