// The support team's console end to end, on the real server: an agent's
// shift from the queue through a canned reply and an internal note to Done,
// with the customer looking on from their own browser.
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { baseURL } from './support/env';
import { DESKTOP, PHONE, expectNamedControls, screenshot, signIn, watchForPageErrors } from './support/page-helpers';
import { createUserWithCli } from './support/textura-cli';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const agent = { email: `olga-console-${unique}@textura.test`, password: 'staff password 1', name: 'Olga Agent' };
const colleague = { email: `pavel-console-${unique}@textura.test`, password: 'staff password 2', name: 'Pavel Agent' };

interface SeededTicket {
  id: number;
  title: string;
  reply_due_at: string | null;
}

interface Customer {
  api: APIRequestContext;
  csrf: string;
}

async function signUpCustomer(name: string, company: string): Promise<Customer> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/v1/auth/signup', {
    data: { name, company, email: `${company.toLowerCase().replace(/\W+/g, '-')}-${unique}@example.test`, password: 'correct horse battery' },
  });
  expect(response.status()).toBe(201);
  const { csrf_token } = (await response.json()) as { csrf_token: string };
  return { api, csrf: csrf_token };
}

async function openTicket(customer: Customer, title: string, category: string, body: string): Promise<SeededTicket> {
  const response = await customer.api.post('/api/v1/tickets', {
    data: { title, category, body },
    headers: { 'X-CSRF-Token': customer.csrf },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { ticket: SeededTicket }).ticket;
}

// The specs share one server: tickets other specs left open would crowd this
// agent's queue and counts, so the shift starts from an empty desk.
async function closeOpenTickets(staff: { email: string; password: string }): Promise<void> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { email: staff.email, password: staff.password } });
  expect(login.status()).toBe(200);
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  for (;;) {
    const page = await api.get('/api/v1/support/queue?status=on_customer&limit=100');
    expect(page.status()).toBe(200);
    const { items } = (await page.json()) as { items: { id: number }[] };
    if (items.length === 0) break;
    for (const { id } of items) {
      const closed = await api.post(`/api/v1/tickets/${id}/close`, { headers: { 'X-CSRF-Token': csrf_token } });
      expect(closed.status()).toBe(200);
    }
  }
  await api.dispose();
}

const queueRows = (page: Page) => page.getByRole('region', { name: 'Queue' }).getByRole('link');
const thread = (page: Page) => page.getByRole('log', { name: 'Conversation and internal notes' });

