// The built web app from TEXTURA_WEB_DIR (the harness writes a tiny one):
// index.html for client routes, hashed assets cached forever, JSON 404s for
// missing files, nothing outside the directory, and no writes.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { Client } from '../lib/client.js';
import { expectError, expectSecurityHeaders } from '../lib/expect.js';
import { RawConnection } from '../lib/raw.js';
import { APP_CSS, APP_JS, INDEX_HTML, useServer } from '../lib/server.js';

const ctx = useServer();
const get = (path, options) => new Client(ctx.url).get(path, options);

describe('client routes get index.html', { concurrency: 4 }, () => {
  for (const path of ['/', '/support', '/support/42', '/support/42/', '/settings/profile', '/login?next=%2Fsupport', '/a.b/c']) {
    test(path, async () => {
      const res = await get(path, { headers: { Accept: 'text/html' } });
      assert.equal(res.status, 200, `${path}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.match(res.headers['content-type'] ?? '', /^text\/html\b/i);
      assert.equal(res.text, INDEX_HTML);
      assert.match(res.headers['cache-control'] ?? '', /(^|,)\s*no-cache\s*(,|$)/, `Cache-Control: ${res.headers['cache-control']}`);
      assert.doesNotMatch(res.headers['cache-control'] ?? '', /immutable|max-age=[1-9]/);
      expectSecurityHeaders(res.headers, path);
    });
  }
});

describe('assets', { concurrency: 4 }, () => {
  for (const [path, body, type] of [
    ['/assets/app-abc123.js', APP_JS, /^(text|application)\/javascript\b/i],
    ['/assets/app-abc123.css', APP_CSS, /^text\/css\b/i],
  ]) {
    test(`${path} is served with its type and cached for a year`, async () => {
      const res = await get(path);
      assert.equal(res.status, 200);
      assert.equal(res.text, body);
      assert.match(res.headers['content-type'] ?? '', type);
      const cc = (res.headers['cache-control'] ?? '').split(',').map((s) => s.trim().toLowerCase());
      assert.deepEqual(new Set(cc), new Set(['public', 'max-age=31536000', 'immutable']), `Cache-Control: ${res.headers['cache-control']}`);
      expectSecurityHeaders(res.headers, path);
    });
  }

  for (const path of ['/assets/nope.js', '/assets/app-abc123.js.map', '/favicon.ico', '/robots.txt', '/assets/sub/x.css']) {
    test(`a missing file (${path}): 404 JSON, not index.html`, async () => {
      const res = await get(path, { headers: { Accept: '*/*' } });
      expectError(res, 404, 'not_found');
      expectSecurityHeaders(res.headers, path);
    });
  }
});

describe('precompressed variants', { concurrency: 4 }, () => {
  const JS = '/assets/app-abc123.js';
  for (const [accept, coding, decode] of [
    ['gzip, deflate, br, zstd', 'br', zlib.brotliDecompressSync],
    ['gzip, deflate', 'gzip', zlib.gunzipSync],
    ['br;q=0.1, gzip;q=0.9', 'gzip', zlib.gunzipSync],
    ['*', 'br', zlib.brotliDecompressSync],
  ]) {
    test(`Accept-Encoding: ${accept} → ${coding}, the same script, its own length and ETag`, async () => {
      const res = await get(JS, { headers: { 'Accept-Encoding': accept } });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], coding);
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.equal(decode(res.body).toString('utf8'), APP_JS);
      assert.match(res.headers['content-type'] ?? '', /javascript/);
      const plain = await get(JS);
      assert.notEqual(res.headers.etag, plain.headers.etag, 'each variant has its own ETag');
      const again = await get(JS, { headers: { 'Accept-Encoding': accept, 'If-None-Match': res.headers.etag } });
      assert.equal(again.status, 304);
    });
  }

  for (const accept of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0', 'br;q=7, gzip;q=0.1x', ';;;,,=']) {
    test(`Accept-Encoding: ${accept ?? '(none)'} → the plain file`, async () => {
      const res = await get(JS, { headers: accept === undefined ? {} : { 'Accept-Encoding': accept } });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined);
      assert.equal(res.headers.vary, 'Accept-Encoding', 'caches learn the answer depends on the header');
      assert.equal(res.text, APP_JS);
    });
  }

  test("a revalidation with another variant's ETag gets the file again", async () => {
    const br = await get(JS, { headers: { 'Accept-Encoding': 'br' } });
    const res = await get(JS, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
  });

  for (const path of [`${JS}.br`, `${JS}.gz`]) {
    test(`${path} is not served under its own name`, async () => {
      expectError(await get(path, { headers: { Accept: '*/*' } }), 404, 'not_found');
    });
  }

  test('a file without variants says nothing of codings', async () => {
    const res = await get('/assets/app-abc123.css', { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, undefined);
    assert.equal(res.text, APP_CSS);
  });
});

describe('nothing outside the web dir is served', { concurrency: 4 }, () => {
  const paths = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '//etc/passwd',
    '/assets/..\\..\\secret.txt',
  ];
  for (const path of paths) {
    test(path, async () => {
      const conn = await RawConnection.open(ctx.port);
      try {
        await conn.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        const res = await conn.readResponse();
        assert.ok(res.status < 500, `${path}: ${res.status}`);
        assert.doesNotMatch(res.text, /textura-test-secret|root:/, `${path} leaked a file: ${res.status}`);
        if (res.status === 200) assert.equal(res.text, INDEX_HTML, `${path}: only index.html may answer 200`);
      } finally {
        conn.destroy();
      }
    });
  }
});

describe('the web app is read-only', () => {
  for (const [method, path] of [
    ['POST', '/'],
    ['POST', '/support/42'],
    ['PUT', '/assets/app-abc123.js'],
    ['DELETE', '/assets/app-abc123.js'],
  ]) {
    test(`${method} ${path}: 405`, async () => {
      const res = await new Client(ctx.url).request(method, path, { body: '{}', contentType: 'application/json' });
      expectError(res, 405, 'method_not_allowed');
      assert.ok(res.headers.allow?.toUpperCase().includes('GET'), `Allow: ${res.headers.allow}`);
      expectSecurityHeaders(res.headers, `${method} ${path}`);
    });
  }

  test('the asset is unchanged afterwards', async () => {
    assert.equal((await get('/assets/app-abc123.js')).text, APP_JS);
  });
});
