// Outgoing webhooks through the real binary and a real receiver on 127.0.0.1
// (docs/integrations.md): every subscribed event is delivered, signed in the Standard
// Webhooks scheme and verifiable with the secret; a receiver that fails then recovers
// gets the retries in order; a restart mid-queue loses nothing; rotation signs with both
// secrets; hangs and huge answers are bounded; bad URLs are refused with their field.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runSql } from '../lib/console.js';
import { addQa, createEmployee, say, startChat, waitForMessages } from '../lib/employees.js';
import { expectError, sleep } from '../lib/expect.js';
import { KeyClient, createKey } from '../lib/integrations.js';
import { Receiver, verifySignature } from '../lib/receiver.js';
import { TexturaServer, useServer } from '../lib/server.js';
import { TICKETS, createTicket, newCustomer } from '../lib/tickets.js';

const HOOKS = '/api/v1/webhooks';
const ENV = {
  TEXTURA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  // 5 s, 5 min, 30 min … become 5 ms, 300 ms, 1.8 s …
  TEXTURA_WEBHOOK_RETRY_SCALE: '0.001',
  TEXTURA_WEBHOOK_POLL_MS: '100',
  TEXTURA_SIGNUP_CREDIT_MINOR: '1000',
};
const ALL = ['chat.created', 'chat.message_created', 'chat.needs_human', 'ticket.message_created', 'ticket.updated', 'balance.low', 'budget.threshold_reached'];

const ctx = useServer({ env: ENV });
let receiver;
before(async () => {
  receiver = await Receiver.start();
});
after(async () => {
  await receiver?.stop();
});

async function addEndpoint(client, path, events = ALL, extra = {}) {
  const res = await client.post(HOOKS, { url: `${receiver.url}${path}`, events, description: 'test receiver', ...extra });
  assert.equal(res.status, 201, res.text);
  assert.match(res.json.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
  return res.json;
}

const ofPath = (path) => (reqs) => reqs.filter((r) => r.path === path);
const types = (reqs) => reqs.map((r) => JSON.parse(r.body).type);

async function deliveries(client, id) {
  const res = await client.get(`${HOOKS}/${id}/deliveries?limit=100`);
  assert.equal(res.status, 200, res.text);
  return res.json.items;
}

async function waitDeliveries(client, id, predicate, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await deliveries(client, id);
    if (predicate(last)) return last;
    await sleep(100);
  }
  assert.fail(`deliveries of ${id} never matched: ${JSON.stringify(last.map((d) => [d.event_type, d.status, d.attempts]))}`);
}

