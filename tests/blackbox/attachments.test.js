// Attachments (API.md "Attachments — contract"): upload limits and quota, who may
// upload, attach and download, how files are served (inline images, everything else
// as a download in a sandbox), sanitised names, ranges and ETags, that interrupted
// uploads leave nothing behind, that equal bytes are stored once, and the collection
// of unused uploads.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, signedUpClient } from '../lib/client.js';
import { png } from '../lib/images.js';
import { expectError, sleep } from '../lib/expect.js';
import { RawConnection } from '../lib/raw.js';
import { TexturaServer, useServer } from '../lib/server.js';

const MAX_UPLOAD = 256 * 1024;
const QUOTA = 1024 * 1024;
const ctx = useServer({
  env: {
    TEXTURA_MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    TEXTURA_ACCOUNT_QUOTA_BYTES: String(QUOTA),
    TEXTURA_READ_TIMEOUT_SECONDS: '5',
  },
});

const SANDBOX = "sandbox; default-src 'none'";

// --- bytes ---------------------------------------------------------------------------

let unique = 0;
// Bytes no other test uploads: text, so the sniffer says text/plain.
function textBytes(size, label = 'file') {
  unique += 1;
  const head = `${label} ${process.pid} ${Date.now()} ${unique}\n`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, size - head.length), 'a')]).subarray(0, size);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// RFC 5987 ext-value encoding: attr-chars as they are, every other byte as %XX.
function rfc5987(name) {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9!#$&+\-.^_`|~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// --- helpers -------------------------------------------------------------------------

function upload(client, body, filename = 'file.txt', options = {}) {
  const query = filename === null ? '' : `?filename=${encodeURIComponent(filename)}`;
  return client.request('POST', `/api/v1/attachments${query}`, { body, contentType: 'application/octet-stream', ...options });
}

async function uploaded(client, body, filename) {
  const res = await upload(client, body, filename);
  assert.equal(res.status, 201, res.text);
  return res.json.attachment;
}

function download(client, id, options) {
  return client.get(`/api/v1/attachments/${id}`, options);
}

async function newTicket(client, attachmentIds, body = 'Screenshot attached') {
  return client.post('/api/v1/tickets', {
    title: 'Booking page is blank',
    body,
    category: 'question',
    ...(attachmentIds ? { attachment_ids: attachmentIds } : {}),
  });
}

let staffCounter = 0;
async function staffClient(server = ctx.server) {
  staffCounter += 1;
  const email = `agent-${process.pid}-${staffCounter}@textura.test`;
  const r = await server.runCli(['user', 'create', '--email', email, '--password', 'staff password 1', '--name', 'Agent', '--role', 'staff']);
  assert.equal(r.code, 0, r.stderr);
  const client = new Client(server.url);
  assert.equal((await client.login(email, 'staff password 1')).status, 200);
  return client;
}

const filesDir = (server = ctx.server) => path.join(server.dataDir, 'files');
const storedPath = (key, server = ctx.server) => path.join(filesDir(server), key.slice(0, 2), key.slice(2, 4), key);
const tempFiles = (server = ctx.server) => fs.readdirSync(path.join(filesDir(server), 'tmp'));

function storedFiles(server = ctx.server) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (dir !== filesDir(server) || /^[0-9a-f]{2}$/.test(e.name)) walk(p);
      } else {
        out.push(p);
      }
    }
  };
  walk(filesDir(server));
  return out;
}

