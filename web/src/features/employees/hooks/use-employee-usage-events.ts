import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsSocket, type EventsSocket } from '@/lib/events-socket';
import { employeeKeys } from '../api/query-keys';

/** A charged reply: some employee's words this month changed. */
export function isChargedReply(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const event = data as { type?: unknown; message?: { cost?: unknown } };
  return event.type === 'chat.message_created' && event.message?.cost !== null && event.message?.cost !== undefined;
}

/** Keeps "words this month" current on the employee pages while mounted. */
export function useEmployeeUsageEvents(socket: EventsSocket = eventsSocket, { enabled = true } = {}): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return socket.subscribe({
      onEvent: (data) => {
        if (!isChargedReply(data)) return;
        void queryClient.invalidateQueries({ queryKey: employeeKeys.list() });
        void queryClient.invalidateQueries({ queryKey: ['employees', 'detail'] });
      },
    });
  }, [socket, queryClient, enabled]);
}
