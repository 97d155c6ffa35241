// AI employees and their knowledge: create, edit, pause, delete (soft); validation of
// every field; uploads; another account's employee is 404 everywhere; staff cannot edit.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectError } from '../lib/expect.js';
import { EMPLOYEES, addQa, createEmployee, startChat } from '../lib/employees.js';
import { useServer } from '../lib/server.js';
import { newCustomer, newStaff } from '../lib/tickets.js';

const ctx = useServer();
let a;
let b;
let staff;
let setup;
function people() {
  setup ??= (async () => {
    a = await newCustomer(ctx.url, { company: 'Employees A' });
    b = await newCustomer(ctx.url, { company: 'Employees B' });
    staff = await newStaff(ctx.server);
  })();
  return setup;
}

describe('models', () => {
  before(people);
  test('the catalog lists priced models with exactly one default', async () => {
    const res = await a.client.get('/api/v1/models');
    assert.equal(res.status, 200);
    const ids = res.json.items.map((m) => m.id);
    assert.ok(ids.includes('textura-knowledge'));
    assert.equal(res.json.items.filter((m) => m.default).length, 1);
    assert.equal(res.json.items.find((m) => m.default).id, 'textura-knowledge');
    for (const m of res.json.items) assert.equal(m.price_per_1000_words.currency, 'RUB');
  });
});

