// Staff management and the audit log: admins create, deactivate and activate staff;
// a deactivated user cannot sign in and their sessions end at once; everything an
// admin does (and a staff member closing a ticket) lands in the audit log.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import { closeTicket, createTicket, newCustomer, newStaff, openEvents } from '../lib/tickets.js';

const ctx = useServer();
const STAFF = '/api/v1/admin/staff';
const AUDIT = '/api/v1/admin/audit-log';

let admin;
let agent;
let customer;
let setup;
function people() {
  setup ??= (async () => {
    admin = await newStaff(ctx.server, { role: 'admin', name: 'Ada Admin' });
    agent = await newStaff(ctx.server, { name: 'Sam Staff' });
    customer = await newCustomer(ctx.url, { company: 'Acme' });
  })();
  return setup;
}

let counter = 0;
function staffFields(overrides = {}) {
  counter += 1;
  return { email: `new-agent-${counter}-${Date.now()}@example.com`, name: `New Agent ${counter}`, password: 'a long password', role: 'staff', ...overrides };
}

async function auditEntries(client, query = '') {
  const res = await client.get(`${AUDIT}${query}`);
  assert.equal(res.status, 200, res.text);
  return res.json.items;
}

describe('admins manage staff', () => {
  before(people);

  test('an admin creates a staff user who can then sign in; the list shows them', async () => {
    const fields = staffFields({ email: `  Mixed.Case-${Date.now()}@Example.COM ` });
    const res = await admin.client.post(STAFF, fields);
    assert.equal(res.status, 201, res.text);
    const user = res.json.user;
    assert.equal(user.email, fields.email.trim().toLowerCase());
    assert.equal(user.role, 'staff');
    assert.equal(user.active, true);
    assert.equal(user.last_login_at, null);

    const login = await new Client(ctx.url).login(fields.email.trim(), fields.password);
    assert.equal(login.status, 200, login.text);
    assert.equal(login.json.user.role, 'staff');

    const list = await admin.client.get(STAFF);
    assert.equal(list.status, 200);
    const listed = list.json.items.find((u) => u.id === user.id);
    assert.ok(listed, 'the new user is listed');
    assert.ok(listed.last_login_at, 'the sign-in is shown');
    assert.ok(list.json.items.some((u) => u.id === admin.user.id && u.role === 'admin'));
    assert.ok(!list.json.items.some((u) => u.id === customer.user.id), 'customers are not staff');
  });

  test('an admin may create another admin; a duplicate email is 409 email_taken', async () => {
    const fields = staffFields({ role: 'admin' });
    const res = await admin.client.post(STAFF, fields);
    assert.equal(res.status, 201);
    assert.equal(res.json.user.role, 'admin');
    expectError(await admin.client.post(STAFF, { ...fields, name: 'Someone else' }), 409, 'email_taken', 'email');
  });

  test('bad input is 400 with the field', async () => {
    expectError(await admin.client.post(STAFF, staffFields({ role: 'customer' })), 400, 'validation_failed', 'role');
    expectError(await admin.client.post(STAFF, staffFields({ role: 'boss' })), 400, 'validation_failed', 'role');
    expectError(await admin.client.post(STAFF, staffFields({ email: 'not-an-email' })), 400, 'validation_failed', 'email');
    expectError(await admin.client.post(STAFF, staffFields({ password: 'short' })), 400, 'validation_failed', 'password');
    expectError(await admin.client.post(STAFF, staffFields({ name: '   ' })), 400, 'validation_failed', 'name');
    expectError(await admin.client.post(STAFF, { ...staffFields(), extra: 1 }), 400, 'invalid_request', 'extra');
    expectError(await admin.client.post(STAFF, { ...staffFields(), role: 5 }), 400, 'invalid_request', 'role');
  });

  test('staff and customers are 403 on every admin route; anonymous is 401', async () => {
    for (const who of [agent.client, customer.client]) {
      expectError(await who.get(STAFF), 403, 'forbidden');
      expectError(await who.post(STAFF, staffFields()), 403, 'forbidden');
      expectError(await who.post(`${STAFF}/${admin.user.id}/deactivate`), 403, 'forbidden');
      expectError(await who.post(`${STAFF}/${agent.user.id}/activate`), 403, 'forbidden');
      expectError(await who.get(AUDIT), 403, 'forbidden');
    }
    expectError(await new Client(ctx.url).get(STAFF), 401, 'unauthenticated');
    expectError(await new Client(ctx.url).get(AUDIT), 401, 'unauthenticated');
  });

  test('deactivation ends the sessions and live sockets, blocks sign-in; activation restores sign-in', async () => {
    const fields = staffFields();
    const created = (await admin.client.post(STAFF, fields)).json.user;
    const victim = new Client(ctx.url);
    assert.equal((await victim.login(fields.email, fields.password)).status, 200);
    assert.equal((await victim.get('/api/v1/me')).status, 200);
    const socket = await openEvents(ctx.url, victim, { name: 'victim' });

    const res = await admin.client.post(`${STAFF}/${created.id}/deactivate`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.user.active, false);

    expectError(await victim.get('/api/v1/me'), 401, 'unauthenticated');
    const deadline = Date.now() + 5000;
    while (!socket.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(socket.closed, 'the live socket of the deactivated user closes');
    expectError(await new Client(ctx.url).login(fields.email, fields.password), 401, 'invalid_credentials');
    expectError(await new Client(ctx.url).login(fields.email, 'wrong password!'), 401, 'invalid_credentials');

    // Deactivating twice changes nothing.
    assert.equal((await admin.client.post(`${STAFF}/${created.id}/deactivate`)).json.user.active, false);

    const back = await admin.client.post(`${STAFF}/${created.id}/activate`);
    assert.equal(back.status, 200);
    assert.equal(back.json.user.active, true);
    assert.equal((await new Client(ctx.url).login(fields.email, fields.password)).status, 200);
  });

  test('an admin cannot deactivate themselves; unknown ids and customers are 404', async () => {
    expectError(await admin.client.post(`${STAFF}/${admin.user.id}/deactivate`), 409, 'conflict');
    assert.equal((await admin.client.get('/api/v1/me')).status, 200, 'still signed in');
    expectError(await admin.client.post(`${STAFF}/999999/deactivate`), 404, 'not_found');
    expectError(await admin.client.post(`${STAFF}/abc/deactivate`), 404, 'not_found');
    expectError(await admin.client.post(`${STAFF}/0/activate`), 404, 'not_found');
    expectError(await admin.client.post(`${STAFF}/${customer.user.id}/deactivate`), 404, 'not_found');
    assert.equal((await customer.client.get('/api/v1/me')).status, 200, 'the customer is untouched');
  });

  test('CSRF is required on admin writes', async () => {
    expectError(await admin.client.post(STAFF, staffFields(), { csrf: false }), 403, 'csrf_failed');
    expectError(await admin.client.post(`${STAFF}/${agent.user.id}/deactivate`, undefined, { csrf: false }), 403, 'csrf_failed');
  });
});

describe('the audit log', () => {
  before(people);

  test('records staff actions newest first with actor, refs and details; filters work', async () => {
    const fields = staffFields();
    const created = (await admin.client.post(STAFF, fields)).json.user;
    await admin.client.post(`${STAFF}/${created.id}/deactivate`);
    await admin.client.post(`${STAFF}/${created.id}/activate`);
    const { ticket } = await createTicket(customer.client, { title: 'Please close me' });
    await closeTicket(agent.client, ticket.id);

    const all = await auditEntries(admin.client, '?limit=100');
    const mine = all.filter((e) => e.target_user_id === created.id || e.ticket_id === ticket.id);
    assert.deepEqual(mine.map((e) => e.action), ['ticket.closed', 'staff.activated', 'staff.deactivated', 'staff.created']);
    const [closed, , , made] = mine;
    assert.deepEqual(closed.actor, { id: agent.user.id, name: 'Sam Staff' });
    assert.equal(closed.ticket_id, ticket.id);
    assert.equal(closed.account_id, customer.account.id);
    assert.equal(closed.details.title, 'Please close me');
    assert.deepEqual(made.actor, { id: admin.user.id, name: 'Ada Admin' });
    assert.equal(made.details.email, fields.email);
    assert.equal(made.details.role, 'staff');

    const byTicket = await auditEntries(admin.client, `?ticket_id=${ticket.id}`);
    assert.deepEqual(byTicket.map((e) => e.action), ['ticket.closed']);
    const byActor = await auditEntries(admin.client, `?actor_id=${agent.user.id}&limit=100`);
    assert.ok(byActor.length >= 1 && byActor.every((e) => e.actor.id === agent.user.id));
    const byAction = await auditEntries(admin.client, '?action=staff.deactivated&limit=100');
    assert.ok(byAction.length >= 1 && byAction.every((e) => e.action === 'staff.deactivated'));
  });

  test('a customer closing their own ticket is not a staff action; closing again adds nothing', async () => {
    const { ticket } = await createTicket(customer.client);
    await closeTicket(customer.client, ticket.id);
    await closeTicket(agent.client, ticket.id);
    assert.deepEqual(await auditEntries(admin.client, `?ticket_id=${ticket.id}`), []);
  });

  test('pages with a cursor without repeats', async () => {
    for (let i = 0; i < 3; i += 1) await admin.client.post(STAFF, staffFields());
    const first = await admin.client.get(`${AUDIT}?limit=2`);
    assert.equal(first.json.items.length, 2);
    assert.ok(first.json.next_cursor);
    const second = await admin.client.get(`${AUDIT}?limit=2&cursor=${first.json.next_cursor}`);
    assert.equal(second.json.items.length, 2);
    assert.ok(second.json.items[0].id < first.json.items[1].id);
  });

  test('bad filters are 400 with the field', async () => {
    expectError(await admin.client.get(`${AUDIT}?limit=0`), 400, 'validation_failed', 'limit');
    expectError(await admin.client.get(`${AUDIT}?limit=101`), 400, 'validation_failed', 'limit');
    expectError(await admin.client.get(`${AUDIT}?actor_id=x`), 400, 'validation_failed', 'actor_id');
    expectError(await admin.client.get(`${AUDIT}?ticket_id=-1`), 400, 'validation_failed', 'ticket_id');
    expectError(await admin.client.get(`${AUDIT}?action=DROP%20TABLE`), 400, 'validation_failed', 'action');
    expectError(await admin.client.get(`${AUDIT}?cursor=zzz`), 400, 'validation_failed', 'cursor');
  });
});
