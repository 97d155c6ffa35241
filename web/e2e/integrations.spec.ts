// Settings → Integrations on the real server: an API key created (shown once, then
// used with Bearer and revoked), a webhook endpoint pointing at a receiver on
// 127.0.0.1 that gets a signed test event, and its delivery log. Light, dark, 375 px
// and Russian screenshots.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectNamedControls, screenshot, signUp, watchForPageErrors } from './support/page-helpers';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  name: 'Ivan Integrator',
  company: `Integrations Hotel ${unique}`,
  email: `ivan-${unique}@example.test`,
  password: 'correct horse battery',
};

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

function startReceiver(port: number): Promise<{ server: http.Server; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, received })));
}

async function openIntegrations(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Account Settings/ }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Integrations' }).click();
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.getByRole('region', { name: 'API keys' })).toBeVisible();
}

test('Integrations: an API key and a webhook with its delivery log', async ({ browser }) => {
  test.setTimeout(180_000);
  const receiverPort = 19290 + (process.pid % 9);
  const { server, received } = await startReceiver(receiverPort);
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  try {
    await signUp(page, customer);
    await openIntegrations(page);
    await expect(page.getByText('No API keys yet.')).toBeVisible();

    // A key: shown once, works with Bearer, listed with its prefix.
    const keys = page.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('Key name').fill('CRM sync');
    await keys.getByRole('combobox', { name: 'Access' }).selectOption('read_write');
    await keys.getByLabel('Your password').fill(customer.password);
    await keys.getByRole('button', { name: 'Create API key' }).click();
    const secretBox = keys.getByLabel('The key “CRM sync”');
    await expect(secretBox).toHaveText(/^txk_[A-Za-z0-9_-]{43}$/);
    const secret = (await secretBox.textContent()) ?? '';
    const listed = keys.getByRole('list', { name: 'API keys' }).getByRole('listitem', { name: 'CRM sync' });
    await expect(listed).toContainText(secret.slice(0, 12));
    await expect(listed).toContainText('Read and write');
    const used = await page.request.get('/api/v1/tickets', { headers: { Authorization: `Bearer ${secret}`, Cookie: '' } });
    expect(used.status()).toBe(200);
    await expectNamedControls(page);
    await screenshot(page, 'integrations-key-created-light');

    // A webhook endpoint to the receiver; a test event arrives signed and is logged.
    const hooks = page.getByRole('region', { name: 'Webhooks' });
    await hooks.getByLabel('Endpoint URL').fill(`http://127.0.0.1:${receiverPort}/textura`);
    await hooks.getByLabel('Description').fill('Local receiver');
    await hooks.getByRole('checkbox', { name: /ticket\.updated/ }).check();
    await hooks.getByRole('button', { name: 'Add endpoint' }).click();
    const hookSecretBox = hooks.getByLabel('Signing secret');
    await expect(hookSecretBox).toHaveText(/^whsec_/);
    const hookSecret = (await hookSecretBox.textContent()) ?? '';
    const endpoint = hooks.getByRole('listitem', { name: `http://127.0.0.1:${receiverPort}/textura` });
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    const log = endpoint.getByRole('list', { name: /Delivery log of/ });
    await expect(log.getByText('Delivered')).toBeVisible({ timeout: 20_000 });
    expect(received.length).toBeGreaterThanOrEqual(1);
    const r = received[0]!;
    const key = Buffer.from(hookSecret.replace(/^whsec_/, ''), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${String(r.headers['webhook-id'])}.${String(r.headers['webhook-timestamp'])}.${r.body}`)
      .digest('base64');
    expect(String(r.headers['webhook-signature'])).toContain(`v1,${expected}`);
    expect((JSON.parse(r.body) as { type: string }).type).toBe('webhook.test');
    await log.getByText('Try 1: 200').first().click();
    await expect(log.getByText(/HTTP\/1\.1 200/).first()).toBeVisible();
    await log.getByRole('button', { name: 'Send again' }).first().click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(received[1]!.headers['webhook-id']).toBe(r.headers['webhook-id']);
    await expectNamedControls(page);
    await screenshot(page, 'integrations-webhook-log-light');

    // Dark, and a phone.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Account Settings/ }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Integrations' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await screenshot(page, 'integrations-dark');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'integrations-dark-375');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling at 375 px').toBeLessThanOrEqual(PHONE.width);

    // Revoked: the key stops working at once.
    await page.setViewportSize(DESKTOP);
    await listed.getByRole('button', { name: 'Revoke the key CRM sync' }).click();
    await listed.getByRole('button', { name: 'Revoke “CRM sync” now' }).click();
    await expect(listed).toContainText('Revoked');
    const refused = await page.request.get('/api/v1/tickets', { headers: { Authorization: `Bearer ${secret}`, Cookie: '' } });
    expect(refused.status()).toBe(401);

    // Russian.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Account Settings/ }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('link', { name: 'Интеграции' }).click();
    await expect(page.getByRole('region', { name: 'API-ключи' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Вебхуки' })).toBeVisible();
    await screenshot(page, 'integrations-ru-dark');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'integrations-ru-dark-375');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    server.close();
  }
});
