import { Link } from 'react-router';
import { consoleTicketPath, paths } from '@/config/paths';
import { QueryError } from '@/components/ui/query-error';
import { formatMoney } from '@/lib/money';
import { useAccountDetails } from '../api/get-account';
import { useHistory } from '../api/get-ticket';
import type { StaffTicket } from '../api/schemas';
import { formatDate, formatFullTime, formatShortTime } from '../utils/format-time';
import { historyLabel, STATUS_LABELS } from '../utils/labels';
import { SlaBadge } from './sla-badge';
import { TopUpForm } from './top-up-form';
import styles from './ticket-page.module.css';

export interface SidePanelProps {
  ticket: StaffTicket;
  timeZone: string;
  now: number;
}

function ChatLink({ url }: { url: string }) {
  if (url.startsWith('/')) return <Link to={url}>Open the chat</Link>;
  if (/^https?:\/\//i.test(url)) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener">
        Open the chat
      </a>
    );
  }
  return <span>{url}</span>;
}

/** Beside the thread: the customer's account, the linked chat, and what happened to the ticket. */
export function SidePanel({ ticket, timeZone, now }: SidePanelProps) {
  const account = useAccountDetails(ticket.account.id);
  const history = useHistory(ticket.id);
  const others = account.data?.tickets.filter((other) => other.id !== ticket.id) ?? [];
  const queueLink = `${paths.consoleQueue}?account=${ticket.account.id}&status=all`;

  return (
    <aside className={styles.side} aria-label="Ticket details">
      <section className={styles.panel} aria-labelledby={`account-${ticket.id}`}>
        <h2 id={`account-${ticket.id}`} className={styles.panelTitle}>
          {ticket.account.name}
        </h2>
        {account.isPending ? (
          <p className={styles.muted}>Loading the account…</p>
        ) : account.isError ? (
          <QueryError title="Could not load the account" error={account.error} onRetry={() => void account.refetch()} />
        ) : (
          <>
            <p className={styles.muted}>{`Customer since ${formatDate(account.data.account.created_at, timeZone)}`}</p>
            <p data-testid="account-balance">{`Balance: ${formatMoney(account.data.balance)}`}</p>
            <p>
              <Link to={`${paths.finance}?account_id=${ticket.account.id}`}>Finance (read-only)</Link>
            </p>
            <h3 className={styles.panelSubtitle}>People</h3>
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
                <h3 className={styles.panelSubtitle}>AI employees</h3>
                <ul className={styles.plainList}>
                  {account.data.employees.map((employee) => (
                    <li key={employee.id} data-current={employee.id === ticket.employee_id}>
                      <span className={styles.strong}>{employee.name}</span>
                      {employee.id === ticket.employee_id ? ' (this ticket)' : ''}{' '}
                      <span className={styles.muted}>
                        {employee.role}
                        {employee.status === 'paused' ? ' · Paused' : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 className={styles.panelSubtitle}>Other tickets</h3>
            {others.length === 0 ? (
              <p className={styles.muted}>No other tickets.</p>
            ) : (
              <ul className={styles.plainList}>
                {others.map((other) => (
                  <li key={other.id} className={styles.otherTicket}>
                    <Link to={consoleTicketPath(other.id)}>{`#${other.id} ${other.title}`}</Link>
                    <span className={styles.otherMeta}>
                      {other.status === 'done' ? STATUS_LABELS.done : <SlaBadge sla={other.sla} timeZone={timeZone} />}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={queueLink} className={styles.smallLink}>
              This account’s tickets in the queue
            </Link>
            <TopUpForm accountId={ticket.account.id} currency={account.data.balance.currency} />
          </>
        )}
      </section>
      {ticket.chat_url ? (
        <section className={styles.panel} aria-label="Linked chat">
          <h2 className={styles.panelTitle}>Linked chat</h2>
          <ChatLink url={ticket.chat_url} />
          <p className={styles.muted}>Opening a customer’s chat is recorded in the audit log.</p>
        </section>
      ) : null}
      <section className={styles.panel} aria-label="History">
        <h2 className={styles.panelTitle}>History</h2>
        {history.isPending ? (
          <p className={styles.muted}>Loading…</p>
        ) : history.isError ? (
          <QueryError title="Could not load the history" error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <ol className={styles.history}>
            {history.data.map((entry) => (
              <li key={entry.id} data-kind={entry.kind}>
                <span>{historyLabel(entry.kind, entry.details, entry.actor?.name ?? null)}</span>
                <time dateTime={entry.created_at} title={formatFullTime(entry.created_at, timeZone)}>
                  {formatShortTime(entry.created_at, timeZone, now)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
