import { describe, expect, it } from 'vitest';
import { loginFormSchema, signupFormSchema, validateForm } from './validation';

const valid = { email: 'anna@acme.test', password: 'correct horse', name: 'Anna', company: 'Acme' };

describe('sign-up form validation', () => {
  it('accepts a complete form and trims the text fields', () => {
    const result = validateForm(signupFormSchema, { ...valid, email: ' anna@acme.test ', name: ' Anna ' });
    expect(result).toEqual({ ok: true, data: { ...valid } });
  });

  it('asks for at least 8 password characters', () => {
    const result = validateForm(signupFormSchema, { ...valid, password: '1234567' });
    expect(result).toEqual({ ok: false, errors: { password: 'Use at least 8 characters.' } });
  });

  it('accepts exactly 8 characters', () => {
    expect(validateForm(signupFormSchema, { ...valid, password: '12345678' }).ok).toBe(true);
  });

  it('names every missing field', () => {
    const result = validateForm(signupFormSchema, { email: '', password: '', name: ' ', company: '' });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'Enter your email address.',
        password: 'Use at least 8 characters.',
        name: 'Enter your name.',
        company: 'Enter your company name.',
      },
    });
  });

  it('rejects a malformed email', () => {
    const result = validateForm(signupFormSchema, { ...valid, email: 'anna-at-acme' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.email).toMatch(/valid email/);
  });
});

describe('sign-in form validation', () => {
  it('needs an email and a password, of any length', () => {
    expect(validateForm(loginFormSchema, { email: 'a@b.co', password: 'x' }).ok).toBe(true);
    expect(validateForm(loginFormSchema, { email: '', password: '' })).toEqual({
      ok: false,
      errors: { email: 'Enter your email address.', password: 'Enter your password.' },
    });
  });
});
