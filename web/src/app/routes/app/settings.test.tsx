import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '@/features/theme/utils/theme-storage';
import { initTheme, resetThemeForTests } from '@/features/theme/utils/theme-store';
import { errorBody, installFakeApi, type RecordedRequest } from '@/testing/fake-api';
import { customerSession } from '@/testing/fixtures';
import { installMatchMedia } from '@/testing/match-media';
import { renderApp } from '../../testing/render-app';

const shownTheme = () => document.documentElement.dataset.theme;

function patchMe(request: RecordedRequest) {
  const theme = (request.body as { theme: string }).theme;
  return { status: 200, body: customerSession({ theme }) };
}

describe('Account Settings', () => {
  beforeEach(() => {
    resetThemeForTests();
  });

  it('shows the profile', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    renderApp('/settings');
    const profile = await screen.findByRole('region', { name: 'Profile' });
    expect(profile).toHaveTextContent('Anna Petrova');
    expect(profile).toHaveTextContent('anna@acme.test');
    expect(profile).toHaveTextContent('Customer');
    expect(profile).toHaveTextContent('Acme Hotels');
  });

  it('applies the saved theme of the user, over the one on this device', async () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'light');
    initTheme();
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession({ theme: 'dark' }) } });
    renderApp('/settings');
    expect(await screen.findByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(shownTheme()).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('switches to dark at once and saves it to the profile with the CSRF token', async () => {
    initTheme();
    const api = installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession({ theme: 'light' }) },
      'PATCH /api/v1/me': patchMe,
    });
    renderApp('/settings');
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(shownTheme()).toBe('dark');
    expect(await screen.findByText('Saved to your profile.')).toBeInTheDocument();
    const [request] = api.calls('PATCH /api/v1/me');
    expect(request?.body).toEqual({ theme: 'dark' });
    expect(request?.headers['x-csrf-token']).toBe('csrf-customer-token');
  });

  it('with System, follows the device live', async () => {
    const media = installMatchMedia(false);
    initTheme();
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession({ theme: 'light' }) },
      'PATCH /api/v1/me': patchMe,
    });
    renderApp('/settings');
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'System' }));
    await screen.findByText('Saved to your profile.');
    expect(shownTheme()).toBe('light');
    media.setPrefersDark(true);
    expect(shownTheme()).toBe('dark');
  });

  it('goes back to the previous theme when saving fails', async () => {
    initTheme();
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession({ theme: 'light' }) },
      'PATCH /api/v1/me': { status: 403, body: errorBody('csrf_failed', 'Your session token is stale.') },
    });
    renderApp('/settings');
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save the theme: Your session token is stale.');
    await waitFor(() => expect(shownTheme()).toBe('light'));
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
  });
});
