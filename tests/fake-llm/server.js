#!/usr/bin/env node
// A fake OpenAI-compatible Chat Completions provider for tests (docs/llm.md, tests/README.md).
//
//   node tests/fake-llm/server.js [--port 0] [--host 127.0.0.1] [--api-key fake-key]
//                                 [--exit-with-stdin]
//
// prints one JSON line {"port","url"} on stdout once it listens; url is the base URL to
// give a client (…/v1). Routes:
//   POST /v1/chat/completions   streaming (SSE) or not, as the request's "stream" says
//   GET  /v1/models             the models it pretends to have
//   POST /_fake/script          {"responses":[behaviour, …]} queued: each next completion
//                               request takes one (before any directive)
//   GET  /_fake/requests        every completion request received: {method, path,
//                               authorization, body, done_at}; DELETE clears them and the
//                               script. done_at: when `data: [DONE]` was flushed to the
//                               socket (performance.timeOrigin + performance.now(), ms),
//                               else null; startFakeLlm({onDone}) is called at that moment
// Behaviour comes from the queue, else from directives in the last user message:
//   [[fake:text Some reply]]                   reply with this text
//   [[fake:tool NAME {"json":"args"}]]         call a tool (arguments streamed in pieces)
//   [[fake:error 500 optional message]]        answer that HTTP status with an OpenAI error body
//   [[fake:fail N STATUS]]                     the first N requests with this same message
//                                              get STATUS, later ones the normal reply
//   [[fake:retry-after S]]                     add Retry-After: S to error answers
//   [[fake:error-event message]]               a couple of deltas, then an error event
//   [[fake:hang]]                              never answer (headers included)
//   [[fake:stall]]                             a couple of deltas, then silence, never [DONE]
//   [[fake:delay MS]]                          wait before the first byte
//   [[fake:pace MS]]                           wait between chunks
//   [[fake:close-mid-stream]]                  a couple of deltas, then the connection is cut
//   [[fake:garbage]]                           200 text/event-stream with a broken JSON chunk
//   [[fake:not-sse]]                           200 text/html that is not a stream at all
//   [[fake:keepalive]]                         ": keep-alive" comments between chunks
//   [[fake:split]]                             every few bytes written separately
//   [[fake:crlf]]                              CRLF line endings
//   [[fake:no-usage]]                          no usage chunk even when asked for
//   [[fake:json]]                              a non-streaming JSON answer even if asked to stream
//   [[fake:words N]]                           a reply of N words (benchmarks)
// The default reply is deterministic: "Echo: <the last user message without directives>",
// one delta per word.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Parses the [[fake:…]] directives of a message into a behaviour object.
export function parseDirectives(text) {
  const behaviour = {};
  const re = /\[\[fake:([a-z-]+)(?:\s+(.*?))?\]\]/gs;
  for (const m of text.matchAll(re)) {
    const [name, rawArg = ''] = [m[1], m[2]];
    const arg = rawArg.trim();
    switch (name) {
      case 'text': behaviour.text = arg; break;
      case 'tool': {
        const space = arg.indexOf(' ');
        behaviour.tool = space < 0 ? { name: arg, arguments: '{}' }
          : { name: arg.slice(0, space), arguments: arg.slice(space + 1).trim() };
        break;
      }
      case 'error': {
        const [status, ...rest] = arg.split(/\s+/);
        behaviour.error = { status: Number(status) || 500, message: rest.join(' ') || undefined };
        break;
      }
      case 'fail': {
        const [times, status] = arg.split(/\s+/);
        behaviour.fail = { times: Number(times) || 1, status: Number(status) || 500 };
        break;
      }
      case 'retry-after': behaviour.retryAfter = Number(arg) || 1; break;
      case 'error-event': behaviour.errorEvent = arg || 'The model is overloaded'; break;
      case 'hang': behaviour.hang = true; break;
      case 'stall': behaviour.stall = true; break;
      case 'delay': behaviour.delayMs = Number(arg) || 0; break;
      case 'pace': behaviour.paceMs = Number(arg) || 0; break;
      case 'close-mid-stream': behaviour.closeMidStream = true; break;
      case 'garbage': behaviour.garbage = true; break;
      case 'not-sse': behaviour.notSse = true; break;
      case 'keepalive': behaviour.keepalive = true; break;
      case 'split': behaviour.split = true; break;
      case 'crlf': behaviour.crlf = true; break;
      case 'no-usage': behaviour.usage = false; break;
      case 'json': behaviour.json = true; break;
      case 'words': behaviour.words = Number(arg) || 1; break;
      default: break;
    }
  }
  return behaviour;
}

