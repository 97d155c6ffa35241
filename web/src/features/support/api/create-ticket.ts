import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { messageSchema, ticketSchema, type RequestType } from './ticket-schemas';

export interface CreateTicketInput {
  title: string;
  body: string;
  category: RequestType;
  employee_id?: number;
  chat_url?: string;
  follow_up_of?: number;
  /** Uploaded files to send with the first message (at most 10). */
  attachment_ids?: number[];
}

const createdSchema = z.object({ ticket: ticketSchema, message: messageSchema });
export type CreatedTicket = z.infer<typeof createdSchema>;

export function createTicket(input: CreateTicketInput): Promise<CreatedTicket> {
  return apiRequest('/tickets', { method: 'POST', body: input, schema: createdSchema });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: ({ ticket, message }) => {
      queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
      queryClient.setQueryData(ticketKeys.messages(ticket.id), [message]);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.summary() });
    },
  });
}
