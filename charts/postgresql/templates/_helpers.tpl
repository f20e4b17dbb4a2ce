{{/*
postgresql.clusterName: the CloudNativePG cluster name (the chart's full name); services connect to
`<clusterName>-rw` (primary) and `<clusterName>-ro` (replicas).
*/}}
{{- define "postgresql.clusterName" -}}
{{- include "common.names.fullname" (dict "root" .) -}}
{{- end -}}

{{/*
postgresql.owner: the owner role of a `databases[]` entry.
Usage: {{ include "postgresql.owner" $database }}
*/}}
{{- define "postgresql.owner" -}}
{{- .owner | default .name -}}
{{- end -}}

{{/*
postgresql.credentialsSecret: the basic-auth Secret holding the password of a database owner.
Usage: {{ include "postgresql.credentialsSecret" (dict "root" $ "database" $database) }}
*/}}
{{- define "postgresql.credentialsSecret" -}}
{{- printf "%s-%s-credentials" (include "postgresql.clusterName" .root) .database.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
postgresql.generatorName: the external-secrets Password generator of `passwords.source: generate`.
*/}}
{{- define "postgresql.generatorName" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "password") -}}
{{- end -}}

{{/*
postgresql.backupRefs: the backup credentials that are secret references (suffix -> {ref, path}),
for the Cluster's s3Credentials and common.externalSecrets.
*/}}
{{- define "postgresql.backupRefs" -}}
{{- $refs := dict -}}
{{- $backup := .Values.backup -}}
{{- if and $backup.enabled (not $backup.s3Credentials.inheritFromIAMRole) -}}
{{- $_ := set $refs "backup-access-key-id" (dict "ref" $backup.s3Credentials.accessKeyId "path" "backup.s3Credentials.accessKeyId") -}}
{{- $_ := set $refs "backup-secret-access-key" (dict "ref" $backup.s3Credentials.secretAccessKey "path" "backup.s3Credentials.secretAccessKey") -}}
{{- end -}}
{{- toYaml $refs -}}
{{- end -}}

{{/*
postgresql.validate: relations between values the schema cannot express.
*/}}
{{- define "postgresql.validate" -}}
{{- $v := .Values -}}
{{- $names := dict $v.bootstrap.database "bootstrap.database" -}}
{{- $roles := dict $v.bootstrap.owner "bootstrap.owner" -}}
{{- range $index, $database := $v.databases -}}
{{- $path := printf "databases[%d]" $index -}}
{{- if hasKey $names $database.name -}}
{{- fail (printf "postgresql: %s names database %q, which %s already creates. Give every database its own name." $path $database.name (get $names $database.name)) -}}
{{- end -}}
{{- $_ := set $names $database.name $path -}}
{{- $owner := include "postgresql.owner" $database -}}
{{- if hasKey $roles $owner -}}
{{- fail (printf "postgresql: %s makes %q the owner, which %s already is. Each service gets its own role." $path $owner (get $roles $owner)) -}}
{{- end -}}
{{- $_ := set $roles $owner $path -}}
{{- end -}}
{{- if and (eq $v.passwords.source "externalSecret") (empty $v.passwords.externalSecret.secretStoreRef.name) -}}
{{- fail "postgresql: passwords.source is externalSecret but passwords.externalSecret.secretStoreRef.name is empty. Name the store, or use passwords.source: generate." -}}
{{- end -}}
{{- if $v.backup.enabled -}}
{{- if empty $v.backup.destinationPath -}}
{{- fail "postgresql: backup is enabled but backup.destinationPath is empty. Set the bucket, e.g. s3://mcp-backups/postgresql." -}}
{{- end -}}
{{- end -}}
{{- range $name := list "apiServer" "objectStorage" -}}
{{- $block := get $v.networkPolicy.egress $name -}}
{{- if eq $block.cidr "0.0.0.0/0" -}}
{{- range $metadata := list "169.254.0.0/16" "100.64.0.0/10" -}}
{{- if not (has $metadata ($block.except | default list)) -}}
{{- fail (printf "postgresql: networkPolicy.egress.%s admits 0.0.0.0/0 without excepting %s, where cloud metadata services answer. Add %s to networkPolicy.egress.%s.except." $name $metadata $metadata $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $index, $client := $v.networkPolicy.clients -}}
{{- if not $client.podLabels -}}
{{- fail (printf "postgresql: networkPolicy.clients[%d] (namespace %s) has no podLabels, which would admit every pod of the namespace. Name the client's pods, e.g. app.kubernetes.io/name: authentication." $index $client.namespace) -}}
{{- end -}}
{{- end -}}
{{- if and (eq $v.cluster.affinity.podAntiAffinityType "required") (eq $v.cluster.affinity.topologyKey "topology.kubernetes.io/zone") (gt ($v.instances | int) 3) -}}
{{- fail (printf "postgresql: %d instances with required zone anti-affinity need %d zones; most regions have 3. Lower instances to 3 or use podAntiAffinityType: preferred." ($v.instances | int) ($v.instances | int)) -}}
{{- end -}}
{{- end -}}

{{/*
postgresql.caPublicSecret: the Secret holding only the server CA certificate (`ca.crt`), which clients
read to verify the server.
*/}}
{{- define "postgresql.caPublicSecret" -}}
{{- include "common.names.suffixed" (dict "root" . "suffix" "ca-public") -}}
{{- end -}}
