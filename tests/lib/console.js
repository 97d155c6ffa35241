// Helpers for the support console's tests: queue pages, PUT, and moving a ticket's
// reply due time into the past (straight in the database, SQLite or PostgreSQL).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { psql } from './server.js';
import { queryString } from './tickets.js';

export const SUPPORT = '/api/v1/support';

function describe(res) {
  return `${res.status} ${res.text?.slice(0, 500) ?? ''}`;
}

export async function queuePage(client, params = {}) {
  const res = await client.get(`${SUPPORT}/queue${queryString(params)}`);
  assert.equal(res.status, 200, `queue ${JSON.stringify(params)}: ${describe(res)}`);
  return res.json;
}

// Every ticket of the queue, walking next_cursor with `limit`.
export async function queueAll(client, params = {}, limit = 100) {
  const items = [];
  let cursor = params.cursor;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await queuePage(client, { limit, ...params, cursor });
    items.push(...page.items);
    if (page.next_cursor === null) return items;
    cursor = page.next_cursor;
  }
  assert.fail('the queue never ended');
}

export async function queueSummary(client) {
  const res = await client.get(`${SUPPORT}/queue/summary`);
  assert.equal(res.status, 200, `queue summary: ${describe(res)}`);
  return res.json;
}

export function put(client, p, json) {
  return client.request('PUT', p, { json });
}

export async function addNote(client, ticketId, body) {
  const res = await client.post(`/api/v1/tickets/${ticketId}/notes`, { body });
  assert.equal(res.status, 201, `add note: ${describe(res)}`);
  return res.json.note;
}

export async function history(client, ticketId) {
  const res = await client.get(`/api/v1/tickets/${ticketId}/history`);
  assert.equal(res.status, 200, `history: ${describe(res)}`);
  return res.json.items;
}

function sqlite(file, sql) {
  return new Promise((resolvePromise, reject) => {
    execFile('sqlite3', ['-cmd', '.timeout 5000', file, sql], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`sqlite3 ${sql}: ${err.message}\n${stderr}`));
      else resolvePromise(stdout);
    });
  });
}

// Runs one SQL statement on the server's database.
export function runSql(server, sql) {
  if (server.databaseUrl) return psql(server.databaseUrl, sql);
  return sqlite(path.join(server.dataDir, 'textura.db'), sql);
}

// Makes the ticket's reply due `msAgo` milliseconds ago (as if time had passed).
export function backdateDue(server, ticketId, msAgo) {
  const micros = (Date.now() - msAgo) * 1000;
  return runSql(server, `UPDATE tickets SET reply_due_at = ${micros} WHERE id = ${Number(ticketId)}`);
}
