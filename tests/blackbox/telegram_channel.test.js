// Telegram channels end to end: the real binary long-polls the fake Bot API over HTTP
// (TEXTURA_TELEGRAM_API_BASE_URL). A connected bot's users are answered by the
// employee's knowledge through the outbox, their chats are Textura chats (source
// telegram), the token never comes back, updates are processed once (also across a
// restart), another account's channel is 404, and a wrong token saves nothing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectError, sleep } from '../lib/expect.js';
import { CHATS, addQa, createEmployee, messages, waitForMessages } from '../lib/employees.js';
import { TexturaServer } from '../lib/server.js';
import {
  CHANNELS,
  TELEGRAM_ENV,
  connect,
  inject,
  newBot,
  sentBy,
  startFakeTelegram,
  userWrites,
  waitForChannel,
  waitForSent,
} from '../lib/telegram.js';
import { newCustomer, newStaff } from '../lib/tickets.js';

const HOURS = 'We are open from 9 to 18 every day. Breakfast <b>is</b> served 7 & 10.';

let fake;
let server;
let a;
let b;
let olga;
let setup;
function ready() {
  setup ??= (async () => {
    fake = await startFakeTelegram();
    server = await TexturaServer.start({ env: { ...TELEGRAM_ENV, TEXTURA_TELEGRAM_API_BASE_URL: fake.url } });
    a = await newCustomer(server.url, { company: 'Hotel Aurora' });
    b = await newCustomer(server.url, { company: 'Other Hotel' });
    olga = await createEmployee(a.client, { name: 'Olga', greeting: 'Welcome to Hotel Aurora!' });
    await addQa(a.client, olga.id, 'What are your opening hours?', HOURS);
  })();
  return setup;
}
after(async () => {
  if (server) await server.stop();
  if (fake) await fake.close();
});

async function telegramChat(client, clientName) {
  const res = await client.get(`${CHATS}?source=telegram&limit=100`);
  assert.equal(res.status, 200);
  return res.json.items.find((c) => c.client_name === clientName);
}

describe('connecting a bot', () => {
  before(ready);

  test('a wrong token is refused with a clear error and nothing is saved', async () => {
    const res = await a.client.post(CHANNELS, { token: '123456:NotARealToken', employee_id: olga.id });
    expectError(res, 400, 'validation_failed', 'token');
    assert.match(res.json.error.message, /did not accept this token/);
    const malformed = await a.client.post(CHANNELS, { token: 'hello', employee_id: olga.id });
    expectError(malformed, 400, 'validation_failed', 'token');
    const list = await a.client.get(CHANNELS);
    assert.deepEqual(list.json.items, []);
  });

  test('a good token shows the bot and never comes back', async () => {
    const bot = await newBot(fake);
    const channel = await connect(a.client, bot, olga.id);
    assert.equal(channel.kind, 'telegram');
    assert.equal(channel.mode, 'polling');
    assert.equal(channel.status, 'connected');
    assert.equal(channel.name, bot.username);
    assert.equal(channel.employee_id, olga.id);
    assert.equal(channel.token_hint, `…${bot.token.slice(-4)}`);
    const list = await a.client.get(CHANNELS);
    assert.ok(!list.text.includes(bot.token.split(':')[1]), 'the token is not in the list');
    assert.ok(!server.output.includes(bot.token.split(':')[1]), 'the token is not in the logs');
    const again = await a.client.post(CHANNELS, { token: bot.token, employee_id: olga.id });
    expectError(again, 409, 'conflict');
    // Another account sees nothing of it.
    const other = await b.client.get(`${CHANNELS}/${channel.id}`);
    expectError(other, 404, 'not_found');
    expectError(await b.client.patch(`${CHANNELS}/${channel.id}`, { status: 'paused' }), 404, 'not_found');
    expectError(await b.client.delete(`${CHANNELS}/${channel.id}`), 404, 'not_found');
    assert.deepEqual((await b.client.get(CHANNELS)).json.items, []);
  });
});

