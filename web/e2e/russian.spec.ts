// The main customer flows in Russian, with a screenshot of each screen at
// desktop width and at 375 px (Russian runs ~20–30 % longer than English:
// look at the screenshots for cut or overflowing labels).
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectNamedControls, screenshot, watchForPageErrors } from './support/page-helpers';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  email: `olga-${unique}@example.test`,
  password: 'correct horse battery',
  name: 'Ольга Смирнова',
  company: 'Гостиница «Север»',
};

/** No element of the page is wider than the window (a cut or overflowing label shows as that). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoHorizontalOverflow(page);
    await screenshot(page, `ru-${name}-${size}`);
  }
  await page.setViewportSize(DESKTOP);
}

test('a customer signs up in Russian and uses Support in Russian', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchForPageErrors(page);

  // The language is picked on the sign-up page, before there is a profile.
  await page.goto('/signup');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Регистрация в Textura' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.getByRole('button', { name: 'Создать аккаунт' }).click();
  await expect(page.getByText('Пароль должен быть не короче 8 символов.')).toBeVisible();
  await expectNamedControls(page);
  await shoot(page, 'signup-errors');

  await page.getByLabel('Ваше имя').fill(customer.name);
  await page.getByLabel('Название компании').fill(customer.company);
  await page.getByLabel('Рабочая почта').fill(customer.email);
  await page.getByLabel('Пароль').fill(customer.password);
  await page.getByRole('button', { name: 'Создать аккаунт' }).click();

  // Signed up: the profile took the chosen language, so a reload stays Russian.
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await expect(nav.getByRole('link', { name: 'Поддержка' })).toBeVisible();
  await page.evaluate(() => window.localStorage.removeItem('textura.locale'));
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Поддержка' })).toBeVisible();

  // Support: the help page, then a new ticket and its chat.
  await nav.getByRole('link', { name: 'Поддержка' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Поддержка' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Как работает поддержка' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ждём вашего ответа, или тикет только что создан' })).toBeVisible();
  await expectNamedControls(page);
  await shoot(page, 'support-help');

  await page.getByRole('link', { name: 'Новый тикет' }).click();
  await page.getByRole('button', { name: 'Создать тикет' }).click();
  await expect(page.getByText('Дайте тикету название.')).toBeVisible();
  await expectNamedControls(page);
  await shoot(page, 'new-ticket-errors');

  await page.getByLabel('Название').fill('Не открывается страница бронирования');
  await page.getByText('Вопрос о настройке или функциях').click();
  await page.getByLabel('Сообщение').fill('Ссылка открывает пустую страницу.');
  await page.getByRole('button', { name: 'Создать тикет' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Не открывается страница бронирования' })).toBeVisible();
  const ticket = page.getByRole('article');
  await expect(ticket.getByText('Ждёт клиента')).toBeVisible();
  await expect(ticket.getByText(/^Создан /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Отправить' })).toBeVisible();
  await expectNamedControls(page);
  await shoot(page, 'ticket');

  // Settings: English again, at once, and saved to the profile.
  await nav.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await shoot(page, 'settings');
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Account Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to your profile.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Account Settings' })).toBeVisible();

  expect(problems).toEqual([]);
});