describe('employees', () => {
  before(people);
  test('create with defaults, read, list by name, edit, pause', async () => {
    const zed = await createEmployee(a.client, { name: 'Zed' });
    assert.equal(zed.model, 'textura-knowledge');
    assert.equal(zed.status, 'active');
    assert.equal(zed.temperature, 0.7);
    assert.equal(zed.reply_word_limit, 0);
    assert.deepEqual(zed.channels, []);
    assert.equal(zed.knowledge_count, 0);
    const anna = await createEmployee(a.client, {
      name: '  Anna  ',
      instructions: 'Be brief.\nBe kind.',
      greeting: 'Hello! How can I help?',
      temperature: 1.5,
      reply_word_limit: 100,
      model: 'gpt-4o-mini',
    });
    assert.equal(anna.name, 'Anna');
    assert.equal(anna.instructions, 'Be brief.\nBe kind.');
    const list = await a.client.get(EMPLOYEES);
    assert.deepEqual(list.json.items.map((e) => e.name), ['Anna', 'Zed']);

    const edited = await a.client.patch(`${EMPLOYEES}/${anna.id}`, { role: 'Sales', status: 'paused' });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.employee.role, 'Sales');
    assert.equal(edited.json.employee.status, 'paused');
    assert.equal(edited.json.employee.greeting, 'Hello! How can I help?');
    const got = await a.client.get(`${EMPLOYEES}/${anna.id}`);
    assert.equal(got.json.employee.status, 'paused');
  });

  test('every field is validated and nothing is created or changed', async () => {
    const cases = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'ok', role: 'r'.repeat(101) }, 'role'],
      [{ name: 'ok', instructions: 'i'.repeat(20001) }, 'instructions'],
      [{ name: 'ok', greeting: 'g'.repeat(2001) }, 'greeting'],
      [{ name: 'ok', model: 'gpt-17-ultra' }, 'model'],
      [{ name: 'ok', temperature: 2.5 }, 'temperature'],
      [{ name: 'ok', temperature: -0.1 }, 'temperature'],
      [{ name: 'ok', reply_word_limit: 5 }, 'reply_word_limit'],
      [{ name: 'ok', reply_word_limit: 2001 }, 'reply_word_limit'],
      [{ name: 'ok', avatar_attachment_id: 999999 }, 'avatar_attachment_id'],
      [{ role: 'no name' }, 'name'],
    ];
    const before = (await a.client.get(EMPLOYEES)).json.items.length;
    for (const [body, field] of cases) {
      expectError(await a.client.post(EMPLOYEES, body), 400, 'validation_failed', field);
    }
    expectError(await a.client.post(EMPLOYEES, { name: 'ok', temperature: 'hot' }), 400, 'invalid_request', 'temperature');
    expectError(await a.client.post(EMPLOYEES, { name: 'ok', colour: 'red' }), 400, 'invalid_request');
    // The status is set once the employee exists (PATCH).
    expectError(await a.client.post(EMPLOYEES, { name: 'ok', status: 'paused' }), 400, 'invalid_request', 'status');
    assert.equal((await a.client.get(EMPLOYEES)).json.items.length, before);

    const e = await createEmployee(a.client, { name: 'Valid' });
    expectError(await a.client.patch(`${EMPLOYEES}/${e.id}`, { status: 'sleeping' }), 400, 'validation_failed', 'status');
    expectError(await a.client.patch(`${EMPLOYEES}/${e.id}`, { name: 'New', model: 'nope' }), 400, 'validation_failed', 'model');
    assert.equal((await a.client.get(`${EMPLOYEES}/${e.id}`)).json.employee.name, 'Valid');
  });

  test('delete is soft: gone from lists and GET, its chats stay and keep its name', async () => {
    const e = await createEmployee(a.client, { name: 'Temporary', greeting: 'Hi there' });
    const chat = await startChat(a.client, e.id);
    assert.equal((await a.client.delete(`${EMPLOYEES}/${e.id}`)).status, 204);
    expectError(await a.client.get(`${EMPLOYEES}/${e.id}`), 404, 'not_found');
    expectError(await a.client.delete(`${EMPLOYEES}/${e.id}`), 404, 'not_found');
    assert.ok(!(await a.client.get(EMPLOYEES)).json.items.some((x) => x.id === e.id));
    const kept = await a.client.get(`/api/v1/chats/${chat.id}`);
    assert.equal(kept.status, 200);
    assert.equal(kept.json.chat.employee.name, 'Temporary');
    const msgs = await a.client.get(`/api/v1/chats/${chat.id}/messages`);
    assert.equal(msgs.json.items[0].text, 'Hi there');
  });

  test("another account's employee is 404 on every route and stays unchanged", async () => {
    const e = await createEmployee(a.client, { name: 'Private' });
    const item = await addQa(a.client, e.id, 'Secret?', 'Yes.');
    const attempts = [
      () => b.client.get(`${EMPLOYEES}/${e.id}`),
      () => b.client.patch(`${EMPLOYEES}/${e.id}`, { name: 'Stolen' }),
      () => b.client.delete(`${EMPLOYEES}/${e.id}`),
      () => b.client.get(`${EMPLOYEES}/${e.id}/knowledge`),
      () => b.client.post(`${EMPLOYEES}/${e.id}/knowledge`, { kind: 'qa', question: 'q', answer: 'a' }),
      () => b.client.patch(`${EMPLOYEES}/${e.id}/knowledge/${item.id}`, { answer: 'No.' }),
      () => b.client.delete(`${EMPLOYEES}/${e.id}/knowledge/${item.id}`),
      () => b.client.request('POST', `${EMPLOYEES}/${e.id}/knowledge/upload?filename=x.txt`, { body: 'hi', contentType: 'text/plain' }),
      () => b.client.post(`${EMPLOYEES}/${e.id}/playground`),
    ];
    for (const attempt of attempts) expectError(await attempt(), 404, 'not_found');
    expectError(await a.client.get(`${EMPLOYEES}/abc`), 404, 'not_found');
    expectError(await a.client.get(`${EMPLOYEES}/0`), 404, 'not_found');
    const still = await a.client.get(`${EMPLOYEES}/${e.id}/knowledge`);
    assert.equal(still.json.items[0].answer, 'Yes.');
    assert.equal((await a.client.get(`${EMPLOYEES}/${e.id}`)).json.employee.name, 'Private');
  });

  test('staff may not list or edit employees', async () => {
    expectError(await staff.client.get(EMPLOYEES), 403, 'forbidden');
    expectError(await staff.client.post(EMPLOYEES, { name: 'Staff bot' }), 403, 'forbidden');
  });
});

