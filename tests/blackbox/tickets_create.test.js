// POST /api/v1/tickets: the 201 shape, every field's limits and types, who may
// create, and that a rejected request creates nothing.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import {
  TICKETS,
  allMessages,
  closeTicket,
  createTicket,
  getTicket,
  newCustomer,
  newStaff,
  snapshot,
  ticketFields,
} from '../lib/tickets.js';

const ctx = useServer();
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let customer; // {client, user, account}
let staff;
// The people of this file, created once (hooks at the top level do not wait for
// the server in Node 20, so each describe's `before` calls this).
let setup;
function people() {
  setup ??= (async () => {
    customer = await newCustomer(ctx.url, { name: 'Мария Клиентова', company: 'Отель «Берёзка»' });
    staff = await newStaff(ctx.server);
  })();
  return setup;
}

// Runs `attempt`, then asserts the customer's list and summary and the staff
// queue did not change.
async function expectNothingCreated(attempt) {
  const before = await snapshot(customer.client);
  const staffBefore = await snapshot(staff.client);
  const result = await attempt();
  assert.deepEqual(await snapshot(customer.client), before, 'a rejected request changed the customer list or summary');
  assert.deepEqual(await snapshot(staff.client), staffBefore, 'a rejected request changed the staff queue');
  return result;
}

describe('a new ticket', () => {
  before(people);
  test('201 {ticket, message} with every field as documented', async () => {
    const fields = ticketFields({ title: 'Booking link not working', body: 'Clicking the link opens a blank page.\nSince yesterday.', category: 'critical' });
    const t0 = Date.now();
    const res = await customer.client.post(TICKETS, fields);
    assert.equal(res.status, 201, res.text);
    const { ticket, message } = res.json;
    assert.deepEqual(Object.keys(res.json).sort(), ['message', 'ticket']);
    assert.ok(Number.isInteger(ticket.id) && ticket.id > 0);
    assert.equal(ticket.title, 'Booking link not working');
    assert.equal(ticket.status, 'on_customer');
    assert.equal(ticket.category, 'critical');
    assert.equal(ticket.account_id, customer.account.id);
    assert.equal(ticket.account_name, 'Отель «Берёзка»');
    assert.equal(ticket.employee_id, null);
    assert.equal(ticket.chat_url, null);
    assert.equal(ticket.follow_up_of, null);
    assert.equal(ticket.closed_at, null);
    assert.equal(ticket.message_count, 1);
    assert.equal(ticket.unread_count, 0, 'the author has read their own first message');
    assert.equal(ticket.awaiting, 'team');
    for (const f of ['created_at', 'updated_at', 'last_message_at', 'reply_due_at']) assert.match(ticket[f], ISO, f);
    const created = Date.parse(ticket.created_at);
    assert.ok(created >= Math.floor(t0 / 1000) * 1000 - 1000 && created <= Date.now() + 1000, `created_at ${ticket.created_at} is now`);
    assert.equal(ticket.updated_at, ticket.created_at);
    assert.equal(ticket.last_message_at, ticket.created_at);

    assert.ok(Number.isInteger(message.id) && message.id > 0);
    assert.equal(message.ticket_id, ticket.id);
    assert.equal(message.body, 'Clicking the link opens a blank page.\nSince yesterday.');
    assert.equal(message.created_at, ticket.created_at);
    assert.deepEqual(message.author, { id: customer.user.id, name: 'Мария Клиентова', side: 'customer' });
    assert.deepEqual(message.attachments, []);
    assert.deepEqual(message.references, []);

    assert.deepEqual(await getTicket(customer.client, ticket.id), ticket, 'GET returns what POST returned');
    assert.deepEqual(await allMessages(customer.client, ticket.id), [message]);
  });

  test('every category is accepted and kept', async () => {
    for (const category of ['critical', 'question', 'feature_request']) {
      const { ticket } = await createTicket(customer.client, { category });
      assert.equal(ticket.category, category);
      assert.equal((await getTicket(customer.client, ticket.id)).category, category);
    }
  });

  test('the title is trimmed; the body keeps its line breaks', async () => {
    const { ticket, message } = await createTicket(customer.client, {
      title: ' \t Не работает ссылка\u00a0 ',
      body: 'First line\n\nSecond line\n\tindented',
    });
    assert.equal(ticket.title, 'Не работает ссылка');
    assert.equal(message.body, 'First line\n\nSecond line\n\tindented');
  });

  test('chat_url: a full link or a /chats/ path is stored; empty or null means none', async () => {
    for (const url of ['https://app.aitextura.com/chats/1', '/chats/1', 'https://app.example.com/chats/12345?x=1#m']) {
      const { ticket } = await createTicket(customer.client, { chat_url: url });
      assert.equal(ticket.chat_url, url);
      assert.equal((await getTicket(customer.client, ticket.id)).chat_url, url);
    }
    for (const url of ['', null]) {
      const { ticket } = await createTicket(customer.client, { chat_url: url });
      assert.equal(ticket.chat_url, null, JSON.stringify(url));
    }
  });

  test('empty attachment_ids and null optional fields are accepted', async () => {
    const { ticket, message } = await createTicket(customer.client, { attachment_ids: [], employee_id: null, follow_up_of: null });
    assert.equal(ticket.employee_id, null);
    assert.equal(ticket.follow_up_of, null);
    assert.deepEqual(message.attachments, []);
  });

  test('follow_up_of: a ticket of the same account is stored, open or Done', async () => {
    const { ticket: old } = await createTicket(customer.client);
    const { ticket: open } = await createTicket(customer.client, { follow_up_of: old.id });
    assert.equal(open.follow_up_of, old.id);
    await closeTicket(customer.client, old.id);
    const { ticket: follow } = await createTicket(customer.client, { follow_up_of: old.id, body: `Follow-up of #${old.id}` });
    assert.equal(follow.follow_up_of, old.id);
    assert.equal((await getTicket(customer.client, follow.id)).follow_up_of, old.id);
    const [first] = await allMessages(customer.client, follow.id);
    assert.deepEqual(first.references, [old.id]);
  });
});