describe('every subscribed event arrives signed', () => {
  test('tickets, chats, a handoff and the finance alerts', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks A' });
    const { endpoint, secret } = await addEndpoint(a.client, '/all');
    const path = '/all';

    // Tickets: created (a message), a reply, closed (updated).
    const { ticket } = await createTicket(a.client, { title: 'Hook me' });
    await a.client.post(`${TICKETS}/${ticket.id}/messages`, { body: 'A second message' });
    await a.client.post(`${TICKETS}/${ticket.id}/close`);

    // Finance: a cap of 1 kopeck and a low-balance line above the balance, so the first
    // paid answer crosses both.
    assert.equal((await a.client.put('/api/v1/finance/caps/account', { monthly_cap_minor: 1 })).status, 200);
    assert.equal((await a.client.put('/api/v1/finance/settings', { low_balance_minor: 100000 })).status, 200);
    // Chats: a playground chat answered from knowledge (paid), then a question the
    // knowledge cannot answer (a handoff).
    const olga = await createEmployee(a.client, { name: 'Olga Hooks' });
    await addQa(a.client, olga.id, 'What are your opening hours?', 'We are open from 9 to 18 every day.');
    const chat = await startChat(a.client, olga.id);
    await say(a.client, chat.id, 'What are your opening hours?');
    await waitForMessages(a.client, chat.id, (ms) => ms.some((m) => m.author.kind === 'employee'));
    const chat2 = await startChat(a.client, olga.id);
    await say(a.client, chat2.id, 'Can I pay with seashells on a Tuesday?');
    await waitForMessages(a.client, chat2.id, (ms) => ms.length >= 2);

    const got = await receiver.waitFor((reqs) => {
      const t = new Set(types(ofPath(path)(reqs)));
      return ALL.every((x) => t.has(x));
    }, { what: 'every event type', timeoutMs: 20000 });
    const mine = ofPath(path)(got);
    for (const r of mine) {
      assert.ok(verifySignature(secret, r), `${JSON.parse(r.body).type} verifies with the secret`);
      assert.match(r.headers['webhook-id'], /^msg_[A-Za-z0-9_]+$/);
      assert.ok(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000) < 60);
      assert.equal(r.headers['content-type'], 'application/json');
    }
    const first = (type) => JSON.parse(mine.find((r) => JSON.parse(r.body).type === type).body);
    assert.equal(first('ticket.message_created').data.ticket.id, ticket.id);
    assert.equal(first('ticket.message_created').data.message.author.side, 'customer');
    assert.ok(mine.some((r) => { const b = JSON.parse(r.body); return b.type === 'ticket.updated' && b.data.ticket.status === 'done'; }));
    assert.equal(first('chat.created').data.chat.id, chat.id);
    assert.equal(first('chat.needs_human').data.chat.id, chat2.id);
    assert.equal(first('chat.needs_human').data.chat.needs_human, true);
    assert.equal(first('balance.low').data.notification.kind, 'balance.low');
    // One charge past a 1-kopeck cap crosses 50, 80 and 100 % at once: one event each.
    // Deliveries are not ordered (each is its own request), so wait for the set.
    const thresholdsOf = (reqs) => ofPath(path)(reqs).map((r) => JSON.parse(r.body))
      .filter((b) => b.type === 'budget.threshold_reached').map((b) => b.data.notification.threshold_percent);
    const crossed = thresholdsOf(await receiver.waitFor((reqs) => thresholdsOf(reqs).length >= 3,
      { what: 'three budget thresholds', timeoutMs: 20000 }));
    assert.deepEqual(crossed.sort((x, y) => x - y), [50, 80, 100]);
    // chat.created once per chat; no internal data in ticket payloads.
    const created = mine.filter((r) => JSON.parse(r.body).type === 'chat.created').map((r) => JSON.parse(r.body).data.chat.id);
    assert.deepEqual([...new Set(created)].sort(), created.sort(), 'each chat announced once');
    assert.ok(!mine.some((r) => /"note_count"|"assignee"/.test(r.body)), 'no staff fields');

    // The log shows every delivery as succeeded with its request and the answer's head.
    const log = await waitDeliveries(a.client, endpoint.id, (ds) => ds.length >= mine.length && ds.every((d) => d.status === 'succeeded'));
    const d = log[0];
    assert.equal(d.attempts, 1);
    assert.equal(d.log[0].response_status, 200);
    assert.match(d.log[0].response_head, /^HTTP\/1\.1 200/);
    assert.match(d.log[0].response_head, /X-Receiver: test/i);
    assert.match(d.log[0].request_headers, /webhook-signature: v1,/);
  });

  test('only subscribed events, only the account\'s own', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks picky' });
    const b = await newCustomer(ctx.url, { company: 'Hooks other' });
    await addEndpoint(a.client, '/picky', ['ticket.updated']);
    const { ticket } = await createTicket(a.client, { title: 'Only updated' });
    await createTicket(b.client, { title: 'Not for A' });
    await a.client.post(`${TICKETS}/${ticket.id}/close`);
    await receiver.waitFor((reqs) => ofPath('/picky')(reqs).length >= 1, { what: 'picky' });
    await sleep(500);
    const got = ofPath('/picky')(receiver.requests);
    assert.deepEqual([...new Set(types(got))], ['ticket.updated']);
    assert.ok(got.every((r) => JSON.parse(r.body).data.ticket.id === ticket.id));
  });
});

