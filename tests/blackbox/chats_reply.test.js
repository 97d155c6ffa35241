// Chats in the playground: the knowledge responder answers from the knowledge base
// (streamed as chat.reply_delta, then chat.message_created, charged by its words), hands
// off when it has no answer, stays silent when paused, taken over or handed off;
// operators take over and release; flooding is 429; other accounts see 404.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import {
  CHATS,
  EMPLOYEES,
  addQa,
  balance,
  createEmployee,
  messages,
  say,
  settle,
  startChat,
  waitForReply,
} from '../lib/employees.js';
import { useServer } from '../lib/server.js';
import { TICKETS, newCustomer, newStaff, openEvents } from '../lib/tickets.js';

const ctx = useServer({ env: { TEXTURA_CHAT_MAX_MESSAGES_PER_MINUTE: '4' } });
let a;
let b;
let staff;
let olga;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Chats A' });
    b = await newCustomer(ctx.url, { company: 'Chats B' });
    staff = await newStaff(ctx.server);
    olga = await createEmployee(a.client, { name: 'Olga', greeting: 'Hello! Ask me anything.' });
    await addQa(a.client, olga.id, 'What are your opening hours?', 'We are open from 9 to 18 every day.');
    await addQa(a.client, olga.id, 'Сколько стоит доставка по Москве?', 'Доставка по Москве стоит 300 рублей.');
  })();
  return setup;
}

