// The server serves src/http/openapi.json unchanged, and the document matches
// what the server actually answers (every test's Client checks that too).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../lib/client.js';
import { expectNoStore, expectSecurityHeaders } from '../lib/expect.js';
import { loadDocument } from '../lib/openapi.js';
import { useServer } from '../lib/server.js';

const ctx = useServer();

test('GET /api/v1/openapi.json returns the same document as src/http/openapi.json', async () => {
  const res = await new Client(ctx.url).get('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^application\/json\b/);
  assert.deepEqual(res.json, loadDocument());
  expectNoStore(res.headers);
  expectSecurityHeaders(res.headers);
});

test('GET /healthz answers {"status":"ok"}', async () => {
  const res = await new Client(ctx.url).get('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json, { status: 'ok' });
  expectSecurityHeaders(res.headers);
});
