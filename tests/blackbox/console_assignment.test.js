// Assignment: take, assign and unassign with their history; agents and shifts; the
// admin's auto-assignment switch and round-robin among agents on shift.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { SUPPORT, history, put, queueAll, queueSummary } from '../lib/console.js';
import { useServer } from '../lib/server.js';
import { TICKETS, closeTicket, createTicket, getTicket, ids, newCustomer, newStaff, openEvents } from '../lib/tickets.js';

const ctx = useServer();

let a;
let sam;
let zoe;
let admin;
let socket;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { name: 'Anna', company: 'Assign A' });
    sam = await newStaff(ctx.server, { name: 'Sam Staff' });
    zoe = await newStaff(ctx.server, { name: 'Zoe Staff' });
    admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
    socket = await openEvents(ctx.url, zoe.client, { name: 'zoe' });
  })();
  return setup;
}
after(() => socket?.close());

// The ticket's audit entries, newest first (admins read the log).
async function auditOf(ticketId) {
  const res = await admin.client.get(`/api/v1/admin/audit-log?ticket_id=${ticketId}&limit=100`);
  assert.equal(res.status, 200, res.text);
  return res.json.items;
}

describe('assigning tickets', () => {
  before(people);

  test('take, reassign, unassign: the staff JSON, the queue filters, history and events follow', async () => {
    const { ticket } = await createTicket(a.client);
    const took = await sam.client.post(`${TICKETS}/${ticket.id}/take`);
    assert.equal(took.status, 200, took.text);
    assert.deepEqual(took.json.ticket.assignee, { id: sam.user.id, name: 'Sam Staff' });
    assert.deepEqual(ids(await queueAll(sam.client, { assignee_id: 'me', account_id: a.account.id })), [ticket.id]);
    assert.equal((await queueSummary(sam.client)).mine, 1);
    assert.deepEqual(ids(await queueAll(zoe.client, { assignee_id: sam.user.id, account_id: a.account.id })), [ticket.id]);

    const from = socket.count;
    const moved = await sam.client.post(`${TICKETS}/${ticket.id}/assign`, { assignee_id: zoe.user.id });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.json.ticket.assignee.id, zoe.user.id);
    const [frame] = await socket.waitFrames(1, { from });
    assert.equal(frame.type, 'ticket.updated');
    assert.equal(frame.ticket.assignee.id, zoe.user.id);

    const again = await sam.client.post(`${TICKETS}/${ticket.id}/assign`, { assignee_id: zoe.user.id });
    assert.equal(again.status, 200, 'assigning the same agent again is fine');
    const none = await sam.client.post(`${TICKETS}/${ticket.id}/assign`, { assignee_id: null });
    assert.equal(none.json.ticket.assignee, null);
    assert.deepEqual(ids(await queueAll(sam.client, { assignee_id: 'none', account_id: a.account.id })), [ticket.id]);
    assert.equal('assignee' in (await getTicket(a.client, ticket.id)), false, 'the customer sees no assignee');

    const h = await history(sam.client, ticket.id);
    assert.deepEqual(h.map((e) => e.kind), ['created', 'assigned', 'assigned', 'unassigned']);
    assert.deepEqual(h[1].actor, { id: sam.user.id, name: 'Sam Staff' });
    assert.deepEqual(h[2].details, { assignee_id: String(zoe.user.id), assignee_name: 'Zoe Staff' });
    assert.deepEqual(h[0].actor, { id: a.user.id, name: 'Anna' });
    assert.deepEqual(h.map((e) => e.id), [...h.map((e) => e.id)].sort((x, y) => x - y), 'oldest first');

    const audit = await auditOf(ticket.id);
    assert.deepEqual(audit.map((e) => e.action), ['ticket.assigned', 'ticket.assigned', 'ticket.assigned'],
      'take, reassign and unassign; assigning the same agent again is not a change');
    const [unassigned, reassigned, taken] = audit;
    assert.deepEqual(taken.actor, { id: sam.user.id, name: 'Sam Staff' });
    assert.equal(taken.account_id, a.account.id);
    assert.equal(taken.target_user_id, sam.user.id);
    assert.deepEqual(taken.details, { assignee_id: String(sam.user.id), assignee_name: 'Sam Staff', auto: 'false' });
    assert.deepEqual(reassigned.details, {
      assignee_id: String(zoe.user.id), assignee_name: 'Zoe Staff', auto: 'false', previous_assignee_id: String(sam.user.id),
    });
    assert.equal(unassigned.target_user_id, null);
    assert.deepEqual(unassigned.details, { assignee_id: 'none', auto: 'false', previous_assignee_id: String(zoe.user.id) });
  });

  test('bad assignments: 400 naming assignee_id, 409 on Done tickets, nothing changes', async () => {
    const { ticket } = await createTicket(a.client);
    const url = `${TICKETS}/${ticket.id}/assign`;
    expectError(await sam.client.post(url, { assignee_id: a.user.id }), 400, 'validation_failed', 'assignee_id');
    expectError(await sam.client.post(url, { assignee_id: 999999 }), 400, 'validation_failed', 'assignee_id');
    expectError(await sam.client.post(url, {}), 400, 'validation_failed', 'assignee_id');
    expectError(await sam.client.post(url, { assignee_id: 'sam' }), 400, 'invalid_request', 'assignee_id');
    expectError(await sam.client.post(url, { assignee_id: null, extra: 1 }), 400, 'invalid_request');
    assert.equal((await getTicket(sam.client, ticket.id)).assignee, null);
    await closeTicket(a.client, ticket.id);
    expectError(await sam.client.post(url, { assignee_id: sam.user.id }), 409, 'ticket_closed');
    expectError(await sam.client.post(`${TICKETS}/${ticket.id}/take`), 409, 'ticket_closed');
    assert.deepEqual((await history(sam.client, ticket.id)).map((e) => e.kind), ['created', 'closed']);
    assert.deepEqual(await auditOf(ticket.id), [], 'refused assignments are not recorded (nor a customer closing)');
  });
});

