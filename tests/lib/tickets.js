// Helpers for the support-ticket tests: customers and staff, tickets, messages,
// whole lists, and the events WebSocket (every frame checked against its schema in
// openapi.json).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Client, SESSION_COOKIE, signedUpClient } from './client.js';
import { REPO_ROOT, sharedValidator } from './openapi.js';

export const TICKETS = '/api/v1/tickets';
export const EVENTS = '/api/v1/events';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

// A new customer with their own account: {client, user, account, signup}.
export async function newCustomer(url, overrides = {}) {
  const { client, signup, response } = await signedUpClient(url, overrides);
  return { client, signup, user: response.json.user, account: response.json.account };
}

// A staff (or admin) user created with `textura user create`, logged in: {client, user}.
export async function newStaff(server, { role = 'staff', name = 'Anna Support' } = {}) {
  const email = `${role}-${randomBytes(5).toString('hex')}@example.com`;
  const password = `${role} password ${randomBytes(3).toString('hex')}`;
  const r = await server.runCli(['user', 'create', '--email', email, '--password', password, '--name', name, '--role', role]);
  assert.equal(r.code, 0, `textura user create --role ${role} failed:\n${r.stdout}\n${r.stderr}`);
  const client = new Client(server.url);
  const login = await client.login(email, password);
  assert.equal(login.status, 200, `staff login: ${describe(login)}`);
  return { client, user: login.json.user };
}

