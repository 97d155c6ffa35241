// What one client may cost the server on /api/v1/events (issue 19, docs/security.md):
// a client message over 4 KiB is closed with 1009 as soon as its frame header
// announces it (nothing is buffered), a session and a user may hold only so many
// sockets (the next upgrade is refused 429 rate_limited), and an address may attempt
// only so many upgrades a minute.

import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { Client, SESSION_COOKIE } from '../lib/client.js';
import { expectError, sleep } from '../lib/expect.js';
import { TexturaServer, useServer } from '../lib/server.js';
import { EVENTS, newCustomer, openEvents, refusedUpgrade } from '../lib/tickets.js';

const PER_SESSION = 3;
const PER_USER = 5;
const MAX_MESSAGE_BYTES = 4096;
const CLOSE_TOO_BIG = 1009;

const ctx = useServer({
  env: {
    TEXTURA_EVENTS_MAX_SOCKETS_PER_SESSION: String(PER_SESSION),
    TEXTURA_EVENTS_MAX_SOCKETS_PER_USER: String(PER_USER),
  },
});

// A WebSocket handshake over a raw TCP socket; resolves {socket, received()} once the
// 101 is in, so the test can write frames byte by byte.
function rawUpgrade(port, session) {
  return new Promise((resolvePromise, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let data = Buffer.alloc(0);
    let upgraded = false;
    const state = { closed: false, afterUpgrade: Buffer.alloc(0) };
    socket.on('data', (chunk) => {
      if (upgraded) {
        state.afterUpgrade = Buffer.concat([state.afterUpgrade, chunk]);
        return;
      }
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = data.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) {
        reject(new Error(`the upgrade was answered ${head.split('\r\n')[0]}`));
        socket.destroy();
        return;
      }
      upgraded = true;
      state.afterUpgrade = data.subarray(end + 4);
      resolvePromise({ socket, state });
    });
    socket.on('close', () => {
      state.closed = true;
    });
    socket.on('error', (e) => {
      state.closed = true;
      if (!upgraded) reject(e);
    });
    socket.write(
      `GET ${EVENTS} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
        `Cookie: ${SESSION_COOKIE}=${session}\r\n\r\n`,
    );
  });
}

// The header of a masked client text frame announcing `length` payload bytes.
function frameHeader(length) {
  const header = Buffer.alloc(2 + 8 + 4);
  header[0] = 0x81; // FIN, text
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(length), 2);
  header.writeUInt32BE(0x11223344, 10); // mask key
  return header;
}

async function waitUntil(predicate, timeoutMs, what) {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) assert.fail(`${what} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

// The close code of the first close frame the server sent (unmasked, so byte 2..3).
function closeCode(bytes) {
  const i = bytes.indexOf(0x88);
  assert.ok(i >= 0 && bytes.length >= i + 4, `no close frame among ${bytes.toString('hex').slice(0, 80)}`);
  return bytes.readUInt16BE(i + 2);
}

describe('client messages', () => {
  test('a frame announcing 15 MiB is closed with 1009 before its payload arrives', async () => {
    const { client } = await newCustomer(ctx.url);
    const { socket, state } = await rawUpgrade(ctx.port, client.session);
    try {
      socket.write(frameHeader(15 * 1024 * 1024));
      socket.write(Buffer.alloc(64 * 1024, 0x61)); // a start; the rest never comes
      await waitUntil(() => state.closed, 3000, 'the server should close the socket');
      assert.equal(closeCode(state.afterUpgrade), CLOSE_TOO_BIG);
    } finally {
      socket.destroy();
    }
  });

  test(`a message over ${MAX_MESSAGE_BYTES} bytes is closed with 1009; a small one is fine`, async () => {
    const { client } = await newCustomer(ctx.url);
    const small = await openEvents(ctx.url, client, { name: 'small' });
    small.ws.send('x'.repeat(1000));
    await sleep(300);
    assert.equal(small.closed, false, 'a 1000-byte message does not end the socket');
    small.close();

    const big = await openEvents(ctx.url, client, { name: 'big' });
    const closed = new Promise((resolvePromise) => {
      big.ws.once('close', (code) => resolvePromise(code));
      setTimeout(() => resolvePromise('still open after 3 s'), 3000);
    });
    big.ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    try {
      assert.equal(await closed, CLOSE_TOO_BIG);
    } finally {
      big.close();
    }
  });
});

describe('sockets per session and per user', () => {
  test(`a session holds at most ${PER_SESSION} sockets; a closed one frees its place`, async () => {
    const { client } = await newCustomer(ctx.url);
    const open = [];
    try {
      for (let i = 0; i < PER_SESSION; i++) open.push(await openEvents(ctx.url, client, { name: `s${i}` }));
      const refused = await refusedUpgrade(ctx.url, { session: client.session, origin: ctx.url });
      expectError(refused, 429, 'rate_limited');
      assert.match(refused.json.error.message, /session/);
      assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After says when to try again');
      for (const s of open) assert.equal(s.closed, false, 'the sockets already open stay open');

      open.shift().close();
      let reopened;
      for (let attempt = 0; attempt < 50 && !reopened; attempt++) {
        reopened = await openEvents(ctx.url, client, { name: 'again' }).catch(() => undefined);
        if (!reopened) await sleep(50);
      }
      assert.ok(reopened, 'after closing one socket a new one opens');
      open.push(reopened);
    } finally {
      for (const s of open) s.close();
    }
  });

  test(`a user holds at most ${PER_USER} sockets over all sessions`, async () => {
    const { client, signup } = await newCustomer(ctx.url);
    const second = new Client(ctx.url);
    assert.equal((await second.login(signup.email, signup.password)).status, 200);
    const open = [];
    try {
      for (let i = 0; i < PER_SESSION; i++) open.push(await openEvents(ctx.url, client, { name: `a${i}` }));
      for (let i = PER_SESSION; i < PER_USER; i++) open.push(await openEvents(ctx.url, second, { name: `b${i}` }));
      const refused = await refusedUpgrade(ctx.url, { session: second.session, origin: ctx.url });
      expectError(refused, 429, 'rate_limited');
      assert.match(refused.json.error.message, /user/);
      // Another user is not affected.
      const other = await newCustomer(ctx.url);
      open.push(await openEvents(ctx.url, other.client, { name: 'other user' }));
    } finally {
      for (const s of open) s.close();
    }
  });
});

test('an address may attempt only so many upgrades a minute', async () => {
  const server = await TexturaServer.start({ env: { TEXTURA_EVENTS_UPGRADES_PER_MINUTE: '5' } });
  try {
    const { client } = await newCustomer(server.url);
    for (let i = 0; i < 4; i++) {
      expectError(await refusedUpgrade(server.url, { origin: server.url }), 401, 'unauthenticated');
    }
    const fifth = await openEvents(server.url, client, { name: 'fifth' });
    fifth.close();
    const refused = await refusedUpgrade(server.url, { session: client.session, origin: server.url });
    expectError(refused, 429, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After says when to try again');
    // Plain API requests from the address are not limited by it.
    assert.equal((await client.me()).status, 200);
  } finally {
    await server.stop();
  }
});
