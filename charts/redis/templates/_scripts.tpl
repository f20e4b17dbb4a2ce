{{/*
The container scripts (POSIX sh, run with `sh`; the ConfigMap is mounted read-only at /etc/redis/conf).
They read passwords only from the mounted passwords Secret (/etc/redis/passwords/<user>), write the
files holding them only to the in-memory /run volume (mode 0600), and hand a password to valkey-cli
through its environment, never on a command line.
*/}}

{{/*
redis.scripts.lib: lib.sh, sourced by the other scripts.
*/}}
{{- define "redis.scripts.lib" -}}
{{- $grace := .Values.terminationGracePeriodSeconds | int -}}
# lib.sh: shared by the start scripts, the probes and the pre-stop hook (sourced).
PASSWORDS=/etc/redis/passwords
TLS_ARGS="{{ if .Values.tls.enabled }}--tls --cacert /etc/redis/tls/ca.crt{{ end }}"
STATEFULSET="{{ include "common.names.fullname" (dict "root" $) }}"
DOMAIN="{{ include "redis.domain" . }}"
REPLICAS={{ .Values.replicaCount | int }}
REDIS_PORT={{ .Values.containerPorts.redis | int }}
SENTINEL_PORT={{ .Values.containerPorts.sentinel | int }}
MASTER_NAME="{{ .Values.sentinel.masterName }}"
QUORUM={{ .Values.sentinel.quorum | int }}
HANDOVER_SECONDS={{ max 5 (sub $grace 15) }}
ME="${POD_NAME:-unknown}.$DOMAIN"

fail() {
  echo "redis: $*" >&2
  exit 1
}

# password_file <user>: the file holding the user's password, after checking it.
password_file() {
  file="$PASSWORDS/$1"
  [ -s "$file" ] || fail "no password for user \"$1\": key \"$1\" of the passwords Secret is missing or empty. Add the user's property to the secret store (see charts/redis/README.md) and restart the pod."
  [ "$(wc -l < "$file")" -eq 0 ] || fail "the password of user \"$1\" contains a line break. Store it as one line without a trailing newline."
  echo "$file"
}

# quote <file>: the file's content as a double-quoted configuration string.
quote() {
  printf '"%s"' "$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' < "$1")"
}

# build_acl <rules file> <acl file>: the ACL file: the default user disabled, then for each
# "<name> <rules>" line "user <name> on #<sha256 of the password> <rules>".
build_acl() {
  umask 077
  {
    echo "user default off resetpass resetkeys resetchannels -@all"
    while read -r name rules || [ -n "$name" ]; do
      [ -n "$name" ] || continue
      file=$(password_file "$name")
      hash=$(sha256sum < "$file" | cut -c1-64)
      echo "user $name on #$hash $rules"
    done < "$1"
  } > "$2.tmp"
  mv "$2.tmp" "$2"
}

# cli <user> <valkey-cli arguments...>: valkey-cli logged in as the user.
cli() {
  user=$1
  shift
  file=$(password_file "$user") || return 1
  REDISCLI_AUTH=$(cat "$file") VALKEYCLI_AUTH=$(cat "$file") valkey-cli $TLS_ARGS --user "$user" --no-auth-warning "$@"
}

# primary_from_sentinels: the primary that the Sentinel of another pod names; fails when none answers.
primary_from_sentinels() {
  file=$(password_file sentinel) || return 1
  i=0
  while [ "$i" -lt "$REPLICAS" ]; do
    host="$STATEFULSET-$i.$DOMAIN"
    if [ "$host" != "$ME" ]; then
      answer=$(REDISCLI_AUTH=$(cat "$file") VALKEYCLI_AUTH=$(cat "$file") timeout 5 valkey-cli $TLS_ARGS -h "$host" -p "$SENTINEL_PORT" --user sentinel --no-auth-warning SENTINEL get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1) || answer=""
      case "$answer" in
        "" | *" "*) ;;
        *)
          echo "$answer"
          return 0
          ;;
      esac
    fi
    i=$((i + 1))
  done
  return 1
}
{{- end -}}

