// POST /api/v1/auth/signup: the happy path, the cookie, every validation rule,
// duplicates, and that a rejected signup leaves nothing behind.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client, newSignup, parseSetCookie, SESSION_COOKIE } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

// A unique, well-formed address of exactly `length` characters.
function emailOfLength(length) {
  const local = `u${randomBytes(4).toString('hex')}`;
  const labels = [];
  let remaining = length - local.length - 1 - '.com'.length;
  while (remaining > 63) {
    labels.push('d'.repeat(62));
    remaining -= 63; // a label and its dot
  }
  labels.push('e'.repeat(remaining));
  const email = `${local}@${labels.join('.')}.com`;
  assert.equal(email.length, length, 'emailOfLength');
  return email;
}

// After a rejected signup the email must still be free: signing up with it
// properly works, and logging in with the rejected password never did.
async function assertNoUserCreated(rejected, field) {
  if (field === 'email' || typeof rejected.email !== 'string') return; // no usable address to check
  if (typeof rejected.password === 'string') {
    const login = await new Client(ctx.url).login(rejected.email, rejected.password);
    assert.ok([400, 401].includes(login.status), `login with the rejected signup: ${login.status} ${login.text}`);
  }
  const retry = await new Client(ctx.url).signup(newSignup({ email: rejected.email }));
  assert.equal(retry.status, 201, `the rejected signup must not have taken ${rejected.email}: ${retry.text}`);
}

describe('a valid signup', () => {
  test('answers 201 with the user, the account and a CSRF token, and sets the session cookie', async () => {
    const client = new Client(ctx.url);
    const body = newSignup({ email: `Mixed.Case-${randomBytes(3).toString('hex')}@Example.COM`, name: '  Anna Petrova  ', company: '  Acme LLC ' });
    const res = await client.signup(body);
    assert.equal(res.status, 201, res.text);
    const { user, account, csrf_token } = res.json;
    assert.equal(user.email, body.email.toLowerCase(), 'the email is stored lower-cased');
    assert.equal(user.name, 'Anna Petrova', 'the name is trimmed');
    assert.equal(user.role, 'customer');
    assert.equal(user.theme, 'system');
    assert.equal(user.locale, 'en');
    assert.equal(user.time_zone, 'Europe/Moscow');
    assert.equal(account.name, 'Acme LLC', 'the company is trimmed');
    assert.ok(csrf_token.length >= 16);

    const cookies = (res.headers['set-cookie'] ?? []).map(parseSetCookie).filter((c) => c.name === SESSION_COOKIE);
    assert.equal(cookies.length, 1, `one ${SESSION_COOKIE} cookie: ${res.headers['set-cookie']}`);
    const [cookie] = cookies;
    assert.ok(cookie.value.length >= 32, `the session token looks random and long: ${cookie.value}`);
    assert.equal(cookie.attributes.path, '/');
    assert.equal(cookie.attributes.httponly, true);
    assert.equal(String(cookie.attributes.samesite).toLowerCase(), 'lax');
    assert.equal(cookie.attributes['max-age'], '2592000');

    const me = await client.me();
    assert.equal(me.status, 200);
    assert.deepEqual(me.json.user, user);
    assert.deepEqual(me.json.account, account);
    assert.equal(me.json.csrf_token, csrf_token, 'GET /me returns the same session CSRF token');
  });

  test('the new user can log in with the password', async () => {
    const body = newSignup();
    const first = await new Client(ctx.url).signup(body);
    assert.equal(first.status, 201);
    const login = await new Client(ctx.url).login(body.email, body.password);
    assert.equal(login.status, 200);
    assert.deepEqual(login.json.user, first.json.user);
    assert.deepEqual(login.json.account, first.json.account);
  });

  test('two signups with the same company name get separate accounts', async () => {
    const company = `Same Name ${randomBytes(3).toString('hex')}`;
    const a = await new Client(ctx.url).signup(newSignup({ company }));
    const b = await new Client(ctx.url).signup(newSignup({ company }));
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(a.json.account.id, b.json.account.id);
    assert.notEqual(a.json.user.id, b.json.user.id);
  });

  test('boundary values are accepted', async () => {
    const accepted = [
      { email: emailOfLength(254) },
      { password: 'x'.repeat(8) },
      { password: 'p'.repeat(1024) },
      { password: 'я'.repeat(8), note: '8 Cyrillic characters (16 bytes)' },
      { password: 'я'.repeat(1024), note: '1024 characters, 2048 bytes: the limit counts characters' },
      { name: 'N'.repeat(100) },
      { name: ` ${'N'.repeat(100)} `, note: '100 characters after trimming' },
      { name: 'Ж' },
      { company: 'C'.repeat(200) },
    ];
    for (const { note, ...override } of accepted) {
      const body = newSignup(override);
      const res = await new Client(ctx.url).signup(body);
      assert.equal(res.status, 201, `${JSON.stringify(override).slice(0, 80)} ${note ?? ''}: ${res.text}`);
      if (override.name) assert.equal(res.json.user.name, override.name.trim());
      const login = await new Client(ctx.url).login(body.email, body.password);
      assert.equal(login.status, 200, `log in after ${note ?? JSON.stringify(override).slice(0, 60)}`);
    }
  });

  test('a signup while signed in as someone else starts a new session without a CSRF token', async () => {
    const client = new Client(ctx.url);
    assert.equal((await client.signup(newSignup())).status, 201);
    const second = newSignup();
    const res = await client.signup(second, { csrf: false });
    assert.equal(res.status, 201, res.text);
    const me = await client.me();
    assert.equal(me.json.user.email, second.email);
  });
});

