import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsSocket, type EventsSocket } from '@/lib/events-socket';
import { refreshChats } from '../api/chat-cache';
import { handleChatFrame } from '../api/chat-events';

/** Keeps chat queries live (and streams replies) while mounted. */
export function useChatEvents(socket: EventsSocket = eventsSocket, { enabled = true } = {}): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return socket.subscribe({
      onEvent: (data) => handleChatFrame(queryClient, data),
      onOpen: ({ reconnected }) => {
        if (reconnected) void refreshChats(queryClient);
      },
    });
  }, [socket, queryClient, enabled]);
}
