import { useEffect, useRef, useState } from 'react';
import { useMarkTicketRead } from '../api/mark-ticket-read';
import type { Ticket } from '../api/ticket-schemas';

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/**
 * An open ticket is a read ticket: whenever it shows unread messages (on
 * opening, or when a reply arrives while it is open) and the page is in view,
 * it is marked read — once per new unread state, so a failure does not loop.
 */
export function useMarkReadWhileOpen(ticket: Ticket | undefined): void {
  const { mutate } = useMarkTicketRead();
  const visible = useDocumentVisible();
  const lastAttempt = useRef<string | null>(null);
  const id = ticket?.id;
  const unread = ticket?.unread_count ?? 0;
  const activity = ticket?.last_message_at;

  useEffect(() => {
    if (id === undefined || unread === 0 || !visible) return;
    const attempt = `${id}:${unread}:${activity}`;
    if (lastAttempt.current === attempt) return;
    lastAttempt.current = attempt;
    mutate(id);
  }, [id, unread, activity, visible, mutate]);
}
