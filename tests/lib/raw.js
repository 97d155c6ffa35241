// Raw TCP helpers for malformed-HTTP tests: send exact bytes, read responses,
// and observe when the server closes the connection.

import net from 'node:net';

// Parses one HTTP/1.x response from the start of `buffer`.
// Returns {status, reason, headers (lower-case keys; repeated ones joined by ", "),
// rawHeaders, body: Buffer, text, json, length (bytes consumed)} or null when
// the response is not complete yet. connectionClosed: the buffer holds all the
// server sent, so a body without a length runs to its end.
export function parseResponse(buffer, { bodyExpected = true, connectionClosed = false } = {}) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = buffer.subarray(0, end).toString('latin1');
  const [statusLine, ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!m) throw new Error(`not an HTTP status line: ${JSON.stringify(statusLine)}`);
  const headers = {};
  const rawHeaders = [];
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i <= 0) throw new Error(`bad header line: ${JSON.stringify(line)}`);
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    rawHeaders.push([name, value]);
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const status = Number(m[1]);
  let offset = end + 4;
  let body = Buffer.alloc(0);
  const noBody = !bodyExpected || status === 204 || status === 304 || (status >= 100 && status < 200);
  if (!noBody) {
    if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
      const parts = [];
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', offset);
        if (lineEnd < 0) return null;
        const size = parseInt(buffer.subarray(offset, lineEnd).toString('latin1'), 16);
        if (Number.isNaN(size)) throw new Error('bad chunk size');
        offset = lineEnd + 2;
        if (size === 0) {
          const trailerEnd = buffer.indexOf('\r\n', offset);
          if (trailerEnd < 0) return null;
          offset = trailerEnd + 2;
          break;
        }
        if (buffer.length < offset + size + 2) return null;
        parts.push(buffer.subarray(offset, offset + size));
        offset += size + 2;
      }
      body = Buffer.concat(parts);
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (buffer.length < offset + length) return null;
      body = buffer.subarray(offset, offset + length);
      offset += length;
    } else if (connectionClosed) {
      body = buffer.subarray(offset);
      offset = buffer.length;
    } else {
      return null; // delimited by close: only complete once the connection ends
    }
  }
  const text = body.toString('utf8');
  let json;
  if (/^application\/json\b/i.test(headers['content-type'] ?? '')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status, reason: m[2] ?? '', headers, rawHeaders, body, text, json, length: offset };
}

// One raw connection. Collects everything the server sends and notes when the
// server closes (FIN or reset).
export class RawConnection {
  static open(port, host = '127.0.0.1') {
    return new Promise((resolvePromise, reject) => {
      const socket = net.connect({ port, host });
      socket.once('connect', () => resolvePromise(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.received = Buffer.alloc(0);
    this.consumed = 0; // bytes of `received` already returned as responses
    this.closed = false;
    this.closedAt = null;
    this.openedAt = Date.now();
    this.error = null;
    this.waiters = new Set();
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.#wake();
    });
    const onClose = () => {
      if (!this.closed) {
        this.closed = true;
        this.closedAt = Date.now();
      }
      this.#wake();
    };
    socket.on('end', onClose);
    socket.on('close', onClose);
    socket.on('error', (e) => {
      this.error = e;
      onClose();
    });
  }

  #wake() {
    for (const w of [...this.waiters]) w();
  }

  // Resolves when predicate() is true, or with false after timeoutMs.
  #waitFor(predicate, timeoutMs) {
    return new Promise((resolvePromise) => {
      if (predicate()) return resolvePromise(true);
      const check = () => {
        if (predicate()) finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (value) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolvePromise(value);
      };
      this.waiters.add(check);
    });
  }

  // Writes bytes; resolves false (instead of throwing) when the server has closed.
  write(data) {
    return new Promise((resolvePromise) => {
      if (this.closed || this.socket.destroyed) return resolvePromise(false);
      this.socket.write(data, (err) => resolvePromise(!err));
    });
  }

  // Waits for the next complete response. Throws when none arrives in time.
  async readResponse({ timeoutMs = 10_000, bodyExpected = true } = {}) {
    let parsed = null;
    let parseError = null;
    const ready = await this.#waitFor(() => {
      try {
        parsed = parseResponse(this.received.subarray(this.consumed), { bodyExpected });
      } catch (e) {
        parseError = e;
      }
      return parsed !== null || parseError !== null || this.closed;
    }, timeoutMs);
    if (parseError) throw parseError;
    if (!parsed && this.closed) {
      parsed = parseResponse(this.received.subarray(this.consumed), { bodyExpected, connectionClosed: true });
    }
    if (!parsed) {
      const got = this.received.subarray(this.consumed).toString('latin1').slice(0, 300);
      throw new Error(
        ready
          ? `the connection closed without a complete response (received ${JSON.stringify(got)})`
          : `no complete response within ${timeoutMs} ms (received ${JSON.stringify(got)})`,
      );
    }
    this.consumed += parsed.length;
    return parsed;
  }

  // Waits until the server closes the connection. Returns {closed, afterMs
  // (since open), extra: bytes received after the consumed responses}.
  async waitClose(timeoutMs = 10_000) {
    await this.#waitFor(() => this.closed, timeoutMs);
    return {
      closed: this.closed,
      afterMs: this.closed ? this.closedAt - this.openedAt : null,
      extra: this.received.subarray(this.consumed),
    };
  }

  destroy() {
    this.socket.destroy();
  }
}

// Sends `data` on a new connection and collects what comes back until the server
// closes or timeoutMs passes. Returns {data: Buffer, closed, elapsedMs}.
export async function exchange(port, data, { timeoutMs = 10_000 } = {}) {
  const conn = await RawConnection.open(port);
  const started = Date.now();
  try {
    await conn.write(data);
    await conn.waitClose(timeoutMs);
    return { data: conn.received, closed: conn.closed, elapsedMs: Date.now() - started };
  } finally {
    conn.destroy();
  }
}
