// AI employees end to end, on the real server with its built-in knowledge
// responder (no LLM needed): create an employee with a Q&A pair, ask in the
// playground, watch the answer stream in, see its words and cost and the
// balance move, then open the chat at its own address.
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectNamedControls, screenshot, signUp, watchForPageErrors } from './support/page-helpers';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  name: 'Anna Petrova',
  company: `Hotel Sever ${unique}`,
  email: `anna-ai-${unique}@example.test`,
  password: 'correct horse battery',
};

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}`) });
const messages = (page: Page) => page.getByRole('log', { name: 'Messages' });
const balance = (page: Page) => page.getByTestId('balance-amount').first();

/** Every chat.reply_delta frame the page receives. */
function recordDeltas(page: Page): { reply_id: string; text: string }[] {
  const deltas: { reply_id: string; text: string }[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      const frame = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8')) as {
        type?: string;
        reply_id?: string;
        text?: string;
      };
      if (frame.type === 'chat.reply_delta') deltas.push({ reply_id: frame.reply_id ?? '', text: frame.text ?? '' });
    });
  });
  return deltas;
}

async function both(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

test('create an employee with knowledge, ask it in the playground, open the chat at its URL', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  const deltas = recordDeltas(page);

  await signUp(page, customer);
  await nav(page, 'AI Employees').click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI Employees' })).toBeVisible();
  await expect(page.getByText('No AI employees yet')).toBeVisible();
  await expect(balance(page)).toHaveText(/100[.,]00/);
  await expectNamedControls(page);

  // The form checks what the API checks before sending.
  await page.getByRole('link', { name: 'New employee' }).click();
  const form = page.getByRole('form', { name: 'Create employee' });
  await form.getByRole('button', { name: 'Create employee' }).click();
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('combobox', { name: 'Model' })).toContainText(/per 1,000 words/);
  await form.getByRole('textbox', { name: 'Name' }).fill('Concierge Anna');
  await form.getByRole('textbox', { name: 'Role' }).fill('Concierge');
  await form.getByRole('textbox', { name: 'Instructions' }).fill('You are the hotel concierge. Be brief and kind.');
  await form.getByRole('textbox', { name: 'Greeting' }).fill('Hello! I am Anna, the concierge. How can I help?');
  await expectNamedControls(page);
  await screenshot(page, 'employees-new-desktop-light');
  await form.getByRole('button', { name: 'Create employee' }).click();

  // Its Knowledge tab: one Q&A pair.
  await expect(page).toHaveURL(/\/employees\/\d+\/knowledge$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Concierge Anna' })).toBeVisible();
  const qa = page.getByRole('form', { name: 'Add a Q&A pair' });
  await qa.getByRole('textbox', { name: 'Question' }).fill('What time is check-in?');
  await qa.getByRole('textbox', { name: 'Answer' }).fill('Check-in starts at 14:00; early check-in from 10:00 on request.');
  await qa.getByRole('button', { name: 'Add Q&A pair' }).click();
  const items = page.getByRole('list', { name: 'Knowledge items' });
  await expect(items).toContainText('What time is check-in?');
  await expectNamedControls(page);
  await both(page, 'employees-knowledge-desktop');

  // The playground: ask as the client; the answer streams in, then shows its words and cost.
  await page.getByRole('link', { name: 'Playground' }).click();
  await expect(page).toHaveURL(/\/playground$/);
  const before = (await balance(page).textContent()) ?? '';
  expect(before).toMatch(/100[.,]00/);
  const box = page.getByRole('textbox', { name: 'Message as the client' });
  await box.fill('What time is check-in at the hotel?');
  await box.press('Enter');
  await expect(box).toHaveValue('');
  const reply = messages(page).locator('li[data-kind="employee"]:not([data-streaming])').last();
  await expect(reply).toContainText('14:00');
  await expect(messages(page).locator('li[data-streaming]')).toHaveCount(0);
  expect(deltas.length).toBeGreaterThan(0);
  const streamed = deltas
    .filter((delta) => delta.reply_id === deltas.at(-1)?.reply_id)
    .map((delta) => delta.text)
    .join('');
  await expect(reply.locator('p').nth(1)).toHaveText(streamed.trim() === '' ? /14:00/ : streamed);
  await expect(reply.getByTestId('message-usage')).toHaveText(/^\d+ words? · ₽\d+\.\d\d$/);
  await expect(balance(page)).not.toHaveText(before);
  await expect(page.getByText(/^[1-9]\d* words? this month$/)).toBeVisible();
  await reply.getByText(/^Knowledge used \(\d+\)$/).click();
  await expect(reply.getByText(/^score /).first()).toBeVisible();
  await expect(reply).toContainText('What time is check-in?');
  await expectNamedControls(page);
  await both(page, 'employees-playground-desktop');

  // The conversation at its own address, with the link to copy into a ticket.
  await page.getByRole('link', { name: 'Open this conversation in Chats' }).click();
  await expect(page).toHaveURL(/\/chats\/\d+$/);
  const chatUrl = page.url();
  await expect(messages(page)).toContainText('What time is check-in at the hotel?');
  await expect(messages(page)).toContainText('14:00');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chatUrl);
  await expect(page.getByRole('button', { name: 'Take over' })).toBeVisible();
  await expectNamedControls(page);
  await both(page, 'chats-chat-desktop');

  // A fresh load of the URL shows the same chat.
  await page.goto(chatUrl);
  await expect(messages(page)).toContainText('14:00');

  // The Chats list, searched by message text.
  await nav(page, 'Chats').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chats' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Chat list' });
  await expect(list.getByRole('link')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('check-in');
  await expect(list.getByRole('link')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('zzzz-nothing');
  await expect(list).toContainText('No chats match');
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('');
  await expect(list.getByRole('link')).toHaveCount(1);
  await expectNamedControls(page);
  await both(page, 'chats-list-desktop');

  // The employees list shows the words it used this month.
  await nav(page, 'AI Employees').click();
  const employees = page.getByRole('list', { name: 'Employees' });
  await expect(employees).toContainText('Concierge Anna');
  await expect(employees).toContainText('No channels yet');
  await expect(employees).toContainText(/[1-9]\d* words?/);
  await both(page, 'employees-list-desktop');

  // A phone.
  await page.setViewportSize(PHONE);
  await both(page, 'employees-list-phone');
  await employees.getByRole('link', { name: 'Concierge Anna' }).click();
  await page.getByRole('link', { name: 'Playground' }).click();
  await expect(messages(page)).toContainText('14:00');
  await both(page, 'employees-playground-phone');
  await page.goto(chatUrl);
  await expect(messages(page)).toContainText('14:00');
  await both(page, 'chats-chat-phone');

  expect(problems).toEqual([]);
  await context.close();
});