async function waitFor(predicate, timeoutMs = 5000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

function rawHead(client, lines) {
  return [
    ...lines,
    'Host: 127.0.0.1',
    `Cookie: textura_session=${client.session}`,
    `X-CSRF-Token: ${client.csrfToken}`,
    '',
    '',
  ].join('\r\n');
}

// --- tests ---------------------------------------------------------------------------

describe('upload', () => {
  test('stores the bytes and answers the attachment; the type comes from the bytes', async () => {
    const { client } = await signedUpClient(ctx.url);
    const image = png(40, 30);
    const res = await upload(client, image, 'shot.png', { contentType: 'text/plain' });
    assert.equal(res.status, 201, res.text);
    const a = res.json.attachment;
    assert.deepEqual(Object.keys(a).sort(), ['content_type', 'filename', 'id', 'is_image', 'size', 'thumbnail_url', 'url']);
    assert.equal(a.filename, 'shot.png');
    assert.equal(a.content_type, 'image/png', 'the declared text/plain is not trusted');
    assert.equal(a.size, image.length);
    assert.equal(a.is_image, true);
    assert.equal(a.url, `/api/v1/attachments/${a.id}`);
    assert.equal(a.thumbnail_url, `/api/v1/attachments/${a.id}/thumbnail`);
    assert.ok(fs.existsSync(storedPath(sha256(image))), 'stored under its SHA-256');

    const html = await uploaded(client, Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'cat.png');
    assert.equal(html.content_type, 'text/html', 'a .png name does not make HTML an image');
    assert.equal(html.is_image, false);
    assert.equal(html.thumbnail_url, null);
  });

  test('the filename is sanitised: no path, no control characters, no leading dots', async () => {
    const { client } = await signedUpClient(ctx.url);
    const cases = [
      ['../../../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\win.ini', 'win.ini'],
      ['/var/lib/textura/textura.db', 'textura.db'],
      ['..', 'file'],
      ['.htaccess', 'htaccess'],
      ['evil\r\nSet-Cookie: x=1.txt', 'evilSet-Cookie_ x=1.txt'],
      ['nul\u0000byte.txt', 'nulbyte.txt'],
      ['Снимок экрана.png', 'Снимок экрана.png'],
      [`${'long'.repeat(100)}.pdf`, `${'long'.repeat(100)}`.slice(0, 196) + '.pdf'],
    ];
    for (const [given, stored] of cases) {
      const a = await uploaded(client, textBytes(100), given);
      assert.equal(a.filename, stored, `${JSON.stringify(given)}`);
      const res = await download(client, a.id);
      assert.equal(res.status, 200);
      assert.ok(res.headers['content-disposition'].endsWith(`filename*=UTF-8''${rfc5987(stored)}`), res.headers['content-disposition']);
    }
    // Nothing was written outside the file store.
    assert.equal(fs.existsSync(path.join(ctx.server.root, 'etc')), false);
    assert.equal(fs.existsSync(path.join(ctx.server.dataDir, 'passwd')), false);
  });

  test('the filename is required', async () => {
    const { client } = await signedUpClient(ctx.url);
    expectError(await upload(client, textBytes(10), null), 400, 'validation_failed', 'filename');
  });

  test('needs a session and the CSRF token, and then leaves nothing behind', async () => {
    const { client } = await signedUpClient(ctx.url);
    expectError(await upload(new Client(ctx.url), textBytes(1000)), 401, 'unauthenticated');
    expectError(await upload(client, textBytes(1000), 'x.txt', { csrf: false }), 403, 'csrf_failed');
    assert.deepEqual(tempFiles(), []);
  });

  test('an empty file is a file', async () => {
    const { client } = await signedUpClient(ctx.url);
    const a = await uploaded(client, Buffer.alloc(0), 'empty.txt');
    assert.equal(a.size, 0);
    assert.equal(a.content_type, 'application/octet-stream');
    const res = await download(client, a.id);
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
  });
});

describe('size limit', () => {
  test('a Content-Length over the limit: 413 before the body is sent', async () => {
    const { client } = await signedUpClient(ctx.url);
    const conn = await RawConnection.open(ctx.port);
    try {
      await conn.write(rawHead(client, ['POST /api/v1/attachments?filename=big.bin HTTP/1.1', `Content-Length: ${10 * 1024 * 1024}`]));
      const res = await conn.readResponse();
      assert.equal(res.status, 413);
      assert.equal(res.json.error.code, 'too_large');
    } finally {
      conn.destroy();
    }
    expectError(await upload(client, textBytes(MAX_UPLOAD + 1)), 413, 'too_large');
    const exact = await upload(client, textBytes(MAX_UPLOAD));
    assert.equal(exact.status, 201, 'exactly the limit is fine');
  });

  test('a chunked body: 413 as soon as it passes the limit; nothing is stored', async () => {
    const { client } = await signedUpClient(ctx.url);
    const before = storedFiles().length;
    const conn = await RawConnection.open(ctx.port);
    let sent = 0;
    let res;
    try {
      await conn.write(rawHead(client, ['POST /api/v1/attachments?filename=stream.bin HTTP/1.1', 'Transfer-Encoding: chunked']));
      const piece = Buffer.alloc(32 * 1024, 'z');
      // Keep sending until the server answers; it must answer soon after the limit.
      const reading = conn.readResponse({ timeoutMs: 10_000 });
      let answered = false;
      reading.then(() => { answered = true; }, () => { answered = true; });
      while (!answered && sent < 4 * MAX_UPLOAD) {
        if (!(await conn.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])))) break;
        sent += piece.length;
        await sleep(5);
      }
      res = await reading;
    } finally {
      conn.destroy();
    }
    assert.equal(res.status, 413);
    assert.equal(res.json.error.code, 'too_large');
    assert.ok(sent < 2 * MAX_UPLOAD, `the server answered only after ${sent} bytes`);
    await waitFor(() => tempFiles().length === 0, 3000, 'the temporary file to go');
    assert.equal(storedFiles().length, before);
  });
});

