#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the project's own sources in the compile database
# (build/compile_commands.json): every non-test .cpp of src/ except the Beast/Asio
# transport files, whose template instantiations cost minutes each and are covered by
# the compiler's warnings. Two files at a time, each bounded by a timeout; any
# warning fails. Usage: scripts/clang-tidy.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
db="$build/compile_commands.json"
[[ -f $db ]] || { echo "no $db: configure the build first" >&2; exit 1; }
command -v clang-tidy >/dev/null || { echo "clang-tidy is not installed (apt-get install clang-tidy)" >&2; exit 1; }

# Transport files: Beast's coroutines (TOOLCHAIN.md "Compile time").
skip='src/http/(beast_impl|server|websocket_session|event_hub)\.cpp$'
mapfile -t files < <(grep -o '"file": *"[^"]*"' "$db" | sed 's/.*"file": *"//; s/"$//' |
  sed "s|^$(pwd)/||" | grep -E '^src/.*\.cpp$' | grep -v '_test\.cpp$' | grep -Ev "$skip" | sort -u)
echo "clang-tidy: ${#files[@]} files"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%s\n' "${files[@]}" |
  xargs -P 2 -I{} sh -c 'timeout 300 clang-tidy -p "$0" --quiet --warnings-as-errors="*" "$1" 2>/dev/null || echo "FAILED $1"' "$build" {} >"$log" || true
if grep -q '^FAILED ' "$log" || grep -qE 'warning:|error:' "$log"; then
  grep -E 'warning:|error:|^FAILED ' "$log" | sort -u
  echo "clang-tidy found problems (above)" >&2
  exit 1
fi
echo "clang-tidy: clean"
