#!/usr/bin/env bash
# Runs every test: C++ unit and storage contract tests (SQLite and PostgreSQL), the
# web app's lint, types and Vitest, the black-box API suite against the real binary
# (on SQLite, then on PostgreSQL), and the Playwright browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n=== %s ===\n' "$*"; }

# A test whose dependency is missing (PostgreSQL, a fake server) fails instead of
# skipping: a broken cluster must not end green (src/testing/require.h).
export TEXTURA_TEST_REQUIRE_ALL=1

step "build"
make --no-print-directory build-cpp build-web

# One throwaway PostgreSQL cluster serves every suite (unless one is given).
pg_dir=""
cleanup() {
  if [[ -n $pg_dir ]]; then
    tests/pg/cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
if [[ -z ${TEXTURA_TEST_POSTGRES_URL:-} ]]; then
  pg_dir=$(mktemp -d /tmp/textura-pg.XXXXXX)
  chmod 755 "$pg_dir"
  TEXTURA_TEST_POSTGRES_URL=$(tests/pg/cluster.sh start "$pg_dir")
  export TEXTURA_TEST_POSTGRES_URL
fi
echo "PostgreSQL for tests: $TEXTURA_TEST_POSTGRES_URL"

step "C++ formatting (.clang-format)"
find src -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run --Werror

step "C++ unit and storage contract tests"
(cd build && ctest --output-on-failure --timeout 600)

step "fuzzing: libFuzzer targets, 25 s each under ASan + UBSan (make fuzz: longer)"
scripts/fuzz.sh 25

step "web: lint, types, unit tests"
(cd web && npm run lint && npm run typecheck && npm test)

step "black-box API tests on SQLite"
(cd tests && env -u TEXTURA_TEST_POSTGRES_URL npm test)

step "black-box API tests on PostgreSQL"
(cd tests && npm run test:blackbox)

step "browser tests (Playwright + Debian chromium)"
(cd web && npm run e2e)

step "all tests passed"
