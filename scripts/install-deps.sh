#!/usr/bin/env bash
# Installs what building, running and testing Textura need, from Debian's archive and
# the npm registry. Idempotent: does nothing when everything is present.
#   scripts/install-deps.sh          build + run dependencies
#   scripts/install-deps.sh --test   also what the tests need (chromium, postgresql, wrk)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache git ca-certificates tzdata clang-format
  libboost1.81-all-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libsodium-dev libpq-dev libhowardhinnant-date-dev libcurl4-openssl-dev
  libicu-dev libvips-dev libmagic-dev libqrencode-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
)
if [[ ${1:-} == --test ]]; then
  packages+=(chromium postgresql postgresql-contrib wrk clang-15 libfuzzer-15-dev)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
# Node may come from elsewhere than Debian (e.g. a newer build on PATH): accept it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [[ $EUID -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages, from the committed lockfiles; skipped while the lockfile is unchanged.
npm_install() {
  local dir=$1
  [[ -f $dir/package-lock.json ]] || return 0
  local stamp=$dir/node_modules/.textura-lock-stamp
  if [[ ! -f $stamp ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "install-deps: npm ci in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install web
[[ ${1:-} == --test ]] && npm_install tests
exit 0
