#!/usr/bin/env bash
# API keys vs session cookies (docs/benchmarks.md): the same GET /api/v1/tickets?limit=20
# by 32 customers, authenticated by their session cookie and then by their read-only
# API key, at 64 connections with wrk, alternating three times each.
#   bench/api_keys.sh [seconds]      (TICKETS=100000 ACCOUNTS=1000 CONNECTIONS=64)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${CONNECTIONS:-64}
tickets=${TICKETS:-100000}
accounts=${ACCOUNTS:-1000}
bin=${TEXTURA_BIN:-./build/textura}

data=$(mktemp -d /tmp/textura-bench.XXXXXX)
export TEXTURA_DATA_DIR=$data
echo "seeding $tickets tickets over $accounts accounts..."
"$bin" seed-bench --accounts "$accounts" --tickets "$tickets" --messages 5 | tail -1

port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
base=http://127.0.0.1:$port
TEXTURA_LISTEN=127.0.0.1:$port TEXTURA_ACCESS_LOG=${ACCESS_LOG:-true} \
  TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP=100000 "$bin" serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

export SESSIONS=$data/sessions.lua
python3 bench/prepare_sessions.py "$base" 32 "$SESSIONS" --keys

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c$connections -d${duration}s --latency -s bench/tickets.lua, GET /api/v1/tickets?limit=20"
for round in 1 2 3; do
  for mode in page page_key; do
    echo
    echo "--- $mode (round $round)"
    MODE=$mode wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/tickets.lua "$base" |
      grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors'
  done
done
