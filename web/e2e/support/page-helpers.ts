import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { screenshotDir } from './env';

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/** Saves web/test-results/screenshots/<name>.png; `fullPage: false` for overlays. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // A full-page capture of a scrolled page draws the fixed sidebar mid-page.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage, animations: 'disabled' });
}

const CONTROL_WITHOUT_NAME = /^\s*- (button|link|textbox|radio|checkbox|combobox|switch|tab|menuitem)(\s*\[[^\]]*\])?:?$/m;

/** Every control on the page has an accessible name (label, aria-label or text). */
export async function expectNamedControls(page: Page): Promise<void> {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree.match(CONTROL_WITHOUT_NAME)?.[0] ?? null, tree).toBeNull();
}

/** Fails the test on uncaught errors and Content-Security-Policy violations. */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  return problems;
}

export async function expectTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Textura' })).toBeVisible();
}

export async function chooseTheme(page: Page, theme: 'Light' | 'Dark' | 'System'): Promise<void> {
  await page.getByRole('radio', { name: theme }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to your profile.' })).toBeVisible();
}

export interface NewCustomer {
  name: string;
  company: string;
  email: string;
  password: string;
}

/** Creates a customer account through the sign-up page; ends signed in. */
export async function signUp(page: Page, customer: NewCustomer): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('Company name').fill(customer.company);
  await page.getByLabel('Work email').fill(customer.email);
  await page.getByLabel('Password').fill(customer.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
