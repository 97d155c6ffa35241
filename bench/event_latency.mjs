// Post-to-event latency: a customer listens on /api/v1/events while posting messages;
// measures from sending each POST to the ticket.message_created frame arriving.
// usage: node bench/event_latency.mjs <base url> <samples>
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/package.json', import.meta.url));
const WebSocket = require('ws');

const [base, samplesArg] = process.argv.slice(2);
const samples = Number(samplesArg || 300);
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'customer999@bench.textura', password: 'bench password' }),
});
const { csrf_token: csrf } = await login.json();
const cookie = login.headers.get('set-cookie').split(';')[0];
const list = await (await fetch(`${base}/api/v1/tickets?status=on_customer&limit=1`, {
  headers: { Cookie: cookie } })).json();
const ticket = list.items[0].id;

const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/events`, { headers: { Cookie: cookie } });
await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
const waiting = new Map();
ws.on('message', (data) => {
  const event = JSON.parse(data);
  if (event.type !== 'ticket.message_created') return;
  const done = waiting.get(event.message.body);
  if (done) done(performance.now());
});

const fromSend = [];
const fromAnswer = [];
for (let i = 0; i < samples; i++) {
  const body = `latency probe ${i} ${Math.random()}`;
  const arrived = new Promise((resolve) => waiting.set(body, resolve));
  const sent = performance.now();
  const res = await fetch(`${base}/api/v1/tickets/${ticket}/messages`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body }),
  });
  const answered = performance.now();
  if (res.status !== 201) throw new Error(`post answered ${res.status}`);
  const at = await arrived;
  fromSend.push(at - sent);
  fromAnswer.push(Math.max(0, at - answered));
  waiting.delete(body);
}
ws.close();
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const fmt = (xs) => `p50 ${pct(xs, 50).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;
console.log(`post sent -> event received (${samples} samples): ${fmt(fromSend)}`);
console.log(`201 received -> event received: ${fmt(fromAnswer)}`);