describe('knowledge', () => {
  before(people);
  test('Q&A pairs and documents: add, list, edit, delete, counted on the employee', async () => {
    const e = await createEmployee(a.client, { name: 'Knower' });
    const qa = await addQa(a.client, e.id, 'What are your hours?', '9 to 18.');
    assert.equal(qa.kind, 'qa');
    assert.equal(qa.title, null);
    const doc = await a.client.post(`${EMPLOYEES}/${e.id}/knowledge`, { kind: 'document', title: 'Guide', text: 'Para one.\n\nPara two.' });
    assert.equal(doc.status, 201);
    assert.equal(doc.json.item.text, 'Para one.\n\nPara two.');
    assert.equal((await a.client.get(`${EMPLOYEES}/${e.id}`)).json.employee.knowledge_count, 2);
    const page = await a.client.get(`${EMPLOYEES}/${e.id}/knowledge?limit=1`);
    assert.equal(page.json.items.length, 1);
    assert.ok(page.json.next_cursor);
    const next = await a.client.get(`${EMPLOYEES}/${e.id}/knowledge?limit=1&cursor=${page.json.next_cursor}`);
    assert.equal(next.json.items[0].id, doc.json.item.id);
    const edited = await a.client.patch(`${EMPLOYEES}/${e.id}/knowledge/${qa.id}`, { answer: '10 to 19.' });
    assert.equal(edited.json.item.answer, '10 to 19.');
    assert.equal(edited.json.item.question, 'What are your hours?');
    expectError(await a.client.patch(`${EMPLOYEES}/${e.id}/knowledge/${qa.id}`, { kind: 'document' }), 400, 'validation_failed', 'kind');
    assert.equal((await a.client.delete(`${EMPLOYEES}/${e.id}/knowledge/${qa.id}`)).status, 204);
    expectError(await a.client.delete(`${EMPLOYEES}/${e.id}/knowledge/${qa.id}`), 404, 'not_found');
  });

  test('bad knowledge is refused with the field named', async () => {
    const e = await createEmployee(a.client, { name: 'Strict' });
    const url = `${EMPLOYEES}/${e.id}/knowledge`;
    expectError(await a.client.post(url, { kind: 'qa', question: '', answer: 'a' }), 400, 'validation_failed', 'question');
    expectError(await a.client.post(url, { kind: 'qa', question: 'q', answer: '  ' }), 400, 'validation_failed', 'answer');
    expectError(await a.client.post(url, { kind: 'qa', question: 'q'.repeat(1001), answer: 'a' }), 400, 'validation_failed', 'question');
    expectError(await a.client.post(url, { kind: 'qa', question: 'q', answer: 'a'.repeat(10001) }), 400, 'validation_failed', 'answer');
    expectError(await a.client.post(url, { kind: 'document', title: '', text: 't' }), 400, 'validation_failed', 'title');
    expectError(await a.client.post(url, { kind: 'document', title: 't', text: '' }), 400, 'validation_failed', 'text');
    expectError(await a.client.post(url, { kind: 'poem', title: 't', text: 't' }), 400, 'validation_failed', 'kind');
    expectError(await a.client.post(url, { kind: 'qa', question: 'q', answer: 'a', title: 't' }), 400, 'validation_failed', 'title');
    expectError(await a.client.post(url, { kind: 'qa', question: 'q', answer: 'a', extra: 1 }), 400, 'invalid_request');
    assert.equal((await a.client.get(url)).json.items.length, 0);
  });

  test('uploads: .md and .txt become documents; wrong type 415, invalid UTF-8 400, too large 413', async () => {
    const e = await createEmployee(a.client, { name: 'Reader' });
    const url = (name) => `${EMPLOYEES}/${e.id}/knowledge/upload?filename=${encodeURIComponent(name)}`;
    const md = await a.client.request('POST', url('guide.md'), { body: '# Delivery\n\nWe deliver daily. Доставка ежедневно.\n', contentType: 'text/markdown; charset=utf-8' });
    assert.equal(md.status, 201);
    assert.equal(md.json.item.kind, 'document');
    assert.equal(md.json.item.title, 'guide.md');
    assert.equal(md.json.item.text, '# Delivery\n\nWe deliver daily. Доставка ежедневно.');
    const txt = await a.client.request('POST', url('notes.txt'), { body: '\ufeffPlain notes', contentType: 'text/plain' });
    assert.equal(txt.status, 201);
    assert.equal(txt.json.item.text, 'Plain notes');

    expectError(await a.client.request('POST', url('photo.png'), { body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' }), 415, 'unsupported_media_type');
    expectError(await a.client.request('POST', url('data.json'), { body: '{}', contentType: 'application/json' }), 415, 'unsupported_media_type');
    expectError(await a.client.request('POST', url('notes.pdf'), { body: 'text', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    expectError(await a.client.request('POST', url('bad.txt'), { body: Buffer.from([0x61, 0xff, 0xfe, 0x62]), contentType: 'text/plain' }), 400, 'validation_failed', 'file');
    expectError(await a.client.request('POST', url('empty.txt'), { body: '   ', contentType: 'text/plain' }), 400, 'validation_failed', 'file');
    expectError(await a.client.request('POST', `${EMPLOYEES}/${e.id}/knowledge/upload`, { body: 'x', contentType: 'text/plain' }), 400, 'validation_failed', 'filename');
    const big = await a.client.request('POST', url('big.txt'), { body: 'a'.repeat((1 << 20) + 10), contentType: 'text/plain' });
    expectError(big, 413, 'too_large');
    assert.equal((await a.client.get(`${EMPLOYEES}/${e.id}/knowledge`)).json.items.length, 2);
  });
});
