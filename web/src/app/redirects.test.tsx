import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '@/testing/fake-api';
import { customerSession, staffSession, unauthenticated } from '@/testing/fixtures';
import { renderApp } from './testing/render-app';

describe('redirects', () => {
  it('sends a visitor to sign in, then on to the page they asked for', async () => {
    const api = installFakeApi({
      'GET /api/v1/me': unauthenticated,
      'POST /api/v1/auth/login': { status: 200, body: customerSession() },
    });
    const app = renderApp('/channels?tab=telegram');
    expect(await screen.findByRole('heading', { name: 'Sign in to Textura' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login?next=%2Fchannels%3Ftab%3Dtelegram');

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'anna@acme.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Channels' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/channels?tab=telegram');
    expect(api.calls('POST /api/v1/auth/login')[0]?.body).toEqual({
      email: 'anna@acme.test',
      password: 'correct horse',
    });
  });

  it('keeps a signed-in user away from the sign-in and sign-up pages', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    const app = renderApp('/signup');
    expect(await screen.findByRole('heading', { level: 1, name: 'AI Employees' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/employees');
  });

  it('honours ?next= for a signed-in user on /login, but never to another site', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    const app = renderApp('/login?next=%2F%2Fevil.test');
    await screen.findByRole('heading', { level: 1, name: 'AI Employees' });
    expect(app.currentPath()).toBe('/employees');
  });

  it('opens the console queue as the staff home page', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: staffSession() } });
    const app = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Queue' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/console/queue');
  });

  it('shows a 404 page for an unknown address', async () => {
    installFakeApi({ 'GET /api/v1/me': unauthenticated });
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Textura' })).toHaveAttribute('href', '/');
  });

  it('asks to sign in again when the session ends while the app is open', async () => {
    const api = installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession() },
      'GET /api/v1/tickets/summary': unauthenticated,
    });
    const app = renderApp('/chats');
    await waitFor(() => expect(api.calls('GET /api/v1/tickets/summary')).toHaveLength(1));
    expect(await screen.findByRole('heading', { name: 'Sign in to Textura' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login?next=%2Fchats');
  });

  it('signs out to a plain sign-in page', async () => {
    const api = installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession() },
      'POST /api/v1/auth/logout': { status: 204 },
    });
    const app = renderApp('/settings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Textura' })).toBeInTheDocument();
    expect(app.currentPath()).toBe('/login');
    expect(api.calls('POST /api/v1/auth/logout')[0]?.headers['x-csrf-token']).toBe('csrf-customer-token');
  });
});
