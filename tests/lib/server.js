// Starts the real `textura serve` for one test file: a free 127.0.0.1 port, a
// fresh temporary data dir, a tiny web app, and (when TEXTURA_TEST_POSTGRES_URL
// is set) a fresh PostgreSQL database. stop() sends SIGTERM and asserts a clean
// exit (code 0 within 10 s).
//
// Environment:
//   TEXTURA_BIN                 the binary (default <repo>/build/textura)
//   TEXTURA_TEST_POSTGRES_URL   postgresql://user@host:port/db of a server where
//                               each test server gets its own database
//   TEXTURA_TEST_KEEP=1         keep temp dirs and databases for inspection
//   TEXTURA_TEST_VERBOSE=1      echo the server's output

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before } from 'node:test';
import { REPO_ROOT } from './openapi.js';

export const BINARY = process.env.TEXTURA_BIN
  ? path.resolve(process.env.TEXTURA_BIN)
  : path.join(REPO_ROOT, 'build', 'textura');

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 256 * 1024;

// Generous login limits unless a test sets its own: most files sign up and log in
// far more than the production defaults allow from one IP.
const DEFAULT_ENV = {
  TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
  TEXTURA_LOGIN_MAX_FAILURES_PER_EMAIL: '100000',
};

export const INDEX_HTML = '<!doctype html><html><head><title>Textura test app</title></head><body><div id="root">textura-test-index</div></body></html>\n';
export const APP_JS = 'console.log("textura-test-asset");\n';
export const APP_CSS = 'body { color: #123456; }\n';

export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

// Runs psql against `url` with one SQL command.
export function psql(url, sql) {
  return new Promise((resolvePromise, reject) => {
    execFile('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`psql ${sql}: ${err.message}\n${stderr}`));
      else resolvePromise(stdout);
    });
  });
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function makeWebDir(root) {
  const web = path.join(root, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), APP_JS);
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.css'), APP_CSS);
  // The script's precompressed variants, as the web build makes them (compress.mjs).
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(APP_JS));
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(APP_JS));
  // A file outside the web dir that must never be served.
  fs.writeFileSync(path.join(root, 'secret.txt'), 'textura-test-secret\n');
  return web;
}

function healthy(port) {
  return new Promise((resolvePromise) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolvePromise(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(false));
  });
}

const running = new Set();
process.on('exit', () => {
  for (const s of running) s.child.kill('SIGKILL');
});

export class TexturaServer {
  // Use TexturaServer.start().
  constructor() {
    this.child = null;
    this.output = '';
    this.exit = null; // {code, signal} once exited
  }

