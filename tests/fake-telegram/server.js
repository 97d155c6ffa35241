#!/usr/bin/env node
// A fake Telegram Bot API server for tests (docs/channels.md, tests/README.md), faithful
// to the parts of https://core.telegram.org/bots/api that Textura speaks.
//
//   node tests/fake-telegram/server.js [--port 0] [--host 127.0.0.1] [--exit-with-stdin]
//
// prints one JSON line {"port","url"} once it listens; url is the base URL to give
// Textura (TEXTURA_TELEGRAM_API_BASE_URL). The Bot API:
//   /bot<token>/<method>   GET query, POST JSON, urlencoded or multipart, as Telegram takes
//   /file/bot<token>/<path>  file download (after getFile)
// Methods: getMe, getUpdates (offset confirms earlier updates; timeout long-polls; a
// second poller terminates the first with 409; 409 while a webhook is set), setWebhook /
// deleteWebhook / getWebhookInfo (updates are POSTed to the webhook with the
// X-Telegram-Bot-Api-Secret-Token header, retried while it fails), sendMessage
// (parse_mode HTML checked: an unsupported or unbalanced tag or a bare "&" → 400 "can't
// parse entities"; > 4096 UTF-16 units after parsing → 400 "message is too long"; a user
// who blocked the bot → 403), sendChatAction, sendPhoto / sendDocument (multipart),
// getFile (> 20 MB → 400 "file is too big"), editMessageText. Unknown token → 401.
// The control API (tests):
//   POST /_fake/bots      {token, id?, username, first_name?}   a bot that exists
//   POST /_fake/updates   {token, update} | {token, message: {chat_id, text, from?, …}}
//                         queues an update (update_id assigned when absent); → {update_id}
//   POST /_fake/files     {token, content_base64, file_size?, file_path?} → {file_id}
//   POST /_fake/block     {token, chat_id, blocked: true|false}
//   POST /_fake/inject    {method, token?, status, description?, retry_after?, times?, drop?,
//                         garbage?, delay_ms?} the next `times` (default 1) calls of `method`
//                         ("*": any) of that bot (default: any bot) fail so
//   GET  /_fake/sent?token=   what the bot sent: [{method, chat_id, message_id, text, raw,
//                             parse_mode, action, filename, size, at}]
//   GET  /_fake/calls     every Bot API call: [{method, bot_id, status, at}]
//   GET  /_fake/state?token=  {offset, queued, webhook, pollers}
//   DELETE /_fake/sent    clears sent and calls
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const MAX_MESSAGE_UNITS = 4096;
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code',
  'pre', 'span', 'tg-spoiler', 'tg-emoji', 'blockquote']);
const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function utf16Length(s) {
  return s.length; // JavaScript strings are UTF-16
}

