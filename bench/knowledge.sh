#!/usr/bin/env bash
# The knowledge responder benchmark (docs/benchmarks.md): 10k Q&A pairs, replies per
# second and retrieval p50/p99. Usage: bench/knowledge.sh [database-url] [pairs] [replies]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ninja -C "$root/build" knowledge_bench >/dev/null
exec "$root/build/bench/knowledge_bench" "$@"
