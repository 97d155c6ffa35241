// Checks src/http/openapi.json on its own (no server) and the helpers that
// validate responses against it.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  OpenApiValidator,
  findPathTemplate,
  loadDocument,
  matchPathTemplate,
  resolveRef,
} from '../lib/openapi.js';

const doc = loadDocument();
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations() {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) if (item[m]) out.push({ path, method: m.toUpperCase(), op: item[m] });
  }
  return out;
}

function walk(node, visit, pointer = '#') {
  visit(node, pointer);
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${pointer}/${k}`);
  }
}

const json = (value) => Buffer.from(JSON.stringify(value));
const jsonHeaders = { 'content-type': 'application/json', 'cache-control': 'no-store' };
const user = { id: 1, email: 'a@x.io', name: 'A', role: 'customer', theme: 'system', locale: 'en', time_zone: 'Europe/Moscow' };
const authBody = { user, account: { id: 2, name: 'X' }, csrf_token: 'c'.repeat(43) };
const errorBody = (code, field) => ({ error: { code, message: 'Something is wrong.', ...(field ? { field } : {}) } });

describe('openapi.json', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.1');
  });

  test('every $ref resolves', () => {
    walk(doc, (node, pointer) => {
      if (node && typeof node === 'object' && typeof node.$ref === 'string') {
        assert.doesNotThrow(() => resolveRef(doc, node), `${pointer}: ${node.$ref}`);
      }
    });
  });

  test('every schema compiles in strict mode', () => {
    const v = new OpenApiValidator(doc);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      assert.doesNotThrow(() => v.compile(`component ${name}`, schema), name);
    }
  });

  test('describes the endpoints that exist', () => {
    const have = operations().map((o) => `${o.method} ${o.path}`).sort();
    for (const expected of [
      'GET /healthz',
      'GET /api/v1/openapi.json',
      'POST /api/v1/auth/signup',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'GET /api/v1/me',
      'PATCH /api/v1/me',
      'GET /api/v1/tickets',
      'POST /api/v1/tickets',
      'GET /api/v1/tickets/summary',
      'GET /api/v1/tickets/{id}',
      'GET /api/v1/tickets/{id}/messages',
      'POST /api/v1/tickets/{id}/messages',
      'POST /api/v1/tickets/{id}/read',
      'POST /api/v1/tickets/{id}/close',
      'GET /api/v1/events',
      'POST /api/v1/attachments',
      'GET /api/v1/attachments/{id}',
      'GET /api/v1/attachments/{id}/thumbnail',
    ]) {
      assert.ok(have.includes(expected), `${expected} is not documented`);
    }
  });

  test('operations have unique operationIds, and request bodies reject unknown fields', () => {
    const ids = new Set();
    for (const { path, method, op } of operations()) {
      assert.ok(op.operationId, `${method} ${path} has no operationId`);
      assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      const body = op.requestBody && resolveRef(doc, op.requestBody);
      const json = body?.content['application/json'];
      // A body whose schema belongs to someone else (Telegram's Update, sent to the
      // webhook) says so explicitly; every body of Textura's own refuses unknown fields.
      if (json && !body['x-textura-foreign-body']) {
        const schema = resolveRef(doc, json.schema);
        assert.equal(schema.additionalProperties, false, `${method} ${path}: request body allows unknown fields`);
      }
    }
  });

  test('every error response is an Error', () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const r = resolveRef(doc, response);
        const schema = r.content?.['application/json']?.schema;
        assert.deepEqual(schema, { $ref: '#/components/schemas/Error' }, `${method} ${path} ${status}`);
      }
    }
  });

  test('paths under /api are versioned and cookie-authenticated writes take the CSRF header', () => {
    for (const { path, method, op } of operations()) {
      if (path.startsWith('/api')) assert.match(path, /^\/api\/v1\//, path);
      const cookieAuth = (op.security ?? doc.security ?? []).some((s) => 'sessionCookie' in s);
      if (cookieAuth && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
        const params = (op.parameters ?? []).map((p) => resolveRef(doc, p));
        assert.ok(params.some((p) => p.in === 'header' && p.name === 'X-CSRF-Token'), `${method} ${path} lacks X-CSRF-Token`);
        assert.ok(op.responses['403'], `${method} ${path} does not document 403 csrf_failed`);
        assert.ok(op.responses['401'], `${method} ${path} does not document 401`);
      }
    }
  });
});

describe('ticket and event schemas', () => {
  const v = new OpenApiValidator(doc);
  const schema = (name) => v.compile(`unit ${name}`, { $ref: `#/components/schemas/${name}` });
  const ticket = {
    id: 42, title: 'Booking link not working', status: 'on_customer', category: 'critical', account_id: 7,
    account_name: 'Hotel', employee_id: null, chat_url: null, follow_up_of: null,
    created_at: '2026-11-23T18:04:05Z', updated_at: '2026-11-23T18:04:05Z', closed_at: null,
    last_message_at: '2026-11-23T18:04:05Z', message_count: 1, unread_count: 0, awaiting: 'team',
    reply_due_at: '2026-11-23T22:04:05Z',
  };
  const done = { ...ticket, status: 'done', awaiting: null, reply_due_at: null, closed_at: '2026-11-24T10:00:00Z' };
  const message = {
    id: 9, ticket_id: 42, body: 'Hello', created_at: '2026-11-23T18:04:05Z',
    author: { id: 3, name: 'Anna', side: 'customer' }, attachments: [], references: [41],
  };

  test('accept what the contract describes', () => {
    for (const [name, value] of [
      ['Ticket', ticket],
      ['Ticket', done],
      ['Ticket', { ...ticket, awaiting: 'customer', reply_due_at: null, employee_id: 3, chat_url: '/chats/1', follow_up_of: 41 }],
      ['Message', message],
      ['Message', { ...message, attachments: [{ id: 5, filename: 'shot.png', content_type: 'image/png', size: 48213, is_image: true, url: '/api/v1/attachments/5', thumbnail_url: '/api/v1/attachments/5/thumbnail' }] }],
      ['TicketList', { items: [ticket, done], next_cursor: 'abc' }],
      ['MessageList', { items: [message], next_cursor: null }],
      ['TicketSummary', { unread_total: 2, counts: { on_customer: 1, done: 0 } }],
      ['CreatedTicket', { ticket, message }],
      ['MarkReadResponse', { unread_count: 0 }],
      ['Event', { type: 'ticket.message_created', ticket_id: 42, message }],
      ['Event', { type: 'ticket.updated', ticket }],
      ['Event', { type: 'unread.changed', ticket_id: 42, unread_count: 1, unread_total: 3 }],
    ]) {
      const validate = schema(name);
      assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  test('reject what it does not', () => {
    for (const [name, value] of [
      ['Ticket', { ...ticket, extra: 1 }],
      ['Ticket', { ...ticket, status: 'open' }],
      ['Ticket', { ...ticket, category: 'bug' }],
      ['Ticket', { ...ticket, awaiting: 'nobody' }],
      ['Ticket', { ...ticket, created_at: '2026-11-23 18:04:05' }],
      ['Ticket', { ...ticket, created_at: '2026-11-23T21:04:05+03:00' }],
      ['Ticket', { ...ticket, status: 'done' }],
      ['Ticket', { ...done, closed_at: null }],
      ['Ticket', { ...ticket, closed_at: '2026-11-24T10:00:00Z' }],
      ['Ticket', { ...ticket, reply_due_at: null }],
      ['Ticket', { ...ticket, awaiting: 'customer' }],
      ['Ticket', (({ account_name, ...rest }) => rest)(ticket)],
      ['Message', { ...message, author: { ...message.author, side: 'bot' } }],
      ['Message', (({ references, ...rest }) => rest)(message)],
      ['Message', { ...message, references: [41, 41] }],
      ['MarkReadResponse', { unread_count: 1 }],
      ['TicketList', { items: [] }],
      ['Event', { type: 'ticket.deleted', ticket_id: 42 }],
      ['Event', { type: 'unread.changed', ticket_id: 42, unread_count: 1 }],
      ['Event', { type: 'ticket.updated', ticket, extra: true }],
    ]) {
      assert.equal(schema(name)(value), false, `${name} accepted ${JSON.stringify(value)}`);
    }
  });
});

describe('path template matching', () => {
  test('matches literal and templated segments', () => {
    assert.deepEqual(matchPathTemplate('/api/v1/me', '/api/v1/me'), {});
    assert.equal(matchPathTemplate('/api/v1/me', '/api/v1/me/'), null);
    assert.equal(matchPathTemplate('/api/v1/me', '/api/v1'), null);
    assert.deepEqual(matchPathTemplate('/api/v1/tickets/{id}', '/api/v1/tickets/42'), { id: '42' });
    assert.deepEqual(matchPathTemplate('/api/v1/tickets/{id}/messages', '/api/v1/tickets/7/messages'), { id: '7' });
    assert.equal(matchPathTemplate('/api/v1/tickets/{id}', '/api/v1/tickets/'), null);
    assert.equal(matchPathTemplate('/api/v1/tickets/{id}', '/api/v1/tickets/1/2'), null);
    assert.deepEqual(matchPathTemplate('/a/{x}', '/a/b%20c'), { x: 'b c' });
  });

  test('a literal path wins over a template', () => {
    const paths = { '/api/v1/tickets/{id}': {}, '/api/v1/tickets/summary': {} };
    assert.equal(findPathTemplate(paths, '/api/v1/tickets/summary').template, '/api/v1/tickets/summary');
    assert.equal(findPathTemplate(paths, '/api/v1/tickets/3').template, '/api/v1/tickets/{id}');
    assert.equal(findPathTemplate(paths, '/api/v1/nope'), null);
  });
});

describe('response validation', () => {
  const v = new OpenApiValidator(doc);
  const check = (method, url, status, headers, body) => v.validateResponse(method, url, { status, headers, body });

  test('accepts documented responses', () => {
    assert.deepEqual(check('GET', '/healthz', 200, { 'content-type': 'application/json' }, json({ status: 'ok' })), []);
    assert.deepEqual(check('GET', '/api/v1/me?x=1', 200, jsonHeaders, json(authBody)), []);
    assert.deepEqual(check('GET', '/api/v1/me', 200, jsonHeaders, json({ ...authBody, account: null })), []);
    assert.deepEqual(
      check('POST', '/api/v1/auth/signup', 201,
        { ...jsonHeaders, 'set-cookie': ['textura_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000'] },
        json(authBody)),
      [],
    );
    assert.deepEqual(check('POST', '/api/v1/auth/logout', 204, { 'cache-control': 'no-store' }, Buffer.alloc(0)), []);
    assert.deepEqual(check('PATCH', '/api/v1/me', 400, jsonHeaders, json(errorBody('validation_failed', 'theme'))), []);
    assert.deepEqual(
      check('POST', '/api/v1/auth/login', 429, { ...jsonHeaders, 'retry-after': '12' }, json(errorBody('rate_limited'))),
      [],
    );
  });

  test('rejects undocumented statuses, bad bodies and missing headers', () => {
    const one = (problems, pattern) => {
      assert.equal(problems.length > 0, true, 'expected a problem');
      assert.match(problems.join('\n'), pattern);
    };
    one(check('GET', '/api/v1/me', 409, jsonHeaders, json(errorBody('conflict'))), /not documented/);
    one(check('GET', '/api/v1/me', 500, jsonHeaders, json(errorBody('internal'))), /5xx is a bug/);
    one(check('GET', '/api/v1/me', 200, jsonHeaders, json({ ...authBody, extra: 1 })), /additional/);
    one(check('GET', '/api/v1/me', 200, jsonHeaders, json({ ...authBody, user: { ...user, role: 'root' } })), /allowed values/);
    one(check('GET', '/api/v1/me', 200, { ...jsonHeaders, 'content-type': 'text/html' }, Buffer.from('<p>')), /text\/html/);
    one(check('GET', '/api/v1/me', 200, jsonHeaders, Buffer.from('{')), /not JSON/);
    one(check('GET', '/api/v1/me', 200, { 'content-type': 'application/json' }, json(authBody)), /Cache-Control is missing/);
    one(check('POST', '/api/v1/auth/signup', 201, jsonHeaders, json(authBody)), /Set-Cookie is missing/);
    one(check('POST', '/api/v1/auth/login', 429, jsonHeaders, json(errorBody('rate_limited'))), /Retry-After/);
    one(check('POST', '/api/v1/auth/login', 429, { ...jsonHeaders, 'retry-after': '0' }, json(errorBody('rate_limited'))), /Retry-After/);
    one(check('POST', '/api/v1/auth/logout', 204, { 'cache-control': 'no-store' }, Buffer.from('x')), /without a body/);
    one(check('PATCH', '/api/v1/me', 400, jsonHeaders, json({ error: { code: 'Bad Code', message: 'x' } })), /pattern/);
    one(check('PATCH', '/api/v1/me', 400, jsonHeaders, json({ message: 'x' })), /required/);
  });

  test('file downloads: any media type, the documented headers, JSON files are just bytes', () => {
    const etag = `"${'a'.repeat(64)}"`;
    const fileHeaders = (type, disposition = 'attachment') => ({
      'content-type': type,
      etag,
      'accept-ranges': 'bytes',
      'cache-control': 'private, max-age=3600',
      'content-disposition': `${disposition}; filename="a.x"; filename*=UTF-8''a.x`,
      'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    });
    const url = '/api/v1/attachments/5';
    assert.deepEqual(check('GET', url, 200, fileHeaders('image/png', 'inline'), Buffer.from('png')), []);
    assert.deepEqual(check('GET', url, 200, fileHeaders('application/json'), Buffer.from('[1,2]')), []);
    assert.deepEqual(check('GET', `${url}/thumbnail`, 206, { ...fileHeaders('image/jpeg', 'inline'), 'content-range': 'bytes 0-1/9' }, Buffer.from('ab')), []);
    assert.match(check('GET', url, 206, fileHeaders('image/png'), Buffer.from('ab')).join(), /Content-Range is missing/);
    assert.match(check('GET', url, 200, { ...fileHeaders('text/html'), 'content-security-policy': "default-src 'self'" }, Buffer.from('<p>')).join(), /Content-Security-Policy/);
    assert.match(check('GET', url, 200, { ...fileHeaders('text/html'), 'content-disposition': 'attachment; filename="a\nb"' }, Buffer.from('<p>')).join(), /Content-Disposition/);
  });

  test('undocumented operations may only answer 404 / 405 with an Error', () => {
    const err404 = json(errorBody('not_found'));
    assert.deepEqual(check('GET', '/api/v1/nope', 404, jsonHeaders, err404), []);
    assert.match(check('GET', '/api/v1/nope', 200, jsonHeaders, json({})).join(), /matches no documented path/);
    assert.match(check('GET', '/api/v1/nope', 404, { 'content-type': 'text/html' }, Buffer.from('x')).join(), /expected application\/json/);
    assert.deepEqual(
      check('DELETE', '/api/v1/me', 405, { ...jsonHeaders, allow: 'GET, PATCH' }, json(errorBody('method_not_allowed'))),
      [],
    );
    assert.deepEqual(
      check('DELETE', '/api/v1/me', 405, { ...jsonHeaders, allow: 'GET, HEAD, PATCH' }, json(errorBody('method_not_allowed'))),
      [],
    );
    assert.match(
      check('DELETE', '/api/v1/me', 405, { ...jsonHeaders, allow: 'GET' }, json(errorBody('method_not_allowed'))).join(),
      /lacks documented method PATCH/,
    );
    assert.match(
      check('DELETE', '/api/v1/me', 405, { ...jsonHeaders, allow: 'GET, PATCH, DELETE' }, json(errorBody('method_not_allowed'))).join(),
      /names DELETE/,
    );
    assert.match(check('DELETE', '/api/v1/me', 200, jsonHeaders, json({})).join(), /not documented/);
    // The web app is outside the document.
    assert.deepEqual(check('GET', '/support/42', 200, { 'content-type': 'text/html' }, Buffer.from('<html>')), []);
  });
});
