// GET /api/v1/events: the WebSocket of live updates. Two customer accounts (A with
// two connections, B with one) and a staff member: each connection gets exactly the
// events about tickets its user may see, with that user's own unread counts; B hears
// nothing of A. Every frame is validated against its schema in openapi.json.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError, sleep } from '../lib/expect.js';
import { useServer } from '../lib/server.js';
import {
  EVENTS,
  TICKETS,
  closeTicket,
  createTicket,
  getTicket,
  markRead,
  newCustomer,
  newStaff,
  openEvents,
  postMessage,
  refusedUpgrade,
  summary,
  withoutClock,
} from '../lib/tickets.js';

const ctx = useServer();
const SILENCE_MS = 500;

let a; // customer of account A
let b; // customer of account B
let staff;
let a1; // A's first connection (with Origin)
let a2; // A's second connection (no Origin, like a non-browser client)
let b1;
let s1;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { name: 'Alice', company: 'Account A' });
    b = await newCustomer(ctx.url, { name: 'Bob', company: 'Account B' });
    staff = await newStaff(ctx.server, { name: 'Sam Staff' });
    a1 = await openEvents(ctx.url, a.client, { name: 'A#1' });
    a2 = await openEvents(ctx.url, a.client, { name: 'A#2', origin: undefined });
    b1 = await openEvents(ctx.url, b.client, { name: 'B#1' });
    s1 = await openEvents(ctx.url, staff.client, { name: 'staff#1' });
  })();
  return setup;
}

after(() => {
  for (const s of [a1, a2, b1, s1]) s?.close();
});

// Waits for `count` new frames on each socket (counted from `marks`), then for a
// quiet period, and returns each socket's new frames by type. Fails on extra frames.
async function collect(expected, marks) {
  const out = new Map();
  for (const [socket, count] of expected) {
    await socket.waitFrames(count, { from: marks.get(socket) });
  }
  await sleep(SILENCE_MS);
  for (const [socket, count] of expected) {
    socket.throwErrors();
    const frames = socket.frames.slice(marks.get(socket));
    assert.equal(frames.length, count, `${socket.name}: expected exactly ${count} frames, got ${JSON.stringify(frames)}`);
    const byType = {};
    for (const f of frames) {
      assert.ok(!(f.type in byType), `${socket.name}: two ${f.type} frames for one change: ${JSON.stringify(frames)}`);
      byType[f.type] = f;
    }
    out.set(socket, byType);
  }
  return out;
}

const mark = (...sockets) => new Map(sockets.map((s) => [s, s.count]));

function assertSilent(socket, since, what) {
  socket.throwErrors();
  const extra = socket.frames.slice(since);
  assert.deepEqual(extra, [], `${socket.name} must receive nothing ${what}`);
}

