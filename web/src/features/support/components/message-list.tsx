import { useLayoutEffect, useRef } from 'react';
import type { Message } from '../api/ticket-schemas';
import { MessageAttachments } from '@/components/attachments/message-attachments';
import { MessageBody } from './message-body';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import styles from './message-list.module.css';

export interface MessageListProps {
  messages: readonly Message[];
  /** The viewer's side: their own new messages always scroll into view. */
  ownSide: Message['author']['side'];
  now: number;
}

// Within this distance of the bottom, the reader is following the conversation.
const FOLLOWING_PX = 80;

/**
 * The conversation, oldest first: the customer's messages on the right, the
 * team's on the left (for customers and staff alike). Opens at the newest
 * message and follows new ones — unless the reader has scrolled up to read
 * older ones, and a reply from the other side arrives.
 */
export function MessageList({ messages, ownSide, now }: MessageListProps) {
  const { t } = useTranslation('tickets');
  const fmt = useFormatters();
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const last = messages.at(-1);
  const lastId = last?.id;
  const lastIsOwn = last?.author.side === ownSide;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && (following.current || lastIsOwn)) {
      element.scrollTop = element.scrollHeight;
      following.current = true;
    }
  }, [lastId, lastIsOwn]);

  // A thumbnail that loads makes its message taller: stay at the bottom when following.
  const onImageLoad = () => {
    const element = scrollRef.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  };

  const onScroll = () => {
    const element = scrollRef.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOWING_PX;
  };

  return (
    <div ref={scrollRef} className={styles.scroll} onScroll={onScroll}>
      <ol className={styles.messages} role="log" aria-label={t('messages')}>
        {messages.map((message) => (
          <li key={message.id} className={styles.message} data-side={message.author.side} data-message-id={message.id}>
            <div className={styles.bubble}>
              <p className={styles.meta}>
                <span className={styles.author}>{message.author.name}</span>
                {message.author.side === 'team' ? <span className={styles.team}>{t('supportTeam')}</span> : null}
                <time dateTime={message.created_at} title={fmt.fullDateTime(message.created_at)}>
                  {fmt.dateTime(message.created_at, now)}
                </time>
              </p>
              {message.body === '' ? null : <MessageBody body={message.body} references={message.references} />}
              <MessageAttachments attachments={message.attachments} onImageLoad={onImageLoad} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
