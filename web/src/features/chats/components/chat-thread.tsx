import { useLayoutEffect, useRef } from 'react';
import { formatMoney, formatWords } from '@/lib/money';
import type { ChatMessage } from '../api/chat-schemas';
import { formatChatTime, formatFullChatTime } from '../utils/format-time';
import { authorRole, formatScore } from '../utils/labels';
import type { ChatStream } from '../utils/reply-stream';
import type { ChatViewer } from '../utils/viewer';
import styles from './chat-thread.module.css';

export interface ChatThreadProps {
  messages: readonly ChatMessage[];
  stream: ChatStream;
  viewer: ChatViewer;
  now: number;
  /** The reader's own kind of message (client in the playground, operator in a chat): shown on the right. */
  ownKind: 'client' | 'operator';
  /** Shown when the thread is empty. */
  emptyText?: string;
}

const FOLLOWING_PX = 80;

/** The conversation, oldest first, then any reply still being written. */
export function ChatThread({ messages, stream, viewer, now, ownKind, emptyText }: ChatThreadProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const lastId = messages.at(-1)?.id;
  const streamed = stream.replies.map((reply) => reply.text.length).join(',');

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [lastId, streamed]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOWING_PX;
  };

  return (
    <div ref={scrollRef} className={styles.scroll} onScroll={onScroll}>
      {messages.length === 0 && stream.replies.length === 0 && emptyText ? (
        <p className={styles.empty}>{emptyText}</p>
      ) : null}
      <ol className={styles.messages} role="log" aria-label="Messages">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} viewer={viewer} now={now} own={message.author.kind === ownKind} />
        ))}
        {stream.replies.map((reply) => (
          <li key={reply.replyId} className={styles.message} data-kind="employee" data-streaming="true" aria-busy="true">
            <div className={styles.bubble}>
              <p className={styles.meta}>
                <span className={styles.author}>AI employee</span>
                <span className={styles.writing}>writing…</span>
              </p>
              <p className={styles.text}>
                {reply.text}
                <span className={styles.caret} aria-hidden="true" />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function MessageItem({ message, viewer, now, own }: { message: ChatMessage; viewer: ChatViewer; now: number; own: boolean }) {
  const kind = message.author.kind;
  const time = (
    <time dateTime={message.created_at} title={formatFullChatTime(message.created_at, viewer.timeZone)}>
      {formatChatTime(message.created_at, viewer.timeZone, now)}
    </time>
  );
  if (kind === 'system') {
    return (
      <li className={styles.message} data-kind="system" data-message-id={message.id}>
        <div className={styles.system}>
          <p className={styles.systemText}>
            <span className="visually-hidden">System message: </span>
            {message.text}
          </p>
          <p className={styles.meta}>
            {time}
            <span data-testid="message-usage">{viewer.locale === 'ru' ? ' · бесплатно' : ' · free'}</span>
          </p>
        </div>
      </li>
    );
  }
  return (
    <li className={styles.message} data-kind={kind} data-own={own} data-message-id={message.id}>
      <div className={styles.bubble}>
        <p className={styles.meta}>
          <span className={styles.author}>{message.author.name}</span>
          <span className={styles.role} data-kind={kind}>
            {authorRole(kind)}
          </span>
          {time}
        </p>
        <p className={styles.text}>{message.text}</p>
        {kind === 'employee' || kind === 'client' ? (
          <p className={styles.usage} data-testid="message-usage">
            {formatWords(message.words, viewer.locale)}
            {kind === 'employee' ? ` · ${employeeCost(message, viewer.locale)}` : ''}
          </p>
        ) : null}
        {kind === 'employee' ? <KnowledgeUsed message={message} /> : null}
      </div>
    </li>
  );
}

/** What an AI message cost; a handoff notice is not an answer and says it was free. */
function employeeCost(message: ChatMessage, locale: ChatViewer['locale']): string {
  if (message.free || !message.cost) return locale === 'ru' ? 'бесплатно' : 'free';
  return formatMoney(message.cost, locale);
}

function KnowledgeUsed({ message }: { message: ChatMessage }) {
  if (message.passages.length === 0) return <p className={styles.usage}>No knowledge used</p>;
  return (
    <details className={styles.knowledge}>
      <summary>{`Knowledge used (${message.passages.length})`}</summary>
      <ol className={styles.passages}>
        {message.passages.map((passage, index) => (
          <li key={index} className={styles.passage}>
            <p className={styles.passageHead}>
              <span className={styles.passageKind}>{passage.kind === 'qa' ? 'Q&A' : 'Document'}</span>
              <span className={styles.passageTitle}>{passage.title}</span>
              <span className={styles.score}>{`score ${formatScore(passage.score)}`}</span>
            </p>
            <p className={styles.passageText}>{passage.text}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
