// The support team's queue: staff ticket JSON, the due-time order, filters, search over
// titles and message text, keyset pages, the summary, and bad input. Customers are
// refused (403) and their own ticket JSON does not change.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { CHATS, EMPLOYEES, balance, createEmployee, startChat } from '../lib/employees.js';
import { SUPPORT, addNote, backdateDue, queueAll, queuePage, queueSummary } from '../lib/console.js';
import { useServer } from '../lib/server.js';
import { TICKETS, closeTicket, createTicket, getTicket, ids, moscowDate, newCustomer, newStaff, postMessage } from '../lib/tickets.js';

const ctx = useServer();

let a; // customer of account A
let b; // customer of account B
let staff;
let t; // A's tickets by name
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { name: 'Anna Petrova', company: 'Queue A' });
    b = await newCustomer(ctx.url, { name: 'Boris', company: 'Queue B' });
    staff = await newStaff(ctx.server, { name: 'Sam Staff' });
    t = {};
    t.question = (await createTicket(a.client, { title: 'Question about invoices', category: 'question', body: 'Where is my invoice?' })).ticket;
    t.critical = (await createTicket(a.client, { title: 'Everything is down', category: 'critical', body: 'Nothing answers' })).ticket;
    t.feature = (await createTicket(a.client, { title: 'Dark mode please', category: 'feature_request', body: 'Would be nice' })).ticket;
    t.answered = (await createTicket(a.client, { title: 'Answered one', category: 'question', body: 'Ошибка в КАЛЕНДАРЕ бронирования' })).ticket;
    await postMessage(staff.client, t.answered.id, 'Fixed the webhook on our side');
    t.overdue = (await createTicket(a.client, { title: 'Late one', category: 'question', body: 'Hello?' })).ticket;
    await backdateDue(ctx.server, t.overdue.id, 2 * 3600_000);
    t.done = (await createTicket(a.client, { title: 'Closed one', category: 'question', body: 'Thanks' })).ticket;
    await closeTicket(a.client, t.done.id);
    t.other = (await createTicket(b.client, { title: 'B invoices', category: 'question', body: 'Invoice for B' })).ticket;
  })();
  return setup;
}

const mineA = (params = {}) => queueAll(staff.client, { account_id: a.account.id, ...params });

