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
common.networkPolicy.defaultDeny: the namespace's default deny while `networkPolicy.enabled`: a
NetworkPolicy named `<fullname>-default-deny` that selects every pod of the namespace
(`podSelector: {}`) for Ingress and Egress and allows nothing, so a pod that no allow policy selects
(a hook Job, a pod someone starts by hand) has no traffic at all. NetworkPolicies are additive: the
allow policies of the charts still admit what they list, and several charts in one namespace each
rendering one is harmless (https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-and-all-egress-traffic).
Usage: {{ include "common.networkPolicy.defaultDeny" (dict "root" $) }}
*/}}
{{- define "common.networkPolicy.defaultDeny" -}}
{{- $policy := .root.Values.networkPolicy | default dict -}}
{{- if $policy.enabled -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
{{ include "common.metadata" (dict "root" .root "suffix" "default-deny" "component" "default-deny") }}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
{{- end -}}
{{- end -}}

{{/*
common.networkPolicy.ipv4Range: the first and last address of an IPv4 CIDR as integers, a JSON list.
Usage: {{ include "common.networkPolicy.ipv4Range" "10.0.0.0/8" | fromJsonArray }}
*/}}
{{- define "common.networkPolicy.ipv4Range" -}}
{{- $parts := splitList "/" . -}}
{{- $start := 0 -}}
{{- range splitList "." (first $parts) }}{{ $start = add (mul $start 256) (atoi .) }}{{ end -}}
{{- $size := 1 -}}
{{- range until (sub 32 (atoi (last $parts)) | int) }}{{ $size = mul $size 2 }}{{ end -}}
{{- $first := sub $start (mod $start $size) -}}
{{- list $first (sub (add $first $size) 1) | toJson -}}
{{- end -}}

{{/*
common.networkPolicy.ipBlock: one `allowedCidrs` entry as an ipBlock whose `except` keeps out the
addresses no workload may reach through a CIDR rule: link-local 169.254.0.0/16 (RFC 3927, the cloud
metadata endpoint 169.254.169.254 with the node's credentials), shared 100.64.0.0/10 (RFC 6598, pod
and node ranges of some clusters) and loopback 127.0.0.0/8 whenever the CIDR contains them, and the
private ranges (RFC 1918) whenever it is wider than them (0.0.0.0/0 means the internet, not the
cluster) unless `keepPrivate` (the Kubernetes API server, whose endpoint is usually a private node
address). A CIDR inside 169.254.0.0/16, 100.64.0.0/10 or 127.0.0.0/8 cannot be excepted and fails.
IPv6 CIDRs are kept as given. Renders the ipBlock as YAML.
`path` names the values key in the error (default networkPolicy.egress.allowedCidrs).
Usage: {{ include "common.networkPolicy.ipBlock" (dict "root" $ "entry" .) }}
       {{ include "common.networkPolicy.ipBlock" (dict "root" $ "entry" (dict "cidr" "0.0.0.0/0") "keepPrivate" true "path" "apiServer.cidrs") }}
*/}}
{{- define "common.networkPolicy.ipBlock" -}}
{{- $entry := .entry -}}
{{- $except := list -}}
{{- range $entry.except | default list }}{{ $except = append $except . }}{{ end -}}
{{- if not (contains ":" $entry.cidr) -}}
{{- $range := include "common.networkPolicy.ipv4Range" $entry.cidr | fromJsonArray -}}
{{- $excepted := list -}}
{{- range $except }}{{ if not (contains ":" .) }}{{ $excepted = append $excepted (include "common.networkPolicy.ipv4Range" . | fromJsonArray) }}{{ end }}{{ end -}}
{{- $forbidden := list (dict "cidr" "10.0.0.0/8") (dict "cidr" "172.16.0.0/12") (dict "cidr" "192.168.0.0/16") (dict "cidr" "169.254.0.0/16" "always" true) (dict "cidr" "100.64.0.0/10" "always" true) (dict "cidr" "127.0.0.0/8" "always" true) -}}
{{- range $forbidden -}}
{{- $f := include "common.networkPolicy.ipv4Range" .cidr | fromJsonArray -}}
{{- $overlaps := not (or (lt (index $f 1) (index $range 0)) (gt (index $f 0) (index $range 1))) -}}
{{- $contains := and (le (index $range 0) (index $f 0)) (ge (index $range 1) (index $f 1)) -}}
{{- $wider := and $contains (not (and (eq (index $range 0) (index $f 0)) (eq (index $range 1) (index $f 1)))) -}}
{{- $covered := false -}}
{{- range $excepted }}{{ if and (le (index . 0) (index $f 0)) (ge (index . 1) (index $f 1)) }}{{ $covered = true }}{{ end }}{{ end -}}
{{- if and .always $overlaps (not $contains) -}}
{{- fail (printf "%s: %s has %s, inside %s (link-local cloud metadata, RFC 6598 shared or loopback addresses), which no workload may reach. Remove the entry." (include "common.names.name" (dict "root" $.root)) ($.path | default "networkPolicy.egress.allowedCidrs") $entry.cidr .cidr) -}}
{{- end -}}
{{- if and (not $covered) (or (and .always $contains) (and $wider (not $.keepPrivate))) -}}
{{- $except = append $except .cidr -}}
{{- end -}}
{{- end -}}
{{- end -}}
cidr: {{ $entry.cidr }}
{{- with $except }}
except:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
common.networkPolicy: a networking.k8s.io/v1 NetworkPolicy for the main workload's pods while
`networkPolicy.enabled`. Ingress: only the callers (common.callers) on `callerPorts`, and the
scraper's pods (`metrics.podLabels`, required: never the whole monitoring namespace) on the metrics
port; with `defaultDenyIngress: false` all ingress is allowed.
Egress (when `egress.enabled`, the default): DNS, istiod (while istio.enabled), `allowedApps` and
`allowedCidrs` (common.networkPolicy.ipBlock: never the metadata, shared, private or loopback ranges
through a wider CIDR). Pair it with common.networkPolicy.defaultDeny so pods no policy selects get nothing.
Arguments besides `root`, for the chart's other pods (hook Jobs, CronJobs, workers):
`component` and `suffix` (the pods' component label and the policy's name suffix, as common.metadata),
`ingress` (false: admit nothing, neither callers nor metrics), `allowedApps` and `allowedCidrs`
(replace the values' egress allow-lists, e.g. a migration Job that reaches only its database).
Usage: {{ include "common.networkPolicy" (dict "root" $) }}
       {{ include "common.networkPolicy" (dict "root" $ "component" "migrations" "suffix" "migrations" "ingress" false "allowedApps" $apps "allowedCidrs" list) }}
*/}}
{{- define "common.networkPolicy" -}}
{{- $root := .root -}}
{{- $policy := .root.Values.networkPolicy | default dict -}}
{{- if $policy.enabled -}}
{{- include "common.validations.ports" . -}}
{{- $egress := $policy.egress | default dict -}}
{{- $metrics := $policy.metrics | default dict -}}
{{- $ingress := ternary .ingress true (hasKey . "ingress") -}}
{{- $callers := ternary (include "common.callers" (dict "root" $root "callers" $policy.allowedCallers) | fromYamlArray) list $ingress -}}
{{- $callerPorts := $policy.callerPorts | default list -}}
{{- if not $ingress }}{{ $metrics = dict "enabled" false }}{{ end -}}
{{- $allowedApps := ternary .allowedApps $egress.allowedApps (hasKey . "allowedApps") | default list -}}
{{- $allowedCidrs := ternary .allowedCidrs $egress.allowedCidrs (hasKey . "allowedCidrs") | default list -}}
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
  {{- if and $ingress (not (dig "defaultDenyIngress" true $policy)) }}
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
  {{- if or $dns.enabled (and $istiod.enabled $meshed) $allowedApps $allowedCidrs }}
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
    {{- range $allowedApps }}
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
    {{- range $allowedCidrs }}
    - to:
        - ipBlock:
            {{- include "common.networkPolicy.ipBlock" (dict "root" $root "entry" .) | nindent 12 }}
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
