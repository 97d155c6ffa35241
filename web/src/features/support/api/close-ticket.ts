import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { upsertTicket } from './ticket-cache';
import { ticketEnvelopeSchema, type Ticket } from './ticket-schemas';

/** Marks a ticket Done. Final: a Done ticket cannot be reopened. */
export async function closeTicket(ticketId: number): Promise<Ticket> {
  const { ticket } = await apiRequest(`/tickets/${ticketId}/close`, { method: 'POST', schema: ticketEnvelopeSchema });
  return ticket;
}

export function useCloseTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeTicket,
    onSuccess: (ticket) => {
      upsertTicket(queryClient, ticket);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.summary() });
    },
  });
}