  // options:
  //   env: extra environment (TEXTURA_* limits and timeouts)
  //   root: reuse a temp dir from an earlier server (restart tests)
  //   databaseUrl: reuse the database of an earlier server
  static async start({ env = {}, root, databaseUrl } = {}) {
    const server = new TexturaServer();
    await server.#prepare({ root, databaseUrl });
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await server.#launch(env);
        return server;
      } catch (e) {
        lastError = e;
        // Only an early exit can be a port taken meanwhile, and only that says so.
        if (server.exit === null || !/address|in use|bind/i.test(server.output)) break;
      }
    }
    await server.cleanup();
    throw lastError;
  }

  async #prepare({ root, databaseUrl }) {
    assert.ok(fs.existsSync(BINARY), `the server binary ${BINARY} does not exist (build it or set TEXTURA_BIN)`);
    this.ownsRoot = !root;
    this.root = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'textura-test-'));
    this.dataDir = path.join(this.root, 'data');
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.webDir = makeWebDir(this.root);
    this.databaseUrl = databaseUrl ?? null;
    this.ownsDatabase = false;
    const pgBase = process.env.TEXTURA_TEST_POSTGRES_URL;
    if (!this.databaseUrl && pgBase) {
      this.databaseName = `t_${randomBytes(6).toString('hex')}`;
      await psql(pgBase, `CREATE DATABASE ${this.databaseName}`);
      this.databaseUrl = withDatabase(pgBase, this.databaseName);
      this.ownsDatabase = true;
    }
  }

  // The environment shared by `serve` and the CLI: the same data and database.
  baseEnv() {
    const env = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (!k.startsWith('TEXTURA_')) env[k] = v; // no stray configuration from the caller
    }
    env.TEXTURA_DATA_DIR = this.dataDir;
    env.TEXTURA_WEB_DIR = this.webDir;
    if (this.databaseUrl) env.TEXTURA_DATABASE_URL = this.databaseUrl;
    return env;
  }

  async #launch(extraEnv) {
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    this.env = { ...this.baseEnv(), ...DEFAULT_ENV, ...extraEnv, TEXTURA_LISTEN: `127.0.0.1:${this.port}` };
    this.exit = null;
    this.output = '';
    const child = spawn(BINARY, ['serve'], { cwd: this.root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(this);
    const collect = (chunk) => {
      if (process.env.TEXTURA_TEST_VERBOSE) process.stderr.write(chunk);
      this.output += chunk.toString('utf8');
      if (this.output.length > OUTPUT_LIMIT) this.output = this.output.slice(-OUTPUT_LIMIT / 2);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    this.exited = new Promise((resolvePromise) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        resolvePromise(this.exit);
      });
      child.on('error', (e) => {
        this.exit = { code: null, signal: null, error: e };
        running.delete(this);
        resolvePromise(this.exit);
      });
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(`textura serve exited before it was healthy (${JSON.stringify(this.exit)}):\n${this.tail()}`);
      }
      if (await healthy(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await this.exited;
    throw new Error(`GET /healthz did not answer 200 within ${START_TIMEOUT_MS} ms:\n${this.tail()}`);
  }

  tail(chars = 4000) {
    return this.output.length > chars ? '…' + this.output.slice(-chars) : this.output;
  }

  // SIGTERM; asserts exit code 0 within 10 s. With {cleanup: false} the data dir
  // and database are kept (to start a new server on them).
  async stop({ cleanup = true } = {}) {
    try {
      if (this.child && !this.exit) {
        this.child.kill('SIGTERM');
        const timedOut = Symbol('timeout');
        let timer;
        const result = await Promise.race([
          this.exited,
          new Promise((r) => {
            timer = setTimeout(() => r(timedOut), STOP_TIMEOUT_MS);
          }),
        ]);
        clearTimeout(timer);
        if (result === timedOut) {
          // Give it a little longer only to report how it ends, then kill it.
          const late = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(null), 3000))]);
          if (!late) this.child.kill('SIGKILL');
          await this.exited;
          const how = late ? `it exited later with ${JSON.stringify(late)}` : 'killed with SIGKILL';
          assert.fail(`textura serve did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM (${how}):\n${this.tail()}`);
        }
      }
      assert.ok(this.exit, 'the server was never started');
      assert.deepEqual(
        { code: this.exit.code, signal: this.exit.signal },
        { code: 0, signal: null },
        `textura serve should exit with code 0 after SIGTERM:\n${this.tail()}`,
      );
    } finally {
      if (cleanup) await this.cleanup();
    }
  }

  // Removes the temp dir and drops the database this server owns.
  async cleanup() {
    if (process.env.TEXTURA_TEST_KEEP) return;
    if (this.ownsDatabase) {
      await psql(process.env.TEXTURA_TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`).catch(() => {});
    }
    if (this.ownsRoot) fs.rmSync(this.root, { recursive: true, force: true });
  }

  // Takes over the temp dir and database of this (stopped) server for cleanup.
  adopt(other) {
    this.ownsRoot = other.ownsRoot;
    this.ownsDatabase = other.ownsDatabase;
    this.databaseName = other.databaseName;
    other.ownsRoot = false;
    other.ownsDatabase = false;
  }

  // Runs `textura <args>` against this server's data dir and database.
  // Resolves {code, signal, stdout, stderr}.
  runCli(args, { env = {}, timeoutMs = 30_000 } = {}) {
    return runCli(args, { env: { ...this.baseEnv(), ...env }, cwd: this.root, timeoutMs });
  }
}

export function runCli(args, { env = process.env, cwd = REPO_ROOT, timeoutMs = 30_000 } = {}) {
  return new Promise((resolvePromise) => {
    execFile(BINARY, args, { env, cwd, timeout: timeoutMs }, (err, stdout, stderr) => {
      resolvePromise({
        code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
        signal: err?.signal ?? null,
        stdout,
        stderr,
      });
    });
  });
}

// For a test file: starts a server before the tests and stops it after.
// Returns a holder whose .server is the running TexturaServer.
export function useServer(options = {}) {
  const holder = { server: null, get url() { return this.server.url; }, get port() { return this.server.port; } };
  before(async () => {
    holder.server = await TexturaServer.start(options);
  });
  after(async () => {
    if (holder.server) await holder.server.stop();
  });
  return holder;
}
