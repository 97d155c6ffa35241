import type { Ticket } from '../api/ticket-schemas';
import { formatDeadline } from '../utils/format-time';
import styles from './ticket-view.module.css';

export interface ReplyExpectationProps {
  ticket: Ticket;
  isStaff: boolean;
  timeZone: string;
  now: number;
}

/** Who owes the next reply, and by when, in the viewer's own time zone. */
export function ReplyExpectation({ ticket, isStaff, timeZone, now }: ReplyExpectationProps) {
  if (ticket.status === 'done') return null;
  if (ticket.awaiting === 'team') {
    if (ticket.reply_due_at === null) {
      return <p className={styles.expectation}>{isStaff ? 'The customer is waiting for a reply.' : 'The team will reply here.'}</p>;
    }
    const due = formatDeadline(ticket.reply_due_at, timeZone, now);
    const overdue = Date.parse(ticket.reply_due_at) < now;
    return (
      <p className={styles.expectation} data-tone={isStaff && overdue ? 'overdue' : 'waiting'}>
        {isStaff ? (overdue ? `Reply overdue since ${due}` : `Reply due by ${due}`) : `Expected reply by ${due}`}
      </p>
    );
  }
  if (ticket.awaiting === 'customer') {
    return (
      <p className={styles.expectation} data-tone="action">
        {isStaff
          ? "Waiting for the customer's reply."
          : 'Waiting for your reply: check whether the team asked a question and answer it below.'}
      </p>
    );
  }
  return null;
}
