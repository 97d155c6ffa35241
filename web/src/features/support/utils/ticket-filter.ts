import type { Ticket, TicketStatus } from '../api/ticket-schemas';

export type StatusFilter = 'all' | TicketStatus;

/** What the ticket list shows: a status filter and a title search. */
export interface TicketFilter {
  status: StatusFilter;
  /** Trimmed search text; '' for no search. */
  q: string;
}

/** The filter's options, with their names in the `support` catalog. */
export const STATUS_FILTERS = [
  { value: 'all', label: 'list.all' },
  { value: 'on_customer', label: 'tickets:status.on_customer' },
  { value: 'done', label: 'tickets:status.done' },
] as const satisfies readonly { value: StatusFilter; label: string }[];

export const TICKET_PAGE_SIZE = 20;

export function normalizeFilter(status: StatusFilter, search: string): TicketFilter {
  return { status, q: search.trim() };
}

/** The query string of `GET /tickets` for one page of a filtered list. */
export function ticketListQuery(filter: TicketFilter, cursor?: string | null, limit = TICKET_PAGE_SIZE): string {
  const params = new URLSearchParams({ status: filter.status });
  if (filter.q !== '') params.set('q', filter.q);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/**
 * Whether the server would list `ticket` under `filter`: the status, and the
 * title containing the search text in any letter case (Latin and Cyrillic alike).
 */
export function ticketMatchesFilter(ticket: Ticket, filter: TicketFilter): boolean {
  if (filter.status !== 'all' && ticket.status !== filter.status) return false;
  if (filter.q === '') return true;
  return ticket.title.toLocaleLowerCase().includes(filter.q.toLocaleLowerCase());
}

/** Most recent activity first, as the server lists them. */
export function compareByActivity(a: Ticket, b: Ticket): number {
  return Date.parse(b.last_message_at) - Date.parse(a.last_message_at) || b.id - a.id;
}
