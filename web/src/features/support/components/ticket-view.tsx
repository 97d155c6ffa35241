import { useId } from 'react';
import { Link } from 'react-router';
import { paths, ticketPath } from '@/config/paths';
import { QueryError } from '@/components/ui/query-error';
import { useNow } from '@/hooks/use-now';
import { isApiError } from '@/lib/api-client';
import { useTicket } from '../api/get-ticket';
import { useTicketMessages } from '../api/get-ticket-messages';
import type { Ticket } from '../api/ticket-schemas';
import { useMarkReadWhileOpen } from '../hooks/use-mark-read-while-open';
import { inAppChatPath } from '../utils/chat-link';
import { formatFullTime, formatMessageTime } from '../utils/format-time';
import { requestTypeLabel } from '../utils/labels';
import { isWebUrl } from '../utils/new-ticket-validation';
import type { SupportViewer } from '../utils/viewer';
import { BackToTickets } from './back-to-tickets';
import { CloseTicketControl } from './close-ticket-control';
import { Composer } from './composer';
import { DoneNotice } from './done-notice';
import { MessageList } from './message-list';
import { ReplyExpectation } from './reply-expectation';
import { StatusChip } from './status-chip';
import styles from './ticket-view.module.css';

export interface TicketViewProps {
  /** null when the address names no ticket (e.g. /support/abc). */
  ticketId: number | null;
  viewer: SupportViewer;
}

/** One ticket as a chat: its header, the conversation, and the composer (or the Done note). */
export function TicketView({ ticketId, viewer }: TicketViewProps) {
  const ticket = useTicket(ticketId ?? 0, { enabled: ticketId !== null });
  const messages = useTicketMessages(ticketId ?? 0, { enabled: ticketId !== null });
  useMarkReadWhileOpen(ticket.data);
  const now = useNow();

  if (ticketId === null || (ticket.isError && isApiError(ticket.error) && ticket.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <BackToTickets />
        <h2 className={styles.missingTitle}>Ticket not found</h2>
        <p>It does not exist, or it belongs to another account.</p>
        <Link to={paths.support}>Back to your tickets</Link>
      </div>
    );
  }
  if (ticket.isPending) {
    return (
      <p className={styles.loading} role="status">
        Loading the ticket…
      </p>
    );
  }
  if (ticket.isError) {
    return <QueryError title="Could not load the ticket" error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }

  const data = ticket.data;
  return (
    <article className={styles.view} aria-label={`Ticket #${data.id}: ${data.title}`}>
      <TicketHeader ticket={data} viewer={viewer} now={now} />
      {messages.isPending ? (
        <p className={styles.loading} role="status">
          Loading messages…
        </p>
      ) : messages.isError ? (
        <QueryError
          title="Could not load the messages"
          error={messages.error}
          onRetry={() => void messages.refetch()}
        />
      ) : (
        <MessageList
          messages={messages.data}
          ownSide={viewer.isStaff ? 'team' : 'customer'}
          timeZone={viewer.timeZone}
          now={now}
        />
      )}
      {data.status === 'done' ? (
        <DoneNotice ticket={data} canFollowUp={!viewer.isStaff} />
      ) : (
        <Composer key={data.id} ticketId={data.id} isStaff={viewer.isStaff} />
      )}
    </article>
  );
}

function TicketHeader({ ticket, viewer, now }: { ticket: Ticket; viewer: SupportViewer; now: number }) {
  const titleId = useId();
  return (
    <header className={styles.header}>
      <BackToTickets />
      <div className={styles.headRow}>
        <div className={styles.headText}>
          <h2 id={titleId} className={styles.title}>
            {ticket.title}
          </h2>
          <p className={styles.meta}>
            <span>{`#${ticket.id}`}</span>
            <StatusChip status={ticket.status} />
            <span>{requestTypeLabel(ticket.category)}</span>
            {viewer.isStaff ? <span className={styles.account}>{ticket.account_name}</span> : null}
            <span>
              {'Opened '}
              <time dateTime={ticket.created_at} title={formatFullTime(ticket.created_at, viewer.timeZone)}>
                {formatMessageTime(ticket.created_at, viewer.timeZone, now)}
              </time>
            </span>
          </p>
        </div>
        {ticket.status === 'on_customer' ? <CloseTicketControl ticketId={ticket.id} isStaff={viewer.isStaff} /> : null}
      </div>
      <ReplyExpectation ticket={ticket} isStaff={viewer.isStaff} timeZone={viewer.timeZone} now={now} />
      {ticket.follow_up_of !== null || ticket.chat_url !== null ? (
        <p className={styles.links}>
          {ticket.follow_up_of !== null ? (
            <span>
              Follow-up to <Link to={ticketPath(ticket.follow_up_of)}>{`#${ticket.follow_up_of}`}</Link>
            </span>
          ) : null}
          {ticket.chat_url !== null ? (
            <span className={styles.chatLink}>
              {'Chat: '}
              {inAppChatPath(ticket.chat_url) !== null ? (
                <Link to={inAppChatPath(ticket.chat_url) ?? ''}>{ticket.chat_url}</Link>
              ) : isWebUrl(ticket.chat_url) ? (
                <a href={ticket.chat_url} target="_blank" rel="noreferrer noopener">
                  {ticket.chat_url}
                </a>
              ) : (
                ticket.chat_url
              )}
            </span>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}
