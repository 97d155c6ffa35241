import { describe, expect, it } from 'vitest';
import { loginPathFor, safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps in-app paths with their query and hash', () => {
    expect(safeRedirectPath('/chats?employee=4#m12', '/')).toBe('/chats?employee=4#m12');
  });

  it.each([null, '', 'https://evil.test/', '//evil.test', '/\\evil.test', 'chats', '/login', '/signup?next=/x'])(
    'falls back for %j',
    (value) => {
      expect(safeRedirectPath(value, '/')).toBe('/');
    },
  );
});

describe('loginPathFor', () => {
  it('remembers where the visitor was going', () => {
    expect(loginPathFor('/finance?month=2026-11')).toBe('/login?next=%2Ffinance%3Fmonth%3D2026-11');
    expect(loginPathFor('/')).toBe('/login');
  });
});