describe('replies from the knowledge base', () => {
  before(people);

  test('the playground starts with the free greeting', async () => {
    const chat = await startChat(a.client, olga.id);
    assert.equal(chat.source, 'playground');
    assert.equal(chat.url, `/chats/${chat.id}`);
    assert.equal(chat.status, 'ai');
    const [greeting] = await messages(a.client, chat.id);
    assert.equal(greeting.author.kind, 'employee');
    assert.equal(greeting.text, 'Hello! Ask me anything.');
    assert.deepEqual(greeting.cost, { amount_minor: 0, currency: 'RUB' });
  });

  test('an answer is streamed, stored once with its words and cost, and charged', async () => {
    const chat = await startChat(a.client, olga.id);
    const socket = await openEvents(ctx.url, a.client, { name: 'A' });
    const before = await balance(a.client);
    const asked = await say(a.client, chat.id, 'When are you open?');
    assert.equal(asked.author.kind, 'client');
    assert.equal(asked.words, 4);
    assert.equal(asked.cost, null);

    const reply = await waitForReply(a.client, chat.id);
    assert.equal(reply.author.kind, 'employee');
    assert.equal(reply.author.name, 'Olga');
    assert.equal(reply.text, 'We are open from 9 to 18 every day.');
    assert.equal(reply.words, 9);
    assert.deepEqual(reply.cost, { amount_minor: 45, currency: 'RUB' }); // 9 words × 50 RUB / 1000
    assert.equal(reply.free, false);
    assert.equal(reply.passages[0].title, 'What are your opening hours?');
    assert.equal(reply.passages[0].score, 1);

    // Deltas first (one reply_id), then the stored message; the pieces add up to it.
    let frames = [];
    for (let i = 0; i < 50 && !frames.some((f) => f.type === 'chat.message_created' && f.message.id === reply.id); i++) {
      frames = socket.frames.filter((f) => f.type.startsWith('chat.') && (f.chat_id ?? f.chat?.id) === chat.id);
      await settle(50);
    }
    const deltas = frames.filter((f) => f.type === 'chat.reply_delta');
    const createdAt = frames.findIndex((f) => f.type === 'chat.message_created' && f.message.id === reply.id);
    assert.ok(deltas.length >= 2, `several pieces: ${JSON.stringify(frames)}`);
    assert.ok(createdAt > frames.indexOf(deltas[deltas.length - 1]), 'the stored message follows the deltas');
    assert.equal(new Set(deltas.map((d) => d.reply_id)).size, 1);
    assert.equal(deltas.map((d) => d.text).join(''), reply.text);
    socket.close();

    const after = await balance(a.client);
    assert.equal(after.balance.amount_minor, before.balance.amount_minor - 45);
    assert.equal(after.words_this_month, before.words_this_month + 9);
    const ledger = await a.client.get('/api/v1/billing/ledger?limit=1');
    assert.equal(ledger.json.items[0].kind, 'charge');
    assert.equal(ledger.json.items[0].message_id, reply.id);
    assert.equal(ledger.json.items[0].amount.amount_minor, -45);
    assert.equal((await a.client.get(`${EMPLOYEES}/${olga.id}`)).json.employee.words_this_month >= 9, true);
  });

  test('Russian questions find Russian answers', async () => {
    const chat = await startChat(a.client, olga.id);
    await say(a.client, chat.id, 'Какая стоимость доставки по Москве?');
    const reply = await waitForReply(a.client, chat.id);
    assert.equal(reply.text, 'Доставка по Москве стоит 300 рублей.');
    assert.equal(reply.words, 6);
  });

  test('no answer in the knowledge base: a free handoff, and the AI stops replying there', async () => {
    const chat = await startChat(a.client, olga.id);
    const before = await balance(a.client);
    const charges = (await a.client.get('/api/v1/billing/ledger?limit=100')).json.items.length;
    await say(a.client, chat.id, 'Do you sell refrigerators?');
    const reply = await waitForReply(a.client, chat.id);
    assert.match(reply.text, /colleague/);
    // "I'll pass your question to a colleague" is not an answer: the client pays nothing.
    assert.equal(reply.author.kind, 'employee');
    assert.ok(reply.words > 0, 'its words are counted');
    assert.deepEqual(reply.cost, { amount_minor: 0, currency: 'RUB' });
    assert.equal(reply.free, true);
    assert.deepEqual((await balance(a.client)).balance, before.balance);
    assert.equal((await a.client.get('/api/v1/billing/ledger?limit=100')).json.items.length, charges, 'no ledger row');
    const flagged = (await a.client.get(`${CHATS}/${chat.id}`)).json.chat;
    assert.equal(flagged.needs_human, true);
    assert.match(flagged.handoff_reason, /refrigerators/);
    const listed = await a.client.get(`${CHATS}?needs_human=true`);
    assert.ok(listed.json.items.some((c) => c.id === chat.id));
    const count = (await messages(a.client, chat.id)).length;
    await say(a.client, chat.id, 'What are your opening hours?');
    await settle();
    assert.equal((await messages(a.client, chat.id)).length, count + 1, 'no AI reply after a handoff');
  });

  test('a paused employee does not reply; resumed, it does', async () => {
    const e = await createEmployee(a.client, { name: 'Sleepy' });
    await addQa(a.client, e.id, 'Opening hours', 'Nine to six.');
    const chat = await startChat(a.client, e.id);
    await a.client.patch(`${EMPLOYEES}/${e.id}`, { status: 'paused' });
    await say(a.client, chat.id, 'opening hours?');
    await settle();
    assert.equal((await messages(a.client, chat.id)).length, 1);
    await a.client.patch(`${EMPLOYEES}/${e.id}`, { status: 'active' });
    await say(a.client, chat.id, 'opening hours please');
    assert.equal((await waitForReply(a.client, chat.id)).text, 'Nine to six.');
  });
});

describe('operators', () => {
  before(people);

  test('take over, write as a person, release back to the AI', async () => {
    const chat = await startChat(a.client, olga.id);
    expectError(await a.client.post(`${CHATS}/${chat.id}/operator-messages`, { text: 'Hi' }), 409, 'conflict');
    const taken = await a.client.post(`${CHATS}/${chat.id}/takeover`);
    assert.equal(taken.status, 200);
    assert.equal(taken.json.chat.status, 'human');
    await say(a.client, chat.id, 'When are you open?');
    await settle();
    const msgs = await messages(a.client, chat.id);
    assert.equal(msgs[msgs.length - 1].author.kind, 'client', 'the AI is silent while a person has the chat');
    const op = await a.client.post(`${CHATS}/${chat.id}/operator-messages`, { text: 'A person here: 9 to 18.' });
    assert.equal(op.status, 201);
    assert.equal(op.json.message.author.kind, 'operator');
    assert.equal(op.json.message.author.user_id, a.user.id);
    assert.equal(op.json.message.cost, null);
    assert.equal(op.json.message.words, 6);
    const released = await a.client.post(`${CHATS}/${chat.id}/release`);
    assert.equal(released.json.chat.status, 'ai');
    assert.equal(released.json.chat.needs_human, false);
    assert.equal(released.json.chat.handoff_reason, null);
    await say(a.client, chat.id, 'opening hours?');
    assert.equal((await waitForReply(a.client, chat.id)).author.kind, 'employee');
  });
});

