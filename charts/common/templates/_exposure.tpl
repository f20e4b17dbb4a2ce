{{/*
common.exposure.name: name of the exposure object: `<fullname>-edge` for the Istio VirtualService (so
it never clashes with the mesh VirtualService of a canary), `<fullname>` for an Ingress.
Usage: {{ include "common.exposure.name" (dict "root" $) }}
*/}}
{{- define "common.exposure.name" -}}
{{- if eq (dig "mode" "virtualService" .root.Values.exposure) "virtualService" -}}
{{- include "common.names.suffixed" (dict "root" .root "suffix" "edge") -}}
{{- else -}}
{{- include "common.names.fullname" . -}}
{{- end -}}
{{- end -}}

{{/*
common.exposure.virtualServiceEnabled: "true" when the service is exposed through an Istio Gateway.
Usage: {{ if include "common.exposure.virtualServiceEnabled" (dict "root" $) }}...{{ end }}
*/}}
{{- define "common.exposure.virtualServiceEnabled" -}}
{{- $exposure := .root.Values.exposure | default dict -}}
{{- if and $exposure.enabled (eq ($exposure.mode | default "virtualService") "virtualService") -}}true{{- end -}}
{{- end -}}

{{/*
common.exposure: the object that exposes the chart outside the cluster while `exposure.enabled`:
an Istio VirtualService bound to `exposure.virtualService.gateways` (TLS terminates at the
Gateway; with an Istio canary its route `primary` is weighted by the Rollout too) or a
networking.k8s.io/v1 Ingress with TLS.
Usage: {{ include "common.exposure" (dict "root" $) }}
*/}}
{{- define "common.exposure" -}}
{{- $root := .root -}}
{{- $exposure := .root.Values.exposure | default dict -}}
{{- if $exposure.enabled -}}
{{- include "common.validations.exposure" . -}}
{{- include "common.validations.ports" . -}}
{{- $name := include "common.exposure.name" . -}}
{{- $port := $exposure.servicePort | default "http" -}}
{{- if include "common.exposure.virtualServiceEnabled" . -}}
{{- $vs := $exposure.virtualService | default dict -}}
apiVersion: networking.istio.io/v1
kind: VirtualService
{{ include "common.metadata" (dict "root" $root "name" $name "annotations" $exposure.annotations) }}
spec:
  hosts:
    {{- toYaml $exposure.hosts | nindent 4 }}
  gateways:
    {{- toYaml $vs.gateways | nindent 4 }}
  http:
    - name: primary
      match:
        {{- range $exposure.paths }}
        - uri:
            {{ ternary "exact" "prefix" (eq (.pathType | default "Prefix") "Exact") }}: {{ .path | quote }}
        {{- end }}
      route:
        {{- include "common.rollout.routeDestinations" (dict "root" $root "port" $port) | nindent 8 }}
      {{- with $vs.timeout }}
      timeout: {{ . }}
      {{- end }}
{{- else -}}
{{- $ingress := $exposure.ingress | default dict -}}
{{- $tls := $ingress.tls | default dict -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
{{ include "common.metadata" (dict "root" $root "name" $name "annotations" $exposure.annotations) }}
spec:
  {{- with $ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if $tls.enabled }}
  tls:
    - hosts:
        {{- toYaml $exposure.hosts | nindent 8 }}
      secretName: {{ $tls.secretName | default (include "common.names.suffixed" (dict "root" $root "suffix" "tls")) }}
  {{- end }}
  rules:
    {{- range $host := $exposure.hosts }}
    - host: {{ $host | quote }}
      http:
        paths:
          {{- range $exposure.paths }}
          - path: {{ .path }}
            pathType: {{ .pathType | default "Prefix" }}
            backend:
              service:
                name: {{ include "common.names.fullname" (dict "root" $root) }}
                port:
                  name: {{ $port }}
          {{- end }}
    {{- end }}
{{- end -}}
{{- end -}}
{{- end -}}
