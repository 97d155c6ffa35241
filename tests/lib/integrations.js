// Helpers of the integrations tests (docs/integrations.md): API keys and clients that
// authenticate with them.
import assert from 'node:assert/strict';
import { Client } from './client.js';

export const API_KEYS = '/api/v1/api-keys';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

// A client that sends `Authorization: Bearer <key>` (or `authorization` as given) and
// no cookie, no CSRF header.
export class KeyClient extends Client {
  constructor(baseUrl, key, { authorization } = {}) {
    super(baseUrl);
    this.authorization = authorization ?? `Bearer ${key}`;
  }

  request(method, path, options = {}) {
    return super.request(method, path, {
      ...options,
      cookie: false,
      csrf: false,
      headers: { Authorization: this.authorization, ...(options.headers ?? {}) },
    });
  }
}

// Creates a key as `owner` ({client, signup}); returns {key, secret}.
export async function createKey(owner, { name = 'CRM sync', scope = 'read_write', expires_in_days } = {}) {
  const body = { name, scope, password: owner.signup.password };
  if (expires_in_days !== undefined) body.expires_in_days = expires_in_days;
  const res = await owner.client.post(API_KEYS, body);
  assert.equal(res.status, 201, `create key: ${describe(res)}`);
  return { key: res.json.api_key, secret: res.json.secret };
}

export async function listKeys(client) {
  const res = await client.get(API_KEYS);
  assert.equal(res.status, 200, `list keys: ${describe(res)}`);
  return res.json.items;
}
