import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorBody, installFakeApi } from '@/testing/fake-api';
import { renderWithQuery } from '@/testing/render-with-query';
import { LoginForm } from './login-form';

async function signIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'anna@acme.test');
  await user.type(screen.getByLabelText('Password'), 'wrong password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it('shows the server message for wrong credentials', async () => {
    installFakeApi({
      'POST /api/v1/auth/login': { status: 401, body: errorBody('invalid_credentials', 'Wrong email or password.') },
    });
    renderWithQuery(<LoginForm />);
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('says how long to wait when rate limited', async () => {
    installFakeApi({
      'POST /api/v1/auth/login': {
        status: 429,
        body: errorBody('rate_limited', 'Too many login attempts.'),
        headers: { 'Retry-After': '600' },
      },
    });
    renderWithQuery(<LoginForm />);
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 10 minutes.');
  });

  it('asks for missing fields before sending anything', async () => {
    const api = installFakeApi();
    renderWithQuery(<LoginForm />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(api.requests).toHaveLength(0);
  });
});
