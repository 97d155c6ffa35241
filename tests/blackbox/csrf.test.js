// CSRF: unsafe requests authenticated by the session cookie need X-CSRF-Token
// equal to that session's token; the check comes before the body is looked at,
// and a rejected request changes nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, newSignup, signedUpClient } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

describe('PATCH /api/v1/me', () => {
  const bad = [
    ['without the header', false],
    ['with a wrong token', 'not-the-token'],
    ['with an empty token', ''],
  ];
  for (const [what, csrf] of bad) {
    test(`${what}: 403 csrf_failed and nothing changes`, async () => {
      const { client } = await signedUpClient(ctx.url);
      expectError(await client.updateMe({ theme: 'dark', name: 'Hacked' }, { csrf }), 403, 'csrf_failed');
      const me = await client.me();
      assert.equal(me.json.user.theme, 'system');
      assert.notEqual(me.json.user.name, 'Hacked');
    });
  }

  test("with another session's token (even of the same user): 403", async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    const other = new Client(ctx.url);
    assert.equal((await other.login(signup.email, signup.password)).status, 200);
    assert.notEqual(other.csrfToken, client.csrfToken, 'each session has its own token');
    expectError(await client.updateMe({ theme: 'dark' }, { csrf: other.csrfToken }), 403, 'csrf_failed');
    const stranger = await signedUpClient(ctx.url);
    expectError(await client.updateMe({ theme: 'dark' }, { csrf: stranger.client.csrfToken }), 403, 'csrf_failed');
    assert.equal((await client.me()).json.user.theme, 'system');
  });

  test('the token is checked before the body: malformed JSON, unknown fields and bad values answer 403', async () => {
    const { client } = await signedUpClient(ctx.url);
    expectError(
      await client.request('PATCH', '/api/v1/me', { body: '{"theme":', contentType: 'application/json', csrf: false }),
      403,
      'csrf_failed',
    );
    expectError(await client.updateMe({ role: 'admin' }, { csrf: false }), 403, 'csrf_failed');
    expectError(await client.updateMe({ theme: 'purple' }, { csrf: false }), 403, 'csrf_failed');
  });

  test('the token from signup, login and GET /me all work', async () => {
    const { client, response, signup } = await signedUpClient(ctx.url);
    assert.equal((await client.updateMe({ theme: 'dark' }, { csrf: response.json.csrf_token })).status, 200);
    const me = await client.me();
    assert.equal((await client.updateMe({ theme: 'light' }, { csrf: me.json.csrf_token })).status, 200);
    const second = new Client(ctx.url);
    const login = await second.login(signup.email, signup.password);
    assert.equal((await second.updateMe({ locale: 'ru' }, { csrf: login.json.csrf_token })).status, 200);
  });
});

describe('POST /api/v1/auth/logout', () => {
  test('without the token: 403 csrf_failed and the session stays valid', async () => {
    const { client } = await signedUpClient(ctx.url);
    expectError(await client.logout({ csrf: false }), 403, 'csrf_failed');
    expectError(await client.logout({ csrf: 'wrong' }), 403, 'csrf_failed');
    assert.equal((await client.me()).status, 200);
  });
});

describe('signup and login are not cookie-authenticated', () => {
  test('they need no token even when a session cookie is sent', async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    const login = await client.login(signup.email, signup.password, { csrf: false });
    assert.equal(login.status, 200, login.text);
    const again = await client.signup(newSignup(), { csrf: false });
    assert.equal(again.status, 201, again.text);
  });

  test('a stale or unknown session cookie does not block them', async () => {
    const { signup } = await signedUpClient(ctx.url);
    const client = new Client(ctx.url);
    const login = await client.login(signup.email, signup.password, { cookie: 'C'.repeat(43), csrf: false });
    assert.equal(login.status, 200, login.text);
    const res = await client.signup(newSignup(), { cookie: 'C'.repeat(43), csrf: false });
    assert.equal(res.status, 201, res.text);
  });
});

test('safe methods need no token', async () => {
  const { client } = await signedUpClient(ctx.url);
  assert.equal((await client.me({ csrf: false })).status, 200);
});
