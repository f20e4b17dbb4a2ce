{{/*
Validations: checks the values schema cannot express (relations between keys). Each helper renders
nothing or fails with "<chart>: <values path>: <problem>. <what to do>." Charts call
common.validations.all once (common.workload does); object helpers also call the checks they rely on.
*/}}

{{/*
common.validations.image: repository set; tag and digest well-formed; the mutable `latest` tag only
with a digest; a tag or the chart's appVersion available.
Usage: {{- include "common.validations.image" (dict "root" $ "image" .Values.image "path" "image") }}
*/}}
{{- define "common.validations.image" -}}
{{- $chart := include "common.names.name" . -}}
{{- $image := .image | default .root.Values.image | default dict -}}
{{- $path := .path | default "image" -}}
{{- $tag := toString ($image.tag | default "") -}}
{{- $digest := toString ($image.digest | default "") -}}
{{- if not $image.repository -}}
{{- fail (printf "%s: %s.repository is empty. Set the image repository, e.g. mcp-security-platform/%s." $chart $path $chart) -}}
{{- end -}}
{{- if and $tag (not (regexMatch "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$" $tag)) -}}
{{- fail (printf "%s: %s.tag %q is not a valid image tag (letters, digits, '_', '.', '-'; at most 128 characters)." $chart $path $tag) -}}
{{- end -}}
{{- if and $digest (not (regexMatch "^sha256:[a-f0-9]{64}$" $digest)) -}}
{{- fail (printf "%s: %s.digest %q is not a digest. Use sha256:<64 lowercase hex characters>, or leave it empty." $chart $path $digest) -}}
{{- end -}}
{{- if and (eq $tag "latest") (not $digest) -}}
{{- fail (printf "%s: %s.tag is \"latest\", which never triggers a rollout and differs from node to node. Pin a version tag or set %s.digest." $chart $path $path) -}}
{{- end -}}
{{- if and (not $tag) (not $digest) (not .root.Chart.AppVersion) -}}
{{- fail (printf "%s: %s.tag is empty and the chart has no appVersion. Set %s.tag or %s.digest." $chart $path $path $path) -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.resources: the platform requires CPU and memory requests and limits on every container.
Usage: {{- include "common.validations.resources" (dict "root" $ "resources" .Values.resources "path" "resources") }}
*/}}
{{- define "common.validations.resources" -}}
{{- $chart := include "common.names.name" . -}}
{{- $resources := .resources | default .root.Values.resources | default dict -}}
{{- $path := .path | default "resources" -}}
{{- range $entry := list "requests.cpu" "requests.memory" "limits.cpu" "limits.memory" -}}
{{- $parts := splitList "." $entry -}}
{{- $value := dig (index $parts 0) (index $parts 1) "" $resources -}}
{{- if eq (toString $value) "" -}}
{{- fail (printf "%s: %s.%s is empty. Every container needs CPU and memory requests and limits." $chart $path $entry) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.autoscaling: minReplicas <= maxReplicas and at least one metric while enabled.
Usage: {{- include "common.validations.autoscaling" (dict "root" $) }}
*/}}
{{- define "common.validations.autoscaling" -}}
{{- $chart := include "common.names.name" . -}}
{{- $hpa := .root.Values.autoscaling | default dict -}}
{{- if $hpa.enabled -}}
{{- if gt ($hpa.minReplicas | int) ($hpa.maxReplicas | int) -}}
{{- fail (printf "%s: autoscaling.minReplicas (%d) is greater than autoscaling.maxReplicas (%d). Lower minReplicas or raise maxReplicas." $chart ($hpa.minReplicas | int) ($hpa.maxReplicas | int)) -}}
{{- end -}}
{{- if and (not ($hpa.targetCPUUtilizationPercentage | int)) (not ($hpa.targetMemoryUtilizationPercentage | int)) (not $hpa.customMetrics) -}}
{{- fail (printf "%s: autoscaling is enabled without a metric. Set autoscaling.targetCPUUtilizationPercentage, targetMemoryUtilizationPercentage or customMetrics." $chart) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.pdb: exactly one of minAvailable/maxUnavailable, and a budget that voluntary
evictions can meet: with a fixed replica count (no HPA) minAvailable must stay below it and
maxUnavailable above 0, or every node drain hangs.
Usage: {{- include "common.validations.pdb" (dict "root" $) }}
*/}}
{{- define "common.validations.pdb" -}}
{{- $chart := include "common.names.name" . -}}
{{- $pdb := .root.Values.pdb | default dict -}}
{{- if $pdb.enabled -}}
{{- $min := toString (ternary "" $pdb.minAvailable (kindIs "invalid" $pdb.minAvailable)) -}}
{{- $max := toString (ternary "" $pdb.maxUnavailable (kindIs "invalid" $pdb.maxUnavailable)) -}}
{{- if and (ne $min "") (ne $max "") -}}
{{- fail (printf "%s: pdb sets both minAvailable (%s) and maxUnavailable (%s). Kubernetes accepts only one; set the other to \"\"." $chart $min $max) -}}
{{- end -}}
{{- if and (eq $min "") (eq $max "") -}}
{{- fail (printf "%s: pdb is enabled but neither minAvailable nor maxUnavailable is set. Set one of them (e.g. pdb.maxUnavailable: 1)." $chart) -}}
{{- end -}}
{{- $autoscaling := .root.Values.autoscaling | default dict -}}
{{- if not $autoscaling.enabled -}}
{{- $replicas := include "common.workload.replicaCount" . | int -}}
{{- $blocked := false -}}
{{- if ne $min "" -}}
{{- if hasSuffix "%" $min -}}
{{- $blocked = ge (trimSuffix "%" $min | atoi) 100 -}}
{{- else -}}
{{- $blocked = ge ($min | atoi) $replicas -}}
{{- end -}}
{{- if $blocked -}}
{{- fail (printf "%s: pdb.minAvailable (%s) with replicaCount %d and autoscaling disabled leaves no pod evictable, so node drains hang. Raise replicaCount, enable autoscaling, lower minAvailable or disable the pdb." $chart $min $replicas) -}}
{{- end -}}
{{- else -}}
{{- if or (eq $max "0") (eq $max "0%") -}}
{{- fail (printf "%s: pdb.maxUnavailable is %s, so no pod is ever evictable and node drains hang. Use at least 1." $chart $max) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.probes: liveness and startup probes must use successThreshold 1 (Kubernetes
rejects anything else).
Usage: {{- include "common.validations.probes" (dict "root" $) }}
*/}}
{{- define "common.validations.probes" -}}
{{- $chart := include "common.names.name" . -}}
{{- range $kind := list "livenessProbe" "startupProbe" -}}
{{- $probe := get $.root.Values $kind | default dict -}}
{{- if and $probe.enabled (gt ($probe.successThreshold | default 1 | int) 1) -}}
{{- fail (printf "%s: %s.successThreshold is %d, but Kubernetes only accepts 1 for liveness and startup probes." $chart $kind ($probe.successThreshold | int)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.ports: every port name used elsewhere exists: `service.ports` keys in
`containerPorts`; `serviceMonitor.port`, `exposure.servicePort` and the rollout's servicePort in
`service.ports`; NetworkPolicy and Istio port names in `containerPorts`.
Usage: {{- include "common.validations.ports" (dict "root" $) }}
*/}}
{{- define "common.validations.ports" -}}
{{- $chart := include "common.names.name" . -}}
{{- $values := .root.Values -}}
{{- $containerPorts := $values.containerPorts | default dict -}}
{{- $servicePorts := dig "ports" dict ($values.service | default dict) -}}
{{- $containerNames := keys $containerPorts | sortAlpha | join ", " -}}
{{- $serviceNames := keys $servicePorts | sortAlpha | join ", " -}}
{{- range $name, $_ := $servicePorts -}}
{{- if not (hasKey $containerPorts $name) -}}
{{- fail (printf "%s: service.ports.%s targets the container port named %q, which is not in containerPorts (%s). Add it to containerPorts or rename the Service port." $chart $name $name $containerNames) -}}
{{- end -}}
{{- end -}}
{{- $serviceRefs := list -}}
{{- if dig "enabled" false ($values.serviceMonitor | default dict) -}}
{{- $serviceRefs = append $serviceRefs (list "serviceMonitor.port" (dig "port" "metrics" $values.serviceMonitor)) -}}
{{- end -}}
{{- if dig "enabled" false ($values.exposure | default dict) -}}
{{- $serviceRefs = append $serviceRefs (list "exposure.servicePort" (dig "servicePort" "http" $values.exposure)) -}}
{{- end -}}
{{- if and (dig "enabled" false ($values.rollout | default dict)) (dig "trafficRouting" "istio" "enabled" false ($values.rollout | default dict)) -}}
{{- $serviceRefs = append $serviceRefs (list "rollout.trafficRouting.istio.servicePort" (dig "trafficRouting" "istio" "servicePort" "http" $values.rollout)) -}}
{{- end -}}
{{- range $serviceRefs -}}
{{- if not (hasKey $servicePorts (index . 1)) -}}
{{- fail (printf "%s: %s is %q, which is not a key of service.ports (%s). Use one of those names." $chart (index . 0) (index . 1) $serviceNames) -}}
{{- end -}}
{{- end -}}
{{- $containerRefs := list -}}
{{- $networkPolicy := $values.networkPolicy | default dict -}}
{{- if $networkPolicy.enabled -}}
{{- range ($networkPolicy.callerPorts | default list) -}}
{{- $containerRefs = append $containerRefs (list "networkPolicy.callerPorts" .) -}}
{{- end -}}
{{- if dig "metrics" "enabled" false $networkPolicy -}}
{{- $containerRefs = append $containerRefs (list "networkPolicy.metrics.port" (dig "metrics" "port" "metrics" $networkPolicy)) -}}
{{- end -}}
{{- end -}}
{{- $istio := $values.istio | default dict -}}
{{- if $istio.enabled -}}
{{- range (dig "sidecar" "excludeInboundPorts" list $istio) -}}
{{- $containerRefs = append $containerRefs (list "istio.sidecar.excludeInboundPorts" .) -}}
{{- end -}}
{{- if dig "authorizationPolicy" "enabled" false $istio -}}
{{- range (dig "authorizationPolicy" "ports" list $istio) -}}
{{- $containerRefs = append $containerRefs (list "istio.authorizationPolicy.ports" .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $containerRefs -}}
{{- if and (kindIs "string" (index . 1)) (not (hasKey $containerPorts (index . 1))) -}}
{{- fail (printf "%s: %s names port %q, which is not in containerPorts (%s). Use one of those names." $chart (index . 0) (index . 1) $containerNames) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.serviceMonitor: scrapeTimeout must not exceed interval.
Usage: {{- include "common.validations.serviceMonitor" (dict "root" $) }}
*/}}
{{- define "common.validations.serviceMonitor" -}}
{{- $chart := include "common.names.name" . -}}
{{- $monitor := .root.Values.serviceMonitor | default dict -}}
{{- if $monitor.enabled -}}
{{- $interval := include "common.utils.durationMilliseconds" (dict "duration" $monitor.interval) -}}
{{- $timeout := include "common.utils.durationMilliseconds" (dict "duration" $monitor.scrapeTimeout) -}}
{{- if and $interval $timeout (gt ($timeout | int64) ($interval | int64)) -}}
{{- fail (printf "%s: serviceMonitor.scrapeTimeout (%s) is longer than serviceMonitor.interval (%s); Prometheus rejects the target. Shorten the timeout or lengthen the interval." $chart $monitor.scrapeTimeout $monitor.interval) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.exposure: an enabled exposure needs at least one host.
Usage: {{- include "common.validations.exposure" (dict "root" $) }}
*/}}
{{- define "common.validations.exposure" -}}
{{- $chart := include "common.names.name" . -}}
{{- $exposure := .root.Values.exposure | default dict -}}
{{- if and $exposure.enabled (not $exposure.hosts) -}}
{{- fail (printf "%s: exposure is enabled but exposure.hosts is empty. Add the public host name(s) or disable exposure." $chart) -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.rollout: Istio canary routing needs the workload in the mesh, and a canary needs steps.
Usage: {{- include "common.validations.rollout" (dict "root" $) }}
*/}}
{{- define "common.validations.rollout" -}}
{{- $chart := include "common.names.name" . -}}
{{- $rollout := .root.Values.rollout | default dict -}}
{{- if $rollout.enabled -}}
{{- if and (dig "trafficRouting" "istio" "enabled" false $rollout) (not (dig "enabled" false (.root.Values.istio | default dict))) -}}
{{- fail (printf "%s: rollout.trafficRouting.istio.enabled needs the Istio sidecar, but istio.enabled is false. Enable istio or disable Istio traffic routing (replica-based canary)." $chart) -}}
{{- end -}}
{{- if not (dig "canary" "steps" list $rollout) -}}
{{- fail (printf "%s: rollout.canary.steps is empty. Add at least one step (e.g. - setWeight: 20)." $chart) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.securityContext: a `Localhost` seccomp profile needs its `localhostProfile`.
Usage: {{- include "common.validations.securityContext" (dict "root" $) }}
*/}}
{{- define "common.validations.securityContext" -}}
{{- $chart := include "common.names.name" . -}}
{{- range $key := list "podSecurityContext" "containerSecurityContext" -}}
{{- $profile := dig "seccompProfile" dict (get $.root.Values $key | default dict) -}}
{{- if and (eq (toString $profile.type) "Localhost") (not $profile.localhostProfile) -}}
{{- fail (printf "%s: %s.seccompProfile.type is Localhost but localhostProfile is empty. Set the profile path or use RuntimeDefault." $chart $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.validations.all: every check above, for the values of a standard service chart.
Usage: {{- include "common.validations.all" (dict "root" $) }}
*/}}
{{- define "common.validations.all" -}}
{{- include "common.validations.image" . -}}
{{- include "common.validations.resources" . -}}
{{- include "common.validations.probes" . -}}
{{- include "common.validations.securityContext" . -}}
{{- include "common.validations.ports" . -}}
{{- include "common.validations.autoscaling" . -}}
{{- include "common.validations.pdb" . -}}
{{- include "common.validations.serviceMonitor" . -}}
{{- include "common.validations.exposure" . -}}
{{- include "common.validations.rollout" . -}}
{{- end -}}

{{/*
common.validations.volumes: volume names are unique, mount paths are unique and every mount names a
volume of the pod.
Usage: {{- include "common.validations.volumes" (dict "root" $ "volumes" $volumes "mounts" $mounts) }}
*/}}
{{- define "common.validations.volumes" -}}
{{- $chart := include "common.names.name" . -}}
{{- $names := dict -}}
{{- range .volumes -}}
{{- if hasKey $names .name -}}
{{- fail (printf "%s: volume %q is defined twice (the chart's own volumes, including \"tmp\", and extraVolumes share one namespace). Rename the extra volume." $chart .name) -}}
{{- end -}}
{{- $_ := set $names .name true -}}
{{- end -}}
{{- $paths := dict -}}
{{- range .mounts -}}
{{- if not (hasKey $names .name) -}}
{{- fail (printf "%s: volume mount %q at %s names no volume of the pod. Add it to extraVolumes or fix the name." $chart .name .mountPath) -}}
{{- end -}}
{{- if hasKey $paths .mountPath -}}
{{- fail (printf "%s: two volume mounts use the path %s. Choose another mountPath." $chart .mountPath) -}}
{{- end -}}
{{- $_ := set $paths .mountPath true -}}
{{- end -}}
{{- end -}}