describe('access and bad input', () => {
  before(people);

  test("another account's chat is 404 on every route; staff read but cannot write", async () => {
    const chat = await startChat(a.client, olga.id);
    for (const res of [
      await b.client.get(`${CHATS}/${chat.id}`),
      await b.client.get(`${CHATS}/${chat.id}/messages`),
      await b.client.post(`${CHATS}/${chat.id}/messages`, { text: 'intrude' }),
      await b.client.post(`${CHATS}/${chat.id}/takeover`),
      await b.client.post(`${CHATS}/${chat.id}/release`),
      await b.client.post(`${CHATS}/${chat.id}/operator-messages`, { text: 'x' }),
    ]) {
      expectError(res, 404, 'not_found');
    }
    assert.ok(!(await b.client.get(CHATS)).json.items.some((c) => c.id === chat.id));
    expectError(await a.client.get(`${CHATS}/nope`), 404, 'not_found');
    assert.equal((await staff.client.get(`${CHATS}/${chat.id}`)).status, 200);
    assert.equal((await staff.client.get(`${CHATS}/${chat.id}/messages`)).status, 200);
    expectError(await staff.client.post(`${CHATS}/${chat.id}/messages`, { text: 'staff' }), 403, 'forbidden');
    expectError(await staff.client.post(`${CHATS}/${chat.id}/takeover`), 403, 'forbidden');
    assert.equal((await messages(a.client, chat.id)).length, 1);
  });

  test('message text is validated; flooding a chat answers 429 with Retry-After', async () => {
    const chat = await startChat(a.client, olga.id);
    expectError(await a.client.post(`${CHATS}/${chat.id}/messages`, { text: '' }), 400, 'validation_failed', 'text');
    expectError(await a.client.post(`${CHATS}/${chat.id}/messages`, { text: 'x'.repeat(4001) }), 400, 'validation_failed', 'text');
    expectError(await a.client.post(`${CHATS}/${chat.id}/messages`, {}), 400, 'validation_failed', 'text');
    for (let i = 0; i < 4; i++) await say(a.client, chat.id, `hello ${i}`);
    const flood = await a.client.post(`${CHATS}/${chat.id}/messages`, { text: 'one too many' });
    expectError(flood, 429, 'rate_limited');
    assert.ok(Number(flood.headers['retry-after']) >= 1);
    const other = await startChat(a.client, olga.id);
    await say(a.client, other.id, 'another chat is not limited');
  });

  test('chat list filters and search', async () => {
    const e = await createEmployee(a.client, { name: 'Filterer' });
    const chat = await startChat(a.client, e.id);
    await say(a.client, chat.id, 'Unusual word: xylophone');
    const byEmployee = await a.client.get(`${CHATS}?employee_id=${e.id}`);
    assert.deepEqual(byEmployee.json.items.map((c) => c.id), [chat.id]);
    const found = await a.client.get(`${CHATS}?q=XYLOPHONE`);
    assert.deepEqual(found.json.items.map((c) => c.id), [chat.id]);
    expectError(await a.client.get(`${CHATS}?needs_human=maybe`), 400, 'validation_failed', 'needs_human');
    expectError(await a.client.get(`${CHATS}?from=yesterday`), 400, 'validation_failed', 'from');
    expectError(await a.client.get(`${CHATS}?source=fax`), 400, 'validation_failed', 'source');
    assert.deepEqual((await a.client.get(`${CHATS}?source=telegram`)).json.items, [], 'no Telegram chats here');
  });

  test('tickets may name an employee of the caller account only', async () => {
    const mine = await a.client.post(TICKETS, { title: 'Olga is wrong', body: 'See the chat.', category: 'question', employee_id: olga.id });
    assert.equal(mine.status, 201);
    assert.equal(mine.json.ticket.employee_id, olga.id);
    const theirs = await b.client.post(TICKETS, { title: 'Not mine', body: 'x', category: 'question', employee_id: olga.id });
    expectError(theirs, 400, 'validation_failed', 'employee_id');
  });
});
