// A webhook receiver on 127.0.0.1 for the integrations tests: records every request
// (headers, raw body, arrival time) and answers as told per path — a status, a list of
// statuses to answer in turn (the last one repeats), a hang, or a huge body.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

let nextPort = 19260 + (process.pid % 30);

export class Receiver {
  constructor() {
    this.requests = [];
    this.behaviour = new Map(); // path -> {statuses: [..], hang: bool, hugeBody: bool}
    this.waiters = [];
    this.sockets = new Set();
  }

  // A receiver on a given port (a receiver coming back after an outage).
  static async startOn(port) {
    const r = new Receiver();
    r.server = http.createServer((req, res) => r.#handle(req, res));
    r.server.on('connection', (s) => {
      r.sockets.add(s);
      s.on('close', () => r.sockets.delete(s));
    });
    await new Promise((resolve, reject) => {
      r.server.once('error', reject);
      r.server.listen(port, '127.0.0.1', resolve);
    });
    r.port = port;
    r.url = `http://127.0.0.1:${port}`;
    return r;
  }

  static async start() {
    const r = new Receiver();
    r.server = http.createServer((req, res) => r.#handle(req, res));
    r.server.on('connection', (s) => {
      r.sockets.add(s);
      s.on('close', () => r.sockets.delete(s));
    });
    for (let i = 0; i < 40; i++) {
      const port = nextPort;
      nextPort = 19260 + ((nextPort - 19260 + 1) % 40);
      try {
        await new Promise((resolve, reject) => {
          r.server.once('error', reject);
          r.server.listen(port, '127.0.0.1', () => {
            r.server.off('error', reject);
            resolve();
          });
        });
        r.port = port;
        r.url = `http://127.0.0.1:${port}`;
        return r;
      } catch (e) {
        if (e.code !== 'EADDRINUSE') throw e;
      }
    }
    throw new Error('no free receiver port in 19260-19299');
  }

  on(path, behaviour) {
    this.behaviour.set(path, { statuses: [200], ...behaviour });
  }

  #handle(req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url;
      const b = this.behaviour.get(path) ?? { statuses: [200] };
      const entry = { path, headers: req.headers, body, at: Date.now(), index: this.requests.length };
      this.requests.push(entry);
      for (const w of [...this.waiters]) w();
      if (b.hang) return; // never answers: the sender's timeout ends it
      const status = b.statuses.length > 1 ? b.statuses.shift() : b.statuses[0];
      if (b.hugeBody) {
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        const block = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 64 * 1024 * 1024) {
            sent += block.length;
            if (!res.write(block)) return res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => {});
        pump();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Receiver': 'test' });
      res.end(JSON.stringify({ received: true }));
    });
  }

  // Resolves once `predicate(requests)` holds (checked on every arrival), or rejects.
  waitFor(predicate, { timeoutMs = 15_000, what = 'requests' } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(this.requests)) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(this.requests);
        }
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; got ${this.requests.length}: ${this.requests.map((r) => r.path).join(', ')}`));
      }, timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// Verifies a request the Standard Webhooks way with `secret` ("whsec_…"): true when one
// of the v1 signatures in webhook-signature matches.
export function verifySignature(secret, request) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const id = request.headers['webhook-id'];
  const ts = request.headers['webhook-timestamp'];
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${request.body}`).digest();
  for (const part of (request.headers['webhook-signature'] ?? '').split(' ')) {
    const [version, sig] = part.split(',');
    if (version !== 'v1' || !sig) continue;
    const got = Buffer.from(sig, 'base64');
    if (got.length === expected.length && timingSafeEqual(got, expected)) return true;
  }
  return false;
}
