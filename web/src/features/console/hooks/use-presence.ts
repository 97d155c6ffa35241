import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { setViewers } from '../api/console-cache';
import { sendPresence, type PresenceState } from '../api/presence';
import { consoleKeys } from '../api/query-keys';
import type { Viewer } from '../api/schemas';

export const HEARTBEAT_MS = 10_000;

/**
 * Tells the server this agent is on the ticket — every 10 s, and at once
 * when they start or stop typing — and says who else is. Leaving the ticket
 * says so too, so the others' indicator clears without waiting for expiry.
 */
export function usePresence(ticketId: number, typing: boolean): readonly Viewer[] {
  const queryClient = useQueryClient();
  const typingRef = useRef(typing);

  useEffect(() => {
    const beat = (state: PresenceState) => {
      sendPresence(ticketId, state)
        .then((viewers) => {
          if (state !== 'left') setViewers(queryClient, ticketId, viewers);
        })
        .catch(() => undefined);
    };
    beat(typingRef.current ? 'typing' : 'viewing');
    const timer = setInterval(() => beat(typingRef.current ? 'typing' : 'viewing'), HEARTBEAT_MS);
    return () => {
      clearInterval(timer);
      beat('left');
    };
  }, [ticketId, queryClient]);

  useEffect(() => {
    if (typingRef.current === typing) return;
    typingRef.current = typing;
    sendPresence(ticketId, typing ? 'typing' : 'viewing')
      .then((viewers) => setViewers(queryClient, ticketId, viewers))
      .catch(() => undefined);
  }, [ticketId, typing, queryClient]);

  const viewers = useQuery({
    queryKey: consoleKeys.presence(ticketId),
    queryFn: () => queryClient.getQueryData<readonly Viewer[]>(consoleKeys.presence(ticketId)) ?? [],
    staleTime: Number.POSITIVE_INFINITY,
    initialData: [] as readonly Viewer[],
  });
  return viewers.data;
}
