import { i18n } from '@/lib/i18n';
import { SHORTCUT_PATTERN } from './canned';

export interface CannedErrors {
  title?: string;
  body?: string;
  shortcut?: string;
}

/** The server's rules, checked before sending: title 1–100, text 1–5000, shortcut [a-z0-9_-]{1,32}. */
export function validateCanned(input: { title: string; body: string; shortcut: string | null }): CannedErrors {
  const t = i18n.getFixedT(null, 'console');
  const errors: CannedErrors = {};
  if (input.title === '') errors.title = t('cannedValidation.titleRequired');
  else if (input.title.length > 100) errors.title = t('cannedValidation.tooLong', { count: 100 });
  if (input.body === '') errors.body = t('cannedValidation.bodyRequired');
  else if (input.body.length > 5000) errors.body = t('cannedValidation.tooLong', { count: 5000 });
  if (input.shortcut !== null && !SHORTCUT_PATTERN.test(input.shortcut)) {
    errors.shortcut = t('cannedValidation.shortcut');
  }
  return errors;
}
