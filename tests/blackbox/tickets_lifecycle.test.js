// A ticket's life: who owes the next reply and by when, closing (final: no new
// messages, no reopening), messages and their paging and #references, and unread
// counts on both sides.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import {
  TICKETS,
  addBusinessHours,
  allMessages,
  closeTicket,
  customerFields,
  createTicket,
  getTicket,
  isWithinWorkingHours,
  listAll,
  markRead,
  moscowDate,
  newCustomer,
  newStaff,
  postMessage,
  summary,
  toIso,
  workingHoursOn,
} from '../lib/tickets.js';

const ctx = useServer();
const HOUR = 3600_000;

let customer;
let staff;
let setup;
function people() {
  setup ??= (async () => {
    customer = await newCustomer(ctx.url, { name: 'Ivan Customer' });
    staff = await newStaff(ctx.server, { name: 'Anna Support' });
  })();
  return setup;
}

describe('statuses and who owes the next reply', () => {
  before(people);

  test('new: on_customer, awaiting the team, reply due; a team reply: awaiting the customer, nothing due', async () => {
    const { ticket } = await createTicket(customer.client, { category: 'critical' });
    assert.equal(ticket.status, 'on_customer');
    assert.equal(ticket.awaiting, 'team');
    assert.notEqual(ticket.reply_due_at, null);

    const reply = await postMessage(staff.client, ticket.id, 'Could you send a screenshot?');
    assert.equal(reply.author.side, 'team');
    assert.deepEqual(reply.author, { id: staff.user.id, name: 'Anna Support', side: 'team' });
    let t = await getTicket(customer.client, ticket.id);
    assert.equal(t.status, 'on_customer');
    assert.equal(t.awaiting, 'customer');
    assert.equal(t.reply_due_at, null);
    assert.equal(t.message_count, 2);
    assert.equal(t.last_message_at, reply.created_at);
    assert.equal(t.updated_at, reply.created_at);

    // A second team message: still the customer's turn.
    await postMessage(staff.client, ticket.id, 'And the chat link, please.');
    t = await getTicket(customer.client, ticket.id);
    assert.equal(t.awaiting, 'customer');
    assert.equal(t.reply_due_at, null);

    // The customer answers: the team owes a reply again, due 4 h after that message.
    const answer = await postMessage(customer.client, ticket.id, 'Here it is.');
    assert.deepEqual(answer.author, { id: customer.user.id, name: 'Ivan Customer', side: 'customer' });
    t = await getTicket(customer.client, ticket.id);
    assert.equal(t.status, 'on_customer');
    assert.equal(t.awaiting, 'team');
    assert.equal(t.reply_due_at, toIso(Date.parse(answer.created_at) + 4 * HOUR));
    assert.equal(t.message_count, 4);

    // Another customer message while the team owes a reply does not move the target.
    const due = t.reply_due_at;
    await new Promise((r) => setTimeout(r, 1100));
    await postMessage(customer.client, ticket.id, 'Also: it started yesterday.');
    t = await getTicket(customer.client, ticket.id);
    assert.equal(t.awaiting, 'team');
    assert.equal(t.reply_due_at, due, 'the clock runs from the first unanswered customer message');
    assert.equal(t.message_count, 5);
  });

  test('staff see the same status, awaiting and due time', async () => {
    const { ticket } = await createTicket(customer.client, { category: 'question' });
    const seen = await getTicket(staff.client, ticket.id);
    for (const f of ['status', 'awaiting', 'reply_due_at', 'created_at', 'account_id', 'account_name', 'message_count']) {
      assert.deepEqual(seen[f], ticket[f], f);
    }
    assert.equal(seen.account_name, customer.account.name);
  });
});

