import type { QueueFilter } from '../utils/queue-filter';

/** Every console query starts with 'console', so one prefix refreshes them all. */
export const consoleKeys = {
  all: ['console'] as const,
  queues: () => ['console', 'queue'] as const,
  queue: (filter: QueueFilter) => ['console', 'queue', filter] as const,
  summary: () => ['console', 'summary'] as const,
  ticket: (id: number) => ['console', 'ticket', id] as const,
  messages: (id: number) => ['console', 'messages', id] as const,
  notes: (id: number) => ['console', 'notes', id] as const,
  history: (id: number) => ['console', 'history', id] as const,
  presence: (id: number) => ['console', 'presence', id] as const,
  account: (id: number) => ['console', 'account', id] as const,
  canned: () => ['console', 'canned'] as const,
  agents: () => ['console', 'agents'] as const,
};
