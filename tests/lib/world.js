// One server with every kind of caller and a real row of every kind, for the suites
// that walk the whole API (access_matrix.test.js, schema_fuzz.test.js): the owner's
// customer account (an AI employee with a Q&A pair, a playground chat, a Telegram
// channel at the fake Bot API, a ticket with a text file and a PNG), another
// customer, staff, an admin, a staff member the admin manages, and a canned reply.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client } from './client.js';
import { addQa, createEmployee, startChat } from './employees.js';
import { KeyClient, createKey } from './integrations.js';
import { png } from './images.js';
import { TexturaServer } from './server.js';
import { connect, newBot, startFakeTelegram, TELEGRAM_ENV } from './telegram.js';
import { newCustomer, newStaff } from './tickets.js';

// Resolves {server, fake, tag, callers, owner, foreign, fixtures, secrets, stop()}:
//   callers   anonymous, foreign, owner, staff, admin, ownerKey (the owner's read and
//             write API key), readKey (its read-only key): a Client each
//   fixtures  the ids named in access_table.js FIXTURES
//   secrets   the owner's unique strings, never to reach another account
export async function startWorld({ env = {} } = {}) {
  const tag = randomBytes(4).toString('hex');
  const fake = await startFakeTelegram();
  const server = await TexturaServer.start({
    // Webhook endpoints on loopback are allowed, so the owner can have one.
    env: { ...TELEGRAM_ENV, TEXTURA_TELEGRAM_API_BASE_URL: fake.url, TEXTURA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', ...env },
  });
  const owner = await newCustomer(server.url, { company: `Owner Hotels ${tag}`, name: `Owner Person ${tag}` });
  const foreign = await newCustomer(server.url);
  const staff = await newStaff(server, { name: 'Matrix Staff' });
  const admin = await newStaff(server, { role: 'admin', name: 'Matrix Admin' });
  const managed = await newStaff(server, { name: 'Managed Staff' });
  const callers = {
    anonymous: new Client(server.url),
    foreign: foreign.client,
    owner: owner.client,
    staff: staff.client,
    admin: admin.client,
    ownerKey: new KeyClient(server.url, (await createKey(owner, { name: `Matrix key ${tag}`, scope: 'read_write' })).secret),
    readKey: new KeyClient(server.url, (await createKey(owner, { name: 'Matrix read key', scope: 'read' })).secret),
  };

  const c = owner.client;
  const employee = await createEmployee(c, { name: `Concierge ${tag}` });
  const knowledge = await addQa(c, employee.id, `Breakfast hours ${tag}?`, `From seven ${tag}.`);
  const chat = await startChat(c, employee.id);
  const said = await c.post(`/api/v1/chats/${chat.id}/messages`, { text: `Late checkout ${tag}` });
  assert.equal(said.status, 202, said.text);
  const bot = await newBot(fake, `matrix${tag}_bot`);
  const channel = await connect(c, bot, employee.id);
  const filename = `passport-${tag}.txt`;
  const up = await c.request('POST', `/api/v1/attachments?filename=${filename}`, {
    body: `scan ${tag}\n`,
    contentType: 'application/octet-stream',
  });
  assert.equal(up.status, 201, up.text);
  const picture = await c.request('POST', `/api/v1/attachments?filename=room-${tag}.png`, {
    body: png(24, 16, 7),
    contentType: 'application/octet-stream',
  });
  assert.equal(picture.status, 201, picture.text);
  const created = await c.post('/api/v1/tickets', {
    title: `Invoice question ${tag}`,
    body: `Our invoice ${tag} is wrong.`,
    category: 'question',
    attachment_ids: [up.json.attachment.id, picture.json.attachment.id],
  });
  assert.equal(created.status, 201, created.text);
  const canned = await staff.client.post('/api/v1/support/canned-replies', { title: `Greeting ${tag}`, body: 'Hello!' });
  assert.equal(canned.status, 201, canned.text);

  // Integrations: a key to revoke (not the callers' own) and a webhook endpoint (on a
  // loopback port nobody listens on) with a test delivery in its log.
  const spareKey = await createKey(owner, { name: 'Spare key', scope: 'read' });
  const hook = await c.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['ticket.updated'], description: `Hook ${tag}` });
  assert.equal(hook.status, 201, hook.text);
  const delivery = await c.post(`/api/v1/webhooks/${hook.json.endpoint.id}/test`);
  assert.equal(delivery.status, 201, delivery.text);

  const fixtures = {
    employee: employee.id,
    knowledge: knowledge.id,
    chat: chat.id,
    channel: channel.id,
    ticket: created.json.ticket.id,
    attachment: up.json.attachment.id,
    image: picture.json.attachment.id,
    canned: canned.json.canned_reply.id,
    staffUser: managed.user.id,
    account: owner.account.id,
    date: '2031-01-06',
    scope: 'account',
    apiKey: spareKey.key.id,
    webhook: hook.json.endpoint.id,
    delivery: delivery.json.delivery.id,
  };
  const secrets = [
    owner.signup.email,
    owner.signup.company,
    `Concierge ${tag}`,
    `Breakfast hours ${tag}`,
    `Late checkout ${tag}`,
    `Invoice question ${tag}`,
    `Our invoice ${tag}`,
    filename,
    `scan ${tag}`,
    bot.username,
    `Matrix key ${tag}`,
    `Hook ${tag}`,
  ];
  const stop = async () => {
    await server.stop();
    await fake.close();
  };
  return { server, fake, tag, callers, owner, foreign, fixtures, secrets, stop };
}
