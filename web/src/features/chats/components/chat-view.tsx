import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';
import { isApiError } from '@/lib/api-client';
import { useChatControl, useSendOperatorMessage } from '../api/chat-actions';
import type { Chat } from '../api/chat-schemas';
import { useChat, useChatMessages } from '../api/get-chat';
import { useReplyStream } from '../hooks/use-reply-stream';
import { formatChatTime } from '../utils/format-time';
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
  const chat = useChat(chatId ?? 0, { enabled: chatId !== null });
  const messages = useChatMessages(chatId ?? 0, { enabled: chatId !== null });
  const stream = useReplyStream(chatId ?? 0);
  const now = useNow();
  useDocumentTitle(chat.data ? `Chat with ${chat.data.chat.client_name}` : 'Chat');

  if (chatId === null || (chat.isError && isApiError(chat.error) && chat.error.status === 404)) {
    return (
      <div className={styles.missing}>
        <h1 className={styles.missingTitle}>Chat not found</h1>
        <p>It does not exist, or it belongs to another account.</p>
        {viewer.isStaff ? null : <Link to="/chats">Back to chats</Link>}
      </div>
    );
  }
  if (chat.isPending) {
    return (
      <p className={styles.loading} role="status">
        Loading the chat…
      </p>
    );
  }
  if (chat.isError) {
    return <QueryError title="Could not load the chat" error={chat.error} onRetry={() => void chat.refetch()} />;
  }

  const data = chat.data.chat;
  return (
    <article className={styles.view} aria-label={`Chat #${data.id}`}>
      <ChatHeader chat={data} viewer={viewer} now={now} />
      <HandoffBanner chat={data} />
      {messages.isPending ? (
        <p className={styles.loading} role="status">
          Loading messages…
        </p>
      ) : messages.isError ? (
        <QueryError title="Could not load the messages" error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <ChatThread messages={messages.data} stream={stream} viewer={viewer} now={now} ownKind="operator" />
      )}
      {viewer.isStaff ? (
        <p className={styles.readOnly}>Read-only: the support team sees this chat as the customer shared it.</p>
      ) : (
        <OperatorControls chat={data} />
      )}
    </article>
  );
}

function ChatHeader({ chat, viewer, now }: { chat: Chat; viewer: ChatViewer; now: number }) {
  return (
    <header className={styles.header}>
      {viewer.isStaff ? null : (
        <Link to="/chats" className={styles.back}>
          ← All chats
        </Link>
      )}
      <div className={styles.headRow}>
        <div className={styles.headText}>
          <h1 className={styles.title}>{`${chat.client_name} · ${chat.employee.name}`}</h1>
          <p className={styles.meta}>
            <span>{`#${chat.id}`}</span>
            <span className={styles.chip}>{sourceLabel(chat.source)}</span>
            <span className={styles.chip} data-tone={chat.status}>
              {chat.status === 'ai' ? 'AI replying' : 'Operator replying'}
            </span>
            <span>{`${chat.message_count} messages`}</span>
            <span>
              {'Started '}
              <time dateTime={chat.created_at}>{formatChatTime(chat.created_at, viewer.timeZone, now)}</time>
            </span>
          </p>
        </div>
        <CopyLinkButton url={chat.url} />
      </div>
    </header>
  );
}

function OperatorControls({ chat }: { chat: Chat }) {
  const control = useChatControl();
  const send = useSendOperatorMessage();
  const controlError = control.isError
    ? isApiError(control.error) && control.error.status === 409
      ? 'The chat changed meanwhile; it is shown as it is now.'
      : `Could not change who answers: ${control.error.message}`
    : null;

  if (chat.status === 'ai') {
    return (
      <div className={styles.controls}>
        <FormAlert message={controlError} />
        <p className={styles.controlsText}>
          {chat.needs_human
            ? 'The AI employee passed this chat to a person. Take it over to reply.'
            : 'The AI employee is answering. Take over to write to the client yourself.'}
        </p>
        <Button loading={control.isPending} onClick={() => control.mutate({ chatId: chat.id, action: 'takeover' })}>
          Take over
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.operator}>
      <div className={styles.controls}>
        <FormAlert message={controlError} />
        <p className={styles.controlsText}>You are answering this chat as a person.</p>
        <Button
          variant="secondary"
          loading={control.isPending}
          onClick={() => control.mutate({ chatId: chat.id, action: 'release' })}
        >
          Hand back to AI
        </Button>
      </div>
      <ChatComposer
        label="Write as a human"
        placeholder="Write to the client as a person…"
        sending={send.isPending}
        onSend={(text) => send.mutateAsync({ chatId: chat.id, text })}
      />
    </div>
  );
}
