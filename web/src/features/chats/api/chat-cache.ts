// What a new message or a changed chat does to the cached queries.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { EMPTY_STREAM, applyDelta, finishReply, type ChatStream, type ReplyDelta } from '../utils/reply-stream';
import type { Chat, ChatMessage, ChatPage } from './chat-schemas';
import { chatKeys } from './query-keys';

/** Adds a message to its chat's thread once, in id order. */
export function addChatMessage(queryClient: QueryClient, message: ChatMessage): void {
  queryClient.setQueryData<ChatMessage[]>(chatKeys.messages(message.chat_id), (old) => {
    if (!old) return old;
    if (old.some((existing) => existing.id === message.id)) return old;
    return [...old, message].sort((a, b) => a.id - b.id);
  });
}

/** Puts the chat's new state wherever it is shown. */
export function upsertChat(queryClient: QueryClient, chat: Chat): void {
  queryClient.setQueryData(chatKeys.detail(chat.id), { chat });
  queryClient.setQueriesData<InfiniteData<ChatPage, string | null>>({ queryKey: chatKeys.lists() }, (old) => {
    if (!old) return old;
    return {
      ...old,
      pages: old.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === chat.id ? chat : item)),
      })),
    };
  });
}

export function streamOf(queryClient: QueryClient, chatId: number): ChatStream {
  return queryClient.getQueryData<ChatStream>(chatKeys.stream(chatId)) ?? EMPTY_STREAM;
}

export function addReplyDelta(queryClient: QueryClient, chatId: number, delta: ReplyDelta): void {
  const before = streamOf(queryClient, chatId);
  const after = applyDelta(before, delta);
  if (after !== before) queryClient.setQueryData(chatKeys.stream(chatId), after);
}

export function finishStreamingReply(queryClient: QueryClient, chatId: number, replyId: string | null): void {
  const before = streamOf(queryClient, chatId);
  const after = finishReply(before, replyId);
  if (after !== before) queryClient.setQueryData(chatKeys.stream(chatId), after);
}

/** After a reconnect: what was missed is fetched again; half-streamed replies are dropped. */
export async function refreshChats(queryClient: QueryClient): Promise<void> {
  queryClient.setQueriesData<ChatStream>({ queryKey: ['chat-streams'] }, EMPTY_STREAM);
  await queryClient.invalidateQueries({ queryKey: chatKeys.all });
}
