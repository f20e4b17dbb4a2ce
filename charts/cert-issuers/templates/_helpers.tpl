{{/*
cert-issuers.metadata: a `metadata:` block with the standard labels. `name` is required; `namespace`
is rendered only when given (ClusterIssuers are cluster-scoped; everything else lives in
clusterResourceNamespace or a Certificate's own namespace).
Usage: {{ include "cert-issuers.metadata" (dict "root" $ "name" "platform-issuer" "namespace" "cert-manager") }}
*/}}
{{- define "cert-issuers.metadata" -}}
{{- $annotations := .root.Values.commonAnnotations | default dict -}}
metadata:
  name: {{ .name }}
  {{- with .namespace }}
  namespace: {{ . }}
  {{- end }}
  labels:
    {{- include "common.labels.standard" (dict "root" .root) | nindent 4 }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
cert-issuers.selfSignedRootName / cert-issuers.caSecretName: the bootstrap issuer and the CA Secret of
`type: selfSigned`.
*/}}
{{- define "cert-issuers.selfSignedRootName" -}}
{{- printf "%s-selfsigned-root" .Values.issuerName | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cert-issuers.caSecretName" -}}
{{- if eq .Values.type "selfSigned" -}}
{{- printf "%s-ca" .Values.issuerName | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .Values.ca.secretName -}}
{{- end -}}
{{- end -}}

{{/*
cert-issuers.needsBootstrap: "true" when a self-signed bootstrap issuer is needed (a self-signed
issuerName or the internal CA).
*/}}
{{- define "cert-issuers.needsBootstrap" -}}
{{- if or (eq .Values.type "selfSigned") .Values.internalIssuer.enabled -}}true{{- end -}}
{{- end -}}

{{/*
cert-issuers.certificateIssuer: the ClusterIssuer a `certificates[]` entry is requested from.
Usage: {{ include "cert-issuers.certificateIssuer" (dict "root" $ "certificate" .) }}
*/}}
{{- define "cert-issuers.certificateIssuer" -}}
{{- $issuer := .certificate.issuer | default (ternary "internal" "public" .root.Values.internalIssuer.enabled) -}}
{{- ternary .root.Values.internalIssuer.name .root.Values.issuerName (eq $issuer "internal") -}}
{{- end -}}

{{/*
cert-issuers.secretRefs: the issuer credentials that are secret references (suffix -> {ref, path}),
for the SecretKeySelectors and the ExternalSecrets in clusterResourceNamespace.
*/}}
{{- define "cert-issuers.secretRefs" -}}
{{- $refs := dict -}}
{{- if eq .Values.type "acme" -}}
{{- $acme := .Values.acme -}}
{{- if $acme.externalAccountBinding.enabled -}}
{{- $_ := set $refs "acme-eab-key" (dict "ref" $acme.externalAccountBinding.keySecret "path" "acme.externalAccountBinding.keySecret") -}}
{{- end -}}
{{- if and $acme.dns01.enabled (eq $acme.dns01.provider "cloudflare") -}}
{{- $_ := set $refs "cloudflare-api-token" (dict "ref" $acme.dns01.cloudflare.apiToken "path" "acme.dns01.cloudflare.apiToken") -}}
{{- end -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
cert-issuers.keySelector: `name`/`key` of one secret reference of cert-issuers.secretRefs.
Usage: {{ include "cert-issuers.keySelector" (dict "root" $ "suffix" "cloudflare-api-token") | nindent 8 }}
*/}}
{{- define "cert-issuers.keySelector" -}}
{{- $entry := get (include "cert-issuers.secretRefs" .root | fromYaml) .suffix -}}
{{- include "common.secrets.keyRef" (dict "root" .root "ref" $entry.ref "path" $entry.path "suffix" .suffix) -}}
{{- end -}}

{{/*
cert-issuers.validate: relations between values the schema cannot express.
*/}}
{{- define "cert-issuers.validate" -}}
{{- $v := .Values -}}
{{- if and $v.internalIssuer.enabled (eq $v.internalIssuer.name $v.issuerName) -}}
{{- fail "cert-issuers: internalIssuer.name equals issuerName. Give the internal CA its own name." -}}
{{- end -}}
{{- if eq $v.type "acme" -}}
{{- if not (or $v.acme.http01.enabled $v.acme.dns01.enabled) -}}
{{- fail "cert-issuers: acme has no challenge solver. Enable acme.http01 or acme.dns01." -}}
{{- end -}}
{{- if and $v.acme.dns01.enabled (empty $v.acme.dns01.dnsZones) -}}
{{- fail "cert-issuers: acme.dns01 is enabled but acme.dns01.dnsZones is empty. List the zones DNS-01 answers for." -}}
{{- end -}}
{{- if and $v.acme.dns01.enabled (eq $v.acme.dns01.provider "cloudDNS") (empty $v.acme.dns01.cloudDNS.project) -}}
{{- fail "cert-issuers: acme.dns01.provider is cloudDNS but acme.dns01.cloudDNS.project is empty. Set the Google Cloud project of the zone." -}}
{{- end -}}
{{- if and $v.acme.externalAccountBinding.enabled (empty $v.acme.externalAccountBinding.keyID) -}}
{{- fail "cert-issuers: acme.externalAccountBinding is enabled but has no keyID. Set acme.externalAccountBinding.keyID." -}}
{{- end -}}
{{- end -}}
{{- if and (eq $v.type "ca") $v.ca.externalSecret.enabled (or (empty $v.ca.externalSecret.secretStoreRef.name) (empty $v.ca.externalSecret.remoteKey)) -}}
{{- fail "cert-issuers: ca.externalSecret is enabled but names no store or key. Set ca.externalSecret.secretStoreRef.name and ca.externalSecret.remoteKey." -}}
{{- end -}}
{{- range $index, $certificate := $v.certificates -}}
{{- if and (eq $certificate.issuer "internal") (not $v.internalIssuer.enabled) -}}
{{- fail (printf "cert-issuers: certificates[%d] (%s) asks for the internal issuer, but internalIssuer is disabled. Enable internalIssuer or use issuer: public." $index $certificate.name) -}}
{{- end -}}
{{- $public := eq (include "cert-issuers.certificateIssuer" (dict "root" $ "certificate" $certificate)) $v.issuerName -}}
{{- if and $public (eq $v.type "acme") (not $v.acme.dns01.enabled) -}}
{{- range $certificate.dnsNames -}}
{{- if hasPrefix "*." . -}}
{{- fail (printf "cert-issuers: certificates[%d] (%s) asks for the wildcard %s, which ACME only issues through DNS-01. Enable acme.dns01 for its zone." $index $certificate.name .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
