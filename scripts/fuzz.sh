#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-15, ASan + UBSan) in build-fuzz/ and runs
# each for a bounded time from the seed corpora in fuzz/corpus/ (docs/testing.md).
#   scripts/fuzz.sh [seconds per target]     default 25 (scripts/test.sh); `make fuzz`: 300
# New inputs libFuzzer finds go to build-fuzz/corpus/<target>/, not into the repository;
# a crash leaves its input in build-fuzz/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-25}
dir=${FUZZ_BUILD_DIR:-build-fuzz}
cxx=${FUZZ_CXX:-clang++-15}
command -v "$cxx" >/dev/null || { echo "fuzz: $cxx is missing (scripts/install-deps.sh --test)" >&2; exit 1; }

if [[ ! -f $dir/build.ninja ]]; then
  CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTEXTURA_FUZZ=ON \
    -DTEXTURA_BUILD_TESTS=OFF -DTEXTURA_BUILD_BENCH=OFF >/dev/null
fi
targets=(fuzz_request_head fuzz_json_fields fuzz_authorization)
cmake --build "$dir" --target "${targets[@]}"

for target in "${targets[@]}"; do
  seeds=fuzz/corpus/${target#fuzz_}
  found=$dir/corpus/$target
  mkdir -p "$found"
  echo "--- $target: ${seconds} s from $seeds"
  # -max_len: a request head is at most 16 KiB (plus a little body).
  log=$dir/$target.log
  status=0
  (cd "$dir" && "./fuzz/$target" -max_total_time="$seconds" -max_len=20000 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "corpus/$target" "../$seeds") >"$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' "$log" || true
  if ((status != 0)); then
    echo "fuzz: $target failed (exit $status); the input is in $dir/, the log in $log" >&2
    tail -40 "$log" >&2
    exit 1
  fi
done
