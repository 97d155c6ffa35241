import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 8;

const email = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .pipe(z.email('Enter a valid email address, like name@company.com.'));

export const loginFormSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.'),
});
export type LoginFormValues = z.input<typeof loginFormSchema>;

export const signupFormSchema = z.object({
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
  name: z.string().trim().min(1, 'Enter your name.'),
  company: z.string().trim().min(1, 'Enter your company name.'),
});
export type SignupFormValues = z.input<typeof signupFormSchema>;

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

export type ValidationResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors<T> };

/** Runs a form schema and keeps the first message per field. */
export function validateForm<S extends z.ZodObject>(
  schema: S,
  values: z.input<S>,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field] = issue.message;
  }
  return { ok: false, errors: errors as FieldErrors<z.output<S>> };
}
