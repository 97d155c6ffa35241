#!/usr/bin/env bash
# Attachments benchmark (docs/benchmarks.md): upload throughput for 1 MB and 10 MB
# files, and the server's memory (VmRSS / VmHWM from /proc) while 32 uploads run at
# once, for 1, 10 and 20 MB files: with streaming it must not grow with the file.
#   bench/uploads.sh
set -euo pipefail
cd "$(dirname "$0")/.."

data=$(mktemp -d /tmp/textura-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TEXTURA_LISTEN=127.0.0.1:$port TEXTURA_DATA_DIR=$data TEXTURA_ACCESS_LOG=false \
  TEXTURA_ACCOUNT_QUOTA_BYTES=$((64 * 1024 * 1024 * 1024)) ./build/textura serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "disk: $(df -h "$data" | awk 'NR==2{print $1" ("$2")"}'); server: build/textura serve, SQLite, access log off"
node bench/uploads.mjs "http://127.0.0.1:$port" "$server"
echo
echo "stored: $(find "$data/files" -path "$data/files/tmp" -prune -o -type f -print | wc -l) files, $(du -sh "$data/files" | cut -f1); left in files/tmp: $(ls "$data/files/tmp" | wc -l)"