describe('reply_due_at (built-in calendar: Mon–Fri 10:00–19:00 Europe/Moscow, Russian holidays)', () => {
  before(people);

  test('critical: exactly 4 hours after the ticket was created, around the clock', async () => {
    const { ticket } = await createTicket(customer.client, { category: 'critical' });
    assert.equal(ticket.reply_due_at, toIso(Date.parse(ticket.created_at) + 4 * HOUR));
  });

  for (const [category, businessHours] of [['question', 9], ['feature_request', 18]]) {
    test(`${category}: ${businessHours / 9} business day(s) of 9 h after creation, within working hours`, async () => {
      const { ticket } = await createTicket(customer.client, { category });
      const created = Date.parse(ticket.created_at);
      const due = Date.parse(ticket.reply_due_at);
      assert.ok(due > created, `${ticket.reply_due_at} is after ${ticket.created_at}`);
      assert.ok(isWithinWorkingHours(due), `${ticket.reply_due_at} is within working hours`);
      const local = new Date(due + 3 * HOUR);
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
      assert.ok(minutes >= 600 && minutes <= 1140, `${ticket.reply_due_at} is between 10:00 and 19:00 Moscow time`);
      const weekday = local.getUTCDay();
      const workingWeekend = (weekday === 0 || weekday === 6) && workingHoursOn(moscowDate(due)) !== null;
      assert.ok((weekday >= 1 && weekday <= 5) || workingWeekend, `${ticket.reply_due_at} is not on a weekend`);
      assert.ok(due - created >= businessHours * HOUR, 'at least the business time itself');
      assert.equal(ticket.reply_due_at, toIso(addBusinessHours(created, businessHours)), 'the exact business-time target');
    });
  }
});

describe('closing: Done is final', () => {
  before(people);

  for (const who of ['customer', 'staff']) {
    test(`closed by the ${who}: done, nothing owed, closed_at set; closing again is 200 and changes nothing`, async () => {
      const { ticket } = await createTicket(customer.client, { category: 'critical' });
      const closer = who === 'customer' ? customer.client : staff.client;
      const closed = await closeTicket(closer, ticket.id);
      assert.equal(closed.status, 'done');
      assert.equal(closed.awaiting, null);
      assert.equal(closed.reply_due_at, null);
      assert.notEqual(closed.closed_at, null);
      assert.ok(Date.parse(closed.closed_at) >= Date.parse(ticket.created_at));
      assert.ok(Date.parse(closed.closed_at) <= Date.now() + 1000);
      assert.equal(closed.message_count, 1);
      assert.equal(closed.title, ticket.title);
      assert.equal(closed.created_at, ticket.created_at);

      const forCustomer = await getTicket(customer.client, ticket.id);
      const forStaff = await getTicket(staff.client, ticket.id);
      for (const t of [forCustomer, forStaff]) {
        assert.equal(t.status, 'done');
        assert.equal(t.closed_at, closed.closed_at);
        assert.equal(t.awaiting, null);
        assert.equal(t.reply_due_at, null);
      }

      await new Promise((r) => setTimeout(r, 1100));
      for (const again of [customer.client, staff.client]) {
        const res = await again.post(`${TICKETS}/${ticket.id}/close`);
        assert.equal(res.status, 200, res.text);
        const { unread_count: _u1, ...a } = customerFields(res.json.ticket);
        const { unread_count: _u2, ...b } = customerFields(closed);
        assert.deepEqual(a, b, 'closing a Done ticket changes nothing');
      }
      const { unread_count: _u3, ...now } = await getTicket(customer.client, ticket.id);
      const { unread_count: _u4, ...then } = customerFields(closed);
      assert.deepEqual(now, then);
    });
  }

  test('a Done ticket takes no messages, from the customer or staff: 409 ticket_closed, nothing added', async () => {
    const { ticket } = await createTicket(customer.client);
    await postMessage(staff.client, ticket.id, 'Fixed, please check.');
    const closed = await closeTicket(customer.client, ticket.id);
    const messages = await allMessages(customer.client, ticket.id);
    const sums = { customer: await summary(customer.client), staff: await summary(staff.client) };
    for (const client of [customer.client, staff.client]) {
      const res = await client.post(`${TICKETS}/${ticket.id}/messages`, { body: 'One more thing' });
      expectError(res, 409, 'ticket_closed');
    }
    assert.deepEqual(await allMessages(customer.client, ticket.id), messages);
    assert.deepEqual(await allMessages(staff.client, ticket.id), messages);
    const after = await getTicket(customer.client, ticket.id);
    assert.equal(after.status, 'done');
    assert.equal(after.message_count, closed.message_count);
    assert.equal(after.last_message_at, closed.last_message_at);
    assert.equal(after.updated_at, closed.updated_at);
    assert.deepEqual(await summary(customer.client), sums.customer);
    assert.deepEqual(await summary(staff.client), sums.staff);
  });

  test('there is no way to reopen: PUT/PATCH/DELETE/POST on the ticket answer 405, it stays done', async () => {
    const { ticket } = await createTicket(customer.client);
    const closed = await closeTicket(customer.client, ticket.id);
    for (const client of [customer.client, staff.client]) {
      for (const method of ['PATCH', 'PUT', 'POST', 'DELETE']) {
        const res = await client.request(method, `${TICKETS}/${ticket.id}`, { json: { status: 'on_customer' } });
        expectError(res, 405, 'method_not_allowed');
      }
      for (const path of ['reopen', 'open', 'status']) {
        const res = await client.post(`${TICKETS}/${ticket.id}/${path}`, { status: 'on_customer' });
        assert.ok([404, 405].includes(res.status), `POST .../${path}: ${res.status}`);
      }
      // Reading, marking read and closing again do not reopen it either.
      await markRead(client, ticket.id);
      await closeTicket(client, ticket.id);
    }
    const t = await getTicket(customer.client, ticket.id);
    assert.equal(t.status, 'done');
    assert.equal(t.closed_at, closed.closed_at);
    assert.equal(t.awaiting, null);
  });
});

