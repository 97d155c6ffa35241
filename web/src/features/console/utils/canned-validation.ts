import { SHORTCUT_PATTERN } from './canned';

export interface CannedErrors {
  title?: string;
  body?: string;
  shortcut?: string;
}

/** The server's rules, checked before sending: title 1–100, text 1–5000, shortcut [a-z0-9_-]{1,32}. */
export function validateCanned(input: { title: string; body: string; shortcut: string | null }): CannedErrors {
  const errors: CannedErrors = {};
  if (input.title === '') errors.title = 'Give the reply a title.';
  else if (input.title.length > 100) errors.title = 'At most 100 characters.';
  if (input.body === '') errors.body = 'Write the reply’s text.';
  else if (input.body.length > 5000) errors.body = 'At most 5,000 characters.';
  if (input.shortcut !== null && !SHORTCUT_PATTERN.test(input.shortcut)) {
    errors.shortcut = 'Use 1–32 lower-case letters, digits, - or _.';
  }
  return errors;
}
