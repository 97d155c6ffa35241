import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '@/testing/fake-api';
import { customerSession, staffSession } from '@/testing/fixtures';
import { renderApp } from './testing/render-app';

async function navLinkNames() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('navigation', () => {
  it('shows a customer the product sections, Support near the end', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    renderApp('/employees');
    expect(await navLinkNames()).toEqual([
      'AI Employees',
      'Chats',
      'Channels',
      'Finance',
      'Support',
      'Account Settings',
    ]);
    expect(screen.getByText('Acme Hotels')).toBeInTheDocument();
  });

  it.each(['staff', 'admin'] as const)('puts the console first for %s', async (role) => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: staffSession(role) } });
    renderApp('/employees');
    const names = await navLinkNames();
    expect(names.slice(0, 4)).toEqual(['Queue', 'My tickets', 'Canned replies', 'All tickets']);
    expect(names).not.toContain('Support');
    expect(names).toContain('Account Settings');
  });

  it('shows the unread total on Support when the server has tickets', async () => {
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession() },
      'GET /api/v1/tickets/summary': { status: 200, body: { unread_total: 3, counts: { on_customer: 2, done: 5 } } },
    });
    renderApp('/employees');
    expect(await screen.findByRole('link', { name: /^Support\s*\(3 unread\)$/ })).toBeInTheDocument();
    expect(screen.getByTestId('count-badge')).toHaveTextContent('3');
  });

  it('hides the badge while the tickets API does not exist (404) or nothing is unread', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    renderApp('/employees');
    expect(await screen.findByRole('link', { name: 'Support' })).toBeInTheDocument();
    expect(screen.queryByTestId('count-badge')).not.toBeInTheDocument();
  });

  it('opens the Channels section on its page, with the connect form and no invented channels', async () => {
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: customerSession() },
      'GET /api/v1/channels': { status: 200, body: { items: [], next_cursor: null } },
    });
    renderApp('/channels');
    expect(await screen.findByRole('heading', { level: 1, name: 'Channels' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Connect a Telegram bot' })).toBeInTheDocument();
    expect(screen.queryByText(/is not available in this version/)).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
