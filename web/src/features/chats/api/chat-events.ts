// Server events about chats and what each one changes in the caches.
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { addChatMessage, addReplyDelta, finishStreamingReply, upsertChat } from './chat-cache';
import { chatMessageSchema, chatSchema } from './chat-schemas';
import { chatKeys } from './query-keys';

export const chatEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('chat.message_created'),
    chat_id: z.number().int(),
    message: chatMessageSchema,
    reply_id: z.string().nullish(),
  }),
  z.object({ type: z.literal('chat.updated'), chat: chatSchema }),
  z.object({
    type: z.literal('chat.reply_delta'),
    chat_id: z.number().int(),
    reply_id: z.string(),
    text: z.string(),
    seq: z.number().int().nullish(),
  }),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;

export function parseChatEvent(data: unknown): ChatEvent | null {
  const parsed = chatEventSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function applyChatEvent(queryClient: QueryClient, event: ChatEvent): void {
  switch (event.type) {
    case 'chat.reply_delta':
      addReplyDelta(queryClient, event.chat_id, { replyId: event.reply_id, text: event.text, seq: event.seq });
      return;
    case 'chat.message_created': {
      const message = { ...event.message, chat_id: event.chat_id };
      // The stored reply (or the system message saying why there is none) replaces the bubble.
      if (message.author.kind === 'employee' || message.author.kind === 'system') {
        finishStreamingReply(queryClient, event.chat_id, event.reply_id ?? null);
      }
      addChatMessage(queryClient, message);
      // The list is ordered by activity and shows counts: fetch it again.
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists() });
      return;
    }
    case 'chat.updated':
      upsertChat(queryClient, event.chat);
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists() });
      return;
  }
}

export function handleChatFrame(queryClient: QueryClient, data: unknown): void {
  const event = parseChatEvent(data);
  if (event) applyChatEvent(queryClient, event);
}
