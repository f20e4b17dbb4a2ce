{{/*
Rules of the allow policies, each rendered as one YAML list item (a NetworkPolicy ingress or egress
rule) for network-policies.policy.
*/}}

{{/* ports: a list of port numbers (TCP, or "<n>/UDP") as NetworkPolicy ports, a JSON list. Usage: include "network-policies.ports" (list 80 443) | fromJsonArray */}}
{{- define "network-policies.ports" -}}
{{- $ports := list -}}
{{- range . -}}
{{- $port := toString . -}}
{{- $ports = append $ports (dict "port" (trimSuffix "/UDP" $port | int) "protocol" (ternary "UDP" "TCP" (hasSuffix "/UDP" $port))) -}}
{{- end -}}
{{- toJson $ports -}}
{{- end -}}

{{/* DNS: the cluster DNS pods on UDP and TCP 53. Usage: include "network-policies.egress.dns" $ */}}
{{- define "network-policies.egress.dns" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.dns.namespace }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.dns.podLabels | nindent 10 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

{{/*
The Kubernetes API server. Its address is not selectable by pod or namespace selectors (it is not a
pod, or runs on the host network), so this is an ipBlock: `apiServer.cidrs` (by default 0.0.0.0/0,
because the endpoints behind the `kubernetes` Service are usually private node addresses) with
169.254.0.0/16 (cloud metadata), 100.64.0.0/10 and 127.0.0.0/8 always excepted
(common.networkPolicy.ipBlock with keepPrivate), on `apiServer.ports`.
Usage: include "network-policies.egress.apiServer" $
*/}}
{{- define "network-policies.egress.apiServer" -}}
{{- $root := . -}}
- to:
    {{- range .Values.apiServer.cidrs }}
    - ipBlock:
        {{- include "common.networkPolicy.ipBlock" (dict "root" $root "entry" (dict "cidr" .) "keepPrivate" true "path" "apiServer.cidrs") | nindent 8 }}
    {{- end }}
  ports:
    {{- include "network-policies.ports" .Values.apiServer.ports | fromJsonArray | toYaml | nindent 4 }}
{{- end -}}

{{/*
Public addresses: 0.0.0.0/0 except the private, shared, link-local and loopback ranges, on `ports`.
Usage: include "network-policies.egress.internet" (dict "root" $ "ports" (list 443))
*/}}
{{- define "network-policies.egress.internet" -}}
- to:
    - ipBlock:
        {{- include "common.networkPolicy.ipBlock" (dict "root" .root "entry" (dict "cidr" "0.0.0.0/0")) | nindent 8 }}
  ports:
    {{- include "network-policies.ports" .ports | fromJsonArray | toYaml | nindent 4 }}
{{- end -}}

{{/*
A pod peer as JSON: pods with `labels` (every pod when empty) in `namespace` (the policy's own when
empty; "*" for every namespace).
Usage: include "network-policies.peer" (dict "namespace" "monitoring" "labels" (dict "app.kubernetes.io/name" "grafana")) | fromJson
*/}}
{{- define "network-policies.peer" -}}
{{- $peer := dict "podSelector" (ternary (dict "matchLabels" .labels) dict (not (empty .labels))) -}}
{{- if eq (toString .namespace) "*" -}}
{{- $_ := set $peer "namespaceSelector" dict -}}
{{- else if .namespace -}}
{{- $_ := set $peer "namespaceSelector" (dict "matchLabels" (dict "kubernetes.io/metadata.name" .namespace)) -}}
{{- end -}}
{{- toJson $peer -}}
{{- end -}}

{{/*
Egress to pods: `peers` (dicts for network-policies.peer) on `ports` (every port when empty).
Usage: include "network-policies.egress.pods" (dict "peers" (list (dict "namespace" "monitoring" "labels" $labels)) "ports" (list 9090))
*/}}
{{- define "network-policies.egress.pods" -}}
{{- include "network-policies.podRule" (merge (dict "direction" "to") .) -}}
{{- end -}}

{{/* Ingress from pods: like network-policies.egress.pods. */}}
{{- define "network-policies.ingress.pods" -}}
{{- include "network-policies.podRule" (merge (dict "direction" "from") .) -}}
{{- end -}}

{{- define "network-policies.podRule" -}}
{{- $peers := list -}}
{{- range .peers }}{{ $peers = append $peers (include "network-policies.peer" . | fromJson) }}{{ end -}}
{{- $rule := dict .direction $peers -}}
{{- with .ports }}{{ $_ := set $rule "ports" (include "network-policies.ports" . | fromJsonArray) }}{{ end -}}
{{- toYaml (list $rule) -}}
{{- end -}}

{{/*
Ingress from any address on `ports`: webhooks the API server calls (it is not a pod, so no selector
names it) and the ingress gateway's listeners. Usage: include "network-policies.ingress.any" (list 10250)
*/}}
{{- define "network-policies.ingress.any" -}}
{{- toYaml (list (dict "ports" (include "network-policies.ports" . | fromJsonArray))) -}}
{{- end -}}

{{/* Ingress from the Prometheus pods only, on `ports`. Usage: include "network-policies.ingress.prometheus" (dict "root" $ "ports" (list 8080)) */}}
{{- define "network-policies.ingress.prometheus" -}}
{{- if not .root.Values.prometheus.podLabels -}}
{{- fail "network-policies: prometheus.podLabels is empty, which would admit every pod of the monitoring namespace to the metrics ports. Name the scraper's pods, e.g. app.kubernetes.io/name: prometheus." -}}
{{- end -}}
{{- include "network-policies.ingress.pods" (dict "peers" (list (dict "namespace" .root.Values.prometheus.namespace "labels" .root.Values.prometheus.podLabels)) "ports" .ports) }}
{{- end -}}

{{/*
One allow policy: pods with `pods` labels (or `expressions`) in `namespace`, for Ingress and Egress,
with the rendered `ingress` and `egress` rules (lists of rule strings; empty admits nothing).
Usage: include "network-policies.policy" (dict "root" $ "namespace" $ns "name" "argocd-server" "pods" $labels "ingress" (list ...) "egress" (list ...))
*/}}
{{- define "network-policies.policy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  namespace: {{ .namespace }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root "component" "network-policy") | nindent 4 }}
spec:
  podSelector:
    {{- with .pods }}
    matchLabels:
      {{- toYaml . | nindent 6 }}
    {{- end }}
    {{- with .expressions }}
    matchExpressions:
      {{- toYaml . | nindent 6 }}
    {{- end }}
  policyTypes:
    - Ingress
    - Egress
  {{- with .ingress }}
  ingress:
    {{- range . }}
    {{- . | nindent 4 }}
    {{- end }}
  {{- end }}
  {{- with .egress }}
  egress:
    {{- range . }}
    {{- . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end -}}

{{/* The default deny of one namespace. Usage: include "network-policies.defaultDeny" (dict "root" $ "namespace" "argocd") */}}
{{- define "network-policies.defaultDeny" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: {{ .namespace }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root "component" "default-deny") | nindent 4 }}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
{{- end -}}
