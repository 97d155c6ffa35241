// How JSON endpoints treat request bodies: media type, malformed JSON, invalid
// UTF-8, nesting, wrong types, unknown fields and size. A rejected request
// creates or changes nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, newSignup, signedUpClient } from '../lib/client.js';
import { expectError, expectSecurityHeaders } from '../lib/expect.js';
import { RawConnection } from '../lib/raw.js';
import { useServer } from '../lib/server.js';

const MAX_BODY = 65536;
const ctx = useServer({
  env: { TEXTURA_MAX_BODY_BYTES: String(MAX_BODY), TEXTURA_READ_TIMEOUT_SECONDS: '10' },
});

const SIGNUP = '/api/v1/auth/signup';

function rawSignup(client, body, contentType = 'application/json') {
  return client.request('POST', SIGNUP, { body, contentType });
}

// The signup was not stored: its email can still sign up.
async function assertEmailFree(email) {
  const res = await new Client(ctx.url).signup(newSignup({ email }));
  assert.equal(res.status, 201, `${email} should still be free: ${res.text}`);
}

describe('Content-Type', { concurrency: 4 }, () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json']) {
    test(`${contentType}: 415 unsupported_media_type, nothing created`, async () => {
      const body = newSignup();
      const res = await rawSignup(new Client(ctx.url), JSON.stringify(body), contentType);
      expectError(res, 415, 'unsupported_media_type');
      await assertEmailFree(body.email);
    });
  }

  test('a body without Content-Type: 415', async () => {
    const body = newSignup();
    const res = await new Client(ctx.url).request('POST', SIGNUP, { body: JSON.stringify(body) });
    expectError(res, 415, 'unsupported_media_type');
    await assertEmailFree(body.email);
  });

  test('a form post to PATCH /api/v1/me (with a valid token): 415, nothing changes', async () => {
    const { client } = await signedUpClient(ctx.url);
    const res = await client.request('PATCH', '/api/v1/me', { body: 'theme=dark', contentType: 'application/x-www-form-urlencoded' });
    expectError(res, 415, 'unsupported_media_type');
    assert.equal((await client.me()).json.user.theme, 'system');
  });

  for (const contentType of ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json ; charset="utf-8"', 'Application/JSON']) {
    test(`${contentType} is accepted`, async () => {
      const res = await rawSignup(new Client(ctx.url), JSON.stringify(newSignup()), contentType);
      assert.equal(res.status, 201, res.text);
    });
  }

  // Content-Length: 0 may count as "no body" (missing fields) or as malformed JSON.
  for (const [what, options] of [
    ['no body at all', {}],
    ['an empty body with a JSON type', { body: '', contentType: 'application/json' }],
  ]) {
    test(`${what}: 400`, async () => {
      const res = await new Client(ctx.url).request('POST', SIGNUP, options);
      assert.equal(res.status, 400, res.text);
      assert.ok(['invalid_request', 'validation_failed'].includes(res.json?.error?.code), res.text);
    });
  }
});

describe('malformed bodies: 400 invalid_request', { concurrency: 4 }, () => {
  const valid = JSON.stringify(newSignup());
  const cases = [
    ['truncated', valid.slice(0, -5)],
    ['trailing garbage', `${valid}{`],
    ['two objects', `${valid}${valid}`],
    ['a trailing comma', valid.replace(/}$/, ',}')],
    ['single quotes', "{'email':'a@b.io'}"],
    ['a comment', `/* hi */${valid}`],
    ['NaN', '{"email": NaN}'],
    ['an unquoted key', '{email: "a@b.io"}'],
    ['a control character in a string', '{"name": "a\u0001b"}'],
    ['a bad escape', '{"name": "a\\qb"}'],
    ['null', 'null'],
    ['an array', `[${valid}]`],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['true', 'true'],
  ];
  for (const [what, body] of cases) {
    test(what, async () => {
      expectError(await rawSignup(new Client(ctx.url), body), 400, 'invalid_request');
    });
  }

  test('a malformed PATCH /api/v1/me changes nothing', async () => {
    const { client } = await signedUpClient(ctx.url);
    const res = await client.request('PATCH', '/api/v1/me', { body: '{"theme":"dark"', contentType: 'application/json' });
    expectError(res, 400, 'invalid_request');
    assert.equal((await client.me()).json.user.theme, 'system');
  });
});

