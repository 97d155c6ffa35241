import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '@/testing/fake-api';
import { customerSession } from '@/testing/fixtures';
import { renderApp } from './testing/render-app';

describe('interface language', () => {
  it('switches the whole app to Russian at once from Settings and saves it to the profile', async () => {
    const session = customerSession();
    const api = installFakeApi({
      'GET /api/v1/me': { status: 200, body: session },
      'PATCH /api/v1/me': { status: 200, body: { ...session, user: { ...session.user, locale: 'ru' } } },
    });
    renderApp('/settings');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Support' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');

    const russianNav = await screen.findByRole('navigation', { name: 'Основное меню' });
    expect(within(russianNav).getByRole('link', { name: 'Поддержка' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Настройки', level: 1 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');
    expect(api.calls('PATCH /api/v1/me').map((call) => call.body)).toEqual([{ locale: 'ru' }]);
  });

  it('follows the profile language when the session says Russian', async () => {
    const session = customerSession();
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: { ...session, user: { ...session.user, locale: 'ru' } } } });
    renderApp('/support');
    expect(await screen.findByRole('heading', { name: 'Поддержка', level: 1 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');
  });

  it('offers the language on the sign-in page before sign-in, and remembers it', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in' } } } });
    renderApp('/login');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ru');
    expect(await screen.findByRole('heading', { name: 'Вход в Textura' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Войти' })).toBeInTheDocument();
    expect(window.localStorage.getItem('textura.locale')).toBe('ru');
  });
});