let ticketCounter = 0;
export function ticketFields(overrides = {}) {
  ticketCounter += 1;
  const fields = {
    title: `Booking link not working ${ticketCounter}`,
    body: 'The Concierge employee sends a booking link that opens a blank page.',
    category: 'question',
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete fields[k];
  return fields;
}

// Creates a ticket (asserting 201); returns {ticket, message}.
export async function createTicket(client, overrides = {}) {
  const res = await client.post(TICKETS, ticketFields(overrides));
  assert.equal(res.status, 201, `create ticket: ${describe(res)}`);
  return res.json;
}

export async function getTicket(client, id) {
  const res = await client.get(`${TICKETS}/${id}`);
  assert.equal(res.status, 200, `GET ticket ${id}: ${describe(res)}`);
  return res.json.ticket;
}

// Posts a message (asserting 201); returns the message.
export async function postMessage(client, id, body = 'One more detail.') {
  const res = await client.post(`${TICKETS}/${id}/messages`, { body });
  assert.equal(res.status, 201, `POST message to ${id}: ${describe(res)}`);
  return res.json.message;
}

export async function closeTicket(client, id) {
  const res = await client.post(`${TICKETS}/${id}/close`);
  assert.equal(res.status, 200, `close ${id}: ${describe(res)}`);
  return res.json.ticket;
}

export async function markRead(client, id) {
  const res = await client.post(`${TICKETS}/${id}/read`);
  assert.equal(res.status, 200, `read ${id}: ${describe(res)}`);
  assert.deepEqual(res.json, { unread_count: 0 });
}

export async function summary(client) {
  const res = await client.get(`${TICKETS}/summary`);
  assert.equal(res.status, 200, `summary: ${describe(res)}`);
  return res.json;
}

export function queryString(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

// One page of GET /tickets (asserting 200): {items, next_cursor}.
export async function listPage(client, params = {}) {
  const res = await client.get(`${TICKETS}${queryString(params)}`);
  assert.equal(res.status, 200, `list ${JSON.stringify(params)}: ${describe(res)}`);
  return res.json;
}

// Every ticket of a list, walking next_cursor with limit 100.
export async function listAll(client, params = {}) {
  const items = [];
  let cursor;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listPage(client, { limit: 100, ...params, cursor });
    items.push(...page.items);
    if (page.next_cursor === null) return items;
    cursor = page.next_cursor;
  }
  assert.fail('the list never ended');
}

export const ids = (items) => items.map((t) => t.id);

// Every message of a ticket (asserting 200).
export async function allMessages(client, id) {
  const res = await client.get(`${TICKETS}/${id}/messages?limit=100`);
  assert.equal(res.status, 200, `messages of ${id}: ${describe(res)}`);
  assert.equal(res.json.next_cursor, null, 'fewer than 100 messages fit one page');
  return res.json.items;
}

// Staff see a ticket's reply clock tick (sla.business_seconds_left); a snapshot
// compares everything else.
export function withoutClock(ticket) {
  if (!ticket?.sla) return ticket;
  const { business_seconds_left: _left, ...sla } = ticket.sla;
  return { ...ticket, sla };
}

// The ticket without the fields only staff see (assignee, account, sla, note_count).
export function customerFields(ticket) {
  const { assignee: _a, account: _b, sla: _c, note_count: _d, ...rest } = ticket;
  return rest;
}

// What a user can observe of the tickets they see: the full list and the summary.
export async function snapshot(client) {
  return { list: (await listAll(client)).map(withoutClock), summary: await summary(client) };
}

// ---------------------------------------------------------------------------
// Events

function eventValidators() {
  const v = sharedValidator();
  const ref = (name) => v.compile(`event schema ${name}`, { $ref: `#/components/schemas/${name}` });
  return {
    any: ref('Event'),
    'ticket.message_created': ref('TicketMessageCreatedEvent'),
    'ticket.updated': ref('TicketUpdatedEvent'),
    'unread.changed': ref('UnreadChangedEvent'),
    'chat.message_created': ref('ChatMessageCreatedEvent'),
    'chat.updated': ref('ChatUpdatedEvent'),
    'chat.reply_delta': ref('ChatReplyDeltaEvent'),
    'ticket.note_created': ref('TicketNoteCreatedEvent'),
    'ticket.presence': ref('TicketPresenceEvent'),
    'ticket.sla_breached': ref('TicketSlaBreachedEvent'),
  };
}

// Checks one frame against components/schemas/Event and its type's own schema.
export function validateFrame(frame) {
  const validators = eventValidators();
  const problems = [];
  const own = validators[frame?.type];
  if (!own) problems.push(`unknown event type ${JSON.stringify(frame?.type)}`);
  else if (!own(frame)) problems.push(JSON.stringify(own.errors));
  else if (!validators.any(frame)) problems.push(`matches more than one event schema: ${JSON.stringify(validators.any.errors)}`);
  assert.equal(problems.length, 0, `event frame does not match openapi.json: ${problems.join('; ')}\n${JSON.stringify(frame)}`);
}

// One open /api/v1/events connection that collects (and validates) every frame.
export class EventSocket {
  constructor(ws, name) {
    this.ws = ws;
    this.name = name;
    this.frames = [];
    this.errors = [];
    this.waiters = new Set();
    this.closed = false;
    ws.on('message', (data, isBinary) => {
      try {
        assert.equal(isBinary, false, `${name}: frames are text`);
        const frame = JSON.parse(data.toString('utf8'));
        validateFrame(frame);
        this.frames.push(frame);
      } catch (e) {
        this.errors.push(e);
      }
      for (const w of [...this.waiters]) w();
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of [...this.waiters]) w();
    });
    ws.on('error', (e) => this.errors.push(e));
  }

  // Resolves with the frames received since `from` once `count` have arrived;
  // fails after timeoutMs.
  async waitFrames(count, { from = 0, timeoutMs = 5000 } = {}) {
    const done = () => this.frames.length - from >= count || this.errors.length > 0 || this.closed;
    if (!done()) {
      await new Promise((resolvePromise) => {
        const finish = () => {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolvePromise();
        };
        const check = () => {
          if (done()) finish();
        };
        const timer = setTimeout(finish, timeoutMs);
        this.waiters.add(check);
      });
    }
    this.throwErrors();
    const got = this.frames.slice(from);
    assert.ok(
      got.length >= count,
      `${this.name}: expected ${count} frame(s) within ${timeoutMs} ms, got ${got.length}${this.closed ? ' (closed)' : ''}: ${JSON.stringify(got)}`,
    );
    return got.slice(0, count);
  }

  throwErrors() {
    if (this.errors.length > 0) throw this.errors[0];
  }

  get count() {
    return this.frames.length;
  }

  close() {
    this.ws.terminate();
  }
}

function upgradeHeaders(baseUrl, { session, origin, headers = {} }) {
  const h = { ...headers };
  if (session) h.Cookie = `${SESSION_COOKIE}=${session}`;
  if (origin !== undefined) h.Origin = origin;
  return h;
}

function wsUrl(baseUrl) {
  return baseUrl.replace(/^http/, 'ws') + EVENTS;
}

