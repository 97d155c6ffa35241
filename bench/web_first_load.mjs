// The web app's first load, cold cache, in Debian's Chromium: bytes over the wire
// and first contentful paint of /login, served by the real build/textura from
// web/dist with its precompressed variants and from a copy without them (docs/
// benchmarks.md "Web first load").
//   node bench/web_first_load.mjs [runs]     default 7 runs each; needs `make build`
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'web', 'package.json'));
const { chromium } = require('@playwright/test');
const runs = Number(process.argv[2] ?? 7);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(webDir) {
  const port = await freePort();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'textura-first-load-'));
  const child = spawn(path.join(root, 'build', 'textura'), ['serve'], {
    env: { ...process.env, TEXTURA_LISTEN: `127.0.0.1:${port}`, TEXTURA_DATA_DIR: data, TEXTURA_WEB_DIR: webDir },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }), data };
}

async function measure(browser, url, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
  let bytes = 0;
  const encodings = new Set();
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  cdp.on('Network.responseReceived', (e) => {
    const enc = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
    if (e.response.url.includes('/assets/')) encodings.add(enc ?? 'identity');
  });
  await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
  const fcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 10_000);
      }),
  );
  await context.close();
  return { bytes, fcp, encodings: [...encodings].join(',') };
}

// Loopback, and a 10 Mbit/s line with 40 ms round trips (Chromium's own throttling).
const NETWORKS = [
  ['loopback', null],
  ['10 Mbit/s, 40 ms RTT', { latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) }],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = path.join(root, 'web', 'dist');
const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'textura-dist-plain-'));
fs.cpSync(dist, plain, { recursive: true, filter: (p) => !p.endsWith('.br') && !p.endsWith('.gz') });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0].model}, load ${os.loadavg()[0].toFixed(1)}`);
for (const [label, dir] of [['without variants', plain], ['precompressed', dist]]) {
  const server = await startServer(dir);
  await measure(browser, server.url); // warm the server and the browser
  for (const [network, throttle] of NETWORKS) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(browser, server.url, throttle));
    console.log(
      `${label.padEnd(17)} ${network.padEnd(26)} ${(median(results.map((r) => r.bytes)) / 1024).toFixed(1)} KiB over the wire, ` +
        `FCP median ${median(results.map((r) => r.fcp)).toFixed(0)} ms (${runs} runs, assets: ${results[0].encodings})`,
    );
  }
  await server.stop();
  fs.rmSync(server.data, { recursive: true, force: true });
}
await browser.close();
fs.rmSync(plain, { recursive: true, force: true });
