{{/*
common.names.name: the application name, `nameOverride` or the chart name (max 63 characters).
It is the `app.kubernetes.io/name` label other charts use to address this service.
Usage: {{ include "common.names.name" (dict "root" $) }}
*/}}
{{- define "common.names.name" -}}
{{- default .root.Chart.Name .root.Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
common.names.fullname: the base name of every object: `fullnameOverride`, else the release name
when it already contains the application name, else `<release>-<name>` (max 63 characters).
The platform installs each chart with release name = chart name, so objects are named after the component.
Usage: {{ include "common.names.fullname" (dict "root" $) }}
*/}}
{{- define "common.names.fullname" -}}
{{- if .root.Values.fullnameOverride -}}
{{- .root.Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "common.names.name" . -}}
{{- if contains $name .root.Release.Name -}}
{{- .root.Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .root.Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
common.names.suffixed: `<fullname>-<suffix>` (max 63 characters), for secondary objects.
Usage: {{ include "common.names.suffixed" (dict "root" $ "suffix" "config") }}
*/}}
{{- define "common.names.suffixed" -}}
{{- printf "%s-%s" (include "common.names.fullname" .) .suffix | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
common.names.chart: `<chart>-<version>` for the `helm.sh/chart` label.
Usage: {{ include "common.names.chart" (dict "root" $) }}
*/}}
{{- define "common.names.chart" -}}
{{- printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
common.names.namespace: the namespace every object is rendered into (the release namespace).
Usage: {{ include "common.names.namespace" (dict "root" $) }}
*/}}
{{- define "common.names.namespace" -}}
{{- .root.Release.Namespace -}}
{{- end -}}

{{/*
common.names.serviceAccount: the ServiceAccount the pods run as: `serviceAccount.name`, else the
full name when the chart creates it, else `default`.
Usage: {{ include "common.names.serviceAccount" (dict "root" $) }}
*/}}
{{- define "common.names.serviceAccount" -}}
{{- $sa := .root.Values.serviceAccount -}}
{{- if $sa.create -}}
{{- default (include "common.names.fullname" .) $sa.name -}}
{{- else -}}
{{- default "default" $sa.name -}}
{{- end -}}
{{- end -}}

{{/*
common.names.serviceHost: the cluster-local DNS name of the chart's Service
(`<fullname>.<namespace>.svc.<global.clusterDomain or cluster.local>`).
Usage: {{ include "common.names.serviceHost" (dict "root" $) }}
*/}}
{{- define "common.names.serviceHost" -}}
{{- $domain := dig "clusterDomain" "cluster.local" (.root.Values.global | default dict) -}}
{{- printf "%s.%s.svc.%s" (include "common.names.fullname" .) .root.Release.Namespace $domain -}}
{{- end -}}
