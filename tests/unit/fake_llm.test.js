// The fake OpenAI-compatible provider (fake-llm/server.js) the LLM client is tested
// against: its stream must look like a real provider's, and its scripting must work.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDirectives, startFakeLlm, stripDirectives } from '../fake-llm/server.js';

const KEY = 'unit-key';

async function completion(fake, content, { stream = true, key = KEY, extra = {} } = {}) {
  return fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: 'unit-model', stream, stream_options: stream ? { include_usage: true } : undefined,
      messages: [{ role: 'system', content: 'sys' }, { role: 'user', content }], ...extra,
    }),
  });
}

// The data of every SSE event, parsed ([DONE] kept as a string).
async function events(res) {
  const text = await res.text();
  return text.split(/\r?\n\r?\n/).filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6)).map((d) => (d === '[DONE]' ? d : JSON.parse(d)));
}

describe('fake LLM server', () => {
  let fake;
  before(async () => { fake = await startFakeLlm({ apiKey: KEY }); });
  after(async () => { await fake.close(); });

  test('streams a role delta, word deltas, finish_reason, usage and [DONE]', async () => {
    const res = await completion(fake, 'hello big world');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/event-stream/);
    const ev = await events(res);
    assert.equal(ev.at(-1), '[DONE]');
    assert.deepEqual(ev[0].choices[0].delta, { role: 'assistant', content: '', refusal: null });
    const text = ev.slice(1).filter((e) => e !== '[DONE]' && e.choices.length)
      .map((e) => e.choices[0].delta.content ?? '').join('');
    assert.equal(text, 'Echo: hello big world');
    const finish = ev.find((e) => e !== '[DONE]' && e.choices[0]?.finish_reason);
    assert.equal(finish.choices[0].finish_reason, 'stop');
    const usage = ev.at(-2);
    assert.deepEqual(usage.choices, []);
    assert.equal(usage.usage.completion_tokens, 4);
    for (const e of ev.slice(0, -1)) {
      assert.equal(e.object, 'chat.completion.chunk');
      assert.equal(e.model, 'unit-model');
    }
  });

  test('a tool call arrives in pieces that join into its arguments', async () => {
    const res = await completion(fake, 'x [[fake:tool handoff_to_human {"reason":"asks for a manager"}]]');
    const ev = (await events(res)).filter((e) => e !== '[DONE]' && e.choices.length);
    const calls = ev.flatMap((e) => e.choices[0].delta.tool_calls ?? []);
    assert.ok(calls.length > 2);
    assert.equal(calls[0].function.name, 'handoff_to_human');
    assert.ok(calls[0].id);
    assert.equal(calls.map((c) => c.function.arguments).join(''), '{"reason":"asks for a manager"}');
    assert.equal(ev.at(-1).choices[0].finish_reason, 'tool_calls');
  });

  test('a wrong key is a 401 with an OpenAI error body', async () => {
    const res = await completion(fake, 'hi', { key: 'nope' });
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.equal(body.error.code, 'invalid_api_key');
  });

  test('a request without messages is a 400', async () => {
    const res = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST', headers: { Authorization: `Bearer ${KEY}` }, body: '{"model":"m"}',
    });
    assert.equal(res.status, 400);
  });

  test('non-streaming requests get a chat.completion', async () => {
    const res = await completion(fake, 'plain', { stream: false });
    const body = await res.json();
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].message.content, 'Echo: plain');
    assert.ok(body.usage.prompt_tokens > 0);
  });

  test('fail N answers the status N times for the same message, then replies', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await completion(fake, 'again [[fake:fail 2 503]] [[fake:retry-after 2]]');
      statuses.push(res.status);
      if (res.status === 503) assert.equal(res.headers.get('retry-after'), '2');
      await res.arrayBuffer();
    }
    assert.deepEqual(statuses, [503, 503, 200]);
  });

  test('the script queue wins over directives and the request log shows what was sent', async () => {
    await fetch(`${fake.url.replace('/v1', '')}/_fake/requests`, { method: 'DELETE' });
    const queued = await fetch(`${fake.url.replace('/v1', '')}/_fake/script`, {
      method: 'POST', body: JSON.stringify({ responses: [{ text: 'Scripted!' }] }),
    });
    assert.equal(queued.status, 200);
    const ev = await events(await completion(fake, 'ignored [[fake:error 500]]'));
    assert.equal(ev.filter((e) => e !== '[DONE]' && e.choices.length)
      .map((e) => e.choices[0].delta.content ?? '').join(''), 'Scripted!');
    const log = await (await fetch(`${fake.url.replace('/v1', '')}/_fake/requests`)).json();
    assert.equal(log.items.length, 1);
    assert.equal(log.items[0].authorization, `Bearer ${KEY}`);
    assert.equal(log.items[0].body.messages[1].content, 'ignored [[fake:error 500]]');
    const now = performance.timeOrigin + performance.now();
    assert.ok(log.items[0].done_at > now - 10_000 && log.items[0].done_at <= now, 'when [DONE] was written');
  });

  test('crlf, keepalive and garbage shape the stream', async () => {
    const crlf = await (await completion(fake, 'a [[fake:crlf]] [[fake:keepalive]]')).text();
    assert.match(crlf, /^: keep-alive\r\n\r\ndata: /);
    assert.ok(!/[^\r]\n/.test(crlf));
    const garbage = await (await completion(fake, '[[fake:garbage]]')).text();
    assert.match(garbage, /data: this is not json at all/);
    assert.ok(!garbage.includes('[DONE]'));
  });

  test('directives parse and strip', () => {
    assert.deepEqual(parseDirectives('[[fake:delay 200]] hi [[fake:error 429 slow down]]'),
      { delayMs: 200, error: { status: 429, message: 'slow down' } });
    assert.deepEqual(parseDirectives('[[fake:tool t {"a":[1,2]}]]'), { tool: { name: 't', arguments: '{"a":[1,2]}' } });
    assert.equal(stripDirectives('hi [[fake:keepalive]] there'), 'hi there');
  });
});

test('the command line prints its port as one JSON line and stops on SIGTERM', async () => {
  const script = fileURLToPath(new URL('../fake-llm/server.js', import.meta.url));
  const child = spawn(process.execPath, [script, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout, 'data');
  const { port, url } = JSON.parse(chunk.toString().trim());
  assert.ok(port > 0);
  assert.equal(url, `http://127.0.0.1:${port}/v1`);
  const models = await (await fetch(`${url}/models`)).json();
  assert.equal(models.data[0].id, 'fake-model');
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
