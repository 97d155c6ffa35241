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

export interface TicketFixture {
  id: number;
  title: string;
  status: 'on_customer' | 'done';
  category: 'critical' | 'question' | 'feature_request';
  account_id: number;
  account_name: string;
  employee_id: number | null;
  chat_url: string | null;
  follow_up_of: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  last_message_at: string;
  message_count: number;
  unread_count: number;
  awaiting: 'team' | 'customer' | null;
  reply_due_at: string | null;
}

export function ticket(overrides: Partial<TicketFixture> = {}): TicketFixture {
  return {
    id: 42,
    title: 'Booking link not working',
    status: 'on_customer',
    category: 'critical',
    account_id: 3,
    account_name: 'Acme Hotels',
    employee_id: null,
    chat_url: null,
    follow_up_of: null,
    created_at: '2026-11-23T09:00:00Z',
    updated_at: '2026-11-23T09:00:00Z',
    closed_at: null,
    last_message_at: '2026-11-23T09:00:00Z',
    message_count: 1,
    unread_count: 0,
    awaiting: 'team',
    reply_due_at: '2026-11-23T13:00:00Z',
    ...overrides,
  };
}

export interface MessageFixture {
  id: number;
  ticket_id: number;
  body: string;
  created_at: string;
  author: { id: number; name: string; side: 'customer' | 'team' };
  attachments: {
    id: number;
    filename: string;
    content_type: string;
    size: number;
    is_image: boolean;
    url: string;
    thumbnail_url: string | null;
  }[];
  references: number[];
}

export function message(overrides: Partial<MessageFixture> = {}): MessageFixture {
  return {
    id: 1,
    ticket_id: 42,
    body: 'The booking link opens a blank page.',
    created_at: '2026-11-23T09:00:00Z',
    author: { id: 7, name: 'Anna Petrova', side: 'customer' },
    attachments: [],
    references: [],
    ...overrides,
  };
}

export const teamAuthor = { id: 2, name: 'Ivan Support', side: 'team' as const };

export function page<T>(items: T[], nextCursor: string | null = null) {
  return { items, next_cursor: nextCursor };
}
