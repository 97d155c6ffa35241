// GET /api/v1/tickets and /tickets/summary: order, status filter, title search
// (Latin and Cyrillic, any length), paging with next_cursor (also while tickets
// are being created), bad parameters, and the staff-only filters.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import {
  TICKETS,
  closeTicket,
  createTicket,
  ids,
  listAll,
  listPage,
  newCustomer,
  newStaff,
  postMessage,
  queryString,
  summary,
} from '../lib/tickets.js';

const ctx = useServer();

let staff;
let setup;
function people() {
  setup ??= (async () => {
    staff = await newStaff(ctx.server);
  })();
  return setup;
}

describe('order and status filter', () => {
  before(people);

  test('most recent activity first; a new message moves a ticket to the top', async () => {
    const { client } = await newCustomer(ctx.url);
    const t1 = (await createTicket(client, { title: 'first' })).ticket;
    const t2 = (await createTicket(client, { title: 'second' })).ticket;
    const t3 = (await createTicket(client, { title: 'third' })).ticket;
    assert.deepEqual(ids(await listAll(client)), [t3.id, t2.id, t1.id]);

    await postMessage(client, t1.id, 'bump by the customer');
    assert.deepEqual(ids(await listAll(client)), [t1.id, t3.id, t2.id]);
    await postMessage(staff.client, t2.id, 'bump by the team');
    assert.deepEqual(ids(await listAll(client)), [t2.id, t1.id, t3.id]);

    const list = await listAll(client);
    for (let i = 1; i < list.length; i++) {
      assert.ok(list[i - 1].last_message_at >= list[i].last_message_at, 'sorted by last_message_at, newest first');
    }
    // Staff see the same relative order.
    const staffOrder = ids(await listAll(staff.client)).filter((id) => [t1.id, t2.id, t3.id].includes(id));
    assert.deepEqual(staffOrder, [t2.id, t1.id, t3.id]);
  });

  test('status=all|on_customer|done and no status; counts in the summary match', async () => {
    const { client } = await newCustomer(ctx.url);
    const open = [];
    const done = [];
    for (let i = 0; i < 5; i++) open.push((await createTicket(client, { title: `ticket ${i}` })).ticket);
    for (const t of open.splice(1, 2)) done.push(await closeTicket(client, t.id));
    const all = await listAll(client);
    assert.deepEqual(new Set(ids(all)), new Set([...ids(open), ...ids(done)]));
    assert.deepEqual(ids(await listAll(client, { status: 'all' })), ids(all));
    const onCustomer = await listAll(client, { status: 'on_customer' });
    assert.deepEqual(new Set(ids(onCustomer)), new Set(ids(open)));
    assert.ok(onCustomer.every((t) => t.status === 'on_customer'));
    const doneList = await listAll(client, { status: 'done' });
    assert.deepEqual(new Set(ids(doneList)), new Set(ids(done)));
    assert.ok(doneList.every((t) => t.status === 'done'));
    assert.deepEqual((await summary(client)).counts, { on_customer: 3, done: 2 });
  });

  test('a new customer: an empty list and a zero summary', async () => {
    const { client } = await newCustomer(ctx.url);
    assert.deepEqual(await listPage(client), { items: [], next_cursor: null });
    for (const status of ['all', 'on_customer', 'done']) assert.deepEqual(await listPage(client, { status }), { items: [], next_cursor: null });
    assert.deepEqual(await summary(client), { unread_total: 0, counts: { on_customer: 0, done: 0 } });
  });
});

