// Writes into the ticket caches: what a server event, a sent message or a
// read receipt changes, applied without refetching. Components only read.
import type { QueryClient } from '@tanstack/react-query';
import { compareByActivity, ticketMatchesFilter, type TicketFilter } from '../utils/ticket-filter';
import type { TicketPages } from './get-tickets';
import type { TicketsSummary } from './get-tickets-summary';
import { ticketKeys } from './query-keys';
import type { Message, Ticket } from './ticket-schemas';

/** `incoming` added to `existing`: each message once, in id (= creation) order. */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function mapTickets(data: TicketPages, update: (ticket: Ticket) => Ticket): TicketPages {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(update) })) };
}

function containsTicket(data: TicketPages, id: number): boolean {
  return data.pages.some((page) => page.items.some((item) => item.id === id));
}

/**
 * `ticket` placed in a loaded list: replaced where it was, moved when its
 * activity changed, dropped when it no longer matches the filter, and added
 * when it newly does — unless it belongs past the pages loaded so far.
 */
export function upsertTicketInPages(data: TicketPages, ticket: Ticket, filter: TicketFilter): TicketPages {
  const existing = data.pages.flatMap((page) => page.items).find((item) => item.id === ticket.id);
  const matches = ticketMatchesFilter(ticket, filter);
  if (existing && matches && existing.last_message_at === ticket.last_message_at) {
    return mapTickets(data, (item) => (item.id === ticket.id ? ticket : item));
  }
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== ticket.id) }));
  if (!matches) return { ...data, pages };

  for (const [index, page] of pages.entries()) {
    const position = page.items.findIndex((item) => compareByActivity(ticket, item) < 0);
    const isLastLoaded = index === pages.length - 1;
    if (position >= 0 || (isLastLoaded && page.next_cursor === null)) {
      const items = [...page.items];
      items.splice(position >= 0 ? position : items.length, 0, ticket);
      pages[index] = { ...page, items };
      return { ...data, pages };
    }
  }
  return { ...data, pages };
}

function listEntries(queryClient: QueryClient) {
  return queryClient.getQueriesData<TicketPages>({ queryKey: ticketKeys.lists() });
}

function filterOfListKey(key: readonly unknown[]): TicketFilter | null {
  const filter = key[2] as TicketFilter | undefined;
  return filter && typeof filter.status === 'string' && typeof filter.q === 'string' ? filter : null;
}

/** A new or changed ticket, as the server now reports it to this user. */
export function upsertTicket(queryClient: QueryClient, ticket: Ticket): void {
  queryClient.setQueryData<Ticket>(ticketKeys.detail(ticket.id), ticket);
  for (const [key, data] of listEntries(queryClient)) {
    const filter = filterOfListKey(key);
    if (!data || !filter) continue;
    queryClient.setQueryData<TicketPages>(key, upsertTicketInPages(data, ticket, filter));
  }
}

/**
 * A message written in a ticket (by anyone, this user included). Returns
 * whether the ticket was known to the caches; when it was not, the caller
 * should refetch the lists.
 */
export function addMessage(queryClient: QueryClient, message: Message): boolean {
  queryClient.setQueryData<Message[]>(ticketKeys.messages(message.ticket_id), (messages) =>
    messages ? mergeMessages(messages, [message]) : messages,
  );
  const touch = (ticket: Ticket): Ticket =>
    ticket.id === message.ticket_id && Date.parse(message.created_at) > Date.parse(ticket.last_message_at)
      ? { ...ticket, last_message_at: message.created_at }
      : ticket;

  let known = false;
  const detail = queryClient.getQueryData<Ticket>(ticketKeys.detail(message.ticket_id));
  if (detail) {
    known = true;
    queryClient.setQueryData<Ticket>(ticketKeys.detail(message.ticket_id), touch(detail));
  }
  for (const [key, data] of listEntries(queryClient)) {
    const filter = filterOfListKey(key);
    if (!data || !filter) continue;
    const ticket = data.pages.flatMap((page) => page.items).find((item) => item.id === message.ticket_id);
    if (!ticket) continue;
    known = true;
    queryClient.setQueryData<TicketPages>(key, upsertTicketInPages(data, touch(ticket), filter));
  }
  return known;
}

/** The unread count of one ticket and, when known, the user's total. */
export function setUnread(
  queryClient: QueryClient,
  ticketId: number,
  unreadCount: number,
  unreadTotal?: number,
): void {
  const update = (ticket: Ticket): Ticket =>
    ticket.id === ticketId && ticket.unread_count !== unreadCount ? { ...ticket, unread_count: unreadCount } : ticket;
  queryClient.setQueryData<Ticket>(ticketKeys.detail(ticketId), (ticket) => (ticket ? update(ticket) : ticket));
  for (const [key, data] of listEntries(queryClient)) {
    if (data && containsTicket(data, ticketId)) queryClient.setQueryData<TicketPages>(key, mapTickets(data, update));
  }
  if (unreadTotal !== undefined) {
    queryClient.setQueryData<TicketsSummary | null>(ticketKeys.summary(), (summary) =>
      summary ? { ...summary, unread_total: unreadTotal } : summary,
    );
  }
}

/** Everything shown about tickets, fetched again (after missed events). */
export function refreshTickets(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ticketKeys.all });
}
