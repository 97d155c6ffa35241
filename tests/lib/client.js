// An HTTP client that behaves like the web app in a browser: it keeps the session
// cookie and the CSRF token, sends the token with unsafe requests, and checks
// every response against openapi.json (see openapi.js). A response the document
// does not describe fails the test.

import assert from 'node:assert/strict';
import http from 'node:http';
import { sharedValidator } from './openapi.js';

export const SESSION_COOKIE = 'textura_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_TIMEOUT_MS = 15_000;

// Parses one Set-Cookie header value into {name, value, attributes (lower-case keys)}.
export function parseSetCookie(header) {
  const [pair, ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes = {};
  for (const part of rest) {
    const i = part.indexOf('=');
    const key = (i < 0 ? part : part.slice(0, i)).trim().toLowerCase();
    if (key) attributes[key] = i < 0 ? true : part.slice(i + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

// Sends one request on a fresh connection. Returns {status, headers, body: Buffer,
// text, json (parsed when the body is JSON, else undefined)}.
export function httpRequest(baseUrl, method, path, { headers = {}, body, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const url = new URL(path, baseUrl);
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname + url.search,
        headers,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          const text = buffer.toString('utf8');
          let json;
          if (/^application\/json\b/i.test(res.headers['content-type'] ?? '') && buffer.length > 0) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolvePromise({ status: res.statusCode, headers: res.headers, body: buffer, text, json });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export class Client {
  // baseUrl: e.g. http://127.0.0.1:1234. validator: an OpenApiValidator.
  constructor(baseUrl, { validator = sharedValidator() } = {}) {
    this.baseUrl = baseUrl;
    this.validator = validator;
    this.session = null; // the textura_session cookie value
    this.csrfToken = null;
  }

  // A second client with the same session (another tab of the same browser).
  clone() {
    const c = new Client(this.baseUrl, { validator: this.validator });
    c.session = this.session;
    c.csrfToken = this.csrfToken;
    return c;
  }

  // options:
  //   json: a value sent as application/json
  //   body: a Buffer or string sent as is (with contentType, if given)
  //   contentType: the Content-Type for `body`
  //   headers: extra headers (override the defaults)
  //   csrf: true (default: send the stored token on unsafe methods), false (never),
  //         or a string to send instead
  //   cookie: false to send no cookie, or a string: the textura_session value to send
  //   validate: false to skip the OpenAPI check (tests of undocumented behaviour)
  async request(method, path, options = {}) {
    const { json, body, contentType, csrf = true, cookie, validate = true, timeoutMs } = options;
    const headers = { Accept: 'application/json' };
    let payload;
    if (json !== undefined) {
      payload = Buffer.from(JSON.stringify(json), 'utf8');
      headers['Content-Type'] = 'application/json';
    } else if (body !== undefined) {
      payload = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      if (contentType !== undefined) headers['Content-Type'] = contentType;
    }
    if (payload !== undefined) headers['Content-Length'] = String(payload.length);
    const sessionValue = cookie === false ? null : typeof cookie === 'string' ? cookie : this.session;
    if (sessionValue !== null) headers.Cookie = `${SESSION_COOKIE}=${sessionValue}`;
    if (UNSAFE_METHODS.has(method)) {
      if (typeof csrf === 'string') headers['X-CSRF-Token'] = csrf;
      else if (csrf && this.csrfToken && sessionValue !== null) headers['X-CSRF-Token'] = this.csrfToken;
    }
    Object.assign(headers, options.headers ?? {});

    const res = await httpRequest(this.baseUrl, method, path, { headers, body: payload, timeoutMs });

    if (validate) {
      const problems = this.validator.validateResponse(method, path, res);
      if (problems.length > 0) {
        assert.fail(
          `response does not conform to openapi.json:\n  ${problems.join('\n  ')}\n` +
            `request: ${method} ${path}\nresponse: ${res.status} ${JSON.stringify(res.headers)}\n${res.text.slice(0, 1000)}`,
        );
      }
    }
    this.#remember(res, cookie);
    return res;
  }

  #remember(res, cookieOption) {
    if (cookieOption !== undefined) return; // an explicit cookie was a one-off
    const setCookies = res.headers['set-cookie'] ?? [];
    for (const header of setCookies) {
      const c = parseSetCookie(header);
      if (c.name !== SESSION_COOKIE) continue;
      const maxAge = c.attributes['max-age'];
      const expires = c.attributes.expires ? Date.parse(c.attributes.expires) : NaN;
      const deleted = c.value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || expires < Date.now();
      this.session = deleted ? null : c.value;
    }
    if (res.json && typeof res.json.csrf_token === 'string') this.csrfToken = res.json.csrf_token;
  }

  get(path, options) {
    return this.request('GET', path, options);
  }
  post(path, json, options = {}) {
    return this.request('POST', path, json === undefined ? options : { ...options, json });
  }
  patch(path, json, options = {}) {
    return this.request('PATCH', path, json === undefined ? options : { ...options, json });
  }
  put(path, json, options = {}) {
    return this.request('PUT', path, json === undefined ? options : { ...options, json });
  }
  delete(path, options) {
    return this.request('DELETE', path, options);
  }

  signup(fields, options) {
    return this.post('/api/v1/auth/signup', fields, options);
  }
  login(email, password, options) {
    return this.post('/api/v1/auth/login', { email, password }, options);
  }
  logout(options) {
    return this.post('/api/v1/auth/logout', undefined, options);
  }
  me(options) {
    return this.get('/api/v1/me', options);
  }
  updateMe(fields, options) {
    return this.patch('/api/v1/me', fields, options);
  }
}

let counter = 0;
// A fresh, valid signup body; `overrides` replace fields (undefined removes one).
export function newSignup(overrides = {}) {
  counter += 1;
  const tag = `${process.pid}-${Date.now().toString(36)}-${counter}`;
  const body = {
    email: `user-${tag}@example.com`,
    password: `correct horse ${tag}`,
    name: `User ${counter}`,
    company: `Company ${tag}`,
    ...overrides,
  };
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
  return body;
}

// Signs a new customer up on a new client and returns {client, signup, response}.
export async function signedUpClient(baseUrl, overrides = {}) {
  const client = new Client(baseUrl);
  const signup = newSignup(overrides);
  const response = await client.signup(signup);
  assert.equal(response.status, 201, `signup failed: ${response.text}`);
  return { client, signup, response };
}
