// Support end to end, on the real server: a customer and a staff member in
// two browsers talk in a ticket, and everything either of them does shows up
// on the other's screen without a reload.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  DESKTOP,
  PHONE,
  expectNamedControls,
  screenshot,
  signIn,
  signUp,
  watchForPageErrors,
} from './support/page-helpers';
import { createUserWithCli } from './support/textura-cli';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  name: 'Anna Petrova',
  company: `Acme Hotels ${unique}`,
  email: `anna-support-${unique}@example.test`,
  password: 'correct horse battery',
};
const staff = { email: `olga-${unique}@textura.test`, password: 'staff password 1', name: 'Olga Support', role: 'staff' as const };

const tickets = (page: Page) => page.getByRole('region', { name: 'Tickets', exact: true });
const ticketItem = (page: Page, title: string) => tickets(page).getByRole('link', { name: new RegExp(title) });
const supportNav = (page: Page, label = 'Support') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}`) });
const chat = (page: Page) => page.getByRole('article', { name: /^Ticket #/ });
const messages = (page: Page) => page.getByRole('log', { name: 'Messages' });

function idFromUrl(page: Page): number {
  const match = /\/support\/(\d+)$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not on a ticket page: ${page.url()}`);
  return Number(match[1]);
}

async function createTicket(page: Page, ticket: { title: string; type: RegExp; body: string }): Promise<number> {
  await page.getByRole('link', { name: 'New ticket' }).click();
  const form = page.getByRole('form', { name: 'New ticket' });
  await form.getByRole('textbox', { name: 'Title' }).fill(ticket.title);
  await form.getByRole('radio', { name: ticket.type }).check();
  await form.getByRole('textbox', { name: 'Message' }).fill(ticket.body);
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(chat(page).getByRole('heading', { name: ticket.title })).toBeVisible();
  return idFromUrl(page);
}

/** Every text frame the page receives on the events socket, parsed. */
function recordEvents(page: Page): Record<string, unknown>[] {
  const frames: Record<string, unknown>[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/api/v1/events')) return;
    socket.on('framereceived', ({ payload }) => {
      frames.push(JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8')) as Record<string, unknown>);
    });
  });
  return frames;
}

const EVENT_FIELDS: Record<string, string[]> = {
  'ticket.message_created': ['message', 'ticket_id', 'type'],
  'ticket.updated': ['ticket', 'type'],
  'unread.changed': ['ticket_id', 'type', 'unread_count', 'unread_total'],
};
// The console's "who else is viewing" frames: sent to the team when a team member opens
// a ticket, never to the customer.
const STAFF_EVENT_FIELDS: Record<string, string[]> = {
  ...EVENT_FIELDS,
  'ticket.presence': ['ticket_id', 'type', 'viewers'],
};

async function expectUnread(item: Locator, count: number): Promise<void> {
  if (count === 0) await expect(item).not.toHaveAccessibleName(/unread/);
  else await expect(item).toHaveAccessibleName(new RegExp(`\\(${count} unread\\)`));
}

