// What an agent does to a ticket: reply, write a note, assign, take, close, read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api-client';
import { addMessage, addNote, refreshQueue, upsertStaffTicket } from './console-cache';
import { consoleKeys } from './query-keys';
import { messageSchema, noteSchema, ticketEnvelopeSchema, type StaffTicket } from './schemas';

export interface WriteInput {
  ticketId: number;
  body: string;
  attachmentIds?: readonly number[];
}

function writeBody({ body, attachmentIds = [] }: WriteInput) {
  return attachmentIds.length > 0 ? { body, attachment_ids: attachmentIds } : { body };
}

const postedMessageSchema = z.object({ message: messageSchema });
const postedNoteSchema = z.object({ note: noteSchema });

/** A reply the customer sees. */
export function usePostReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: WriteInput) =>
      (
        await apiRequest(`/tickets/${input.ticketId}/messages`, {
          method: 'POST',
          body: writeBody(input),
          schema: postedMessageSchema,
        })
      ).message,
    onSuccess: (message) => addMessage(queryClient, message),
    onError: (error, { ticketId }) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: consoleKeys.ticket(ticketId) });
      }
    },
  });
}

/** An internal note: for the team only, never sent to the customer. */
export function usePostNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: WriteInput) =>
      (
        await apiRequest(`/tickets/${input.ticketId}/notes`, {
          method: 'POST',
          body: writeBody(input),
          schema: postedNoteSchema,
        })
      ).note,
    onSuccess: (note) => addNote(queryClient, note),
  });
}

function useTicketChange(request: (ticketId: number, assigneeId: number | null) => Promise<StaffTicket>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, assigneeId = null }: { ticketId: number; assigneeId?: number | null }) =>
      request(ticketId, assigneeId),
    onSuccess: (ticket) => {
      upsertStaffTicket(queryClient, ticket);
      void queryClient.invalidateQueries({ queryKey: consoleKeys.agents() });
    },
    onError: (_error, { ticketId }) => void queryClient.invalidateQueries({ queryKey: consoleKeys.ticket(ticketId) }),
  });
}

export function useAssign() {
  return useTicketChange(
    async (ticketId, assigneeId) =>
      (
        await apiRequest(`/tickets/${ticketId}/assign`, {
          method: 'POST',
          body: { assignee_id: assigneeId },
          schema: ticketEnvelopeSchema,
        })
      ).ticket,
  );
}

export function useTake() {
  return useTicketChange(
    async (ticketId) =>
      (await apiRequest(`/tickets/${ticketId}/take`, { method: 'POST', schema: ticketEnvelopeSchema })).ticket,
  );
}

export function useCloseTicket() {
  return useTicketChange(
    async (ticketId) =>
      (await apiRequest(`/tickets/${ticketId}/close`, { method: 'POST', schema: ticketEnvelopeSchema })).ticket,
  );
}

const readSchema = z.object({ unread_count: z.number().int().nonnegative() });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticketId: number) =>
      apiRequest(`/tickets/${ticketId}/read`, { method: 'POST', schema: readSchema }),
    onSuccess: ({ unread_count }, ticketId) => {
      queryClient.setQueryData<StaffTicket>(consoleKeys.ticket(ticketId), (ticket) =>
        ticket ? { ...ticket, unread_count } : ticket,
      );
      refreshQueue(queryClient);
    },
  });
}
