import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { ticketEnvelopeSchema, type Ticket } from './ticket-schemas';

export async function getTicket(id: number, signal?: AbortSignal): Promise<Ticket> {
  const { ticket } = await apiRequest(`/tickets/${id}`, { schema: ticketEnvelopeSchema, signal });
  return ticket;
}

export function useTicket(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => getTicket(id, signal),
    enabled,
  });
}