describe('validation: 400 validation_failed names the field, and no user is created', { concurrency: 4 }, () => {
  const cases = [
    ['email', 'empty', { email: '' }],
    ['email', 'no @', { email: 'plainaddress' }],
    ['email', 'nothing after @', { email: 'someone@' }],
    ['email', 'nothing before @', { email: '@example.com' }],
    ['email', 'a space', { email: 'some one@example.com' }],
    ['email', 'two @', { email: 'a@b@example.com' }],
    ['email', '255 characters', { email: () => emailOfLength(255) }],
    ['password', '7 characters', { password: 'x'.repeat(7) }],
    ['password', '7 Cyrillic characters (14 bytes)', { password: 'я'.repeat(7) }],
    ['password', 'empty', { password: '' }],
    ['password', '1025 characters', { password: 'p'.repeat(1025) }],
    ['name', 'empty', { name: '' }],
    ['name', 'only spaces', { name: '    ' }],
    ['name', '101 characters', { name: 'N'.repeat(101) }],
    ['company', 'empty', { company: '' }],
    ['company', 'only whitespace', { company: ' \t ' }],
    ['company', '201 characters', { company: 'C'.repeat(201) }],
    ['email', 'missing', { email: undefined }],
    ['password', 'missing', { password: undefined }],
    ['name', 'missing', { name: undefined }],
    ['company', 'missing', { company: undefined }],
  ];
  for (const [field, what, override] of cases) {
    test(`${field}: ${what}`, async () => {
      const resolved = Object.fromEntries(Object.entries(override).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
      const body = newSignup(resolved);
      const client = new Client(ctx.url);
      const res = await client.signup(body);
      expectError(res, 400, 'validation_failed', field);
      assert.equal(res.headers['set-cookie'], undefined, 'no session cookie for a rejected signup');
      assert.equal((await client.me()).status, 401);
      await assertNoUserCreated(body, field);
    });
  }
});

describe('duplicates', () => {
  test('the same email again answers 409 email_taken, in any letter case', async () => {
    const body = newSignup();
    assert.equal((await new Client(ctx.url).signup(body)).status, 201);
    for (const email of [body.email, body.email.toUpperCase(), body.email.replace(/^u/, 'U')]) {
      const client = new Client(ctx.url);
      const res = await client.signup(newSignup({ email, password: 'another password 1' }));
      expectError(res, 409, 'email_taken');
      assert.equal(res.headers['set-cookie'], undefined);
    }
    // The original password still works; the rejected one never did.
    assert.equal((await new Client(ctx.url).login(body.email, body.password)).status, 200);
    expectError(await new Client(ctx.url).login(body.email, 'another password 1'), 401, 'invalid_credentials');
  });

  test('an upper-case signup blocks the lower-case one', async () => {
    const email = `CAPS-${randomBytes(4).toString('hex')}@EXAMPLE.COM`;
    const first = await new Client(ctx.url).signup(newSignup({ email }));
    assert.equal(first.status, 201);
    assert.equal(first.json.user.email, email.toLowerCase());
    expectError(await new Client(ctx.url).signup(newSignup({ email: email.toLowerCase() })), 409, 'email_taken');
  });
});
