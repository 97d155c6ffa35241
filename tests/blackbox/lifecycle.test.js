// Stopping and starting: SIGTERM ends the server promptly with exit code 0 even
// with connections open, and users, settings and sessions survive a restart.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, signedUpClient } from '../lib/client.js';
import { RawConnection } from '../lib/raw.js';
import { TexturaServer } from '../lib/server.js';

// Opens connections of the given kinds, sends SIGTERM, and asserts a clean exit
// within 10 s (server.stop) and that every connection was closed.
async function sigtermWith(kinds) {
  const server = await TexturaServer.start({ env: { TEXTURA_READ_TIMEOUT_SECONDS: '30', TEXTURA_IDLE_TIMEOUT_SECONDS: '60' } });
  const conns = [];
  try {
    for (const kind of kinds) {
      const conn = await RawConnection.open(server.port);
      conns.push(conn);
      if (kind === 'idle keep-alive') {
        await conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        assert.equal((await conn.readResponse()).status, 200);
      } else if (kind === 'half-sent headers') {
        await conn.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      } else if (kind === 'half-sent body') {
        await conn.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      } // 'silent': nothing
    }
    await new Promise((r) => setTimeout(r, 200));
    await server.stop(); // asserts exit code 0 within 10 s
    for (const c of conns) {
      assert.equal((await c.waitClose(2000)).closed, true, 'the server closed its connections');
    }
  } finally {
    for (const c of conns) c.destroy();
    if (!server.exit) await server.stop().catch(() => {});
  }
}

test('SIGTERM with idle keep-alive and silent connections open: exit 0 within 10 s', () =>
  sigtermWith(['idle keep-alive', 'silent', 'silent']));

test('SIGTERM with requests half-sent (headers, body) open: exit 0 within 10 s', () =>
  sigtermWith(['half-sent headers', 'half-sent body']));

test('users, settings and sessions survive a restart; the CLI works while the server is down', async () => {
  const first = await TexturaServer.start();
  let second;
  try {
    const { client, signup } = await signedUpClient(first.url);
    assert.equal((await client.updateMe({ theme: 'dark', time_zone: 'Asia/Tokyo' })).status, 200);
    await first.stop({ cleanup: false });

    const cli = await first.runCli(['user', 'create', '--email', 'offline-staff@example.com', '--password', 'offline pass 1', '--name', 'Offline', '--role', 'staff']);
    assert.equal(cli.code, 0, `user create with the server stopped:\n${cli.stdout}\n${cli.stderr}`);

    second = await TexturaServer.start({ root: first.root, databaseUrl: first.databaseUrl });
    second.adopt(first);
    const again = new Client(second.url);
    again.session = client.session;
    again.csrfToken = client.csrfToken;
    const me = await again.me();
    assert.equal(me.status, 200, 'the session cookie from before the restart still works');
    assert.equal(me.json.user.theme, 'dark');
    assert.equal(me.json.user.time_zone, 'Asia/Tokyo');
    assert.equal(me.json.csrf_token, client.csrfToken);

    const login = await new Client(second.url).login(signup.email, signup.password);
    assert.equal(login.status, 200);
    const staff = await new Client(second.url).login('offline-staff@example.com', 'offline pass 1');
    assert.equal(staff.status, 200, staff.text);
    assert.equal(staff.json.user.role, 'staff');
  } finally {
    if (second) await second.stop();
    else if (!first.exit) await first.stop();
    else await first.cleanup();
  }
});
