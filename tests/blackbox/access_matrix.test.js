// The access matrix: every operation of openapi.json × every kind of caller, against
// the one table in lib/access_table.js. A route the table lacks fails, as does a row
// for a route the document does not have. Every response to the anonymous and the
// foreign caller is scanned for the owner's unique strings, and so is every event the
// foreign customer's WebSocket receives while the owner works.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CALLERS, FIXTURES, KINDS, TABLE } from '../lib/access_table.js';
import { loadDocument } from '../lib/openapi.js';
import { openEvents } from '../lib/tickets.js';
import { startWorld } from '../lib/world.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function operations() {
  const doc = loadDocument();
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) if (item[m]) ops.push(`${m.toUpperCase()} ${path}`);
  }
  return ops;
}

test('the table has a row for every operation of openapi.json, and no other', () => {
  const ops = operations();
  assert.ok(ops.length > 50, `openapi.json lists ${ops.length} operations`);
  const missing = ops.filter((op) => !(op in TABLE));
  const extra = Object.keys(TABLE).filter((op) => !ops.includes(op));
  assert.deepEqual(missing, [], 'routes without a row in tests/lib/access_table.js');
  assert.deepEqual(extra, [], 'rows for routes openapi.json does not have');
  for (const [op, [kind, params = {}, overrides = {}]] of Object.entries(TABLE)) {
    assert.ok(KINDS[kind], `${op}: unknown kind ${kind}`);
    for (const [key, name] of Object.entries(params)) {
      if (!key.startsWith('$')) assert.ok(name in FIXTURES, `${op}: unknown fixture ${name}`);
    }
    for (const who of Object.keys(overrides)) assert.ok(CALLERS.includes(who), `${op}: unknown caller ${who}`);
    for (const name of op.match(/\{[^}]+\}/g) ?? []) {
      assert.ok(name.slice(1, -1) in params, `${op}: no fixture for ${name}`);
    }
  }
});

let world;
let callers;
let fixtures;
let secrets;
let foreignSocket;
let ownerSocket;
const outcomes = []; // {op, who, status, text}

before(async () => {
  world = await startWorld();
  ({ callers, fixtures, secrets } = world);
  foreignSocket = await openEvents(world.server.url, callers.foreign, { name: 'foreign' });
  ownerSocket = await openEvents(world.server.url, callers.owner, { name: 'owner' });
  // The owner works while both sockets listen: a chat message and its reply.
  const said = await callers.owner.post(`/api/v1/chats/${fixtures.chat}/messages`, { text: `Towels ${world.tag}` });
  assert.equal(said.status, 202, said.text);
  secrets.push(`Towels ${world.tag}`);
});

after(async () => {
  foreignSocket?.close();
  ownerSocket?.close();
  if (world) await world.stop();
});

function pathFor(op, params = {}) {
  const [method, template] = op.split(' ');
  let path = template.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(fixtures[params[name]])));
  if (params.$query) path += `?${params.$query.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(fixtures[name])))}`;
  return { method, path };
}

function expected(op, who) {
  const [kind, , overrides = {}] = TABLE[op];
  const outcome = who in overrides ? overrides[who] : KINDS[kind][who];
  // A read-only key gets through reads only: where it would write, 403 (public routes
  // do not look at keys).
  if (who === 'readKey' && outcome === 'ok' && kind !== 'public' && UNSAFE.has(op.split(' ')[0])) return 403;
  return outcome;
}

// API keys send no cookie, so the CSRF rule is not theirs.
const KEY_CALLERS = new Set(['ownerKey', 'readKey']);

async function send(op, who, { csrf = true } = {}) {
  const [, params] = TABLE[op];
  const { method, path } = pathFor(op, params);
  const options = { csrf, timeoutMs: 10_000 };
  if (params?.$raw) Object.assign(options, params.$raw);
  else if (UNSAFE.has(method)) options.json = params?.$body ?? {};
  const res = await callers[who].request(method, path, options);
  outcomes.push({ op, who, status: res.status, text: res.text });
  return res;
}

