// The command line: help, unknown commands, and `textura user create`, whose
// users then log in through the API with the right role and account.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectError } from '../lib/expect.js';
import { freePort, useServer } from '../lib/server.js';

const ctx = useServer();

// Commands that must not serve get a port of their own (and the temp data dir), so
// a command that wrongly starts serving harms nothing and is stopped after 10 s.
async function runIsolated(args) {
  return ctx.server.runCli(args, { env: { TEXTURA_LISTEN: `127.0.0.1:${await freePort()}` }, timeoutMs: 10_000 });
}

const uniqueEmail = (prefix) => `${prefix}-${randomBytes(4).toString('hex')}@example.com`;

function assertOk(result, what) {
  assert.equal(result.code, 0, `${what} should exit 0, got ${result.code} ${result.signal ?? ''}\n${result.stdout}\n${result.stderr}`);
}

function assertFails(result, what) {
  assert.notEqual(result.code, 0, `${what} should fail\n${result.stdout}\n${result.stderr}`);
  assert.equal(result.signal, null, `${what} should exit, not crash (${result.signal})`);
  assert.ok((result.stdout + result.stderr).trim().length > 0, `${what} should say what is wrong`);
}

describe('help', () => {
  test('textura --help describes the subcommands', async () => {
    const r = await runIsolated(['--help']);
    assertOk(r, '--help');
    assert.match(r.stdout + r.stderr, /serve/);
    assert.match(r.stdout + r.stderr, /user/);
  });

  test('textura serve --help describes serve and exits without serving', async () => {
    const r = await runIsolated(['serve', '--help']);
    assertOk(r, 'serve --help');
    assert.match(r.stdout + r.stderr, /serve/i);
  });

  test('textura user create --help names the options', async () => {
    const r = await runIsolated(['user', 'create', '--help']);
    assertOk(r, 'user create --help');
    for (const option of ['--email', '--password', '--name', '--role', '--company']) {
      assert.ok((r.stdout + r.stderr).includes(option), `help mentions ${option}`);
    }
  });

  test('an unknown subcommand exits non-zero', async () => {
    assertFails(await runIsolated(['frobnicate']), 'textura frobnicate');
  });

  test('an unknown option exits non-zero', async () => {
    assertFails(await runIsolated(['serve', '--no-such-option']), 'serve --no-such-option');
  });
});

describe('user create', () => {
  for (const role of ['staff', 'admin']) {
    test(`--role ${role}: logs in with role ${role} and no account`, async () => {
      const email = uniqueEmail(role);
      const r = await ctx.server.runCli(['user', 'create', '--email', email, '--password', 'staff password 1', '--name', `The ${role}`, '--role', role]);
      assertOk(r, `user create --role ${role}`);
      const client = new Client(ctx.url);
      const login = await client.login(email, 'staff password 1');
      assert.equal(login.status, 200, login.text);
      assert.equal(login.json.user.role, role);
      assert.equal(login.json.user.name, `The ${role}`);
      assert.equal(login.json.user.email, email);
      assert.equal(login.json.account, null);
      const me = await client.me();
      assert.equal(me.json.user.role, role);
      assert.equal(me.json.account, null);
      assert.equal((await client.updateMe({ locale: 'ru' })).status, 200, `a ${role} can change preferences`);
    });
  }

  test('--role customer with --company: a customer with that account', async () => {
    const email = uniqueEmail('customer');
    const r = await ctx.server.runCli([
      'user', 'create', '--email', email, '--password', 'customer pass 1', '--name', 'Cli Customer', '--role', 'customer', '--company', 'Cli Co',
    ]);
    assertOk(r, 'user create --role customer');
    const login = await new Client(ctx.url).login(email, 'customer pass 1');
    assert.equal(login.status, 200, login.text);
    assert.equal(login.json.user.role, 'customer');
    assert.equal(login.json.account?.name, 'Cli Co');
  });

  test('the email is stored lower-cased; the same email again fails', async () => {
    const email = uniqueEmail('MiXeD').replace('example', 'EXAMPLE');
    assertOk(
      await ctx.server.runCli(['user', 'create', '--email', email, '--password', 'first password', '--name', 'First', '--role', 'staff']),
      'first create',
    );
    assertFails(
      await ctx.server.runCli(['user', 'create', '--email', email.toLowerCase(), '--password', 'second password', '--name', 'Second', '--role', 'admin']),
      'a duplicate email',
    );
    const login = await new Client(ctx.url).login(email.toLowerCase(), 'first password');
    assert.equal(login.status, 200);
    assert.equal(login.json.user.email, email.toLowerCase());
    assert.equal(login.json.user.role, 'staff', 'the duplicate did not change the user');
    expectError(await new Client(ctx.url).login(email, 'second password'), 401, 'invalid_credentials');
  });

  const invalid = [
    ['a customer without --company', (e) => ['--email', e, '--password', 'password 123', '--name', 'N', '--role', 'customer']],
    ['an unknown role', (e) => ['--email', e, '--password', 'password 123', '--name', 'N', '--role', 'root']],
    ['a short password', (e) => ['--email', e, '--password', 'short', '--name', 'N', '--role', 'staff']],
    ['a missing --name', (e) => ['--email', e, '--password', 'password 123', '--role', 'staff']],
    ['a missing --role', (e) => ['--email', e, '--password', 'password 123', '--name', 'N']],
  ];
  for (const [what, args] of invalid) {
    test(`${what}: exits non-zero and creates no user`, async () => {
      const email = uniqueEmail('bad');
      assertFails(await ctx.server.runCli(['user', 'create', ...args(email)]), what);
      expectError(await new Client(ctx.url).login(email, 'password 123'), 401, 'invalid_credentials');
      expectError(await new Client(ctx.url).login(email, 'short'), 401, 'invalid_credentials');
    });
  }

  test('an invalid email exits non-zero', async () => {
    assertFails(
      await ctx.server.runCli(['user', 'create', '--email', 'not-an-email', '--password', 'password 123', '--name', 'N', '--role', 'staff']),
      'an invalid email',
    );
  });
});
