{{/*
monitoring-config.namespaceMatcher: `, namespace=~"a|b"` restricting resource alerts to
`rules.resources.namespaces`, or nothing when every namespace is watched.
*/}}
{{- define "monitoring-config.namespaceMatcher" -}}
{{- with .Values.rules.resources.namespaces -}}
, namespace=~"{{ join "|" . }}"
{{- end -}}
{{- end -}}

{{/*
monitoring-config.alert: one alerting rule. Prometheus template placeholders are written `[[ ... ]]`
here and turned into `{{ ... }}` by prometheusrule.yaml, so Helm never evaluates them.
Usage: {{ include "monitoring-config.alert" (dict "root" $ "name" "X" "expr" "..." "for" "5m" "severity" "warning" "summary" "..." "description" "...") }}
*/}}
{{- define "monitoring-config.alert" -}}
- alert: {{ .name }}
  expr: {{ .expr | quote }}
  {{- with .for }}
  for: {{ . }}
  {{- end }}
  labels:
    {{- toYaml (merge (dict "severity" .severity) (deepCopy (.root.Values.rules.alertLabels | default dict))) | nindent 4 }}
  annotations:
    summary: {{ .summary | quote }}
    description: {{ .description | quote }}
    runbook_url: {{ printf "%s/%s" .root.Values.rules.runbookBaseUrl (lower .name) | quote }}
{{- end -}}

{{/*
monitoring-config.ruleGroups: the rule groups of the PrometheusRule (YAML list).
*/}}
{{- define "monitoring-config.ruleGroups" -}}
{{- $rules := .Values.rules -}}
{{- $interval := .Values.ruleEvaluationInterval | int -}}
{{- $ns := include "monitoring-config.namespaceMatcher" . -}}
{{- $volumeSelector := ternary "" (printf "{%s}" (trimPrefix ", " $ns)) (empty $ns) -}}
{{- if $rules.argocd.enabled }}
{{- $a := $rules.argocd }}
- name: argocd
  {{- if $interval }}
  interval: {{ $interval }}s
  {{- end }}
  rules:
    {{- include "monitoring-config.alert" (dict "root" $ "name" "ArgoCDApplicationOutOfSync" "severity" "warning" "for" $a.outOfSyncFor
      "expr" `sum by (name, project, dest_namespace) (argocd_app_info{sync_status="OutOfSync"}) > 0`
      "summary" "Argo CD Application [[ $labels.name ]] is out of sync."
      "description" (printf "Application [[ $labels.name ]] (project [[ $labels.project ]]) has differed from Git for more than %s; automated sync is failing or disabled." $a.outOfSyncFor)) | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "ArgoCDSyncFailed" "severity" "critical" "for" ""
      "expr" (printf `sum by (name, project) (increase(argocd_app_sync_total{phase=~"Error|Failed"}[%s])) > 0` $a.syncFailureWindow)
      "summary" "Argo CD could not sync [[ $labels.name ]]."
      "description" (printf "[[ $value | printf \"%%.0f\" ]] sync operation(s) of Application [[ $labels.name ]] (project [[ $labels.project ]]) failed or errored in the last %s." $a.syncFailureWindow)) | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "ArgoCDApplicationDegraded" "severity" "critical" "for" $a.degradedFor
      "expr" `sum by (name, project, dest_namespace) (argocd_app_info{health_status="Degraded"}) > 0`
      "summary" "Argo CD Application [[ $labels.name ]] is degraded."
      "description" (printf "Application [[ $labels.name ]] in namespace [[ $labels.dest_namespace ]] has reported Degraded health for more than %s." $a.degradedFor)) | nindent 4 }}
{{- end }}
{{- if $rules.resources.enabled }}
{{- $r := $rules.resources }}
- name: resources
  {{- if $interval }}
  interval: {{ $interval }}s
  {{- end }}
  rules:
    {{- include "monitoring-config.alert" (dict "root" $ "name" "ContainerCPUThrottling" "severity" "warning" "for" $r.cpuThrottlingFor
      "expr" (printf `sum by (namespace, pod, container) (increase(container_cpu_cfs_throttled_periods_total{container!=""%s}[5m])) / sum by (namespace, pod, container) (increase(container_cpu_cfs_periods_total{container!=""%s}[5m])) > %v` $ns $ns $r.cpuThrottlingRatio)
      "summary" "Container [[ $labels.container ]] of [[ $labels.namespace ]]/[[ $labels.pod ]] is CPU-throttled."
      "description" "[[ $value | humanizePercentage ]] of its CFS periods were throttled over 5 minutes; raise its CPU limit or reduce its load.") | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "ContainerMemoryNearLimit" "severity" "warning" "for" $r.memoryLimitFor
      "expr" (printf `max by (namespace, pod, container) (container_memory_working_set_bytes{container!=""%s}) / max by (namespace, pod, container) (kube_pod_container_resource_limits{resource="memory"%s}) > %v` $ns $ns $r.memoryLimitRatio)
      "summary" "Container [[ $labels.container ]] of [[ $labels.namespace ]]/[[ $labels.pod ]] is close to its memory limit."
      "description" "Its working set is [[ $value | humanizePercentage ]] of the limit; at 100 % the kernel OOM-kills it.") | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "PersistentVolumeFillingUp" "severity" "warning" "for" $r.volumeFreeFor
      "expr" (printf `kubelet_volume_stats_available_bytes%s / kubelet_volume_stats_capacity_bytes%s < %v` $volumeSelector $volumeSelector $r.volumeFreeRatio)
      "summary" "Volume [[ $labels.namespace ]]/[[ $labels.persistentvolumeclaim ]] is filling up."
      "description" "Only [[ $value | humanizePercentage ]] of its capacity is free.") | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "PersistentVolumeAlmostFull" "severity" "critical" "for" $r.volumeFreeFor
      "expr" (printf `kubelet_volume_stats_available_bytes%s / kubelet_volume_stats_capacity_bytes%s < %v` $volumeSelector $volumeSelector (divf $r.volumeFreeRatio 10))
      "summary" "Volume [[ $labels.namespace ]]/[[ $labels.persistentvolumeclaim ]] is almost full."
      "description" "Only [[ $value | humanizePercentage ]] of its capacity is free; writes will fail soon. Expand the claim now.") | nindent 4 }}
{{- end }}
{{- if $rules.security.enabled }}
{{- $s := $rules.security }}
- name: security
  {{- if $interval }}
  interval: {{ $interval }}s
  {{- end }}
  rules:
    {{- include "monitoring-config.alert" (dict "root" $ "name" "IstioAuthorizationDenials" "severity" "warning" "for" $s.authorizationDenialsFor
      "expr" (printf `sum by (namespace, pod) (rate(envoy_http_rbac_denied[5m])) > %v` $s.authorizationDenialsPerSecond)
      "summary" "Istio denies requests to [[ $labels.namespace ]]/[[ $labels.pod ]]."
      "description" "Its sidecar rejects [[ $value | printf \"%.2f\" ]] requests per second by AuthorizationPolicy: a caller missing from the allowed callers, or a probe of the mesh.") | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "IstioForbiddenResponses" "severity" "warning" "for" $s.authorizationDenialsFor
      "expr" (printf `sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{reporter="destination", response_code="403"}[5m])) > %v` $s.forbiddenResponsesPerSecond)
      "summary" "[[ $labels.destination_workload_namespace ]]/[[ $labels.destination_workload ]] answers many requests with 403."
      "description" "[[ $value | printf \"%.2f\" ]] forbidden responses per second, from mesh policies or the service's own authorization.") | nindent 4 }}
    {{- include "monitoring-config.alert" (dict "root" $ "name" "PlatformAuthenticationFailures" "severity" "critical" "for" $s.authenticationFailuresFor
      "expr" (printf `sum by (namespace, reason) (rate(authentication_failures_total[5m])) > %v` $s.authenticationFailuresPerSecond)
      "summary" "Many failed authentications at the authentication service ([[ $labels.reason ]])."
      "description" "[[ $value | printf \"%.2f\" ]] failed authentications per second with reason [[ $labels.reason ]] in [[ $labels.namespace ]]: credential stuffing, a brute-force attempt or a broken client.") | nindent 4 }}
{{- end }}
{{- end -}}