describe('title search (q)', () => {
  before(people);
  const titles = [
    'Не работает ССЫЛКА на бронь',
    'Booking link not working',
    'Оплата не проходит',
    'Ёлка и ЁЖИК',
    'Списание средств дважды',
    'Discount 100% off',
    'snake_case field',
    'Say "hello" please',
    'Café menu in the bot',
    'SMS are not delivered',
  ];
  let client;
  let created; // title -> ticket
  before(async () => {
    ({ client } = await newCustomer(ctx.url));
    created = new Map();
    for (const title of titles) created.set(title, (await createTicket(client, { title })).ticket);
    await closeTicket(client, created.get('Оплата не проходит').id);
    await closeTicket(client, created.get('Booking link not working').id);
  });

  const expectTitles = async (params, expected, what) => {
    const found = await listAll(client, params);
    assert.deepEqual(found.map((t) => t.title).sort(), [...expected].sort(), `${what ?? JSON.stringify(params)}`);
  };

  const cases = [
    ['ссылка', ['Не работает ССЫЛКА на бронь']],
    ['ССЫЛ', ['Не работает ССЫЛКА на бронь']],
    ['СсЫлКа На', ['Не работает ССЫЛКА на бронь']],
    ['link', ['Booking link not working']],
    ['LINK', ['Booking link not working']],
    ['booking LINK not', ['Booking link not working']],
    ['ёжик', ['Ёлка и ЁЖИК']],
    ['ЁЛКА', ['Ёлка и ЁЖИК']],
    ['café', ['Café menu in the bot']],
    ['CAFÉ', ['Café menu in the bot']],
    ['100%', ['Discount 100% off']],
    ['%', ['Discount 100% off']],
    ['_', ['snake_case field']],
    ['e_c', ['snake_case field']],
    ['"hello"', ['Say "hello" please']],
    ['"', ['Say "hello" please']],
    ['nothing like this', []],
    ['бронь!', []],
  ];
  for (const [q, expected] of cases) {
    test(`q=${JSON.stringify(q)} finds ${JSON.stringify(expected)}`, async () => {
      await expectTitles({ q }, expected);
    });
  }

  test('"link" does not find the Cyrillic "ССЫЛКА" title, and Cyrillic needles do not find Latin titles', async () => {
    const found = await listAll(client, { q: 'link' });
    assert.ok(!found.some((t) => t.title.includes('ССЫЛКА')));
    const cyr = await listAll(client, { q: 'о' }); // Cyrillic о
    assert.ok(!cyr.some((t) => t.title === 'Booking link not working'), 'Cyrillic о is not Latin o');
  });

  // Short needles: 1 and 2 characters, Latin and Cyrillic, must work too.
  const lower = (s) => s.toLowerCase();
  for (const q of ['s', 'S', 'ы', 'Ы', 'ф', 'сс', 'СС', 'бр', 'ЁЖ', 'ла', 'fé', 'no', 'NO', 'ё', 'é', '1', '%o']) {
    test(`a short needle q=${JSON.stringify(q)} matches exactly the titles containing it`, async () => {
      const expected = titles.filter((t) => lower(t).includes(lower(q)));
      assert.ok(expected.length > 0 || ['ф', '%o'].includes(q), 'the needle is meant to match');
      await expectTitles({ q }, expected);
    });
  }

  test('staff search across all accounts: any needle length, Latin and Cyrillic', async () => {
    const everything = await listAll(staff.client);
    const wrong = [];
    for (const q of ['сс', 'СС', 'ёж', 'ы', 'fé', 'é', 'li', 'LINK', 'ссылка', '%', '_', '"', 'e_c']) {
      const expected = everything.filter((t) => lower(t.title).includes(lower(q))).map((t) => t.id);
      assert.ok(expected.length > 0, `${q} is meant to match`);
      const found = ids(await listAll(staff.client, { q }));
      if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push(`q=${JSON.stringify(q)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(found)}`);
    }
    assert.deepEqual(wrong, [], `staff search misses titles:\n${wrong.join('\n')}`);
  });

  test('search and status combine', async () => {
    await expectTitles({ q: 'о', status: 'done' }, ['Оплата не проходит'], 'Cyrillic о among Done');
    await expectTitles({ q: 'о', status: 'on_customer' }, titles.filter((t) => lower(t).includes('о') && t !== 'Оплата не проходит'));
    await expectTitles({ q: 'link', status: 'done' }, ['Booking link not working']);
    await expectTitles({ q: 'link', status: 'on_customer' }, []);
    await expectTitles({ q: 'ссылка', status: 'on_customer' }, ['Не работает ССЫЛКА на бронь']);
    await expectTitles({ q: 'ссылка', status: 'done' }, []);
  });

  test('q is trimmed; an empty q means no search', async () => {
    await expectTitles({ q: '  ссылка  ' }, ['Не работает ССЫЛКА на бронь']);
    await expectTitles({ q: '' }, titles);
    await expectTitles({ q: '   ' }, titles);
  });

  test("search never reaches another account's tickets", async () => {
    const other = await newCustomer(ctx.url);
    await createTicket(other.client, { title: 'Не работает ССЫЛКА тоже' });
    await expectTitles({ q: 'ссылка' }, ['Не работает ССЫЛКА на бронь']);
    const theirs = await listAll(other.client, { q: 'ссылка' });
    assert.deepEqual(theirs.map((t) => t.title), ['Не работает ССЫЛКА тоже']);
    // Staff find both.
    const staffFound = (await listAll(staff.client, { q: 'ССЫЛКА' })).map((t) => t.title).sort();
    assert.deepEqual(staffFound, ['Не работает ССЫЛКА на бронь', 'Не работает ССЫЛКА тоже'].sort());
  });
});

