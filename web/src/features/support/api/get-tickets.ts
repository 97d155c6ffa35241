import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ticketListQuery, type TicketFilter } from '../utils/ticket-filter';
import { ticketKeys } from './query-keys';
import { ticketListSchema, type TicketPage } from './ticket-schemas';

export type TicketPages = InfiniteData<TicketPage, string | null>;

export function getTickets(filter: TicketFilter, cursor: string | null, signal?: AbortSignal): Promise<TicketPage> {
  return apiRequest(`/tickets?${ticketListQuery(filter, cursor)}`, { schema: ticketListSchema, signal });
}

/** The filtered ticket list, most recent activity first, a page at a time. */
export function useTickets(filter: TicketFilter) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(filter),
    queryFn: ({ pageParam, signal }) => getTickets(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While a new search loads, keep showing the last results instead of a spinner.
    placeholderData: keepPreviousData,
  });
}
