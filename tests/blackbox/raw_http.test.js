// Raw HTTP/1.1 over TCP: keep-alive, timeouts, slow clients, oversized headers
// and garbage. The server must answer with a JSON error where it can, close the
// connection, and keep serving everyone else meanwhile.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectSecurityHeaders, sleep } from '../lib/expect.js';
import { RawConnection } from '../lib/raw.js';
import { TexturaServer, useServer } from '../lib/server.js';

const READ_TIMEOUT_S = 2;
const IDLE_TIMEOUT_S = 5;
const MAX_HEADER_BYTES = 4096;
const SLACK_MS = 2500; // scheduling slack on a busy 2-core machine (tests in a describe run concurrently)

const ctx = useServer({
  env: {
    TEXTURA_READ_TIMEOUT_SECONDS: String(READ_TIMEOUT_S),
    TEXTURA_IDLE_TIMEOUT_SECONDS: String(IDLE_TIMEOUT_S),
    TEXTURA_MAX_HEADER_BYTES: String(MAX_HEADER_BYTES),
  },
});

const HEALTH = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

async function withConnection(fn) {
  const conn = await RawConnection.open(ctx.port);
  try {
    return await fn(conn);
  } finally {
    conn.destroy();
  }
}

function expectJsonError(res, status, code) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status} ${res.text}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/json\b/i);
  assert.equal(res.json?.error?.code, code, res.text);
  assert.equal(typeof res.json.error.message, 'string');
  expectSecurityHeaders(res.headers, `${status} ${code}`);
}

// Asserts the server closes the connection within `withinMs` and sends nothing more.
async function expectClosed(conn, withinMs, what) {
  const closed = await conn.waitClose(withinMs);
  assert.equal(closed.closed, true, `${what}: the server should close the connection within ${withinMs} ms`);
  assert.equal(closed.extra.length, 0, `${what}: unexpected bytes: ${closed.extra.toString('latin1').slice(0, 200)}`);
}

