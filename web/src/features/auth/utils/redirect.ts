import { REDIRECT_PARAM, paths } from '@/config/paths';

/**
 * The in-app path to return to after signing in. Anything that is not a plain
 * same-origin path (`//evil.example`, `https://…`, `/\\evil`) falls back to the
 * default, so the parameter cannot send users to another site.
 */
export function safeRedirectPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  if (value === paths.login || value.startsWith(`${paths.login}?`)) return fallback;
  if (value === paths.signup || value.startsWith(`${paths.signup}?`)) return fallback;
  return value;
}

/** `/login?next=<the page the visitor wanted>`, or plain `/login` for the home page. */
export function loginPathFor(intended: string): string {
  if (intended === paths.home || intended === '') return paths.login;
  return `${paths.login}?${new URLSearchParams({ [REDIRECT_PARAM]: intended }).toString()}`;
}
