import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useNow } from '@/hooks/use-now';
import { useTranslation } from '@/lib/i18n';
import { useSendClientMessage } from '../api/chat-actions';
import { useChat, useChatMessages } from '../api/get-chat';
import { useLatestPlaygroundChat, useStartPlayground } from '../api/playground';
import { useReplyStream } from '../hooks/use-reply-stream';
import { ChatComposer } from './chat-composer';
import { ChatThread } from './chat-thread';
import { HandoffBanner } from './handoff-banner';
import styles from './playground.module.css';

export interface PlaygroundProps {
  employee: { id: number; name: string; greeting: string; status: 'active' | 'paused' };
  /** The account's balance, shown so each reply's cost can be seen leaving it. */
  balance?: ReactNode;
}

/** Talk to an employee as a client would, before connecting any channel. */
export function Playground({ employee, balance }: PlaygroundProps) {
  const { t } = useTranslation('chats');
  const latest = useLatestPlaygroundChat(employee.id);
  const start = useStartPlayground();
  const send = useSendClientMessage();
  const chatId = latest.data?.id ?? null;
  const chat = useChat(chatId ?? 0, { enabled: chatId !== null });
  const messages = useChatMessages(chatId ?? 0, { enabled: chatId !== null });
  const stream = useReplyStream(chatId ?? 0);
  const now = useNow();

  const onSend = async (text: string) => {
    const id = chatId ?? (await start.mutateAsync(employee.id)).id;
    return send.mutateAsync({ chatId: id, text });
  };

  return (
    <section className={styles.playground} aria-label={t('playground.label')}>
      <div className={styles.bar}>
        <p className={styles.intro}>
          {t('playground.intro', { name: employee.name })}
        </p>
        <div className={styles.actions}>
          {balance}
          <Button
            variant="secondary"
            loading={start.isPending}
            onClick={() => start.mutate(employee.id)}
            disabled={latest.isPending}
          >
            {t('playground.newConversation')}
          </Button>
        </div>
      </div>
      <FormAlert message={start.isError ? t('playground.startFailed', { message: start.error.message }) : null} />
      {employee.status === 'paused' ? (
        <p className={styles.paused} role="status">
          {t('playground.paused', { name: employee.name })}
        </p>
      ) : null}
      {chat.data ? <HandoffBanner chat={chat.data.chat} /> : null}
      {latest.isError ? (
        <QueryError title={t('playground.loadFailed')} error={latest.error} onRetry={() => void latest.refetch()} />
      ) : messages.isError ? (
        <QueryError title={t('view.messagesFailed')} error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <ChatThread
          messages={chatId === null ? [] : (messages.data ?? [])}
          stream={stream}
          now={now}
          ownKind="client"
          emptyText={
            latest.isPending || (chatId !== null && messages.isPending)
              ? t('playground.loading')
              : t('playground.sayHello', { name: employee.name })
          }
        />
      )}
      <ChatComposer
        label={t('playground.composerLabel')}
        placeholder={t('playground.composerPlaceholder')}
        sending={send.isPending || start.isPending}
        disabled={latest.isPending}
        onSend={onSend}
      />
      {chatId !== null ? (
        <p className={styles.footer}>
          <Link to={`/chats/${chatId}`}>{t('playground.openInChats')}</Link>
        </p>
      ) : null}
    </section>
  );
}