test('an agent’s shift: queue by due time, take, canned reply, internal note, Done', async ({ browser }) => {
  test.setTimeout(240_000);
  createUserWithCli({ ...agent, role: 'staff' });
  createUserWithCli({ ...colleague, role: 'staff' });
  await closeOpenTickets(agent);

  // Two customers, three kinds of request: the response targets differ.
  const anna = await signUpCustomer('Anna Petrova', `Acme Hotels ${unique}`);
  const boris = await signUpCustomer('Boris Ivanov', `Baltic Tours ${unique}`);
  const idea = await openTicket(boris, 'Dark mode for the widget', 'feature_request', 'Would love a dark widget.');
  const question = await openTicket(boris, 'How do I connect Telegram?', 'question', 'Where is the bot token field?');
  const outage = await openTicket(anna, 'Booking link is down', 'critical', 'The booking link opens a blank page.');
  const seeded = [idea, question, outage];

  const staffContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const page = await staffContext.newPage();
  const problems = watchForPageErrors(page);

  // The queue: the agent's landing page, due soonest first.
  await page.goto('/login');
  await signIn(page, agent.email, agent.password);
  await expect(page).toHaveURL(/\/console\/queue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  await expect(queueRows(page)).toHaveCount(3);
  const byDue = [...seeded].sort((a, b) => Date.parse(a.reply_due_at ?? '') - Date.parse(b.reply_due_at ?? ''));
  const shown = await queueRows(page).evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.ticketId)));
  expect(shown).toEqual(byDue.map((ticket) => ticket.id));
  await expect(page).toHaveTitle(/^\(3\) Queue · Textura$/);
  await expect(page.getByRole('button', { name: /^Needs reply/ })).toContainText('3');
  await expect(queueRows(page).first()).toContainText(/left|Due now|Overdue/);
  // The switch turns on when the server has answered, so click and wait for it rather
  // than check(), which wants the state to change the moment the click lands.
  await page.getByRole('switch', { name: 'On shift' }).click();
  await expect(page.getByRole('switch', { name: 'On shift' })).toBeChecked();
  await expectNamedControls(page);
  await screenshot(page, 'console-queue-desktop-light');

  // Filters narrow the queue through the server.
  await page.getByRole('combobox', { name: 'Type' }).selectOption('critical');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('Booking link is down');
  await page.getByRole('combobox', { name: 'Type' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search tickets' }).fill('bot token');
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page).first()).toContainText('How do I connect Telegram?');
  await page.getByRole('searchbox', { name: 'Search tickets' }).fill('');
  await expect(queueRows(page)).toHaveCount(3);

  // A canned reply for the team.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Canned replies' }).click();
  await page.getByRole('button', { name: 'New canned reply' }).click();
  const form = page.getByRole('form', { name: 'New canned reply' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Looking into it');
  await form
    .getByRole('textbox', { name: 'Text' })
    .fill('Hello {{customer.first_name}}, we are looking into ticket #{{ticket.id}} right now. — {{agent.name}}');
  await form.getByRole('textbox', { name: /Shortcut/ }).fill('looking');
  await form.getByRole('checkbox', { name: 'Share with the team' }).check();
  await form.getByRole('button', { name: 'Create canned reply' }).click();
  const cannedItem = page.getByRole('listitem', { name: 'Looking into it' });
  await expect(cannedItem).toContainText('/looking');
  await expect(cannedItem).toContainText('Shared with the team');
  await screenshot(page, 'console-canned-desktop-light');

  // Take the most urgent ticket.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await queueRows(page).first().click();
  await expect(page).toHaveURL(new RegExp(`/console/tickets/${byDue[0]?.id}$`));
  const ticket = byDue[0] as SeededTicket;
  await page.getByRole('button', { name: 'Take' }).click();
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue(/\d+/);
  await expect(page.getByRole('combobox', { name: 'Assignee' }).locator('option:checked')).toHaveText(`${agent.name} (you)`);
  await expect(page.getByRole('button', { name: 'Take' })).toHaveCount(0);

  // A colleague opens the same ticket: the collision indicator says so.
  const colleagueContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const other = await colleagueContext.newPage();
  await other.goto('/login');
  await signIn(other, colleague.email, colleague.password);
  await expect(other).toHaveURL(/\/console\/queue$/);
  await other.goto(`/console/tickets/${ticket.id}`);
  await expect(other.getByText(`${agent.name} is viewing`)).toBeVisible();
  await expect(page.getByText(`${colleague.name} is viewing`)).toBeVisible({ timeout: 25_000 });

  // Insert the canned reply with "/" + shortcut and send it.
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await reply.click();
  await reply.pressSequentially('/look');
  const picker = page.getByRole('dialog', { name: 'Canned replies' });
  await expect(picker.getByRole('option', { name: /Looking into it/ })).toHaveAttribute('aria-selected', 'true');
  await reply.press('Enter');
  const rendered = `Hello Anna, we are looking into ticket #${ticket.id} right now. — ${agent.name}`;
  await expect(reply).toHaveValue(rendered);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(thread(page).getByRole('listitem').last()).toContainText(rendered);
  await expect(thread(page).getByRole('listitem').last()).toHaveAttribute('data-side', 'team');

  // An internal note, shown apart.
  const secret = `Internal: customer ${unique} is on the legacy plan, check billing first`;
  await page.getByRole('radio', { name: 'Internal note' }).check();
  await page.getByRole('textbox', { name: 'Internal note' }).fill(secret);
  await page.getByRole('button', { name: 'Add note' }).click();
  const noteEntry = thread(page).getByRole('listitem').last();
  await expect(noteEntry).toContainText(secret);
  await expect(noteEntry).toHaveAttribute('data-kind', 'note');
  await expect(noteEntry).toContainText('Internal note — not visible to the customer');
  await expect(other.getByRole('log', { name: 'Conversation and internal notes' })).toContainText(secret);
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Assigned');
  await expectNamedControls(page);
  await screenshot(page, 'console-ticket-desktop-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'console-ticket-desktop-dark');
  await page.setViewportSize(PHONE);
  await screenshot(page, 'console-ticket-phone-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'console-ticket-phone-light');
  await page.setViewportSize(DESKTOP);
  await colleagueContext.close();

  // Done.
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, mark as Done' }).click();
  await expect(page.getByText('This ticket is Done', { exact: false })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Reply' })).toBeDisabled();

  // The customer sees the reply and the Done status — never the note.
  const customerContext = await browser.newContext({
    viewport: DESKTOP,
    colorScheme: 'light',
    storageState: await (ticket.id === outage.id ? anna : boris).api.storageState(),
  });
  const customer = await customerContext.newPage();
  await customer.goto(`/support/${ticket.id}`);
  const customerLog = customer.getByRole('log', { name: 'Messages' });
  await expect(customerLog).toContainText(rendered);
  await expect(customer.getByText('This ticket is Done and archived. It cannot be reopened.')).toBeVisible();
  await expect(customer.locator('body')).not.toContainText(secret);
  await expect(customer.locator('body')).not.toContainText('Internal note');
  const owner = ticket.id === outage.id ? anna : boris;
  const messages = await (await owner.api.get(`/api/v1/tickets/${ticket.id}/messages`)).text();
  expect(messages).not.toContain(secret);
  expect((await owner.api.get(`/api/v1/tickets/${ticket.id}/notes`)).status()).toBe(404);
  await customerContext.close();

  // The queue after the shift: two left, in light and dark, desktop and phone.
  await page.getByRole('link', { name: '← Queue' }).click();
  await expect(queueRows(page)).toHaveCount(2);
  await expect(page).toHaveTitle(/^\(2\) Queue · Textura$/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'console-queue-desktop-dark');
  await page.setViewportSize(PHONE);
  await screenshot(page, 'console-queue-phone-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'console-queue-phone-light');

  expect(problems).toEqual([]);
  await staffContext.close();
  await anna.api.dispose();
  await boris.api.dispose();
});
