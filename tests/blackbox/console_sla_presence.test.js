// The reply clock in operation: a background job (every second here) records a
// passed reply target once — one sla_breached history entry and one
// ticket.sla_breached event to staff, never to the customer — and not again after a
// restart. Presence: staff heartbeats show who else is viewing or typing, as events to
// staff only.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError, sleep } from '../lib/expect.js';
import { backdateDue, history } from '../lib/console.js';
import { TexturaServer } from '../lib/server.js';
import { TICKETS, createTicket, getTicket, newCustomer, newStaff, openEvents, postMessage } from '../lib/tickets.js';

const ENV = { TEXTURA_SLA_CHECK_INTERVAL_SECONDS: '1' };

let server;
let a;
let sam;
let zoe;
let customerSocket;
let samSocket;
let setup;
function people() {
  setup ??= (async () => {
    server = await TexturaServer.start({ env: ENV });
    a = await newCustomer(server.url, { name: 'Anna', company: 'SLA A' });
    sam = await newStaff(server, { name: 'Sam Staff' });
    zoe = await newStaff(server, { name: 'Zoe Staff' });
    customerSocket = await openEvents(server.url, a.client, { name: 'customer' });
    samSocket = await openEvents(server.url, sam.client, { name: 'sam' });
  })();
  return setup;
}
after(async () => {
  customerSocket?.close();
  samSocket?.close();
  if (server && !server.exit) await server.stop();
});

const breaches = async (client, id) => (await history(client, id)).filter((e) => e.kind === 'sla_breached');
const framesOf = (socket, type, from = 0) => socket.frames.slice(from).filter((f) => f.type === type);

// The `count` frames of `type` after `from`, waiting up to 8 s for them.
async function waitType(socket, type, from, count = 1) {
  const deadline = Date.now() + 8000;
  while (framesOf(socket, type, from).length < count && Date.now() < deadline) await sleep(50);
  const got = framesOf(socket, type, from);
  assert.ok(got.length >= count, `${socket.name}: no ${type} frame: ${JSON.stringify(socket.frames.slice(from))}`);
  return got;
}

describe('presence', () => {
  before(people);

  test('heartbeats show the other staff on the ticket; changes reach staff as ticket.presence, never the customer', async () => {
    const zoeSocket = await openEvents(server.url, zoe.client, { name: 'zoe' });
    const customer = await openEvents(server.url, a.client, { name: 'customer-2' });
    try {
      const { ticket } = await createTicket(a.client, { title: 'Who is here' });
      const url = `${TICKETS}/${ticket.id}/presence`;
      await zoeSocket.waitFrames(2); // the new ticket's message_created and ticket.updated
      const zoeFrom = zoeSocket.count;
      const first = await sam.client.post(url, { state: 'viewing' });
      assert.equal(first.status, 200, first.text);
      assert.deepEqual(first.json, { viewers: [] });
      const [seen] = await waitType(zoeSocket, 'ticket.presence', zoeFrom);
      assert.deepEqual(seen, { type: 'ticket.presence', ticket_id: ticket.id, viewers: [{ id: sam.user.id, name: 'Sam Staff', typing: false }] });

      const typing = await zoe.client.post(url, { state: 'typing' });
      assert.deepEqual(typing.json, { viewers: [{ id: sam.user.id, name: 'Sam Staff', typing: false }] });
      const again = await sam.client.post(url, { state: 'viewing' });
      assert.deepEqual(again.json, { viewers: [{ id: zoe.user.id, name: 'Zoe Staff', typing: true }] });

      const zoeLeft = zoeSocket.count;
      await sam.client.post(url, { state: 'left' });
      const [gone] = await waitType(zoeSocket, 'ticket.presence', zoeLeft);
      assert.deepEqual(gone.viewers, []);

      await sleep(300);
      assert.equal(customer.frames.filter((f) => f.type === 'ticket.presence').length, 0);

      expectError(await sam.client.post(url, { state: 'away' }), 400, 'validation_failed', 'state');
      expectError(await sam.client.post(url, {}), 400, 'validation_failed', 'state');
      expectError(await sam.client.post(url, { state: 'viewing', extra: 1 }), 400, 'invalid_request');
      expectError(await a.client.post(url, { state: 'viewing' }), 403, 'forbidden');
      expectError(await sam.client.post(`${TICKETS}/999999/presence`, { state: 'viewing' }), 404, 'not_found');
    } finally {
      zoeSocket.close();
      customer.close();
    }
  });
});

describe('breached reply targets', () => {
  before(people);

  test('one history entry and one event per breach; the ticket turns red for staff', async () => {
    const { ticket } = await createTicket(a.client, { category: 'critical', title: 'Site is down' });
    const from = samSocket.count;
    const customerFrom = customerSocket.count;
    await backdateDue(server, ticket.id, 3600_000);
    const [event] = await waitType(samSocket, 'ticket.sla_breached', from);
    assert.ok(event, 'staff heard of the breach');
    assert.equal(event.ticket_id, ticket.id);
    assert.equal(event.ticket.sla.state, 'breached');
    assert.ok(event.ticket.sla.business_seconds_left < 0);

    await sleep(2500); // more runs of the job
    assert.equal(framesOf(samSocket, 'ticket.sla_breached', from).length, 1, 'one event per breach');
    const entries = await breaches(sam.client, ticket.id);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].actor, null);
    assert.equal(entries[0].details.due_at, (await getTicket(sam.client, ticket.id)).reply_due_at);
    const heard = customerSocket.frames.slice(customerFrom);
    assert.equal(heard.filter((f) => f.type === 'ticket.sla_breached').length, 0, 'the customer hears nothing of it');
    assert.ok(heard.every((f) => !f.ticket || !('sla' in f.ticket)), JSON.stringify(heard));

    // A reply stops the clock; a new customer message starts a new target and a new breach.
    await postMessage(sam.client, ticket.id, 'On it');
    await postMessage(a.client, ticket.id, 'Still down');
    await backdateDue(server, ticket.id, 60_000);
    const deadline2 = Date.now() + 8000;
    while ((await breaches(sam.client, ticket.id)).length < 2 && Date.now() < deadline2) await sleep(200);
    assert.equal((await breaches(sam.client, ticket.id)).length, 2);
  });

  // Last: it restarts the server, and the clients above talk to the first one.
  test('a restart does not record a breach again', async () => {
    const { ticket } = await createTicket(a.client, { category: 'critical', title: 'Restart check' });
    await backdateDue(server, ticket.id, 3600_000);
    const deadline = Date.now() + 8000;
    while ((await breaches(sam.client, ticket.id)).length === 0 && Date.now() < deadline) await sleep(200);
    assert.equal((await breaches(sam.client, ticket.id)).length, 1);
    customerSocket.close();
    samSocket.close();
    await server.stop({ cleanup: false });
    const second = await TexturaServer.start({ env: ENV, root: server.root, databaseUrl: server.databaseUrl });
    second.adopt(server);
    server = second;
    await sleep(2500);
    const again = new Client(server.url);
    again.session = sam.client.session;
    again.csrfToken = sam.client.csrfToken;
    assert.equal((await breaches(again, ticket.id)).length, 1);
  });
});
