#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests.
#
#   tests/pg/cluster.sh start <dir>   creates (if needed) and starts a cluster in <dir>,
#                                     listening on a free 127.0.0.1 port and a Unix socket
#                                     in <dir>, trust auth, fsync on; prints its URL
#                                     postgresql://<user>@127.0.0.1:<port>/postgres
#   tests/pg/cluster.sh stop <dir>    stops it; does nothing when it is not running
#   tests/pg/cluster.sh url <dir>     prints the URL of a running cluster
#
# initdb refuses to run as root: as root, the cluster belongs to the `postgres`
# system user (from Debian's postgresql package) and <dir> is chowned to it, so
# <dir>'s parent directories must be traversable by that user (e.g. under /tmp).
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
START_ATTEMPTS=5

usage() {
  echo "usage: $0 start|stop|url <dir>" >&2
  exit 2
}

log() { echo "cluster.sh: $*" >&2; }

[[ $# -eq 2 ]] || usage
command=$1
dir=$2

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

owner_name() {
  if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

is_running() {
  [[ -f $dir/data/postmaster.pid ]] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

print_url() {
  echo "postgresql://$(owner_name)@127.0.0.1:$(cat "$dir/port")/postgres"
}

stop_cluster() {
  [[ -d $dir/data ]] || return 0
  if is_running; then
    if ! as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >&2; then
      log "fast shutdown failed; trying immediate"
      as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >&2 || true
    fi
  fi
  return 0
}

start_cluster() {
  [[ -x $PG_BIN/initdb ]] || { log "no PostgreSQL binaries in $PG_BIN (apt-get install postgresql)"; exit 1; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if is_running; then
    print_url
    return 0
  fi
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { log "running as root needs the postgres system user (apt-get install postgresql)"; exit 1; }
    chown -R postgres: "$dir"
    runuser -u postgres -- test -w "$dir" || { log "user postgres cannot write to $dir (check its parent directories)"; exit 1; }
  fi
  # A Unix socket path is limited to 107 bytes.
  if (( ${#dir} + 20 > 107 )); then
    log "$dir is too long for a Unix socket path; use a shorter directory"
    exit 1
  fi

  # From here on a failure stops whatever was started.
  trap 'log "start failed; stopping"; stop_cluster' ERR

  if [[ ! -f $dir/data/PG_VERSION ]]; then
    as_owner "$PG_BIN/initdb" -D "$dir/data" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --username="$(owner_name)" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; false; }
  fi

  local attempt port
  for ((attempt = 1; attempt <= START_ATTEMPTS; attempt++)); do
    port=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=on" \
      start >&2; then
      echo "$port" >"$dir/port"
      [[ $EUID -eq 0 ]] && chown postgres: "$dir/port"
      trap - ERR
      print_url
      return 0
    fi
    log "start on port $port failed (attempt $attempt); see $dir/server.log"
    tail -n 5 "$dir/server.log" >&2 || true
  done
  false
}

case $command in
  start) start_cluster ;;
  stop) stop_cluster ;;
  url)
    is_running || { log "no cluster running in $dir"; exit 1; }
    print_url
    ;;
  *) usage ;;
esac
