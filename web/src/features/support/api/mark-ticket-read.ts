import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { setUnread } from './ticket-cache';

const readSchema = z.object({ unread_count: z.number().int().nonnegative() });

export function markTicketRead(ticketId: number): Promise<z.infer<typeof readSchema>> {
  return apiRequest(`/tickets/${ticketId}/read`, { method: 'POST', schema: readSchema });
}

export function useMarkTicketRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markTicketRead,
    onSuccess: ({ unread_count }, ticketId) => {
      setUnread(queryClient, ticketId, unread_count);
      // The total comes from the server (an event usually brings it first).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.summary() });
    },
  });
}
