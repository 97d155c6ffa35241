import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { mergeById } from '../utils/thread';
import { consoleKeys } from './query-keys';
import {
  historyEntrySchema,
  listSchema,
  messageSchema,
  noteSchema,
  ticketEnvelopeSchema,
  type Message,
  type StaffTicket,
} from './schemas';

export async function getStaffTicket(id: number, signal?: AbortSignal): Promise<StaffTicket> {
  const { ticket } = await apiRequest(`/tickets/${id}`, { schema: ticketEnvelopeSchema, signal });
  return ticket;
}

export function useStaffTicket(id: number) {
  return useQuery({ queryKey: consoleKeys.ticket(id), queryFn: ({ signal }) => getStaffTicket(id, signal) });
}

const messagePageSchema = listSchema(messageSchema);
const PAGE_SIZE = 100;
const MAX_PAGES = 100;

/** Every message of the ticket, oldest first. */
export async function getMessages(ticketId: number, signal?: AbortSignal): Promise<Message[]> {
  const messages: Message[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    const last = messages.at(-1);
    if (last) params.set('after_id', String(last.id));
    const { items, next_cursor } = await apiRequest(`/tickets/${ticketId}/messages?${params.toString()}`, {
      schema: messagePageSchema,
      signal,
    });
    messages.push(...items);
    if (next_cursor === null || items.length === 0) break;
  }
  return messages;
}

export function useMessages(ticketId: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: consoleKeys.messages(ticketId),
    // Messages that arrived by event while the refetch ran are kept.
    queryFn: async ({ signal }) =>
      mergeById(
        await getMessages(ticketId, signal),
        queryClient.getQueryData<Message[]>(consoleKeys.messages(ticketId)) ?? [],
      ),
  });
}

const notesSchema = z.object({ items: z.array(noteSchema) });

export function useNotes(ticketId: number) {
  return useQuery({
    queryKey: consoleKeys.notes(ticketId),
    queryFn: async ({ signal }) => (await apiRequest(`/tickets/${ticketId}/notes`, { schema: notesSchema, signal })).items,
  });
}

const historySchema = z.object({ items: z.array(historyEntrySchema) });

export function useHistory(ticketId: number) {
  return useQuery({
    queryKey: consoleKeys.history(ticketId),
    queryFn: async ({ signal }) =>
      (await apiRequest(`/tickets/${ticketId}/history`, { schema: historySchema, signal })).items,
  });
}
