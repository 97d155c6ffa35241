// Assertions about what a client of the API notices.

import assert from 'node:assert/strict';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

// Asserts an error answer: the status, the JSON error body with `code`, and,
// when `field` is given (string), that error.field equals it; `field: null`
// asserts that no field is named.
export function expectError(res, status, code, field) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${describe(res)}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/json\b/i, 'an error body is JSON');
  assert.ok(res.json && typeof res.json.error === 'object', `expected an error body, got ${describe(res)}`);
  assert.equal(res.json.error.code, code, `expected code ${code}, got ${describe(res)}`);
  assert.equal(typeof res.json.error.message, 'string');
  assert.ok(res.json.error.message.length > 0, 'the error has a message');
  if (field === null) {
    assert.equal(res.json.error.field, undefined, `expected no field, got ${describe(res)}`);
  } else if (field !== undefined) {
    assert.equal(res.json.error.field, field, `expected field ${field}, got ${describe(res)}`);
  }
}

export function expectStatus(res, status) {
  assert.equal(res.status, status, `expected ${status}, got ${describe(res)}`);
}

// The headers every response carries (API, web app and errors alike).
export function expectSecurityHeaders(headers, what = 'response') {
  const csp = headers['content-security-policy'];
  assert.ok(csp, `${what}: Content-Security-Policy is missing`);
  assert.match(csp, /(^|;)\s*default-src\s+'self'(\s|;|$)/, `${what}: CSP lacks default-src 'self': ${csp}`);
  assert.match(csp, /(^|;)\s*frame-ancestors 'none'(\s*;|\s*$)/, `${what}: CSP lacks frame-ancestors 'none': ${csp}`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(headers['referrer-policy'], 'same-origin', `${what}: Referrer-Policy`);
  assert.equal(headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
}

export function expectNoStore(headers, what = 'API response') {
  const cc = headers['cache-control'] ?? '';
  assert.match(cc, /(^|,)\s*no-store\s*(,|$)/, `${what}: Cache-Control is "${cc}", expected no-store`);
}

// Parses an Allow header into a set of upper-case methods.
export function allowSet(headers) {
  return new Set(
    (headers.allow ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
