// Finance end to end on the real server: a customer with a month of seeded usage
// (written by `textura seed-usage` through the same repositories as the reply path)
// sees the balance and forecast, charts drawn per day that filters change, downloads
// the CSV, sets a cap, and a reply in the playground is refused at it. Light, dark,
// a phone, Russian.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { repoRoot, serverEnv, texturaBin } from './support/env';
import { DESKTOP, PHONE, expectNamedControls, screenshot, signUp, watchForPageErrors } from './support/page-helpers';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  name: 'Fina Petrova',
  company: `Finance Hotel ${unique}`,
  email: `fina-${unique}@example.test`,
  password: 'correct horse battery',
};

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}`) });

async function api(page: Page, method: string, path: string, body?: unknown) {
  const me = await (await page.request.get('/api/v1/me')).json() as { csrf_token: string };
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'X-CSRF-Token': me.csrf_token, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

/** The bars recharts drew in a chart. */
const bars = (page: Page, testId: string) => page.getByTestId(testId).locator('.recharts-bar-rectangle path');

test('Finance: a month of usage in charts, filters, CSV, and a cap that stops a reply', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light', acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  await signUp(page, customer);

  const olga = (await api(page, 'POST', '/employees', { name: 'Olga', role: 'Concierge' })).employee as { id: number };
  await api(page, 'POST', `/employees/${olga.id}/knowledge`, {
    kind: 'qa', question: 'What time is check-in?', answer: 'Check-in starts at 14:00 every day.',
  });
  await api(page, 'POST', '/employees', { name: 'Boris', role: 'Sales' });
  execFileSync(texturaBin, ['seed-usage', '--email', customer.email, '--days', '40'], {
    cwd: repoRoot, env: { ...process.env, ...serverEnv }, stdio: 'pipe', timeout: 60_000,
  });

  await nav(page, 'Finance').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();
  await expect(page.getByTestId('finance-balance')).toHaveText(/₽/);
  await expect(page.getByTestId('finance-forecast')).toHaveText(/Lasts about \d+ days/);
  await expect(page.getByRole('region', { name: 'Last month' })).toContainText(/₽\d/);
  // Every chart says which time zone its days are in.
  await expect(page.getByText('Days in Europe/Moscow').first()).toBeVisible();
  await expect(bars(page, 'spending-chart').first()).toBeVisible();
  const monthBars = await bars(page, 'spending-chart').count();
  expect(monthBars).toBeGreaterThan(0);
  await expectNamedControls(page);
  await screenshot(page, 'finance-desktop-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'finance-desktop-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Filters change the charts: the last 30 days hold more bars than one employee's 7.
  await page.getByRole('combobox', { name: 'Period' }).selectOption('last_30');
  await expect.poll(() => bars(page, 'spending-chart').count()).toBeGreaterThan(20);
  const thirty = await bars(page, 'spending-chart').count();
  await page.getByRole('combobox', { name: 'Period' }).selectOption('last_7');
  await page.getByRole('combobox', { name: 'AI employee' }).selectOption({ label: 'Olga' });
  await expect.poll(() => bars(page, 'spending-chart').count()).toBeLessThan(thirty);
  await page.getByRole('combobox', { name: 'Stack by' }).selectOption('model');
  await expect(page.getByTestId('words-chart')).toContainText('Client words');

  // The ledger's CSV, filtered like the page: opens as UTF-8 with a header row.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download ledger CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('id,created_at,kind,amount_rub,amount_kopecks,words,model,employee_id,employee,channel,chat_id,message_id,note');
  expect(lines.length).toBeGreaterThan(7);
  expect(lines.slice(1).every((l) => l.includes(',Olga,'))).toBe(true);

  // Top chats link to the chat.
  await expect(page.getByRole('region', { name: 'Top chats by words' }).getByRole('link').first()).toHaveAttribute('href', /^\/chats\/\d+$/);

  // A cap just above this month's spending: the next reply is refused politely.
  const summary = await (await page.request.get('/api/v1/finance/summary')).json() as { this_month: { spent: { amount_minor: number } } };
  const cap = ((summary.this_month.spent.amount_minor + 1) / 100).toFixed(2);
  const capRow = page.getByTestId('cap-account');
  await capRow.getByRole('textbox', { name: 'Monthly cap for Whole account, roubles' }).fill(cap);
  await capRow.getByRole('button', { name: 'Save cap' }).click();
  await expect(capRow).toContainText('spent');
  // One reply still fits under the cap; the one after it is refused.
  const chat = (await api(page, 'POST', `/employees/${olga.id}/playground`)).chat as { id: number };
  await api(page, 'POST', `/chats/${chat.id}/messages`, { text: 'What time is check-in?' });
  await page.goto(`/chats/${chat.id}`);
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log).toContainText('14:00');
  await api(page, 'POST', `/chats/${chat.id}/messages`, { text: 'And check-out?' });
  await expect(log).toContainText("Sorry, I can't answer right now");
  await expect(log.locator('li[data-kind="employee"]').last().getByTestId('message-usage')).toContainText('free');
  await screenshot(page, 'finance-refused-chat');

  await nav(page, 'Finance').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Replies are stopped' })).toContainText('monthly spending cap');
  await screenshot(page, 'finance-cap-reached');

  // A phone.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(bars(page, 'spending-chart').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'finance-phone');

  // Russian.
  await api(page, 'PATCH', '/me', { locale: 'ru' });
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await expect(page.getByText('Ответы остановлены')).toBeVisible();
  await expect(page.getByText('Дни по времени Europe/Moscow').first()).toBeVisible();
  await screenshot(page, 'finance-desktop-ru');

  expect(problems).toEqual([]);
  await context.close();
});
