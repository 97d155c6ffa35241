// The playground's conversation: the latest playground chat with the
// employee, or a new one (whose first message is the employee's greeting).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { EMPTY_CHAT_FILTER } from '../utils/chat-filter';
import { getChats } from './get-chats';
import { chatEnvelopeSchema, type Chat } from './chat-schemas';
import { chatKeys } from './query-keys';

export function useLatestPlaygroundChat(employeeId: number) {
  return useQuery({
    queryKey: chatKeys.latestPlayground(employeeId),
    queryFn: async ({ signal }): Promise<Chat | null> => {
      const filter = { ...EMPTY_CHAT_FILTER, employeeId: String(employeeId), source: 'playground' };
      const page = await getChats(filter, null, signal);
      return page.items[0] ?? null;
    },
    staleTime: Infinity,
  });
}

export function useStartPlayground() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (employeeId: number): Promise<Chat> => {
      const { chat } = await apiRequest(`/employees/${employeeId}/playground`, {
        method: 'POST',
        schema: chatEnvelopeSchema,
      });
      return chat;
    },
    onSuccess: (chat, employeeId) => {
      queryClient.setQueryData(chatKeys.detail(chat.id), { chat });
      queryClient.setQueryData(chatKeys.latestPlayground(employeeId), chat);
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists() });
    },
  });
}
