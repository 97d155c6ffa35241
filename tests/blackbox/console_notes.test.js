// Internal notes never leak: a note's text never appears in anything a customer can
// fetch (ticket, list, messages, summaries) or receive (events), while staff see the
// note, its count, and a ticket.note_created event. Customers cannot reach notes.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectError, sleep } from '../lib/expect.js';
import { addNote, history } from '../lib/console.js';
import { useServer } from '../lib/server.js';
import {
  TICKETS,
  allMessages,
  closeTicket,
  createTicket,
  getTicket,
  listAll,
  newCustomer,
  newStaff,
  openEvents,
  postMessage,
  summary,
} from '../lib/tickets.js';

const ctx = useServer();
const SECRET = 'SECRET-NOTE-7f3a customer is on the legacy plan, do not offer refunds';
const MARK = 'SECRET-NOTE-7f3a';

let a;
let b;
let staff;
let ticket;
let customerSocket;
let staffSocket;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { name: 'Anna', company: 'Notes A' });
    b = await newCustomer(ctx.url, { name: 'Boris', company: 'Notes B' });
    staff = await newStaff(ctx.server, { name: 'Sam Staff' });
    ticket = (await createTicket(a.client, { title: 'Refund question' })).ticket;
    customerSocket = await openEvents(ctx.url, a.client, { name: 'customer' });
    staffSocket = await openEvents(ctx.url, staff.client, { name: 'staff' });
  })();
  return setup;
}

after(() => {
  customerSocket?.close();
  staffSocket?.close();
});

// Everything the customer can fetch, as text.
async function customerSees() {
  const texts = [];
  for (const path of [`${TICKETS}/${ticket.id}`, `${TICKETS}/${ticket.id}/messages?limit=100`, TICKETS, `${TICKETS}/summary`, `${TICKETS}?q=legacy`]) {
    const res = await a.client.get(path);
    assert.equal(res.status, 200, path);
    texts.push(res.text);
  }
  return texts.join('\n');
}

