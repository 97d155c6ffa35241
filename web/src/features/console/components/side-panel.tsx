import { Link } from 'react-router';
import { consoleTicketPath, paths } from '@/config/paths';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useAccountDetails } from '../api/get-account';
import { useHistory } from '../api/get-ticket';
import type { StaffTicket } from '../api/schemas';
import { historyLabel } from '../utils/labels';
import { SlaBadge } from './sla-badge';
import { TopUpForm } from './top-up-form';
import styles from './ticket-page.module.css';

export interface SidePanelProps {
  ticket: StaffTicket;
  now: number;
}

function ChatLink({ url }: { url: string }) {
  const { t } = useTranslation('console');
  if (url.startsWith('/')) return <Link to={url}>{t('side.openChat')}</Link>;
  if (/^https?:\/\//i.test(url)) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener">
        {t('side.openChat')}
      </a>
    );
  }
  return <span>{url}</span>;
}

/** Beside the thread: the customer's account, the linked chat, and what happened to the ticket. */
export function SidePanel({ ticket, now }: SidePanelProps) {
  const { t } = useTranslation(['console', 'tickets']);
  const fmt = useFormatters();
  const account = useAccountDetails(ticket.account.id);
  const history = useHistory(ticket.id);
  const others = account.data?.tickets.filter((other) => other.id !== ticket.id) ?? [];
  const queueLink = `${paths.consoleQueue}?account=${ticket.account.id}&status=all`;

  return (
    <aside className={styles.side} aria-label={t('side.label')}>
      <section className={styles.panel} aria-labelledby={`account-${ticket.id}`}>
        <h2 id={`account-${ticket.id}`} className={styles.panelTitle}>
          {ticket.account.name}
        </h2>
        {account.isPending ? (
          <p className={styles.muted}>{t('side.loadingAccount')}</p>
        ) : account.isError ? (
          <QueryError title={t('side.accountFailed')} error={account.error} onRetry={() => void account.refetch()} />
        ) : (
          <>
            <p className={styles.muted}>{t('side.customerSince', { date: fmt.date(account.data.account.created_at) })}</p>
            <p data-testid="account-balance">{t('side.balance', { amount: fmt.money(account.data.balance) })}</p>
            <p>
              <Link to={`${paths.finance}?account_id=${ticket.account.id}`}>{t('side.finance')}</Link>
            </p>
            <h3 className={styles.panelSubtitle}>{t('side.people')}</h3>
            <ul className={styles.plainList}>
              {account.data.users.map((user) => (
                <li key={user.id}>
                  <span className={styles.strong}>{user.name}</span>{' '}
                  <a href={`mailto:${user.email}`} className={styles.muted}>
                    {user.email}
                  </a>
                </li>
              ))}
            </ul>
            {account.data.employees.length > 0 ? (
              <>
                <h3 className={styles.panelSubtitle}>{t('side.employees')}</h3>
                <ul className={styles.plainList}>
                  {account.data.employees.map((employee) => (
                    <li key={employee.id} data-current={employee.id === ticket.employee_id}>
                      <span className={styles.strong}>{employee.name}</span>
                      {employee.id === ticket.employee_id ? ` ${t('side.thisTicket')}` : ''}{' '}
                      <span className={styles.muted}>
                        {employee.role}
                        {employee.status === 'paused' ? ` · ${t('side.paused')}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 className={styles.panelSubtitle}>{t('side.otherTickets')}</h3>
            {others.length === 0 ? (
              <p className={styles.muted}>{t('side.noOtherTickets')}</p>
            ) : (
              <ul className={styles.plainList}>
                {others.map((other) => (
                  <li key={other.id} className={styles.otherTicket}>
                    <Link to={consoleTicketPath(other.id)}>{t('side.otherTicket', { id: other.id, title: other.title })}</Link>
                    <span className={styles.otherMeta}>
                      {other.status === 'done' ? t('tickets:status.done') : <SlaBadge sla={other.sla} />}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={queueLink} className={styles.smallLink}>
              {t('side.accountQueue')}
            </Link>
            <TopUpForm accountId={ticket.account.id} currency={account.data.balance.currency} />
          </>
        )}
      </section>
      {ticket.chat_url ? (
        <section className={styles.panel} aria-label={t('side.linkedChat')}>
          <h2 className={styles.panelTitle}>{t('side.linkedChat')}</h2>
          <ChatLink url={ticket.chat_url} />
          <p className={styles.muted}>{t('side.chatAudited')}</p>
        </section>
      ) : null}
      <section className={styles.panel} aria-label={t('side.history')}>
        <h2 className={styles.panelTitle}>{t('side.history')}</h2>
        {history.isPending ? (
          <p className={styles.muted}>{t('side.loadingHistory')}</p>
        ) : history.isError ? (
          <QueryError title={t('side.historyFailed')} error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <ol className={styles.history}>
            {history.data.map((entry) => (
              <li key={entry.id} data-kind={entry.kind}>
                <span>{historyLabel(entry.kind, entry.details, entry.actor?.name ?? null)}</span>
                <time dateTime={entry.created_at} title={fmt.fullDateTime(entry.created_at)}>
                  {fmt.dateTime(entry.created_at, now)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
