// The LLM path end to end: the real binary calls the fake OpenAI-compatible provider
// over HTTP (TEXTURA_LLM_BASE_URL). An employee on an LLM model answers with the
// provider's streamed text (chat.reply_delta, then chat.message_created), charged at
// its model's price; the prompt carries the instructions, the retrieved knowledge,
// the history, the handoff tool and the API key; the handoff tool flags the chat and
// silences the AI; every provider failure is a system message and no charge; an
// employee on the knowledge model never calls the provider.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  addQa,
  balance,
  CHATS,
  createEmployee,
  messages,
  say,
  settle,
  startChat,
  waitForReply,
} from '../lib/employees.js';
import { FAKE_KEY, chatFrames, fakeRequests, startLlmStack, waitForCreated } from '../lib/llm.js';
import { newCustomer, openEvents } from '../lib/tickets.js';

const INSTRUCTIONS = 'You are the concierge of Hotel Aurora. Always address the guest politely.';
const OPENING = 'We are open from 9 to 18 every day.';
const PARKING = 'Parking is free for guests.';

let stack;
let setup;
// Top-level before hooks run concurrently in Node 20: everything is made lazily here.
function ready() {
  setup ??= (async () => {
    stack = await startLlmStack({ env: { TEXTURA_CHAT_MAX_MESSAGES_PER_MINUTE: '100' } });
  })();
  return setup;
}
after(async () => {
  if (stack) await stack.stop();
});

async function priceOf(client, model) {
  const res = await client.get('/api/v1/models');
  assert.equal(res.status, 200);
  const m = res.json.items.find((x) => x.id === model);
  assert.ok(m, `model ${model} in ${JSON.stringify(res.json.items)}`);
  return m.price_per_1000_words.amount_minor;
}

async function ledgerTop(client) {
  const res = await client.get('/api/v1/billing/ledger?limit=100');
  assert.equal(res.status, 200);
  return res.json.items;
}

