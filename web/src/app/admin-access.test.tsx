import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '@/testing/fake-api';
import { customerSession, staffSession } from '@/testing/fixtures';
import { renderApp } from './testing/render-app';

describe('admin pages', () => {
  it.each(['/admin/staff', '/admin/sla', '/admin/audit-log'])('tell staff plainly they have no access to %s', async (path) => {
    const api = installFakeApi({ 'GET /api/v1/me': { status: 200, body: staffSession('staff') } });
    renderApp(path);
    expect(await screen.findByRole('heading', { name: 'No access' })).toBeInTheDocument();
    expect(screen.getByText('This page is only for admins. Your account cannot open it.')).toBeInTheDocument();
    // Nothing of the page is asked for: the server would answer 403 anyway.
    expect(api.requests.filter((r) => r.path.includes('/admin/') || r.path.includes('sla-settings'))).toEqual([]);
  });

  it('keeps customers out of the reports', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    renderApp('/support/reports');
    expect(await screen.findByRole('heading', { name: 'No access' })).toBeInTheDocument();
    expect(screen.getByText(/only for the support team/)).toBeInTheDocument();
  });

  it('opens the staff page for an admin', async () => {
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: staffSession('admin') },
      'GET /api/v1/admin/staff': { status: 200, body: { items: [] } },
    });
    renderApp('/admin/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No access' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create user' })).toBeInTheDocument();
  });

  it('loads the reports page (its own chunk) for staff, with today in the business zone', async () => {
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: staffSession('staff') },
      'GET /api/v1/support/sla-settings': {
        status: 200,
        body: {
          time_zone: 'Europe/Moscow',
          business_hours: [{ weekday: 1, start: '10:00', end: '19:00' }],
          targets: {
            critical: { minutes: 240, clock: 'calendar' },
            question: { minutes: 540, clock: 'business' },
            feature_request: { minutes: 1080, clock: 'business' },
          },
          warning_minutes: 60,
        },
      },
    });
    renderApp('/support/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Support reports' })).toBeInTheDocument();
    const moscowToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    expect(await screen.findByLabelText('To')).toHaveValue(moscowToday);
  });
});
