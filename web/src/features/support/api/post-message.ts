import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { addMessage } from './ticket-cache';
import { messageSchema, type Message } from './ticket-schemas';

const postedSchema = z.object({ message: messageSchema });

export async function postMessage({ ticketId, body }: { ticketId: number; body: string }): Promise<Message> {
  const { message } = await apiRequest(`/tickets/${ticketId}/messages`, {
    method: 'POST',
    body: { body },
    schema: postedSchema,
  });
  return message;
}

export function usePostMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postMessage,
    onSuccess: (message) => {
      addMessage(queryClient, message);
      // Who owes the next reply, and by when, changed with this message.
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(message.ticket_id) });
    },
    onError: (error, { ticketId }) => {
      // Closed meanwhile (409 ticket_closed): show the ticket as it is now.
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      }
    },
  });
}