describe('events of one ticket reach exactly the users who may see it', { concurrency: 1 }, () => {
  before(people);
  let ticket;
  let bMark;

  test('a new ticket by A: both of A\'s connections and staff get message_created, updated and unread.changed; B nothing', async () => {
    const marks = mark(a1, a2, s1);
    bMark = b1.count;
    const created = await createTicket(a.client, { title: 'Live ticket', body: 'Hello team', category: 'critical' });
    ticket = created.ticket;
    const got = await collect([[a1, 3], [a2, 3], [s1, 3]], marks);

    for (const socket of [a1, a2]) {
      const f = got.get(socket);
      assert.deepEqual(Object.keys(f).sort(), ['ticket.message_created', 'ticket.updated', 'unread.changed']);
      assert.equal(f['ticket.message_created'].ticket_id, ticket.id);
      assert.deepEqual(f['ticket.message_created'].message, created.message);
      assert.deepEqual(f['ticket.updated'].ticket, await getTicket(a.client, ticket.id));
      assert.equal(f['ticket.updated'].ticket.unread_count, 0, "the author's own message is read");
      assert.deepEqual(f['unread.changed'], {
        type: 'unread.changed',
        ticket_id: ticket.id,
        unread_count: 0,
        unread_total: (await summary(a.client)).unread_total,
      });
    }
    const f = got.get(s1);
    assert.equal(f['ticket.message_created'].ticket_id, ticket.id);
    assert.equal(f['ticket.message_created'].message.id, created.message.id);
    assert.equal(f['ticket.message_created'].message.body, 'Hello team');
    assert.deepEqual(f['ticket.message_created'].message.author, { id: a.user.id, name: 'Alice', side: 'customer' });
    const staffView = await getTicket(staff.client, ticket.id);
    assert.deepEqual(withoutClock(f['ticket.updated'].ticket), withoutClock(staffView));
    assert.equal(f['ticket.updated'].ticket.unread_count, 1, "unread_count is the receiver's: unread for staff");
    assert.equal(f['ticket.updated'].ticket.account_name, 'Account A');
    assert.equal(f['unread.changed'].ticket_id, ticket.id);
    assert.equal(f['unread.changed'].unread_count, 1);
    assert.equal(f['unread.changed'].unread_total, (await summary(staff.client)).unread_total);
    assertSilent(b1, bMark, "about A's ticket");
  });

  test("a staff reply: A's connections get it with A's own unread count (1) and total; B nothing", async () => {
    const marks = mark(a1, a2, s1);
    const reply = await postMessage(staff.client, ticket.id, 'We are looking into it.');
    const got = await collect([[a1, 3], [a2, 3], [s1, 3]], marks);
    for (const socket of [a1, a2]) {
      const f = got.get(socket);
      assert.equal(f['ticket.message_created'].ticket_id, ticket.id);
      assert.equal(f['ticket.message_created'].message.id, reply.id);
      assert.deepEqual(f['ticket.message_created'].message.author, { id: staff.user.id, name: 'Sam Staff', side: 'team' });
      assert.equal(f['ticket.updated'].ticket.id, ticket.id);
      assert.equal(f['ticket.updated'].ticket.unread_count, 1);
      assert.equal(f['ticket.updated'].ticket.awaiting, 'customer');
      assert.equal(f['ticket.updated'].ticket.reply_due_at, null);
      assert.equal(f['ticket.updated'].ticket.message_count, 2);
      assert.deepEqual(f['unread.changed'], { type: 'unread.changed', ticket_id: ticket.id, unread_count: 1, unread_total: 1 });
    }
    assert.equal((await summary(a.client)).unread_total, 1, 'the event agrees with the summary');
    const f = got.get(s1);
    assert.equal(f['ticket.message_created'].message.id, reply.id);
    assert.equal(f['ticket.updated'].ticket.awaiting, 'customer');
    assertSilent(b1, bMark, "about A's ticket");
  });

  test('a second staff reply counts up to 2', async () => {
    const marks = mark(a1, a2, s1);
    await postMessage(staff.client, ticket.id, 'Could you send a screenshot?');
    const got = await collect([[a1, 3], [a2, 3], [s1, 3]], marks);
    for (const socket of [a1, a2]) {
      assert.equal(got.get(socket)['ticket.updated'].ticket.unread_count, 2);
      assert.deepEqual(got.get(socket)['unread.changed'], { type: 'unread.changed', ticket_id: ticket.id, unread_count: 2, unread_total: 2 });
    }
    assertSilent(b1, bMark, "about A's ticket");
  });

  test("A marks the ticket read: A's connections get unread.changed with 0", async () => {
    const marks = mark(a1, a2);
    await markRead(a.client.clone(), ticket.id);
    const got = await collect([[a1, 1], [a2, 1]], marks);
    for (const socket of [a1, a2]) {
      assert.deepEqual(got.get(socket)['unread.changed'], { type: 'unread.changed', ticket_id: ticket.id, unread_count: 0, unread_total: 0 });
    }
    assertSilent(b1, bMark, "about A's ticket");
  });

  test("A's answer: staff get it, with the ticket awaiting the team again", async () => {
    const marks = mark(a1, a2, s1);
    const answer = await postMessage(a.client, ticket.id, 'Screenshot attached in the next message.');
    const got = await collect([[a1, 3], [a2, 3], [s1, 3]], marks);
    const f = got.get(s1);
    assert.equal(f['ticket.message_created'].message.id, answer.id);
    assert.equal(f['ticket.message_created'].message.author.side, 'customer');
    assert.equal(f['ticket.updated'].ticket.awaiting, 'team');
    assert.notEqual(f['ticket.updated'].ticket.reply_due_at, null);
    for (const socket of [a1, a2]) assert.equal(got.get(socket)['unread.changed'].unread_count, 0, 'own messages are not unread');
    assertSilent(b1, bMark, "about A's ticket");
  });

  test('closing reaches A and staff with status done; B nothing', async () => {
    const marks = mark(a1, a2, s1);
    const closed = await closeTicket(staff.client, ticket.id);
    const got = await collect([[a1, 1], [a2, 1], [s1, 1]], marks);
    for (const socket of [a1, a2, s1]) {
      const t = got.get(socket)['ticket.updated'].ticket;
      assert.equal(t.id, ticket.id);
      assert.equal(t.status, 'done');
      assert.equal(t.awaiting, null);
      assert.equal(t.reply_due_at, null);
      assert.equal(t.closed_at, closed.closed_at);
    }
    // Closing again changes nothing, so nothing is sent.
    const again = mark(a1, a2, s1);
    await closeTicket(a.client, ticket.id);
    await sleep(SILENCE_MS);
    for (const socket of [a1, a2, s1]) assertSilent(socket, again.get(socket), 'when a Done ticket is closed again');
    // A rejected message sends nothing either.
    expectError(await a.client.post(`${TICKETS}/${ticket.id}/messages`, { body: 'more' }), 409, 'ticket_closed');
    await sleep(SILENCE_MS);
    for (const socket of [a1, a2, s1]) assertSilent(socket, again.get(socket), 'for a rejected message');
  });

  test('B received nothing during all of this; its own ticket reaches B and staff, never A', async () => {
    assertSilent(b1, bMark, "about A's ticket, ever");
    const marks = mark(b1, s1);
    const aMarks = mark(a1, a2);
    const { ticket: bTicket } = await createTicket(b.client, { title: "B's own" });
    const got = await collect([[b1, 3], [s1, 3]], marks);
    assert.equal(got.get(b1)['ticket.updated'].ticket.id, bTicket.id);
    assert.equal(got.get(s1)['ticket.updated'].ticket.account_name, 'Account B');
    assertSilent(a1, aMarks.get(a1), "about B's ticket");
    assertSilent(a2, aMarks.get(a2), "about B's ticket");
  });

  test('connections stayed open throughout', () => {
    for (const s of [a1, a2, b1, s1]) {
      assert.equal(s.closed, false, `${s.name} was closed`);
      s.throwErrors();
    }
  });
});

