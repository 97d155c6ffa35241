// Staff-side API answers, shaped like the agreed console API.
import { ticket } from '@/testing/fixtures';
import type { CannedReply, Message, Note, StaffTicket } from '../api/schemas';

export function staffTicket(overrides: Partial<StaffTicket> = {}): StaffTicket {
  return {
    ...ticket(),
    assignee: null,
    account: { id: 3, name: 'Acme Hotels' },
    sla: { state: 'ok', due_at: '2026-11-23T13:00:00Z', business_seconds_left: 3 * 3600 },
    note_count: 0,
    ...overrides,
  };
}

export function staffMessage(overrides: Partial<Message> = {}): Message {
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

export function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 1,
    ticket_id: 42,
    body: 'Looks like the CDN again.',
    author: { id: 2, name: 'Ivan Support' },
    created_at: '2026-11-23T09:02:00Z',
    attachments: [],
    ...overrides,
  };
}

export function canned(overrides: Partial<CannedReply> = {}): CannedReply {
  return {
    id: 1,
    title: 'Thanks for waiting',
    body: 'Hello {{customer.first_name}}, thanks for waiting.',
    shortcut: 'thanks',
    shared: true,
    owner: { id: 2, name: 'Ivan Support' },
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...overrides,
  };
}
