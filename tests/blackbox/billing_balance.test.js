// The ledger: a signup credit, replies charged until the balance reaches zero, then
// one polite free message and the chat flagged for operators; after a staff top-up the
// released chat is answered again.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { addQa, balance, createEmployee, messages, say, settle, startChat, waitForMessages, waitForReply } from '../lib/employees.js';
import { useServer } from '../lib/server.js';
import { newCustomer, newStaff } from '../lib/tickets.js';

// 20 kopecks of credit: one 9-word reply (45 kopecks at 50 RUB per 1,000 words) exhausts it.
const ctx = useServer({ env: { TEXTURA_SIGNUP_CREDIT_MINOR: '20' } });
let a;
let staff;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Billing A' });
    staff = await newStaff(ctx.server);
  })();
  return setup;
}

describe('balance', () => {
  before(people);

  test('a new account starts with the signup credit in its ledger', async () => {
    const b = await balance(a.client);
    assert.deepEqual(b.balance, { amount_minor: 20, currency: 'RUB' });
    assert.equal(b.words_this_month, 0);
    const ledger = await a.client.get('/api/v1/billing/ledger');
    assert.equal(ledger.json.items.length, 1);
    assert.equal(ledger.json.items[0].kind, 'top_up');
    assert.equal(ledger.json.items[0].amount.amount_minor, 20);
  });

  test('at zero balance the AI stops and the chat says why, once; a top-up resumes it', async () => {
    const e = await createEmployee(a.client, { name: 'Billy' });
    await addQa(a.client, e.id, 'Opening hours', 'We are open from 9 to 18 every day.');
    const chat = await startChat(a.client, e.id);
    await say(a.client, chat.id, 'opening hours?');
    const first = await waitForReply(a.client, chat.id);
    assert.equal(first.author.kind, 'employee');
    assert.equal(first.cost.amount_minor, 45);
    assert.equal((await balance(a.client)).balance.amount_minor, -25);

    // At zero balance the client gets a polite free message and the chat goes to people.
    await say(a.client, chat.id, 'opening hours again?');
    const notice = await waitForReply(a.client, chat.id);
    assert.equal(notice.author.kind, 'employee');
    assert.match(notice.text, /can't answer right now/);
    assert.deepEqual(notice.cost, { amount_minor: 0, currency: 'RUB' });
    assert.equal(notice.free, true, 'the stop notice is marked free');
    const flagged = (await a.client.get(`/api/v1/chats/${chat.id}`)).json.chat;
    assert.equal(flagged.needs_human, true, 'the chat is flagged for operators');
    assert.match(flagged.handoff_reason, /balance is zero/);
    const summary = (await a.client.get('/api/v1/finance/summary')).json;
    assert.deepEqual(summary.stopped, [{ employee_id: null, reason: 'balance' }], 'the owner sees why on Finance');
    await say(a.client, chat.id, 'hello?');
    await settle();
    const after = await messages(a.client, chat.id);
    assert.equal(after.filter((m) => /can't answer/.test(m.text)).length, 1, 'the notice is written once');
    assert.equal(after[after.length - 1].author.kind, 'client');
    assert.equal((await balance(a.client)).balance.amount_minor, -25, 'nothing more is charged');

    expectError(await a.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 1000 }), 403, 'forbidden');
    expectError(await staff.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 0 }), 400, 'validation_failed', 'amount_minor');
    expectError(await staff.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 1e10 }), 400, 'validation_failed', 'amount_minor');
    expectError(await staff.client.post('/api/v1/admin/accounts/999999/top-ups', { amount_minor: 100 }), 404, 'not_found');
    const top = await staff.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 1000, note: 'Invoice 42' });
    assert.equal(top.status, 201);
    assert.equal(top.json.entry.kind, 'top_up');
    assert.equal((await balance(a.client)).balance.amount_minor, 975);

    // Operators hand the chat back to the AI, which answers again.
    assert.equal((await a.client.post(`/api/v1/chats/${chat.id}/release`)).status, 200);
    await say(a.client, chat.id, 'opening hours now?');
    await waitForMessages(a.client, chat.id, (ms) => ms[ms.length - 1].author.kind === 'employee');
    assert.equal((await balance(a.client)).balance.amount_minor, 930);
    const ledger = (await a.client.get('/api/v1/billing/ledger')).json.items;
    assert.deepEqual(ledger.map((x) => x.amount.amount_minor), [-45, 1000, -45, 20]);
  });

  test('staff have no balance of their own', async () => {
    expectError(await staff.client.get('/api/v1/billing/balance'), 403, 'forbidden');
  });
});
