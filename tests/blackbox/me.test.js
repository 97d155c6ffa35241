// PATCH /api/v1/me: preferences, validation (nothing changes on a 400), and
// that one customer can never change another.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, signedUpClient } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

async function currentUser(client) {
  const res = await client.me();
  assert.equal(res.status, 200, res.text);
  return res.json;
}

describe('valid changes', () => {
  test('each field can be changed alone; the others keep their values', async () => {
    const { client, response } = await signedUpClient(ctx.url);
    const original = response.json.user;
    const steps = [
      [{ theme: 'dark' }, { theme: 'dark' }],
      [{ theme: 'light' }, { theme: 'light' }],
      [{ theme: 'system' }, { theme: 'system' }],
      [{ locale: 'ru' }, { locale: 'ru' }],
      [{ locale: 'en' }, { locale: 'en' }],
      [{ time_zone: 'America/New_York' }, { time_zone: 'America/New_York' }],
      [{ time_zone: 'Asia/Kolkata' }, { time_zone: 'Asia/Kolkata' }],
      [{ time_zone: 'Europe/Moscow' }, { time_zone: 'Europe/Moscow' }],
      [{ name: '  Мария Иванова ' }, { name: 'Мария Иванова' }],
      [{ name: 'N'.repeat(100) }, { name: 'N'.repeat(100) }],
    ];
    let expected = { ...original };
    for (const [patch, change] of steps) {
      const res = await client.updateMe(patch);
      assert.equal(res.status, 200, `${JSON.stringify(patch)}: ${res.text}`);
      expected = { ...expected, ...change };
      assert.deepEqual(res.json.user, expected, JSON.stringify(patch));
      assert.deepEqual(res.json.account, response.json.account);
      assert.deepEqual((await currentUser(client)).user, expected, `GET /me after ${JSON.stringify(patch)}`);
    }
    assert.equal(expected.email, original.email);
    assert.equal(expected.role, 'customer');
  });

  test('several fields at once, and an empty object changes nothing', async () => {
    const { client } = await signedUpClient(ctx.url);
    const res = await client.updateMe({ name: 'Ivan', theme: 'dark', locale: 'ru', time_zone: 'Asia/Tokyo' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.user.name, 'Ivan');
    assert.equal(res.json.user.theme, 'dark');
    assert.equal(res.json.user.locale, 'ru');
    assert.equal(res.json.user.time_zone, 'Asia/Tokyo');
    const same = await client.updateMe({});
    assert.equal(same.status, 200, same.text);
    assert.deepEqual(same.json.user, res.json.user);
  });

  test('the changes survive logging out and in again', async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    assert.equal((await client.updateMe({ theme: 'dark', locale: 'ru' })).status, 200);
    assert.equal((await client.logout()).status, 204);
    const login = await client.login(signup.email, signup.password);
    assert.equal(login.json.user.theme, 'dark');
    assert.equal(login.json.user.locale, 'ru');
  });
});

describe('invalid values: 400 validation_failed with the field, and nothing changes', { concurrency: 4 }, () => {
  const cases = [
    ['theme', { theme: 'blue' }],
    ['theme', { theme: '' }],
    ['theme', { theme: 'Dark' }],
    ['locale', { locale: 'de' }],
    ['locale', { locale: '' }],
    ['locale', { locale: 'EN' }],
    ['time_zone', { time_zone: 'Mars/Olympus_Mons' }],
    ['time_zone', { time_zone: '' }],
    ['time_zone', { time_zone: 'Europe/Moscow/Extra' }],
    ['time_zone', { time_zone: '../../etc/passwd' }],
    ['time_zone', { time_zone: '+03:00' }],
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: 'N'.repeat(101) }],
    ['theme', { name: 'Valid Name', theme: 'purple' }],
    ['time_zone', { theme: 'dark', time_zone: 'Nowhere/Land' }],
  ];
  for (const [field, patch] of cases) {
    test(JSON.stringify(patch).slice(0, 60), async () => {
      const { client } = await signedUpClient(ctx.url);
      const before = await currentUser(client);
      expectError(await client.updateMe(patch), 400, 'validation_failed', field);
      assert.deepEqual(await currentUser(client), before, 'a rejected change leaves the user as it was');
    });
  }
});

describe('fields that cannot be changed here are unknown: 400 invalid_request', { concurrency: 4 }, () => {
  for (const [field, value] of [
    ['role', 'admin'],
    ['email', 'new@example.com'],
    ['id', 1],
    ['account', null],
    ['password', 'new password 123'],
  ]) {
    test(field, async () => {
      const { client } = await signedUpClient(ctx.url);
      const before = await currentUser(client);
      expectError(await client.updateMe({ theme: 'dark', [field]: value }), 400, 'invalid_request', field);
      assert.deepEqual(await currentUser(client), before);
    });
  }
});

describe('authentication', () => {
  test('without a session: 401 unauthenticated', async () => {
    expectError(await new Client(ctx.url).updateMe({ theme: 'dark' }), 401, 'unauthenticated');
  });

  test('a revoked session cannot change anything', async () => {
    const { client, signup } = await signedUpClient(ctx.url);
    const session = client.session;
    const csrf = client.csrfToken;
    assert.equal((await client.logout()).status, 204);
    expectError(await client.updateMe({ theme: 'dark' }, { cookie: session, csrf }), 401, 'unauthenticated');
    const login = await new Client(ctx.url).login(signup.email, signup.password);
    assert.equal(login.json.user.theme, 'system');
  });
});

test('a change by one customer does not touch another', async () => {
  const a = await signedUpClient(ctx.url);
  const b = await signedUpClient(ctx.url);
  const bBefore = await currentUser(b.client);
  const res = await a.client.updateMe({ name: 'Changed A', theme: 'dark', locale: 'ru', time_zone: 'Asia/Tokyo' });
  assert.equal(res.status, 200);
  assert.equal(res.json.user.id, a.response.json.user.id);
  assert.deepEqual(await currentUser(b.client), bBefore);
});
