// Support administration end to end, on the real server: an admin creates and
// deactivates a staff user, edits a response target and the holiday calendar,
// reads the reports (chart, table, CSV) and finds all of it in the audit log;
// a staff member without the admin role is kept out of the admin pages.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import {
  DESKTOP,
  PHONE,
  expectNamedControls,
  expectTheme,
  screenshot,
  signIn,
  watchForPageErrors,
} from './support/page-helpers';
import { createUserWithCli } from './support/textura-cli';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const admin = { email: `irina-${unique}@textura.test`, password: 'admin password 1', name: 'Irina Admin', role: 'admin' as const };
const agent = { email: `olga-${unique}@textura.test`, password: 'staff password 1', name: 'Olga Agent', role: 'staff' as const };
const plainStaff = { email: `boris-${unique}@textura.test`, password: 'staff password 2', name: 'Boris Staff', role: 'staff' as const };
const newcomer = { name: 'Pavel Newcomer', email: `pavel-${unique}@textura.test`, password: 'newcomer password' };
const customer = {
  email: `anna-admin-${unique}@example.test`,
  password: 'correct horse battery',
  name: 'Anna Petrova',
  company: `Acme Hotels ${unique}`,
};
const year = new Date().getFullYear();
const offsite = { date: `${year}-12-29`, note: `Team offsite ${unique}` };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const ADMIN_LINKS = ['SLA settings', 'Staff', 'Audit log'];

/** Signs in through the API on a context's own cookie jar; returns the CSRF token. */
async function apiSession(request: APIRequestContext, path: string, body: object): Promise<string> {
  const response = await request.post(`/api/v1/auth/${path}`, { data: body });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { csrf_token: string }).csrf_token;
}

