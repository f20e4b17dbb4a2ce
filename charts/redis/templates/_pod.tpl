{{/*
The pod of the StatefulSet: the server container, the Sentinel container (mode sentinel), the
exporter (metrics.enabled), and their volumes.
*/}}

{{/*
redis.pod.probe: the exec probe of a container.
Usage: {{ include "redis.pod.probe" (dict "port" 6379 "kind" "liveness" "timing" .Values.probes.liveness) }}
*/}}
{{- define "redis.pod.probe" -}}
exec:
  command: ["sh", "/etc/redis/conf/probe.sh", "{{ .port | int }}", "{{ .kind }}"]
initialDelaySeconds: {{ .timing.initialDelaySeconds | int }}
periodSeconds: {{ .timing.periodSeconds | int }}
timeoutSeconds: {{ .timing.timeoutSeconds | int }}
failureThreshold: {{ .timing.failureThreshold | int }}
successThreshold: 1
{{- end -}}

{{/*
redis.pod.mounts: the volume mounts of the server and Sentinel containers.
Usage: {{ include "redis.pod.mounts" (dict "root" $ "run" "redis") }}
*/}}
{{- define "redis.pod.mounts" -}}
- name: config
  mountPath: /etc/redis/conf
  readOnly: true
- name: passwords
  mountPath: /etc/redis/passwords
  readOnly: true
{{- if .root.Values.tls.enabled }}
- name: tls
  mountPath: /etc/redis/tls
  readOnly: true
{{- end }}
- name: run-{{ .run }}
  mountPath: /run/{{ .run }}
- name: tmp
  mountPath: /tmp
{{- if eq .run "redis" }}
- name: data
  mountPath: /data
{{- end }}
{{- end -}}

{{/*
redis.pod.env: the environment of the server and Sentinel containers (the pod name, from which the
scripts derive the pod's host name).
*/}}
{{- define "redis.pod.env" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- end -}}

{{/*
redis.pod.volumes: the pod's volumes (the data volume comes from the volumeClaimTemplates while
persistence.enabled).
*/}}
{{- define "redis.pod.volumes" -}}
- name: config
  configMap:
    name: {{ include "redis.configName" . }}
    defaultMode: 0444
- name: passwords
  secret:
    secretName: {{ include "redis.passwordsSecret" . }}
    defaultMode: 0440
{{- if .Values.tls.enabled }}
- name: tls
  secret:
    secretName: {{ .Values.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
- name: run-redis
  emptyDir:
    medium: Memory
    sizeLimit: 16Mi
{{- if include "redis.sentinel" . }}
- name: run-sentinel
  emptyDir:
    medium: Memory
    sizeLimit: 16Mi
{{- end }}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if not .Values.persistence.enabled }}
- name: data
  emptyDir:
    sizeLimit: {{ .Values.persistence.emptyDirSizeLimit }}
{{- end }}
{{- end -}}

