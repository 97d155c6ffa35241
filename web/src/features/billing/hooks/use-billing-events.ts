import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { eventsSocket, type EventsSocket } from '@/lib/events-socket';
import { balanceKey } from '../api/get-balance';

/** A charged message (one that carries a cost) or a top-up moves the balance: fetch it again. */
export function isBalanceEvent(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const event = data as { type?: unknown; message?: { cost?: unknown; author?: { kind?: unknown } } };
  if (event.type === 'billing.updated' || event.type === 'billing.balance_changed') return true;
  if (event.type !== 'chat.message_created') return false;
  // Costs are charged with AI replies; a system message may say the balance ran out.
  return (
    (event.message?.cost !== null && event.message?.cost !== undefined) || event.message?.author?.kind === 'system'
  );
}

/** Keeps the balance current while mounted. */
export function useBillingEvents(socket: EventsSocket = eventsSocket, { enabled = true } = {}): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return socket.subscribe({
      onEvent: (data) => {
        if (isBalanceEvent(data)) void queryClient.invalidateQueries({ queryKey: balanceKey });
      },
      onOpen: ({ reconnected }) => {
        if (reconnected) void queryClient.invalidateQueries({ queryKey: balanceKey });
      },
    });
  }, [socket, queryClient, enabled]);
}
