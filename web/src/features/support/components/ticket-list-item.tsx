import { Link } from 'react-router';
import { CountBadge } from '@/components/ui/count-badge';
import { paths } from '@/config/paths';
import type { Ticket } from '../api/ticket-schemas';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { StatusChip } from './status-chip';
import styles from './ticket-list.module.css';

export interface TicketListItemProps {
  ticket: Ticket;
  selected: boolean;
  showAccount: boolean;
  now: number;
}

export function TicketListItem({ ticket, selected, showAccount, now }: TicketListItemProps) {
  const { t } = useTranslation('tickets');
  const fmt = useFormatters();
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
          <CountBadge count={ticket.unread_count} />
        </span>
        {showAccount ? <span className={styles.account}>{ticket.account_name}</span> : null}
        <span className={styles.itemMeta}>
          <StatusChip status={ticket.status} />
          <span className={styles.type}>{t(`type.${ticket.category}.label`)}</span>
        </span>
        <span className={styles.itemFoot}>
          <span>{t('number', { id: ticket.id })}</span>
          <time dateTime={ticket.last_message_at} title={fmt.fullDateTime(ticket.last_message_at)}>
            {fmt.relative(ticket.last_message_at, now)}
          </time>
        </span>
      </Link>
    </li>
  );
}
