// Server answers shaped exactly like the API contract (docs: API.md).

export function customerSession(overrides: { theme?: string } = {}) {
  return {
    user: {
      id: 7,
      email: 'anna@acme.test',
      name: 'Anna Petrova',
      role: 'customer',
      theme: overrides.theme ?? 'light',
      locale: 'en',
      time_zone: 'Europe/Moscow',
    },
    account: { id: 3, name: 'Acme Hotels' },
    csrf_token: 'csrf-customer-token',
  };
}

export function staffSession(role: 'staff' | 'admin' = 'staff') {
  return {
    user: {
      id: 2,
      email: 'ivan@textura.test',
      name: 'Ivan Support',
      role,
      theme: 'system',
      locale: 'en',
      time_zone: 'Europe/Moscow',
    },
    account: null,
    csrf_token: 'csrf-staff-token',
  };
}

export const unauthenticated = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};
