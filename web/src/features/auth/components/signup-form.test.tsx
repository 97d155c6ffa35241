import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { errorBody, installFakeApi } from '@/testing/fake-api';
import { customerSession } from '@/testing/fixtures';
import { renderWithQuery } from '@/testing/render-with-query';
import { meQueryKey } from '../api/session';
import { SignupForm } from './signup-form';

async function fillForm(password = 'correct horse') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Your name'), 'Anna Petrova');
  await user.type(screen.getByLabelText('Company name'), 'Acme Hotels');
  await user.type(screen.getByLabelText('Work email'), 'anna@acme.test');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignupForm', () => {
  it('explains a short password without asking the server', async () => {
    const api = installFakeApi();
    renderWithQuery(<SignupForm />);
    await fillForm('short');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 8 characters.');
    expect(screen.getByLabelText('Password')).toBeInvalid();
    expect(api.requests).toHaveLength(0);
  });

  it('sends exactly the documented fields and signs the user in', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/signup': { status: 201, body: customerSession() } });
    const { queryClient } = renderWithQuery(<SignupForm />);
    await fillForm();
    await vi.waitFor(() => expect(queryClient.getQueryData(meQueryKey)).toEqual(customerSession()));
    expect(api.calls('POST /api/v1/auth/signup')[0]?.body).toEqual({
      email: 'anna@acme.test',
      password: 'correct horse',
      name: 'Anna Petrova',
      company: 'Acme Hotels',
    });
  });

  it('shows a taken email next to the email field', async () => {
    installFakeApi({
      'POST /api/v1/auth/signup': { status: 409, body: errorBody('email_taken', 'This email is already registered.') },
    });
    renderWithQuery(<SignupForm />);
    await fillForm();
    expect(await screen.findByText('This email is already registered.')).toBeInTheDocument();
    expect(screen.getByLabelText('Work email')).toHaveAccessibleDescription('This email is already registered.');
  });

  it('shows a server field error next to the field it names', async () => {
    installFakeApi({
      'POST /api/v1/auth/signup': {
        status: 400,
        body: errorBody('validation_failed', 'Company name is too long.', 'company'),
      },
    });
    renderWithQuery(<SignupForm />);
    await fillForm();
    expect(await screen.findByText('Company name is too long.')).toBeInTheDocument();
    expect(screen.getByLabelText('Company name')).toHaveAccessibleDescription('Company name is too long.');
  });
});
