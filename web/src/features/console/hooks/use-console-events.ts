import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { eventsSocket, type EventsSocket } from '@/lib/events-socket';
import { refreshConsole } from '../api/console-cache';
import { handleConsoleFrame } from '../api/console-events';
import { notificationFor, type ConsoleNotification } from '../utils/notifications';

export interface ConsoleEventsOptions {
  socket?: EventsSocket;
  /** Opens a ticket when its notification is clicked. */
  onOpenTicket?: (ticketId: number) => void;
}

function show(notification: ConsoleNotification, onOpenTicket?: (ticketId: number) => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // Only when the agent is elsewhere: on the page, the queue itself shows it.
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const shown = new Notification(notification.title, { body: notification.body, tag: notification.tag });
  shown.onclick = () => {
    window.focus();
    onOpenTicket?.(notification.ticketId);
    shown.close();
  };
}

/**
 * Keeps the console live while mounted: events update the caches, new
 * tickets and customer messages raise a browser notification (when allowed),
 * and after a (re)connect everything shown is fetched again.
 */
export function useConsoleEvents({ socket = eventsSocket, onOpenTicket }: ConsoleEventsOptions = {}): void {
  const queryClient = useQueryClient();
  const seen = useRef(new Set<number>());
  const openTicket = useRef(onOpenTicket);
  useEffect(() => {
    openTicket.current = onOpenTicket;
  }, [onOpenTicket]);

  useEffect(
    () =>
      socket.subscribe({
        onEvent: (data) => {
          const event = handleConsoleFrame(queryClient, data);
          const notification = event ? notificationFor(event, seen.current) : null;
          if (notification) show(notification, openTicket.current);
        },
        onOpen: ({ reconnected }) => {
          if (reconnected) refreshConsole(queryClient);
        },
      }),
    [socket, queryClient],
  );
}
