#!/usr/bin/env bash
# Support tickets benchmark (docs/benchmarks.md): seeds 100k tickets x 5 messages over
# 1,000 accounts, then measures at 64 connections with wrk: list (filter + search),
# open a ticket (its messages), durable posts; and the post-to-event latency on a
# WebSocket while posts are under load.
#   bench/tickets.sh [seconds]      (TICKETS=100000 ACCOUNTS=1000 CONNECTIONS=64)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${CONNECTIONS:-64}
tickets=${TICKETS:-100000}
accounts=${ACCOUNTS:-1000}

data=$(mktemp -d /tmp/textura-bench.XXXXXX)
export TEXTURA_DATA_DIR=$data
echo "seeding $tickets tickets over $accounts accounts..."
/usr/bin/time -f "seeded in %e s" ./build/textura seed-bench --accounts "$accounts" --tickets "$tickets" --messages 5 | tail -1

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
TEXTURA_LISTEN=127.0.0.1:$port TEXTURA_ACCESS_LOG=${ACCESS_LOG:-true} \
  TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP=100000 ./build/textura serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

export SESSIONS=$data/sessions.lua
python3 bench/prepare_sessions.py "$base" 32 "$SESSIONS"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "wrk -t2 -c$connections -d${duration}s --latency -s bench/tickets.lua (32 customers' sessions)"
for mode in list open post; do
  echo
  echo "--- $mode"
  MODE=$mode wrk -t2 -c"$connections" -d"${duration}s" --latency -s bench/tickets.lua "$base" |
    grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors|requests in'
done

echo
echo "--- post -> event latency, idle server"
node bench/event_latency.mjs "$base" 300
echo
echo "--- post -> event latency, while wrk posts at $connections connections"
MODE=post wrk -t2 -c"$connections" -d"$((duration + 5))s" -s bench/tickets.lua "$base" >/dev/null &
load=$!
sleep 1
node bench/event_latency.mjs "$base" 300
wait $load
