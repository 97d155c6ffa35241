import { expect, test } from '@playwright/test';
import {
  DESKTOP,
  PHONE,
  chooseTheme,
  expectNamedControls,
  expectTheme,
  screenshot,
  signIn,
  signOut,
  watchForPageErrors,
} from './support/page-helpers';
import { createUserWithCli } from './support/textura-cli';

const SECTIONS = [
  { link: 'AI Employees', path: '/employees', heading: 'AI Employees', purpose: 'Create and manage your AI employees' },
  { link: 'Chats', path: '/chats', heading: 'Chats', purpose: 'Every conversation of your AI employees' },
  { link: 'Channels', path: '/channels', heading: 'Channels', purpose: 'Connect messaging platforms to your employees' },
  { link: 'Finance', path: '/finance', heading: 'Finance', purpose: 'Monitor word usage and spending' },
  { link: 'Support', path: '/support', heading: 'Support', purpose: 'real people, not a bot' },
  {
    link: 'Account Settings',
    path: '/settings',
    heading: 'Account Settings',
    purpose: 'Theme, security, integrations, and personal data',
  },
] as const;

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  email: `anna-${unique}@example.test`,
  password: 'correct horse battery',
  name: 'Anna Petrova',
  company: 'Acme Hotels',
};

test('a customer signs up, uses the shell, keeps a theme, signs out and back in', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const problems = watchForPageErrors(page);
  // Scripts and styles arrive compressed (the build's brotli/gzip variants).
  const assetCodings = new Map<string, string>();
  page.on('response', (response) => {
    if (/\/assets\/.+\.(js|css)$/.test(response.url())) {
      assetCodings.set(response.url(), response.headers()['content-encoding'] ?? 'identity');
    }
  });

  // A visitor asking for a section is sent to sign in, and remembered.
  await page.goto('/finance');
  await expect(page).toHaveURL(/\/login\?next=%2Ffinance$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Textura' })).toBeVisible();
  await expectTheme(page, 'light');
  await expectNamedControls(page);
  await screenshot(page, 'login-desktop-light');
  expect(assetCodings.size).toBeGreaterThan(2);
  for (const [url, coding] of assetCodings) expect(coding, url).toMatch(/^(br|gzip)$/);

  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Ffinance$/);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await expectNamedControls(page);
  await screenshot(page, 'signup-errors-desktop-light');

  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('Company name').fill(customer.company);
  await page.getByLabel('Work email').fill(customer.email);
  await page.getByLabel('Password').fill(customer.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  // Signed in, on the page first asked for.
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Finance' })).toBeVisible();

  // Every section: reachable from the navigation, with its heading and purpose.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(SECTIONS.map((s) => s.link));
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${section.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
    await expect(page.getByText(section.purpose)).toBeVisible();
    await expectNamedControls(page);
  }
  await nav.getByRole('link', { name: 'AI Employees' }).click();
  await screenshot(page, 'employees-desktop-light');

  // Profile and theme.
  await nav.getByRole('link', { name: 'Account Settings' }).click();
  const profile = page.getByRole('region', { name: 'Profile' });
  for (const text of [customer.name, customer.email, 'Customer', customer.company]) {
    await expect(profile).toContainText(text);
  }
  await screenshot(page, 'settings-desktop-light');
  await chooseTheme(page, 'Dark');
  await expectTheme(page, 'dark');
  await screenshot(page, 'settings-desktop-dark');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expectTheme(page, 'dark');
  await nav.getByRole('link', { name: 'AI Employees' }).click();
  await screenshot(page, 'employees-desktop-dark');

  // Sign out: the sign-in page keeps the last theme.
  await signOut(page);
  await expectTheme(page, 'dark');
  await screenshot(page, 'login-desktop-dark');

  await signIn(page, customer.email, 'not the password');
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, customer.email, customer.password);
  await expect(page).toHaveURL(/\/employees$/);
  await expectTheme(page, 'dark');

  // The theme belongs to the user, not only to this browser.
  const fresh = await browser.newContext({ colorScheme: 'light' });
  const other = await fresh.newPage();
  await other.goto('/login');
  await expectTheme(other, 'light');
  await signIn(other, customer.email, customer.password);
  await expect(other).toHaveURL(/\/employees$/);
  await expectTheme(other, 'dark');
  await fresh.close();

  // Phone width: the navigation folds into a menu button.
  await page.setViewportSize(PHONE);
  await expect(nav).toBeHidden();
  await screenshot(page, 'employees-phone-dark');
  const menu = page.getByRole('button', { name: 'Open navigation' });
  await menu.click();
  await expect(nav).toBeVisible();
  await expectNamedControls(page);
  await screenshot(page, 'menu-phone-dark', { fullPage: false });
  await nav.getByRole('link', { name: 'Account Settings' }).click();
  await expect(nav).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Account Settings' })).toBeVisible();
  await chooseTheme(page, 'Light');
  await expectTheme(page, 'light');
  await screenshot(page, 'settings-phone-light');
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await screenshot(page, 'menu-phone-light', { fullPage: false });
  await signOut(page);
  await screenshot(page, 'login-phone-light');

  // System follows the device.
  await signIn(page, customer.email, customer.password);
  await page.setViewportSize(DESKTOP);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account Settings' }).click();
  await chooseTheme(page, 'System');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectTheme(page, 'light');

  expect(problems).toEqual([]);
});

test('signing up twice with one email shows the error at the email field', async ({ page }) => {
  const email = `dup-${unique}@example.test`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Boris');
    await page.getByLabel('Company name').fill('Dup Ltd');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    if (attempt === 0) {
      await expect(page).toHaveURL(/\/employees$/);
      await signOut(page);
    }
  }
  const emailField = page.getByLabel('Work email');
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField).toHaveAccessibleDescription(/already/i);
  await expect(page).toHaveURL(/\/signup$/);
});

test('too many wrong passwords: the sign-in page says how long to wait', async ({ page }) => {
  await page.goto('/login');
  const email = `locked-${unique}@example.test`;
  // The server allows 5 failures per email per window (TEXTURA_LOGIN_MAX_FAILURES_PER_EMAIL).
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signIn(page, email, `wrong password ${attempt}`);
    await expect(page.getByRole('alert')).not.toHaveText(/Too many/);
  }
  await signIn(page, email, 'wrong password again');
  await expect(page.getByRole('alert')).toHaveText(/^Too many attempts, try again in \d+ minutes?\.$/);
  await screenshot(page, 'login-rate-limited-desktop-light');
});

test('a staff member sees the console queue first', async ({ page }) => {
  const staff = { email: `ivan-${unique}@textura.test`, password: 'staff password 1', name: 'Ivan Support' };
  createUserWithCli({ ...staff, role: 'staff' });

  await page.goto('/login');
  await signIn(page, staff.email, staff.password);
  await expect(page).toHaveURL(/\/console\/queue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  // Other specs' tickets may show an unread badge on Queue.
  await expect(links.first()).toHaveText(/^Queue/);
  await expect(links).toHaveText([
    /^Queue/,
    'My tickets',
    'Canned replies',
    'All tickets',
    'Reports',
    'AI Employees',
    'Chats',
    'Channels',
    'Finance',
    'Account Settings',
  ]);
  await screenshot(page, 'staff-desktop-light');

  await page.getByRole('link', { name: 'Account Settings' }).click();
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText('Support team');
});

test('an unknown address shows the 404 page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await screenshot(page, 'not-found-desktop-light');
  await page.getByRole('link', { name: 'Go to Textura' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