describe('a conversation in Telegram', () => {
  before(ready);

  test('the user is greeted, answered from the knowledge, and the chat is in Chats', async () => {
    const bot = await newBot(fake);
    const channel = await connect(a.client, bot, olga.id);
    await userWrites(fake, bot, { chatId: 501, text: '/start', from: { first_name: 'Ivan', last_name: 'Petrov' } });
    const [greeting] = await waitForSent(fake, bot, 501, 1);
    assert.equal(greeting.text, 'Welcome to Hotel Aurora!');
    assert.equal(greeting.parse_mode, 'HTML');

    await userWrites(fake, bot, { chatId: 501, text: 'What are your opening hours?', from: { first_name: 'Ivan', last_name: 'Petrov' } });
    const sent = await waitForSent(fake, bot, 501, 2);
    // The knowledge's text arrives as written: escaped for HTML, parsed back by Telegram.
    assert.ok(sent[1].text.includes(HOURS), sent[1].text);
    assert.ok(sent[1].raw.includes('&lt;b&gt;is&lt;/b&gt;') && sent[1].raw.includes('7 &amp; 10'), sent[1].raw);
    const typing = (await sentBy(fake, bot)).filter((m) => m.method === 'sendChatAction' && m.chat_id === 501);
    assert.ok(typing.length >= 1 && typing[0].action === 'typing', 'typing was shown');

    const chat = await telegramChat(a.client, 'Ivan Petrov');
    assert.ok(chat, 'the Telegram chat is listed with the user name');
    assert.equal(chat.source, 'telegram');
    const ms = await messages(a.client, chat.id);
    assert.deepEqual(ms.map((m) => m.author.kind), ['employee', 'client', 'employee']);
    assert.ok(ms[2].words > 0 && ms[2].cost.amount_minor > 0, 'the reply is metered and charged');

    const status = await waitForChannel(a.client, channel.id, (c) => c.messages_out_today >= 2);
    assert.equal(status.messages_in_today, 2);
    assert.ok(status.last_update_at);
  });

  test('a repeated update_id is processed once', async () => {
    const bot = await newBot(fake);
    await connect(a.client, bot, olga.id);
    await userWrites(fake, bot, { chatId: 601, text: 'hello there', updateId: 900001, from: { first_name: 'Dup' } });
    await waitForSent(fake, bot, 601, 1);
    await userWrites(fake, bot, { chatId: 601, text: 'hello there', updateId: 900001, from: { first_name: 'Dup' } });
    await sleep(2500);
    const chat = await telegramChat(a.client, 'Dup');
    const ms = await messages(a.client, chat.id);
    assert.equal(ms.filter((m) => m.author.kind === 'client').length, 1);
    assert.equal((await sentBy(fake, bot)).filter((m) => m.method === 'sendMessage' && m.chat_id === 601).length, 1);
  });

  test('an operator takes over and their message reaches the user; group chats are ignored', async () => {
    const bot = await newBot(fake);
    await connect(a.client, bot, olga.id);
    await userWrites(fake, bot, { chatId: 701, text: 'What are your opening hours?', from: { first_name: 'Maria' } });
    await waitForSent(fake, bot, 701, 1);
    const chat = await telegramChat(a.client, 'Maria');
    assert.equal((await a.client.post(`${CHATS}/${chat.id}/takeover`)).status, 200);
    const posted = await a.client.post(`${CHATS}/${chat.id}/operator-messages`, { text: 'Hi Maria, this is Anna <reception>.' });
    assert.ok(posted.status === 201 || posted.status === 202, posted.text);
    const sent = await waitForSent(fake, bot, 701, 2);
    assert.equal(sent[1].text, 'Hi Maria, this is Anna <reception>.');

    await userWrites(fake, bot, { chatId: -100, chatType: 'group', text: 'What are your opening hours?', from: { first_name: 'Group' } });
    await sleep(2000);
    assert.equal(await telegramChat(a.client, 'Group'), undefined);
  });

  test('a user who blocked the bot makes the chat undeliverable, not a retry loop', async () => {
    const bot = await newBot(fake);
    await connect(a.client, bot, olga.id);
    await fetch(`${fake.url}/_fake/block`, { method: 'POST', body: JSON.stringify({ token: bot.token, chat_id: 801 }) });
    await userWrites(fake, bot, { chatId: 801, text: 'What are your opening hours?', from: { first_name: 'Blocker' } });
    const chat = await (async () => {
      for (let i = 0; i < 100; i++) {
        const c = await telegramChat(a.client, 'Blocker');
        if (c && c.message_count >= 2) return c;
        await sleep(100);
      }
      return null;
    })();
    assert.ok(chat, 'the reply was written');
    await sleep(2000);
    const calls = (await (await fetch(`${fake.url}/_fake/calls`)).json()).items
      .filter((c) => c.bot_id === bot.id && c.method === 'sendMessage');
    assert.equal(calls.length, 1, `one attempt, then undeliverable: ${JSON.stringify(calls)}`);
  });

  test('a 429 storm is waited out and every reply is delivered once', async () => {
    const bot = await newBot(fake);
    await connect(a.client, bot, olga.id);
    await inject(fake, { method: 'sendMessage', token: bot.token, status: 429, retry_after: 1, times: 3 });
    await userWrites(fake, bot, { chatId: 901, text: 'What are your opening hours?', from: { first_name: 'Storm' } });
    const sent = await waitForSent(fake, bot, 901, 1, { timeoutMs: 15_000 });
    await sleep(1500);
    assert.equal((await sentBy(fake, bot)).filter((m) => m.method === 'sendMessage' && m.chat_id === 901).length, 1);
    assert.ok(sent[0].text.includes('We are open'));
  });
});

