import type { TicketFilter } from '../utils/ticket-filter';

/** Every ticket query starts with 'tickets', so one prefix refreshes them all. */
export const ticketKeys = {
  all: ['tickets'] as const,
  summary: () => ['tickets', 'summary'] as const,
  lists: () => ['tickets', 'list'] as const,
  list: (filter: TicketFilter) => ['tickets', 'list', filter] as const,
  details: () => ['tickets', 'detail'] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  messages: (id: number) => ['tickets', 'messages', id] as const,
};