describe('retries, test events, send again', () => {
  test('a receiver that fails then recovers gets the retries in order, with the same webhook-id', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks flaky' });
    receiver.on('/flaky', { statuses: [500, 503, 502, 200] });
    const { endpoint, secret } = await addEndpoint(a.client, '/flaky', ['ticket.updated']);
    const test1 = await a.client.post(`${HOOKS}/${endpoint.id}/test`);
    assert.equal(test1.status, 201, test1.text);
    const reqs = await receiver.waitFor((r) => ofPath('/flaky')(r).length >= 4, { what: 'four tries' });
    const tries = ofPath('/flaky')(reqs);
    assert.equal(new Set(tries.map((r) => r.headers['webhook-id'])).size, 1, 'one message id for every try');
    for (let i = 1; i < tries.length; i++) assert.ok(tries[i].at >= tries[i - 1].at);
    // Waits grow on the schedule (5 ms, 300 ms, 1.8 s scaled): the last gap is the longest.
    assert.ok(tries[3].at - tries[2].at > tries[2].at - tries[1].at, 'backoff grows');
    assert.ok(tries.every((r) => verifySignature(secret, r)));
    assert.equal(JSON.parse(tries[0].body).type, 'webhook.test');
    const [d] = await waitDeliveries(a.client, endpoint.id, (ds) => ds[0]?.status === 'succeeded');
    assert.equal(d.attempts, 4);
    assert.deepEqual(d.log.map((x) => x.response_status), [500, 503, 502, 200]);
    assert.deepEqual(d.log.map((x) => x.attempt), [1, 2, 3, 4]);

    // Send again: a new delivery of the same message.
    const again = await a.client.post(`${HOOKS}/${endpoint.id}/deliveries/${d.id}/resend`);
    assert.equal(again.status, 201, again.text);
    assert.equal(again.json.delivery.webhook_id, d.webhook_id);
    await receiver.waitFor((r) => ofPath('/flaky')(r).length >= 5, { what: 'the resend' });
    assert.equal(ofPath('/flaky')(receiver.requests)[4].headers['webhook-id'], d.webhook_id);
  });

  test('a receiver that hangs times out; a huge answer is cut to a small head', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks slow' });
    receiver.on('/hang', { hang: true });
    receiver.on('/huge', { statuses: [200], hugeBody: true });
    const hang = (await addEndpoint(a.client, '/hang', ['ticket.updated'])).endpoint;
    const huge = (await addEndpoint(a.client, '/huge', ['ticket.updated'])).endpoint;
    assert.equal((await a.client.post(`${HOOKS}/${huge.id}/test`)).status, 201);
    const [h] = await waitDeliveries(a.client, huge.id, (ds) => ds[0]?.status === 'succeeded');
    assert.ok(h.log[0].response_head.length < 8 * 1024, `head is small: ${h.log[0].response_head.length}`);
    assert.equal(h.log[0].response_status, 200);
    const started = Date.now();
    assert.equal((await a.client.post(`${HOOKS}/${hang.id}/test`)).status, 201);
    const [g] = await waitDeliveries(a.client, hang.id, (ds) => ds[0]?.log.length >= 1, 20000);
    const waited = Date.now() - started;
    assert.ok(waited >= 9000 && waited < 16000, `timed out after ~10 s (${waited} ms)`);
    assert.equal(g.log[0].response_status, null);
    assert.match(g.log[0].error, /10 s/);
    assert.equal(g.status, 'pending', 'retried later');
    // Stop the hanging endpoint's retries from tying up a worker for the rest of the file.
    assert.equal((await a.client.patch(`${HOOKS}/${hang.id}`, { enabled: false })).status, 200);
  });

  test('five days of failures disable the endpoint, with the reason shown', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks dead' });
    receiver.on('/dead', { statuses: [500] });
    const { endpoint } = await addEndpoint(a.client, '/dead', ['ticket.updated']);
    assert.equal((await a.client.post(`${HOOKS}/${endpoint.id}/test`)).status, 201);
    await waitDeliveries(a.client, endpoint.id, (ds) => ds[0]?.attempts >= 1);
    await runSql(ctx.server, `UPDATE webhook_endpoints SET failing_since = ${(Date.now() - 5 * 86400_000 - 1000) * 1000} WHERE id = ${endpoint.id}`);
    const deadline = Date.now() + 15000;
    let e;
    do {
      await sleep(200);
      e = (await a.client.get(`${HOOKS}/${endpoint.id}`)).json.endpoint;
    } while (e.enabled && Date.now() < deadline);
    assert.equal(e.enabled, false);
    assert.match(e.disabled_reason, /5 days/);
    expectError(await a.client.post(`${HOOKS}/${endpoint.id}/test`), 409, 'conflict');
    const re = await a.client.patch(`${HOOKS}/${endpoint.id}`, { enabled: true });
    assert.equal(re.json.endpoint.enabled, true);
    assert.equal(re.json.endpoint.failing_since, null);
    await a.client.patch(`${HOOKS}/${endpoint.id}`, { enabled: false });
  });
});

