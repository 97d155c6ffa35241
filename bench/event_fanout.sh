#!/usr/bin/env bash
# The cost of one event per connected reader (docs/benchmarks.md, issue 10 part 3).
#   bench/event_fanout.sh [binary]    (POSTS=50 LEVELS=1,100,1000 COUNT_QUERIES=1)
# Seeds a small database, adds 999 staff readers (each its own user and session,
# inserted with sqlite3 so no password hashing is timed), starts the binary on a free
# port and runs bench/event_fanout.mjs. With COUNT_QUERIES=1 it then counts the SQL
# statements the server runs for one more post with every socket still open, through
# an LD_PRELOAD shim (bench/count_statements.c) that counts the SQLite driver's
# statement runs from outside — the same count for any build, before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-./build/textura}")
readers=999
data=$(mktemp -d /tmp/textura-fanout.XXXXXX)
export TEXTURA_DATA_DIR=$data
"$bin" seed-bench --accounts 10 --tickets 100 --messages 2 >/dev/null

node -e '
const { createHash, randomBytes } = require("node:crypto");
const fs = require("node:fs");
const [n, dir] = process.argv.slice(1);
const now = Date.now() * 1000, later = now + 86400e6;
const tokens = [], sql = ["BEGIN;"];
for (let i = 1; i <= Number(n); i++) {
  const token = randomBytes(32).toString("base64url");
  tokens.push(token);
  const digest = createHash("sha256").update(token).digest("hex");
  sql.push(`INSERT INTO users (email, name, role, password_hash, created_at) SELECT ` +
    `\x27reader${i}@bench.textura\x27, \x27Reader ${i}\x27, \x27staff\x27, password_hash, ${now} ` +
    `FROM users WHERE email = \x27agent@bench.textura\x27;`);
  sql.push(`INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, expires_at) ` +
    `VALUES (last_insert_rowid(), \x27${digest}\x27, \x27csrf${i}\x27, ${now}, ${later});`);
}
sql.push("COMMIT;");
fs.writeFileSync(`${dir}/readers.sql`, sql.join("\n"));
fs.writeFileSync(`${dir}/tokens.txt`, tokens.join("\n") + "\n");
' "$readers" "$data"
sqlite3 "$data/textura.db" <"$data/readers.sql"

shim=$data/count_statements.so
cc -O2 -shared -fPIC -o "$shim" bench/count_statements.c -ldl -lpthread
preload=()
if [[ ${COUNT_QUERIES:-0} == 1 ]]; then
  preload=(env LD_PRELOAD="$shim" TEXTURA_STATEMENT_COUNT_FILE="$data/statements")
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
TEXTURA_LISTEN=127.0.0.1:$port TEXTURA_ACCESS_LOG=false TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP=100000 \
  TEXTURA_EVENTS_UPGRADES_PER_MINUTE=100000 "${preload[@]}" "$bin" serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $bin; ${POSTS:-50} posts per level"
hold=$data/hold
if [[ ${COUNT_QUERIES:-0} == 1 ]]; then export HOLD_FILE=$hold; fi
node bench/event_fanout.mjs "$base" "$server" "$data/tokens.txt" "${POSTS:-50}" &
client=$!
if [[ ${COUNT_QUERIES:-0} == 1 ]]; then
  while [[ ! -s $hold ]]; do sleep 0.5; done
  read -r ticket csrf cookie <"$hold"
  counted() { sleep 2; cat "$data/statements"; }
  before=$(counted)
  idle=$(($(counted) - before))
  before=$(counted)
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -H "Cookie: $cookie" -d '{"body":"counted post"}' "$base/api/v1/tickets/$ticket/messages"
  post=$(($(counted) - before))
  echo "SQL statements run by the server for one post with every socket open: $post (2 s without a post: $idle)"
  rm -f "$hold"
fi
wait $client
