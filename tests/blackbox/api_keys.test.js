// API keys (docs/integrations.md): created with the password, shown once, listed,
// revoked; `Authorization: Bearer` on the customer routes the scope allows, without a
// CSRF header; a read-only key cannot write, another account's resources are 404, and
// every refused key (malformed, unknown, expired, revoked) is one 401.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { runSql } from '../lib/console.js';
import { expectError } from '../lib/expect.js';
import { API_KEYS, KeyClient, createKey, listKeys } from '../lib/integrations.js';
import { useServer } from '../lib/server.js';
import { TICKETS, createTicket, newCustomer, newStaff } from '../lib/tickets.js';

const ctx = useServer();

let a; // owner of account A
let b; // owner of account B
let aTicket;
let bTicket;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Key Account A' });
    b = await newCustomer(ctx.url, { company: 'Key Account B' });
    aTicket = (await createTicket(a.client, { title: 'A asks about keys' })).ticket;
    bTicket = (await createTicket(b.client, { title: 'B private' })).ticket;
  })();
  return setup;
}

describe('creating and listing keys', () => {
  before(people);

  test('the secret is shown once; the list shows prefix, scope, creator, dates and no secret', async () => {
    const { key, secret } = await createKey(a, { name: 'CRM', scope: 'read', expires_in_days: 90 });
    assert.match(secret, /^txk_[A-Za-z0-9_-]{43}$/);
    assert.equal(key.prefix, secret.slice(0, 12));
    assert.equal(key.scope, 'read');
    assert.equal(key.state, 'active');
    assert.equal(key.created_by.id, a.user.id);
    const days = (Date.parse(key.expires_at) - Date.parse(key.created_at)) / 86_400_000;
    assert.equal(Math.round(days), 90);
    const listed = (await listKeys(a.client)).find((k) => k.id === key.id);
    assert.ok(listed, 'the new key is listed');
    assert.equal(listed.last_used_at, null);
    const raw = (await a.client.get(API_KEYS)).text;
    assert.ok(!raw.includes(secret) && !raw.includes(secret.slice(12)), 'the list never carries the secret');

    // Used once: last_used_at is set (kept in memory, flushed every minute).
    const res = await new KeyClient(ctx.url, secret).get(TICKETS);
    assert.equal(res.status, 200);
    const used = (await listKeys(a.client)).find((k) => k.id === key.id);
    assert.ok(used.last_used_at, 'last use is shown at once');
  });

  test('bad input names the field and creates nothing', async () => {
    const before = (await listKeys(a.client)).length;
    const cases = [
      [{ name: '', scope: 'read', password: a.signup.password }, 'name'],
      [{ name: 'x'.repeat(101), scope: 'read', password: a.signup.password }, 'name'],
      [{ name: 'k', scope: 'write', password: a.signup.password }, 'scope'],
      [{ name: 'k', scope: 'read', expires_in_days: 7, password: a.signup.password }, 'expires_in_days'],
      [{ name: 'k', scope: 'read', password: 'wrong password' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const res = await a.client.post(API_KEYS, body);
      expectError(res, 400, 'validation_failed');
      assert.equal(res.json.error.field, field, JSON.stringify(body));
    }
    expectError(await a.client.post(API_KEYS, { name: 'k', scope: 'read' }), 400, 'validation_failed');
    expectError(await a.client.post(API_KEYS, { name: 'k', scope: 'read', password: 'x', extra: 1 }), 400, 'invalid_request');
    expectError(await a.client.post(API_KEYS, { name: 'k', scope: 'read', password: 'x', expires_in_days: '30' }), 400, 'invalid_request');
    assert.equal((await listKeys(a.client)).length, before);
  });

  test('a session without CSRF, staff, anonymous callers and keys cannot manage keys', async () => {
    expectError(await a.client.post(API_KEYS, { name: 'k', scope: 'read', password: a.signup.password }, { csrf: false }), 403, 'csrf_failed');
    expectError(await new Client(ctx.url).get(API_KEYS), 401, 'unauthenticated');
    const staff = await newStaff(ctx.server);
    expectError(await staff.client.get(API_KEYS), 403, 'forbidden');
    const { secret } = await createKey(a);
    const k = new KeyClient(ctx.url, secret);
    expectError(await k.get(API_KEYS), 403, 'forbidden');
    expectError(await k.post(API_KEYS, { name: 'k', scope: 'read', password: a.signup.password }), 403, 'forbidden');
  });
});

describe('Bearer keys on customer routes', () => {
  before(people);

  test('a read and write key reads and writes without a CSRF header, as its creator', async () => {
    const { secret } = await createKey(a, { scope: 'read_write' });
    const k = new KeyClient(ctx.url, secret);
    const list = await k.get(`${TICKETS}?status=all`);
    assert.equal(list.status, 200);
    assert.ok(list.json.items.some((t) => t.id === aTicket.id));
    assert.ok(!list.json.items.some((t) => t.id === bTicket.id), "never another account's ticket");
    const posted = await k.post(`${TICKETS}/${aTicket.id}/messages`, { body: 'Written by the CRM' });
    assert.equal(posted.status, 201, posted.text);
    assert.equal(posted.json.message.author.id, a.user.id);
    assert.equal(posted.json.message.author.side, 'customer');
    const created = await k.post(TICKETS, { title: 'From the API', body: 'Opened by an integration', category: 'question' });
    assert.equal(created.status, 201, created.text);
    for (const path of ['/api/v1/employees', '/api/v1/chats', '/api/v1/billing/balance', '/api/v1/finance/summary', '/api/v1/channels', '/api/v1/models']) {
      const res = await k.get(path);
      assert.equal(res.status, 200, `${path}: ${res.status} ${res.text}`);
    }
    // A cookie of another user next to the key changes nothing: the key decides.
    const mixed = await k.get(`${TICKETS}/${bTicket.id}`, { headers: { Cookie: `textura_session=${b.client.session}` } });
    expectError(mixed, 404, 'not_found');
  });

  test('a read-only key reads, and every write is 403 and changes nothing', async () => {
    const { secret } = await createKey(a, { scope: 'read' });
    const k = new KeyClient(ctx.url, secret);
    assert.equal((await k.get(`${TICKETS}/${aTicket.id}`)).status, 200);
    const before = (await a.client.get(`${TICKETS}/${aTicket.id}/messages?limit=100`)).json.items.length;
    const writes = [
      () => k.post(`${TICKETS}/${aTicket.id}/messages`, { body: 'nope' }),
      () => k.post(TICKETS, { title: 'nope', body: 'nope', category: 'question' }),
      () => k.post(`${TICKETS}/${aTicket.id}/close`),
      () => k.post('/api/v1/employees', { name: 'Nope' }),
      () => k.request('POST', '/api/v1/attachments?filename=a.txt', { body: 'hello', contentType: 'text/plain' }),
    ];
    for (const w of writes) {
      const res = await w();
      expectError(res, 403, 'forbidden');
      assert.match(res.json.error.message, /only read/);
    }
    const after = (await a.client.get(`${TICKETS}/${aTicket.id}/messages?limit=100`)).json.items.length;
    assert.equal(after, before);
    assert.equal((await a.client.get(`${TICKETS}/${aTicket.id}`)).json.ticket.status, 'on_customer');
  });

  test("a key of account A on account B's resources is 404", async () => {
    const { secret } = await createKey(a, { scope: 'read_write' });
    const k = new KeyClient(ctx.url, secret);
    expectError(await k.get(`${TICKETS}/${bTicket.id}`), 404, 'not_found');
    expectError(await k.get(`${TICKETS}/${bTicket.id}/messages`), 404, 'not_found');
    expectError(await k.post(`${TICKETS}/${bTicket.id}/messages`, { body: 'A writes into B' }), 404, 'not_found');
    expectError(await k.post(`${TICKETS}/${bTicket.id}/close`), 404, 'not_found');
    const bKeys = await listKeys(b.client);
    for (const bk of bKeys) expectError(await a.client.post(`${API_KEYS}/${bk.id}/revoke`), 404, 'not_found');
    assert.equal((await b.client.get(`${TICKETS}/${bTicket.id}`)).json.ticket.status, 'on_customer');
  });

  test('keys are not for the personal session routes or live events', async () => {
    const { secret } = await createKey(a);
    const k = new KeyClient(ctx.url, secret);
    expectError(await k.get('/api/v1/me'), 403, 'forbidden');
    expectError(await k.patch('/api/v1/me', { name: 'Hijacked' }), 403, 'forbidden');
    expectError(await k.post('/api/v1/auth/logout'), 403, 'forbidden');
    assert.notEqual((await a.client.me()).json.user.name, 'Hijacked');
  });
});

describe('refused keys are one 401 whatever the reason', () => {
  before(people);

  test('malformed headers, unknown, revoked and expired keys', async () => {
    const { key: revokedKey, secret: revoked } = await createKey(a);
    const res = await a.client.post(`${API_KEYS}/${revokedKey.id}/revoke`);
    assert.equal(res.status, 200);
    assert.equal(res.json.api_key.state, 'revoked');
    assert.equal((await a.client.post(`${API_KEYS}/${revokedKey.id}/revoke`)).status, 200, 'revoking twice is fine');

    const { key: expiringKey, secret: expiring } = await createKey(a, { expires_in_days: 30 });
    assert.equal((await new KeyClient(ctx.url, expiring).get(TICKETS)).status, 200);
    await runSql(ctx.server, `UPDATE api_keys SET expires_at = ${(Date.now() - 1000) * 1000} WHERE id = ${expiringKey.id}`);
    const expiredListed = (await listKeys(a.client)).find((k) => k.id === expiringKey.id);
    assert.equal(expiredListed.state, 'expired');

    const unknown = `txk_${'A'.repeat(43)}`;
    const headers = [
      `Bearer ${revoked}`,
      `Bearer ${expiring}`,
      `Bearer ${unknown}`,
      `Bearer ${revoked.slice(0, -1)}`,
      `Bearer ${revoked}x`,
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      'Bearer',
      'Bearer ',
      'txk_nope',
      `Bearer  txk_${'%'.repeat(43)}`,
    ];
    const messages = new Set();
    for (const authorization of headers) {
      const r = await new KeyClient(ctx.url, null, { authorization }).get(TICKETS);
      expectError(r, 401, 'unauthenticated');
      assert.ok(!r.text.includes('revoked') && !r.text.includes('expired'), `no detail: ${r.text}`);
      messages.add(r.json.error.message);
    }
    assert.equal(messages.size, 1, `one message for every refusal: ${[...messages].join(' | ')}`);
    // With a valid session cookie next to a bad key, the key still decides.
    const withCookie = await a.client.get(TICKETS, { headers: { Authorization: `Bearer ${revoked}` } });
    expectError(withCookie, 401, 'unauthenticated');
  });
});
