import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api-client';
import { ticketKeys } from './query-keys';

export const ticketsSummarySchema = z.object({
  unread_total: z.number().int().nonnegative(),
  counts: z.object({ on_customer: z.number().int(), done: z.number().int() }),
});
export type TicketsSummary = z.infer<typeof ticketsSummarySchema>;

export const ticketsSummaryQueryKey = ticketKeys.summary();

/** The caller's ticket summary, or null while the server has no tickets API (404). */
export async function getTicketsSummary(signal?: AbortSignal): Promise<TicketsSummary | null> {
  try {
    return await apiRequest('/tickets/summary', { schema: ticketsSummarySchema, signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

// Events keep it live; the poll only repairs a connection that silently died.
const REFRESH_MS = 60_000;

export function useTicketsSummary({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ticketsSummaryQueryKey,
    queryFn: ({ signal }) => getTicketsSummary(signal),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}
