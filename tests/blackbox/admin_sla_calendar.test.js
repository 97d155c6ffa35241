// SLA settings and the holiday calendar: staff read them, admins edit them,
// edits change due times at once (new and open tickets), bad input is a 4xx naming the
// field.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import { createTicket, getTicket, newCustomer, newStaff } from '../lib/tickets.js';

const ctx = useServer();
const SETTINGS = '/api/v1/support/sla-settings';
const CALENDAR = '/api/v1/support/calendar';

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

const DEFAULTS = {
  time_zone: 'Europe/Moscow',
  business_hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '10:00', end: '19:00' })),
  targets: {
    critical: { minutes: 240, clock: 'calendar' },
    question: { minutes: 540, clock: 'business' },
    feature_request: { minutes: 1080, clock: 'business' },
  },
  warning_minutes: 60,
};

const minutesBetween = (a, b) => (Date.parse(b) - Date.parse(a)) / 60000;

describe('SLA settings', () => {
  before(people);

  test('staff read the built-in defaults; customers are 403', async () => {
    const res = await agent.client.get(SETTINGS);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, DEFAULTS);
    expectError(await customer.client.get(SETTINGS), 403, 'forbidden');
    expectError(await new Client(ctx.url).get(SETTINGS), 401, 'unauthenticated');
  });

  test('only admins save; a save changes due times of new and open tickets at once', async () => {
    const before = (await createTicket(customer.client, { category: 'critical' })).ticket;
    assert.equal(minutesBetween(before.created_at, before.reply_due_at), 240);

    const edited = structuredClone(DEFAULTS);
    edited.targets.critical.minutes = 30;
    edited.warning_minutes = 15;
    expectError(await agent.client.put(SETTINGS, edited), 403, 'forbidden');
    expectError(await customer.client.put(SETTINGS, edited), 403, 'forbidden');
    const res = await admin.client.put(SETTINGS, edited);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json, edited);
    assert.deepEqual((await agent.client.get(SETTINGS)).json, edited);

    const after = (await createTicket(customer.client, { category: 'critical' })).ticket;
    assert.equal(minutesBetween(after.created_at, after.reply_due_at), 30);
    const recomputed = await getTicket(agent.client, before.id);
    assert.equal(minutesBetween(recomputed.created_at, recomputed.reply_due_at), 30, 'open tickets are recomputed');

    const audit = (await admin.client.get('/api/v1/admin/audit-log?action=sla_settings.updated')).json.items;
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor.id, admin.user.id);
    assert.match(audit[0].details.targets, /critical 30 calendar/);
    assert.match(audit[0].details.previous_targets, /critical 240 calendar/);

    assert.equal((await admin.client.put(SETTINGS, DEFAULTS)).status, 200);
  });

  test('business hours and zone round-trip, weekdays in order, days off left out', async () => {
    const edited = { ...structuredClone(DEFAULTS), time_zone: 'Asia/Yekaterinburg' };
    edited.business_hours = [
      { weekday: 6, start: '11:00', end: '16:00' },
      { weekday: 1, start: '09:00', end: '24:00' },
    ];
    const res = await admin.client.put(SETTINGS, edited);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.business_hours, [
      { weekday: 1, start: '09:00', end: '24:00' },
      { weekday: 6, start: '11:00', end: '16:00' },
    ]);
    assert.equal(res.json.time_zone, 'Asia/Yekaterinburg');
    assert.equal((await admin.client.put(SETTINGS, DEFAULTS)).status, 200);
  });

  test('bad settings are 400 naming the field, and change nothing', async () => {
    const cases = [
      [{ time_zone: 'Mars/Olympus' }, 'validation_failed', 'time_zone'],
      [{ business_hours: [{ weekday: 1, start: '19:00', end: '10:00' }] }, 'validation_failed', 'business_hours'],
      [{ business_hours: [{ weekday: 1, start: '10:00', end: '10:00' }] }, 'validation_failed', 'business_hours'],
      [{ business_hours: [{ weekday: 1, start: '10:00', end: '19:00' }, { weekday: 1, start: '12:00', end: '14:00' }] }, 'validation_failed', 'business_hours'],
      [{ business_hours: [{ weekday: 8, start: '10:00', end: '19:00' }] }, 'validation_failed', 'business_hours'],
      [{ business_hours: [{ weekday: 1, start: '25:00', end: '26:00' }] }, 'validation_failed', 'business_hours'],
      [{ business_hours: [] }, 'validation_failed', 'business_hours'],
      [{ targets: { ...DEFAULTS.targets, critical: { minutes: 0, clock: 'calendar' } } }, 'validation_failed', 'targets.critical.minutes'],
      [{ targets: { ...DEFAULTS.targets, question: { minutes: 100001, clock: 'business' } } }, 'validation_failed', 'targets.question.minutes'],
      [{ targets: { ...DEFAULTS.targets, question: { minutes: 60, clock: 'lunar' } } }, 'validation_failed', 'targets.question.clock'],
      [{ targets: { critical: DEFAULTS.targets.critical } }, 'validation_failed', 'targets'],
      [{ targets: { ...DEFAULTS.targets, urgent: { minutes: 5, clock: 'calendar' } } }, 'validation_failed', 'targets'],
      [{ warning_minutes: -5 }, 'validation_failed', 'warning_minutes'],
      [{ warning_minutes: 'soon' }, 'invalid_request', 'warning_minutes'],
      [{ business_hours: 'weekdays' }, 'invalid_request', 'business_hours'],
      [{ colour: 'red' }, 'invalid_request', 'colour'],
    ];
    for (const [change, code, field] of cases) {
      const res = await admin.client.put(SETTINGS, { ...structuredClone(DEFAULTS), ...change });
      expectError(res, 400, code, field);
    }
    const missing = structuredClone(DEFAULTS);
    delete missing.targets;
    expectError(await admin.client.put(SETTINGS, missing), 400, 'validation_failed', 'targets');
    assert.deepEqual((await agent.client.get(SETTINGS)).json, DEFAULTS);
  });
});

