import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { chatEnvelopeSchema, chatMessageListSchema, type ChatMessage } from './chat-schemas';
import { chatKeys } from './query-keys';

export function useChat(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: chatKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/chats/${id}`, { schema: chatEnvelopeSchema, signal }),
    enabled,
  });
}

// A thread longer than this shows its first part; chats are conversations, not archives.
const MAX_PAGES = 20;

/** The whole thread, oldest first (page by page). */
export async function getChatMessages(id: number, signal?: AbortSignal): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const result = await apiRequest(`/chats/${id}/messages?${query.toString()}`, {
      schema: chatMessageListSchema,
      signal,
    });
    messages.push(...result.items);
    cursor = result.next_cursor;
    if (!cursor) break;
  }
  return messages;
}

export function useChatMessages(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: chatKeys.messages(id),
    queryFn: ({ signal }) => getChatMessages(id, signal),
    enabled,
  });
}