describe('keep-alive', { concurrency: 4 }, () => {
  test('two requests on one connection are both answered', async () => {
    await withConnection(async (conn) => {
      await conn.write(HEALTH);
      const first = await conn.readResponse();
      assert.equal(first.status, 200);
      assert.deepEqual(first.json, { status: 'ok' });
      await sleep(500);
      await conn.write('GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const second = await conn.readResponse();
      assert.equal(second.status, 401);
      assert.equal(conn.closed, false, 'a 401 does not end the connection');
      await conn.write(HEALTH);
      assert.equal((await conn.readResponse()).status, 200);
    });
  });

  test(`an idle keep-alive connection is closed after ${IDLE_TIMEOUT_S} s`, async () => {
    await withConnection(async (conn) => {
      await conn.write(HEALTH);
      assert.equal((await conn.readResponse()).status, 200);
      const answeredAt = Date.now();
      await expectClosed(conn, IDLE_TIMEOUT_S * 1000 + SLACK_MS, 'idle');
      const idleMs = conn.closedAt - answeredAt;
      assert.ok(idleMs >= IDLE_TIMEOUT_S * 1000 - 1000, `closed after ${idleMs} ms of idleness, before the idle timeout`);
    });
  });

  test('Connection: close is honoured', async () => {
    await withConnection(async (conn) => {
      await conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      assert.equal((await conn.readResponse()).status, 200);
      await expectClosed(conn, 2000, 'Connection: close');
    });
  });
});

describe('read timeout', { concurrency: 4 }, () => {
  test('a connection that sends nothing is closed after the read timeout, without a response', async () => {
    await withConnection(async (conn) => {
      await expectClosed(conn, READ_TIMEOUT_S * 1000 + SLACK_MS, 'silent connection');
      assert.ok(conn.closedAt - conn.openedAt >= READ_TIMEOUT_S * 1000 - 1000, 'not closed before the read timeout');
      assert.equal(conn.received.length, 0, 'no response to a request that never started');
    });
  });

  test('slow loris (one header byte per second): 408 request_timeout, then close', async () => {
    await withConnection(async (conn) => {
      await conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const started = Date.now();
      while (!conn.closed && conn.received.length === 0 && Date.now() - started < READ_TIMEOUT_S * 1000 + 8000) {
        await sleep(1000);
        await conn.write('a');
      }
      const elapsed = Date.now() - started;
      assert.ok(elapsed < READ_TIMEOUT_S * 1000 + SLACK_MS + 1000, `the server waited ${elapsed} ms for a trickling request`);
      expectJsonError(await conn.readResponse({ timeoutMs: 2000 }), 408, 'request_timeout');
      await expectClosed(conn, 2000, 'after 408');
    });
  });

  test('a body that does not arrive in time: 408 request_timeout, then close', async () => {
    await withConnection(async (conn) => {
      const started = Date.now();
      await conn.write(
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":',
      );
      const res = await conn.readResponse({ timeoutMs: READ_TIMEOUT_S * 1000 + SLACK_MS });
      expectJsonError(res, 408, 'request_timeout');
      assert.ok(Date.now() - started >= READ_TIMEOUT_S * 1000 - 1000, 'not before the read timeout');
      await expectClosed(conn, 2000, 'after 408');
    });
  });
});

describe('oversized headers', { concurrency: 4 }, () => {
  test(`one header over ${MAX_HEADER_BYTES} bytes: 431 headers_too_large, then close`, async () => {
    await withConnection(async (conn) => {
      await conn.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(MAX_HEADER_BYTES * 2)}\r\n\r\n`);
      expectJsonError(await conn.readResponse({ timeoutMs: 5000 }), 431, 'headers_too_large');
      await expectClosed(conn, 2000, 'after 431');
    });
  });

  test('many small headers adding up to too much: 431', async () => {
    await withConnection(async (conn) => {
      const headers = Array.from({ length: 200 }, (_, i) => `X-H${i}: ${'v'.repeat(40)}\r\n`).join('');
      await conn.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`);
      expectJsonError(await conn.readResponse({ timeoutMs: 5000 }), 431, 'headers_too_large');
      await expectClosed(conn, 2000, 'after 431');
    });
  });

  test('a big cookie on an API request: 431', async () => {
    await withConnection(async (conn) => {
      await conn.write(`GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: textura_session=${'c'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`);
      expectJsonError(await conn.readResponse({ timeoutMs: 5000 }), 431, 'headers_too_large');
    });
  });

  test('headers well under the limit are fine', async () => {
    await withConnection(async (conn) => {
      await conn.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(MAX_HEADER_BYTES / 2)}\r\n\r\n`);
      assert.equal((await conn.readResponse()).status, 200);
    });
  });
});

describe('garbage: 400 invalid_request, then close', { concurrency: 4 }, () => {
  const cases = [
    ['a word', 'HELLO\r\n\r\n'],
    ['a method alone', 'GET\r\n\r\n'],
    ['a missing version', 'GET /healthz\r\n\r\n'],
    ['a TLS ClientHello', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a])],
    ['a header line without a colon', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nThis is not a header\r\n\r\n'],
    ['a bad Content-Length', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: lots\r\n\r\n{}'],
  ];
  for (const [what, bytes] of cases) {
    test(what, async () => {
      await withConnection(async (conn) => {
        await conn.write(bytes);
        expectJsonError(await conn.readResponse({ timeoutMs: 5000 }), 400, 'invalid_request');
        await expectClosed(conn, 2000, `after ${what}`);
      });
    });
  }
});

// RFC 9112 §6.1/§6.3: only "chunked", last and once, frames a request body, and never
// together with Content-Length. Anything else would let the body be read as a second
// request on the connection (request smuggling): one 400, then close, nothing more.
describe('request framing: 400 invalid_request, then close, the body never parsed as a request', { concurrency: 4 }, () => {
  const smuggled = 'GET /api/v1/smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
  const login = (headers, body) =>
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;
  const chunk = (text) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`;
  const cases = [
    ['Transfer-Encoding: gzip', login('Transfer-Encoding: gzip\r\n', smuggled)],
    ['Transfer-Encoding: identity', login('Transfer-Encoding: identity\r\n', smuggled)],
    ['chunked not last (chunked, gzip)', login('Transfer-Encoding: chunked, gzip\r\n', smuggled)],
    ['a coding before chunked (gzip, chunked)', login('Transfer-Encoding: gzip, chunked\r\n', chunk(smuggled))],
    ['chunked twice, in two headers', login('Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', chunk(smuggled))],
    ['Transfer-Encoding and Content-Length', login(`Transfer-Encoding: chunked\r\nContent-Length: ${smuggled.length}\r\n`, smuggled)],
    ['Content-Length and a non-chunked Transfer-Encoding', login(`Content-Length: 2\r\nTransfer-Encoding: gzip\r\n`, `{}${smuggled}`)],
  ];
  for (const [what, bytes] of cases) {
    test(what, async () => {
      await withConnection(async (conn) => {
        await conn.write(bytes);
        expectJsonError(await conn.readResponse({ timeoutMs: 5000 }), 400, 'invalid_request');
        await expectClosed(conn, 3000, `after ${what}`);
      });
    });
  }

  test('a chunked body (any case) is still read, and the connection kept', async () => {
    await withConnection(async (conn) => {
      const body = JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' });
      await conn.write(login('Transfer-Encoding: Chunked\r\n', chunk(body)));
      const res = await conn.readResponse({ timeoutMs: 5000 });
      expectJsonError(res, 401, 'invalid_credentials');
      await conn.write(HEALTH);
      assert.equal((await conn.readResponse()).status, 200);
    });
  });
});

test('the server answers /healthz promptly while many bad connections are open', async () => {
  const bad = [];
  const timers = [];
  try {
    for (let i = 0; i < 40; i++) bad.push(await RawConnection.open(ctx.port)); // silent
    for (let i = 0; i < 10; i++) {
      const conn = await RawConnection.open(ctx.port);
      await conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      timers.push(setInterval(() => conn.write('a'), 300)); // slow loris
      bad.push(conn);
    }
    for (let i = 0; i < 10; i++) {
      const conn = await RawConnection.open(ctx.port);
      await conn.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
      bad.push(conn); // a body that never comes
    }
    await sleep(200);
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const res = await new Client(ctx.url).get('/healthz');
      const ms = Date.now() - started;
      assert.equal(res.status, 200);
      assert.ok(ms < 1000, `GET /healthz took ${ms} ms while bad connections were open`);
    }
    const login = await new Client(ctx.url).login('nobody@example.com', 'wrong password');
    assert.equal(login.status, 401);
  } finally {
    for (const t of timers) clearInterval(t);
    for (const conn of bad) conn.destroy();
  }
});

// Shutdown cuts requests still arriving. Header and body reads are classified the same
// way (one classifier): a cut read is closed without an answer — never "400 Malformed
// HTTP request body", which is what a body read cut by shutdown used to answer.
test('a request whose body is still arriving at shutdown is closed without an error answer', async () => {
  const server = await TexturaServer.start();
  let header;
  let body;
  try {
    header = await RawConnection.open(server.port);
    await header.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ');
    body = await RawConnection.open(server.port);
    await body.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    );
    await sleep(300);
  } finally {
    await server.stop();
  }
  for (const [what, conn] of [['half a header', header], ['half a body', body]]) {
    await expectClosed(conn, 3000, what);
    assert.equal(conn.received.length, 0, `${what}: answered ${conn.received.toString('latin1').slice(0, 200)}`);
    conn.destroy();
  }
});