describe('the holiday calendar', () => {
  before(people);

  test('the built-in Russian calendar shows through; admins override and reset dates', async () => {
    const res = await agent.client.get(`${CALENDAR}?year=2026`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.year, 2026);
    const newYear = res.json.days.find((d) => d.date === '2026-01-01');
    assert.deepEqual(newYear, { date: '2026-01-01', kind: 'holiday', note: '', source: 'built_in' });
    assert.ok(res.json.days.every((d) => d.date.startsWith('2026-')));

    expectError(await agent.client.put(`${CALENDAR}/2026-12-30`, { kind: 'holiday' }), 403, 'forbidden');
    const set = await admin.client.put(`${CALENDAR}/2026-12-30`, { kind: 'holiday', note: 'Office party' });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.json, { date: '2026-12-30', kind: 'holiday', note: 'Office party', source: 'override' });
    const work = await admin.client.put(`${CALENDAR}/2026-01-02`, { kind: 'workday' });
    assert.deepEqual(work.json, { date: '2026-01-02', kind: 'workday', note: '', source: 'override' });

    const year = (await agent.client.get(`${CALENDAR}?year=2026`)).json.days;
    assert.equal(year.find((d) => d.date === '2026-12-30').source, 'override');
    assert.equal(year.find((d) => d.date === '2026-01-02').kind, 'workday');

    const reset = await admin.client.put(`${CALENDAR}/2026-01-02`, { kind: 'default' });
    assert.equal(reset.status, 200);
    assert.equal(reset.json.source, 'built_in', 'back to the production calendar');
    const cleared = await admin.client.put(`${CALENDAR}/2026-12-30`, { kind: 'default' });
    assert.deepEqual(cleared.json, { date: '2026-12-30', kind: 'default', note: '', source: 'none' });

    const audit = (await admin.client.get('/api/v1/admin/audit-log?action=calendar.updated')).json.items;
    assert.equal(audit.length, 4);
    assert.deepEqual(audit[3].details, { date: '2026-12-30', kind: 'holiday', note: 'Office party' });
  });

  test('bad dates, kinds and years are 400; customers 403', async () => {
    for (const date of ['2026-02-30', '2026-13-01', 'tomorrow', '26-01-01', '1999-12-31', '2101-01-01']) {
      expectError(await admin.client.put(`${CALENDAR}/${date}`, { kind: 'holiday' }), 400, 'validation_failed', 'date');
    }
    expectError(await admin.client.put(`${CALENDAR}/2026-05-05`, { kind: 'party' }), 400, 'validation_failed', 'kind');
    expectError(await admin.client.put(`${CALENDAR}/2026-05-05`, {}), 400, 'validation_failed', 'kind');
    expectError(await admin.client.put(`${CALENDAR}/2026-05-05`, { kind: 'holiday', note: 'x'.repeat(201) }), 400, 'validation_failed', 'note');
    for (const year of ['', 'abc', '1999', '2101', '2026.5']) {
      expectError(await agent.client.get(`${CALENDAR}?year=${year}`), 400, 'validation_failed', 'year');
    }
    expectError(await agent.client.get(CALENDAR), 400, 'validation_failed', 'year');
    expectError(await customer.client.get(`${CALENDAR}?year=2026`), 403, 'forbidden');
  });
});
