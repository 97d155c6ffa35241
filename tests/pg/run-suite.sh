#!/usr/bin/env bash
# Runs the black-box suite against PostgreSQL: starts a throwaway cluster, gives
# every test server a fresh database (TEXTURA_TEST_POSTGRES_URL), stops the
# cluster afterwards. Extra arguments go to `node --test` (e.g. a test file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/textura-pg.XXXXXX")
cleanup() {
  "$here/cluster.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
url=$("$here/cluster.sh" start "$dir")
echo "PostgreSQL for the tests: $url" >&2
cd "$here/.."
if [[ $# -eq 0 ]]; then set -- blackbox/; fi
TEXTURA_TEST_POSTGRES_URL=$url node --test --test-concurrency=1 --test-reporter=spec "$@"
