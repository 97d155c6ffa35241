// Login rate limits: per email (failed logins) and per IP (login and signup
// attempts), each answering 429 rate_limited with Retry-After until the window
// passes. Each limit gets its own server with small numbers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, newSignup, signedUpClient } from '../lib/client.js';
import { expectError, sleep } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const WINDOW_S = 6;

function retryAfterSeconds(res) {
  const value = res.headers['retry-after'];
  assert.match(value ?? '', /^[1-9][0-9]*$/, `Retry-After must be a positive integer of seconds, got ${value}`);
  const seconds = Number(value);
  assert.ok(seconds <= WINDOW_S, `Retry-After ${seconds} s exceeds the ${WINDOW_S} s window`);
  return seconds;
}

describe('per email', () => {
  const MAX_FAILURES = 3;
  const ctx = useServer({
    env: {
      TEXTURA_LOGIN_MAX_FAILURES_PER_EMAIL: String(MAX_FAILURES),
      TEXTURA_LOGIN_WINDOW_SECONDS: String(WINDOW_S),
      TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    },
  });

  test(`more than ${MAX_FAILURES} failures lock the email (even the right password) until the window passes`, async () => {
    const { signup } = await signedUpClient(ctx.url);
    const { signup: bystander } = await signedUpClient(ctx.url);
    for (let i = 1; i <= MAX_FAILURES; i++) {
      expectError(await new Client(ctx.url).login(signup.email, `wrong password ${i}`), 401, 'invalid_credentials');
    }
    // The attempt after the limit may still be judged (401) or already refused (429);
    // by the next one the email is locked.
    const next = await new Client(ctx.url).login(signup.email, 'wrong password again');
    assert.ok([401, 429].includes(next.status), `${next.status} ${next.text}`);

    const client = new Client(ctx.url);
    const locked = await client.login(signup.email, signup.password);
    expectError(locked, 429, 'rate_limited');
    assert.equal(locked.headers['set-cookie'], undefined, 'no session while locked');
    assert.equal(client.session, null);
    retryAfterSeconds(locked);
    const upper = await new Client(ctx.url).login(signup.email.toUpperCase(), signup.password);
    expectError(upper, 429, 'rate_limited');
    const wait = retryAfterSeconds(upper); // counted from the last refused attempt

    // Other emails from the same IP are not affected.
    assert.equal((await new Client(ctx.url).login(bystander.email, bystander.password)).status, 200);

    await sleep(wait * 1000 + 500);
    const after = await client.login(signup.email, signup.password);
    assert.equal(after.status, 200, `after Retry-After the right password works again: ${after.text}`);
    assert.equal((await client.me()).status, 200);
  });

  test('failures for an unknown email are limited too (same answers as for a known one)', async () => {
    const email = newSignup().email;
    for (let i = 1; i <= MAX_FAILURES; i++) {
      expectError(await new Client(ctx.url).login(email, 'some password'), 401, 'invalid_credentials');
    }
    await new Client(ctx.url).login(email, 'some password');
    const res = await new Client(ctx.url).login(email, 'some password');
    expectError(res, 429, 'rate_limited');
    retryAfterSeconds(res);
  });
});

describe('per IP', () => {
  const MAX_ATTEMPTS = 6;
  const ctx = useServer({
    env: {
      TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP: String(MAX_ATTEMPTS),
      TEXTURA_LOGIN_WINDOW_SECONDS: String(WINDOW_S),
      TEXTURA_LOGIN_MAX_FAILURES_PER_EMAIL: '100000',
    },
  });

  test(`more than ${MAX_ATTEMPTS} login and signup attempts from one IP answer 429 until the window passes`, async () => {
    // Attempts 1..6: a signup, good and bad logins, a rejected signup.
    const { client: signedIn, signup } = await signedUpClient(ctx.url);
    assert.equal((await new Client(ctx.url).login(signup.email, signup.password)).status, 200);
    expectError(await new Client(ctx.url).login(signup.email, 'wrong password'), 401, 'invalid_credentials');
    expectError(await new Client(ctx.url).login('nobody@example.com', 'wrong password'), 401, 'invalid_credentials');
    expectError(await new Client(ctx.url).signup(newSignup({ password: 'short' })), 400, 'validation_failed', 'password');
    assert.equal((await new Client(ctx.url).login(signup.email, signup.password)).status, 200);
    // Attempt 7 may still pass; from attempt 8 on, everything is refused.
    await new Client(ctx.url).login(signup.email, signup.password);

    const login = await new Client(ctx.url).login(signup.email, signup.password);
    expectError(login, 429, 'rate_limited');
    retryAfterSeconds(login);
    const blockedSignup = newSignup();
    const signupRes = await new Client(ctx.url).signup(blockedSignup);
    expectError(signupRes, 429, 'rate_limited');
    retryAfterSeconds(signupRes);
    const spoofed = await new Client(ctx.url).login(signup.email, signup.password, {
      headers: { 'X-Forwarded-For': '203.0.113.7', 'X-Real-IP': '203.0.113.7' },
    });
    expectError(spoofed, 429, 'rate_limited');
    const wait = retryAfterSeconds(spoofed); // counted from the last refused attempt

    // Existing sessions and other endpoints are not limited.
    assert.equal((await signedIn.me()).status, 200);
    assert.equal((await signedIn.updateMe({ theme: 'dark' })).status, 200);
    assert.equal((await new Client(ctx.url).get('/healthz')).status, 200);

    await sleep(wait * 1000 + 500);
    assert.equal((await new Client(ctx.url).login(signup.email, signup.password)).status, 200, 'after Retry-After logins work again');
    // The signup refused with 429 created nothing: the email is still free.
    assert.equal((await new Client(ctx.url).signup(blockedSignup)).status, 201);
  });
});
