// Server events the console listens to (staff sessions only) and what each
// changes in its caches.
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { addMessage, addNote, refreshQueue, setViewers, upsertStaffTicket } from './console-cache';
import { consoleKeys } from './query-keys';
import { messageSchema, noteSchema, staffTicketSchema, viewerSchema, type StaffTicket } from './schemas';

export const consoleEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.updated'), ticket: staffTicketSchema }),
  z.object({ type: z.literal('ticket.message_created'), ticket_id: z.number().int(), message: messageSchema }),
  z.object({ type: z.literal('ticket.sla_breached'), ticket_id: z.number().int(), ticket: staffTicketSchema }),
  z.object({ type: z.literal('ticket.note_created'), ticket_id: z.number().int(), note: noteSchema }),
  z.object({ type: z.literal('ticket.presence'), ticket_id: z.number().int(), viewers: z.array(viewerSchema) }),
  z.object({
    type: z.literal('unread.changed'),
    ticket_id: z.number().int(),
    unread_count: z.number().int().nonnegative(),
    unread_total: z.number().int().nonnegative(),
  }),
]);
export type ConsoleEvent = z.infer<typeof consoleEventSchema>;

/** The console event in a frame; null for others and for malformed frames. */
export function parseConsoleEvent(data: unknown): ConsoleEvent | null {
  const parsed = consoleEventSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

function isTicketFrame(data: unknown): boolean {
  return typeof data === 'object' && data !== null && String((data as { type?: unknown }).type).startsWith('ticket.');
}

export function applyConsoleEvent(queryClient: QueryClient, event: ConsoleEvent): void {
  switch (event.type) {
    case 'ticket.updated':
    case 'ticket.sla_breached':
      upsertStaffTicket(queryClient, event.ticket);
      return;
    case 'ticket.message_created':
      addMessage(queryClient, { ...event.message, ticket_id: event.ticket_id });
      return;
    case 'ticket.note_created':
      addNote(queryClient, { ...event.note, ticket_id: event.ticket_id });
      return;
    case 'ticket.presence':
      setViewers(queryClient, event.ticket_id, event.viewers);
      return;
    case 'unread.changed':
      queryClient.setQueryData<StaffTicket>(consoleKeys.ticket(event.ticket_id), (ticket) =>
        ticket ? { ...ticket, unread_count: event.unread_count } : ticket,
      );
      refreshQueue(queryClient);
      return;
  }
}

/**
 * Applies a raw frame. A ticket frame this app cannot read (a server newer
 * or older than it) still means the queue changed: it is fetched again.
 */
export function handleConsoleFrame(queryClient: QueryClient, data: unknown): ConsoleEvent | null {
  const event = parseConsoleEvent(data);
  if (event) applyConsoleEvent(queryClient, event);
  else if (isTicketFrame(data)) refreshQueue(queryClient);
  return event;
}
