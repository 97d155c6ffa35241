import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsSocket, type EventsSocket } from '@/lib/events-socket';
import { refreshTickets } from '../api/ticket-cache';
import { handleEventFrame } from '../api/ticket-events';

/**
 * Keeps every ticket query live while mounted: server events update the
 * caches, and after a (re)connect everything shown is fetched again, since
 * events sent while disconnected are lost.
 */
export function useSupportEvents(socket: EventsSocket = eventsSocket): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      socket.subscribe({
        onEvent: (data) => handleEventFrame(queryClient, data),
        onOpen: () => void refreshTickets(queryClient),
      }),
    [socket, queryClient],
  );
}