describe('the queue', () => {
  before(people);

  test('sorted by reply due time (overdue first), then tickets owing nothing by latest activity', async () => {
    const items = await mineA();
    assert.deepEqual(ids(items), [t.overdue.id, t.critical.id, t.question.id, t.feature.id, t.done.id, t.answered.id]);
    const due = items.filter((x) => x.reply_due_at !== null).map((x) => Date.parse(x.reply_due_at));
    assert.deepEqual(due, [...due].sort((x, y) => x - y));
  });

  test('staff JSON: assignee, account, sla and note_count; the reply clock turns red past due', async () => {
    const [late] = await mineA({ overdue: true });
    assert.equal(late.id, t.overdue.id);
    assert.equal(late.assignee, null);
    assert.deepEqual(late.account, { id: a.account.id, name: 'Queue A' });
    assert.equal(late.note_count, 0);
    assert.equal(late.sla.state, 'breached');
    assert.equal(late.sla.due_at, late.reply_due_at);
    assert.ok(late.sla.business_seconds_left <= 0, JSON.stringify(late.sla));
    const critical = await getTicket(staff.client, t.critical.id);
    assert.equal(critical.sla.state, 'ok');
    // 4 wall-clock hours, minus the seconds since it was created.
    assert.ok(critical.sla.business_seconds_left > 4 * 3600 - 120 && critical.sla.business_seconds_left <= 4 * 3600);
    const answered = await getTicket(staff.client, t.answered.id);
    assert.equal(answered.sla, null, 'nothing owed, no clock');
  });

  test("customers' ticket JSON carries none of the staff fields", async () => {
    const mine = await getTicket(a.client, t.critical.id);
    for (const key of ['assignee', 'account', 'sla', 'note_count']) assert.equal(key in mine, false, key);
    const list = await a.client.get(TICKETS);
    for (const item of list.json.items) assert.equal('sla' in item, false);
  });

  test('filters: needs_reply, overdue, due_today, category, status, account', async () => {
    assert.deepEqual(ids(await mineA({ needs_reply: true })), [t.overdue.id, t.critical.id, t.question.id, t.feature.id]);
    assert.deepEqual(ids(await mineA({ needs_reply: true, category: 'critical' })), [t.critical.id]);
    assert.deepEqual(ids(await mineA({ status: 'done' })), [t.done.id]);
    assert.deepEqual(ids(await mineA({ status: 'on_customer', needs_reply: false })), [t.overdue.id, t.critical.id, t.question.id, t.feature.id, t.answered.id]);
    const today = await mineA({ due_today: true });
    assert.ok(ids(today).includes(t.overdue.id), 'overdue counts as due today');
    const endOfToday = Date.parse(`${moscowDate(Date.now())}T00:00:00Z`) - 3 * 3600_000 + 86_400_000;
    for (const x of today) assert.ok(Date.parse(x.reply_due_at) < endOfToday, `${x.title} is due today`);
    const everyone = await queueAll(staff.client, { needs_reply: true });
    assert.ok(ids(everyone).includes(t.other.id), "the queue spans every account's tickets");
    assert.deepEqual(ids(await queueAll(staff.client, { account_id: b.account.id })), [t.other.id]);
  });

  test('search: titles and message text, case-insensitive in Latin and Cyrillic; never notes', async () => {
    assert.deepEqual(ids(await mineA({ q: 'INVOICE' })), [t.question.id]);
    assert.deepEqual(ids(await mineA({ q: 'календаре' })), [t.answered.id]);
    assert.deepEqual(ids(await mineA({ q: 'webhook' })), [t.answered.id], "the team's messages count");
    assert.deepEqual(ids(await mineA({ q: 'Da' })), [t.feature.id], 'short needles work too');
    assert.deepEqual(ids(await queueAll(staff.client, { q: 'invoice' })).sort(), [t.question.id, t.other.id].sort());
    await addNote(staff.client, t.feature.id, 'zebra-note-only-word');
    assert.deepEqual(await mineA({ q: 'zebra-note-only-word' }), [], 'internal notes are not searched');
  });

  test('keyset pages of any size walk the same order, without repeats', async () => {
    const all = ids(await mineA());
    for (const size of [1, 2, 4]) assert.deepEqual(ids(await queueAll(staff.client, { account_id: a.account.id }, size)), all, `limit ${size}`);
    const first = await queuePage(staff.client, { account_id: a.account.id, limit: 2 });
    assert.equal(first.items.length, 2);
    assert.equal(typeof first.next_cursor, 'string');
    // A ticket created after the first page was read does not shift later pages.
    await createTicket(b.client, { title: 'Newcomer' });
    const rest = await queueAll(staff.client, { account_id: a.account.id, cursor: first.next_cursor });
    assert.deepEqual([...ids(first.items), ...ids(rest)], all);
  });

  test('the summary counts what the team owes', async () => {
    const s = await queueSummary(staff.client);
    const owing = await queueAll(staff.client, { needs_reply: true });
    assert.equal(s.needs_reply, owing.length);
    assert.equal(s.overdue, (await queueAll(staff.client, { overdue: true })).length);
    assert.equal(s.due_today, (await queueAll(staff.client, { due_today: true })).length);
    assert.equal(s.unassigned, (await queueAll(staff.client, { needs_reply: true, assignee_id: 'none' })).length);
    assert.equal(s.mine, 0);
    assert.ok(s.overdue >= 1);
  });
});