// Opens an events connection with the session cookie; resolves once it is open.
// The 101 response is validated against the document too.
export function openEvents(baseUrl, client, { name = 'socket', origin = baseUrl, timeoutMs = 5000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(wsUrl(baseUrl), {
      headers: upgradeHeaders(baseUrl, { session: client.session, origin }),
      handshakeTimeout: timeoutMs,
    });
    const socket = new EventSocket(ws, name);
    ws.once('upgrade', (res) => {
      const problems = sharedValidator().validateResponse('GET', EVENTS, {
        status: res.statusCode,
        headers: res.headers,
        body: Buffer.alloc(0),
      });
      if (problems.length > 0) socket.errors.push(new Error(`101 does not conform: ${problems.join('; ')}`));
    });
    ws.once('open', () => {
      socket.throwErrors();
      resolvePromise(socket);
    });
    ws.once('unexpected-response', (req, res) => {
      reject(new Error(`${name}: the upgrade was refused with ${res.statusCode}`));
      req.destroy();
    });
    ws.once('error', reject);
  });
}

// Attempts an upgrade that should be refused; resolves {status, headers, body, text,
// json} of the refusal (validated against the document), or fails when it opens.
export function refusedUpgrade(baseUrl, { session, origin, headers, timeoutMs = 5000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const ws = new WebSocket(wsUrl(baseUrl), { headers: upgradeHeaders(baseUrl, { session, origin, headers }), handshakeTimeout: timeoutMs });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('unexpected-response', (req, res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const out = { status: res.statusCode, headers: res.headers, body, text, json };
        const problems = sharedValidator().validateResponse('GET', EVENTS, out);
        if (problems.length > 0) reject(new Error(`refusal does not conform to openapi.json: ${problems.join('; ')}\n${text}`));
        else resolvePromise(out);
        req.destroy();
      });
      res.on('error', reject);
    });
    ws.once('error', (e) => reject(e));
  });
}

// ---------------------------------------------------------------------------
// The built-in business calendar (data/calendars/ru.txt, embedded in the binary):
// Europe/Moscow (UTC+3, no DST), Mon–Fri 10:00–19:00, holidays and working weekend
// days. Used to compute the expected reply_due_at independently of the server.

const MOSCOW_OFFSET_MS = 3 * 3600_000;
const HOUR_MS = 3600_000;

function loadBuiltInCalendar() {
  const holidays = new Set();
  const workdays = new Map(); // date -> [openMin, closeMin]
  const text = readFileSync(join(REPO_ROOT, 'data', 'calendars', 'ru.txt'), 'utf8');
  const dayMs = 86_400_000;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [directive, arg, maybeHours] = line.split(/\s+/);
    if (directive === 'holiday') {
      const [from, to = from] = arg.split('..');
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += dayMs) {
        holidays.add(new Date(t).toISOString().slice(0, 10));
      }
    } else if (directive === 'workday') {
      const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(maybeHours ?? '');
      workdays.set(arg, m ? [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])] : [600, 1140]);
    } else if (directive === 'zone') {
      assert.equal(arg, 'Europe/Moscow', 'the tests assume the built-in calendar is Moscow time');
    } else if (directive === 'hours') {
      assert.ok(/^mon-fri$/.test(arg) && maybeHours === '10:00-19:00', `unexpected hours line: ${line}`);
    }
  }
  return { holidays, workdays };
}

let calendar;
// Working hours of one Moscow-local date ('YYYY-MM-DD'): [openMs, closeMs] as UTC
// instants, or null for a day off.
export function workingHoursOn(localDate) {
  calendar ??= loadBuiltInCalendar();
  const midnightUtc = Date.parse(`${localDate}T00:00:00Z`) - MOSCOW_OFFSET_MS;
  let minutes = null;
  if (calendar.workdays.has(localDate)) minutes = calendar.workdays.get(localDate);
  else if (!calendar.holidays.has(localDate)) {
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) minutes = [600, 1140];
  }
  if (!minutes) return null;
  return [midnightUtc + minutes[0] * 60_000, midnightUtc + minutes[1] * 60_000];
}

export function moscowDate(ms) {
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

// Adds `hours` of business time to the instant `startMs`.
export function addBusinessHours(startMs, hours) {
  let left = hours * HOUR_MS;
  let day = moscowDate(startMs);
  for (let i = 0; i < 400; i++) {
    const span = workingHoursOn(day);
    if (span) {
      const from = Math.max(span[0], startMs);
      if (from < span[1]) {
        if (from + left <= span[1]) return from + left;
        left -= span[1] - from;
      }
    }
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  throw new Error('no working time within 400 days');
}

// Whether the instant lies within working hours (both ends included).
export function isWithinWorkingHours(ms) {
  const span = workingHoursOn(moscowDate(ms));
  return span !== null && ms >= span[0] && ms <= span[1];
}

export const toIso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
