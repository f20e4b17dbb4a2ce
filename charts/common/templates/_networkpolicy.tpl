{{/*
common.callers: the callers of the chart: `networkPolicy.allowedCallers` (or the list
given as `callers`) plus the exposure's gateway while `exposure.enabled`, as a YAML list of
{app, namespace, serviceAccount} with empty fields resolved (namespace = release namespace,
serviceAccount = app), deduplicated and sorted.
Usage: {{ include "common.callers" (dict "root" $ "callers" .Values.istio.authorizationPolicy.allowedCallers) | fromYamlArray }}
*/}}
{{- define "common.callers" -}}
{{- $root := .root -}}
{{- $given := .callers | default list -}}
{{- $exposure := $root.Values.exposure | default dict -}}
{{- if and $exposure.enabled $exposure.gatewayCaller -}}
{{- $given = append $given $exposure.gatewayCaller -}}
{{- end -}}
{{- $byKey := dict -}}
{{- range $given -}}
{{- $namespace := .namespace | default $root.Release.Namespace -}}
{{- $serviceAccount := .serviceAccount | default .app -}}
{{- $_ := set $byKey (printf "%s/%s/%s" $namespace .app $serviceAccount) (dict "app" .app "namespace" $namespace "serviceAccount" $serviceAccount) -}}
{{- end -}}
{{- $callers := list -}}
{{- range $key := keys $byKey | sortAlpha -}}
{{- $callers = append $callers (get $byKey $key) -}}
{{- end -}}
{{- toYaml $callers -}}
{{- end -}}

{{/*
common.networkPolicy: a networking.k8s.io/v1 NetworkPolicy for the main workload's pods while
`networkPolicy.enabled`. Ingress: only the callers (common.callers) on `callerPorts`, and the
scraper's pods (`metrics.podLabels`, required: never the whole monitoring namespace) on the metrics
port; with `defaultDenyIngress: false` all ingress is allowed.
Egress (when `egress.enabled`): DNS, istiod (while istio.enabled), `allowedApps` and `allowedCidrs`.
Usage: {{ include "common.networkPolicy" (dict "root" $) }}
*/}}
{{- define "common.networkPolicy" -}}
{{- $root := .root -}}
{{- $policy := .root.Values.networkPolicy | default dict -}}
{{- if $policy.enabled -}}
{{- include "common.validations.ports" . -}}
{{- $egress := $policy.egress | default dict -}}
{{- $metrics := $policy.metrics | default dict -}}
{{- $callers := include "common.callers" (dict "root" $root "callers" $policy.allowedCallers) | fromYamlArray -}}
{{- $callerPorts := $policy.callerPorts | default list -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
{{ include "common.metadata" . }}
spec:
  podSelector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    {{- if $egress.enabled }}
    - Egress
    {{- end }}
  {{- if not (dig "defaultDenyIngress" true $policy) }}
  ingress:
    - {}
  {{- else if or (and $callers $callerPorts) $metrics.enabled }}
  ingress:
    {{- if and $callers $callerPorts }}
    - from:
        {{- range $callers }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .namespace }}
          podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ .app }}
        {{- end }}
      ports:
        {{- range $callerPorts }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- end }}
    {{- if $metrics.enabled }}
    {{- if not $metrics.podLabels }}
    {{- fail (printf "%s: networkPolicy.metrics.podLabels is empty, which would admit every pod of namespace %s to the metrics port. Name the scraper's pods, e.g. app.kubernetes.io/name: prometheus." (include "common.names.name" (dict "root" $root)) ($metrics.namespace | default "monitoring")) }}
    {{- end }}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $metrics.namespace | default "monitoring" }}
          podSelector:
            matchLabels:
              {{- toYaml $metrics.podLabels | nindent 14 }}
      ports:
        - port: {{ $metrics.port | default "metrics" }}
          protocol: TCP
    {{- end }}
  {{- end }}
  {{- if $egress.enabled }}
  {{- $dns := $egress.dns | default dict }}
  {{- $istiod := $egress.istioControlPlane | default dict }}
  {{- $meshed := dig "enabled" false ($root.Values.istio | default dict) }}
  {{- if or $dns.enabled (and $istiod.enabled $meshed) $egress.allowedApps $egress.allowedCidrs }}
  egress:
    {{- if $dns.enabled }}
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $dns.namespace | default "kube-system" }}
          {{- with $dns.podLabels }}
          podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
          {{- end }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- end }}
    {{- if and $istiod.enabled $meshed }}
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $istiod.namespace | default "istio-system" }}
          podSelector:
            matchLabels:
              app: istiod
      ports:
        - port: 15012
          protocol: TCP
    {{- end }}
    {{- range $egress.allowedApps }}
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ .namespace | default $root.Release.Namespace }}
          podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ .app }}
      ports:
        {{- range .ports }}
        - port: {{ . | int }}
          protocol: TCP
        {{- end }}
    {{- end }}
    {{- range $egress.allowedCidrs }}
    - to:
        - ipBlock:
            cidr: {{ .cidr }}
            {{- with .except }}
            except:
              {{- toYaml . | nindent 14 }}
            {{- end }}
      ports:
        {{- range .ports }}
        - port: {{ . | int }}
          protocol: TCP
        {{- end }}
    {{- end }}
  {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}
