import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useNow } from '@/hooks/use-now';
import { useSendClientMessage } from '../api/chat-actions';
import { useChat, useChatMessages } from '../api/get-chat';
import { useLatestPlaygroundChat, useStartPlayground } from '../api/playground';
import { useReplyStream } from '../hooks/use-reply-stream';
import type { ChatViewer } from '../utils/viewer';
import { ChatComposer } from './chat-composer';
import { ChatThread } from './chat-thread';
import { HandoffBanner } from './handoff-banner';
import styles from './playground.module.css';

export interface PlaygroundProps {
  employee: { id: number; name: string; greeting: string; status: 'active' | 'paused' };
  viewer: ChatViewer;
  /** The account's balance, shown so each reply's cost can be seen leaving it. */
  balance?: ReactNode;
}

/** Talk to an employee as a client would, before connecting any channel. */
export function Playground({ employee, viewer, balance }: PlaygroundProps) {
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
    <section className={styles.playground} aria-label="Playground">
      <div className={styles.bar}>
        <p className={styles.intro}>
          {`You are the client here. ${employee.name} answers as it would on a channel; every reply is metered.`}
        </p>
        <div className={styles.actions}>
          {balance}
          <Button
            variant="secondary"
            loading={start.isPending}
            onClick={() => start.mutate(employee.id)}
            disabled={latest.isPending}
          >
            New conversation
          </Button>
        </div>
      </div>
      <FormAlert message={start.isError ? `Could not start a conversation: ${start.error.message}` : null} />
      {employee.status === 'paused' ? (
        <p className={styles.paused} role="status">
          {`${employee.name} is paused and does not reply. Resume it to try it out.`}
        </p>
      ) : null}
      {chat.data ? <HandoffBanner chat={chat.data.chat} /> : null}
      {latest.isError ? (
        <QueryError title="Could not load the playground" error={latest.error} onRetry={() => void latest.refetch()} />
      ) : messages.isError ? (
        <QueryError title="Could not load the messages" error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <ChatThread
          messages={chatId === null ? [] : (messages.data ?? [])}
          stream={stream}
          viewer={viewer}
          now={now}
          ownKind="client"
          emptyText={
            latest.isPending || (chatId !== null && messages.isPending)
              ? 'Loading…'
              : `Say hello to ${employee.name} to start a conversation.`
          }
        />
      )}
      <ChatComposer
        label="Message as the client"
        placeholder="Write as a client would…"
        sending={send.isPending || start.isPending}
        disabled={latest.isPending}
        onSend={onSend}
      />
      {chatId !== null ? (
        <p className={styles.footer}>
          <Link to={`/chats/${chatId}`}>Open this conversation in Chats</Link>
        </p>
      ) : null}
    </section>
  );
}
