#!/usr/bin/env python3
"""Signs in seeded customers and writes a Lua table of their sessions and open tickets.

usage: prepare_sessions.py <base url> <count> <out.lua>
"""
import http.cookiejar
import json
import sys
import urllib.request

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
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
    if ids:
        rows.append((cookie, csrf, ids))
with open(out, "w") as f:
    f.write("return {\n")
    for cookie, csrf, ids in rows:
        f.write('  { cookie = "%s", csrf = "%s", tickets = { %s } },\n'
                % (cookie, csrf, ", ".join(map(str, ids))))
    f.write("}\n")
print(f"{len(rows)} sessions", file=sys.stderr)