test('a customer and the support team talk live in a ticket, through to a follow-up', async ({ browser }) => {
  test.setTimeout(180_000);
  createUserWithCli(staff);

  const customerContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const staffContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const me = await customerContext.newPage();
  const team = await staffContext.newPage();
  const customerEvents = recordEvents(me);
  const staffEvents = recordEvents(team);
  const customerProblems = watchForPageErrors(me);
  const staffProblems = watchForPageErrors(team);

  // The customer's empty Support page: the help, and a way to ask.
  await signUp(me, customer);
  await supportNav(me).click();
  await expect(me.getByRole('heading', { level: 1, name: 'Support' })).toBeVisible();
  await expect(tickets(me)).toContainText('No tickets yet');
  await expect(me.getByRole('table', { name: 'Ticket statuses' })).toContainText('Nothing — the ticket is archived');
  await expect(me.getByRole('table', { name: 'Response times' })).toContainText('Within one business day');
  await me.getByText('Can I reopen a closed ticket?').click();
  await expect(me.getByText('No. If the issue returns, create a new ticket.')).toBeVisible();
  await expectNamedControls(me);
  await screenshot(me, 'support-customer-empty-desktop-light');

  // The New ticket form: response times beside each type, the tips beside the form.
  await me.getByRole('link', { name: 'New ticket' }).click();
  const form = me.getByRole('form', { name: 'New ticket' });
  await expect(form.getByRole('radio', { name: /Critical issue.*within 4 hours, around the clock/ })).toBeVisible();
  await expect(form.getByRole('radio', { name: /within one business day/ })).toBeVisible();
  await expect(form.getByRole('radio', { name: /within 1–2 business days/ })).toBeVisible();
  await expect(form.getByRole('combobox', { name: /AI employee/ })).toHaveCount(0); // no employees yet
  await expect(me.getByRole('complementary', { name: 'Tips for effective tickets' })).toContainText(
    'One question per ticket.',
  );
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(form.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
  await expectNamedControls(me);
  await screenshot(me, 'support-new-ticket-errors-desktop-light');
  await me.getByRole('button', { name: 'Cancel' }).click();

  // First ticket, in Cyrillic; the team owes a reply and the page says by when.
  const linkTicket = await createTicket(me, {
    title: 'Не работает ссылка',
    type: /Configuration or feature question/,
    body: 'Ссылка на бронирование открывает пустую страницу.',
  });
  await expect(chat(me).getByText(/^Expected reply by .+ GMT\+3$/)).toBeVisible();
  await expect(messages(me).getByRole('listitem')).toHaveCount(1);

  // The team's queue.
  await team.goto('/login');
  await signIn(team, staff.email, staff.password);
  await expect(team).toHaveURL(/\/console\/queue$/);
  await supportNav(team, 'All tickets').click();
  await expect(team.getByRole('heading', { level: 1, name: 'All tickets' })).toBeVisible();
  await expect(ticketItem(team, 'Не работает ссылка')).toContainText(customer.company);
  await expect(team.getByRole('link', { name: 'New ticket' })).toHaveCount(0);

  // A second ticket appears in the queue while the team looks at it.
  const bookingTicket = await createTicket(me, {
    title: 'Booking link not working',
    type: /Critical issue/,
    body: 'The ‘Concierge’ employee sends a booking link,\nbut clicking it opens a blank page.',
  });
  await expect(chat(me).getByText(/^Expected reply by /)).toBeVisible();
  await expect(ticketItem(team, 'Booking link not working')).toBeVisible();
  await expect(tickets(team).getByRole('link').first()).toHaveAccessibleName(/Booking link not working/);

  // The customer looks at the first ticket while the team answers the second.
  await ticketItem(me, 'Не работает ссылка').click();
  await expect(me).toHaveURL(new RegExp(`/support/${linkTicket}$`));
  await ticketItem(team, 'Booking link not working').click();
  await expect(messages(team)).toContainText('opens a blank page');
  await expect(messages(team).getByRole('listitem').first()).toHaveAttribute('data-side', 'customer');
  const teamReply = team.getByRole('textbox', { name: 'Reply to the customer' });
  await teamReply.fill('Thanks! Could you send the chat link?');
  await team.getByRole('button', { name: 'Send' }).click();
  await expect(teamReply).toHaveValue('');
  await expect(messages(team).getByRole('listitem').last()).toHaveAttribute('data-side', 'team');

  // Both badges count up on the customer's screen, no reload.
  await expectUnread(ticketItem(me, 'Booking link not working'), 1);
  await expect(supportNav(me)).toHaveAccessibleName(/\(1 unread\)/);
  await screenshot(me, 'support-customer-unread-desktop-light');

  // Opening the ticket reads it: both badges clear.
  await ticketItem(me, 'Booking link not working').click();
  const theirs = messages(me).getByRole('listitem').last();
  await expect(theirs).toContainText('Could you send the chat link?');
  await expect(theirs).toHaveAttribute('data-side', 'team');
  await expect(theirs).toContainText(staff.name);
  await expectUnread(ticketItem(me, 'Booking link not working'), 0);
  await expect(supportNav(me)).toHaveAccessibleName('Support');
  await expect(chat(me).getByText(/^Waiting for your reply/)).toBeVisible();

  // The customer replies with Ctrl+Enter, mentioning the first ticket.
  const box = chat(me).getByRole('textbox', { name: 'Message' });
  await box.fill(`Here: https://app.example/chats/7\nSame as #${linkTicket}, and not like #999999.`);
  await box.press('Control+Enter');
  await expect(box).toHaveValue('');
  const mine = messages(me).getByRole('listitem').last();
  await expect(mine).toHaveAttribute('data-side', 'customer');
  await expect(mine.getByRole('link', { name: `#${linkTicket}` })).toHaveAttribute('href', `/support/${linkTicket}`);
  await expect(mine.getByRole('link', { name: '#999999' })).toHaveCount(0);
  await expect(mine).toContainText('not like #999999');
  await expect(chat(me).getByText(/^Expected reply by /)).toBeVisible();

  // …and the team sees it live, on the customer's side.
  const arrived = messages(team).getByRole('listitem').last();
  await expect(arrived).toContainText('Here: https://app.example/chats/7');
  await expect(arrived).toHaveAttribute('data-side', 'customer');
  await expect(team.getByText(/^Reply due by /)).toBeVisible();
  await expectNamedControls(team);
  await screenshot(team, 'support-staff-chat-desktop-light');
  await screenshot(me, 'support-customer-chat-desktop-light');

  // Dark theme (both users follow the system theme).
  await me.emulateMedia({ colorScheme: 'dark' });
  await team.emulateMedia({ colorScheme: 'dark' });
  await expect(me.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(me, 'support-customer-chat-desktop-dark');
  await screenshot(team, 'support-staff-chat-desktop-dark');
  await me.emulateMedia({ colorScheme: 'light' });
  await team.emulateMedia({ colorScheme: 'light' });

  // The team marks it Done; the customer's composer goes away live.
  await team.getByRole('button', { name: 'Mark as Done' }).click();
  await expect(team.getByRole('alertdialog', { name: 'Mark this ticket as Done?' })).toBeVisible();
  await team.getByRole('button', { name: 'Yes, mark as Done' }).click();
  await expect(chat(team).getByText('This ticket is Done and archived. It cannot be reopened.')).toBeVisible();
  await expect(chat(team).getByRole('button', { name: 'Create a follow-up' })).toHaveCount(0);
  await expect(chat(me).getByText('This ticket is Done and archived. It cannot be reopened.')).toBeVisible();
  await expect(chat(me).getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await expect(chat(me).getByRole('button', { name: 'Mark as Done' })).toHaveCount(0);
  await expect(ticketItem(me, 'Booking link not working')).toContainText('Done');
  await screenshot(me, 'support-customer-done-desktop-light');

  // A follow-up: a new ticket that refers back to the Done one.
  await chat(me).getByRole('button', { name: 'Create a follow-up' }).click();
  const followUp = me.getByRole('form', { name: 'New ticket' });
  await expect(followUp.getByRole('textbox', { name: 'Title' })).toHaveValue('Follow-up: Booking link not working');
  const firstMessage = followUp.getByRole('textbox', { name: 'Message' });
  await expect(firstMessage).toHaveValue(`Follow-up to #${bookingTicket}: `);
  await firstMessage.press('End');
  await firstMessage.pressSequentially('the link is blank again today.');
  await followUp.getByRole('radio', { name: /Critical issue/ }).check();
  await screenshot(me, 'support-follow-up-form-desktop-light');
  await followUp.getByRole('button', { name: 'Create ticket' }).click();
  await expect(chat(me).getByRole('heading', { name: 'Follow-up: Booking link not working' })).toBeVisible();
  const followUpTicket = idFromUrl(me);
  expect(followUpTicket).not.toBe(bookingTicket);
  await expect(chat(me).getByText(`Follow-up to #${bookingTicket}`, { exact: true })).toBeVisible();
  await expect(messages(me).getByRole('link', { name: `#${bookingTicket}` })).toHaveAttribute(
    'href',
    `/support/${bookingTicket}`,
  );
  await expect(ticketItem(team, 'Follow-up: Booking link not working')).toBeVisible();

  // Search (any letter case, Cyrillic) and the status filter, alone and together.
  const search = me.getByRole('searchbox', { name: 'Search tickets' });
  await search.fill('ССЫЛКА');
  await expect(tickets(me).getByRole('link')).toHaveCount(1);
  await expect(ticketItem(me, 'Не работает ссылка')).toBeVisible();
  await search.fill('booking link');
  await expect(tickets(me).getByRole('link')).toHaveCount(2);
  await tickets(me).getByRole('radio', { name: 'Done' }).check();
  await expect(tickets(me).getByRole('link')).toHaveCount(1);
  await expect(ticketItem(me, '^Booking link not working')).toBeVisible();
  await search.fill('');
  await tickets(me).getByRole('radio', { name: 'On Customer' }).check();
  await expect(tickets(me).getByRole('link')).toHaveCount(2);
  await expect(ticketItem(me, 'Booking link not working')).toHaveCount(1); // only the follow-up
  await tickets(me).getByRole('radio', { name: 'All' }).check();
  await expect(tickets(me).getByRole('link')).toHaveCount(3);
  await screenshot(me, 'support-customer-list-desktop-light');
  await screenshot(team, 'support-staff-queue-desktop-light');

  // Phones: the list and a ticket are two screens.
  await me.setViewportSize(PHONE);
  await me.goto('/support');
  await expect(tickets(me)).toBeVisible();
  await expect(chat(me)).toHaveCount(0);
  await expectNamedControls(me);
  await screenshot(me, 'support-customer-list-phone-light', { fullPage: false });
  await ticketItem(me, 'Не работает ссылка').click();
  await expect(chat(me)).toBeVisible();
  await expect(tickets(me)).toBeHidden();
  await expect(chat(me).getByRole('textbox', { name: 'Message' })).toBeInViewport();
  await screenshot(me, 'support-customer-chat-phone-light', { fullPage: false });
  await me.emulateMedia({ colorScheme: 'dark' });
  await screenshot(me, 'support-customer-chat-phone-dark', { fullPage: false });
  await chat(me).getByRole('link', { name: 'Back to tickets' }).click();
  await expect(tickets(me)).toBeVisible();
  await screenshot(me, 'support-customer-list-phone-dark', { fullPage: false });
  await me.getByRole('link', { name: 'New ticket' }).click();
  await expect(me.getByRole('form', { name: 'New ticket' })).toBeVisible();
  await screenshot(me, 'support-new-ticket-phone-dark');
  await me.goto('/support');
  await me.getByRole('link', { name: 'Help' }).click();
  await expect(me.getByRole('heading', { name: 'How Support works' })).toBeVisible();
  await expect(tickets(me)).toBeHidden();
  await screenshot(me, 'support-help-phone-dark');
  await me.goto(`/support/${bookingTicket}`);
  await expect(chat(me).getByText('This ticket is Done and archived. It cannot be reopened.')).toBeVisible();
  await screenshot(me, 'support-customer-done-phone-dark', { fullPage: false });

  await team.setViewportSize(PHONE);
  await team.goto(`/support/${linkTicket}`);
  await expect(chat(team).getByRole('textbox', { name: 'Reply to the customer' })).toBeInViewport();
  await screenshot(team, 'support-staff-chat-phone-light', { fullPage: false });
  await team.emulateMedia({ colorScheme: 'dark' });
  await chat(team).getByRole('link', { name: 'Back to tickets' }).click();
  await screenshot(team, 'support-staff-queue-phone-dark', { fullPage: false });

  // The New ticket form at desktop size, dark.
  await me.setViewportSize(DESKTOP);
  await me.goto('/support/new');
  await expect(me.getByRole('form', { name: 'New ticket' })).toBeVisible();
  await screenshot(me, 'support-new-ticket-desktop-dark');

  expect([...customerProblems, ...staffProblems]).toEqual([]);

  // The events the two pages lived on: the contract's three types, with their fields
  // (the team's socket may also carry presence frames).
  for (const [frames, fields] of [[customerEvents, EVENT_FIELDS], [staffEvents, STAFF_EVENT_FIELDS]] as const) {
    const types = new Set(frames.map((frame) => String(frame.type)));
    const contract = [...types].filter((type) => type in EVENT_FIELDS);
    expect(contract.sort()).toEqual(Object.keys(EVENT_FIELDS).sort());
    for (const frame of frames) expect(Object.keys(frame).sort()).toEqual(fields[String(frame.type)]);
  }
  await customerContext.close();
  await staffContext.close();
});

test('another account’s ticket is not found', async ({ page }) => {
  await signUp(page, {
    name: 'Boris',
    company: `Other Ltd ${unique}`,
    email: `boris-${unique}@example.test`,
    password: 'long enough password',
  });
  await page.goto('/support/1');
  await expect(page.getByRole('heading', { name: 'Ticket not found' })).toBeVisible();
});
