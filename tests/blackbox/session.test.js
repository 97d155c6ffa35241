// Login, logout and GET /api/v1/me: sessions as a browser sees them.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, parseSetCookie, SESSION_COOKIE, signedUpClient } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

describe('login', () => {
  test('the right password answers 200 with the user, the account, a CSRF token and a new session cookie', async () => {
    const { signup, response: first, client: firstClient } = await signedUpClient(ctx.url);
    const client = new Client(ctx.url);
    const res = await client.login(signup.email, signup.password);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.user, first.json.user);
    assert.deepEqual(res.json.account, first.json.account);
    const cookie = (res.headers['set-cookie'] ?? []).map(parseSetCookie).find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie, 'login sets the session cookie');
    assert.equal(cookie.attributes.path, '/');
    assert.equal(cookie.attributes.httponly, true);
    assert.equal(String(cookie.attributes.samesite).toLowerCase(), 'lax');
    assert.equal(cookie.attributes['max-age'], '2592000');
    assert.notEqual(cookie.value, firstClient.session, 'a login starts a new session');
    const me = await client.me();
    assert.equal(me.status, 200);
    assert.equal(me.json.user.id, first.json.user.id);
    assert.equal(me.json.csrf_token, res.json.csrf_token);
  });

  test('the email is case-insensitive', async () => {
    const { signup } = await signedUpClient(ctx.url);
    const res = await new Client(ctx.url).login(signup.email.toUpperCase(), signup.password);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.user.email, signup.email.toLowerCase());
  });

  test('a wrong password and an unknown email get the same 401 invalid_credentials', async () => {
    const { signup } = await signedUpClient(ctx.url);
    const wrong = await new Client(ctx.url).login(signup.email, `${signup.password}x`);
    expectError(wrong, 401, 'invalid_credentials');
    assert.equal(wrong.headers['set-cookie'], undefined, 'no cookie for a failed login');
    const unknown = await new Client(ctx.url).login(`nobody-${Date.now()}@example.com`, signup.password);
    expectError(unknown, 401, 'invalid_credentials');
    assert.equal(unknown.json.error.message, wrong.json.error.message, 'the answers do not tell which part was wrong');
    assert.equal(unknown.json.error.field, wrong.json.error.field);
  });

  test('the password is case-sensitive and not trimmed', async () => {
    const { signup } = await signedUpClient(ctx.url, { password: 'Secret Pass 123' });
    expectError(await new Client(ctx.url).login(signup.email, 'secret pass 123'), 401, 'invalid_credentials');
    expectError(await new Client(ctx.url).login(signup.email, ' Secret Pass 123 '), 401, 'invalid_credentials');
    assert.equal((await new Client(ctx.url).login(signup.email, 'Secret Pass 123')).status, 200);
  });

  test('a failed login while signed in leaves the existing session alone', async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    expectError(await client.login(signup.email, 'wrong password!'), 401, 'invalid_credentials');
    assert.equal((await client.me()).status, 200);
  });
});

describe('GET /api/v1/me', () => {
  test('without a cookie: 401 unauthenticated', async () => {
    expectError(await new Client(ctx.url).me(), 401, 'unauthenticated');
  });

  for (const [what, value] of [
    ['a made-up token', 'A'.repeat(43)],
    ['an empty token', ''],
    ['a very long token', 'x'.repeat(4000)],
    ['a token with odd characters', 'abc%00def'],
  ]) {
    test(`with ${what}: 401 unauthenticated`, async () => {
      expectError(await new Client(ctx.url).me({ cookie: value }), 401, 'unauthenticated');
    });
  }

  test('another cookie beside the session cookie does not confuse it', async () => {
    const { client } = await signedUpClient(ctx.url);
    const res = await client.me({ headers: { Cookie: `theme=dark; ${SESSION_COOKIE}=${client.session}; other=1` } });
    assert.equal(res.status, 200);
  });
});

describe('logout', () => {
  test('answers 204 and revokes the session: the old cookie then gets 401', async () => {
    const { client } = await signedUpClient(ctx.url);
    const oldSession = client.session;
    const res = await client.logout();
    assert.equal(res.status, 204);
    assert.equal(res.body.length, 0);
    expectError(await client.me({ cookie: oldSession }), 401, 'unauthenticated');
    expectError(await client.logout({ cookie: oldSession }), 401, 'unauthenticated');
  });

  test('without a session: 401', async () => {
    expectError(await new Client(ctx.url).logout(), 401, 'unauthenticated');
  });

  test('with an unknown session cookie: 401', async () => {
    expectError(await new Client(ctx.url).logout({ cookie: 'B'.repeat(43), csrf: 'whatever' }), 401, 'unauthenticated');
  });

  test('ends only this session: the same user signed in elsewhere stays signed in', async () => {
    const { client: laptop, signup } = await signedUpClient(ctx.url);
    const phone = new Client(ctx.url);
    assert.equal((await phone.login(signup.email, signup.password)).status, 200);
    assert.equal((await laptop.logout()).status, 204);
    assert.equal((await phone.me()).status, 200, 'the other session is still valid');
    expectError(await laptop.me({ cookie: laptop.session ?? 'gone' }), 401, 'unauthenticated');
  });

  test('after logout the user can log in again', async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    assert.equal((await client.logout()).status, 204);
    assert.equal((await client.login(signup.email, signup.password)).status, 200);
    assert.equal((await client.me()).status, 200);
  });
});

test('two customers of different accounts each see only themselves', async () => {
  const a = await signedUpClient(ctx.url);
  const b = await signedUpClient(ctx.url);
  const meA = await a.client.me();
  const meB = await b.client.me();
  assert.equal(meA.json.user.email, a.signup.email);
  assert.equal(meB.json.user.email, b.signup.email);
  assert.notEqual(meA.json.account.id, meB.json.account.id);
  assert.notEqual(meA.json.csrf_token, meB.json.csrf_token);
});
