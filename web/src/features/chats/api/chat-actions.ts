// Writing into a chat: as the client (playground), as an operator, and the
// take over / hand back switch.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { addChatMessage, upsertChat } from './chat-cache';
import { chatEnvelopeSchema, messageEnvelopeSchema, type Chat, type ChatMessage } from './chat-schemas';
import { chatKeys } from './query-keys';

export const MESSAGE_MAX_LENGTH = 4000;

async function post(path: string, text: string): Promise<ChatMessage> {
  const { message } = await apiRequest(path, { method: 'POST', body: { text }, schema: messageEnvelopeSchema });
  return message;
}

export function useSendClientMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ chatId, text }: { chatId: number; text: string }) => post(`/chats/${chatId}/messages`, text),
    onSuccess: (message) => addChatMessage(queryClient, message),
  });
}

export function useSendOperatorMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ chatId, text }: { chatId: number; text: string }) =>
      post(`/chats/${chatId}/operator-messages`, text),
    onSuccess: (message) => addChatMessage(queryClient, message),
    onError: (_error, { chatId }) => void queryClient.invalidateQueries({ queryKey: chatKeys.detail(chatId) }),
  });
}

export function useChatControl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ chatId, action }: { chatId: number; action: 'takeover' | 'release' }): Promise<Chat> => {
      const { chat } = await apiRequest(`/chats/${chatId}/${action}`, { method: 'POST', schema: chatEnvelopeSchema });
      return chat;
    },
    onSuccess: (chat) => upsertChat(queryClient, chat),
  });
}
