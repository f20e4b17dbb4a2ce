{{/*
scan-sandbox.blockedRanges: the IPv4 ranges scan pods never reach, whatever the values say:
RFC 1918 private networks (node, pod and service addresses, the VPC), RFC 6598 shared address space
100.64.0.0/10 (carrier-grade NAT, also used for pod and node ranges), RFC 3927 link-local
169.254.0.0/16 (the cloud metadata endpoint 169.254.169.254 and node-local DNS caches) and loopback.
Then `egress.internet.extraExcept`. YAML list.
*/}}
{{- define "scan-sandbox.blockedRanges" -}}
{{- $fixed := list "10.0.0.0/8" "172.16.0.0/12" "192.168.0.0/16" "100.64.0.0/10" "169.254.0.0/16" "127.0.0.0/8" -}}
{{- $all := $fixed -}}
{{- range .Values.egress.internet.extraExcept -}}
{{- if not (has . $all) -}}
{{- $all = append $all . -}}
{{- end -}}
{{- end -}}
{{- toYaml $all -}}
{{- end -}}

{{/*
scan-sandbox.managerRoleName: the Role (and RoleBinding) that lets scanner-manager run scans here.
*/}}
{{- define "scan-sandbox.managerRoleName" -}}
{{- include "common.names.suffixed" (dict "root" $ "suffix" .Values.manager.serviceAccount) -}}
{{- end -}}

{{/*
scan-sandbox.validate: what the schema cannot express. The sandbox must be a namespace of its own:
granted in the manager's namespace, the Role would let the manager start pods beside its own Secrets
and ServiceAccounts, which is what the sandbox exists to prevent.
*/}}
{{- define "scan-sandbox.validate" -}}
{{- $chart := include "common.names.name" (dict "root" $) -}}
{{- if eq .Values.manager.namespace .Release.Namespace -}}
{{- fail (printf "%s: manager.namespace is %s, the namespace this sandbox is installed in. Scan pods must not run beside scanner-manager's Secrets and ServiceAccounts: install the sandbox in a namespace of its own (scans), or set manager.namespace to where scanner-manager runs." $chart .Release.Namespace) -}}
{{- end -}}
{{- if eq .Values.runner.serviceAccountName "default" -}}
{{- fail (printf "%s: runner.serviceAccountName is \"default\", which Kubernetes creates itself. Name a ServiceAccount of the sandbox's own, e.g. scan-runner." $chart) -}}
{{- end -}}
{{- end -}}
