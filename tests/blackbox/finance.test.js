// Finance through the real binary: a cap reached by 20 concurrent chats overshoots by at
// most one reply; alerts fire once; the ledger's sum is the balance; the CSV exports open
// with Python's csv module and sum to the same totals; bad input is 400 with its field;
// another account's Finance is 404; staff read any account's Finance but change nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { addQa, balance, createEmployee, messages, say, startChat, waitForReply } from '../lib/employees.js';
import { useServer } from '../lib/server.js';
import { newCustomer, newStaff } from '../lib/tickets.js';

const FIN = '/api/v1/finance';
// 9 words at 50.00 RUB per 1,000: 45 kopecks a reply; the 10-word limit reserves 50.
const ANSWER = 'We are open from 9 to 18 every day.';
const REPLY = 45;
const RESERVED = 50;
const CAP = 200;

const ctx = useServer({ env: { TEXTURA_SIGNUP_CREDIT_MINOR: '100000', TEXTURA_REPLY_THREADS: '8' } });
let a;
let b;
let staff;
let olga;
let setup;
let answeredCount = 0;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Finance A' });
    b = await newCustomer(ctx.url, { company: 'Finance B' });
    staff = await newStaff(ctx.server, { role: 'admin', name: 'Fin Admin' });
    olga = await createEmployee(a.client, { name: 'Olga', reply_word_limit: 10 });
    await addQa(a.client, olga.id, 'What are your opening hours?', ANSWER);
  })();
  return setup;
}

// Parses CSV with Python's csv module and returns [header, ...rows].
function pythonCsv(text) {
  const out = execFileSync(
    'python3',
    ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))))'],
    { input: Buffer.from(text, 'utf8') },
  );
  return JSON.parse(out.toString('utf8'));
}