{{/*
monitoring-config.receiverRefs: the receivers' credentials (suffix -> {ref, path}), for the
AlertmanagerConfig's SecretKeySelectors and common.externalSecrets.
*/}}
{{- define "monitoring-config.receiverRefs" -}}
{{- $refs := dict -}}
{{- if .Values.alertmanager.enabled -}}
{{- range $index, $receiver := .Values.alertmanager.receivers -}}
{{- $path := printf "alertmanager.receivers[%d]" $index -}}
{{- with $receiver.slack -}}
{{- $_ := set $refs (printf "%s-slack-webhook" $receiver.name) (dict "ref" .apiURL "path" (printf "%s.slack.apiURL" $path)) -}}
{{- end -}}
{{- with $receiver.pagerduty -}}
{{- $_ := set $refs (printf "%s-pagerduty-key" $receiver.name) (dict "ref" .routingKey "path" (printf "%s.pagerduty.routingKey" $path)) -}}
{{- end -}}
{{- with $receiver.email -}}
{{- if .authUsername -}}
{{- $_ := set $refs (printf "%s-smtp-password" $receiver.name) (dict "ref" .authPassword "path" (printf "%s.email.authPassword" $path)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
monitoring-config.keyRef: the SecretKeySelector (name, key) of one receiver credential.
Usage: {{ include "monitoring-config.keyRef" (dict "root" $ "suffix" "platform-slack-slack-webhook") }}
*/}}
{{- define "monitoring-config.keyRef" -}}
{{- $entry := get (include "monitoring-config.receiverRefs" .root | fromYaml) .suffix -}}
{{- include "common.secrets.keyRef" (dict "root" .root "ref" $entry.ref "path" $entry.path "suffix" .suffix) -}}
{{- end -}}

{{/*
monitoring-config.validateAlertmanager: receivers are unique, each has an integration, and every
route names one of them.
*/}}
{{- define "monitoring-config.validateAlertmanager" -}}
{{- $am := .Values.alertmanager -}}
{{- $names := dict -}}
{{- range $index, $receiver := $am.receivers -}}
{{- if hasKey $names $receiver.name -}}
{{- fail (printf "monitoring-config: alertmanager.receivers[%d] is named %q like an earlier receiver. Receiver names must be unique." $index $receiver.name) -}}
{{- end -}}
{{- $_ := set $names $receiver.name true -}}
{{- if not (or $receiver.slack $receiver.pagerduty $receiver.email) -}}
{{- fail (printf "monitoring-config: alertmanager.receivers[%d] (%s) has no integration. Add slack, pagerduty or email." $index $receiver.name) -}}
{{- end -}}
{{- end -}}
{{- if not (hasKey $names $am.route.receiver) -}}
{{- fail (printf "monitoring-config: alertmanager.route.receiver %q is not one of alertmanager.receivers. Add the receiver or fix the name." $am.route.receiver) -}}
{{- end -}}
{{- range $index, $route := $am.routes -}}
{{- if not (hasKey $names $route.receiver) -}}
{{- fail (printf "monitoring-config: alertmanager.routes[%d].receiver %q is not one of alertmanager.receivers. Add the receiver or fix the name." $index $route.receiver) -}}
{{- end -}}
{{- end -}}
{{- end -}}
