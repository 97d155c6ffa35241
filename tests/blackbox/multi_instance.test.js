// Two `textura serve` processes on one PostgreSQL database: a ticket created through
// one instance reaches a WebSocket open on the other (events travel over
// LISTEN/NOTIFY, DESIGN.md §4). Runs only when the suite runs on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { TexturaServer } from '../lib/server.js';
import { Client, signedUpClient } from '../lib/client.js';

const require = createRequire(import.meta.url);
const WebSocket = require('ws');
const onPostgres = Boolean(process.env.TEXTURA_TEST_POSTGRES_URL);

function openSocket(server, session) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/events`, {
    headers: { Cookie: `textura_session=${session}` },
  });
  const frames = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString('utf8'))));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames }));
    ws.once('error', reject);
  });
}

async function waitFor(predicate, ms = 5000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const hit = predicate();
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

describe('events across server instances (PostgreSQL)', { skip: !onPostgres && 'runs on PostgreSQL only' }, () => {
  let a;
  let b;
  before(async () => {
    a = await TexturaServer.start();
    b = await TexturaServer.start({ databaseUrl: a.databaseUrl });
  });
  after(async () => {
    if (b) await b.stop({ cleanup: false });
    if (a) await a.stop();
  });

  it('a ticket created on instance B reaches a socket on instance A, and only its account', async () => {
    const { client: onA, signup } = await signedUpClient(a.url);
    const onB = new Client(b.url);
    assert.equal((await onB.login(signup.email, signup.password)).status, 200);
    const { client: stranger } = await signedUpClient(a.url);

    const mine = await openSocket(a, onA.session);
    const theirs = await openSocket(a, stranger.session);
    try {
      const created = await onB.post('/api/v1/tickets', {
        title: 'Created on instance B',
        body: 'Seen on instance A?',
        category: 'question',
      });
      assert.equal(created.status, 201);
      const id = created.json.ticket.id;
      const event = await waitFor(() =>
        mine.frames.find((f) => f.type === 'ticket.message_created' && f.ticket_id === id));
      assert.ok(event, `no ticket.message_created on instance A; got ${JSON.stringify(mine.frames)}`);
      assert.equal(event.message.body, 'Seen on instance A?');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(theirs.frames, [], 'another account heard about the ticket');
    } finally {
      mine.ws.close();
      theirs.ws.close();
    }
  });
});
