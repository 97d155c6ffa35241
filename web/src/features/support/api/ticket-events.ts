// Server events about tickets (docs: API.md, "Events") and what each one
// changes in the caches.
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { addMessage, setUnread, upsertTicket } from './ticket-cache';
import { ticketKeys } from './query-keys';
import { messageSchema, ticketSchema } from './ticket-schemas';

export const ticketEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.message_created'), ticket_id: z.number().int(), message: messageSchema }),
  z.object({ type: z.literal('ticket.updated'), ticket: ticketSchema }),
  z.object({
    type: z.literal('unread.changed'),
    ticket_id: z.number().int(),
    unread_count: z.number().int().nonnegative(),
    unread_total: z.number().int().nonnegative(),
  }),
]);
export type TicketEvent = Readonly<z.infer<typeof ticketEventSchema>>;

/** The ticket event in a frame, or null for other events and malformed frames. */
export function parseTicketEvent(data: unknown): TicketEvent | null {
  const parsed = ticketEventSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function applyTicketEvent(queryClient: QueryClient, event: TicketEvent): void {
  switch (event.type) {
    case 'ticket.message_created': {
      const known = addMessage(queryClient, { ...event.message, ticket_id: event.ticket_id });
      // A ticket this page has not seen yet (e.g. just created by a customer):
      // the lists fetch it, in its place.
      if (!known) void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      return;
    }
    case 'ticket.updated':
      upsertTicket(queryClient, event.ticket);
      return;
    case 'unread.changed':
      setUnread(queryClient, event.ticket_id, event.unread_count, event.unread_total);
      return;
  }
}

/** Applies a raw frame from the events socket; ignores what is not a ticket event. */
export function handleEventFrame(queryClient: QueryClient, data: unknown): void {
  const event = parseTicketEvent(data);
  if (event) applyTicketEvent(queryClient, event);
}
