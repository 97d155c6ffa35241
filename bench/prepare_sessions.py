#!/usr/bin/env python3
"""Signs in seeded customers and writes a Lua table of their sessions and open tickets.

usage: prepare_sessions.py <base url> <count> <out.lua> [--keys]
With --keys each customer also creates a read-only API key (`key = "txk_…"`).
"""
import http.cookiejar
import json
import sys
import urllib.request

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with_keys = "--keys" in sys.argv[4:]
rows = []
for n in range(1, count + 1):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    body = json.dumps({"email": f"customer{n}@bench.textura", "password": "bench password"})
    req = urllib.request.Request(base + "/api/v1/auth/login", body.encode(),
                                 {"Content-Type": "application/json"})
    csrf = json.load(opener.open(req))["csrf_token"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    page = json.load(opener.open(base + "/api/v1/tickets?status=on_customer&limit=50"))
    ids = [t["id"] for t in page["items"]]
    key = ""
    if with_keys:
        body = json.dumps({"name": "bench", "scope": "read", "password": "bench password"})
        req = urllib.request.Request(base + "/api/v1/api-keys", body.encode(),
                                     {"Content-Type": "application/json", "X-CSRF-Token": csrf})
        key = json.load(opener.open(req))["secret"]
    if ids:
        rows.append((cookie, csrf, ids, key))
with open(out, "w") as f:
    f.write("return {\n")
    for cookie, csrf, ids, key in rows:
        f.write('  { cookie = "%s", csrf = "%s", key = "%s", tickets = { %s } },\n'
                % (cookie, csrf, key, ", ".join(map(str, ids))))
    f.write("}\n")
print(f"{len(rows)} sessions", file=sys.stderr)
