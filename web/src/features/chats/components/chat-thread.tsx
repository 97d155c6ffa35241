import { useLayoutEffect, useRef } from 'react';
import { useFormatters, type Formatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import type { ChatMessage } from '../api/chat-schemas';
import { authorRole, formatScore } from '../utils/labels';
import type { ChatStream } from '../utils/reply-stream';
import styles from './chat-thread.module.css';

export interface ChatThreadProps {
  messages: readonly ChatMessage[];
  stream: ChatStream;
  now: number;
  /** The reader's own kind of message (client in the playground, operator in a chat): shown on the right. */
  ownKind: 'client' | 'operator';
  /** Shown when the thread is empty. */
  emptyText?: string;
}

const FOLLOWING_PX = 80;

/** The conversation, oldest first, then any reply still being written. */
export function ChatThread({ messages, stream, now, ownKind, emptyText }: ChatThreadProps) {
  const { t } = useTranslation('chats');
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
      <ol className={styles.messages} role="log" aria-label={t('thread.label')}>
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} now={now} own={message.author.kind === ownKind} />
        ))}
        {stream.replies.map((reply) => (
          <li key={reply.replyId} className={styles.message} data-kind="employee" data-streaming="true" aria-busy="true">
            <div className={styles.bubble}>
              <p className={styles.meta}>
                <span className={styles.author}>{t('thread.aiEmployee')}</span>
                <span className={styles.writing}>{t('thread.writing')}</span>
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

function MessageItem({ message, now, own }: { message: ChatMessage; now: number; own: boolean }) {
  const { t } = useTranslation('chats');
  const fmt = useFormatters();
  const kind = message.author.kind;
  const time = (
    <time dateTime={message.created_at} title={fmt.fullDateTime(message.created_at)}>
      {fmt.dateTime(message.created_at, now)}
    </time>
  );
  if (kind === 'system') {
    return (
      <li className={styles.message} data-kind="system" data-message-id={message.id}>
        <div className={styles.system}>
          <p className={styles.systemText}>
            <span className="visually-hidden">{t('thread.systemMessage')}</span>
            {message.text}
          </p>
          <p className={styles.meta}>
            {time}
            <span data-testid="message-usage">{` · ${t('thread.free')}`}</span>
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
            {fmt.words(message.words)}
            {kind === 'employee' ? ` · ${employeeCost(message, fmt, t('thread.free'))}` : ''}
          </p>
        ) : null}
        {kind === 'employee' ? <KnowledgeUsed message={message} /> : null}
      </div>
    </li>
  );
}

/** What an AI message cost; a handoff notice is not an answer and says it was free. */
function employeeCost(message: ChatMessage, fmt: Formatters, free: string): string {
  if (message.free || !message.cost) return free;
  return fmt.money(message.cost);
}

function KnowledgeUsed({ message }: { message: ChatMessage }) {
  const { t } = useTranslation('chats');
  const fmt = useFormatters();
  if (message.passages.length === 0) return <p className={styles.usage}>{t('thread.noKnowledge')}</p>;
  return (
    <details className={styles.knowledge}>
      <summary>{t('thread.knowledgeUsed', { count: message.passages.length })}</summary>
      <ol className={styles.passages}>
        {message.passages.map((passage, index) => (
          <li key={index} className={styles.passage}>
            <p className={styles.passageHead}>
              <span className={styles.passageKind}>{passage.kind === 'qa' ? t('thread.qa') : t('thread.document')}</span>
              <span className={styles.passageTitle}>{passage.title}</span>
              <span className={styles.score}>{t('thread.score', { score: formatScore(passage.score, fmt.locale) })}</span>
            </p>
            <p className={styles.passageText}>{passage.text}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