{{/*
redis.scripts.startServer: start-server.sh, the server container's command.
*/}}
{{- define "redis.scripts.startServer" -}}
#!/bin/sh
# start-server.sh: builds the ACL file and the runtime configuration, then runs valkey-server.
set -eu
. /etc/redis/conf/lib.sh
build_acl /etc/redis/conf/users.rules /run/redis/users.acl
conf=/run/redis/valkey.conf
umask 077
cp /etc/redis/conf/valkey.conf "$conf"
{{- if include "redis.sentinel" . }}
# (printf, not echo: dash's echo would interpret the backslashes of a quoted password.)
# The current primary as the other pods' Sentinels know it; on a cold start (no Sentinel answers) pod 0.
primary=$(primary_from_sentinels) || primary="$STATEFULSET-0.$DOMAIN"
replication=$(password_file replication)
{
  echo "replica-announce-ip $ME"
  echo "replica-announce-port $REDIS_PORT"
  echo "masteruser replication"
  printf 'masterauth %s\n' "$(quote "$replication")"
  if [ "$primary" != "$ME" ]; then
    echo "replicaof $primary $REDIS_PORT"
  fi
} >> "$conf"
if [ "$primary" = "$ME" ]; then
  echo "redis: starting $ME as the primary"
else
  echo "redis: starting $ME as a replica of $primary"
fi
{{- end }}
exec valkey-server "$conf"
{{- end -}}

{{/*
redis.scripts.startSentinel: start-sentinel.sh, the Sentinel container's command (mode sentinel).
*/}}
{{- define "redis.scripts.startSentinel" -}}
#!/bin/sh
# start-sentinel.sh: builds the Sentinel's ACL file and configuration, then runs valkey-sentinel.
set -eu
. /etc/redis/conf/lib.sh
build_acl /etc/redis/conf/sentinel-users.rules /run/sentinel/users.acl
primary=$(primary_from_sentinels) || primary="$STATEFULSET-0.$DOMAIN"
sentinel=$(password_file sentinel)
conf=/run/sentinel/sentinel.conf
umask 077
{
  cat /etc/redis/conf/sentinel.conf
  echo "sentinel announce-ip $ME"
  echo "sentinel announce-port $SENTINEL_PORT"
  echo "sentinel monitor $MASTER_NAME $primary $REDIS_PORT $QUORUM"
  cat /etc/redis/conf/sentinel-monitor.conf
  printf 'sentinel auth-pass %s %s\n' "$MASTER_NAME" "$(quote "$sentinel")"
  printf 'sentinel sentinel-pass %s\n' "$(quote "$sentinel")"
} > "$conf"
echo "redis: Sentinel $ME monitors $MASTER_NAME at $primary"
exec valkey-sentinel "$conf"
{{- end -}}

{{/*
redis.scripts.probe: probe.sh <port> <liveness|readiness>: PING as the `monitor` user. Liveness also
accepts LOADING (a large dataset is loading) and MASTERDOWN (a replica whose primary is away).
*/}}
{{- define "redis.scripts.probe" -}}
#!/bin/sh
# probe.sh <port> <liveness|readiness>
. /etc/redis/conf/lib.sh
answer=$(cli monitor -h 127.0.0.1 -p "$1" PING 2>&1) || true
case "$2:$answer" in
  *:PONG) exit 0 ;;
  liveness:*LOADING* | liveness:*MASTERDOWN*) exit 0 ;;
esac
echo "redis $2 probe on port $1: $answer"
exit 1
{{- end -}}

{{/*
redis.scripts.preStop: pre-stop.sh <server|sentinel> (mode sentinel). In the server container a
primary asks a Sentinel (another pod's first) for a failover and waits until it is a replica, so that
a rollout or a drain costs one failover instead of `sentinel.downAfterMilliseconds` of lost writes; in
the Sentinel container it keeps the Sentinel running until then.
*/}}
{{- define "redis.scripts.preStop" -}}
#!/bin/sh
# pre-stop.sh <server|sentinel>
. /etc/redis/conf/lib.sh
role() {
  cli monitor -h 127.0.0.1 -p "$REDIS_PORT" ROLE 2>/dev/null | head -n 1
}
[ "$(role)" = "master" ] || exit 0
if [ "$1" = "server" ]; then
  i=0
  while [ "$i" -lt "$REPLICAS" ]; do
    host="$STATEFULSET-$i.$DOMAIN"
    if [ "$host" != "$ME" ] && [ "$(cli sentinel -h "$host" -p "$SENTINEL_PORT" SENTINEL FAILOVER "$MASTER_NAME" 2>/dev/null)" = "OK" ]; then
      echo "redis: failover of $MASTER_NAME started by the Sentinel of $host"
      break
    fi
    i=$((i + 1))
  done
fi
waited=0
while [ "$waited" -lt "$HANDOVER_SECONDS" ] && [ "$(role)" = "master" ]; do
  sleep 1
  waited=$((waited + 1))
done
{{- end -}}