async function apiPost(request: APIRequestContext, csrf: string, path: string, body: object = {}): Promise<unknown> {
  const response = await request.post(`/api/v1${path}`, { data: body, headers: { 'X-CSRF-Token': csrf } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

/** A customer writes three tickets (one of each type); the agent answers two and closes one. */
async function seedTickets(browser: Browser): Promise<void> {
  const customerContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const customerCsrf = await apiSession(customerContext.request, 'signup', customer);
  const agentCsrf = await apiSession(agentContext.request, 'login', { email: agent.email, password: agent.password });
  const ids: Record<string, number> = {};
  for (const [category, title] of [
    ['critical', 'Bookings page is down'],
    ['question', 'How do I change the greeting?'],
    ['feature_request', 'Export chats to PDF'],
  ] as const) {
    const created = (await apiPost(customerContext.request, customerCsrf, '/tickets', {
      title,
      category,
      body: `${title} — details from the customer.`,
    })) as { ticket: { id: number } };
    ids[category] = created.ticket.id;
  }
  // Replies a few seconds later, so the chart has bars taller than zero.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await apiPost(agentContext.request, agentCsrf, `/tickets/${ids.critical}/messages`, { body: 'We are on it.' });
  await apiPost(agentContext.request, agentCsrf, `/tickets/${ids.question}/messages`, { body: 'Settings → Greeting.' });
  await apiPost(agentContext.request, agentCsrf, `/tickets/${ids.question}/close`);
  await customerContext.close();
  await agentContext.close();
}

/**
 * Saves admin-<name>-{desktop,phone}-{light,dark}.png and checks nothing at 375 px
 * is wider than the screen; leaves the page at desktop width in light.
 */
async function shootEveryWay(page: Page, name: string): Promise<void> {
  for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expectTheme(page, theme);
      const wider = await page.evaluate(() =>
        document.documentElement.scrollWidth > window.innerWidth
          ? [...document.querySelectorAll('body *')]
              // the outermost too-wide elements: their parent still fits
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
              .filter((el) => (el.parentElement?.getBoundingClientRect().right ?? 0) <= window.innerWidth + 1)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`)
          : [],
      );
      expect(wider, `${name}: wider than the ${device} screen`).toEqual([]);
      await screenshot(page, `admin-${name}-${device}-${theme}`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
}

test('an admin manages staff, targets, the calendar, reports and reads the audit log', async ({ browser }) => {
  test.setTimeout(240_000);
  createUserWithCli(admin);
  createUserWithCli(agent);
  await seedTickets(browser);

  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  await page.goto('/login');
  await signIn(page, admin.email, admin.password);
  for (const label of ['Reports', ...ADMIN_LINKS]) await expect(nav(page).getByRole('link', { name: label })).toBeVisible();

  // Staff: create a user from the form; they can sign in.
  await nav(page).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team.getByRole('row', { name: new RegExp(admin.name) })).toContainText('You');
  const form = page.getByRole('form', { name: 'New staff user' });
  await form.getByLabel('Name').fill(newcomer.name);
  await form.getByLabel('Email').fill(newcomer.email);
  await form.getByLabel('Password').fill(newcomer.password);
  await form.getByLabel('Role').selectOption('staff');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('status')).toHaveText(`${newcomer.name} can now sign in.`);
  const newcomerRow = team.getByRole('row', { name: new RegExp(newcomer.name) });
  await expect(newcomerRow).toContainText(newcomer.email);
  await expect(newcomerRow).toContainText('Active');
  await expect(newcomerRow).toContainText('Never');
  // The same email again is refused, next to the field.
  await form.getByLabel('Name').fill('Someone Else');
  await form.getByLabel('Email').fill(newcomer.email);
  await form.getByLabel('Password').fill('another password');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText(/already/i)).toBeVisible();
  await expectNamedControls(page);

  const newcomerContext = await browser.newContext({ viewport: DESKTOP });
  const newcomerPage = await newcomerContext.newPage();
  await newcomerPage.goto('/login');
  await signIn(newcomerPage, newcomer.email, newcomer.password);
  await expect(nav(newcomerPage).getByRole('link', { name: /^Queue/ })).toBeVisible();

  // Deactivate: the open session ends and signing in is refused.
  await newcomerRow.getByRole('button', { name: `Deactivate ${newcomer.name}` }).click();
  await expect(newcomerRow).toContainText('Deactivated');
  await expect(newcomerRow.getByRole('button', { name: `Activate ${newcomer.name}` })).toBeVisible();
  await newcomerPage.reload();
  await expect(newcomerPage).toHaveURL(/\/login/);
  await signIn(newcomerPage, newcomer.email, newcomer.password);
  await expect(newcomerPage.getByRole('alert')).toContainText('The email or password is incorrect.');
  await expect(newcomerPage).toHaveURL(/\/login/);
  await newcomerContext.close();
  await page.reload(); // fresh "Last sign-in" column
  await expect(team.getByRole('row', { name: new RegExp(newcomer.name) })).toContainText('Deactivated');
  await shootEveryWay(page, 'staff');

  // SLA settings: a new target for questions survives a reload.
  await nav(page).getByRole('link', { name: 'SLA settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SLA settings' })).toBeVisible();
  const questionMinutes = page.getByLabel('Question: minutes');
  await expect(questionMinutes).toHaveValue('540');
  await questionMinutes.fill('600');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Question: minutes')).toHaveValue('600');
  await expect(page.getByLabel('Critical: minutes')).toHaveValue('240');
  // A bad hour is explained before anything is sent.
  await page.getByLabel('Monday opens').fill('9');
  await expect(page.getByText('Monday: Use HH:MM.')).toBeVisible();
  await page.getByLabel('Monday opens').fill('10:00');

  // The holiday calendar: a day off of our own, beside the built-in holidays.
  const calendar = page.getByRole('region', { name: 'Holiday calendar' });
  await expect(calendar.getByRole('row', { name: new RegExp(`${year}-01-01`) })).toContainText('Built-in');
  const override = page.getByRole('form', { name: 'Override a date' });
  await override.getByLabel('Date').fill(offsite.date);
  await override.getByLabel('Kind').selectOption('holiday');
  await override.getByLabel('Note').fill(offsite.note);
  await override.getByRole('button', { name: 'Set date' }).click();
  const offsiteRow = calendar.getByRole('row', { name: new RegExp(offsite.date) });
  await expect(offsiteRow).toContainText('Day off');
  await expect(offsiteRow).toContainText('Override');
  await expect(offsiteRow).toContainText(offsite.note);
  await expectNamedControls(page);
  await shootEveryWay(page, 'sla');

  // Reports: the chart and the table over the seeded tickets, and the CSV.
  await nav(page).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support reports' })).toBeVisible();
  const chart = page.getByRole('img', { name: /Bar chart of median first-response and resolution times/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const figures = page.getByRole('region', { name: 'Figures' });
  await expect(figures.getByRole('row', { name: /^Critical/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /^Question/ })).toContainText('100%');
  await expect(figures.getByRole('row', { name: /^Feature request/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /^Total/ })).toContainText('3');
  await expectNamedControls(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^support-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-category\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe(
    'key,label,tickets,first_response_count,first_response_median_seconds,first_response_average_seconds,' +
      'resolution_count,resolution_median_seconds,resolution_average_seconds,sla_measured,sla_met,sla_share',
  );
  expect(csv.find((line) => line.startsWith('question,'))).toMatch(/^question,Question,1,1,\d+,\d+,1,\d+,\d+,1,1,1\.0000$/);
  expect(csv.find((line) => line.startsWith('total,'))).toMatch(/^total,Total,3,2,/);
  await shootEveryWay(page, 'reports');

  await page.getByLabel('Group by').selectOption('agent');
  await expect(figures.getByRole('row', { name: new RegExp(`^${agent.name}`) })).toContainText('2');
  await expect(figures.getByRole('row', { name: /^No reply yet/ })).toContainText('1');

  // The audit log has every action just taken, newest first.
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.getByRole('region', { name: 'Entries' });
  const actions = entries.locator('tbody tr td:nth-child(3)');
  const newestFirst = ['calendar.updated', 'sla_settings.updated', 'staff.deactivated', 'staff.created', 'ticket.closed'];
  for (const [i, action] of newestFirst.entries()) await expect(actions.nth(i)).toHaveText(action);
  await expect(entries.getByRole('row', { name: /calendar\.updated/ })).toContainText(offsite.note);
  await expect(entries.getByRole('row', { name: /staff\.created/ })).toContainText(newcomer.email);
  await expect(entries.getByRole('row', { name: /ticket\.closed/ })).toContainText(agent.name);
  await page.getByLabel('Action').selectOption('staff.deactivated');
  await expect(actions).toHaveText(['staff.deactivated']);
  await page.getByLabel('Action').selectOption('');
  await expect(actions.nth(4)).toHaveText('ticket.closed');
  await expectNamedControls(page);
  await shootEveryWay(page, 'audit-log');

  expect(problems).toEqual([]);
  await context.close();
});

test('a staff member without the admin role sees no admin pages', async ({ browser }) => {
  createUserWithCli(plainStaff);
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  await page.goto('/login');
  await signIn(page, plainStaff.email, plainStaff.password);
  await expect(nav(page).getByRole('link', { name: /^Queue/ })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Reports' })).toBeVisible();
  for (const label of ADMIN_LINKS) await expect(nav(page).getByRole('link', { name: label })).toHaveCount(0);

  for (const [path, title] of [
    ['/admin/staff', 'Staff'],
    ['/admin/sla', 'SLA settings'],
    ['/admin/audit-log', 'Audit log'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    await expect(page.getByText('This page is only for admins.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  await shootEveryWay(page, 'no-access');
  expect(problems).toEqual([]);
  await context.close();
});
