// The cost of one event per connected reader (issue 10, docs/benchmarks.md): a customer
// posts to their ticket while 1, 100 and 1,000 sockets are open on /api/v1/events —
// the customer's own, plus staff readers (each a different user, so each is rendered
// for separately). Per level: post → the customer's ticket.message_created (p50/p99),
// post → the last reader's copy (fan-out complete), and the server's CPU per post.
// usage: node bench/event_fanout.mjs <base url> <server pid> <reader tokens file> [posts per level]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/package.json', import.meta.url));
const WebSocket = require('ws');

const [base, pidArg, tokensFile, postsArg] = process.argv.slice(2);
const posts = Number(postsArg || 50);
const LEVELS = (process.env.LEVELS || '1,100,1000').split(',').map(Number);
const tokens = readFileSync(tokensFile, 'utf8').trim().split('\n');
const ticks = Number(process.env.CLK_TCK || 100);

function serverCpuMs() {
  const stat = readFileSync(`/proc/${pidArg}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks; // utime + stime
}

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'customer1@bench.textura', password: 'bench password' }),
});
if (login.status !== 200) throw new Error(`login answered ${login.status}`);
const { csrf_token: csrf } = await login.json();
const cookie = login.headers.get('set-cookie').split(';')[0];
const list = await (await fetch(`${base}/api/v1/tickets?status=all&limit=1`, { headers: { Cookie: cookie } })).json();
const ticket = list.items[0].id;

const wsUrl = `${base.replace('http', 'ws')}/api/v1/events`;
function open(cookieHeader) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers: { Cookie: cookieHeader } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

// body -> {sent, prober, readers: count of reader copies, last}
const pending = new Map();
function onFrame(isProber) {
  return (data) => {
    const event = JSON.parse(data);
    if (event.type !== 'ticket.message_created') return;
    const p = pending.get(event.message.body);
    if (!p) return;
    const now = performance.now();
    if (isProber) p.prober = now;
    else p.readers += 1;
    p.last = now;
    p.check();
  };
}

const prober = await open(cookie);
prober.on('message', onFrame(true));
const readers = [];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
console.log('| sockets open | post → own event p50 | p99 | post → last reader p50 | p99 | server CPU per post |');
console.log('|---|---|---|---|---|---|');
for (const level of LEVELS) {
  while (readers.length < level - 1) {
    const ws = await open(`textura_session=${tokens[readers.length]}`);
    ws.on('message', onFrame(false));
    readers.push(ws);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const own = [];
  const all = [];
  const cpuBefore = serverCpuMs();
  for (let i = 0; i < posts; i++) {
    const body = `fan-out probe ${level} ${i} ${Math.random()}`;
    const done = new Promise((resolve) => {
      const p = { prober: 0, readers: 0, last: 0 };
      p.check = () => {
        if (p.prober && p.readers >= readers.length) resolve(p);
      };
      pending.set(body, p);
    });
    const sent = performance.now();
    const res = await fetch(`${base}/api/v1/tickets/${ticket}/messages`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body }),
    });
    if (res.status !== 201) throw new Error(`post answered ${res.status}`);
    const p = await done;
    own.push(p.prober - sent);
    all.push(p.last - sent);
    pending.delete(body);
  }
  const cpu = (serverCpuMs() - cpuBefore) / posts;
  const f = (x) => `${x.toFixed(2)} ms`;
  console.log(
    `| ${level} | ${f(pct(own, 50))} | ${f(pct(own, 99))} | ${f(pct(all, 50))} | ${f(pct(all, 99))} | ${f(cpu)} |`,
  );
}
if (process.env.HOLD_FILE) {
  // Keep the sockets open while the caller counts queries for one more post.
  const { writeFileSync, existsSync } = await import('node:fs');
  writeFileSync(process.env.HOLD_FILE, `${ticket} ${csrf} ${cookie}\n`);
  while (existsSync(process.env.HOLD_FILE)) await new Promise((r) => setTimeout(r, 200));
}
for (const ws of [prober, ...readers]) ws.terminate();