describe('length limits, counted in characters after trimming', () => {
  before(people);
  const ok = [
    ['title of 1 character', { title: 'x' }],
    ['title of 200 Latin characters', { title: 'a'.repeat(200) }],
    ['title of 200 Cyrillic characters', { title: 'Ж'.repeat(200) }],
    ['title of 200 emoji (4 bytes each)', { title: '🙂'.repeat(200) }],
    ['title of 200 characters plus surrounding spaces', { title: `   ${'b'.repeat(200)}   ` }],
    ['body of 1 character', { body: 'x' }],
    ['body of 20000 characters', { body: 'b'.repeat(20000) }],
    ['body of 20000 Cyrillic characters', { body: 'ы'.repeat(20000) }],
  ];
  for (const [what, fields] of ok) {
    test(`${what}: 201`, async () => {
      const { ticket, message } = await createTicket(customer.client, fields);
      if (fields.title) assert.equal(ticket.title, fields.title.trim());
      if (fields.body) assert.equal(message.body, fields.body);
    });
  }

  const bad = [
    ['title', 'title of 201 Latin characters', { title: 'a'.repeat(201) }],
    ['title', 'title of 201 Cyrillic characters', { title: 'Ж'.repeat(201) }],
    ['title', 'title of 201 emoji', { title: '🙂'.repeat(201) }],
    ['title', 'empty title', { title: '' }],
    ['title', 'title of spaces only', { title: '  \t \u00a0 ' }],
    ['title', 'missing title', { title: undefined }],
    ['body', 'body of 20001 characters', { body: 'b'.repeat(20001) }],
    ['body', 'body of 20001 Cyrillic characters', { body: 'ы'.repeat(20001) }],
    ['body', 'empty body', { body: '' }],
    ['body', 'body of whitespace only', { body: ' \n\t\n ' }],
    ['body', 'missing body', { body: undefined }],
    ['category', 'missing category', { category: undefined }],
  ];
  for (const [field, what, fields] of bad) {
    test(`${what}: 400 validation_failed, field ${field}, nothing created`, async () => {
      const res = await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(fields)));
      expectError(res, 400, 'validation_failed', field);
    });
  }
});

