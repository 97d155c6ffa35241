import { Link } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { consoleTicketPath } from '@/config/paths';
import { useTranslation } from '@/lib/i18n';
import type { StaffTicket } from '../api/schemas';
import { SlaBadge } from './sla-badge';
import styles from './queue.module.css';

export interface QueueRowProps {
  ticket: StaffTicket;
  /** The signed-in agent, to say "You" for their own tickets. */
  userId: number;
}

export function QueueRow({ ticket, userId }: QueueRowProps) {
  const { t } = useTranslation(['console', 'tickets']);
  const assignee = ticket.assignee
    ? ticket.assignee.id === userId
      ? t('row.you')
      : ticket.assignee.name
    : t('row.unassigned');
  return (
    <li>
      <Link
        to={consoleTicketPath(ticket.id)}
        className={styles.row}
        data-ticket-id={ticket.id}
        data-sla={ticket.sla?.state ?? 'none'}
      >
        <span className={styles.due}>
          <SlaBadge sla={ticket.sla} />
        </span>
        <span className={styles.subject}>
          <span className={styles.title}>{ticket.title}</span>
          <span className={styles.sub}>
            <span>{t('tickets:number', { id: ticket.id })}</span>
            <span className={styles.account}>{ticket.account.name}</span>
            {ticket.status === 'done' ? <span>{t('tickets:status.done')}</span> : null}
          </span>
        </span>
        <span className={styles.type} data-category={ticket.category}>
          {t(`type.${ticket.category}`)}
        </span>
        <span className={styles.assignee} data-unassigned={ticket.assignee === null}>
          <span className="visually-hidden">{t('row.assignee')}</span>
          {assignee}
        </span>
        <span className={styles.unread}>
          <CountBadge count={ticket.unread_count} />
        </span>
      </Link>
    </li>
  );
}