describe('Telegram trouble', () => {
  before(ready);

  test('Telegram answering garbage or 409 shows on the channel and recovers', async () => {
    const bot = await newBot(fake);
    const channel = await connect(a.client, bot, olga.id);
    await inject(fake, { method: 'getUpdates', token: bot.token, garbage: true, times: 1 });
    const errored = await waitForChannel(a.client, channel.id, (c) => c.status === 'error');
    assert.match(errored.last_error, /not Bot API JSON/);
    assert.ok(errored.last_error_at);
    const recovered = await waitForChannel(a.client, channel.id, (c) => c.status === 'connected');
    assert.ok(recovered.last_error, 'the last error stays visible');
    await inject(fake, { method: 'getUpdates', token: bot.token, status: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running', times: 1 });
    const conflict = await waitForChannel(a.client, channel.id, (c) => c.status === 'error' && /409/.test(c.last_error ?? ''));
    assert.match(conflict.last_error, /another program/);
  });

  test('paused channels do not answer; resumed ones answer what waited', async () => {
    const bot = await newBot(fake);
    const channel = await connect(a.client, bot, olga.id);
    const paused = await a.client.patch(`${CHANNELS}/${channel.id}`, { status: 'paused' });
    assert.equal(paused.status, 200);
    assert.equal(paused.json.channel.status, 'paused');
    await sleep(1500);
    await userWrites(fake, bot, { chatId: 1001, text: 'What are your opening hours?', from: { first_name: 'Patient' } });
    await sleep(2000);
    assert.equal((await sentBy(fake, bot)).filter((m) => m.method === 'sendMessage').length, 0);
    expectError(await a.client.patch(`${CHANNELS}/${channel.id}`, { status: 'off' }), 400, 'validation_failed', 'status');
    assert.equal((await a.client.patch(`${CHANNELS}/${channel.id}`, { status: 'connected' })).status, 200);
    await waitForSent(fake, bot, 1001, 1);
  });
});

describe('restarts', () => {
  test('a restart mid-conversation neither loses nor repeats an update or a reply', async () => {
    await ready();
    const tg = await startFakeTelegram();
    const env = { ...TELEGRAM_ENV, TEXTURA_TELEGRAM_API_BASE_URL: tg.url };
    const s1 = await TexturaServer.start({ env });
    const owner = await newCustomer(s1.url, { company: 'Restart Hotel' });
    const emp = await createEmployee(owner.client, { name: 'Nina' });
    await addQa(owner.client, emp.id, 'Is parking free?', 'Parking is free for guests.');
    const bot = await newBot(tg);
    await connect(owner.client, bot, emp.id);
    await userWrites(tg, bot, { chatId: 42, text: 'Is parking free?', from: { first_name: 'Olav' } });
    await waitForSent(tg, bot, 42, 1);
    await s1.stop({ cleanup: false });
    // Written while the server is down: delivered once it is back.
    await userWrites(tg, bot, { chatId: 42, text: 'Is parking free for guests?', from: { first_name: 'Olav' } });
    const s2 = await TexturaServer.start({ env, root: s1.root, databaseUrl: s1.databaseUrl });
    try {
      const sent = await waitForSent(tg, bot, 42, 2, { timeoutMs: 15_000 });
      await sleep(2500);
      const all = (await sentBy(tg, bot)).filter((m) => m.method === 'sendMessage' && m.chat_id === 42);
      assert.equal(all.length, 2, JSON.stringify(all));
      assert.ok(sent[1].text.includes('Parking is free'));
    } finally {
      await s2.stop();
      await tg.close();
    }
  });
});