function judge(op, who, res) {
  const want = expected(op, who);
  const method = op.split(' ')[0];
  const what = `${op} as ${who}: ${res.status} ${res.text.slice(0, 300)}`;
  assert.ok(res.status < 500, `${what} — a 5xx`);
  if (want === 'ok') {
    if (UNSAFE.has(method)) assert.ok(![401, 403].includes(res.status), `${what} — expected to get through`);
    else assert.ok(res.status >= 200 && res.status < 300, `${what} — expected a 2xx`);
  } else {
    assert.equal(res.status, want, what);
  }
}

// Reads first, then writes, then deletions, sign-out last of all: a caller that gets
// through changes things, so the refused callers go first on each route.
function order(op) {
  const method = op.split(' ')[0];
  if (op === 'POST /api/v1/auth/logout') return 4;
  return { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 3 }[method];
}

test("the foreign customer's events carry nothing of the owner's", async () => {
  // The owner writes in the ticket and in the chat; their own socket sees it.
  const text = `Live detail ${world.tag}`;
  const from = ownerSocket.count;
  const res = await callers.owner.post(`/api/v1/tickets/${fixtures.ticket}/messages`, { body: text });
  assert.ok([201, 409].includes(res.status), res.text);
  const chatText = `Live chat ${world.tag}`;
  const said = await callers.owner.post(`/api/v1/chats/${fixtures.chat}/messages`, { text: chatText });
  assert.ok([202, 404].includes(said.status), said.text);
  if (res.status === 201) {
    const deadline = Date.now() + 5000;
    while (!JSON.stringify(ownerSocket.frames.slice(from)).includes(text) && Date.now() < deadline) {
      await ownerSocket.waitFrames(1, { from: ownerSocket.count, timeoutMs: 500 }).catch(() => {});
    }
    assert.ok(JSON.stringify(ownerSocket.frames).includes(text), "the owner's socket received the owner's message");
  }
  assert.ok(ownerSocket.frames.length > 0, "the owner's socket received the owner's events");
  const foreignFrames = JSON.stringify(foreignSocket.frames);
  for (const s of [...secrets, text, chatText]) {
    assert.ok(!foreignFrames.includes(s), `the foreign socket received the owner's "${s}"`);
  }
});

test('every route answers every kind of caller as the table says, and leaks nothing', async () => {
  const ops = operations().sort((a, b) => order(a) - order(b));
  const failures = [];
  for (const op of ops) {
    const method = op.split(' ')[0];
    const refused = CALLERS.filter((who) => expected(op, who) !== 'ok');
    const allowed = CALLERS.filter((who) => expected(op, who) === 'ok');
    // Without the CSRF header, an unsafe call of a signed-in caller is refused first.
    const [kind] = TABLE[op];
    const csrfCaller = allowed.find((who) => who !== 'anonymous' && !KEY_CALLERS.has(who));
    if (UNSAFE.has(method) && !['public', 'webhook'].includes(kind) && csrfCaller) {
      const res = await send(op, csrfCaller, { csrf: false });
      if (res.status !== 403 || res.json?.error?.code !== 'csrf_failed') {
        failures.push(`${op} as ${csrfCaller} without CSRF: ${res.status} ${res.text.slice(0, 200)} — expected 403 csrf_failed`);
      }
    }
    for (const who of [...refused, ...allowed]) {
      if (op === 'POST /api/v1/auth/logout' && who !== 'foreign' && allowed.includes(who)) continue; // keep them signed in
      const res = await send(op, who);
      try {
        judge(op, who, res);
      } catch (e) {
        failures.push(e.message);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} outcome(s) differ from the table`);

  // No response to the anonymous or the foreign caller holds the owner's strings...
  for (const { op, who, text } of outcomes) {
    if (who !== 'anonymous' && who !== 'foreign') continue;
    for (const s of secrets) assert.ok(!text.includes(s), `${op} as ${who} holds the owner's "${s}": ${text.slice(0, 300)}`);
  }
  // ...while the owner's and the team's do, so the scan looks at real data.
  const seen = outcomes.filter((o) => ['owner', 'staff', 'admin'].includes(o.who)).map((o) => o.text).join('\n');
  for (const s of secrets) assert.ok(seen.includes(s), `no response to the owner or the team held "${s}"`);
});
