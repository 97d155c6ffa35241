// Reports: first-response and resolution times and targets met, by request type, agent
// and week, as JSON and CSV; bad ranges are 400 naming the field.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import { closeTicket, createTicket, newCustomer, newStaff, postMessage } from '../lib/tickets.js';

const ctx = useServer();
const REPORTS = '/api/v1/support/reports';

let agent;
let customer;
let setup;
function people() {
  setup ??= (async () => {
    agent = await newStaff(ctx.server, { name: 'Sam Staff' });
    customer = await newCustomer(ctx.url, { company: 'Acme' });
  })();
  return setup;
}

// Local date in Moscow (UTC+3, no DST) `days` from now.
function moscowDate(days = 0) {
  return new Date(Date.now() + 3 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

describe('reports', () => {
  before(people);

  test('counts first responses, resolutions and targets met by type, agent and week; CSV too', async () => {
    const answered = (await createTicket(customer.client, { category: 'critical', title: 'Down' })).ticket;
    await postMessage(agent.client, answered.id, 'Looking now');
    await closeTicket(agent.client, answered.id);
    const waiting = (await createTicket(customer.client, { category: 'question' })).ticket;
    assert.ok(waiting.id);

    const range = `from=${moscowDate(-1)}&to=${moscowDate(1)}`;
    const byType = await agent.client.get(`${REPORTS}?${range}&group_by=category`);
    assert.equal(byType.status, 200, byType.text);
    assert.equal(byType.json.group_by, 'category');
    assert.equal(byType.json.from, moscowDate(-1));
    const critical = byType.json.rows.find((r) => r.key === 'critical');
    assert.equal(critical.label, 'Critical');
    assert.equal(critical.tickets, 1);
    assert.equal(critical.first_response.count, 1);
    assert.ok(critical.first_response.median_seconds >= 0 && critical.first_response.median_seconds < 60);
    assert.equal(critical.resolution.count, 1);
    assert.deepEqual(critical.sla, { measured: 1, met: 1, share: 1 });
    const question = byType.json.rows.find((r) => r.key === 'question');
    assert.equal(question.first_response.count, 0);
    assert.equal(question.first_response.median_seconds, null);
    assert.deepEqual(question.sla, { measured: 0, met: 0, share: null }, 'not yet due: not measured');
    assert.equal(byType.json.total.tickets, 2);

    const byAgent = (await agent.client.get(`${REPORTS}?${range}&group_by=agent`)).json;
    assert.deepEqual(byAgent.rows.map((r) => [r.key, r.label, r.tickets]), [
      [String(agent.user.id), 'Sam Staff', 1],
      ['none', 'No reply yet', 1],
    ]);
    const byWeek = (await agent.client.get(`${REPORTS}?${range}&group_by=week`)).json;
    assert.equal(byWeek.rows.reduce((n, r) => n + r.tickets, 0), 2);
    for (const r of byWeek.rows) assert.equal(new Date(`${r.key}T00:00:00Z`).getUTCDay(), 1, 'weeks start on Monday');

    const csv = await agent.client.get(`${REPORTS}.csv?${range}&group_by=agent`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
    assert.equal(csv.headers['content-disposition'], `attachment; filename="support-report-${moscowDate(-1)}-${moscowDate(1)}-agent.csv"`);
    const lines = csv.text.split('\r\n');
    assert.match(lines[0], /^key,label,tickets,first_response_count,/);
    assert.match(lines[1], new RegExp(`^${agent.user.id},Sam Staff,1,1,`));
    assert.match(lines[2], /^none,No reply yet,1,0,,,0,,,0,0,$/);
    assert.match(lines[3], /^total,Total,2,1,/);
    assert.equal(lines[4], '');
  });

  test('a range without tickets has no rows and an empty total', async () => {
    const res = await agent.client.get(`${REPORTS}?from=2020-01-01&to=2020-12-31&group_by=week`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.rows, []);
    assert.equal(res.json.total.tickets, 0);
    assert.equal(res.json.total.sla.share, null);
  });

  test('bad ranges and groups are 400; customers 403', async () => {
    const cases = [
      ['from=2026-01-01', 'to'],
      ['to=2026-01-01', 'from'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-01-01&to=yesterday', 'to'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['from=2025-01-01&to=2026-01-02', 'to'],
      ['from=2026-01-01&to=2026-01-31&group_by=account', 'group_by'],
    ];
    for (const [query, field] of cases) {
      expectError(await agent.client.get(`${REPORTS}?${query}`), 400, 'validation_failed', field);
      expectError(await agent.client.get(`${REPORTS}.csv?${query}`), 400, 'validation_failed', field);
    }
    assert.equal((await agent.client.get(`${REPORTS}?from=2025-01-01&to=2026-01-01`)).status, 200, '366 days is allowed');
    expectError(await customer.client.get(`${REPORTS}?from=2026-01-01&to=2026-01-31`), 403, 'forbidden');
    expectError(await customer.client.get(`${REPORTS}.csv?from=2026-01-01&to=2026-01-31`), 403, 'forbidden');
  });
});