describe('an employee on an LLM model', () => {
  let a;
  let olga;
  before(async () => {
    await ready();
    a = await newCustomer(stack.server.url, { company: 'LLM hotel' });
    olga = await createEmployee(a.client, { name: 'Olga', model: 'gpt-4o-mini', instructions: INSTRUCTIONS });
    await addQa(a.client, olga.id, 'What are your opening hours?', OPENING);
    await addQa(a.client, olga.id, 'Do you have parking?', PARKING);
  });

  test('answers with the streamed text, stored once, priced at its model and charged', async () => {
    const price = await priceOf(a.client, 'gpt-4o-mini');
    assert.ok(price > 0);
    const chat = await startChat(a.client, olga.id);
    const socket = await openEvents(stack.server.url, a.client, { name: 'A' });
    const before = await balance(a.client);
    const ledgerBefore = await ledgerTop(a.client);

    await say(a.client, chat.id, 'Good evening!');
    const first = await waitForReply(a.client, chat.id);
    assert.equal(first.author.kind, 'employee');
    assert.equal(first.text, 'Echo: Good evening!');
    await say(a.client, chat.id, 'When are you open?');
    const reply = await waitForReply(a.client, chat.id);
    assert.equal(reply.author.kind, 'employee');
    assert.equal(reply.author.name, 'Olga');
    assert.equal(reply.text, 'Echo: When are you open?');
    assert.equal(reply.words, 5);
    const cost = Math.ceil((5 * price) / 1000);
    assert.deepEqual(reply.cost, { amount_minor: cost, currency: 'RUB' });
    assert.equal(reply.passages[0].title, 'What are your opening hours?');

    // Deltas (one reply_id, adding up to the text), then the stored message.
    const frames = await waitForCreated(socket, chat.id, reply.id);
    const mine = frames.slice(frames.findIndex((f) => f.type === 'chat.message_created' && f.message.id === first.id) + 1);
    const deltas = mine.filter((f) => f.type === 'chat.reply_delta');
    assert.ok(deltas.length >= 3, `one delta per word: ${JSON.stringify(mine)}`);
    assert.equal(new Set(deltas.map((d) => d.reply_id)).size, 1);
    assert.equal(deltas.map((d) => d.text).join(''), reply.text);
    assert.equal(mine[mine.length - 1].message.text, reply.text);
    assert.deepEqual(mine[mine.length - 1].message.cost, reply.cost);
    socket.close();

    // The balance moved by exactly the two replies' costs, each one ledger charge.
    const firstCost = first.cost.amount_minor;
    assert.equal(firstCost, Math.ceil((first.words * price) / 1000));
    const afterBalance = await balance(a.client);
    assert.equal(afterBalance.balance.amount_minor, before.balance.amount_minor - firstCost - cost);
    assert.equal(afterBalance.words_this_month, before.words_this_month + first.words + 5, "the AI words");
    const ledger = await ledgerTop(a.client);
    assert.equal(ledger.length, ledgerBefore.length + 2);
    assert.equal(ledger[0].kind, 'charge');
    assert.equal(ledger[0].message_id, reply.id);
    assert.equal(ledger[0].chat_id, chat.id);
    assert.equal(ledger[0].employee_id, olga.id);
    assert.equal(ledger[0].model, 'gpt-4o-mini');
    assert.equal(ledger[0].words, 5);
    assert.deepEqual(ledger[0].amount, { amount_minor: -cost, currency: 'RUB' });
  });

  test('the prompt carries the instructions, the knowledge, the history, the tool and the key', async () => {
    const chat = await startChat(a.client, olga.id);
    await say(a.client, chat.id, 'Hello, I am Ivan.');
    await waitForReply(a.client, chat.id);
    await say(a.client, chat.id, 'Do you have parking for my car?');
    await waitForReply(a.client, chat.id);

    const requests = await fakeRequests(stack.fake);
    const req = requests.findLast((r) => JSON.stringify(r.body).includes('parking for my car'));
    assert.ok(req, 'the provider was asked');
    assert.equal(req.authorization, `Bearer ${FAKE_KEY}`);
    assert.equal(req.accept, 'text/event-stream');
    const { body } = req;
    assert.equal(body.model, 'gpt-4o-mini');
    assert.equal(body.stream, true);
    const [system, ...rest] = body.messages;
    assert.equal(system.role, 'system');
    assert.ok(system.content.includes('Your name is Olga.'), system.content);
    assert.ok(system.content.includes(INSTRUCTIONS), system.content);
    assert.ok(system.content.includes(PARKING), `the retrieved passage: ${system.content}`);
    assert.ok(!system.content.includes(OPENING), 'an unrelated passage is not sent');
    assert.deepEqual(rest, [
      { role: 'user', content: 'Hello, I am Ivan.' },
      { role: 'assistant', content: 'Echo: Hello, I am Ivan.' },
      { role: 'user', content: 'Do you have parking for my car?' },
    ]);
    const tool = body.tools.find((t) => t.function?.name === 'handoff_to_human');
    assert.ok(tool, JSON.stringify(body.tools));
    assert.deepEqual(tool.function.parameters.required, ['reason']);
  });

  test('the handoff tool flags the chat; afterwards the AI and the provider stay silent', async () => {
    const chat = await startChat(a.client, olga.id);
    const before = await balance(a.client);
    await say(a.client, chat.id, 'I want a refund now. [[fake:tool handoff_to_human {"reason":"The guest asks for a refund"}]]');
    const deadline = Date.now() + 5000;
    let flagged;
    do {
      flagged = (await a.client.get(`${CHATS}/${chat.id}`)).json.chat;
      if (!flagged.needs_human) await settle(50);
    } while (!flagged.needs_human && Date.now() < deadline);
    assert.equal(flagged.needs_human, true);
    assert.equal(flagged.handoff_reason, 'The guest asks for a refund');
    const listed = await a.client.get(`${CHATS}?needs_human=true`);
    assert.ok(listed.json.items.some((c) => c.id === chat.id));
    // The tool came without text: no empty AI bubble, the chat says what happened.
    const afterHandoff = await messages(a.client, chat.id);
    assert.deepEqual(afterHandoff.map((m) => m.author.kind), ['client', 'system']);
    assert.equal(afterHandoff[1].text, 'The AI employee passed the chat to a person: The guest asks for a refund');
    assert.equal(afterHandoff[1].cost, null);
    const after = await balance(a.client);
    assert.equal(after.balance.amount_minor, before.balance.amount_minor, 'a handoff without text costs nothing');

    const asked = (await fakeRequests(stack.fake)).length;
    await say(a.client, chat.id, 'Hello? Is anyone there?');
    await settle(600);
    const now = await messages(a.client, chat.id);
    assert.equal(now.length, afterHandoff.length + 1, 'no AI reply after a handoff');
    assert.equal(now[now.length - 1].author.kind, 'client');
    assert.equal((await fakeRequests(stack.fake)).length, asked, 'the provider is not asked again');
  });
});

