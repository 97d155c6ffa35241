// The server's overhead per LLM reply: from the moment the provider flushed its last
// event (`data: [DONE]`) to the stored, charged `chat.message_created` arriving on an
// /api/v1/events WebSocket. The fake provider (tests/fake-llm/server.js) runs inside
// this process, so both instants are read from the same clock (performance.now()).
// Starts the real build/textura (SQLite in a temp dir under $TMPDIR, or PostgreSQL with
// TEXTURA_TEST_POSTGRES_URL as in the black-box tests), one customer, one employee on
// gpt-4o-mini, one playground chat, then posts the client messages one at a time.
//
// usage: node bench/llm_reply_overhead.mjs [replies=200] [words-per-reply=50]
//   TMPDIR=/dev/shm node bench/llm_reply_overhead.mjs   # data on tmpfs: fsync ~free
//   BENCH_STRACE=/tmp/f.txt node bench/llm_reply_overhead.mjs 50
//     also attaches `strace -T -e fsync,fdatasync` to the server and prints how long its
//     fsyncs took (strace slows every syscall: the latencies of that run are not quoted)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startFakeLlm } from '../tests/fake-llm/server.js';
import { createEmployee, startChat } from '../tests/lib/employees.js';
import { TexturaServer } from '../tests/lib/server.js';
import { SESSION_COOKIE } from '../tests/lib/client.js';
import { newCustomer } from '../tests/lib/tickets.js';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const WebSocket = require('ws');

const replies = Number(process.argv[2] || 200);
const words = Number(process.argv[3] || 50);
const KEY = 'bench-key';

let doneAt = null;
const fake = await startFakeLlm({ apiKey: KEY, onDone: (t) => { doneAt = t; } });
const server = await TexturaServer.start({
  env: {
    TEXTURA_LLM_BASE_URL: fake.url,
    TEXTURA_LLM_API_KEY: KEY,
    TEXTURA_LLM_MODEL: 'gpt-4o-mini',
    TEXTURA_CHAT_MAX_MESSAGES_PER_MINUTE: '100000',
    TEXTURA_SIGNUP_CREDIT_MINOR: '1000000000',
    TEXTURA_ACCESS_LOG: 'false',
  },
});
let strace = null;
if (process.env.BENCH_STRACE) {
  strace = spawn('strace', ['-f', '-T', '-e', 'trace=fsync,fdatasync', '-o', process.env.BENCH_STRACE, '-p', String(server.child.pid)], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
}
try {
  const { client } = await newCustomer(server.url, { company: 'Overhead bench' });
  const employee = await createEmployee(client, { name: 'Bench', model: 'gpt-4o-mini' });
  const chat = await startChat(client, employee.id);

  // A bare socket: nothing between the frame's arrival and the timestamp.
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events`, {
    headers: { Cookie: `${SESSION_COOKIE}=${client.session}`, Origin: server.url },
  });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let arrived = null;
  ws.on('message', (data) => {
    const at = performance.now();
    const event = JSON.parse(data);
    if (event.type === 'chat.message_created' && event.chat_id === chat.id && event.message.author.kind !== 'client') {
      arrived?.(at, event.message);
    }
  });

  const overhead = [];
  const total = [];
  for (let i = 0; i < replies; i++) {
    doneAt = null;
    const got = new Promise((resolve) => { arrived = (at, message) => resolve({ at, message }); });
    const sent = performance.now();
    const res = await client.post(`/api/v1/chats/${chat.id}/messages`, { text: `probe ${i} [[fake:words ${words}]]` });
    if (res.status !== 202) throw new Error(`post answered ${res.status}: ${res.text}`);
    const { at, message } = await got;
    if (message.author.kind !== 'employee' || !message.cost) throw new Error(`not a charged reply: ${JSON.stringify(message)}`);
    if (doneAt === null) throw new Error('the fake did not finish a reply');
    overhead.push(at - doneAt);
    total.push(at - sent);
  }
  ws.close();

  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
  const ms = (x) => `${x.toFixed(2)} ms`;
  const db = process.env.TEXTURA_TEST_POSTGRES_URL ? 'postgresql' : `sqlite in ${server.dataDir}`;
  console.log(JSON.stringify({ replies, words_per_reply: words, database: db }));
  console.log(`[DONE] flushed -> chat.message_created received: p50 ${ms(pct(overhead, 50))}  p99 ${ms(pct(overhead, 99))}  max ${ms(Math.max(...overhead))}`);
  console.log(`POST sent -> chat.message_created received:     p50 ${ms(pct(total, 50))}  p99 ${ms(pct(total, 99))}`);
  if (strace) {
    strace.kill('SIGINT');
    await new Promise((resolve) => strace.once('exit', resolve));
    const times = [...readFileSync(process.env.BENCH_STRACE, 'utf8').matchAll(/f(?:data)?sync\(.*<([\d.]+)>/g)].map((m) => Number(m[1]) * 1000);
    console.log(`fsync/fdatasync calls: ${times.length} (${(times.length / replies).toFixed(1)} per reply)  p50 ${ms(pct(times, 50))}  p99 ${ms(pct(times, 99))}`);
  }
} finally {
  await server.stop();
  await fake.close();
}
