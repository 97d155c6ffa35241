import type { Ticket } from '../api/ticket-schemas';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import styles from './ticket-view.module.css';

export interface ReplyExpectationProps {
  ticket: Ticket;
  isStaff: boolean;
  now: number;
}

/** Who owes the next reply, and by when, in the viewer's own time zone. */
export function ReplyExpectation({ ticket, isStaff, now }: ReplyExpectationProps) {
  const { t } = useTranslation('support');
  const fmt = useFormatters();
  if (ticket.status === 'done') return null;
  if (ticket.awaiting === 'team') {
    if (ticket.reply_due_at === null) {
      return <p className={styles.expectation}>{isStaff ? t('expectation.staffWaiting') : t('expectation.teamWillReply')}</p>;
    }
    const due = fmt.deadline(ticket.reply_due_at, now);
    const overdue = Date.parse(ticket.reply_due_at) < now;
    return (
      <p className={styles.expectation} data-tone={isStaff && overdue ? 'overdue' : 'waiting'}>
        {isStaff
          ? overdue
            ? t('expectation.overdue', { due })
            : t('expectation.due', { due })
          : t('expectation.expected', { due })}
      </p>
    );
  }
  if (ticket.awaiting === 'customer') {
    return (
      <p className={styles.expectation} data-tone="action">
        {isStaff ? t('expectation.staffAwaitingCustomer') : t('expectation.awaitingYou')}
      </p>
    );
  }
  return null;
}