describe('internal notes', () => {
  before(people);

  test('staff add a note: 201, listed oldest first, counted in note_count, event to staff only', async () => {
    const before = await getTicket(a.client, ticket.id);
    const customerFrames = customerSocket.count;
    const staffFrames = staffSocket.count;
    const note = await addNote(staff.client, ticket.id, SECRET);
    assert.equal(note.body, SECRET);
    assert.deepEqual(note.author, { id: staff.user.id, name: 'Sam Staff' });
    assert.equal(note.ticket_id, ticket.id);
    assert.deepEqual(note.attachments, []);

    const frames = await staffSocket.waitFrames(2, { from: staffFrames });
    const created = frames.find((f) => f.type === 'ticket.note_created');
    assert.ok(created, JSON.stringify(frames));
    assert.equal(created.note.body, SECRET);
    const updated = frames.find((f) => f.type === 'ticket.updated');
    assert.equal(updated.ticket.note_count, 1);

    await sleep(500);
    assert.equal(customerSocket.count, customerFrames, 'the customer hears nothing of a note');

    const after = await getTicket(a.client, ticket.id);
    assert.deepEqual(after, before, "the customer's ticket did not change at all");
    const list = await staff.client.get(`${TICKETS}/${ticket.id}/notes`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.items.map((n) => n.body), [SECRET]);
    assert.equal((await getTicket(staff.client, ticket.id)).note_count, 1);
    assert.equal((await getTicket(staff.client, ticket.id)).message_count, 1, 'a note is not a message');
    assert.deepEqual((await history(staff.client, ticket.id)).map((h) => h.kind), ['created', 'note_added']);
  });

  test("the note's text appears nowhere a customer can look, before and after more activity", async () => {
    assert.doesNotMatch(await customerSees(), new RegExp(MARK));
    const customerFrames = customerSocket.count;
    await postMessage(staff.client, ticket.id, 'We are looking into it.');
    // The customer's socket is alive: the team's reply reaches it (so the checks of its
    // frames below cannot pass on a socket that hears nothing at all).
    const created = (frames) => frames.some((f) => f.type === 'ticket.message_created');
    let heard = [];
    for (let n = 1; n <= 3 && !created(heard); n += 1) {
      heard = await customerSocket.waitFrames(n, { from: customerFrames });
    }
    assert.ok(created(heard), JSON.stringify(heard));
    await postMessage(a.client, ticket.id, 'Thanks!');
    await addNote(staff.client, ticket.id, `${MARK} second note`);
    assert.doesNotMatch(await customerSees(), new RegExp(MARK));
    for (const m of await allMessages(staff.client, ticket.id)) assert.doesNotMatch(m.body, new RegExp(MARK), 'not in messages, for staff either');
    assert.deepEqual((await listAll(a.client, { q: 'legacy' })).length, 0);
    assert.equal((await summary(a.client)).unread_total, 0);
    await sleep(500);
    assert.ok(customerSocket.frames.length > 0, 'the customer socket received frames');
    for (const f of customerSocket.frames) {
      assert.doesNotMatch(JSON.stringify(f), new RegExp(MARK));
      assert.ok(!['ticket.note_created', 'ticket.presence', 'ticket.sla_breached'].includes(f.type), f.type);
      if (f.ticket) for (const key of ['assignee', 'sla', 'note_count', 'account']) assert.equal(key in f.ticket, false, `customer events carry no ${key}`);
    }
  });

  test('customers cannot read or write notes, on their own ticket or any other: 404', async () => {
    expectError(await a.client.get(`${TICKETS}/${ticket.id}/notes`), 404, 'not_found');
    expectError(await a.client.post(`${TICKETS}/${ticket.id}/notes`, { body: 'customer note' }), 404, 'not_found');
    expectError(await b.client.get(`${TICKETS}/${ticket.id}/notes`), 404, 'not_found');
    const notes = await staff.client.get(`${TICKETS}/${ticket.id}/notes`);
    assert.ok(notes.json.items.every((n) => n.author.id === staff.user.id));
  });

  test('bad notes: empty, too long, wrong types, unknown fields, attachments, unknown tickets', async () => {
    const url = `${TICKETS}/${ticket.id}/notes`;
    expectError(await staff.client.post(url, { body: '   ' }), 400, 'validation_failed', 'body');
    expectError(await staff.client.post(url, {}), 400, 'validation_failed', 'body');
    expectError(await staff.client.post(url, { body: 'x'.repeat(20001) }), 400, 'validation_failed', 'body');
    expectError(await staff.client.post(url, { body: 5 }), 400, 'invalid_request', 'body');
    expectError(await staff.client.post(url, { body: 'ok', private: true }), 400, 'invalid_request');
    expectError(await staff.client.post(url, { body: 'ok', attachment_ids: [1] }), 400, 'validation_failed', 'attachment_ids');
    expectError(await staff.client.post(`${TICKETS}/999999/notes`, { body: 'ok' }), 404, 'not_found');
    expectError(await staff.client.get(`${TICKETS}/999999/notes`), 404, 'not_found');
    expectError(await staff.client.get(`${TICKETS}/x/notes`), 404, 'not_found');
    const res = await staff.client.post(url, { body: 'csrf?' }, { csrf: false });
    expectError(res, 403, 'csrf_failed');
    const count = (await staff.client.get(url)).json.items.length;
    assert.equal(count, 2, 'nothing was added by the rejected requests');
  });

  test('notes are allowed on Done tickets', async () => {
    const done = (await createTicket(a.client, { title: 'Done one' })).ticket;
    await closeTicket(a.client, done.id);
    const note = await addNote(staff.client, done.id, `${MARK} post-mortem`);
    assert.equal(note.ticket_id, done.id);
    assert.doesNotMatch((await a.client.get(`${TICKETS}/${done.id}`)).text, new RegExp(MARK));
  });
});
