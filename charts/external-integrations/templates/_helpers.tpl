{{/*
external-integrations.configDir: the directory the ConfigMap is mounted at; the service reads config.yaml from it.
*/}}
{{- define "external-integrations.configDir" -}}/etc/external-integrations{{- end -}}

{{/*
external-integrations.gcpKeyDir: where the Google Cloud service account key is mounted (`auth.mode: serviceAccountKey`).
*/}}
{{- define "external-integrations.gcpKeyDir" -}}/var/run/secrets/external-integrations/gcp{{- end -}}

{{/*
external-integrations.live: "true" in `mode: live`; in `mode: mock` nothing reads a credential or leaves the cluster.
*/}}
{{- define "external-integrations.live" -}}
{{- if eq .Values.mode "live" -}}true{{- end -}}
{{- end -}}

{{/*
external-integrations.leaseName: the Lease the replicas compete for.
*/}}
{{- define "external-integrations.leaseName" -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" "leader") -}}
{{- end -}}

{{/*
external-integrations.connectors: every connector as a YAML map name -> {path, settings}, in the
order they are documented; the settings are the values under `path`.
*/}}
{{- define "external-integrations.connectors" -}}
{{- $c := .Values.connectors -}}
{{- $all := dict -}}
{{- range $category, $names := dict "siem" (list "splunk" "elastic" "sentinel") "cloud" (list "aws" "azure" "gcp") "threatFeeds" (list "misp" "otx") -}}
{{- range $name := $names -}}
{{- $_ := set $all $name (dict "path" (printf "connectors.%s.%s" $category $name) "settings" (get (get $c $category) $name)) -}}
{{- end -}}
{{- end -}}
{{- toYaml $all -}}
{{- end -}}

{{/*
external-integrations.enabled: "true" when the connector `name` is enabled.
Usage: {{ if include "external-integrations.enabled" (dict "root" $ "name" "aws") }}
*/}}
{{- define "external-integrations.enabled" -}}
{{- $connector := get (include "external-integrations.connectors" .root | fromYaml) .name -}}
{{- if $connector.settings.enabled -}}true{{- end -}}
{{- end -}}

{{/*
external-integrations.credentials: the secret references read in `mode: live` by the enabled
connectors, as a YAML map ExternalSecret suffix -> {env, ref, path}; `env` is empty for a reference
mounted as a file. Empty in `mode: mock`.
*/}}
{{- define "external-integrations.credentials" -}}
{{- $credentials := dict -}}
{{- if include "external-integrations.live" . -}}
{{- $c := .Values.connectors -}}
{{- if $c.siem.splunk.enabled -}}
{{- $_ := set $credentials "splunk-hec-token" (dict "env" "SPLUNK_HEC_TOKEN" "ref" $c.siem.splunk.token "path" "connectors.siem.splunk.token") -}}
{{- end -}}
{{- if $c.siem.elastic.enabled -}}
{{- $_ := set $credentials "elastic-api-key" (dict "env" "ELASTIC_API_KEY" "ref" $c.siem.elastic.apiKey "path" "connectors.siem.elastic.apiKey") -}}
{{- end -}}
{{- if $c.siem.sentinel.enabled -}}
{{- $_ := set $credentials "sentinel-client-secret" (dict "env" "SENTINEL_CLIENT_SECRET" "ref" $c.siem.sentinel.clientSecret "path" "connectors.siem.sentinel.clientSecret") -}}
{{- end -}}
{{- if and $c.cloud.aws.enabled (eq $c.cloud.aws.auth.mode "accessKey") -}}
{{- $_ := set $credentials "aws-access-key-id" (dict "env" "AWS_ACCESS_KEY_ID" "ref" $c.cloud.aws.auth.accessKeyId "path" "connectors.cloud.aws.auth.accessKeyId") -}}
{{- $_ := set $credentials "aws-secret-access-key" (dict "env" "AWS_SECRET_ACCESS_KEY" "ref" $c.cloud.aws.auth.secretAccessKey "path" "connectors.cloud.aws.auth.secretAccessKey") -}}
{{- end -}}
{{- if and $c.cloud.azure.enabled (eq $c.cloud.azure.auth.mode "clientSecret") -}}
{{- $_ := set $credentials "azure-client-secret" (dict "env" "AZURE_CLIENT_SECRET" "ref" $c.cloud.azure.auth.clientSecret "path" "connectors.cloud.azure.auth.clientSecret") -}}
{{- end -}}
{{- if and $c.cloud.gcp.enabled (eq $c.cloud.gcp.auth.mode "serviceAccountKey") -}}
{{- $_ := set $credentials "gcp-service-account-key" (dict "env" "" "ref" $c.cloud.gcp.auth.serviceAccountKey "path" "connectors.cloud.gcp.auth.serviceAccountKey") -}}
{{- end -}}
{{- if $c.threatFeeds.misp.enabled -}}
{{- $_ := set $credentials "misp-api-key" (dict "env" "MISP_API_KEY" "ref" $c.threatFeeds.misp.apiKey "path" "connectors.threatFeeds.misp.apiKey") -}}
{{- end -}}
{{- if $c.threatFeeds.otx.enabled -}}
{{- $_ := set $credentials "otx-api-key" (dict "env" "OTX_API_KEY" "ref" $c.threatFeeds.otx.apiKey "path" "connectors.threatFeeds.otx.apiKey") -}}
{{- end -}}
{{- end -}}
{{- toYaml $credentials -}}
{{- end -}}

{{/*
external-integrations.azureWorkloadIdentity: "true" when the Azure connector authenticates with
Microsoft Entra Workload ID, whose webhook only injects into pods labelled azure.workload.identity/use.
*/}}
{{- define "external-integrations.azureWorkloadIdentity" -}}
{{- $azure := .Values.connectors.cloud.azure -}}
{{- if and (include "external-integrations.live" .) $azure.enabled (eq $azure.auth.mode "workloadIdentity") -}}true{{- end -}}
{{- end -}}

{{/*
external-integrations.projectedToken: "true" when the pods need a Kubernetes API token for leader
election and the ServiceAccount does not mount one already.
*/}}
{{- define "external-integrations.projectedToken" -}}
{{- if and .Values.leaderElection.enabled (not .Values.serviceAccount.automountServiceAccountToken) -}}true{{- end -}}
{{- end -}}

{{/*
external-integrations.requireSetting: fails when a setting a live connector needs is empty.
Usage: {{ include "external-integrations.requireSetting" (dict "value" $x "path" "connectors.siem.splunk.url" "connector" "connectors.siem.splunk") }}
*/}}
{{- define "external-integrations.requireSetting" -}}
{{- if empty .value -}}
{{- fail (printf "external-integrations: %s is empty, but the connector is enabled in live mode. Set it, disable the connector (%s.enabled: false) or use mode: mock." .path .connector) -}}
{{- end -}}
{{- end -}}

{{/*
external-integrations.validate: relations the schema cannot express. Fails with the values path and the fix.
*/}}
{{- define "external-integrations.validate" -}}
{{- $c := .Values.connectors -}}
{{- if include "external-integrations.live" . -}}
{{- if $c.siem.splunk.enabled -}}
{{- include "external-integrations.requireSetting" (dict "value" $c.siem.splunk.url "path" "connectors.siem.splunk.url" "connector" "connectors.siem.splunk") -}}
{{- end -}}
{{- if $c.siem.elastic.enabled -}}
{{- include "external-integrations.requireSetting" (dict "value" $c.siem.elastic.url "path" "connectors.siem.elastic.url" "connector" "connectors.siem.elastic") -}}
{{- end -}}
{{- if $c.siem.sentinel.enabled -}}
{{- range $key := list "tenantId" "clientId" "dataCollectionEndpoint" "dataCollectionRuleId" -}}
{{- include "external-integrations.requireSetting" (dict "value" (get $c.siem.sentinel $key) "path" (printf "connectors.siem.sentinel.%s" $key) "connector" "connectors.siem.sentinel") -}}
{{- end -}}
{{- end -}}
{{- if $c.cloud.azure.enabled -}}
{{- range $key := list "tenantId" "clientId" "subscriptionIds" -}}
{{- include "external-integrations.requireSetting" (dict "value" (get $c.cloud.azure $key) "path" (printf "connectors.cloud.azure.%s" $key) "connector" "connectors.cloud.azure") -}}
{{- end -}}
{{- end -}}
{{- if and $c.cloud.gcp.enabled (not $c.cloud.gcp.organizationId) (not $c.cloud.gcp.projectIds) -}}
{{- fail "external-integrations: connectors.cloud.gcp has neither organizationId nor projectIds, but the connector is enabled in live mode. Set one of them, disable the connector (connectors.cloud.gcp.enabled: false) or use mode: mock." -}}
{{- end -}}
{{- if $c.threatFeeds.misp.enabled -}}
{{- include "external-integrations.requireSetting" (dict "value" $c.threatFeeds.misp.url "path" "connectors.threatFeeds.misp.url" "connector" "connectors.threatFeeds.misp") -}}
{{- end -}}
{{- if $c.threatFeeds.otx.enabled -}}
{{- include "external-integrations.requireSetting" (dict "value" $c.threatFeeds.otx.url "path" "connectors.threatFeeds.otx.url" "connector" "connectors.threatFeeds.otx") -}}
{{- end -}}
{{- else if .Values.secretEnv -}}
{{- fail (printf "external-integrations: secretEnv sets %s, but mode is mock, which runs without any credential. Remove secretEnv or set mode: live." (keys .Values.secretEnv | sortAlpha | join ", ")) -}}
{{- end -}}
{{- range $cloud, $settings := $c.cloud -}}
{{- if and $settings.enabled (not (has true (values $settings.sources))) -}}
{{- fail (printf "external-integrations: connectors.cloud.%s is enabled but every source under connectors.cloud.%s.sources is off. Enable a source or disable the connector." $cloud $cloud) -}}
{{- end -}}
{{- end -}}
{{- $election := .Values.leaderElection -}}
{{- if and (gt (.Values.replicaCount | int) 1) (not $election.enabled) -}}
{{- fail (printf "external-integrations: replicaCount is %d but leaderElection.enabled is false, so every replica would poll the feeds and export the same findings. Enable leaderElection or run one replica." (.Values.replicaCount | int)) -}}
{{- end -}}
{{- if $election.enabled -}}
{{- if not (lt ($election.renewDeadlineSeconds | int) ($election.leaseDurationSeconds | int)) -}}
{{- fail (printf "external-integrations: leaderElection.renewDeadlineSeconds (%d) must be below leaderElection.leaseDurationSeconds (%d), or two leaders can overlap. Lower the deadline or lengthen the lease." ($election.renewDeadlineSeconds | int) ($election.leaseDurationSeconds | int)) -}}
{{- end -}}
{{- if not (lt ($election.retryPeriodSeconds | int) ($election.renewDeadlineSeconds | int)) -}}
{{- fail (printf "external-integrations: leaderElection.retryPeriodSeconds (%d) must be below leaderElection.renewDeadlineSeconds (%d), or the leader cannot renew in time. Shorten the retry period." ($election.retryPeriodSeconds | int) ($election.renewDeadlineSeconds | int)) -}}
{{- end -}}
{{- if not .Values.serviceAccount.create -}}
{{- fail "external-integrations: leaderElection is enabled but serviceAccount.create is false; the chart grants the Lease to its own ServiceAccount only. Set serviceAccount.create: true." -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
external-integrations.connectorConfig: the config.yaml section of one enabled connector (`name`,
`settings`). In live mode it carries the endpoint, identity and the names of the variables or files
holding credentials; in mock mode only the behaviour settings and `mock: true`.
*/}}
{{- define "external-integrations.connectorConfig" -}}
{{- $s := .settings -}}
{{- $live := include "external-integrations.live" .root -}}
{{- $behaviour := dict -}}
{{- $endpoint := dict -}}
{{- if eq .name "splunk" -}}
{{- $behaviour = dict "kind" "siem" "direction" "export" "index" $s.index "sourceType" $s.sourceType "minSeverity" $s.minSeverity "batchSize" ($s.batchSize | int) "flushIntervalSeconds" ($s.flushIntervalSeconds | int) -}}
{{- $endpoint = dict "url" $s.url "verifyTls" $s.verifyTls "tokenEnv" "SPLUNK_HEC_TOKEN" -}}
{{- else if eq .name "elastic" -}}
{{- $behaviour = dict "kind" "siem" "direction" "export" "index" $s.index "minSeverity" $s.minSeverity "batchSize" ($s.batchSize | int) "flushIntervalSeconds" ($s.flushIntervalSeconds | int) -}}
{{- $endpoint = dict "url" $s.url "verifyTls" $s.verifyTls "apiKeyEnv" "ELASTIC_API_KEY" -}}
{{- else if eq .name "sentinel" -}}
{{- $behaviour = dict "kind" "siem" "direction" "export" "streamName" $s.streamName "minSeverity" $s.minSeverity "batchSize" ($s.batchSize | int) "flushIntervalSeconds" ($s.flushIntervalSeconds | int) -}}
{{- $endpoint = dict "tenantId" $s.tenantId "clientId" $s.clientId "dataCollectionEndpoint" $s.dataCollectionEndpoint "dataCollectionRuleId" $s.dataCollectionRuleId "clientSecretEnv" "SENTINEL_CLIENT_SECRET" -}}
{{- else if eq .name "aws" -}}
{{- $behaviour = dict "kind" "cloud" "direction" "import" "regions" $s.regions "sources" $s.sources "pollIntervalMinutes" ($s.pollIntervalMinutes | int) -}}
{{- $endpoint = dict "auth" (dict "mode" $s.auth.mode "roleArn" $s.auth.roleArn) -}}
{{- else if eq .name "azure" -}}
{{- $behaviour = dict "kind" "cloud" "direction" "import" "subscriptionIds" $s.subscriptionIds "sources" $s.sources "pollIntervalMinutes" ($s.pollIntervalMinutes | int) -}}
{{- $auth := dict "mode" $s.auth.mode -}}
{{- if eq $s.auth.mode "clientSecret" }}{{ $_ := set $auth "clientSecretEnv" "AZURE_CLIENT_SECRET" }}{{ end -}}
{{- $endpoint = dict "tenantId" $s.tenantId "clientId" $s.clientId "auth" $auth -}}
{{- else if eq .name "gcp" -}}
{{- $behaviour = dict "kind" "cloud" "direction" "import" "organizationId" $s.organizationId "projectIds" $s.projectIds "sources" $s.sources "pollIntervalMinutes" ($s.pollIntervalMinutes | int) -}}
{{- $auth := dict "mode" $s.auth.mode -}}
{{- if eq $s.auth.mode "serviceAccountKey" }}{{ $_ := set $auth "credentialsFile" (printf "%s/key.json" (include "external-integrations.gcpKeyDir" .root)) }}{{ end -}}
{{- $endpoint = dict "auth" $auth -}}
{{- else if eq .name "misp" -}}
{{- $behaviour = dict "kind" "threatFeed" "direction" "import" "pollIntervalMinutes" ($s.pollIntervalMinutes | int) "lookbackDays" ($s.lookbackDays | int) "publishedOnly" $s.publishedOnly "tags" $s.tags -}}
{{- $endpoint = dict "url" $s.url "verifyTls" $s.verifyTls "apiKeyEnv" "MISP_API_KEY" -}}
{{- else if eq .name "otx" -}}
{{- $behaviour = dict "kind" "threatFeed" "direction" "import" "pollIntervalMinutes" ($s.pollIntervalMinutes | int) "subscribedOnly" $s.subscribedOnly -}}
{{- $endpoint = dict "url" $s.url "apiKeyEnv" "OTX_API_KEY" -}}
{{- end -}}
{{- if $live -}}
{{- toYaml (merge $behaviour $endpoint) -}}
{{- else -}}
{{- toYaml (merge $behaviour (dict "mock" true)) -}}
{{- end -}}
{{- end -}}

{{/*
external-integrations.config: the service's config.yaml. Listen ports, health paths and the metrics
path come from containerPorts, the probes and serviceMonitor, so the service answers where Kubernetes
and Prometheus ask; only enabled connectors are listed.
*/}}
{{- define "external-integrations.config" -}}
{{- $root := . -}}
{{- $config := .Values.config -}}
{{- $platform := .Values.platform -}}
{{- $election := .Values.leaderElection -}}
{{- $connectors := dict -}}
{{- range $name, $connector := (include "external-integrations.connectors" . | fromYaml) -}}
{{- if $connector.settings.enabled -}}
{{- $_ := set $connectors $name (include "external-integrations.connectorConfig" (dict "root" $root "name" $name "settings" $connector.settings) | fromYaml) -}}
{{- end -}}
{{- end -}}
{{- $document := dict
  "mode" .Values.mode
  "server" (dict
    "listenAddress" (printf ":%d" (.Values.containerPorts.http | int))
    "healthPath" .Values.livenessProbe.path
    "readinessPath" .Values.readinessProbe.path)
  "metrics" (dict "listenAddress" (printf ":%d" (.Values.containerPorts.metrics | int)) "path" .Values.serviceMonitor.path)
  "logging" (dict "level" $config.logLevel "format" $config.logFormat)
  "http" (dict
    "timeoutSeconds" ($config.http.timeoutSeconds | int)
    "maxRetries" ($config.http.maxRetries | int)
    "maxBackoffSeconds" ($config.http.maxBackoffSeconds | int))
  "platform" (dict
    "ingestion" (dict "url" $platform.ingestion.url "timeoutSeconds" ($platform.ingestion.timeoutSeconds | int))
    "notification" (dict "url" $platform.notification.url "timeoutSeconds" ($platform.notification.timeoutSeconds | int) "channel" $platform.notification.channel))
  "leaderElection" (dict
    "enabled" $election.enabled
    "leaseName" (include "external-integrations.leaseName" $root)
    "leaseDurationSeconds" ($election.leaseDurationSeconds | int)
    "renewDeadlineSeconds" ($election.renewDeadlineSeconds | int)
    "retryPeriodSeconds" ($election.retryPeriodSeconds | int))
  "connectors" $connectors
-}}
{{- if not (include "external-integrations.live" .) -}}
{{- $_ := set $document "mock" (dict
  "findingsPerPoll" (.Values.mock.findingsPerPoll | int)
  "latencyMilliseconds" (.Values.mock.latencyMilliseconds | int)
  "failureRatePercent" (.Values.mock.failureRatePercent | int)) -}}
{{- end -}}
{{- toYaml $document -}}
{{- end -}}

{{/*
external-integrations.configData: the ConfigMap data (file name -> content), shared by the ConfigMap
and the pods' checksum annotation.
*/}}
{{- define "external-integrations.configData" -}}
config.yaml: {{ include "external-integrations.config" . | quote }}
{{- end -}}

{{/*
external-integrations.env: the container's own environment variables (YAML list): the config file,
the pod identity (leader election), AWS regional STS, and one variable per credential.
*/}}
{{- define "external-integrations.env" -}}
{{- $root := . -}}
- name: EXTERNAL_INTEGRATIONS_CONFIG
  value: {{ printf "%s/config.yaml" (include "external-integrations.configDir" .) | quote }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- if and (include "external-integrations.live" .) .Values.connectors.cloud.aws.enabled }}
- name: AWS_STS_REGIONAL_ENDPOINTS
  value: regional
{{- end }}
{{- range $suffix, $credential := (include "external-integrations.credentials" . | fromYaml) }}
{{- if $credential.env }}
{{ include "common.env.secretVar" (dict "root" $root "name" $credential.env "ref" $credential.ref "path" $credential.path "suffix" $suffix) }}
{{- else }}
- name: GOOGLE_APPLICATION_CREDENTIALS
  value: {{ printf "%s/key.json" (include "external-integrations.gcpKeyDir" $root) | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
external-integrations.secretRefs: the chart's own secret references (suffix -> {ref, path}) for common.externalSecrets.
*/}}
{{- define "external-integrations.secretRefs" -}}
{{- $refs := dict -}}
{{- range $suffix, $credential := (include "external-integrations.credentials" . | fromYaml) -}}
{{- $_ := set $refs $suffix (dict "ref" $credential.ref "path" $credential.path) -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
external-integrations.volumes / external-integrations.volumeMounts: the ConfigMap, the Google Cloud
key file (live, `serviceAccountKey`) and the projected API token for leader election; common.workload
adds /tmp, extraVolumes and extraVolumeMounts.
*/}}
{{- define "external-integrations.volumes" -}}
- name: config
  configMap:
    name: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
{{- with get (include "external-integrations.credentials" . | fromYaml) "gcp-service-account-key" }}
{{- $keyRef := include "common.secrets.keyRef" (dict "root" $ "ref" .ref "path" .path "suffix" "gcp-service-account-key") | fromYaml }}
- name: gcp-credentials
  secret:
    secretName: {{ $keyRef.name }}
    items:
      - key: {{ $keyRef.key | quote }}
        path: key.json
{{- end }}
{{- if include "external-integrations.projectedToken" . }}
- name: kube-api-access
  projected:
    sources:
      - serviceAccountToken:
          path: token
          expirationSeconds: 3607
      - configMap:
          name: kube-root-ca.crt
          items:
            - key: ca.crt
              path: ca.crt
      - downwardAPI:
          items:
            - path: namespace
              fieldRef:
                fieldPath: metadata.namespace
{{- end }}
{{- end -}}

{{- define "external-integrations.volumeMounts" -}}
- name: config
  mountPath: {{ include "external-integrations.configDir" . }}
  readOnly: true
{{- if hasKey (include "external-integrations.credentials" . | fromYaml) "gcp-service-account-key" }}
- name: gcp-credentials
  mountPath: {{ include "external-integrations.gcpKeyDir" . }}
  readOnly: true
{{- end }}
{{- if include "external-integrations.projectedToken" . }}
- name: kube-api-access
  mountPath: /var/run/secrets/kubernetes.io/serviceaccount
  readOnly: true
{{- end }}
{{- end -}}

{{/*
external-integrations.hostPort: "<host>:<port>" of an https URL (port 443 unless given).
*/}}
{{- define "external-integrations.hostPort" -}}
{{- $parts := splitList ":" (urlParse .).host -}}
{{- printf "%s:%s" (first $parts) (ternary (last $parts) "443" (eq (len $parts) 2)) -}}
{{- end -}}

{{/*
external-integrations.egressHosts: the external endpoints of the enabled connectors in live mode plus
`egressAllowList.serviceEntries.extraHosts`, as a YAML map port -> sorted host list.
*/}}
{{- define "external-integrations.egressHosts" -}}
{{- $endpoints := list -}}
{{- if include "external-integrations.live" . -}}
{{- $c := .Values.connectors -}}
{{- range $connector := list $c.siem.splunk $c.siem.elastic $c.threatFeeds.misp $c.threatFeeds.otx -}}
{{- if and $connector.enabled $connector.url -}}
{{- $endpoints = append $endpoints (include "external-integrations.hostPort" $connector.url) -}}
{{- end -}}
{{- end -}}
{{- if $c.siem.sentinel.enabled -}}
{{- $endpoints = append $endpoints "login.microsoftonline.com:443" -}}
{{- if $c.siem.sentinel.dataCollectionEndpoint -}}
{{- $endpoints = append $endpoints (include "external-integrations.hostPort" $c.siem.sentinel.dataCollectionEndpoint) -}}
{{- end -}}
{{- end -}}
{{- if $c.cloud.aws.enabled -}}
{{- range $region := $c.cloud.aws.regions -}}
{{- $endpoints = append $endpoints (printf "sts.%s.amazonaws.com:443" $region) -}}
{{- range $source, $host := dict "securityHub" "securityhub" "guardDuty" "guardduty" "inspector" "inspector2" -}}
{{- if get $c.cloud.aws.sources $source -}}
{{- $endpoints = append $endpoints (printf "%s.%s.amazonaws.com:443" $host $region) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $c.cloud.azure.enabled -}}
{{- $endpoints = concat $endpoints (list "login.microsoftonline.com:443" "management.azure.com:443") -}}
{{- end -}}
{{- if $c.cloud.gcp.enabled -}}
{{- $endpoints = concat $endpoints (list "securitycenter.googleapis.com:443" "oauth2.googleapis.com:443" "sts.googleapis.com:443" "iamcredentials.googleapis.com:443") -}}
{{- end -}}
{{- range .Values.egressAllowList.serviceEntries.extraHosts -}}
{{- $endpoints = append $endpoints (printf "%s:%d" .host (.port | int)) -}}
{{- end -}}
{{- end -}}
{{- $byPort := dict -}}
{{- range $endpoint := $endpoints | uniq | sortAlpha -}}
{{- $port := last (splitList ":" $endpoint) -}}
{{- $_ := set $byPort $port (append (get $byPort $port | default list) (first (splitList ":" $endpoint))) -}}
{{- end -}}
{{- toYaml $byPort -}}
{{- end -}}

{{/*
external-integrations.sidecarNamespaces: the namespaces the pods may call besides their own: the Istio
control plane, the namespaces of the `platform.*` URLs (`<service>.<namespace>` or
`<service>.<namespace>.svc...`) and `egressAllowList.sidecar.extraNamespaces`, as a sorted YAML list.
*/}}
{{- define "external-integrations.sidecarNamespaces" -}}
{{- $sidecar := .Values.egressAllowList.sidecar -}}
{{- $namespaces := list $sidecar.controlPlaneNamespace -}}
{{- range $service := list .Values.platform.ingestion .Values.platform.notification -}}
{{- $labels := splitList "." (first (splitList ":" (urlParse $service.url).host)) -}}
{{- if or (eq (len $labels) 2) (and (gt (len $labels) 2) (eq (index $labels 2) "svc")) -}}
{{- $namespaces = append $namespaces (index $labels 1) -}}
{{- end -}}
{{- end -}}
{{- $namespaces = concat $namespaces $sidecar.extraNamespaces -}}
{{- toYaml ($namespaces | uniq | sortAlpha) -}}
{{- end -}}