describe('quota', () => {
  test('uploads past the account quota answer 413; other accounts are not affected', async () => {
    const { client } = await signedUpClient(ctx.url);
    // Four files of 250 KiB fit in 1 MiB; a fifth of 100 KiB does not.
    for (let i = 0; i < 4; i++) await uploaded(client, textBytes(250 * 1024), `part${i}.txt`);
    const over = await upload(client, textBytes(100 * 1024));
    expectError(over, 413, 'too_large');
    assert.match(over.json.error.message, /quota/);

    // Without Content-Length the upload is cut when it passes what is left.
    const conn = await RawConnection.open(ctx.port);
    try {
      await conn.write(rawHead(client, ['POST /api/v1/attachments?filename=more.txt HTTP/1.1', 'Transfer-Encoding: chunked']));
      const piece = textBytes(60 * 1024);
      await conn.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
      const res = await conn.readResponse();
      assert.equal(res.status, 413);
      assert.match(res.json.error.message, /quota/);
    } finally {
      conn.destroy();
    }
    assert.equal((await upload(client, textBytes(20 * 1024))).status, 201, 'what is left is still usable');
    await waitFor(() => tempFiles().length === 0, 3000, 'the temporary file to go');

    const { client: other } = await signedUpClient(ctx.url);
    assert.equal((await upload(other, textBytes(250 * 1024))).status, 201);
  });
});

