// Unknown paths, wrong methods, and the headers every response carries.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, newSignup, signedUpClient } from '../lib/client.js';
import { allowSet, expectError, expectNoStore, expectSecurityHeaders } from '../lib/expect.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

describe('unknown API paths answer 404 not_found as JSON', { concurrency: 4 }, () => {
  for (const path of ['/api/v1/nope', '/api/v1/me/extra', '/api/v2/me', '/api/v1', '/api', '/api/', '/api/v1/auth/signup/x']) {
    test(`GET ${path}`, async () => {
      const res = await new Client(ctx.url).get(path);
      expectError(res, 404, 'not_found');
      expectNoStore(res.headers);
      expectSecurityHeaders(res.headers);
    });
  }

  test('POST /api/v1/nope is 404 too (not the web app, not 405)', async () => {
    const res = await new Client(ctx.url).post('/api/v1/nope', { a: 1 });
    expectError(res, 404, 'not_found');
  });
});

describe('a known path with another method answers 405 with Allow', { concurrency: 4 }, () => {
  const cases = [
    ['GET', '/api/v1/auth/signup', ['POST']],
    ['PUT', '/api/v1/auth/login', ['POST']],
    ['GET', '/api/v1/auth/logout', ['POST']],
    ['POST', '/api/v1/me', ['GET', 'PATCH']],
    ['DELETE', '/api/v1/me', ['GET', 'PATCH']],
    ['POST', '/healthz', ['GET']],
    ['DELETE', '/api/v1/openapi.json', ['GET']],
  ];
  for (const [method, path, allowed] of cases) {
    test(`${method} ${path}`, async () => {
      const res = await new Client(ctx.url).request(method, path);
      expectError(res, 405, 'method_not_allowed');
      const allow = allowSet(res.headers);
      for (const m of allowed) assert.ok(allow.has(m), `Allow "${res.headers.allow}" lacks ${m}`);
      assert.ok(!allow.has(method), `Allow "${res.headers.allow}" names ${method}`);
      expectSecurityHeaders(res.headers);
    });
  }

  test('a signed-in DELETE /api/v1/me answers 405 and deletes nothing', async () => {
    const { client } = await signedUpClient(ctx.url);
    const res = await client.request('DELETE', '/api/v1/me');
    expectError(res, 405, 'method_not_allowed');
    assert.equal((await client.me()).status, 200, 'the user still exists and is signed in');
  });
});

describe('every response carries the security headers; API responses are not cached', () => {
  test('success, client errors and auth errors alike', async () => {
    const client = new Client(ctx.url);
    const responses = {
      'GET /healthz': await client.get('/healthz'),
      'GET /api/v1/me (401)': await client.me(),
      'POST signup (201)': await client.signup(newSignup()),
      'GET /api/v1/me (200)': await client.me(),
      'PATCH /api/v1/me (400)': await client.updateMe({ theme: 'blue' }),
      'POST login (401)': await new Client(ctx.url).login('nobody@example.com', 'wrong password'),
      'GET /api/v1/nope (404)': await client.get('/api/v1/nope'),
      'POST /api/v1/me (405)': await client.request('POST', '/api/v1/me'),
      'POST signup (415)': await client.request('POST', '/api/v1/auth/signup', { body: 'x', contentType: 'text/plain' }),
    };
    for (const [what, res] of Object.entries(responses)) {
      expectSecurityHeaders(res.headers, what);
      if (!what.startsWith('GET /healthz')) expectNoStore(res.headers, what);
    }
  });
});
