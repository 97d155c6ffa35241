import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { ticketKeys } from './query-keys';
import { mergeMessages } from './ticket-cache';
import { listSchema, messageSchema, type Message } from './ticket-schemas';

const messagePageSchema = listSchema(messageSchema);
const PAGE_SIZE = 100;
// A runaway guard: 100 pages is 10,000 messages, far past any real ticket.
const MAX_PAGES = 100;

/** Every message of a ticket, oldest first, paging forward with `after_id`. */
export async function getTicketMessages(ticketId: number, signal?: AbortSignal): Promise<Message[]> {
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

/**
 * Messages are never edited or deleted, so a refetch only adds: messages that
 * arrived by event while it was under way (newer than anything it returned) stay.
 */
export function keepNewerMessages(fetched: Message[], cached: readonly Message[] | undefined): Message[] {
  const newestFetched = fetched.at(-1)?.id ?? 0;
  const newer = (cached ?? []).filter((message) => message.id > newestFetched);
  return newer.length === 0 ? fetched : mergeMessages(fetched, newer);
}

export function useTicketMessages(ticketId: number, { enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ticketKeys.messages(ticketId),
    queryFn: async ({ signal }) =>
      keepNewerMessages(
        await getTicketMessages(ticketId, signal),
        queryClient.getQueryData<Message[]>(ticketKeys.messages(ticketId)),
      ),
    enabled,
  });
}
