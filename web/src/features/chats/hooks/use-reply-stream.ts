import { useQuery } from '@tanstack/react-query';
import { chatKeys } from '../api/query-keys';
import { EMPTY_STREAM, type ChatStream } from '../utils/reply-stream';

/** The replies streaming into a chat right now (fed by useChatEvents). */
export function useReplyStream(chatId: number): ChatStream {
  const { data } = useQuery({
    queryKey: chatKeys.stream(chatId),
    queryFn: () => EMPTY_STREAM,
    initialData: EMPTY_STREAM,
    staleTime: Infinity,
  });
  return data;
}
