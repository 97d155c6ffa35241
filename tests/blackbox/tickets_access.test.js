// Who may see and touch which ticket: another account's tickets are 404 on every
// endpoint (and stay unchanged), malformed ids are 404, staff see everything and
// write on the team side, and every endpoint needs a session (and CSRF on writes).

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import {
  TICKETS,
  allMessages,
  createTicket,
  getTicket,
  ids,
  listAll,
  newCustomer,
  newStaff,
  postMessage,
  summary,
} from '../lib/tickets.js';

const ctx = useServer();

let a; // customer of account A
let b; // customer of account B
let staff;
let aTicket;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Account A' });
    b = await newCustomer(ctx.url, { company: 'Account B' });
    staff = await newStaff(ctx.server, { name: 'Sam Staff' });
    aTicket = (await createTicket(a.client, { title: 'A private problem', body: 'Only A and the team may read this.' })).ticket;
    await postMessage(staff.client, aTicket.id, 'Team reply to A');
  })();
  return setup;
}

// Everything A and the staff can observe about A's ticket.
async function stateOfA() {
  return {
    ticket: await getTicket(a.client, aTicket.id),
    messages: await allMessages(a.client, aTicket.id),
    staffTicket: await getTicket(staff.client, aTicket.id),
    summary: await summary(a.client),
  };
}

describe("another account's ticket is 404 on every endpoint, and nothing changes", () => {
  before(people);

  const attempts = [
    ['GET /tickets/{id}', (c, id) => c.get(`${TICKETS}/${id}`)],
    ['GET /tickets/{id}/messages', (c, id) => c.get(`${TICKETS}/${id}/messages`)],
    ['GET /tickets/{id}/messages?after_id=0&limit=5', (c, id) => c.get(`${TICKETS}/${id}/messages?after_id=0&limit=5`)],
    ['POST /tickets/{id}/messages', (c, id) => c.post(`${TICKETS}/${id}/messages`, { body: 'B writes into A' })],
    ['POST /tickets/{id}/read', (c, id) => c.post(`${TICKETS}/${id}/read`)],
    ['POST /tickets/{id}/close', (c, id) => c.post(`${TICKETS}/${id}/close`)],
  ];
  for (const [what, attempt] of attempts) {
    test(`${what}: 404 not_found for B`, async () => {
      const before = await stateOfA();
      const res = await attempt(b.client, aTicket.id);
      expectError(res, 404, 'not_found');
      assert.doesNotMatch(res.text, /A private problem|Only A and the team/, 'the answer reveals nothing of the ticket');
      assert.deepEqual(await stateOfA(), before, "A's ticket did not change");
    });
  }

  test("the 404 for another account's ticket is the same as for a ticket that does not exist", async () => {
    const missing = aTicket.id + 1_000_000;
    const theirs = await b.client.get(`${TICKETS}/${aTicket.id}`);
    const none = await b.client.get(`${TICKETS}/${missing}`);
    assert.equal(theirs.status, none.status);
    assert.equal(theirs.json.error.code, none.json.error.code);
    assert.equal(theirs.json.error.message.replace(String(aTicket.id), 'N'), none.json.error.message.replace(String(missing), 'N'));
  });

  test("B's list, search and summary never include A's tickets", async () => {
    const { ticket: bTicket } = await createTicket(b.client, { title: 'B problem' });
    for (const params of [{}, { status: 'on_customer' }, { status: 'all' }, { q: 'private' }, { q: 'A' }, { q: 'problem' }]) {
      const list = await listAll(b.client, params);
      assert.ok(!ids(list).includes(aTicket.id), JSON.stringify(params));
      assert.ok(list.every((t) => t.account_id === b.account.id), JSON.stringify(params));
    }
    assert.deepEqual(ids(await listAll(b.client)), [bTicket.id]);
    assert.deepEqual(await summary(b.client), { unread_total: 0, counts: { on_customer: 1, done: 0 } });
    // A reference to A's ticket in B's message is not a link for B.
    const m = await postMessage(b.client, bTicket.id, `Like #${aTicket.id}?`);
    assert.deepEqual(m.references, []);
  });

  test("B cannot name A's ticket as follow_up_of", async () => {
    const before = await listAll(b.client);
    const res = await b.client.post(TICKETS, { title: 'follow-up', body: 'x', category: 'question', follow_up_of: aTicket.id });
    expectError(res, 400, 'validation_failed', 'follow_up_of');
    assert.deepEqual(await listAll(b.client), before);
  });
});

