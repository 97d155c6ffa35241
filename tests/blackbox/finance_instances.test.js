// A spending cap across two `textura serve` processes on one PostgreSQL database:
// 20 chats asked at once, half through each instance (each answers its own), overshoot
// the cap by less than one reply's reservation (docs/finance.md "The worst case").
// Runs when the suite runs on PostgreSQL (SQLite is one process).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, signedUpClient } from '../lib/client.js';
import { addQa, createEmployee, say, startChat, waitForReply } from '../lib/employees.js';
import { TexturaServer } from '../lib/server.js';

const onPostgres = Boolean(process.env.TEXTURA_TEST_POSTGRES_URL);
const ANSWER = 'We are open from 9 to 18 every day.'; // 9 words: 45 kopecks
const RESERVED = 50; // the 10-word limit at 50.00 RUB per 1,000 words
const CAP = 300;

describe('a cap across server instances (PostgreSQL)', { skip: !onPostgres && 'runs on PostgreSQL only' }, () => {
  let a;
  let b;
  before(async () => {
    const env = { TEXTURA_SIGNUP_CREDIT_MINOR: '100000', TEXTURA_REPLY_THREADS: '8' };
    a = await TexturaServer.start({ env });
    b = await TexturaServer.start({ databaseUrl: a.databaseUrl, env });
  });
  after(async () => {
    if (b) await b.stop({ cleanup: false });
    if (a) await a.stop();
  });

  it('20 chats on two instances overshoot the cap by less than one reply', async () => {
    const { client: onA, signup } = await signedUpClient(a.url);
    const onB = new Client(b.url);
    assert.equal((await onB.login(signup.email, signup.password)).status, 200);
    const olga = await createEmployee(onA, { name: 'Olga', reply_word_limit: 10 });
    await addQa(onA, olga.id, 'What are your opening hours?', ANSWER);
    assert.equal((await onA.put('/api/v1/finance/caps/account', { monthly_cap_minor: CAP })).status, 200);
    const start = (await onA.get('/api/v1/billing/balance')).json.balance.amount_minor;

    const chats = await Promise.all(Array.from({ length: 20 }, () => startChat(onA, olga.id)));
    const via = (i) => (i % 2 === 0 ? onA : onB);
    await Promise.all(chats.map((c, i) => say(via(i), c.id, 'When are you open?')));
    const replies = await Promise.all(chats.map((c, i) => waitForReply(via(i), c.id, { timeoutMs: 30000 })));
    const answered = replies.filter((m) => m.text === ANSWER);
    const spent = start - (await onB.get('/api/v1/billing/balance')).json.balance.amount_minor;
    assert.equal(spent, answered.length * 45);
    assert.ok(spent < CAP + RESERVED, `spent ${spent} of a ${CAP} cap`);
    assert.ok(answered.length >= 6, `${answered.length} answered: the cap is used`);
    // Both instances answered some (each writes the replies to its own messages).
    const answeredIdx = replies.map((m, i) => (m.text === ANSWER ? i : -1)).filter((i) => i >= 0);
    assert.ok(answeredIdx.length > 0);
    const ledger = (await onB.get('/api/v1/finance/ledger?kind=charge&limit=100')).json.items;
    assert.equal(ledger.length, answered.length);
  });
});