describe('finance', () => {
  before(people);

  test('a cap reached by 20 concurrent chats is overshot by at most one reply', async () => {
    const set = await a.client.put(`${FIN}/caps/account`, { monthly_cap_minor: CAP });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.json.caps.map((c) => [c.employee_id, c.monthly_cap.amount_minor]), [[null, CAP]]);
    const start = (await balance(a.client)).balance.amount_minor;

    const chats = await Promise.all(Array.from({ length: 20 }, () => startChat(a.client, olga.id)));
    await Promise.all(chats.map((c) => say(a.client, c.id, 'When are you open?')));
    const replies = await Promise.all(chats.map((c) => waitForReply(a.client, c.id, { timeoutMs: 20000 })));
    const answered = replies.filter((m) => m.text === ANSWER);
    const stopped = replies.filter((m) => m.text !== ANSWER);
    const spent = start - (await balance(a.client)).balance.amount_minor;
    assert.equal(spent, answered.length * REPLY);
    // Admitted while spent + reserved < 200: four or five replies, depending on how many
    // had settled (45) rather than still reserved (50) when the next one asked.
    assert.ok(spent < CAP + RESERVED, `overshoot by less than one reply: spent ${spent}, cap ${CAP}`);
    assert.ok(answered.length === 4 || answered.length === 5, `${answered.length} replies`);
    answeredCount = answered.length;
    for (const m of stopped) {
      assert.match(m.text, /can't answer right now/);
      assert.equal(m.free, true);
    }
    const flagged = await Promise.all(stopped.map((m) => a.client.get(`/api/v1/chats/${m.chat_id}`)));
    for (const f of flagged) {
      assert.equal(f.json.chat.needs_human, true);
      assert.match(f.json.chat.handoff_reason, /spending cap/);
    }

    const summary = (await a.client.get(`${FIN}/summary`)).json;
    assert.deepEqual(summary.stopped, spent >= CAP ? [{ employee_id: null, reason: 'account_cap' }] : []);
    assert.equal(summary.caps[0].reached, spent >= CAP);
    assert.equal(summary.caps[0].spent_this_month.amount_minor, spent);
    assert.equal(summary.this_month.spent.amount_minor, spent);
    assert.equal(summary.this_month.replies, answered.length);
    assert.equal(summary.time_zone, 'Europe/Moscow');

    // Each threshold the spending reached fires once, and one "stopped" notice for Olga.
    const notes = (await a.client.get(`${FIN}/notifications`)).json;
    const kinds = notes.items.map((n) => [n.kind, n.threshold_percent]).sort();
    const reached = [50, 80, 100].filter((t) => spent * 100 >= t * CAP).map((t) => ['budget.threshold_reached', t]);
    assert.deepEqual(kinds, [...reached, ['reply.stopped', null]].sort());
    assert.ok(reached.length >= 2, 'at 180 kopecks of 200 at least 50 % and 80 % fired');
    assert.equal(notes.unread_count, reached.length + 1);
    const read = await a.client.post(`${FIN}/notifications/read`, {});
    assert.deepEqual(read.json, { unread_count: 0 });
  });

  test('the ledger sums to the balance; its CSV and the usage CSV open in Python and agree', async () => {
    const bal = (await balance(a.client)).balance.amount_minor;
    const all = [];
    let cursor = null;
    do {
      const page = (await a.client.get(`${FIN}/ledger?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json;
      all.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    assert.equal(all.reduce((s, e) => s + e.amount.amount_minor, 0), bal);
    const charge = all.find((e) => e.kind === 'charge');
    assert.match(charge.message_url, new RegExp(`^/chats/${charge.chat_id}#message-${charge.message_id}$`));
    assert.equal(charge.channel, 'playground');
    assert.equal(charge.employee_name, 'Olga');

    const charges = (await a.client.get(`${FIN}/ledger?kind=charge&limit=100`)).json.items;
    assert.ok(charges.every((e) => e.kind === 'charge'));
    assert.equal(charges.length, answeredCount);

    const ledgerCsv = await a.client.get(`${FIN}/ledger.csv`);
    assert.equal(ledgerCsv.status, 200);
    assert.match(ledgerCsv.headers['content-type'], /^text\/csv; charset=utf-8/);
    const [header, ...rows] = pythonCsv(ledgerCsv.text);
    assert.deepEqual(header.slice(0, 6), ['id', 'created_at', 'kind', 'amount_rub', 'amount_kopecks', 'words']);
    assert.equal(rows.length, all.length);
    const kop = header.indexOf('amount_kopecks');
    const rub = header.indexOf('amount_rub');
    assert.equal(rows.reduce((s, r) => s + Number(r[kop]), 0), bal);
    assert.equal(Math.round(rows.reduce((s, r) => s + Number(r[rub]) * 100, 0)), bal);
    assert.ok(rows.every((r) => /^-?\d+\.\d\d$/.test(r[rub])), 'roubles with two decimals');

    const usageCsv = await a.client.get(`${FIN}/usage.csv`);
    const [uh, ...urows] = pythonCsv(usageCsv.text);
    assert.deepEqual(uh, ['day', 'employee', 'employee_name', 'replies', 'ai_words', 'client_words', 'cost_rub', 'cost_kopecks']);
    assert.equal(urows.reduce((s, r) => s + Number(r[7]), 0), answeredCount * REPLY);
    assert.equal(urows.reduce((s, r) => s + Number(r[4]), 0), answeredCount * 9);
    assert.equal(urows.reduce((s, r) => s + Number(r[5]), 0), 20 * 4, 'client words beside AI words');
    assert.ok(urows.every((r) => r[2] === 'Olga'));

    const usage = (await a.client.get(`${FIN}/usage?group_by=model`)).json;
    assert.equal(usage.time_zone, 'Europe/Moscow');
    assert.equal(usage.totals.spent.amount_minor, answeredCount * REPLY);
    assert.ok(usage.days.length >= 1 && usage.days.length <= 31);
    assert.deepEqual(usage.keys.map((k) => k.label).sort(), ['Client words', 'Textura Knowledge (offline)'].sort());

    const top = (await a.client.get(`${FIN}/top-chats`)).json.items;
    assert.equal(top.length, answeredCount);
    assert.ok(top.every((c) => c.url === `/chats/${c.chat_id}` && c.ai_words === 9));
  });

  test('bad input is a 400 naming its field', async () => {
    for (const cap of [0, -100, 1e12, 'lots']) {
      const res = await a.client.put(`${FIN}/caps/account`, { monthly_cap_minor: cap });
      assert.equal(res.status, 400, `cap ${cap}: ${res.text}`);
      assert.equal(res.json.error.field, 'monthly_cap_minor');
    }
    expectError(await a.client.put(`${FIN}/caps/999999`, { monthly_cap_minor: 100 }), 404, 'not_found');
    expectError(await a.client.get(`${FIN}/usage?from=2026-05-10&to=2026-05-01`), 400, 'validation_failed', 'to');
    expectError(await a.client.get(`${FIN}/usage?from=2024-01-01&to=2026-01-01`), 400, 'validation_failed', 'to');
    expectError(await a.client.get(`${FIN}/usage?from=yesterday`), 400, 'validation_failed', 'from');
    expectError(await a.client.get(`${FIN}/usage?to=2026-02-30`), 400, 'validation_failed', 'to');
    expectError(await a.client.get(`${FIN}/usage?employee_id=999999`), 400, 'validation_failed', 'employee_id');
    expectError(await a.client.get(`${FIN}/ledger?channel=fax`), 400, 'validation_failed', 'channel');
    expectError(await a.client.get(`${FIN}/usage?model=gpt-9`), 400, 'validation_failed', 'model');
    expectError(await a.client.get(`${FIN}/usage?group_by=planet`), 400, 'validation_failed', 'group_by');
    expectError(await a.client.get(`${FIN}/ledger?kind=refund`), 400, 'validation_failed', 'kind');
    expectError(await a.client.put(`${FIN}/settings`, { time_zone: 'Mars/Olympus' }), 400, 'validation_failed', 'time_zone');
    expectError(await a.client.put(`${FIN}/settings`, { low_balance_days: 0 }), 400, 'validation_failed', 'low_balance_days');
  });

  test("another account's Finance is 404; staff read it but do not change it", async () => {
    expectError(await b.client.get(`${FIN}/ledger?account_id=${a.account.id}`), 404, 'not_found');
    expectError(await b.client.get(`${FIN}/summary?account_id=${a.account.id}`), 404, 'not_found');
    expectError(await b.client.put(`${FIN}/caps/${olga.id}`, { monthly_cap_minor: 100 }), 404, 'not_found');
    const mine = (await b.client.get(`${FIN}/summary`)).json;
    assert.equal(mine.account_id, b.account.id);
    assert.equal(mine.this_month.replies, 0);

    expectError(await staff.client.get(`${FIN}/summary`), 400, 'validation_failed', 'account_id');
    const seen = await staff.client.get(`${FIN}/summary?account_id=${a.account.id}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.json.account_id, a.account.id);
    assert.equal((await staff.client.get(`${FIN}/ledger?account_id=${a.account.id}`)).status, 200);
    expectError(await staff.client.get(`${FIN}/summary?account_id=999999`), 404, 'not_found');
    expectError(await staff.client.put(`${FIN}/caps/account`, { monthly_cap_minor: 100 }), 403, 'forbidden');

    // A top-up with a note and a cap change are in the audit log.
    const top = await staff.client.post(`/api/v1/admin/accounts/${a.account.id}/top-ups`, { amount_minor: 5000, note: 'Invoice 7' });
    assert.equal(top.status, 201);
    await a.client.put(`${FIN}/caps/${olga.id}`, { monthly_cap_minor: 10000 });
    await a.client.delete(`${FIN}/caps/${olga.id}`);
    const audit = (await staff.client.get('/api/v1/admin/audit-log?limit=50')).json.items;
    const actions = audit.map((e) => e.action);
    assert.ok(actions.includes('balance.topped_up'), actions.join());
    assert.ok(actions.includes('spending_cap.updated'));
    assert.ok(actions.includes('spending_cap.removed'));
    const entry = audit.find((e) => e.action === 'balance.topped_up');
    assert.equal(entry.details.note, 'Invoice 7');
  });

  test('raising the cap lets the employee answer new chats again', async () => {
    await a.client.put(`${FIN}/caps/account`, { monthly_cap_minor: 100000 });
    const chat = await startChat(a.client, olga.id);
    await say(a.client, chat.id, 'When are you open?');
    const reply = await waitForReply(a.client, chat.id);
    assert.equal(reply.text, ANSWER);
    const ms = await messages(a.client, chat.id);
    assert.equal(ms[ms.length - 1].cost.amount_minor, REPLY);
  });
});