// Parses Telegram's HTML parse mode into plain text; throws a Telegram-style message.
export function parseHtml(html) {
  const bytes = (i) => Buffer.byteLength(html.slice(0, i));
  let out = '';
  const open = [];
  for (let i = 0; i < html.length;) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new Error(`Can't find end of the entity starting at byte offset ${bytes(i)}`);
      const inner = html.slice(i + 1, end);
      const closing = inner.startsWith('/');
      const name = (closing ? inner.slice(1) : inner).trim().split(/\s/)[0].toLowerCase();
      if (!HTML_TAGS.has(name)) {
        throw new Error(`Unsupported ${closing ? 'end' : 'start'} tag "${name}" at byte offset ${bytes(i)}`);
      }
      if (closing) {
        if (open.pop() !== name) throw new Error(`Unexpected end tag at byte offset ${bytes(i)}`);
      } else {
        open.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      if (!m) throw new Error(`Character entities are not supported; unescaped "&" at byte offset ${bytes(i)}`);
      const ent = m[1];
      if (ent.startsWith('#x')) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
      else if (ent.startsWith('#')) out += String.fromCodePoint(parseInt(ent.slice(1), 10));
      else if (NAMED_ENTITIES[ent.toLowerCase()]) out += NAMED_ENTITIES[ent.toLowerCase()];
      else throw new Error(`Unsupported entity "${ent}" at byte offset ${bytes(i)}`);
      i += m[0].length;
    } else if (c === '>') {
      // Telegram tolerates a bare ">"; Textura escapes it anyway.
      out += c;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  if (open.length) throw new Error(`Can't find end tag corresponding to start tag "${open[open.length - 1]}"`);
  return out;
}

function parseMultipart(body, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return null;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const fields = {};
  const files = {};
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.slice(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const part = body.slice(start + 2, next - 2); // skip CRLF after boundary and before next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, headerEnd).toString();
    const content = part.slice(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name) {
      if (filename !== undefined) files[name] = { filename, content };
      else fields[name] = content.toString();
    }
    pos = next;
  }
  return { fields, files };
}

export async function startFakeTelegram({ port = 0, host = '127.0.0.1' } = {}) {
  const bots = new Map(); // token → bot
  const sockets = new Set();
  const injections = [];
  const calls = [];
  let nextUpdateId = 100000;
  let nextFileId = 1;
  const files = new Map(); // file_id → {content, file_size, file_path, token}

  function bot(token) {
    return bots.get(token);
  }
  function addBot({ token, id, username, first_name: firstName }) {
    const b = {
      token, id: id ?? (Number(String(token).split(":")[0]) || 1000 + bots.size), username,
      firstName: firstName ?? username, queue: [], confirmed: 0, webhook: null, poller: null,
      sent: [], blocked: new Set(), nextMessageId: 1, webhookLastError: null, delivering: false,
    };
    bots.set(token, b);
    return b;
  }
  function wakePoller(b) {
    if (b.poller) b.poller.wake();
  }
  function queueUpdate(b, update) {
    if (update.update_id === undefined) update.update_id = ++nextUpdateId;
    else nextUpdateId = Math.max(nextUpdateId, update.update_id);
    b.queue.push(update);
    b.queue.sort((x, y) => x.update_id - y.update_id);
    wakePoller(b);
    if (b.webhook) deliverWebhook(b);
    return update.update_id;
  }
  async function deliverWebhook(b) {
    if (b.delivering) return;
    b.delivering = true;
    try {
      while (b.webhook && b.queue.length) {
        const update = b.queue[0];
        const target = b.webhook;
        let ok = false;
        try {
          const headers = { 'Content-Type': 'application/json' };
          if (target.secret) headers['X-Telegram-Bot-Api-Secret-Token'] = target.secret;
          const res = await fetch(target.url, { method: 'POST', headers, body: JSON.stringify(update),
            signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          ok = res.status >= 200 && res.status < 300;
          if (!ok) b.webhookLastError = { date: Math.floor(Date.now() / 1000), message: `Wrong response from the webhook: ${res.status} ${res.statusText}` };
        } catch (e) {
          b.webhookLastError = { date: Math.floor(Date.now() / 1000), message: `Connection refused: ${e.message}` };
        }
        if (ok && b.queue[0] === update) b.queue.shift();
        if (!ok) await sleep(500);
      }
    } finally {
      b.delivering = false;
    }
  }

  function takeInjection(method, token) {
    const i = injections.findIndex((x) => (x.method === method || x.method === '*') && (!x.token || x.token === token));
    if (i < 0) return null;
    const inj = injections[i];
    inj.times -= 1;
    if (inj.times <= 0) injections.splice(i, 1);
    return inj;
  }

  function reply(res, status, body) {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
  function fail(res, status, description, parameters) {
    const body = { ok: false, error_code: status, description };
    if (parameters) body.parameters = parameters;
    reply(res, status, body);
  }
  const ok = (res, result) => reply(res, 200, { ok: true, result });

  function recordSent(b, entry) {
    const message = { message_id: b.nextMessageId++, at: Date.now(), ...entry };
    b.sent.push(message);
    return message;
  }

  function chatOf(params) {
    const id = Number(params.chat_id);
    return Number.isFinite(id) ? id : null;
  }

  async function method(b, name, params, uploads, req, res) {
    switch (name) {
      case 'getMe':
        return ok(res, { id: b.id, is_bot: true, first_name: b.firstName, username: b.username,
          can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'getUpdates': {
        if (b.webhook) return fail(res, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        const offset = Number(params.offset ?? 0);
        const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
        const timeout = Math.max(0, Number(params.timeout ?? 0));
        if (offset > 0) b.queue = b.queue.filter((u) => u.update_id >= offset);
        if (b.poller) {
          const previous = b.poller;
          b.poller = null;
          previous.conflict();
        }
        const pending = () => b.queue.slice(0, limit);
        if (pending().length || timeout === 0) return ok(res, pending());
        await new Promise((resolve) => {
          const timer = setTimeout(() => done(() => ok(res, [])), timeout * 1000);
          const me = {};
          function done(fn) {
            clearTimeout(timer);
            if (b.poller === me) b.poller = null;
            fn();
            resolve();
          }
          me.wake = () => done(() => ok(res, pending()));
          me.conflict = () => done(() => fail(res, 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
          b.poller = me;
          req.on('close', () => { if (!res.writableEnded) done(() => {}); });
        });
        return undefined;
      }
      case 'setWebhook': {
        if (!params.url) {
          b.webhook = null;
          return ok(res, true);
        }
        if (!/^https?:\/\//.test(params.url)) return fail(res, 400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(params.secret_token)) {
          return fail(res, 400, 'Bad Request: secret token contains unallowed characters');
        }
        b.webhook = { url: params.url, secret: params.secret_token ?? null };
        if (b.poller) b.poller.conflict();
        deliverWebhook(b);
        return ok(res, true);
      }
      case 'deleteWebhook':
        b.webhook = null;
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') b.queue = [];
        return ok(res, true);
      case 'getWebhookInfo': {
        const info = { url: b.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: b.queue.length };
        if (b.webhookLastError) {
          info.last_error_date = b.webhookLastError.date;
          info.last_error_message = b.webhookLastError.message;
        }
        return ok(res, info);
      }
      case 'sendMessage': {
        const chat = chatOf(params);
        if (chat === null) return fail(res, 400, 'Bad Request: chat_id is empty');
        if (b.blocked.has(chat)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
        const raw = String(params.text ?? '');
        let text = raw;
        if (params.parse_mode === 'HTML') {
          try {
            text = parseHtml(raw);
          } catch (e) {
            return fail(res, 400, `Bad Request: can't parse entities: ${e.message}`);
          }
        }
        if (text.trim() === '') return fail(res, 400, 'Bad Request: message text is empty');
        if (utf16Length(text) > MAX_MESSAGE_UNITS) return fail(res, 400, 'Bad Request: message is too long');
        const m = recordSent(b, { method: 'sendMessage', chat_id: chat, text, raw, parse_mode: params.parse_mode ?? null });
        return ok(res, { message_id: m.message_id, date: Math.floor(m.at / 1000), chat: { id: chat, type: 'private' }, text });
      }
      case 'sendChatAction': {
        const chat = chatOf(params);
        if (chat === null) return fail(res, 400, 'Bad Request: chat_id is empty');
        if (b.blocked.has(chat)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
        b.sent.push({ method: 'sendChatAction', chat_id: chat, action: params.action, at: Date.now() });
        return ok(res, true);
      }
      case 'sendPhoto':
      case 'sendDocument': {
        const chat = chatOf(params);
        const field = name === 'sendPhoto' ? 'photo' : 'document';
        if (chat === null) return fail(res, 400, 'Bad Request: chat_id is empty');
        if (b.blocked.has(chat)) return fail(res, 403, 'Forbidden: bot was blocked by the user');
        const file = uploads?.[field];
        if (!file) return fail(res, 400, `Bad Request: there is no ${field} in the request`);
        const m = recordSent(b, { method: name, chat_id: chat, filename: file.filename, size: file.content.length,
          text: params.caption ?? '', parse_mode: params.parse_mode ?? null });
        return ok(res, { message_id: m.message_id, date: Math.floor(m.at / 1000), chat: { id: chat, type: 'private' } });
      }
      case 'getFile': {
        const f = files.get(String(params.file_id ?? ''));
        if (!f || f.token !== b.token) return fail(res, 400, 'Bad Request: invalid file_id');
        if (f.file_size > MAX_DOWNLOAD_BYTES) return fail(res, 400, 'Bad Request: file is too big');
        return ok(res, { file_id: params.file_id, file_unique_id: `u${params.file_id}`, file_size: f.file_size, file_path: f.file_path });
      }
      case 'editMessageText': {
        const m = b.sent.find((x) => x.message_id === Number(params.message_id) && x.chat_id === chatOf(params));
        if (!m) return fail(res, 400, 'Bad Request: message to edit not found');
        m.text = String(params.text ?? '');
        m.edited = true;
        return ok(res, { message_id: m.message_id, chat: { id: m.chat_id, type: 'private' }, text: m.text });
      }
      default:
        return fail(res, 404, 'Not Found: method not found');
    }
  }

  async function readBody(req) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    return Buffer.concat(chunks);
  }

  function paramsOf(url, body, contentType) {
    const params = Object.fromEntries(url.searchParams);
    let uploads = null;
    if (body.length) {
      if (contentType.startsWith('application/json')) Object.assign(params, JSON.parse(body.toString()));
      else if (contentType.startsWith('application/x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString())));
      else if (contentType.startsWith('multipart/form-data')) {
        const parsed = parseMultipart(body, contentType);
        if (parsed) {
          Object.assign(params, parsed.fields);
          uploads = parsed.files;
        }
      }
    }
    return { params, uploads };
  }

  async function control(req, res, url, body) {
    const json = body.length ? JSON.parse(body.toString()) : {};
    const path = url.pathname;
    if (path === '/_fake/bots' && req.method === 'POST') {
      const b = addBot(json);
      return reply(res, 201, { id: b.id, username: b.username });
    }
    if (path === '/_fake/sent' && req.method === 'DELETE') {
      for (const b of bots.values()) b.sent = [];
      calls.length = 0;
      return reply(res, 204, {});
    }
    if (path === '/_fake/calls') return reply(res, 200, { items: calls });
    if (path === '/_fake/inject' && req.method === 'POST') {
      injections.push({ times: 1, ...json });
      return reply(res, 201, {});
    }
    const b = bot(json.token ?? url.searchParams.get('token'));
    if (!b) return reply(res, 404, { error: 'no such bot' });
    if (path === '/_fake/updates' && req.method === 'POST') {
      let update = json.update;
      if (!update) {
        const m = json.message;
        const from = { id: m.chat_id, is_bot: false, first_name: 'Client', language_code: 'en', ...(m.from ?? {}) };
        const message = { message_id: m.message_id ?? b.nextMessageId++, date: Math.floor(Date.now() / 1000),
          chat: { id: m.chat_id, type: m.chat_type ?? 'private', first_name: from.first_name }, from };
        if (m.text !== undefined) message.text = m.text;
        if (m.caption !== undefined) message.caption = m.caption;
        if (m.photo) message.photo = m.photo;
        if (m.document) message.document = m.document;
        update = { [json.edited ? 'edited_message' : 'message']: message };
        if (json.update_id !== undefined) update.update_id = json.update_id;
      }
      return reply(res, 201, { update_id: queueUpdate(b, update) });
    }
    if (path === '/_fake/files' && req.method === 'POST') {
      const content = Buffer.from(json.content_base64 ?? '', 'base64');
      const id = `file${nextFileId++}`;
      files.set(id, { token: b.token, content, file_size: json.file_size ?? content.length, file_path: json.file_path ?? `documents/${id}.bin` });
      return reply(res, 201, { file_id: id });
    }
    if (path === '/_fake/block' && req.method === 'POST') {
      if (json.blocked === false) b.blocked.delete(Number(json.chat_id));
      else b.blocked.add(Number(json.chat_id));
      return reply(res, 200, {});
    }
    if (path === '/_fake/sent') return reply(res, 200, { items: b.sent });
    if (path === '/_fake/state') {
      return reply(res, 200, { queued: b.queue.map((u) => u.update_id), webhook: b.webhook, polling: Boolean(b.poller) });
    }
    return reply(res, 404, { error: 'no such control route' });
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://fake');
      const body = await readBody(req);
      if (url.pathname.startsWith('/_fake/')) return await control(req, res, url, body);
      const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (file) {
        const b = bot(decodeURIComponent(file[1]));
        const f = b && [...files.values()].find((x) => x.token === b.token && x.file_path === file[2]);
        if (!f) return fail(res, 404, 'Not Found');
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': f.content.length });
        return res.end(f.content);
      }
      const api = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!api) return fail(res, 404, 'Not Found');
      const [token, name] = [decodeURIComponent(api[1]), api[2]];
      const b = bot(token);
      const call = { method: name, bot_id: b?.id ?? null, status: 0, at: Date.now() };
      calls.push(call);
      res.on('finish', () => { call.status = res.statusCode; });
      const inj = takeInjection(name, token);
      if (inj) {
        if (inj.delay_ms) await sleep(inj.delay_ms);
        if (inj.drop) {
          req.socket.destroy();
          return undefined;
        }
        if (inj.garbage) {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          return res.end('<html>Bad gateway</html>');
        }
        if (inj.status) {
          const params = inj.retry_after !== undefined ? { retry_after: inj.retry_after } : undefined;
          const description = inj.description ?? (inj.status === 429 ? `Too Many Requests: retry after ${inj.retry_after ?? 1}` : 'Internal Server Error');
          return fail(res, inj.status, description, params);
        }
      }
      if (!b) return fail(res, 401, 'Unauthorized');
      let parsed;
      try {
        parsed = paramsOf(url, body, req.headers['content-type'] ?? '');
      } catch {
        return fail(res, 400, 'Bad Request: invalid request body');
      }
      return await method(b, name, parsed.params, parsed.uploads, req, res);
    } catch (e) {
      if (!res.headersSent) fail(res, 500, `Internal Server Error: ${e.message}`);
      return undefined;
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://${host}:${actual}`,
    addBot,
    queueUpdate: (token, update) => queueUpdate(bot(token), update),
    sent: (token) => bot(token)?.sent ?? [],
    calls,
    close() {
      for (const b of bots.values()) if (b.poller) b.poller.wake();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fake = await startFakeTelegram({ port: Number(argValue('--port', '0')), host: argValue('--host', '127.0.0.1') });
  process.stdout.write(`${JSON.stringify({ port: fake.port, url: fake.url })}\n`);
  const stop = () => { fake.close().then(() => process.exit(0)); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.argv.includes('--exit-with-stdin')) {
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}
