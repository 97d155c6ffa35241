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
import { useFormatters } from '@/lib/formatters';
import { Trans, useTranslation } from '@/lib/i18n';
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
  const { t } = useTranslation('support');
  const ticket = useTicket(ticketId ?? 0, { enabled: ticketId !== null });
  const messages = useTicketMessages(ticketId ?? 0, { enabled: ticketId !== null });
  useMarkReadWhileOpen(ticket.data);
  const now = useNow();

  if (ticketId === null || (ticket.isError && isApiError(ticket.error) && ticket.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <BackToTickets />
        <h2 className={styles.missingTitle}>{t('ticket.notFound')}</h2>
        <p>{t('ticket.notFoundText')}</p>
        <Link to={paths.support}>{t('ticket.backToYours')}</Link>
      </div>
    );
  }
  if (ticket.isPending) {
    return (
      <p className={styles.loading} role="status">
        {t('ticket.loading')}
      </p>
    );
  }
  if (ticket.isError) {
    return <QueryError title={t('ticket.error')} error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }

  const data = ticket.data;
  return (
    <article className={styles.view} aria-label={t('ticket.label', { id: data.id, title: data.title })}>
      <TicketHeader ticket={data} viewer={viewer} now={now} />
      {messages.isPending ? (
        <p className={styles.loading} role="status">
          {t('ticket.loadingMessages')}
        </p>
      ) : messages.isError ? (
        <QueryError
          title={t('ticket.messagesError')}
          error={messages.error}
          onRetry={() => void messages.refetch()}
        />
      ) : (
        <MessageList
          messages={messages.data}
          ownSide={viewer.isStaff ? 'team' : 'customer'}
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
  const { t } = useTranslation(['support', 'tickets']);
  const fmt = useFormatters();
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
            <span>{t('tickets:number', { id: ticket.id })}</span>
            <StatusChip status={ticket.status} />
            <span>{t(`tickets:type.${ticket.category}.label`)}</span>
            {viewer.isStaff ? <span className={styles.account}>{ticket.account_name}</span> : null}
            <span>
              <Trans
                t={t}
                i18nKey="ticket.opened"
                components={{
                  time: (
                    <time dateTime={ticket.created_at} title={fmt.fullDateTime(ticket.created_at)}>
                      {fmt.dateTime(ticket.created_at, now)}
                    </time>
                  ),
                }}
              />
            </span>
          </p>
        </div>
        {ticket.status === 'on_customer' ? <CloseTicketControl ticketId={ticket.id} isStaff={viewer.isStaff} /> : null}
      </div>
      <ReplyExpectation ticket={ticket} isStaff={viewer.isStaff} now={now} />
      {ticket.follow_up_of !== null || ticket.chat_url !== null ? (
        <p className={styles.links}>
          {ticket.follow_up_of !== null ? (
            <span>
              <Trans
                t={t}
                i18nKey="ticket.followUpTo"
                components={{
                  anchor: <Link to={ticketPath(ticket.follow_up_of)}>{t('tickets:number', { id: ticket.follow_up_of })}</Link>,
                }}
              />
            </span>
          ) : null}
          {ticket.chat_url !== null ? (
            <span className={styles.chatLink}>
              <Trans
                t={t}
                i18nKey="ticket.chat"
                components={{
                  anchor:
                    inAppChatPath(ticket.chat_url) !== null ? (
                      <Link to={inAppChatPath(ticket.chat_url) ?? ''}>{ticket.chat_url}</Link>
                    ) : isWebUrl(ticket.chat_url) ? (
                      <a href={ticket.chat_url} target="_blank" rel="noreferrer noopener">
                        {ticket.chat_url}
                      </a>
                    ) : (
                      <span>{ticket.chat_url}</span>
                    ),
                }}
              />
            </span>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}