describe('a failing provider: a system message with the reason, no charge', () => {
  let b;
  let eve;
  before(async () => {
    await ready();
    b = await newCustomer(stack.server.url, { company: 'LLM failures' });
    eve = await createEmployee(b.client, { name: 'Eve', model: 'gpt-4o-mini' });
  });

  const cases = [
    { name: 'HTTP 500 after its retry', say: 'Hi [[fake:error 500 The server had an error]]', reason: /The AI provider failed \(HTTP 500\): The server had an error \(tried 2 times\)/, requests: 2 },
    { name: 'HTTP 401 (not retried)', say: 'Hi [[fake:error 401 Incorrect API key provided.]]', reason: /rejected the API key \(HTTP 401\): Incorrect API key provided/, requests: 1 },
    { name: 'a hang (first-byte timeout, retried once)', say: 'Hi [[fake:hang]]', reason: /did not answer within 1 s/, requests: 2, slow: true },
    { name: 'a connection closed mid-stream', say: 'Hi there friend [[fake:close-mid-stream]]', reason: /cut off before it finished/, requests: 1, partial: true },
    { name: 'a stall mid-stream (idle timeout, not retried)', say: 'Hi there friend [[fake:stall]]', reason: /stopped sending the reply for 1 s/, requests: 1, partial: true, slow: true },
    { name: 'garbage', say: 'Hi [[fake:garbage]]', reason: /malformed reply/, requests: 1 },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const chat = await startChat(b.client, eve.id);
      const socket = await openEvents(stack.server.url, b.client, { name: 'B' });
      const before = await balance(b.client);
      const ledgerBefore = await ledgerTop(b.client);
      const asked = (await fakeRequests(stack.fake)).length;
      const started = Date.now();
      await say(b.client, chat.id, c.say);
      const reply = await waitForReply(b.client, chat.id, { timeoutMs: 10_000 });
      const took = Date.now() - started;
      assert.equal(reply.author.kind, 'system');
      assert.match(reply.text, /^The AI employee could not reply: /);
      assert.match(reply.text, c.reason);
      assert.equal(reply.cost, null);
      if (c.slow) assert.ok(took < 6000, `bounded by the timeouts: ${took} ms`);

      const all = await messages(b.client, chat.id);
      assert.deepEqual(all.map((m) => m.author.kind), ['client', 'system'], 'no AI message stored');
      const frames = await waitForCreated(socket, chat.id, reply.id);
      const deltas = frames.filter((f) => f.type === 'chat.reply_delta').map((f) => f.text).join('');
      if (c.partial) assert.ok(deltas.startsWith('Echo:'), `pieces streamed before the cut: ${deltas}`);
      socket.close();

      const after = await balance(b.client);
      assert.deepEqual(after.balance, before.balance, 'no charge');
      assert.equal(after.spent_this_month.amount_minor, before.spent_this_month.amount_minor);
      assert.deepEqual(await ledgerTop(b.client), ledgerBefore, 'the ledger is unchanged');
      assert.equal((await fakeRequests(stack.fake)).length - asked, c.requests, 'attempts');
    });
  }

  test('after a failure the next message is answered normally', async () => {
    const chat = await startChat(b.client, eve.id);
    await say(b.client, chat.id, 'Hi [[fake:error 401]]');
    assert.equal((await waitForReply(b.client, chat.id)).author.kind, 'system');
    await say(b.client, chat.id, 'Second try');
    const reply = await waitForReply(b.client, chat.id);
    assert.equal(reply.author.kind, 'employee');
    assert.equal(reply.text, 'Echo: Second try');
  });
});

describe('an employee on the knowledge model beside the LLM', () => {
  test('is answered from knowledge without calling the provider', async () => {
    await ready();
    const c = await newCustomer(stack.server.url, { company: 'LLM knowledge' });
    const kira = await createEmployee(c.client, { name: 'Kira', model: 'textura-knowledge' });
    await addQa(c.client, kira.id, 'What are your opening hours?', OPENING);
    const price = await priceOf(c.client, 'textura-knowledge');
    const asked = (await fakeRequests(stack.fake)).length;
    const chat = await startChat(c.client, kira.id);
    await say(c.client, chat.id, 'When are you open?');
    const reply = await waitForReply(c.client, chat.id);
    assert.equal(reply.author.kind, 'employee');
    assert.equal(reply.text, OPENING);
    assert.deepEqual(reply.cost, { amount_minor: Math.ceil((reply.words * price) / 1000), currency: 'RUB' });
    assert.equal((await fakeRequests(stack.fake)).length, asked, 'the provider was not called');
  });
});