describe('rejected values: 400 with the field, nothing created', { concurrency: 1 }, () => {
  before(people);
  const cases = [
    // [code, field, what, overrides]
    ['validation_failed', 'category', 'unknown category', { category: 'urgent' }],
    ['validation_failed', 'category', 'category in another case', { category: 'Critical' }],
    ['validation_failed', 'category', 'empty category', { category: '' }],
    ['invalid_request', 'title', 'title is a number', { title: 42 }],
    ['invalid_request', 'title', 'title is an array', { title: ['a'] }],
    // null is a value of the wrong type, not a missing title (issue 19)
    ['invalid_request', 'title', 'null title', { title: null }],
    ['invalid_request', 'attachment_ids', 'attachment_ids is null', { attachment_ids: null }],
    ['invalid_request', 'body', 'body is an object', { body: { text: 'x' } }],
    ['invalid_request', 'body', 'body is a boolean', { body: true }],
    ['invalid_request', 'category', 'category is a number', { category: 1 }],
    ['invalid_request', 'employee_id', 'employee_id is a string', { employee_id: '1' }],
    ['invalid_request', 'employee_id', 'employee_id is a fraction', { employee_id: 1.5 }],
    ['invalid_request', 'chat_url', 'chat_url is a number', { chat_url: 1 }],
    ['invalid_request', 'attachment_ids', 'attachment_ids is a number', { attachment_ids: 5 }],
    ['invalid_request', 'attachment_ids', 'attachment_ids holds a string', { attachment_ids: ['5'] }],
    ['invalid_request', 'follow_up_of', 'follow_up_of is a string', { follow_up_of: '1' }],
    ['invalid_request', 'tittle', 'an unknown field', { tittle: 'typo' }],
    ['invalid_request', 'status', 'status cannot be chosen', { status: 'done' }],
    ['validation_failed', 'chat_url', 'chat_url javascript:', { chat_url: 'javascript:alert(1)' }],
    ['validation_failed', 'chat_url', 'chat_url JAVASCRIPT: in capitals', { chat_url: 'JAVASCRIPT:alert(1)//https://x/chats/1' }],
    ['validation_failed', 'chat_url', 'chat_url data:', { chat_url: 'data:text/html,<script>alert(1)</script>' }],
    ['validation_failed', 'chat_url', 'chat_url protocol-relative', { chat_url: '//evil.example/chats/1' }],
    ['validation_failed', 'chat_url', 'chat_url not a link', { chat_url: 'my chat with the bot' }],
    ['validation_failed', 'chat_url', 'chat_url ftp:', { chat_url: 'ftp://example.com/chats/1' }],
    ['validation_failed', 'employee_id', 'employee_id (no AI employees exist yet)', { employee_id: 1 }],
    ['validation_failed', 'attachment_ids', 'attachment_ids naming an upload that does not exist', { attachment_ids: [1] }],
    ['validation_failed', 'follow_up_of', 'follow_up_of a ticket that does not exist', { follow_up_of: 999999999 }],
  ];
  for (const [code, field, what, overrides] of cases) {
    test(`${what}: 400 ${code}, field ${field}`, async () => {
      const res = await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(overrides)));
      expectError(res, 400, code, field);
    });
  }

  test("follow_up_of another account's ticket: 400 validation_failed, field follow_up_of", async () => {
    const other = await newCustomer(ctx.url);
    const { ticket: foreign } = await createTicket(other.client);
    const res = await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields({ follow_up_of: foreign.id })));
    expectError(res, 400, 'validation_failed', 'follow_up_of');
    assert.doesNotMatch(res.text, new RegExp(foreign.title), 'the error does not reveal the other ticket');
  });

  test('malformed bodies: 400 invalid_request / 415, nothing created', async () => {
    const send = (body, contentType = 'application/json') => customer.client.request('POST', TICKETS, { body, contentType });
    expectError(await expectNothingCreated(() => send('{"title": "x", ')), 400, 'invalid_request');
    expectError(await expectNothingCreated(() => send('[]')), 400, 'invalid_request');
    expectError(await expectNothingCreated(() => send('"title"')), 400, 'invalid_request');
    expectError(await expectNothingCreated(() => send(JSON.stringify(ticketFields()), 'text/plain')), 415, 'unsupported_media_type');
    expectError(await expectNothingCreated(() => send(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))), 400, 'invalid_request');
  });

  test('a body over the limit: 413 too_large, nothing created', async () => {
    const res = await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields({ body: 'x'.repeat(1_100_000) })));
    expectError(res, 413, 'too_large');
  });
});

describe('who may create', () => {
  before(people);
  test('staff: 403 forbidden, nothing created', async () => {
    const res = await expectNothingCreated(() => staff.client.post(TICKETS, ticketFields()));
    expectError(res, 403, 'forbidden');
  });

  test('admin: 403 forbidden', async () => {
    const admin = await newStaff(ctx.server, { role: 'admin', name: 'Admin' });
    const res = await expectNothingCreated(() => admin.client.post(TICKETS, ticketFields()));
    expectError(res, 403, 'forbidden');
  });

  test('without the CSRF header or with a wrong one: 403 csrf_failed, nothing created', async () => {
    expectError(await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(), { csrf: false })), 403, 'csrf_failed');
    expectError(await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(), { csrf: 'x'.repeat(43) })), 403, 'csrf_failed');
    const other = await newCustomer(ctx.url);
    expectError(
      await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(), { csrf: other.client.csrfToken })),
      403,
      'csrf_failed',
    );
  });

  test('unauthenticated, or with a revoked session: 401, nothing created', async () => {
    expectError(await expectNothingCreated(() => new Client(ctx.url).post(TICKETS, ticketFields())), 401, 'unauthenticated');
    expectError(
      await expectNothingCreated(() => customer.client.post(TICKETS, ticketFields(), { cookie: 'not-a-session' })),
      401,
      'unauthenticated',
    );
    const gone = await newCustomer(ctx.url);
    const tab = gone.client.clone();
    assert.equal((await gone.client.logout()).status, 204);
    expectError(await tab.post(TICKETS, ticketFields()), 401, 'unauthenticated');
    expectError(await tab.get(TICKETS), 401, 'unauthenticated');
  });

  test('tickets are numbered uniquely and each customer sees only their own', async () => {
    const a = await newCustomer(ctx.url);
    const b = await newCustomer(ctx.url);
    const created = await Promise.all([
      ...Array.from({ length: 4 }, () => createTicket(a.client)),
      ...Array.from({ length: 4 }, () => createTicket(b.client)),
    ]);
    const allIds = created.map((c) => c.ticket.id);
    assert.equal(new Set(allIds).size, allIds.length, 'ids are unique');
    const aList = (await snapshot(a.client)).list.map((t) => t.id).sort((x, y) => x - y);
    assert.deepEqual(aList, created.slice(0, 4).map((c) => c.ticket.id).sort((x, y) => x - y));
  });
});