describe('invalid UTF-8: 400 invalid_request, nothing stored', { concurrency: 4 }, () => {
  const cases = [
    ['a 0xFF byte', Buffer.from([0xff])],
    ['an overlong slash', Buffer.from([0xc0, 0xaf])],
    ['a truncated sequence', Buffer.from([0xe2, 0x82])],
    ['a UTF-16 surrogate encoded as UTF-8', Buffer.from([0xed, 0xa0, 0x80])],
  ];
  for (const [what, bad] of cases) {
    test(`${what} in the name`, async () => {
      const body = newSignup();
      const [before, after] = JSON.stringify({ ...body, name: 'AB' }).split('AB');
      const bytes = Buffer.concat([Buffer.from(before), Buffer.from('A'), bad, Buffer.from('B'), Buffer.from(after)]);
      expectError(await rawSignup(new Client(ctx.url), bytes), 400, 'invalid_request');
      await assertEmailFree(body.email);
    });
  }

  test('in PATCH /api/v1/me', async () => {
    const { client } = await signedUpClient(ctx.url);
    const bytes = Buffer.concat([Buffer.from('{"name":"x'), Buffer.from([0xfe]), Buffer.from('"}')]);
    const res = await client.request('PATCH', '/api/v1/me', { body: bytes, contentType: 'application/json' });
    expectError(res, 400, 'invalid_request');
    assert.notEqual((await client.me()).json.user.name.charAt(0), 'x');
  });
});