describe('secrets and access', () => {
  test('a rotated secret signs with both for a day', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks rotate' });
    const { endpoint, secret: oldSecret } = await addEndpoint(a.client, '/rotate', ['ticket.updated']);
    const rotated = await a.client.post(`${HOOKS}/${endpoint.id}/rotate-secret`);
    assert.equal(rotated.status, 200, rotated.text);
    const newSecret = rotated.json.secret;
    assert.notEqual(newSecret, oldSecret);
    assert.ok(rotated.json.endpoint.previous_secret_expires_at);
    await a.client.post(`${HOOKS}/${endpoint.id}/test`);
    const [r] = ofPath('/rotate')(await receiver.waitFor((x) => ofPath('/rotate')(x).length >= 1, { what: 'rotate' }));
    assert.equal(r.headers['webhook-signature'].split(' ').length, 2);
    assert.ok(verifySignature(newSecret, r) && verifySignature(oldSecret, r));
    const raw = (await a.client.get(HOOKS)).text;
    assert.ok(!raw.includes(newSecret.slice(6)) && !raw.includes(oldSecret.slice(6)), 'lists never show secrets');
  });

  test('bad URLs and events are refused with their field, and nothing is saved', async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks bad' });
    const cases = [
      [{ url: 'not a url', events: ['ticket.updated'] }, 'url'],
      [{ url: 'ftp://example.com/', events: ['ticket.updated'] }, 'url'],
      [{ url: 'http://example.com/hook', events: ['ticket.updated'] }, 'url'],
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['ticket.updated'] }, 'url'],
      [{ url: 'https://[fe80::1]/', events: ['ticket.updated'] }, 'url'],
      [{ url: 'https://user:pw@example.com/', events: ['ticket.updated'] }, 'url'],
      [{ url: 'https://example.com:99999/', events: ['ticket.updated'] }, 'url'],
      [{ url: `${receiver.url}/x`, events: [] }, 'events'],
      [{ url: `${receiver.url}/x`, events: ['chat.*'] }, 'events'],
      [{ url: `${receiver.url}/x` }, 'events'],
      [{ events: ['ticket.updated'] }, 'url'],
    ];
    for (const [body, field] of cases) {
      const res = await a.client.post(HOOKS, body);
      expectError(res, 400, 'validation_failed');
      assert.equal(res.json.error.field, field, JSON.stringify(body));
    }
    expectError(await a.client.post(HOOKS, { url: `${receiver.url}/x`, events: 'ticket.updated' }), 400, 'invalid_request');
    assert.deepEqual((await a.client.get(HOOKS)).json.items, []);
  });

  test("another account's endpoint is 404; keys, staff and strangers are refused", async () => {
    const a = await newCustomer(ctx.url, { company: 'Hooks A2' });
    const b = await newCustomer(ctx.url, { company: 'Hooks B2' });
    const { endpoint } = await addEndpoint(a.client, '/private', ['ticket.updated']);
    for (const [method, path] of [
      ['GET', `${HOOKS}/${endpoint.id}`],
      ['PATCH', `${HOOKS}/${endpoint.id}`],
      ['DELETE', `${HOOKS}/${endpoint.id}`],
      ['POST', `${HOOKS}/${endpoint.id}/test`],
      ['POST', `${HOOKS}/${endpoint.id}/rotate-secret`],
      ['GET', `${HOOKS}/${endpoint.id}/deliveries`],
    ]) {
      const res = await b.client.request(method, path, method === 'PATCH' ? { json: { enabled: false } } : {});
      expectError(res, 404, 'not_found');
    }
    assert.equal((await a.client.get(`${HOOKS}/${endpoint.id}`)).json.endpoint.enabled, true);
    const { secret } = await createKey(a);
    expectError(await new KeyClient(ctx.url, secret).get(HOOKS), 403, 'forbidden');
    expectError(await new KeyClient(ctx.url, secret).post(`${HOOKS}/${endpoint.id}/test`), 403, 'forbidden');
  });
});

describe('a restart mid-queue loses nothing', () => {
  test('deliveries queued while the receiver is down arrive after the server restarts', async () => {
    let server = await TexturaServer.start({ env: ENV });
    try {
      const own = await Receiver.start();
      const a = await newCustomer(server.url, { company: 'Hooks restart' });
      const res = await a.client.post(HOOKS, { url: `${own.url}/r`, events: ['ticket.message_created'] });
      assert.equal(res.status, 201, res.text);
      const secret = res.json.secret;
      await own.stop(); // the receiver is down: every try fails and is rescheduled
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await createTicket(a.client, { title: `Queued ${i}` })).ticket.id);
      await sleep(300);
      await server.stop({ cleanup: false });
      const back = await Receiver.startOn(own.port);
      try {
        const second = await TexturaServer.start({ env: ENV, root: server.root, databaseUrl: server.databaseUrl });
        second.adopt(server);
        server = second;
        const got = await back.waitFor((r) => new Set(r.map((x) => JSON.parse(x.body).data.ticket.id)).size >= 5, { what: 'five tickets', timeoutMs: 30000 });
        const seen = new Set(got.map((x) => JSON.parse(x.body).data.ticket.id));
        for (const id of ids) assert.ok(seen.has(id), `ticket ${id} delivered`);
        assert.ok(got.every((x) => verifySignature(secret, x)));
      } finally {
        await back.stop();
      }
    } finally {
      await server.stop();
    }
  });
});