{{/*
redis.pod.containers: the containers.
*/}}
{{- define "redis.pod.containers" -}}
{{- $v := .Values -}}
{{- $securityContext := include "common.securityContext.container" (dict "root" $) -}}
- name: server
  image: {{ include "common.images.image" (dict "root" $ "image" $v.images.valkey) }}
  imagePullPolicy: {{ $v.images.valkey.pullPolicy }}
  command: ["sh", "/etc/redis/conf/start-server.sh"]
  env:
    {{- include "redis.pod.env" . | nindent 4 }}
  ports:
    - name: redis
      containerPort: {{ $v.containerPorts.redis | int }}
      protocol: TCP
  startupProbe:
    {{- include "redis.pod.probe" (dict "port" $v.containerPorts.redis "kind" "readiness" "timing" $v.probes.startup) | nindent 4 }}
  livenessProbe:
    {{- include "redis.pod.probe" (dict "port" $v.containerPorts.redis "kind" "liveness" "timing" $v.probes.liveness) | nindent 4 }}
  readinessProbe:
    {{- include "redis.pod.probe" (dict "port" $v.containerPorts.redis "kind" "readiness" "timing" $v.probes.readiness) | nindent 4 }}
  {{- if include "redis.sentinel" . }}
  lifecycle:
    preStop:
      exec:
        command: ["sh", "/etc/redis/conf/pre-stop.sh", "server"]
  {{- end }}
  resources:
    {{- include "common.resources.render" (dict "root" $ "resources" $v.resources) | nindent 4 }}
  securityContext:
    {{- $securityContext | nindent 4 }}
  volumeMounts:
    {{- include "redis.pod.mounts" (dict "root" $ "run" "redis") | nindent 4 }}
{{- if include "redis.sentinel" . }}
- name: sentinel
  image: {{ include "common.images.image" (dict "root" $ "image" $v.images.valkey) }}
  imagePullPolicy: {{ $v.images.valkey.pullPolicy }}
  command: ["sh", "/etc/redis/conf/start-sentinel.sh"]
  env:
    {{- include "redis.pod.env" . | nindent 4 }}
  ports:
    - name: sentinel
      containerPort: {{ $v.containerPorts.sentinel | int }}
      protocol: TCP
  livenessProbe:
    {{- include "redis.pod.probe" (dict "port" $v.containerPorts.sentinel "kind" "liveness" "timing" $v.sentinel.probes.liveness) | nindent 4 }}
  readinessProbe:
    {{- include "redis.pod.probe" (dict "port" $v.containerPorts.sentinel "kind" "readiness" "timing" $v.sentinel.probes.readiness) | nindent 4 }}
  lifecycle:
    preStop:
      exec:
        command: ["sh", "/etc/redis/conf/pre-stop.sh", "sentinel"]
  resources:
    {{- include "common.resources.render" (dict "root" $ "resources" $v.sentinel.resources) | nindent 4 }}
  securityContext:
    {{- $securityContext | nindent 4 }}
  volumeMounts:
    {{- include "redis.pod.mounts" (dict "root" $ "run" "sentinel") | nindent 4 }}
{{- end }}
{{- if $v.metrics.enabled }}
- name: metrics
  image: {{ include "common.images.image" (dict "root" $ "image" $v.images.exporter) }}
  imagePullPolicy: {{ $v.images.exporter.pullPolicy }}
  env:
    {{- include "redis.pod.env" . | nindent 4 }}
    - name: REDIS_ADDR
      value: {{ printf "%s://localhost:%d" (ternary "rediss" "redis" $v.tls.enabled) ($v.containerPorts.redis | int) | quote }}
    - name: REDIS_USER
      value: monitor
    - name: REDIS_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ include "redis.passwordsSecret" . }}
          key: monitor
    {{- if $v.tls.enabled }}
    - name: REDIS_EXPORTER_TLS_CA_CERT_FILE
      value: /etc/redis/tls/ca.crt
    # The certificate names the pods' host names, not localhost.
    - name: REDIS_EXPORTER_TLS_SERVER_NAME
      value: {{ printf "$(POD_NAME).%s" (include "redis.domain" .) | quote }}
    {{- end }}
    # `monitor` may not run CONFIG (it would show the replication password): skip the config metrics.
    - name: REDIS_EXPORTER_CONFIG_COMMAND
      value: "-"
    - name: REDIS_EXPORTER_WEB_LISTEN_ADDRESS
      value: {{ printf ":%d" ($v.containerPorts.metrics | int) | quote }}
  ports:
    - name: metrics
      containerPort: {{ $v.containerPorts.metrics | int }}
      protocol: TCP
  livenessProbe:
    httpGet:
      path: /health
      port: metrics
    periodSeconds: 10
    timeoutSeconds: 3
    failureThreshold: 3
  readinessProbe:
    httpGet:
      path: /health
      port: metrics
    periodSeconds: 10
    timeoutSeconds: 3
    failureThreshold: 3
  resources:
    {{- include "common.resources.render" (dict "root" $ "resources" $v.metrics.resources) | nindent 4 }}
  securityContext:
    {{- $securityContext | nindent 4 }}
  {{- if $v.tls.enabled }}
  volumeMounts:
    - name: tls
      mountPath: /etc/redis/tls
      readOnly: true
  {{- end }}
{{- end }}
{{- end -}}
