// `null` is a value, not "absent" (issue 19): a field whose schema in openapi.json has
// no null answers 400 invalid_request naming the field, and nothing changes; the
// fields the schema declares nullable keep accepting null.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import { TICKETS, createTicket, getTicket, newCustomer, newStaff, ticketFields } from '../lib/tickets.js';

const ctx = useServer();

let customer;
let staff;
let admin;
let ticket;
let setup;
function people() {
  setup ??= (async () => {
    customer = await newCustomer(ctx.url, { name: 'Nora Null' });
    staff = await newStaff(ctx.server, { name: 'Sam Staff' });
    admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
    ticket = (await createTicket(customer.client)).ticket;
  })();
  return setup;
}

describe('a null where the schema has none: 400 invalid_request with the field', () => {
  for (const field of ['name', 'theme', 'locale', 'time_zone']) {
    test(`PATCH /me {"${field}": null} changes nothing`, async () => {
    await people();
      const before = (await customer.client.me()).json.user;
      const res = await customer.client.updateMe({ [field]: null });
      expectError(res, 400, 'invalid_request', field);
      assert.deepEqual((await customer.client.me()).json.user, before);
    });
  }

  test('POST /tickets with "attachment_ids": null creates no ticket', async () => {
    await people();
    const title = `Null attachments ${Date.now()}`;
    const res = await customer.client.post(TICKETS, ticketFields({ title, attachment_ids: null }));
    expectError(res, 400, 'invalid_request', 'attachment_ids');
    const list = await customer.client.get(`${TICKETS}?status=all&limit=100`);
    assert.equal(list.status, 200);
    assert.ok(!list.json.items.some((t) => t.title === title), 'the ticket was created anyway');
  });

  test('POST /tickets with "title": null is the wrong type, not a missing title', async () => {
    await people();
    const res = await customer.client.post(TICKETS, ticketFields({ title: null }));
    expectError(res, 400, 'invalid_request', 'title');
  });

  test('a note with "attachment_ids": null', async () => {
    await people();
    const res = await staff.client.post(`${TICKETS}/${ticket.id}/notes`, { body: 'Looked at it.', attachment_ids: null });
    expectError(res, 400, 'invalid_request', 'attachment_ids');
    assert.equal((await getTicket(staff.client, ticket.id)).note_count, 0);
  });

  for (const field of ['title', 'shared']) {
    test(`a canned reply with "${field}": null`, async () => {
    await people();
      const res = await staff.client.post('/api/v1/support/canned-replies', {
        title: 'Greeting',
        body: 'Hello!',
        [field]: null,
      });
      expectError(res, 400, 'invalid_request', field);
    });
  }

  test('a calendar day with "note": null', async () => {
    await people();
    const res = await admin.client.put('/api/v1/support/calendar/2031-01-02', { kind: 'holiday', note: null });
    expectError(res, 400, 'invalid_request', 'note');
  });

  test('a top-up with "note": null', async () => {
    await people();
    const path = `/api/v1/admin/accounts/${customer.account.id}/top-ups`;
    const res = await staff.client.post(path, { amount_minor: 100, note: null });
    expectError(res, 400, 'invalid_request', 'note');
  });
});

describe('fields the schema declares nullable still take null', () => {
  test('POST /tickets with employee_id, chat_url and follow_up_of null', async () => {
    await people();
    const res = await customer.client.post(
      TICKETS,
      ticketFields({ employee_id: null, chat_url: null, follow_up_of: null }),
    );
    assert.equal(res.status, 201, res.text);
  });

  test('a canned reply with "shortcut": null', async () => {
    await people();
    const res = await staff.client.post('/api/v1/support/canned-replies', {
      title: 'Null shortcut',
      body: 'Hi',
      shortcut: null,
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.canned_reply.shortcut, null);
  });

  test('assigning with "assignee_id": null unassigns', async () => {
    await people();
    const res = await staff.client.post(`${TICKETS}/${ticket.id}/assign`, { assignee_id: null });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.ticket.assignee, null);
  });

  test('an employee with "avatar_attachment_id": null', async () => {
    await people();
    const res = await customer.client.post('/api/v1/employees', { name: 'Concierge', avatar_attachment_id: null });
    assert.equal(res.status, 201, res.text);
  });
});