describe('who may see and use an attachment', () => {
  let anna;
  let boris;
  let agent;
  before(async () => {
    anna = (await signedUpClient(ctx.url)).client;
    boris = (await signedUpClient(ctx.url)).client;
    agent = await staffClient();
  });

  test("another account's upload: 404 to download, 400 to attach", async () => {
    const a = await uploaded(anna, png(10, 10, 1), 'anna.png');
    expectError(await download(boris, a.id), 404, 'not_found');
    expectError(await boris.get(`/api/v1/attachments/${a.id}/thumbnail`), 404, 'not_found');
    expectError(await newTicket(boris, [a.id]), 400, 'validation_failed', 'attachment_ids');
    const ticket = (await newTicket(boris)).json.ticket;
    expectError(await boris.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'mine now', attachment_ids: [a.id] }), 400, 'validation_failed', 'attachment_ids');
    // Still Anna's to use.
    assert.equal((await newTicket(anna, [a.id])).status, 201);
    for (const bad of ['999999999', 'abc', '0', '-1', '1.5']) {
      expectError(await download(anna, bad), 404, 'not_found');
    }
    expectError(await newTicket(anna, [999999999]), 400, 'validation_failed', 'attachment_ids');
  });

  test('staff see an attachment only once it is in a ticket', async () => {
    const a = await uploaded(anna, textBytes(500, 'log'), 'server.log');
    expectError(await download(agent, a.id), 404, 'not_found');
    const created = await newTicket(anna, [a.id]);
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(created.json.message.attachments, [{
      id: a.id, filename: 'server.log', content_type: 'text/plain', size: 500, is_image: false,
      url: `/api/v1/attachments/${a.id}`, thumbnail_url: null,
    }]);
    const res = await download(agent, a.id);
    assert.equal(res.status, 200);
    const messages = await agent.get(`/api/v1/tickets/${created.json.ticket.id}/messages`);
    assert.equal(messages.json.items[0].attachments[0].id, a.id);
    expectError(await download(boris, a.id), 404, 'not_found');
  });

  test("staff attachments reach the ticket's customer and no one else", async () => {
    const ticket = (await newTicket(anna)).json.ticket;
    const a = await uploaded(agent, png(20, 10, 2), 'steps.png');
    expectError(await download(anna, a.id), 404, 'not_found');
    const reply = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, { body: '', attachment_ids: [a.id] });
    assert.equal(reply.status, 201, reply.text);
    assert.equal(reply.json.message.body, '');
    assert.equal(reply.json.message.attachments[0].id, a.id);
    assert.equal((await download(anna, a.id)).status, 200);
    assert.equal((await anna.get(`/api/v1/attachments/${a.id}/thumbnail`)).status, 200);
    expectError(await download(boris, a.id), 404, 'not_found');
  });

  test('a message may be only attachments; an upload is used once; at most ten', async () => {
    const ticket = (await newTicket(anna)).json.ticket;
    const a = await uploaded(anna, textBytes(100), 'one.txt');
    const b = await uploaded(anna, textBytes(100), 'two.txt');
    const posted = await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: '', attachment_ids: [a.id, b.id] });
    assert.equal(posted.status, 201, posted.text);
    assert.deepEqual(posted.json.message.attachments.map((x) => x.filename), ['one.txt', 'two.txt']);
    expectError(await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'again', attachment_ids: [a.id] }), 400, 'validation_failed', 'attachment_ids');
    expectError(await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: '' }), 400, 'validation_failed', 'body');
    const many = [];
    for (let i = 0; i < 11; i++) many.push((await uploaded(anna, textBytes(10), `${i}.txt`)).id);
    expectError(await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'x', attachment_ids: many }), 400, 'validation_failed', 'attachment_ids');
    const ten = await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'x', attachment_ids: many.slice(0, 10) });
    assert.equal(ten.status, 201, ten.text);
    assert.equal(ten.json.message.attachments.length, 10);
    const created = await newTicket(anna, [many[10]], '');
    assert.equal(created.status, 201, 'a ticket may start with only a file');
  });

  test('a rejected message leaves its uploads unused', async () => {
    const ticket = (await newTicket(anna)).json.ticket;
    assert.equal((await anna.post(`/api/v1/tickets/${ticket.id}/close`)).status, 200);
    const a = await uploaded(anna, textBytes(100), 'late.txt');
    expectError(await anna.post(`/api/v1/tickets/${ticket.id}/messages`, { body: '', attachment_ids: [a.id] }), 409, 'ticket_closed');
    expectError(await download(agent, a.id), 404, 'not_found');
    assert.equal((await newTicket(anna, [a.id])).status, 201);
  });
});