describe('deep nesting: 400 invalid_request, and the server stays up', () => {
  for (const depth of [100, 30_000]) {
    test(`${depth} levels`, async () => {
      const body = `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      assert.ok(body.length < MAX_BODY);
      expectError(await rawSignup(new Client(ctx.url), body), 400, 'invalid_request');
      const objectDepth = Math.min(depth, 10_000);
      const objects = `${'{"a":'.repeat(objectDepth)}1${'}'.repeat(objectDepth)}`;
      assert.ok(objects.length < MAX_BODY);
      expectError(await rawSignup(new Client(ctx.url), objects), 400, 'invalid_request');
      assert.equal((await new Client(ctx.url).get('/healthz')).status, 200);
    });
  }
});

describe('a field of the wrong type: 400 invalid_request naming the field', { concurrency: 4 }, () => {
  const signupCases = [
    ['email', 5],
    ['password', true],
    ['name', ['Anna']],
    ['company', { name: 'Acme' }],
    ['password', 12345678],
  ];
  for (const [field, value] of signupCases) {
    test(`signup ${field}: ${JSON.stringify(value)}`, async () => {
      const body = newSignup({ [field]: value });
      expectError(await new Client(ctx.url).signup(body), 400, 'invalid_request', field);
      if (field !== 'email') await assertEmailFree(body.email);
    });
  }

  test('login email: 1', async () => {
    expectError(await new Client(ctx.url).post('/api/v1/auth/login', { email: 1, password: 'whatever1' }), 400, 'invalid_request', 'email');
  });

  const meCases = [
    ['theme', 1],
    ['locale', false],
    ['time_zone', ['Europe/Moscow']],
    ['name', 12],
  ];
  for (const [field, value] of meCases) {
    test(`PATCH /me ${field}: ${JSON.stringify(value)}`, async () => {
      const { client } = await signedUpClient(ctx.url);
      const before = (await client.me()).json;
      expectError(await client.updateMe({ [field]: value }), 400, 'invalid_request', field);
      assert.deepEqual((await client.me()).json, before);
    });
  }
});

describe('an unknown field: 400 invalid_request naming it, nothing created', { concurrency: 4 }, () => {
  for (const extra of [{ role: 'admin' }, { Email: 'x@y.io' }, { account_id: 1 }, { is_staff: true }]) {
    const [name] = Object.keys(extra);
    test(`signup with "${name}"`, async () => {
      const body = { ...newSignup(), ...extra };
      expectError(await new Client(ctx.url).signup(body), 400, 'invalid_request', name);
      expectError(await new Client(ctx.url).login(body.email, body.password), 401, 'invalid_credentials');
      await assertEmailFree(body.email);
    });
  }

  test('login with "remember_me"', async () => {
    const { signup } = await signedUpClient(ctx.url);
    const res = await new Client(ctx.url).post('/api/v1/auth/login', { email: signup.email, password: signup.password, remember_me: true });
    expectError(res, 400, 'invalid_request', 'remember_me');
    assert.equal(res.headers['set-cookie'], undefined);
  });
});

describe(`bodies over TEXTURA_MAX_BODY_BYTES (${MAX_BODY}): 413 too_large`, () => {
  test('a signup just over the limit is refused and not stored', async () => {
    const body = newSignup();
    body.name = 'n'.repeat(MAX_BODY); // the whole body is then over the limit
    const res = await new Client(ctx.url).signup(body);
    expectError(res, 413, 'too_large');
    await assertEmailFree(body.email);
  });

  test('a body just under the limit is read and validated normally', async () => {
    const body = newSignup();
    const fixed = JSON.stringify({ ...body, name: '' }).length;
    body.name = 'n'.repeat(MAX_BODY - fixed - 10);
    const res = await new Client(ctx.url).signup(body);
    expectError(res, 400, 'validation_failed', 'name');
  });

  test('PATCH /api/v1/me over the limit', async () => {
    const { client } = await signedUpClient(ctx.url);
    expectError(await client.updateMe({ name: 'x'.repeat(MAX_BODY + 1) }), 413, 'too_large');
  });

  test('a Content-Length over the limit is refused before the body is sent', async () => {
    const conn = await RawConnection.open(ctx.port);
    try {
      const started = Date.now();
      await conn.write(
        `POST ${SIGNUP} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"email":`,
      );
      const res = await conn.readResponse({ timeoutMs: 5000 });
      assert.equal(res.status, 413);
      assert.equal(res.json?.error?.code, 'too_large', res.text);
      assert.ok(Date.now() - started < 5000, 'answered without waiting for the body or the read timeout');
      expectSecurityHeaders(res.headers, '413');
    } finally {
      conn.destroy();
    }
  });

  test('a chunked body one byte over the limit', async () => {
    // Exactly the limit in 8 KiB chunks, then a chunk whose single byte crosses it.
    // Nothing unread is left on the connection when the server refuses, so the
    // 413 is not lost to a TCP reset (that would test lingering close instead).
    const conn = await RawConnection.open(ctx.port);
    try {
      const chunk = Buffer.alloc(8192, 'a');
      const frames = [Buffer.from(`POST ${SIGNUP} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`)];
      for (let sent = 0; sent < MAX_BODY; sent += chunk.length) {
        frames.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
      }
      frames.push(Buffer.from('1\r\n'));
      await conn.write(Buffer.concat(frames));
      await new Promise((r) => setTimeout(r, 500));
      if (conn.received.length === 0 && !conn.closed) await conn.write('a'); // the byte over the limit
      const res = await conn.readResponse({ timeoutMs: 5000 });
      assert.equal(res.status, 413, res.text);
      assert.equal(res.json?.error?.code, 'too_large');
    } finally {
      conn.destroy();
    }
  });

  test('a chunked body just under the limit is read and validated normally', async () => {
    const conn = await RawConnection.open(ctx.port);
    try {
      const body = Buffer.from(JSON.stringify({ ...newSignup(), name: 'n'.repeat(MAX_BODY - 300) }));
      assert.ok(body.length < MAX_BODY);
      const half = Math.floor(body.length / 2);
      await conn.write(
        Buffer.concat([
          Buffer.from(`POST ${SIGNUP} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`),
          Buffer.from(`${half.toString(16)}\r\n`), body.subarray(0, half), Buffer.from('\r\n'),
          Buffer.from(`${(body.length - half).toString(16)}\r\n`), body.subarray(half), Buffer.from('\r\n0\r\n\r\n'),
        ]),
      );
      const res = await conn.readResponse({ timeoutMs: 5000 });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json?.error?.code, 'validation_failed');
      assert.equal(res.json?.error?.field, 'name');
    } finally {
      conn.destroy();
    }
  });
});

test('after all that the server still answers', async () => {
  assert.equal((await new Client(ctx.url).get('/healthz')).status, 200);
});