describe('sessions that end', () => {
  before(people);

  test('after logout, connections of that session receive nothing more', async () => {
    const c = await newCustomer(ctx.url);
    const { ticket } = await createTicket(c.client);
    const socket = await openEvents(ctx.url, c.client, { name: 'logged-out' });
    assert.equal((await c.client.clone().logout()).status, 204);
    await sleep(200);
    const since = socket.count;
    await postMessage(staff.client, ticket.id, 'A reply after the customer logged out');
    await sleep(SILENCE_MS);
    socket.close();
    assertSilent(socket, since, 'once its session is revoked (the connection should close or stay silent)');
  });
});

describe('refused connections', () => {
  before(people);

  test('no cookie: 401 unauthenticated', async () => {
    const res = await refusedUpgrade(ctx.url, {});
    expectError(res, 401, 'unauthenticated');
  });

  test('an unknown or revoked session: 401', async () => {
    expectError(await refusedUpgrade(ctx.url, { session: 'not-a-session' }), 401, 'unauthenticated');
    const gone = await newCustomer(ctx.url);
    const session = gone.client.session;
    assert.equal((await gone.client.logout()).status, 204);
    expectError(await refusedUpgrade(ctx.url, { session }), 401, 'unauthenticated');
  });

  test('a foreign Origin: 403 forbidden, even with a valid session', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${ctx.port}.evil.example`, 'http://localhost:1', 'null']) {
      expectError(await refusedUpgrade(ctx.url, { session: a.client.session, origin }), 403, 'forbidden');
    }
  });

  test('a plain GET (no upgrade): 400, with or without a session', async () => {
    expectError(await a.client.get(EVENTS), 400, 'invalid_request');
    const anonymous = await new Client(ctx.url).get(EVENTS);
    assert.ok([400, 401].includes(anonymous.status), `without a session: ${anonymous.status}`);
  });

  test('the same-site Origin with a valid session opens', async () => {
    const s = await openEvents(ctx.url, b.client, { name: 'B#2', origin: `http://127.0.0.1:${ctx.port}` });
    s.close();
  });
});
