// Helpers for the Telegram channel tests: the fake Bot API (in this process) and the
// real server pointed at it.

import assert from 'node:assert/strict';
import { startFakeTelegram } from '../fake-telegram/server.js';
import { sleep } from './expect.js';

export const CHANNELS = '/api/v1/channels';
// Short long polls so restarts and takeovers take seconds, not half a minute.
export const TELEGRAM_ENV = { TEXTURA_TELEGRAM_POLL_TIMEOUT_SECONDS: '1' };

export { startFakeTelegram };

let botSeq = 0;
// A bot that exists at the fake: {token, id, username}.
export async function newBot(fake, username = `concierge${++botSeq}_bot`) {
  const id = 7000000 + Math.floor(Math.random() * 1000000);
  const token = `${id}:AAH${Math.random().toString(36).slice(2)}SecretPart${botSeq}`;
  const res = await fetch(`${fake.url}/_fake/bots`, { method: 'POST', body: JSON.stringify({ token, username }) });
  assert.equal(res.status, 201);
  return { token, id, username };
}

// A Telegram user writing to the bot; resolves the update_id.
export async function userWrites(fake, bot, { chatId, text, from = {}, updateId, chatType } = {}) {
  const body = { token: bot.token, message: { chat_id: chatId, text, from: { id: chatId, first_name: 'Anna', ...from }, chat_type: chatType } };
  if (updateId !== undefined) body.update_id = updateId;
  const res = await fetch(`${fake.url}/_fake/updates`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(res.status, 201);
  return (await res.json()).update_id;
}

export async function sentBy(fake, bot) {
  const res = await fetch(`${fake.url}/_fake/sent?token=${encodeURIComponent(bot.token)}`);
  return (await res.json()).items;
}

// Waits until the bot has sent `count` messages to the chat (sendMessage); returns them.
export async function waitForSent(fake, bot, chatId, count = 1, { timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let mine = [];
  while (Date.now() < deadline) {
    mine = (await sentBy(fake, bot)).filter((m) => m.method === 'sendMessage' && m.chat_id === chatId);
    if (mine.length >= count) return mine;
    await sleep(50);
  }
  assert.fail(`bot ${bot.username}: ${count} message(s) to chat ${chatId} not sent within ${timeoutMs} ms; sent: ${JSON.stringify(mine)}`);
}

export async function inject(fake, rule) {
  const res = await fetch(`${fake.url}/_fake/inject`, { method: 'POST', body: JSON.stringify(rule) });
  assert.equal(res.status, 201);
}

export async function connect(client, bot, employeeId) {
  const res = await client.post(CHANNELS, { token: bot.token, employee_id: employeeId });
  assert.equal(res.status, 201, `connect: ${res.status} ${res.text}`);
  return res.json.channel;
}

// Polls GET /channels/{id} until `predicate(channel)`.
export async function waitForChannel(client, id, predicate, { timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    const res = await client.get(`${CHANNELS}/${id}`);
    last = res.json?.channel;
    if (res.status === 200 && predicate(last)) return last;
    await sleep(100);
  }
  assert.fail(`channel ${id}: condition not met within ${timeoutMs} ms: ${JSON.stringify(last)}`);
}
