import { Link } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { paths } from '@/config/paths';
import type { Ticket } from '../api/ticket-schemas';
import { formatFullTime, formatRelative } from '../utils/format-time';
import { requestTypeLabel } from '../utils/labels';
import { StatusChip } from './status-chip';
import styles from './ticket-list.module.css';

export interface TicketListItemProps {
  ticket: Ticket;
  selected: boolean;
  showAccount: boolean;
  now: number;
  timeZone: string;
}

export function TicketListItem({ ticket, selected, showAccount, now, timeZone }: TicketListItemProps) {
  return (
    <li>
      <Link
        to={`${paths.support}/${ticket.id}`}
        className={styles.item}
        aria-current={selected ? 'page' : undefined}
        data-ticket-id={ticket.id}
      >
        <span className={styles.itemTop}>
          <span className={styles.itemTitle}>{ticket.title}</span>
          <CountBadge count={ticket.unread_count} label="unread" />
        </span>
        {showAccount ? <span className={styles.account}>{ticket.account_name}</span> : null}
        <span className={styles.itemMeta}>
          <StatusChip status={ticket.status} />
          <span className={styles.type}>{requestTypeLabel(ticket.category)}</span>
        </span>
        <span className={styles.itemFoot}>
          <span>{`#${ticket.id}`}</span>
          <time dateTime={ticket.last_message_at} title={formatFullTime(ticket.last_message_at, timeZone)}>
            {formatRelative(ticket.last_message_at, now)}
          </time>
        </span>
      </Link>
    </li>
  );
}