describe('agents, shifts and auto-assignment', () => {
  before(people);

  test('agents list staff and admins with their shift and open assignments', async () => {
    assert.deepEqual((await put(sam.client, `${SUPPORT}/shift`, { on_shift: true })).json, { on_shift: true });
    const res = await zoe.client.get(`${SUPPORT}/agents`);
    assert.equal(res.status, 200);
    const byId = new Map(res.json.items.map((x) => [x.id, x]));
    assert.equal(byId.get(sam.user.id).on_shift, true);
    assert.equal(byId.get(zoe.user.id).on_shift, false);
    assert.equal(byId.get(admin.user.id).role, 'admin');
    assert.equal(byId.has(a.user.id), false, 'customers are not agents');
    expectError(await put(sam.client, `${SUPPORT}/shift`, {}), 400, 'validation_failed', 'on_shift');
    expectError(await put(sam.client, `${SUPPORT}/shift`, { on_shift: 'yes' }), 400, 'invalid_request', 'on_shift');
  });

  test('only admins switch auto-assignment; new tickets then go round-robin to agents on shift', async () => {
    assert.deepEqual((await sam.client.get(`${SUPPORT}/assignment`)).json, { auto_assign: false });
    expectError(await put(sam.client, `${SUPPORT}/assignment`, { auto_assign: true }), 403, 'forbidden');
    expectError(await put(admin.client, `${SUPPORT}/assignment`, { auto_assign: 1 }), 400, 'invalid_request', 'auto_assign');
    assert.deepEqual((await put(admin.client, `${SUPPORT}/assignment`, { auto_assign: true })).json, { auto_assign: true });
    assert.deepEqual((await zoe.client.get(`${SUPPORT}/assignment`)).json, { auto_assign: true });

    await put(sam.client, `${SUPPORT}/shift`, { on_shift: true });
    await put(zoe.client, `${SUPPORT}/shift`, { on_shift: true });
    const got = [];
    for (let i = 0; i < 4; i++) {
      const { ticket } = await createTicket(a.client);
      got.push((await getTicket(sam.client, ticket.id)).assignee?.id ?? null);
      const auto = (await history(sam.client, ticket.id)).find((e) => e.kind === 'assigned');
      assert.equal(auto.actor, null);
      assert.equal(auto.details.auto, 'true');
      const [audited] = await auditOf(ticket.id);
      assert.equal(audited.action, 'ticket.assigned');
      assert.deepEqual(audited.actor, { id: a.user.id, name: 'Anna' }, 'the customer whose ticket set off the rule');
      assert.equal(audited.details.auto, 'true');
      assert.equal(audited.details.assignee_id, String(got.at(-1)));
    }
    assert.deepEqual(new Set(got), new Set([sam.user.id, zoe.user.id]));
    assert.notEqual(got[0], got[1]);
    assert.equal(got[0], got[2]);
    assert.equal(got[1], got[3]);

    await put(sam.client, `${SUPPORT}/shift`, { on_shift: false });
    await put(zoe.client, `${SUPPORT}/shift`, { on_shift: false });
    const { ticket } = await createTicket(a.client);
    assert.equal((await getTicket(sam.client, ticket.id)).assignee, null, 'nobody on shift: unassigned');
    assert.deepEqual(await auditOf(ticket.id), [], 'no assignment, nothing audited');
    await put(admin.client, `${SUPPORT}/assignment`, { auto_assign: false });
  });

  test('deactivated staff are not agents, are skipped by round-robin and cannot be assigned', async () => {
    const dan = await newStaff(ctx.server, { name: 'Dan Departed' });
    await put(dan.client, `${SUPPORT}/shift`, { on_shift: true });
    const agentIds = async () => (await zoe.client.get(`${SUPPORT}/agents`)).json.items.map((x) => x.id);
    assert.ok((await agentIds()).includes(dan.user.id));
    const off = await admin.client.post(`/api/v1/admin/staff/${dan.user.id}/deactivate`);
    assert.equal(off.status, 200, off.text);

    assert.ok(!(await agentIds()).includes(dan.user.id), 'gone from the agents list');
    const { ticket } = await createTicket(a.client);
    expectError(await sam.client.post(`${TICKETS}/${ticket.id}/assign`, { assignee_id: dan.user.id }), 400, 'validation_failed', 'assignee_id');
    assert.equal((await getTicket(sam.client, ticket.id)).assignee, null);

    await put(admin.client, `${SUPPORT}/assignment`, { auto_assign: true });
    const { ticket: fresh } = await createTicket(a.client);
    assert.equal((await getTicket(sam.client, fresh.id)).assignee, null, 'only a deactivated agent on shift: unassigned');
    await put(zoe.client, `${SUPPORT}/shift`, { on_shift: true });
    const { ticket: next } = await createTicket(a.client);
    assert.equal((await getTicket(sam.client, next.id)).assignee.id, zoe.user.id);
    await put(zoe.client, `${SUPPORT}/shift`, { on_shift: false });
    await put(admin.client, `${SUPPORT}/assignment`, { auto_assign: false });

    assert.equal((await admin.client.post(`/api/v1/admin/staff/${dan.user.id}/activate`)).status, 200);
    assert.ok((await agentIds()).includes(dan.user.id), 'back once activated');
  });
});