describe('paging', () => {
  before(people);

  test('limit and next_cursor walk every ticket exactly once, in order', async () => {
    const { client } = await newCustomer(ctx.url);
    for (let i = 0; i < 23; i++) await createTicket(client, { title: `page ticket ${i}` });
    const full = ids(await listAll(client));
    assert.equal(full.length, 23);
    const first = await listPage(client);
    assert.equal(first.items.length, 20, 'the default limit is 20');
    assert.equal(typeof first.next_cursor, 'string');

    for (const limit of [1, 5, 7, 22, 23, 24, 100]) {
      const walked = [];
      let cursor;
      let pages = 0;
      for (;;) {
        const page = await listPage(client, { limit, cursor });
        pages++;
        assert.ok(page.items.length <= limit);
        walked.push(...ids(page.items));
        if (page.next_cursor === null) break;
        assert.equal(page.items.length, limit, 'only the last page is short');
        cursor = page.next_cursor;
        assert.ok(pages < 50);
      }
      assert.deepEqual(walked, full, `limit=${limit}`);
      assert.equal(pages, Math.ceil(23 / limit), `limit=${limit}: pages`);
    }
  });

  test('new tickets created while walking: no duplicates, none of the original skipped', async () => {
    const { client } = await newCustomer(ctx.url);
    for (let i = 0; i < 12; i++) await createTicket(client, { title: `walk ${i}` });
    const original = ids(await listAll(client));
    const seen = [];
    let cursor;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listPage(client, { limit: 5, cursor });
      seen.push(...ids(page.items));
      await createTicket(client, { title: `created meanwhile ${pages}` });
      if (page.next_cursor === null) break;
      cursor = page.next_cursor;
    }
    assert.equal(new Set(seen).size, seen.length, `duplicates: ${seen}`);
    for (const id of original) assert.ok(seen.includes(id), `ticket ${id} was skipped`);
    assert.deepEqual(seen, original, 'exactly the original tickets, in order');
  });

  test('paging combines with search and status', async () => {
    const { client } = await newCustomer(ctx.url);
    for (let i = 0; i < 9; i++) {
      const { ticket } = await createTicket(client, { title: i % 2 ? `Заявка ${i}` : `Request ${i}` });
      if (i % 3 === 0) await closeTicket(client, ticket.id);
    }
    const all = await listAll(client, { q: 'заявка' });
    assert.equal(all.length, 4);
    const walked = [];
    let cursor;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listPage(client, { q: 'ЗАЯВКА', limit: 3, cursor, status: 'on_customer' });
      walked.push(...page.items);
      if (page.next_cursor === null) break;
      cursor = page.next_cursor;
    }
    assert.deepEqual(ids(walked), ids(all.filter((t) => t.status === 'on_customer')));
  });
});

