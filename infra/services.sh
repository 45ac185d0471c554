#!/usr/bin/env bash
# Local development services for pipstream: NATS (JetStream + monitoring), Redis, PostgreSQL + PostGIS.
#   infra/services.sh [install|start|stop|status] [nats] [redis] [postgres]   (default: start, all three)
# Idempotent: a service already answering on its port is left alone. Started services outlive this script
# (daemonized, logs in $PIPSTREAM_HOME/logs). See infra/README.md for the environment variables.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
NATS_MONITOR_URL="${NATS_MONITOR_URL:-}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
DATABASE_URL="${DATABASE_URL:-postgres://pipstream:pipstream@127.0.0.1:5432/pipstream}"
PIPSTREAM_HOME="${PIPSTREAM_HOME:-.pipstream}"
case "$PIPSTREAM_HOME" in /*) ;; *) PIPSTREAM_HOME="$ROOT/$PIPSTREAM_HOME" ;; esac
SERVICE_WAIT_S="${SERVICE_WAIT_S:-30}"
PG_CLUSTER="${PG_CLUSTER:-main}"
LOGS="$PIPSTREAM_HOME/logs"

# --- URL parsing (scheme://[user[:pass]@]host[:port][/path]) -------------------------------------------
url_authority() { local u="${1#*://}"; u="${u%%/*}"; printf '%s' "${u##*@}"; }
url_host() { local a; a="$(url_authority "$1")"; printf '%s' "${a%%:*}"; }
url_port() { local a; a="$(url_authority "$1")"; if [[ "$a" == *:* ]]; then printf '%s' "${a##*:}"; else printf '%s' "$2"; fi; }
url_userinfo() { local u="${1#*://}"; u="${u%%/*}"; if [[ "$u" == *@* ]]; then printf '%s' "${u%@*}"; fi; }
url_path() { local u="${1#*://}"; if [[ "$u" == */* ]]; then u="${u#*/}"; printf '%s' "${u%%\?*}"; fi; }
is_local() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }

NATS_HOST="$(url_host "$NATS_URL")"; NATS_PORT="$(url_port "$NATS_URL" 4222)"
NATS_MONITOR_URL="${NATS_MONITOR_URL:-http://$NATS_HOST:8222}"
NATS_MON_PORT="$(url_port "$NATS_MONITOR_URL" 8222)"
REDIS_HOST="$(url_host "$REDIS_URL")"; REDIS_PORT="$(url_port "$REDIS_URL" 6379)"
PG_HOST="$(url_host "$DATABASE_URL")"; PG_PORT="$(url_port "$DATABASE_URL" 5432)"
PG_USERINFO="$(url_userinfo "$DATABASE_URL")"
PG_USER="${PG_USERINFO%%:*}"; PG_PASS=""; [[ "$PG_USERINFO" == *:* ]] && PG_PASS="${PG_USERINFO#*:}"
PG_DB="$(url_path "$DATABASE_URL")"; PG_DB="${PG_DB:-pipstream}"; PG_USER="${PG_USER:-pipstream}"
# Shown to humans: never print the password.
PG_SHOWN="postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB"
# State per port, so a second instance on other ports (e.g. a parallel test run) never shares files.
sfx() { [[ "$1" == "$2" ]] || printf -- '-%s' "$1"; }
NATS_STATE="nats$(sfx "$NATS_PORT" 4222)"; REDIS_STATE="redis$(sfx "$REDIS_PORT" 6379)"

