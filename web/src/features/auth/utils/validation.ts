// Messages are keys of the `auth` catalog, translated when the form is checked.
import type { ParseKeys } from 'i18next';
import { z } from 'zod';
import { i18n } from '@/lib/i18n';

export const MIN_PASSWORD_LENGTH = 8;

const email = z
  .string()
  .trim()
  .min(1, 'validation.emailRequired')
  .pipe(z.email('validation.emailInvalid'));

export const loginFormSchema = z.object({
  email,
  password: z.string().min(1, 'validation.passwordRequired'),
});
export type LoginFormValues = z.input<typeof loginFormSchema>;

export const signupFormSchema = z.object({
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, 'validation.passwordShort'),
  name: z.string().trim().min(1, 'validation.nameRequired'),
  company: z.string().trim().min(1, 'validation.companyRequired'),
});
export type SignupFormValues = z.input<typeof signupFormSchema>;

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

export type ValidationResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors<T> };

/** Runs a form schema and keeps the first message per field, in the interface language. */
export function validateForm<S extends z.ZodObject>(
  schema: S,
  values: z.input<S>,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) {
      const key = issue.message as ParseKeys<'auth'>;
      errors[field] = i18n.t(key, { ns: 'auth', count: MIN_PASSWORD_LENGTH });
    }
  }
  return { ok: false, errors: errors as FieldErrors<z.output<S>> };
}