describe('download', () => {
  let client;
  before(async () => {
    client = (await signedUpClient(ctx.url)).client;
  });

  test('images are shown inline with their sniffed type', async () => {
    const image = png(64, 48, 3);
    const a = await uploaded(client, image, 'photo.png');
    const res = await download(client, a.id);
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(image));
    assert.equal(res.headers['content-type'], 'image/png');
    assert.match(res.headers['content-disposition'], /^inline; filename="photo.png"/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy'].startsWith(SANDBOX));
    assert.equal(res.headers.etag, `"${sha256(image)}"`);
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.match(res.headers['cache-control'], /^private/);
  });

  for (const [name, bytes, type] of [
    ['page.html', '<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>', 'text/html'],
    ['logo.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>', 'image/svg+xml'],
    ['notes.txt', 'plain words\n', 'text/plain'],
  ]) {
    test(`${type} is a download, never run: attachment, nosniff, sandbox`, async () => {
      const a = await uploaded(client, Buffer.from(bytes), name);
      assert.equal(a.content_type, type);
      assert.equal(a.is_image, false);
      const res = await download(client, a.id);
      assert.equal(res.status, 200);
      assert.equal(res.text, bytes);
      assert.equal(res.headers['content-type'], type);
      assert.match(res.headers['content-disposition'], new RegExp(`^attachment; filename="${name}"`));
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.ok(res.headers['content-security-policy'].startsWith(SANDBOX), res.headers['content-security-policy']);
      expectError(await client.get(`/api/v1/attachments/${a.id}/thumbnail`), 404, 'not_found');
    });
  }

  test('ranges, ETag and HEAD', async () => {
    const bytes = textBytes(10_000, 'ranges');
    const a = await uploaded(client, bytes, 'r.txt');
    const etag = `"${sha256(bytes)}"`;
    const part = await download(client, a.id, { headers: { Range: 'bytes=10-19' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], 'bytes 10-19/10000');
    assert.ok(part.body.equals(bytes.subarray(10, 20)));
    const tail = await download(client, a.id, { headers: { Range: 'bytes=-100' } });
    assert.equal(tail.status, 206);
    assert.ok(tail.body.equals(bytes.subarray(9900)));
    const open = await download(client, a.id, { headers: { Range: 'bytes=9000-' } });
    assert.equal(open.headers['content-range'], 'bytes 9000-9999/10000');
    assert.equal(open.body.length, 1000);

    const outside = await download(client, a.id, { headers: { Range: 'bytes=10000-' } });
    expectError(outside, 416, 'range_not_satisfiable');
    assert.equal(outside.headers['content-range'], 'bytes */10000');

    const stale = await download(client, a.id, { headers: { Range: 'bytes=0-9', 'If-Range': '"other"' } });
    assert.equal(stale.status, 200, 'If-Range with another ETag: the whole file');
    const fresh = await download(client, a.id, { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    assert.equal(fresh.status, 206);
    const multi = await download(client, a.id, { headers: { Range: 'bytes=0-1,5-6' } });
    assert.equal(multi.status, 200, 'multiple ranges are answered with the whole file');

    const cached = await download(client, a.id, { headers: { 'If-None-Match': etag } });
    assert.equal(cached.status, 304);
    assert.equal(cached.body.length, 0);
    assert.equal(cached.headers.etag, etag);

    const head = await client.request('HEAD', `/api/v1/attachments/${a.id}`, { validate: false });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '10000');
    assert.equal(head.body.length, 0);
  });

  test('thumbnails: a small JPEG made once, cached by ETag', async () => {
    const a = await uploaded(client, png(800, 400, 4), 'wide.png');
    const first = await client.get(a.thumbnail_url);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.headers['content-type'], 'image/jpeg');
    assert.match(first.headers['content-disposition'], /^inline;/);
    assert.equal(first.body[0], 0xff);
    assert.equal(first.body[1], 0xd8);
    assert.ok(first.body.length < 60_000, `a thumbnail of ${first.body.length} bytes is not small`);
    const second = await client.get(a.thumbnail_url);
    assert.equal(second.headers.etag, first.headers.etag, 'made once');
    assert.ok(second.body.equals(first.body));
    const cached = await client.get(a.thumbnail_url, { headers: { 'If-None-Match': first.headers.etag } });
    assert.equal(cached.status, 304);
    // A file that only starts like a PNG: no thumbnail, no error.
    const fake = await uploaded(client, Buffer.concat([png(2, 2).subarray(0, 33), Buffer.alloc(100, 1)]), 'broken.png');
    assert.equal(fake.is_image, true);
    expectError(await client.get(fake.thumbnail_url), 404, 'not_found');
  });

  test('the same bytes are stored once', async () => {
    const bytes = textBytes(50_000, 'twice');
    const a = await uploaded(client, bytes, 'a.txt');
    const { client: other } = await signedUpClient(ctx.url);
    const b = await uploaded(other, bytes, 'b.txt');
    assert.notEqual(a.id, b.id);
    const key = sha256(bytes);
    assert.equal(storedFiles().filter((f) => path.basename(f) === key).length, 1);
    assert.ok((await download(client, a.id)).body.equals(bytes));
    assert.ok((await download(other, b.id)).body.equals(bytes));
  });
});

describe('the transport', () => {
  test('an interrupted upload leaves no file behind', async () => {
    const { client } = await signedUpClient(ctx.url);
    const before = storedFiles().length;
    for (const framing of [['Content-Length: 200000'], ['Transfer-Encoding: chunked']]) {
      const conn = await RawConnection.open(ctx.port);
      await conn.write(rawHead(client, ['POST /api/v1/attachments?filename=cut.bin HTTP/1.1', ...framing]));
      const piece = textBytes(50_000, 'cut');
      await conn.write(framing[0].startsWith('Transfer') ? Buffer.concat([Buffer.from('c350\r\n'), piece, Buffer.from('\r\n')]) : piece);
      await waitFor(() => tempFiles().length === 1, 3000, 'the upload to start');
      conn.destroy();
      await waitFor(() => tempFiles().length === 0, 3000, 'the temporary file to be removed');
    }
    assert.equal(storedFiles().length, before);
    assert.equal((await upload(client, textBytes(100))).status, 201, 'the server carries on');
  });

  test('Expect: 100-continue is answered once the upload is accepted', async () => {
    const { client } = await signedUpClient(ctx.url);
    const body = textBytes(3000, 'expect');
    const conn = await RawConnection.open(ctx.port);
    try {
      await conn.write(rawHead(client, ['POST /api/v1/attachments?filename=e.txt HTTP/1.1', `Content-Length: ${body.length}`, 'Expect: 100-continue']));
      const interim = await conn.readResponse({ bodyExpected: false });
      assert.equal(interim.status, 100);
      await conn.write(body);
      const res = await conn.readResponse();
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.attachment.size, 3000);
    } finally {
      conn.destroy();
    }
    // Refused uploads get the refusal instead, and no 100.
    const anon = await RawConnection.open(ctx.port);
    try {
      await anon.write(['POST /api/v1/attachments?filename=e.txt HTTP/1.1', 'Host: x', 'Content-Length: 5000', 'Expect: 100-continue', '', ''].join('\r\n'));
      const res = await anon.readResponse();
      assert.equal(res.status, 401);
    } finally {
      anon.destroy();
    }
  });

});

