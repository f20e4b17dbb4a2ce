{{/*
common.istio.principal: the Istio mTLS principal of a caller ({app, namespace, serviceAccount} with
fields already resolved by common.callers): `<trustDomain>/ns/<namespace>/sa/<serviceAccount>`.
Usage: {{ include "common.istio.principal" (dict "caller" $caller "trustDomain" "cluster.local") }}
*/}}
{{- define "common.istio.principal" -}}
{{- printf "%s/ns/%s/sa/%s" (.trustDomain | default "cluster.local") .caller.namespace .caller.serviceAccount -}}
{{- end -}}

{{/*
common.authorizationPolicy: a security.istio.io/v1 ALLOW AuthorizationPolicy for the main workload
while `istio.enabled` and `istio.authorizationPolicy.enabled`: only the principals of
`allowedCallers` (plus the exposure gateway) may call `ports`. Without callers the policy has no
rules, which Istio treats as "allow nothing": the workload is closed to mesh traffic.
Usage: {{ include "common.authorizationPolicy" (dict "root" $) }}
*/}}
{{- define "common.authorizationPolicy" -}}
{{- $root := .root -}}
{{- $istio := .root.Values.istio | default dict -}}
{{- $policy := $istio.authorizationPolicy | default dict -}}
{{- if and $istio.enabled $policy.enabled -}}
{{- include "common.validations.ports" . -}}
{{- $callers := include "common.callers" (dict "root" $root "callers" $policy.allowedCallers) | fromYamlArray -}}
{{- $principals := list -}}
{{- range $callers -}}
{{- $principals = append $principals (include "common.istio.principal" (dict "caller" . "trustDomain" $policy.trustDomain)) -}}
{{- end -}}
{{- $ports := list -}}
{{- range ($policy.ports | default list) -}}
{{- $ports = append $ports (include "common.utils.portNumber" (dict "root" $root "port" . "path" "istio.authorizationPolicy.ports")) -}}
{{- end -}}
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
{{ include "common.metadata" . }}
spec:
  selector:
    matchLabels:
      {{- include "common.labels.matchLabels" . | nindent 6 }}
  action: ALLOW
  {{- with $principals }}
  rules:
    - from:
        - source:
            principals:
              {{- range ($principals | uniq | sortAlpha) }}
              - {{ . | quote }}
              {{- end }}
      {{- with $ports }}
      to:
        - operation:
            ports:
              {{- range ($ports | uniq) }}
              - {{ . | quote }}
              {{- end }}
      {{- end }}
  {{- end }}
{{- end -}}
{{- end -}}
