#!/usr/bin/env bash
# HTTP benchmarks with wrk against the real server on 127.0.0.1 (docs/benchmarks.md).
#   bench/run.sh [seconds]   default 10 s per endpoint, 64 connections, 2 wrk threads
# Starts build/textura on a free port with a temp data dir, signs up a user, measures
# GET /healthz and a signed-in GET /api/v1/me, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

data=$(mktemp -d /tmp/textura-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TEXTURA_LISTEN=127.0.0.1:$port TEXTURA_DATA_DIR=$data TEXTURA_ACCESS_LOG=${ACCESS_LOG:-true} \
  ./build/textura serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

cookie=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench password","name":"Bench","company":"Bench Co"}' \
  "http://127.0.0.1:$port/api/v1/auth/signup" | sed -n 's/^Set-Cookie: \(textura_session=[^;]*\).*/\1/p')
[[ -n $cookie ]] || { echo "signup failed" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "server: build/textura serve (access log ${ACCESS_LOG:-true}); wrk -t2 -c$connections -d${duration}s --latency"
for target in /healthz /api/v1/me; do
  echo
  echo "--- GET $target"
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$target" |
    grep -E 'Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in'
done
