// Which events deserve a browser notification: a new ticket, or a customer
// writing in one. The team's own replies, notes and presence do not.
import { i18n } from '@/lib/i18n';
import type { ConsoleEvent } from '../api/console-events';

export interface ConsoleNotification {
  title: string;
  body: string;
  /** One notification per ticket: a newer one replaces the older. */
  tag: string;
  ticketId: number;
}

/**
 * What to notify about `event`; `seen` holds the tickets already notified as
 * new, so the ticket's later updates are not announced as new again.
 */
export function notificationFor(event: ConsoleEvent, seen: Set<number>): ConsoleNotification | null {
  if (event.type === 'ticket.message_created') {
    if (event.message.author.side !== 'customer') return null;
    return {
      title: i18n.t('console:notification.wrote', { name: event.message.author.name, id: event.ticket_id }),
      body: event.message.body.slice(0, 160) || i18n.t('console:notification.sentFiles'),
      tag: `ticket-${event.ticket_id}`,
      ticketId: event.ticket_id,
    };
  }
  if (event.type === 'ticket.updated') {
    const ticket = event.ticket;
    const isNew = ticket.message_count <= 1 && ticket.status === 'on_customer' && ticket.awaiting === 'team';
    if (!isNew || seen.has(ticket.id)) return null;
    seen.add(ticket.id);
    return {
      title: i18n.t('console:notification.newTicket', { id: ticket.id, account: ticket.account.name }),
      body: ticket.title,
      tag: `ticket-${ticket.id}`,
      ticketId: ticket.id,
    };
  }
  return null;
}