describe('messages', () => {
  before(people);

  test('oldest first; after_id and limit page through them; next_cursor works as cursor', async () => {
    const { ticket, message: first } = await createTicket(customer.client, { body: 'message 0' });
    const written = [first];
    for (let i = 1; i < 7; i++) {
      const client = i % 2 ? staff.client : customer.client;
      written.push(await postMessage(client, ticket.id, `message ${i}`));
    }
    const all = await allMessages(customer.client, ticket.id);
    assert.deepEqual(all.map((m) => m.body), written.map((m) => m.body));
    assert.deepEqual(all.map((m) => m.id), written.map((m) => m.id));
    assert.deepEqual(all.map((m) => m.author.side), ['customer', 'team', 'customer', 'team', 'customer', 'team', 'customer']);
    for (let i = 1; i < all.length; i++) {
      assert.ok(all[i].id > all[i - 1].id);
      assert.ok(all[i].created_at >= all[i - 1].created_at);
    }

    // after_id
    let res = await customer.client.get(`${TICKETS}/${ticket.id}/messages?after_id=${all[2].id}`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.items.map((m) => m.id), all.slice(3).map((m) => m.id));
    assert.equal(res.json.next_cursor, null);
    res = await customer.client.get(`${TICKETS}/${ticket.id}/messages?after_id=${all[6].id}`);
    assert.deepEqual(res.json, { items: [], next_cursor: null });

    // limit + after_id walk
    const walked = [];
    let after = 0;
    for (let pages = 0; pages < 10; pages++) {
      res = await customer.client.get(`${TICKETS}/${ticket.id}/messages?limit=3&after_id=${after}`);
      assert.equal(res.status, 200, res.text);
      assert.ok(res.json.items.length <= 3);
      walked.push(...res.json.items);
      if (res.json.next_cursor === null) break;
      after = res.json.items.at(-1).id;
    }
    assert.deepEqual(walked.map((m) => m.id), all.map((m) => m.id));

    // limit + cursor walk
    const viaCursor = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      res = await staff.client.get(`${TICKETS}/${ticket.id}/messages?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(res.status, 200, res.text);
      viaCursor.push(...res.json.items);
      if (res.json.next_cursor === null) break;
      cursor = res.json.next_cursor;
    }
    assert.deepEqual(viaCursor.map((m) => m.id), all.map((m) => m.id));

    // Exactly a full last page still says where it ends.
    res = await customer.client.get(`${TICKETS}/${ticket.id}/messages?limit=7`);
    assert.equal(res.json.items.length, 7);
    assert.equal(res.json.next_cursor, null);
  });

  test('the default page is 20 messages', async () => {
    const { ticket } = await createTicket(customer.client, { body: 'message 0' });
    for (let i = 1; i < 22; i++) await postMessage(i % 2 ? staff.client : customer.client, ticket.id, `message ${i}`);
    const res = await customer.client.get(`${TICKETS}/${ticket.id}/messages`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.items.map((m) => m.body), Array.from({ length: 20 }, (_, i) => `message ${i}`));
    assert.equal(typeof res.json.next_cursor, 'string');
    const rest = await customer.client.get(`${TICKETS}/${ticket.id}/messages?cursor=${encodeURIComponent(res.json.next_cursor)}`);
    assert.deepEqual(rest.json.items.map((m) => m.body), ['message 20', 'message 21']);
    assert.equal(rest.json.next_cursor, null);
  });

  test('bad paging values: 400 validation_failed with the field', async () => {
    const { ticket } = await createTicket(customer.client);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=2.5', 'limit'],
      ['after_id=abc', 'after_id'],
      ['after_id=-5', 'after_id'],
      ['after_id=1.5', 'after_id'],
    ]) {
      const res = await customer.client.get(`${TICKETS}/${ticket.id}/messages?${query}`);
      expectError(res, 400, 'validation_failed', field);
    }
  });

  test('a message body: 1–20000 characters; rejected messages add nothing', async () => {
    const { ticket } = await createTicket(customer.client);
    const long = 'ж'.repeat(20000);
    assert.equal((await postMessage(customer.client, ticket.id, long)).body, long);
    const before = await allMessages(customer.client, ticket.id);
    const cases = [
      [400, 'validation_failed', 'body', { body: '' }],
      [400, 'validation_failed', 'body', { body: '   ' }],
      [400, 'validation_failed', 'body', {}],
      [400, 'validation_failed', 'body', { body: 'ж'.repeat(20001) }],
      [400, 'invalid_request', 'body', { body: 5 }],
      [400, 'invalid_request', 'text', { text: 'hello' }],
      [400, 'validation_failed', 'attachment_ids', { body: 'x', attachment_ids: [1] }],
      [400, 'invalid_request', 'attachment_ids', { body: 'x', attachment_ids: 'x' }],
    ];
    for (const [status, code, field, json] of cases) {
      for (const client of [customer.client, staff.client]) {
        expectError(await client.post(`${TICKETS}/${ticket.id}/messages`, json), status, code, field);
      }
    }
    expectError(await customer.client.request('POST', `${TICKETS}/${ticket.id}/messages`, { body: 'hello', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    expectError(await customer.client.post(`${TICKETS}/${ticket.id}/messages`, { body: 'x' }, { csrf: false }), 403, 'csrf_failed');
    assert.deepEqual(await allMessages(customer.client, ticket.id), before);
    assert.equal((await getTicket(customer.client, ticket.id)).message_count, before.length);
  });

  test('#references list only the tickets the reader may open', async () => {
    const other = await newCustomer(ctx.url);
    const { ticket: foreign } = await createTicket(other.client, { title: 'Foreign ticket' });
    const { ticket: mine } = await createTicket(customer.client, { title: 'My older ticket' });
    const missing = foreign.id + 100000;
    const body = `See #${mine.id}, #${foreign.id} and #${missing}; again #${mine.id}.`;
    const { ticket, message } = await createTicket(customer.client, { body });
    assert.deepEqual(message.references, [mine.id], 'the author sees only their own account\'s ticket');

    const forStaff = (await allMessages(staff.client, ticket.id))[0];
    assert.deepEqual([...forStaff.references].sort((a, b) => a - b), [mine.id, foreign.id].sort((a, b) => a - b));
    assert.equal(forStaff.body, body);

    // A staff message naming both: the customer sees only their own.
    const reply = await postMessage(staff.client, ticket.id, `Related: #${foreign.id} and #${mine.id} and #${missing}`);
    assert.deepEqual([...reply.references].sort((a, b) => a - b), [mine.id, foreign.id].sort((a, b) => a - b));
    const seen = (await allMessages(customer.client, ticket.id))[1];
    assert.deepEqual(seen.references, [mine.id]);
    assert.equal(seen.body, `Related: #${foreign.id} and #${mine.id} and #${missing}`, 'the body itself is unchanged');

    // No references at all.
    assert.deepEqual((await postMessage(customer.client, ticket.id, 'Nothing to see, #abc, # 12')).references, []);
  });
});

describe('unread counts', () => {
  before(people);

  test("team replies count for the customer; the customer's own messages never do; read resets", async () => {
    const me = await newCustomer(ctx.url);
    const { ticket } = await createTicket(me.client);
    const { ticket: quiet } = await createTicket(me.client);
    assert.equal((await summary(me.client)).unread_total, 0);

    await postMessage(staff.client, ticket.id, 'First reply');
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 1);
    assert.equal((await summary(me.client)).unread_total, 1);

    await postMessage(staff.client, ticket.id, 'Second reply');
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 2);
    assert.equal((await summary(me.client)).unread_total, 2);
    assert.equal((await getTicket(me.client, quiet.id)).unread_count, 0);

    const inList = (await listAll(me.client)).find((t) => t.id === ticket.id);
    assert.equal(inList.unread_count, 2, 'the list shows the same count');

    // The customer writes: its own message is never unread,
    // and whoever writes in a ticket has read it (docs/support.md).
    await postMessage(me.client, ticket.id, 'My own answer');
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 0, 'writing reads the ticket');
    assert.equal((await summary(me.client)).unread_total, 0);
    await postMessage(staff.client, ticket.id, 'Reply to your answer');
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 1, 'own messages do not count');

    await markRead(me.client, ticket.id);
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 0);
    assert.equal((await summary(me.client)).unread_total, 0);
    assert.equal((await listAll(me.client)).find((t) => t.id === ticket.id).unread_count, 0);

    await postMessage(staff.client, quiet.id, 'Reply on the other ticket');
    await postMessage(staff.client, ticket.id, 'Third reply');
    assert.equal((await summary(me.client)).unread_total, 2);
    await markRead(me.client, quiet.id);
    assert.equal((await summary(me.client)).unread_total, 1);
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 1);

    // Reading again, and reading a Done ticket, are fine.
    await markRead(me.client, quiet.id);
    await closeTicket(me.client, ticket.id);
    assert.equal((await summary(me.client)).unread_total, 1, 'closing does not read the ticket');
    await markRead(me.client, ticket.id);
    assert.equal((await summary(me.client)).unread_total, 0);
  });

  test('staff: customer messages count, team messages never do; read resets for that staff member only', async () => {
    const me = await newCustomer(ctx.url);
    const colleague = await newStaff(ctx.server, { name: 'Boris Support' });
    const { ticket } = await createTicket(me.client);
    assert.equal((await getTicket(staff.client, ticket.id)).unread_count, 1, 'the first message is unread for staff');
    await postMessage(me.client, ticket.id, 'More details');
    assert.equal((await getTicket(staff.client, ticket.id)).unread_count, 2);

    const totalBefore = (await summary(staff.client)).unread_total;
    await markRead(staff.client, ticket.id);
    assert.equal((await getTicket(staff.client, ticket.id)).unread_count, 0);
    assert.equal((await summary(staff.client)).unread_total, totalBefore - 2);
    assert.equal((await getTicket(colleague.client, ticket.id)).unread_count, 2, "one staff member's reading is their own");

    await postMessage(colleague.client, ticket.id, 'Team reply');
    assert.equal((await getTicket(staff.client, ticket.id)).unread_count, 0, 'team messages are not unread for staff');
    assert.equal((await getTicket(me.client, ticket.id)).unread_count, 1);
  });

  test("the summary's unread_total is the sum of the list's unread counts (customer and staff)", async () => {
    const me = await newCustomer(ctx.url);
    const { ticket: a } = await createTicket(me.client);
    const { ticket: b } = await createTicket(me.client);
    const { ticket: c } = await createTicket(me.client);
    await postMessage(staff.client, a.id, 'reply a');
    await postMessage(staff.client, b.id, 'reply b');
    await postMessage(me.client, b.id, 'customer again on b');
    await postMessage(staff.client, c.id, 'reply c');
    await closeTicket(staff.client, c.id);
    for (const [who, client] of [['customer', me.client], ['staff', staff.client]]) {
      const list = await listAll(client);
      const sum = list.reduce((n, t) => n + t.unread_count, 0);
      const s = await summary(client);
      assert.equal(s.unread_total, sum, `${who}: unread_total ${s.unread_total} != sum of the list's unread_count ${sum} (${JSON.stringify(list.filter((t) => t.unread_count > 0).map((t) => ({ id: t.id, unread: t.unread_count, awaiting: t.awaiting, status: t.status })))})`);
    }
  });
});
