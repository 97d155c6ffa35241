import { z } from 'zod';
import { setCsrfToken } from '@/lib/api-client';

export const roleSchema = z.enum(['customer', 'staff', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  theme: z.enum(['light', 'dark', 'system']),
  locale: z.enum(['en', 'ru']),
  time_zone: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const accountSchema = z.object({ id: z.number().int(), name: z.string() });
export type Account = z.infer<typeof accountSchema>;

/** The `{user, account, csrf_token}` body of signup, login, GET and PATCH /me. */
export const sessionSchema = z.object({
  user: userSchema,
  account: accountSchema.nullable(),
  csrf_token: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const meQueryKey = ['me'] as const;

/** Every session response carries the CSRF token later writes must send. */
export function rememberSession(session: Session): Session {
  setCsrfToken(session.csrf_token);
  return session;
}

export function isStaffRole(role: Role): boolean {
  return role === 'staff' || role === 'admin';
}