describe('bad parameters: 400 validation_failed naming the parameter', () => {
  before(people);
  let customer;
  before(async () => {
    customer = await newCustomer(ctx.url);
    await createTicket(customer.client);
  });
  const bad = [
    ['status', { status: 'open' }],
    ['status', { status: 'Done' }],
    ['status', { status: '' }],
    ['limit', { limit: 0 }],
    ['limit', { limit: 101 }],
    ['limit', { limit: 'abc' }],
    ['limit', { limit: -1 }],
    ['limit', { limit: '1.5' }],
    ['limit', { limit: '' }],
    ['cursor', { cursor: 'garbage' }],
    ['cursor', { cursor: '123' }],
    ['cursor', { cursor: 'abc_def' }],
    ['cursor', { cursor: '1_' }],
    ['cursor', { cursor: '_1' }],
    ['q', { q: 'q'.repeat(201) }],
  ];
  for (const [field, params] of bad) {
    test(`${queryString(params).slice(0, 40)}: field ${field}`, async () => {
      const { client } = customer;
      expectError(await client.get(`${TICKETS}${queryString(params)}`), 400, 'validation_failed', field);
      expectError(await staff.client.get(`${TICKETS}${queryString(params)}`), 400, 'validation_failed', field);
    });
  }

  for (const [field, value] of [['account_id', '1'], ['awaiting', 'team'], ['category', 'critical']]) {
    test(`a customer filtering by ${field}: 400, field ${field}`, async () => {
      const { client, account } = customer;
      const v = field === 'account_id' ? account.id : value;
      expectError(await client.get(`${TICKETS}${queryString({ [field]: v })}`), 400, 'validation_failed', field);
    });
  }

  for (const [field, value] of [['account_id', 'abc'], ['awaiting', 'nobody'], ['category', 'urgent']]) {
    test(`staff: ${field}=${value}: 400, field ${field}`, async () => {
      expectError(await staff.client.get(`${TICKETS}${queryString({ [field]: value })}`), 400, 'validation_failed', field);
    });
  }

  test('unauthenticated: 401 on the list and the summary', async () => {
    const { Client } = await import('../lib/client.js');
    const anonymous = new Client(ctx.url);
    expectError(await anonymous.get(TICKETS), 401, 'unauthenticated');
    expectError(await anonymous.get(`${TICKETS}/summary`), 401, 'unauthenticated');
  });
});

describe("staff: every account's tickets and the queue filters", () => {
  before(people);

  test("staff see every account's tickets with account_name; filters by account_id, awaiting and category", async () => {
    const a = await newCustomer(ctx.url, { company: 'Alpha LLC' });
    const b = await newCustomer(ctx.url, { company: 'Бета ООО' });
    const a1 = (await createTicket(a.client, { category: 'critical' })).ticket;
    const a2 = (await createTicket(a.client, { category: 'question' })).ticket;
    const b1 = (await createTicket(b.client, { category: 'feature_request' })).ticket;
    const b2 = (await createTicket(b.client, { category: 'critical' })).ticket;
    await postMessage(staff.client, a2.id, 'answered');
    await closeTicket(b.client, b2.id);

    const everything = await listAll(staff.client);
    const byId = new Map(everything.map((t) => [t.id, t]));
    for (const t of [a1, a2]) assert.equal(byId.get(t.id).account_name, 'Alpha LLC');
    for (const t of [b1, b2]) assert.equal(byId.get(t.id).account_name, 'Бета ООО');

    assert.deepEqual(ids(await listAll(staff.client, { account_id: a.account.id })), [a2.id, a1.id]);
    assert.deepEqual(ids(await listAll(staff.client, { account_id: b.account.id })), [b2.id, b1.id]);
    assert.deepEqual(await listAll(staff.client, { account_id: 999999999 }), []);

    const team = await listAll(staff.client, { awaiting: 'team' });
    assert.ok(team.every((t) => t.awaiting === 'team' && t.status === 'on_customer'));
    assert.ok(ids(team).includes(a1.id) && ids(team).includes(b1.id));
    assert.ok(!ids(team).includes(a2.id) && !ids(team).includes(b2.id));

    const critical = await listAll(staff.client, { category: 'critical' });
    assert.ok(critical.every((t) => t.category === 'critical'));
    assert.ok(ids(critical).includes(a1.id) && ids(critical).includes(b2.id));
    assert.ok(!ids(critical).includes(a2.id) && !ids(critical).includes(b1.id));

    const combined = await listAll(staff.client, { account_id: a.account.id, awaiting: 'team', category: 'critical', status: 'on_customer' });
    assert.deepEqual(ids(combined), [a1.id]);
    assert.deepEqual(await listAll(staff.client, { account_id: b.account.id, status: 'done' }).then(ids), [b2.id]);

    // The staff summary counts every account.
    const s = await summary(staff.client);
    assert.equal(s.counts.on_customer, everything.filter((t) => t.status === 'on_customer').length);
    assert.equal(s.counts.done, everything.filter((t) => t.status === 'done').length);
  });
});