describe('bad input and the wrong callers', () => {
  before(people);

  const bad = [
    [{ needs_reply: 'yes' }, 'needs_reply'],
    [{ overdue: '1' }, 'overdue'],
    [{ due_today: 'TRUE' }, 'due_today'],
    [{ category: 'urgent' }, 'category'],
    [{ status: 'open' }, 'status'],
    [{ account_id: 'abc' }, 'account_id'],
    [{ account_id: '-3' }, 'account_id'],
    [{ assignee_id: 'someone' }, 'assignee_id'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: 'garbage' }, 'cursor'],
    [{ cursor: 'd12_34' }, 'cursor'],
    [{ q: 'x'.repeat(201) }, 'q'],
  ];
  for (const [params, field] of bad) {
    test(`GET /support/queue ${JSON.stringify(params).slice(0, 60)}: 400 validation_failed, field ${field}`, async () => {
      const res = await staff.client.get(`${SUPPORT}/queue?${new URLSearchParams(params)}`);
      expectError(res, 400, 'validation_failed', field);
    });
  }

  const staffRoutes = [
    ['GET', () => `${SUPPORT}/queue`],
    ['GET', () => `${SUPPORT}/queue/summary`],
    ['GET', () => `${SUPPORT}/accounts/${a.account.id}`],
    ['GET', () => `${SUPPORT}/agents`],
    ['PUT', () => `${SUPPORT}/shift`, { on_shift: true }],
    ['GET', () => `${SUPPORT}/assignment`],
    ['PUT', () => `${SUPPORT}/assignment`, { auto_assign: true }],
    ['GET', () => `${SUPPORT}/canned-replies`],
    ['POST', () => `${SUPPORT}/canned-replies`, { title: 'x', body: 'y' }],
    ['GET', () => `${TICKETS}/${t.critical.id}/history`],
    ['POST', () => `${TICKETS}/${t.critical.id}/assign`, { assignee_id: null }],
    ['POST', () => `${TICKETS}/${t.critical.id}/take`],
    ['POST', () => `${TICKETS}/${t.critical.id}/presence`, { state: 'viewing' }],
  ];
  for (const [method, path, json] of staffRoutes) {
    test(`a customer on a staff route (${method} ${path.toString().match(/`(.*)`/)[1]}): 403 forbidden, even on their own ticket`, async () => {
      const res = await a.client.request(method, path(), json ? { json } : {});
      expectError(res, 403, 'forbidden');
    });
    test(`without a session (${method} ${path.toString().match(/`(.*)`/)[1]}): 401`, async () => {
      const res = await new Client(ctx.url).request(method, path(), json ? { json } : {});
      expectError(res, 401, 'unauthenticated');
    });
  }

  test('a ticket that does not exist: 404 on history, assign, take, presence', async () => {
    for (const [method, p, json] of [
      ['GET', `${TICKETS}/999999/history`],
      ['POST', `${TICKETS}/999999/assign`, { assignee_id: null }],
      ['POST', `${TICKETS}/999999/take`],
      ['POST', `${TICKETS}/999999/presence`, { state: 'viewing' }],
      ['GET', `${TICKETS}/abc/history`],
      ['POST', `${TICKETS}/0/take`],
    ]) {
      expectError(await staff.client.request(method, p, json ? { json } : {}), 404, 'not_found');
    }
  });

  test('account context: the account, its users, recent tickets, AI employees and balance; unknown ids 404', async () => {
    const zara = await createEmployee(a.client, { name: 'Zara', role: 'Sales' });
    const olga = await createEmployee(a.client, { name: 'Olga', role: 'Concierge' });
    const gone = await createEmployee(a.client, { name: 'Gone' });
    assert.equal((await a.client.patch(`${EMPLOYEES}/${zara.id}`, { status: 'paused' })).status, 200);
    assert.equal((await a.client.delete(`${EMPLOYEES}/${gone.id}`)).status, 204);
    await createEmployee(b.client, { name: 'Other account' });
    const before = (await balance(a.client)).balance.amount_minor;

    const res = await staff.client.get(`${SUPPORT}/accounts/${a.account.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.json.account.name, 'Queue A');
    assert.deepEqual(res.json.users.map((u) => u.name), ['Anna Petrova']);
    assert.deepEqual(res.json.employees, [
      { id: olga.id, name: 'Olga', role: 'Concierge', status: 'active' },
      { id: zara.id, name: 'Zara', role: 'Sales', status: 'paused' },
    ], 'not deleted, by name, only this account\'s');
    assert.deepEqual(res.json.balance, { amount_minor: before, currency: 'RUB' });
    const topped = await staff.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 12345, note: 'goodwill' });
    assert.equal(topped.status, 201, topped.text);
    const after = await staff.client.get(`${SUPPORT}/accounts/${a.account.id}`);
    assert.deepEqual(after.json.balance, { amount_minor: before + 12345, currency: 'RUB' }, 'the ledger sum, top-up included');
    assert.ok(ids(res.json.tickets).includes(t.critical.id));
    assert.ok(!ids(res.json.tickets).includes(t.other.id));
    expectError(await staff.client.get(`${SUPPORT}/accounts/999999`), 404, 'not_found');
    expectError(await staff.client.get(`${SUPPORT}/accounts/abc`), 404, 'not_found');
  });
});

describe('staff reading chats', () => {
  before(people);

  test('a staff user opening an account\'s chat is in the audit log once; polling and customers add nothing', async () => {
    const admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
    const olga = await createEmployee(b.client, { name: 'Olga B' });
    const chat = await startChat(b.client, olga.id);
    const reads = async () => {
      const res = await admin.client.get('/api/v1/admin/audit-log?action=chat.read&limit=100');
      assert.equal(res.status, 200, res.text);
      return res.json.items.filter((e) => e.chat_id === chat.id);
    };

    assert.equal((await b.client.get(`${CHATS}/${chat.id}`)).status, 200);
    assert.deepEqual(await reads(), [], 'the customer reading their own chat is not audited');

    for (let i = 0; i < 3; i++) {
      const res = await staff.client.get(`${CHATS}/${chat.id}`);
      assert.equal(res.status, 200, res.text);
      await staff.client.get(`${CHATS}/${chat.id}/messages`);
    }
    const [entry, ...more] = await reads();
    assert.deepEqual(more, [], 'opening again within the hour is not recorded again');
    assert.deepEqual(entry.actor, { id: staff.user.id, name: 'Sam Staff' });
    assert.equal(entry.account_id, b.account.id);
    assert.equal(entry.details.employee_name, 'Olga B');

    assert.equal((await admin.client.get(`${CHATS}/${chat.id}`)).status, 200);
    assert.deepEqual((await reads()).map((e) => e.actor.id), [admin.user.id, staff.user.id], 'each staff user once');
    expectError(await staff.client.get(`${CHATS}/999999`), 404, 'not_found');
    assert.equal((await reads()).length, 2, 'an unknown chat records nothing');
  });
});
