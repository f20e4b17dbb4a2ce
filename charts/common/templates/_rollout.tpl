{{/*
common.rollout.enabled: "true" when the workload is an Argo Rollout.
Usage: {{ if include "common.rollout.enabled" (dict "root" $) }}...{{ end }}
*/}}
{{- define "common.rollout.enabled" -}}
{{- if dig "enabled" false (.root.Values.rollout | default dict) -}}true{{- end -}}
{{- end -}}

{{/*
common.rollout.istioRouting: "true" when the Rollout shifts traffic with Istio subsets.
Usage: {{ if include "common.rollout.istioRouting" (dict "root" $) }}...{{ end }}
*/}}
{{- define "common.rollout.istioRouting" -}}
{{- $rollout := .root.Values.rollout | default dict -}}
{{- if and $rollout.enabled (dig "trafficRouting" "istio" "enabled" false $rollout) -}}true{{- end -}}
{{- end -}}

{{/*
common.rollout.virtualServiceName: name of the mesh VirtualService the Rollout drives
(`rollout.trafficRouting.istio.virtualServiceName`, default: the full name).
Usage: {{ include "common.rollout.virtualServiceName" (dict "root" $) }}
*/}}
{{- define "common.rollout.virtualServiceName" -}}
{{- dig "trafficRouting" "istio" "virtualServiceName" "" .root.Values.rollout | default (include "common.names.fullname" .) -}}
{{- end -}}

{{/*
common.rollout.destinationRuleName: name of the DestinationRule holding the `stable`/`canary` subsets
(`rollout.trafficRouting.istio.destinationRuleName`, default: the full name).
Usage: {{ include "common.rollout.destinationRuleName" (dict "root" $) }}
*/}}
{{- define "common.rollout.destinationRuleName" -}}
{{- dig "trafficRouting" "istio" "destinationRuleName" "" .root.Values.rollout | default (include "common.names.fullname" .) -}}
{{- end -}}

{{/*
common.rollout: an Argo Rollouts `Rollout` (argoproj.io/v1alpha1) with the canary strategy of
`rollout.canary`, the same pod template as the Deployment, and, with Istio routing, the mesh
VirtualService (plus the exposure VirtualService when exposed through Istio) and DestinationRule.
Usage: {{ include "common.rollout" (dict "root" $ ...workload arguments, see _deployment.tpl...) }}
*/}}
{{- define "common.rollout" -}}
{{- $rollout := .root.Values.rollout -}}
{{- $canary := $rollout.canary | default dict -}}
{{- $analysis := $canary.analysis | default dict -}}
apiVersion: argoproj.io/v1alpha1
kind: Rollout
{{ include "common.metadata" . }}
spec:
  {{- with include "common.workload.replicas" . | trim }}
  {{- . | nindent 2 }}
  {{- end }}
  revisionHistoryLimit: {{ include "common.workload.revisionHistoryLimit" . }}
  selector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
  template:
    {{- include "common.workload.podTemplate" . | nindent 4 }}
  strategy:
    canary:
      maxSurge: {{ $canary.maxSurge | default "25%" | toYaml }}
      maxUnavailable: {{ $canary.maxUnavailable | default 0 | toYaml }}
      {{- if include "common.rollout.istioRouting" . }}
      trafficRouting:
        istio:
          virtualServices:
            - name: {{ include "common.rollout.virtualServiceName" . }}
              routes:
                - primary
            {{- if include "common.exposure.virtualServiceEnabled" . }}
            - name: {{ include "common.exposure.name" . }}
              routes:
                - primary
            {{- end }}
          destinationRule:
            name: {{ include "common.rollout.destinationRuleName" . }}
            canarySubsetName: canary
            stableSubsetName: stable
      {{- end }}
      {{- with $analysis.templates }}
      analysis:
        templates:
          {{- range . }}
          - templateName: {{ . }}
            {{- if $analysis.clusterScope }}
            clusterScope: true
            {{- end }}
          {{- end }}
        startingStep: {{ $analysis.startingStep | default 0 | int }}
        {{- with $analysis.args }}
        args:
          {{- toYaml . | nindent 10 }}
        {{- end }}
      {{- end }}
      steps:
        {{- toYaml $canary.steps | nindent 8 }}
{{- end -}}

{{/*
common.rollout.routeDestinations: the `route:` list of a primary HTTP route to the chart's Service
port `port` (a service.ports name): one plain destination, or stable (100) and canary (0) subsets
while the Rollout routes with Istio.
Usage: {{- include "common.rollout.routeDestinations" (dict "root" $ "port" "http") | nindent 8 }}
*/}}
{{- define "common.rollout.routeDestinations" -}}
{{- $host := include "common.names.serviceHost" . -}}
{{- $number := dig "ports" .port "port" 0 .root.Values.service | int -}}
{{- if include "common.rollout.istioRouting" . -}}
- destination:
    host: {{ $host }}
    subset: stable
    port:
      number: {{ $number }}
  weight: 100
- destination:
    host: {{ $host }}
    subset: canary
    port:
      number: {{ $number }}
  weight: 0
{{- else -}}
- destination:
    host: {{ $host }}
    port:
      number: {{ $number }}
{{- end -}}
{{- end -}}

{{/*
common.rollout.trafficObjects: the DestinationRule (subsets `stable`, `canary`) and the mesh
VirtualService (route `primary` on the traffic port) that Argo Rollouts drives; nothing without Istio routing.
Argo Rollouts rewrites the route weights and subset labels at run time, so Argo CD Applications
should ignore differences in `/spec/http` (VirtualService) and `/spec/subsets` (DestinationRule).
Usage: {{ include "common.rollout.trafficObjects" (dict "root" $) }}
*/}}
{{- define "common.rollout.trafficObjects" -}}
{{- if include "common.rollout.istioRouting" . -}}
{{- $port := dig "trafficRouting" "istio" "servicePort" "http" .root.Values.rollout -}}
{{- $number := dig "ports" $port "port" 0 .root.Values.service | int -}}
apiVersion: networking.istio.io/v1
kind: DestinationRule
{{ include "common.metadata" (dict "root" .root "name" (include "common.rollout.destinationRuleName" .)) }}
spec:
  host: {{ include "common.names.serviceHost" . }}
  subsets:
    - name: stable
    - name: canary
---
apiVersion: networking.istio.io/v1
kind: VirtualService
{{ include "common.metadata" (dict "root" .root "name" (include "common.rollout.virtualServiceName" .)) }}
spec:
  hosts:
    - {{ include "common.names.serviceHost" . }}
  http:
    - name: primary
      match:
        - port: {{ $number }}
      route:
        {{- include "common.rollout.routeDestinations" (dict "root" .root "port" $port) | nindent 8 }}
{{- end -}}
{{- end -}}