describe('collection of unused uploads', () => {
  let server;
  before(async () => {
    server = await TexturaServer.start({
      env: { TEXTURA_UPLOAD_TTL_SECONDS: '2', TEXTURA_ATTACHMENT_GC_INTERVAL_SECONDS: '1' },
    });
  });
  after(async () => {
    if (server) await server.stop();
  });

  test('unused uploads and their files go after the TTL; used ones stay', async () => {
    const { client } = await signedUpClient(server.url);
    const unusedBytes = textBytes(2000, 'unused');
    const usedBytes = png(30, 30, 5);
    const unused = await uploaded(client, unusedBytes, 'unused.txt');
    const used = await uploaded(client, usedBytes, 'used.png');
    assert.equal((await newTicket(client, [used.id])).status, 201);
    assert.equal((await client.get(used.thumbnail_url)).status, 200);
    assert.ok(fs.existsSync(storedPath(sha256(unusedBytes), server)));

    await waitFor(async () => (await download(client, unused.id)).status === 404, 8000, 'the unused upload to expire');
    await waitFor(() => !fs.existsSync(storedPath(sha256(unusedBytes), server)), 3000, 'its file to go');
    expectError(await newTicket(client, [unused.id]), 400, 'validation_failed', 'attachment_ids');

    await sleep(1500); // another collection or two
    const kept = await download(client, used.id);
    assert.equal(kept.status, 200);
    assert.ok(kept.body.equals(usedBytes));
    assert.equal((await client.get(used.thumbnail_url)).status, 200);
    assert.equal(storedFiles(server).length, 2, 'the used file and its thumbnail');
  });
});