describe('malformed ticket ids are 404 JSON on every endpoint', () => {
  before(people);
  const badIds = ['abc', '-1', '0', '1.5', '1e3', '%20', '99999999999999999999', '9223372036854775807', '9223372036854775808', '0x10', `${'9'.repeat(40)}`];
  const endpoints = [
    ['GET', ''],
    ['GET', '/messages'],
    ['POST', '/messages'],
    ['POST', '/read'],
    ['POST', '/close'],
  ];
  for (const id of badIds) {
    test(`/tickets/${id}`, async () => {
      for (const client of [a.client, staff.client]) {
        for (const [method, suffix] of endpoints) {
          const res = await client.request(method, `${TICKETS}/${id}${suffix}`, method === 'POST' ? { json: { body: 'hello' } } : {});
          expectError(res, 404, 'not_found');
        }
      }
      assert.equal((await getTicket(a.client, aTicket.id)).message_count, 2, 'nothing was written anywhere');
    });
  }
});

describe('staff', () => {
  before(people);

  test("staff see every account's tickets and messages, with account_name", async () => {
    const { ticket: bTicket } = await createTicket(b.client, { title: 'B needs help' });
    const list = await listAll(staff.client);
    const byId = new Map(list.map((t) => [t.id, t]));
    assert.equal(byId.get(aTicket.id).account_name, 'Account A');
    assert.equal(byId.get(aTicket.id).account_id, a.account.id);
    assert.equal(byId.get(bTicket.id).account_name, 'Account B');
    assert.equal((await getTicket(staff.client, bTicket.id)).account_name, 'Account B');
    const messages = await allMessages(staff.client, aTicket.id);
    assert.deepEqual(messages.map((m) => m.author.side), ['customer', 'team']);
    assert.equal(messages[0].author.id, a.user.id);
  });

  test('staff messages are always on the team side, admins too; customers always on the customer side', async () => {
    const admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
    const { ticket } = await createTicket(a.client);
    const s = await postMessage(staff.client, ticket.id, 'from staff');
    const ad = await postMessage(admin.client, ticket.id, 'from admin');
    const c = await postMessage(a.client, ticket.id, 'from the customer');
    assert.deepEqual(s.author, { id: staff.user.id, name: 'Sam Staff', side: 'team' });
    assert.deepEqual(ad.author, { id: admin.user.id, name: 'Ada Admin', side: 'team' });
    assert.deepEqual(c.author, { id: a.user.id, name: a.user.name, side: 'customer' });
    const seenByA = await allMessages(a.client, ticket.id);
    assert.deepEqual(seenByA.map((m) => m.author.side), ['customer', 'team', 'team', 'customer']);
    // Staff may close any account's ticket.
    const res = await admin.client.post(`${TICKETS}/${ticket.id}/close`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.ticket.status, 'done');
  });
});

describe('sessions and CSRF', () => {
  before(people);

  test('every endpoint answers 401 without a session', async () => {
    const anonymous = new Client(ctx.url);
    const paths = [
      ['GET', TICKETS],
      ['POST', TICKETS],
      ['GET', `${TICKETS}/summary`],
      ['GET', `${TICKETS}/${aTicket.id}`],
      ['GET', `${TICKETS}/${aTicket.id}/messages`],
      ['POST', `${TICKETS}/${aTicket.id}/messages`],
      ['POST', `${TICKETS}/${aTicket.id}/read`],
      ['POST', `${TICKETS}/${aTicket.id}/close`],
      ['GET', `${TICKETS}/abc`],
    ];
    const before = await stateOfA();
    for (const [method, path] of paths) {
      const res = await anonymous.request(method, path, method === 'POST' ? { json: { body: 'x', title: 'x', category: 'question' } } : {});
      expectError(res, 401, 'unauthenticated');
    }
    assert.deepEqual(await stateOfA(), before);
  });

  test('writes without the CSRF header: 403 csrf_failed, nothing changes', async () => {
    const { ticket } = await createTicket(a.client);
    await postMessage(staff.client, ticket.id, 'reply');
    const snapshot = async () => ({ t: await getTicket(a.client, ticket.id), m: await allMessages(a.client, ticket.id), s: await summary(a.client) });
    const before = await snapshot();
    for (const client of [a.client, staff.client]) {
      expectError(await client.post(`${TICKETS}/${ticket.id}/messages`, { body: 'x' }, { csrf: false }), 403, 'csrf_failed');
      expectError(await client.post(`${TICKETS}/${ticket.id}/read`, undefined, { csrf: false }), 403, 'csrf_failed');
      expectError(await client.post(`${TICKETS}/${ticket.id}/close`, undefined, { csrf: false }), 403, 'csrf_failed');
      expectError(await client.post(`${TICKETS}/${ticket.id}/close`, undefined, { csrf: 'wrong-token-wrong-token' }), 403, 'csrf_failed');
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal(before.t.unread_count, 1, 'the unread reply stays unread');
  });
});
