import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { isApiError } from '@/lib/api-client';
import { useTranslation } from '@/lib/i18n';
import { useMessages, useNotes, useStaffTicket } from '../api/get-ticket';
import type { StaffTicket } from '../api/schemas';
import { useMarkRead } from '../api/ticket-actions';
import { usePresence } from '../hooks/use-presence';
import type { ConsoleViewer } from '../utils/viewer';
import { SidePanel } from './side-panel';
import { SlaBadge } from './sla-badge';
import { StaffComposer } from './staff-composer';
import { Thread } from './thread';
import { AssignControl, CloseControl, PresenceIndicator } from './ticket-controls';
import styles from './ticket-page.module.css';

export interface TicketPageProps {
  ticketId: number | null;
  viewer: ConsoleViewer;
}

/** Reading a ticket marks its customer messages read (once per new unread state). */
function useMarkReadWhenOpen(ticket: StaffTicket | undefined): void {
  const { mutate } = useMarkRead();
  const last = useRef<string | null>(null);
  const id = ticket?.id;
  const unread = ticket?.unread_count ?? 0;
  const activity = ticket?.last_message_at;
  useEffect(() => {
    if (id === undefined || unread === 0) return;
    const attempt = `${id}:${unread}:${activity}`;
    if (last.current === attempt) return;
    last.current = attempt;
    mutate(id);
  }, [id, unread, activity, mutate]);
}

/** A ticket as the support team works it: thread and notes, composer, assignment, account. */
export function TicketPage({ ticketId, viewer }: TicketPageProps) {
  if (ticketId === null) return <Missing />;
  return <LoadedTicketPage ticketId={ticketId} viewer={viewer} />;
}

function Missing() {
  const { t } = useTranslation('console');
  useDocumentTitle(t('ticket.notFoundTitle'));
  return (
    <div className={styles.missing}>
      <h1 className={styles.title}>{t('ticket.notFoundTitle')}</h1>
      <p>{t('ticket.notFoundBody')}</p>
      <Link to={paths.consoleQueue}>{t('ticket.backToQueue')}</Link>
    </div>
  );
}

function LoadedTicketPage({ ticketId, viewer }: { ticketId: number; viewer: ConsoleViewer }) {
  const { t } = useTranslation(['console', 'tickets']);
  const ticket = useStaffTicket(ticketId);
  const messages = useMessages(ticketId);
  const notes = useNotes(ticketId);
  const [typing, setTyping] = useState(false);
  const viewers = usePresence(ticketId, typing);
  const now = useNow();
  useMarkReadWhenOpen(ticket.data);
  useDocumentTitle(
    ticket.data ? t('ticket.documentTitleWith', { id: ticket.data.id, title: ticket.data.title }) : t('ticket.documentTitle'),
  );

  if (ticket.isError && isApiError(ticket.error) && ticket.error.status === 404) return <Missing />;
  if (ticket.isPending) {
    return (
      <p className={styles.loading} role="status">
        {t('ticket.loading')}
      </p>
    );
  }
  if (ticket.isError) {
    return <QueryError title={t('ticket.loadFailed')} error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  const data = ticket.data;

  return (
    <div className={styles.page}>
      <article className={styles.main} aria-label={t('ticket.label', { id: data.id, title: data.title })}>
        <header className={styles.header}>
          <Link to={paths.consoleQueue} className={styles.back}>
            ← {t('ticket.back')}
          </Link>
          <div className={styles.headRow}>
            <div className={styles.headText}>
              <h1 className={styles.title}>{data.title}</h1>
              <p className={styles.meta}>
                <span>{t('tickets:number', { id: data.id })}</span>
                <span className={styles.strong}>{data.account.name}</span>
                <span>{t(`type.${data.category}`)}</span>
                <span className={styles.status} data-status={data.status}>
                  {t(`tickets:status.${data.status}`)}
                </span>
                {data.status === 'on_customer' ? <SlaBadge sla={data.sla} /> : null}
              </p>
            </div>
            <div className={styles.actions}>
              <AssignControl ticket={data} userId={viewer.userId} />
              {data.status === 'on_customer' ? <CloseControl ticketId={data.id} /> : null}
            </div>
          </div>
          <PresenceIndicator viewers={viewers} />
        </header>
        {messages.isPending || notes.isPending ? (
          <p className={styles.loading} role="status">
            {t('ticket.loadingConversation')}
          </p>
        ) : messages.isError ? (
          <QueryError title={t('ticket.messagesFailed')} error={messages.error} onRetry={() => void messages.refetch()} />
        ) : notes.isError ? (
          <QueryError title={t('ticket.notesFailed')} error={notes.error} onRetry={() => void notes.refetch()} />
        ) : (
          <Thread messages={messages.data} notes={notes.data} now={now} />
        )}
        {data.status === 'done' ? (
          <p className={styles.done}>{t('ticket.done')}</p>
        ) : null}
        <StaffComposer key={data.id} ticketId={data.id} canReply={data.status === 'on_customer'} onTypingChange={setTyping} />
      </article>
      <SidePanel ticket={data} now={now} />
    </div>
  );
}
