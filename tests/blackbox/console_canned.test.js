// Canned replies: create, list (own and shared, by title), edit and delete by the
// owner or an admin only, shortcuts unique per owner, and rendering placeholders for a
// ticket.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { SUPPORT } from '../lib/console.js';
import { useServer } from '../lib/server.js';
import { createTicket, newCustomer, newStaff } from '../lib/tickets.js';

const ctx = useServer();
const CANNED = `${SUPPORT}/canned-replies`;

let a;
let sam;
let zoe;
let admin;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { name: 'Anna Petrova', company: 'Canned A' });
    sam = await newStaff(ctx.server, { name: 'Sam Staff' });
    zoe = await newStaff(ctx.server, { name: 'Zoe Staff' });
    admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
  })();
  return setup;
}

async function create(client, fields) {
  const res = await client.post(CANNED, fields);
  assert.equal(res.status, 201, res.text);
  return res.json.canned_reply;
}

describe('canned replies', () => {
  before(people);

  test('create, list own and shared by title, render placeholders for a ticket', async () => {
    const greeting = await create(sam.client, { title: 'Greeting', body: 'Hello {{customer.first_name}}! About #{{ticket.id}} "{{ticket.title}}" at {{account.name}}. {{unknown.thing}} — {{agent.name}}', shortcut: 'hi' });
    assert.equal(greeting.shared, false);
    assert.equal(greeting.shortcut, 'hi');
    assert.deepEqual(greeting.owner, { id: sam.user.id, name: 'Sam Staff' });
    const apology = await create(zoe.client, { title: 'Apology', body: 'Sorry, {{customer.name}}.', shared: true });
    await create(zoe.client, { title: 'Zoe private', body: 'mine' });

    const list = await sam.client.get(CANNED);
    assert.deepEqual(list.json.items.map((c) => c.title), ['Apology', 'Greeting']);

    const { ticket } = await createTicket(a.client, { title: 'Booking link' });
    const rendered = await zoe.client.post(`${CANNED}/${apology.id}/render`, { ticket_id: ticket.id });
    assert.equal(rendered.status, 200);
    assert.deepEqual(rendered.json, { body: 'Sorry, Anna Petrova.' });
    const mine = await sam.client.post(`${CANNED}/${greeting.id}/render`, { ticket_id: ticket.id });
    assert.equal(mine.json.body, `Hello Anna! About #${ticket.id} "Booking link" at Canned A. {{unknown.thing}} — Sam Staff`);
    expectError(await zoe.client.post(`${CANNED}/${greeting.id}/render`, { ticket_id: ticket.id }), 404, 'not_found');
    expectError(await sam.client.post(`${CANNED}/${greeting.id}/render`, { ticket_id: 999999 }), 400, 'validation_failed', 'ticket_id');
    expectError(await sam.client.post(`${CANNED}/${greeting.id}/render`, {}), 400, 'validation_failed', 'ticket_id');
    expectError(await sam.client.post(`${CANNED}/${greeting.id}/render`, { ticket_id: 'x' }), 400, 'invalid_request', 'ticket_id');
  });

  test('only the owner or an admin edits or deletes: private ones of others 404, shared ones 403', async () => {
    const shared = await create(zoe.client, { title: 'Shared', body: 'for all', shared: true });
    const hidden = await create(zoe.client, { title: 'Hidden', body: 'only Zoe' });
    expectError(await sam.client.patch(`${CANNED}/${hidden.id}`, { title: 'x' }), 404, 'not_found');
    expectError(await sam.client.delete(`${CANNED}/${hidden.id}`), 404, 'not_found');
    expectError(await sam.client.patch(`${CANNED}/${shared.id}`, { title: 'x' }), 403, 'forbidden');
    expectError(await sam.client.delete(`${CANNED}/${shared.id}`), 403, 'forbidden');

    const edited = await zoe.client.patch(`${CANNED}/${shared.id}`, { body: 'for everyone', shortcut: 'all' });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.json.canned_reply.title, 'Shared', 'absent members stay');
    assert.equal(edited.json.canned_reply.body, 'for everyone');
    assert.equal(edited.json.canned_reply.shortcut, 'all');
    const cleared = await zoe.client.patch(`${CANNED}/${shared.id}`, { shortcut: null });
    assert.equal(cleared.json.canned_reply.shortcut, null);
    const byAdmin = await admin.client.patch(`${CANNED}/${hidden.id}`, { title: 'Hidden (admin)' });
    assert.equal(byAdmin.status, 200);

    const del = await zoe.client.delete(`${CANNED}/${shared.id}`);
    assert.equal(del.status, 204);
    expectError(await zoe.client.delete(`${CANNED}/${shared.id}`), 404, 'not_found');
    assert.ok(!(await sam.client.get(CANNED)).json.items.some((c) => c.id === shared.id));
  });

  test('bad input: lengths, shortcut characters and uniqueness per owner, types, unknown fields, ids', async () => {
    await create(sam.client, { title: 'Refund', body: 'x', shortcut: 'refund' });
    expectError(await sam.client.post(CANNED, { title: 'Again', body: 'y', shortcut: 'refund' }), 409, 'conflict', 'shortcut');
    await create(zoe.client, { title: 'Refund too', body: 'y', shortcut: 'refund' }); // another owner
    const cases = [
      [{ body: 'x' }, 'validation_failed', 'title'],
      [{ title: 'x' }, 'validation_failed', 'body'],
      [{ title: ' ', body: 'x' }, 'validation_failed', 'title'],
      [{ title: 'x'.repeat(101), body: 'x' }, 'validation_failed', 'title'],
      [{ title: 'x', body: 'x'.repeat(5001) }, 'validation_failed', 'body'],
      [{ title: 'x', body: 'x', shortcut: 'Caps' }, 'validation_failed', 'shortcut'],
      [{ title: 'x', body: 'x', shortcut: 'a'.repeat(33) }, 'validation_failed', 'shortcut'],
      [{ title: 'x', body: 'x', shortcut: '' }, 'validation_failed', 'shortcut'],
      [{ title: 'x', body: 'x', shared: 'yes' }, 'invalid_request', 'shared'],
      [{ title: 1, body: 'x' }, 'invalid_request', 'title'],
      [{ title: 'x', body: 'x', owner_id: 3 }, 'invalid_request', undefined],
    ];
    const before = (await sam.client.get(CANNED)).json.items.length;
    for (const [fields, code, field] of cases) {
      expectError(await sam.client.post(CANNED, fields), 400, code, field);
    }
    assert.equal((await sam.client.get(CANNED)).json.items.length, before, 'nothing was created');
    expectError(await sam.client.patch(`${CANNED}/999999`, { title: 'x' }), 404, 'not_found');
    expectError(await sam.client.patch(`${CANNED}/abc`, { title: 'x' }), 404, 'not_found');
    expectError(await sam.client.post(`${CANNED}/0/render`, { ticket_id: 1 }), 404, 'not_found');
    expectError(await a.client.patch(`${CANNED}/1`, { title: 'x' }), 403, 'forbidden');
    expectError(await a.client.post(`${CANNED}/1/render`, { ticket_id: 1 }), 403, 'forbidden');
    expectError(await a.client.delete(`${CANNED}/1`), 403, 'forbidden');
  });
});
