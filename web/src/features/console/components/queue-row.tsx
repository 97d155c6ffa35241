import { Link } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { consoleTicketPath } from '@/config/paths';
import type { StaffTicket } from '../api/schemas';
import { REQUEST_TYPE_LABELS, STATUS_LABELS } from '../utils/labels';
import { SlaBadge } from './sla-badge';
import styles from './queue.module.css';

export interface QueueRowProps {
  ticket: StaffTicket;
  timeZone: string;
  /** The signed-in agent, to say "You" for their own tickets. */
  userId: number;
}

export function QueueRow({ ticket, timeZone, userId }: QueueRowProps) {
  const assignee = ticket.assignee ? (ticket.assignee.id === userId ? 'You' : ticket.assignee.name) : 'Unassigned';
  return (
    <li>
      <Link
        to={consoleTicketPath(ticket.id)}
        className={styles.row}
        data-ticket-id={ticket.id}
        data-sla={ticket.sla?.state ?? 'none'}
      >
        <span className={styles.due}>
          <SlaBadge sla={ticket.sla} timeZone={timeZone} />
        </span>
        <span className={styles.subject}>
          <span className={styles.title}>{ticket.title}</span>
          <span className={styles.sub}>
            <span>{`#${ticket.id}`}</span>
            <span className={styles.account}>{ticket.account.name}</span>
            {ticket.status === 'done' ? <span>{STATUS_LABELS.done}</span> : null}
          </span>
        </span>
        <span className={styles.type} data-category={ticket.category}>
          {REQUEST_TYPE_LABELS[ticket.category]}
        </span>
        <span className={styles.assignee} data-unassigned={ticket.assignee === null}>
          <span className="visually-hidden">Assignee: </span>
          {assignee}
        </span>
        <span className={styles.unread}>
          <CountBadge count={ticket.unread_count} />
        </span>
      </Link>
    </li>
  );
}
