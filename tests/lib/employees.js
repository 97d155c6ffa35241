// Helpers for the AI employee, chat and billing tests.

import assert from 'node:assert/strict';
import { sleep } from './expect.js';

export const EMPLOYEES = '/api/v1/employees';
export const CHATS = '/api/v1/chats';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

export async function createEmployee(client, fields = {}) {
  const res = await client.post(EMPLOYEES, { name: 'Olga', role: 'Concierge', ...fields });
  assert.equal(res.status, 201, `create employee: ${describe(res)}`);
  return res.json.employee;
}

export async function addQa(client, employeeId, question, answer) {
  const res = await client.post(`${EMPLOYEES}/${employeeId}/knowledge`, { kind: 'qa', question, answer });
  assert.equal(res.status, 201, `add Q&A: ${describe(res)}`);
  return res.json.item;
}

export async function startChat(client, employeeId) {
  const res = await client.post(`${EMPLOYEES}/${employeeId}/playground`);
  assert.equal(res.status, 201, `start playground: ${describe(res)}`);
  return res.json.chat;
}

export async function say(client, chatId, text) {
  const res = await client.post(`${CHATS}/${chatId}/messages`, { text });
  assert.equal(res.status, 202, `client message: ${describe(res)}`);
  return res.json.message;
}

export async function messages(client, chatId) {
  const res = await client.get(`${CHATS}/${chatId}/messages?limit=100`);
  assert.equal(res.status, 200, `messages: ${describe(res)}`);
  return res.json.items;
}

export async function balance(client) {
  const res = await client.get('/api/v1/billing/balance');
  assert.equal(res.status, 200, `balance: ${describe(res)}`);
  return res.json;
}

// Polls the chat until `predicate(messages)` holds; fails after timeoutMs.
export async function waitForMessages(client, chatId, predicate, { timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = [];
  while (Date.now() < deadline) {
    last = await messages(client, chatId);
    if (predicate(last)) return last;
    await sleep(50);
  }
  assert.fail(`chat ${chatId}: condition not met within ${timeoutMs} ms: ${JSON.stringify(last.map((m) => [m.author.kind, m.text]))}`);
}

// Waits for the AI's answer to the latest client message (an employee or system message after it).
export async function waitForReply(client, chatId, opts) {
  const all = await waitForMessages(
    client,
    chatId,
    (ms) => ms.length > 0 && ms[ms.length - 1].author.kind !== 'client',
    opts,
  );
  return all[all.length - 1];
}

// Gives the reply engine time to act (for asserting that nothing happens).
export async function settle(ms = 400) {
  await sleep(ms);
}
