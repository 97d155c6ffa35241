import { isApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';

export interface DescribedError {
  /** The form field the error belongs to, when the server named one we show. */
  field?: string;
  message: string;
}

const SECONDS_PER_MINUTE = 60;

export function rateLimitMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return i18n.t('auth:error.rateLimitedLater');
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / SECONDS_PER_MINUTE));
  return i18n.t('auth:error.rateLimited', { count: minutes });
}

/**
 * Field messages may be fragments meant to follow the field's label
 * ("must be at least 8 characters"); shown under the field, they read as a sentence.
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** Turns a failed auth request into what the form should show, and where. */
export function describeAuthError(error: unknown, formFields: readonly string[]): DescribedError {
  if (!isApiError(error)) return { message: i18n.t('auth:error.unexpected') };
  if (error.status === 429) return { message: rateLimitMessage(error.retryAfterSeconds) };
  if (error.code === 'email_taken') return { field: 'email', message: asSentence(error.message) };
  if (error.field !== undefined && formFields.includes(error.field)) {
    return { field: error.field, message: asSentence(error.message) };
  }
  return { message: error.message };
}
