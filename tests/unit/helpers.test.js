// The test helpers themselves: raw response parsing, cookies, the client's
// cookie and CSRF handling (against a small in-process HTTP server).

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Client, parseSetCookie } from '../lib/client.js';
import { OpenApiValidator } from '../lib/openapi.js';
import { RawConnection, exchange, parseResponse } from '../lib/raw.js';

describe('parseResponse', () => {
  test('content-length body, and incomplete input', () => {
    const raw = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"status":"ok"}rest');
    const r = parseResponse(raw);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'ok' });
    assert.equal(r.length, raw.length - 4);
    assert.equal(parseResponse(raw.subarray(0, 40)), null);
    assert.equal(parseResponse(raw.subarray(0, raw.length - 10)), null);
  });

  test('chunked body and repeated headers', () => {
    const raw = Buffer.from(
      'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n',
    );
    const r = parseResponse(raw);
    assert.equal(r.text, 'abcde');
    assert.equal(r.headers['set-cookie'], 'a=1, b=2');
    assert.equal(r.length, raw.length);
  });

  test('204 has no body', () => {
    const r = parseResponse(Buffer.from('HTTP/1.1 204 No Content\r\nX: y\r\n\r\n'));
    assert.equal(r.status, 204);
    assert.equal(r.body.length, 0);
  });
});

test('parseSetCookie', () => {
  const c = parseSetCookie('textura_session=abc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000');
  assert.equal(c.name, 'textura_session');
  assert.equal(c.value, 'abc=');
  assert.deepEqual(c.attributes, { path: '/', httponly: true, samesite: 'Lax', 'max-age': '2592000' });
});

describe('Client and RawConnection against a stand-in server', () => {
  const seen = [];
  let server;
  let base;
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/login': {
        post: {
          responses: {
            200: {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Tok' } } },
            },
          },
        },
      },
      '/api/v1/echo': {
        post: { responses: { 204: { description: 'ok' } } },
      },
    },
    components: {
      schemas: {
        Tok: { type: 'object', required: ['csrf_token'], properties: { csrf_token: { type: 'string' } } },
      },
    },
  };

  before(async () => {
    server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url === '/api/v1/login') {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Set-Cookie': 'textura_session=s1; Path=/; HttpOnly',
          });
          res.end(JSON.stringify({ csrf_token: 'tok1' }));
        } else if (req.url === '/api/v1/echo') {
          res.writeHead(204, { 'Set-Cookie': 'textura_session=; Max-Age=0' });
          res.end();
        } else {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('hello');
        }
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((r) => server.close(r)));

  test('keeps the cookie and sends the CSRF token on unsafe requests', async () => {
    const client = new Client(base, { validator: new OpenApiValidator(doc) });
    await client.post('/api/v1/login', { a: 1 });
    assert.equal(client.session, 's1');
    assert.equal(client.csrfToken, 'tok1');
    assert.equal(seen.at(-1).headers['content-type'], 'application/json');
    assert.equal(seen.at(-1).body, '{"a":1}');
    await client.post('/api/v1/echo');
    assert.equal(seen.at(-1).headers.cookie, 'textura_session=s1');
    assert.equal(seen.at(-1).headers['x-csrf-token'], 'tok1');
    assert.equal(client.session, null, 'Max-Age=0 deletes the cookie');
    await client.request('POST', '/api/v1/echo', { csrf: false, cookie: 'zzz' });
    assert.equal(seen.at(-1).headers['x-csrf-token'], undefined);
    assert.equal(seen.at(-1).headers.cookie, 'textura_session=zzz');
  });

  test('fails a response the document does not describe', async () => {
    const client = new Client(base, { validator: new OpenApiValidator(doc) });
    await assert.rejects(client.get('/api/v1/login'), /not documented/);
    await assert.rejects(client.get('/api/v1/other'), /matches no documented path/);
    const res = await client.get('/api/v1/other', { validate: false });
    assert.equal(res.text, 'hello');
  });

  test('RawConnection reads keep-alive responses and sees the close', async () => {
    const conn = await RawConnection.open(server.address().port);
    await conn.write('GET /x HTTP/1.1\r\nHost: t\r\n\r\n');
    const r1 = await conn.readResponse();
    assert.equal(r1.text, 'hello');
    await conn.write('GET /y HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n');
    const r2 = await conn.readResponse();
    assert.equal(r2.status, 200);
    const closed = await conn.waitClose(2000);
    assert.equal(closed.closed, true);
    assert.equal(closed.extra.length, 0);
    conn.destroy();
    const ex = await exchange(server.address().port, 'GET /z HTTP/1.0\r\n\r\n', { timeoutMs: 2000 });
    assert.equal(ex.closed, true);
    assert.equal(parseResponse(ex.data, { connectionClosed: true }).text, 'hello');
  });
});
