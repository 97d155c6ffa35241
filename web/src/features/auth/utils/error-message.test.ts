import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { describeAuthError, rateLimitMessage } from './error-message';

const FIELDS = ['email', 'password', 'name', 'company'];

describe('describeAuthError', () => {
  it('puts a field error next to that field', () => {
    const error = new ApiError({ status: 400, code: 'validation_failed', message: 'Too short.', field: 'password' });
    expect(describeAuthError(error, FIELDS)).toEqual({ field: 'password', message: 'Too short.' });
  });

  it('turns a server fragment into a sentence under the field', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'must be at least 8 characters',
      field: 'password',
    });
    expect(describeAuthError(error, FIELDS)).toEqual({ field: 'password', message: 'Must be at least 8 characters.' });
  });

  it('shows a taken email at the email field', () => {
    const error = new ApiError({ status: 409, code: 'email_taken', message: 'This email is already registered.' });
    expect(describeAuthError(error, FIELDS)).toEqual({ field: 'email', message: 'This email is already registered.' });
  });

  it('shows an error about a field the form does not have above the form', () => {
    const error = new ApiError({ status: 400, code: 'validation_failed', message: 'Bad locale.', field: 'locale' });
    expect(describeAuthError(error, FIELDS)).toEqual({ message: 'Bad locale.' });
  });

  it('shows the server message for wrong credentials', () => {
    const error = new ApiError({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password.' });
    expect(describeAuthError(error, ['email', 'password'])).toEqual({ message: 'Wrong email or password.' });
  });

  it('says how long to wait after too many attempts', () => {
    const error = new ApiError({ status: 429, code: 'rate_limited', message: 'Slow down', retryAfterSeconds: 240 });
    expect(describeAuthError(error, FIELDS).message).toBe('Too many attempts, try again in 4 minutes.');
  });
});

describe('rateLimitMessage', () => {
  it('rounds up to whole minutes', () => {
    expect(rateLimitMessage(30)).toBe('Too many attempts, try again in 1 minute.');
    expect(rateLimitMessage(61)).toBe('Too many attempts, try again in 2 minutes.');
    expect(rateLimitMessage(900)).toBe('Too many attempts, try again in 15 minutes.');
    expect(rateLimitMessage(undefined)).toBe('Too many attempts, try again later.');
  });
});
