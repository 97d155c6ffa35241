import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { Trans, useTranslation } from '@/lib/i18n';
import { useChatControl, useSendOperatorMessage } from '../api/chat-actions';
import type { Chat } from '../api/chat-schemas';
import { useChat, useChatMessages } from '../api/get-chat';
import { useReplyStream } from '../hooks/use-reply-stream';
import { sourceLabel } from '../utils/labels';
import type { ChatViewer } from '../utils/viewer';
import { ChatComposer } from './chat-composer';
import { ChatThread } from './chat-thread';
import { CopyLinkButton } from './copy-link-button';
import { HandoffBanner } from './handoff-banner';
import styles from './chat-view.module.css';

export interface ChatViewProps {
  /** null when the address names no chat (e.g. /chats/abc). */
  chatId: number | null;
  viewer: ChatViewer;
}

/** One chat at its own address: the thread, live; operator controls for the account's users. */
export function ChatView({ chatId, viewer }: ChatViewProps) {
  const { t } = useTranslation('chats');
  const chat = useChat(chatId ?? 0, { enabled: chatId !== null });
  const messages = useChatMessages(chatId ?? 0, { enabled: chatId !== null });
  const stream = useReplyStream(chatId ?? 0);
  const now = useNow();
  useDocumentTitle(
    chat.data ? t('view.documentTitleWith', { name: chat.data.chat.client_name }) : t('view.documentTitle'),
  );

  if (chatId === null || (chat.isError && isApiError(chat.error) && chat.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <h1 className={styles.missingTitle}>{t('view.notFoundTitle')}</h1>
        <p>{t('view.notFoundBody')}</p>
        {viewer.isStaff ? null : <Link to="/chats">{t('view.backToList')}</Link>}
      </div>
    );
  }
  if (chat.isPending) {
    return (
      <p className={styles.loading} role="status">
        {t('view.loading')}
      </p>
    );
  }
  if (chat.isError) {
    return <QueryError title={t('view.loadFailed')} error={chat.error} onRetry={() => void chat.refetch()} />;
  }

  const data = chat.data.chat;
  return (
    <article className={styles.view} aria-label={t('view.label', { id: data.id })}>
      <ChatHeader chat={data} isStaff={viewer.isStaff} now={now} />
      <HandoffBanner chat={data} />
      {messages.isPending ? (
        <p className={styles.loading} role="status">
          {t('view.loadingMessages')}
        </p>
      ) : messages.isError ? (
        <QueryError title={t('view.messagesFailed')} error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <ChatThread messages={messages.data} stream={stream} now={now} ownKind="operator" />
      )}
      {viewer.isStaff ? (
        <p className={styles.readOnly}>{t('view.readOnly')}</p>
      ) : (
        <OperatorControls chat={data} />
      )}
    </article>
  );
}

function ChatHeader({ chat, isStaff, now }: { chat: Chat; isStaff: boolean; now: number }) {
  const { t } = useTranslation('chats');
  const fmt = useFormatters();
  return (
    <header className={styles.header}>
      {isStaff ? null : (
        <Link to="/chats" className={styles.back}>
          ← {t('view.allChats')}
        </Link>
      )}
      <div className={styles.headRow}>
        <div className={styles.headText}>
          <h1 className={styles.title}>{t('view.heading', { client: chat.client_name, employee: chat.employee.name })}</h1>
          <p className={styles.meta}>
            <span>{`#${chat.id}`}</span>
            <span className={styles.chip}>{sourceLabel(chat.source)}</span>
            <span className={styles.chip} data-tone={chat.status}>
              {chat.status === 'ai' ? t('view.aiReplying') : t('view.operatorReplying')}
            </span>
            <span>{t('view.messages', { count: chat.message_count })}</span>
            <span>
              <Trans
                t={t}
                i18nKey="view.started"
                values={{ when: fmt.dateTime(chat.created_at, now) }}
                components={{ time: <time dateTime={chat.created_at} title={fmt.fullDateTime(chat.created_at)} /> }}
              />
            </span>
          </p>
        </div>
        <CopyLinkButton url={chat.url} />
      </div>
    </header>
  );
}

function OperatorControls({ chat }: { chat: Chat }) {
  const { t } = useTranslation('chats');
  const control = useChatControl();
  const send = useSendOperatorMessage();
  const controlError = control.isError
    ? isApiError(control.error) && control.error.status === 409
      ? t('control.changed')
      : t('control.failed', { message: control.error.message })
    : null;

  if (chat.status === 'ai') {
    return (
      <div className={styles.controls}>
        <FormAlert message={controlError} />
        <p className={styles.controlsText}>
          {chat.needs_human
            ? t('control.passed')
            : t('control.aiAnswering')}
        </p>
        <Button loading={control.isPending} onClick={() => control.mutate({ chatId: chat.id, action: 'takeover' })}>
          {t('control.takeOver')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.operator}>
      <div className={styles.controls}>
        <FormAlert message={controlError} />
        <p className={styles.controlsText}>{t('control.youAnswer')}</p>
        <Button
          variant="secondary"
          loading={control.isPending}
          onClick={() => control.mutate({ chatId: chat.id, action: 'release' })}
        >
          {t('control.handBack')}
        </Button>
      </div>
      <ChatComposer
        label={t('control.composerLabel')}
        placeholder={t('control.composerPlaceholder')}
        sending={send.isPending}
        onSend={(text) => send.mutateAsync({ chatId: chat.id, text })}
      />
    </div>
  );
}
