import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { addMessage } from './ticket-cache';
import { messageSchema, type Message } from './ticket-schemas';

const postedSchema = z.object({ message: messageSchema });

export interface PostMessageInput {
  ticketId: number;
  body: string;
  /** Uploaded files to send with it (at most 10); the body may then be empty. */
  attachmentIds?: readonly number[];
}

export async function postMessage({ ticketId, body, attachmentIds = [] }: PostMessageInput): Promise<Message> {
  const { message } = await apiRequest(`/tickets/${ticketId}/messages`, {
    method: 'POST',
    body: attachmentIds.length > 0 ? { body, attachment_ids: attachmentIds } : { body },
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
