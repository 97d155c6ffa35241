// Upload benchmark (docs/benchmarks.md): throughput of POST /api/v1/attachments for
// 1 MB and 10 MB files, and the server's memory while 32 uploads run at once.
//   node bench/uploads.mjs <base url> <server pid>
// Every upload has distinct bytes (no deduplication shortcut) and is sent in 64 KiB
// writes with a Content-Length, as a browser would.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [base, pidText] = process.argv.slice(2);
const pid = Number(pidText);
const MB = 1_000_000;

function request(method, path, { headers = {}, body } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body === undefined) {
      req.end();
      return;
    }
    // Stream the body in 64 KiB pieces, waiting for the socket to drain.
    let offset = 0;
    const step = 64 * 1024;
    const pump = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + step);
        offset += piece.length;
        if (!req.write(piece)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

// Resets VmHWM to the current RSS (Linux 4.0+, needs write access to the process),
// so each run reports its own peak. Returns false when not allowed.
function resetPeak() {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function status(field) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) / 1024 : NaN; // MiB
}

async function signup() {
  const email = `bench-${Date.now()}@example.com`;
  const res = await request('POST', '/api/v1/auth/signup', {
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(JSON.stringify({ email, password: 'bench password', name: 'Bench', company: 'Bench Co' })),
  });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${res.text}`);
  const cookie = res.headers['set-cookie'][0].split(';')[0];
  return { cookie, csrf: JSON.parse(res.text).csrf_token };
}

let counter = 0;
async function upload(session, template) {
  counter += 1;
  const body = Buffer.from(template);
  body.write(`${counter} ${process.pid} ${Date.now()}`.padEnd(40), 0); // distinct bytes
  const started = process.hrtime.bigint();
  const res = await request('POST', `/api/v1/attachments?filename=bench-${counter}.bin`, {
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length },
    body,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

// `count` uploads of `size` bytes, `concurrency` at a time. Samples the server's RSS.
async function run(session, size, count, concurrency) {
  const template = randomBytes(size);
  const latencies = [];
  let peak = 0;
  const exactPeak = resetPeak();
  const sampler = setInterval(() => { peak = Math.max(peak, status('VmRSS')); }, 10);
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next += 1;
      latencies.push(await upload(session, template));
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  if (exactPeak) peak = Math.max(peak, status('VmHWM'));
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
  return { mbps: (size * count) / MB / seconds, perSecond: count / seconds, p50: p(0.5), p99: p(0.99), peak, exactPeak };
}

const session = await signup();
await run(session, MB, 20, 4); // warm-up
console.log(`server RSS after start and a warm-up: ${status('VmRSS').toFixed(1)} MiB (peak ${status('VmHWM').toFixed(1)} MiB); peaks ${resetPeak() ? 'exact (VmHWM reset per run)' : 'sampled'}`);
console.log('\nthroughput (distinct files, 64 KiB client writes)');
console.log('size    uploads  concurrent    MB/s  uploads/s  p50 ms  p99 ms  peak RSS MiB');
for (const [size, count, concurrency] of [[MB, 100, 1], [MB, 200, 8], [10 * MB, 20, 1], [10 * MB, 40, 8]]) {
  const r = await run(session, size, count, concurrency);
  console.log(`${String(size / MB).padStart(2)} MB  ${String(count).padStart(7)}  ${String(concurrency).padStart(10)}  ${r.mbps.toFixed(0).padStart(6)}  ${r.perSecond.toFixed(1).padStart(9)}  ${r.p50.padStart(6)}  ${r.p99.padStart(6)}  ${r.peak.toFixed(1).padStart(12)}`);
}
console.log('\nmemory while 32 uploads run at once (peak server RSS: VmHWM reset before each run, else VmRSS sampled every 10 ms)');
console.log('size    uploads  peak RSS MiB  RSS after MiB');
for (const size of [MB, 10 * MB, 20 * MB - 1]) {
  const r = await run(session, size, 32, 32);
  console.log(`${(size / MB).toFixed(0).padStart(2)} MB  ${'32'.padStart(7)}  ${r.peak.toFixed(1).padStart(12)}  ${status('VmRSS').toFixed(1).padStart(13)}`);
}
