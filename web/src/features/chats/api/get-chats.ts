import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { chatListQuery, type ChatFilter } from '../utils/chat-filter';
import { chatListSchema, type ChatPage } from './chat-schemas';
import { chatKeys } from './query-keys';

export function getChats(filter: ChatFilter, cursor: string | null, signal?: AbortSignal): Promise<ChatPage> {
  return apiRequest(`/chats?${chatListQuery(filter, cursor)}`, { schema: chatListSchema, signal });
}

/** The filtered chats, most recent activity first, a page at a time. */
export function useChats(filter: ChatFilter, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: chatKeys.list(filter),
    queryFn: ({ pageParam, signal }) => getChats(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