export function stripDirectives(text) {
  return text.replace(/\[\[fake:.*?\]\]/gs, '').replace(/\s+/g, ' ').trim();
}

function lastUserText(body) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i]?.role === 'user' && typeof messages[i].content === 'string') return messages[i].content;
  }
  return '';
}

// The reply text split into deltas: one per word, spaces kept with the word before.
function replyPieces(behaviour, userText) {
  let text;
  if (behaviour.text !== undefined) text = behaviour.text;
  else if (behaviour.words) text = Array.from({ length: behaviour.words }, (_, i) => `word${i + 1}`).join(' ');
  else text = `Echo: ${stripDirectives(userText)}`;
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function errorBody(status, message) {
  const type = status === 401 ? 'invalid_request_error' : status === 429 ? 'rate_limit_error'
    : status >= 500 ? 'server_error' : 'invalid_request_error';
  return JSON.stringify({ error: { message: message ?? `Fake error ${status}`, type, param: null,
    code: status === 401 ? 'invalid_api_key' : null } });
}

function estimateTokens(text) {
  return Math.max(1, Math.ceil(Buffer.byteLength(text) / 4));
}

export async function startFakeLlm({ port = 0, host = '127.0.0.1', apiKey = 'fake-key', onDone } = {}) {
  const script = [];
  const requests = [];
  const failures = new Map();
  const sockets = new Set();
  let completionId = 0;

  async function complete(req, res, body, logged) {
    const userText = lastUserText(body);
    const behaviour = script.length > 0 ? script.shift() : parseDirectives(userText);
    const model = typeof body.model === 'string' ? body.model : 'fake-model';
    const stream = body.stream === true && !behaviour.json;
    const includeUsage = behaviour.usage !== false && body.stream_options?.include_usage === true;
    const id = `chatcmpl-fake-${++completionId}`;
    const created = Math.floor(Date.now() / 1000);
    const eol = behaviour.crlf ? '\r\n' : '\n';

    if (behaviour.hang) return; // never answer; the socket is destroyed on close()
    if (behaviour.delayMs) await sleep(behaviour.delayMs);
    const retryHeaders = behaviour.retryAfter ? { 'Retry-After': String(behaviour.retryAfter) } : {};
    if (behaviour.fail) {
      const seen = failures.get(userText) ?? 0;
      failures.set(userText, seen + 1);
      if (seen < behaviour.fail.times) {
        res.writeHead(behaviour.fail.status, { 'Content-Type': 'application/json', ...retryHeaders });
        res.end(errorBody(behaviour.fail.status));
        return;
      }
    }
    if (behaviour.error) {
      res.writeHead(behaviour.error.status, { 'Content-Type': 'application/json', ...retryHeaders });
      res.end(errorBody(behaviour.error.status, behaviour.error.message));
      return;
    }
    if (behaviour.notSse) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Please sign in</body></html>\n');
      return;
    }

    const pieces = replyPieces(behaviour, userText);
    const promptTokens = estimateTokens(JSON.stringify(body.messages ?? []));
    const finishReason = behaviour.tool ? 'tool_calls' : 'stop';
    const toolCall = behaviour.tool
      ? { id: `call_fake_${completionId}`, type: 'function', function: { name: behaviour.tool.name, arguments: behaviour.tool.arguments } }
      : null;

    if (!stream) {
      const content = behaviour.tool ? null : pieces.join('');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        id, object: 'chat.completion', created, model,
        choices: [{ index: 0, message: { role: 'assistant', content, ...(toolCall ? { tool_calls: [toolCall] } : {}) },
          logprobs: null, finish_reason: finishReason }],
        usage: { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length },
      }));
      return;
    }

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.socket?.setNoDelay(true);
    // Each write is awaited until flushed, so a cut after it happens after the bytes left.
    const write = (text) => new Promise((resolve) => res.write(text, resolve));
    const send = async (text) => {
      if (behaviour.split) {
        for (let i = 0; i < text.length; i += 3) {
          await write(text.slice(i, i + 3));
          await sleep(2);
        }
      } else {
        await write(text);
      }
      if (behaviour.paceMs) await sleep(behaviour.paceMs);
    };
    const chunk = (delta, finish = null, extra = {}) => ({
      id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra,
    });
    const event = (obj) => `data: ${typeof obj === 'string' ? obj : JSON.stringify(obj)}${eol}${eol}`;
    const keepalive = async () => { if (behaviour.keepalive) await send(`: keep-alive${eol}${eol}`); };

    await keepalive();
    await send(event(chunk({ role: 'assistant', content: '', refusal: null })));
    if (behaviour.garbage) {
      await send(`data: {"id":"${id}","choices":[{"delta":{"content":"Hel${eol}${eol}`);
      await send(event('this is not json at all'));
      res.end();
      return;
    }
    if (toolCall) {
      await send(event(chunk({ tool_calls: [{ index: 0, id: toolCall.id, type: 'function', function: { name: toolCall.function.name, arguments: '' } }] })));
      const args = toolCall.function.arguments;
      for (let i = 0; i < args.length; i += 7) {
        await keepalive();
        await send(event(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 7) } }] })));
      }
    } else {
      const cut = behaviour.closeMidStream || behaviour.stall || behaviour.errorEvent;
      const limit = cut ? Math.min(2, pieces.length) : pieces.length;
      for (let i = 0; i < limit; i += 1) {
        await keepalive();
        await send(event(chunk({ content: pieces[i] })));
      }
      if (behaviour.closeMidStream) {
        res.socket?.destroy();
        return;
      }
      if (behaviour.stall) return; // the socket stays open, silent
      if (behaviour.errorEvent) {
        await send(event({ error: { message: behaviour.errorEvent, type: 'server_error', param: null, code: null } }));
        res.end();
        return;
      }
    }
    await keepalive();
    await send(event(chunk({}, finishReason)));
    if (includeUsage) {
      await send(event({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [],
        usage: { prompt_tokens: promptTokens, completion_tokens: pieces.length, total_tokens: promptTokens + pieces.length } }));
    }
    await send(event('[DONE]'));
    logged.done_at = performance.timeOrigin + performance.now();
    onDone?.(performance.now(), logged);
    res.end();
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://fake');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    const json = (status, obj) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(obj));
    };

    if (url.pathname === '/_fake/script' && req.method === 'POST') {
      let parsed;
      try { parsed = JSON.parse(raw); } catch { return json(400, { error: 'body must be JSON' }); }
      if (!Array.isArray(parsed.responses)) return json(400, { error: 'responses must be an array' });
      script.push(...parsed.responses);
      return json(200, { queued: script.length });
    }
    if (url.pathname === '/_fake/requests') {
      if (req.method === 'DELETE') {
        requests.length = 0;
        script.length = 0;
        failures.clear();
        return json(200, {});
      }
      return json(200, { items: requests });
    }
    if (url.pathname === '/v1/models' && req.method === 'GET') {
      return json(200, { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'textura-tests' }] });
    }
    if (url.pathname !== '/v1/chat/completions') return json(404, { error: { message: `Unknown path ${url.pathname}`, type: 'invalid_request_error' } });
    if (req.method !== 'POST') return json(405, { error: { message: 'Use POST', type: 'invalid_request_error' } });

    let body = null;
    try { body = JSON.parse(raw); } catch { /* logged as null, answered below */ }
    const authorization = req.headers.authorization ?? null;
    const logged = { method: req.method, path: url.pathname, authorization, accept: req.headers.accept ?? null, body, done_at: null };
    requests.push(logged);
    if (requests.length > 1000) requests.shift();

    if (apiKey && authorization !== `Bearer ${apiKey}`) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(errorBody(401, 'Incorrect API key provided.'));
      return undefined;
    }
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) {
      return json(400, { error: { message: 'model and messages are required', type: 'invalid_request_error', param: null, code: null } });
    }
    return complete(req, res, body, logged);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(errorBody(500, String(err)));
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://${host}:${actual}/v1`,
    apiKey,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeLlm({
    port: Number(argValue('--port', '0')),
    host: argValue('--host', '127.0.0.1'),
    apiKey: argValue('--api-key', 'fake-key'),
  });
  process.stdout.write(`${JSON.stringify({ port: fake.port, url: fake.url })}\n`);
  const stop = () => { fake.close().then(() => process.exit(0)); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.argv.includes('--exit-with-stdin')) {
    // A parent that dies without SIGTERM closes our stdin: do not outlive it.
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}