# --- probes ------------------------------------------------------------------------------------------
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
http_get() { curl -fsS --max-time 2 "$1" 2>/dev/null; }
nats_ok() { port_open "$NATS_HOST" "$NATS_PORT" && http_get "$NATS_MONITOR_URL/healthz" >/dev/null; }
nats_js_enabled() { http_get "$NATS_MONITOR_URL/varz" | grep -q '"store_dir"'; }
redis_ok() {
  if command -v redis-cli >/dev/null; then [[ "$(timeout 3 redis-cli -u "$REDIS_URL" ping 2>/dev/null)" == PONG ]]
  else port_open "$REDIS_HOST" "$REDIS_PORT"; fi
}
pg_port_ok() {
  if command -v pg_isready >/dev/null; then pg_isready -q -t 2 -h "$PG_HOST" -p "$PG_PORT"
  else port_open "$PG_HOST" "$PG_PORT"; fi
}
pg_login_ok() { command -v psql >/dev/null && PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -XAtqc 'select 1' >/dev/null 2>&1; }

# wait_for NAME PROBE: bounded wait; returns non-zero after SERVICE_WAIT_S seconds.
wait_for() {
  local deadline=$((SECONDS + SERVICE_WAIT_S))
  until "$2"; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.3
  done
}

# --- packages ----------------------------------------------------------------------------------------
pg_version() {
  local v
  v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
  printf '%s' "${v:-15}"
}
missing_packages() {
  local pkgs=(nats-server redis-server postgresql "postgresql-$(pg_version)-postgis-3" chromium) p
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}
install_packages() {
  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "install: apt is not available here; install nats-server, redis-server, postgresql and postgis yourself"
    return 0
  fi
  local missing; missing="$(missing_packages)"; missing="${missing% }"
  [[ -z "$missing" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "install: missing packages ($missing) and not root; install them with: sudo apt-get install $missing"
    return 0
  fi
  mkdir -p "$LOGS"
  echo "install: installing $missing (log: $LOGS/apt.log)"
  # No systemd here: keep package scripts from trying to start services (we start them ourselves).
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1; fi
  # shellcheck disable=SC2086
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; } \
      >>"$LOGS/apt.log" 2>&1; then
    echo "install: apt-get failed for $missing (see $LOGS/apt.log)"
  fi
  ((created_policy)) && rm -f "$policy"
  return 0
}

# --- NATS --------------------------------------------------------------------------------------------
start_nats() {
  if ! nats_ok; then
    if ! is_local "$NATS_HOST"; then echo "nats: unavailable: $NATS_URL does not answer (remote host; not started here)"; return 1; fi
    local bin; bin="$(command -v nats-server || echo /usr/sbin/nats-server)"
    if [[ ! -x "$bin" ]]; then echo "nats: unavailable: nats-server is not installed (apt-get install nats-server)"; return 1; fi
    if port_open "$NATS_HOST" "$NATS_PORT"; then
      echo "nats: unavailable: port $NATS_PORT is taken by something without monitoring at $NATS_MONITOR_URL"; return 1
    fi
    mkdir -p "$PIPSTREAM_HOME/$NATS_STATE" "$LOGS"
    setsid nohup "$bin" -js -m "$NATS_MON_PORT" -a "$NATS_HOST" -p "$NATS_PORT" -sd "$PIPSTREAM_HOME/$NATS_STATE" \
      -P "$PIPSTREAM_HOME/$NATS_STATE.pid" -l "$LOGS/$NATS_STATE.log" </dev/null >>"$LOGS/$NATS_STATE.log" 2>&1 &
    if ! wait_for nats nats_ok; then
      echo "nats: unavailable: nats-server did not answer within ${SERVICE_WAIT_S}s (see $LOGS/$NATS_STATE.log)"; return 1
    fi
  fi
  if ! nats_js_enabled; then echo "nats: unavailable: the server at $NATS_URL runs without JetStream (-js)"; return 1; fi
  echo "nats: running at $NATS_URL (monitoring $NATS_MONITOR_URL)"
}

# --- Redis -------------------------------------------------------------------------------------------
start_redis() {
  if ! redis_ok; then
    if ! is_local "$REDIS_HOST"; then echo "redis: unavailable: $REDIS_URL does not answer (remote host; not started here)"; return 1; fi
    if ! command -v redis-server >/dev/null; then echo "redis: unavailable: redis-server is not installed (apt-get install redis-server)"; return 1; fi
    if port_open "$REDIS_HOST" "$REDIS_PORT"; then echo "redis: unavailable: port $REDIS_PORT is taken but PING gets no PONG"; return 1; fi
    mkdir -p "$PIPSTREAM_HOME/$REDIS_STATE" "$LOGS"
    # The order claims are idempotency keys: an append-only file synced every second loses at most a second of
    # them in a crash, where the default snapshots lose up to an hour (and fork the whole dataset every minute
    # under a stream of orders).
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --dir "$PIPSTREAM_HOME/$REDIS_STATE" \
      --appendonly yes --appendfsync everysec --save '' \
      --pidfile "$PIPSTREAM_HOME/$REDIS_STATE.pid" --logfile "$LOGS/$REDIS_STATE.log" >>"$LOGS/$REDIS_STATE.log" 2>&1
    if ! wait_for redis redis_ok; then
      echo "redis: unavailable: redis-server did not answer within ${SERVICE_WAIT_S}s (see $LOGS/$REDIS_STATE.log)"; return 1
    fi
  fi
  echo "redis: running at $REDIS_URL"
}

# --- PostgreSQL --------------------------------------------------------------------------------------
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_admin() { as_postgres psql -XAtq -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

# Role, database and extensions; every statement is a no-op when already done.
provision_pg() {
  psql_admin -d postgres -v user="$PG_USER" -v pass="$PG_PASS" -v db="$PG_DB" <<'SQL' || return 1
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'pass') WHERE :'pass' <> '' \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  psql_admin -d "$PG_DB" <<'SQL' || return 1
CREATE EXTENSION IF NOT EXISTS postgis;
SELECT 'CREATE EXTENSION IF NOT EXISTS timescaledb'
  WHERE EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
    AND current_setting('shared_preload_libraries') LIKE '%timescaledb%' \gexec
SQL
}

start_postgres() {
  local v; v="$(pg_version)"
  if ! pg_port_ok; then
    if ! is_local "$PG_HOST"; then echo "postgres: unavailable: $PG_SHOWN does not answer (remote host; not started here)"; return 1; fi
    if ! command -v pg_ctlcluster >/dev/null; then echo "postgres: unavailable: postgresql is not installed (apt-get install postgresql)"; return 1; fi
    if [[ $EUID -ne 0 && "$(id -un)" != postgres ]]; then
      echo "postgres: unavailable: not running, and only root or postgres may start cluster $v/$PG_CLUSTER"; return 1
    fi
    mkdir -p "$LOGS"
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$v/$PG_CLUSTER"; then
      pg_createcluster -p "$PG_PORT" "$v" "$PG_CLUSTER" >>"$LOGS/postgres.log" 2>&1 \
        || { echo "postgres: unavailable: pg_createcluster $v $PG_CLUSTER failed (see $LOGS/postgres.log)"; return 1; }
    fi
    local cport; cport="$(pg_lsclusters -h | awk -v c="$v/$PG_CLUSTER" '$1"/"$2==c {print $3}')"
    if [[ "$cport" != "$PG_PORT" ]]; then
      echo "postgres: unavailable: cluster $v/$PG_CLUSTER listens on port $cport, DATABASE_URL wants $PG_PORT"; return 1
    fi
    pg_ctlcluster "$v" "$PG_CLUSTER" start >>"$LOGS/postgres.log" 2>&1
    if ! wait_for postgres pg_port_ok; then
      echo "postgres: unavailable: cluster $v/$PG_CLUSTER did not answer within ${SERVICE_WAIT_S}s (see $LOGS/postgres.log and /var/log/postgresql/)"
      return 1
    fi
  fi
  if is_local "$PG_HOST" && { [[ $EUID -eq 0 ]] || [[ "$(id -un)" == postgres ]]; }; then
    mkdir -p "$LOGS"
    if ! provision_pg >>"$LOGS/postgres.log" 2>&1; then
      echo "postgres: unavailable: creating role/database $PG_USER/$PG_DB or postgis failed (see $LOGS/postgres.log)"; return 1
    fi
  fi
  if ! pg_login_ok; then echo "postgres: unavailable: cannot log in as $PG_SHOWN (role/database missing or wrong password)"; return 1; fi
  local ext
  ext="$(PGCONNECT_TIMEOUT=3 psql "$DATABASE_URL" -XAtqc \
    "select coalesce(string_agg(extname || ' ' || extversion, ', ' order by extname), 'no extensions') from pg_extension where extname in ('postgis', 'timescaledb')" 2>/dev/null)"
  echo "postgres: running at $PG_SHOWN ($ext)"
}

# --- stop / status -----------------------------------------------------------------------------------
# A zombie (exited, not yet reaped by init) counts as stopped.
alive() { local st; st="$(ps -o stat= -p "$1" 2>/dev/null)" && [[ -n "$st" && "$st" != Z* ]]; }
stop_pidfile() { # NAME PIDFILE PROBE: stops only a process this script started (its pid file is ours)
  local pid
  if [[ -f "$2" ]] && pid="$(cat "$2")" && alive "$pid"; then
    kill "$pid"
    local deadline=$((SECONDS + SERVICE_WAIT_S))
    while alive "$pid"; do ((SECONDS >= deadline)) && { echo "$1: still running (pid $pid)"; return 1; }; sleep 0.2; done
    rm -f "$2"; echo "$1: stopped"
  else
    rm -f "$2"
    if "$3"; then echo "$1: running, but not started by services.sh (no live pid in $2); left alone"; else echo "$1: not running"; fi
  fi
}
wants() { [[ " $SERVICES " == *" $1 "* ]]; }
stop_all() {
  local rc=0
  if wants nats; then stop_pidfile nats "$PIPSTREAM_HOME/$NATS_STATE.pid" nats_ok || rc=1; fi
  if wants redis; then stop_pidfile redis "$PIPSTREAM_HOME/$REDIS_STATE.pid" redis_ok || rc=1; fi
  if wants postgres; then
    local v; v="$(pg_version)"
    if command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2" "$4}' | grep -qx "$v/$PG_CLUSTER online"; then
      if pg_ctlcluster "$v" "$PG_CLUSTER" stop >/dev/null 2>&1; then echo "postgres: stopped (cluster $v/$PG_CLUSTER)"
      else echo "postgres: could not stop cluster $v/$PG_CLUSTER"; rc=1; fi
    else
      echo "postgres: not running"
    fi
  fi
  return $rc
}
status_all() {
  local rc=0
  if wants nats; then
    if nats_ok && nats_js_enabled; then echo "nats: running at $NATS_URL (monitoring $NATS_MONITOR_URL)"; else echo "nats: down ($NATS_URL)"; rc=1; fi
  fi
  if wants redis; then
    if redis_ok; then echo "redis: running at $REDIS_URL"; else echo "redis: down ($REDIS_URL)"; rc=1; fi
  fi
  if wants postgres; then
    if pg_login_ok; then echo "postgres: running at $PG_SHOWN"; else echo "postgres: down ($PG_SHOWN)"; rc=1; fi
  fi
  return $rc
}
start_all() {
  install_packages
  local rc=0
  if wants nats; then start_nats || rc=1; fi
  if wants redis; then start_redis || rc=1; fi
  if wants postgres; then start_postgres || rc=1; fi
  return $rc
}

usage() { echo "usage: infra/services.sh [install|start|stop|status] [nats] [redis] [postgres]" >&2; exit 2; }
cmd="${1:-start}"; [[ $# -gt 0 ]] && shift
for s in "$@"; do [[ "$s" == nats || "$s" == redis || "$s" == postgres ]] || usage; done
SERVICES="${*:-nats redis postgres}"
case "$cmd" in
  install) install_packages ;;
  start) start_all ;;
  stop) stop_all ;;
  status) status_all ;;
  *) usage ;;
esac
